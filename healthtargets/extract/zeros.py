"""Zeros stated in words: 我区还没有规模以上康养产业企业 is 0 家, the state of things now."""

from __future__ import annotations

import re

from .candidate import Number
from .catalog import Catalog
from .vocabulary import ZERO_DEFAULT_UNIT, ZERO_GAP, ZERO_NOUNS, ZERO_UNITS, ZERO_WORDS

_ZERO_RE = re.compile(
    rf"(?P<word>{'|'.join(ZERO_WORDS)})(?P<what>[^，,。；;、\n]{{0,{ZERO_GAP}}}?)"
    rf"(?P<noun>{'|'.join(ZERO_NOUNS)})"
)


def scan_zeros(text: str, catalog: Catalog) -> list[Number]:
    """Zeros stated in words, as figures of value 0 in 家 (enterprises) or 个 (bases, projects)."""
    found = []
    for match in _ZERO_RE.finditer(text):
        unit = ZERO_UNITS.get(match.group("noun"), ZERO_DEFAULT_UNIT)
        if unit in catalog.units.written:
            note = f"a zero stated in words ('{match.group('word')}'): the text gives no numeral"
            found.append(Number(0, None, None, unit, "exact", match.start(), match.end(), note,
                                bound_word=match.group("word"), zero=True, confidence="medium"))
    return found
