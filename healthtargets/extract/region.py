"""Where a figure is about: the document's region, the region its clause or sentence names, or the
document's own region at the level a word names (全省 in a city's report is the province's).

The document's region is its issuer's (发布机构, the letterhead, the signature) when the text
gives one; else the region the text names most often (its first line counts double), 全国 and
我国 counting half for the country (居全国第一 compares), a place in a dateline (新华社银川4月25日电) or a newspaper's name
(十堰日报) not at all; of regions named as often, the more specific.
"""

from __future__ import annotations

import re
from collections import Counter

from .catalog import Catalog
from .layout import CONTEXT_REACH
from .vocabulary import (
    COUNTRY_WORD_WEIGHT,
    COUNTRY_WORDS,
    HEADLINE_WEIGHT,
    IN,
    ISSUER_FIELDS,
    ISSUER_LINE_ENDINGS,
    ISSUER_LINE_MAX,
    LEADING_TIME,
    NOT_THE_SUBJECT_AFTER,
    OWN_REGION_LEVELS,
    OWN_REGION_WORD,
    WIDER_REGIONS,
)

WIDER_RE = re.compile("|".join(WIDER_REGIONS))
_COUNTRY_RE = re.compile("|".join(COUNTRY_WORDS))
_LEADING_TIME_RE = re.compile(LEADING_TIME)
# possessive spaces: a long run of them would otherwise be split every way around the colon
_ISSUER_FIELD_RE = re.compile(rf"(?:{'|'.join(ISSUER_FIELDS)})\s*+[:：]?\s*+([^\s|]{{2,40}})")
_ISSUER_LINE_RE = re.compile(rf"(?:{'|'.join(ISSUER_LINE_ENDINGS)})$")
_NOT_THE_SUBJECT_RE = re.compile(NOT_THE_SUBJECT_AFTER)
_OWN_REGION_RE = re.compile(OWN_REGION_WORD)
_LEVEL_DEPTH = {"country": 0, "province": 1, "prefecture": 2, "county": 3}


class Regions:
    """The regions of one text: the document's own, and the one each clause speaks of."""

    def __init__(self, text: str, catalog: Catalog):
        self.text = text
        self.catalog = catalog
        self.document = document_region(text, catalog)

    def of_clause(self, number_start: int, clause_start: int, sentence_start: int | None = None) -> str | None:
        """The region the number's clause starts with (到2030年全国…, 全省…), else the one its sentence
        starts with, else the document's. Read before the number, within CONTEXT_REACH of the start."""
        for start in (clause_start, sentence_start):
            if start is not None and (named := self._named_at(start, min(number_start, start + CONTEXT_REACH))):
                return named
        return self.document

    def _named_at(self, start: int, end: int) -> str | None:
        """The region named at the start of text[start:end], past its leading time words and 在."""
        rest = _LEADING_TIME_RE.match(self.text, start, end).end()
        rest += len(IN) if self.text.startswith(IN, rest, end) else 0
        if WIDER_RE.match(self.text, rest, end) and self.catalog.country_code:
            return self.catalog.country_code
        own = _OWN_REGION_RE.match(self.text, rest, end)
        if own:
            return self._own(own.group("level"))
        pattern = self.catalog.region_re
        match = pattern.match(self.text, rest, end) if pattern is not None else None
        return self.catalog.region_code(match.group(0)) if match else None

    def _own(self, level_word: str) -> str | None:
        """The document's region, or the one above it, that 全省/全市/全区 names (全省 in a city's text: its province)."""
        if self.document is None:
            return None
        first, *others = OWN_REGION_LEVELS[level_word]
        for code in [self.document, *self.catalog.ancestors(self.document)]:
            region = self.catalog.regions[code]
            if region.level == first or (region.level in others and region.zh.endswith(level_word)):
                return code
        return self.document

    def is_wider(self, region: str | None) -> bool:
        """True for the country or a region that holds the document's own (全国, 重庆市 in a district's text)."""
        if region is None or region == self.document:
            return False
        return region == self.catalog.country_code or region in self.catalog.ancestors(self.document or "")


def document_region(text: str, catalog: Catalog) -> str | None:
    """The region of the issuer (发布机构/发文单位, the letterhead, the signature), else the one the text names most."""
    pattern = catalog.region_re
    if pattern is None:
        return None
    issuers = _ISSUER_FIELD_RE.findall(text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    issuers += [line for line in lines if len(line) <= ISSUER_LINE_MAX and _ISSUER_LINE_RE.search(line)]
    codes = [code for s in issuers for m in pattern.finditer(s) if (code := catalog.region_code(m.group(0)))]
    if codes:
        return max(codes, key=lambda c: (len(catalog.ancestors(c)), codes.count(c)))
    counts = _mentions(text, catalog)
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], _LEVEL_DEPTH[catalog.regions[c].level]))


def _mentions(text: str, catalog: Catalog) -> Counter:
    """How often the text names each region as its subject (its first line counting HEADLINE_WEIGHT times)."""
    headline_end = text.find("\n", len(text) - len(text.lstrip()))
    counts: Counter = Counter()
    for match in catalog.region_re.finditer(text):
        if _NOT_THE_SUBJECT_RE.match(text, match.end()):
            continue
        code = catalog.region_code(match.group(0))
        if code:
            counts[code] += HEADLINE_WEIGHT if headline_end == -1 or match.start() < headline_end else 1
    if catalog.country_code:
        counts[catalog.country_code] += COUNTRY_WORD_WEIGHT * len(_COUNTRY_RE.findall(text))
    return +counts
