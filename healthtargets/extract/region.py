"""Where a figure is about: the issuer's region, or the region a clause starts with (到2030年全国…)."""

from __future__ import annotations

import re
from collections import Counter

from .catalog import Catalog
from .layout import CONTEXT_REACH
from .vocabulary import IN, ISSUER_FIELDS, ISSUER_LINE_ENDINGS, ISSUER_LINE_MAX, LEADING_TIME, WIDER_REGIONS

WIDER_RE = re.compile("|".join(WIDER_REGIONS))
_LEADING_TIME_RE = re.compile(LEADING_TIME)
# possessive spaces: a long run of them would otherwise be split every way around the colon
_ISSUER_FIELD_RE = re.compile(rf"(?:{'|'.join(ISSUER_FIELDS)})\s*+[:：]?\s*+([^\s|]{{2,40}})")
_ISSUER_LINE_RE = re.compile(rf"(?:{'|'.join(ISSUER_LINE_ENDINGS)})$")


class Regions:
    """The regions of one text: the document's own, and the one each clause speaks of."""

    def __init__(self, text: str, catalog: Catalog):
        self.text = text
        self.catalog = catalog
        self.document = _document_region(text, catalog)

    def of_clause(self, number_start: int, clause_start: int) -> str | None:
        """The region a clause speaks of when it starts with one (到2030年全国…), else the issuer's.

        Read before the number and within CONTEXT_REACH characters of the clause's start.
        """
        end = min(number_start, clause_start + CONTEXT_REACH)
        rest = _LEADING_TIME_RE.match(self.text, clause_start, end).end()
        rest += len(IN) if self.text.startswith(IN, rest, end) else 0
        if WIDER_RE.match(self.text, rest, end) and self.catalog.country_code:
            return self.catalog.country_code
        pattern = self.catalog.region_re
        if pattern is not None:
            match = pattern.match(self.text, rest, end)
            if match:
                return self.catalog.region_code(match.group(0))
        return self.document

    def is_wider(self, region: str | None) -> bool:
        """True for the country or a region that holds the document's own (全国, 重庆市 in a district's text)."""
        if region is None or region == self.document:
            return False
        return region == self.catalog.country_code or region in self.catalog.ancestors(self.document or "")


def _document_region(text: str, catalog: Catalog) -> str | None:
    """The region of the issuer: 发布机构/发文单位, the letterhead, the signature; else the text's most specific."""
    pattern = catalog.region_re
    if pattern is None:
        return None
    issuers = _ISSUER_FIELD_RE.findall(text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    issuers += [line for line in lines if len(line) <= ISSUER_LINE_MAX and _ISSUER_LINE_RE.search(line)]
    for scope in (issuers, [text]):
        codes = [catalog.region_code(m.group(0)) for s in scope for m in pattern.finditer(s)]
        codes = [c for c in codes if c]
        if codes:
            counts = Counter(codes)
            depth = {code: len(catalog.ancestors(code)) for code in counts}
            return max(codes, key=lambda c: (depth[c], counts[c]))
    return None
