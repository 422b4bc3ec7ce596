"""What is not a figure: the spans of a text masked before its numbers are read.

Dates, years, document numbers, ordinals, meetings, plan names, titles, slogans, phone and
registration numbers (vocabulary.MASKS), and whole lines of page furniture. A number that
starts or ends inside a masked span is no candidate.
"""

from __future__ import annotations

import re

from .vocabulary import (
    ABSTRACT_COUNT_NOUNS,
    CHINESE_NUMERALS,
    MASKS,
    MEETING_WORDS,
    META_LINE_MAX,
    META_LINE_NOT_WITH,
    META_LINE_SPACED_WORDS,
    META_LINE_WORDS,
    PLAN_WORDS,
    SLOGAN_PREFIXES,
)

_PLACEHOLDERS = {
    "<NUM>": rf"(?<![\d{CHINESE_NUMERALS}])[\d{CHINESE_NUMERALS}]+",
    "<NUMERAL>": CHINESE_NUMERALS,
    "<MEETING>": "|".join(MEETING_WORDS),
    "<PLAN>": "|".join(PLAN_WORDS),
    "<SLOGAN>": "|".join(SLOGAN_PREFIXES),
    "<ABSTRACT>": "|".join(ABSTRACT_COUNT_NOUNS),
}


def expanded(pattern: str, words: dict[str, str] | None = None) -> str:
    """A pattern of the vocabulary with its placeholders (<NUM>, <PLAN> … and those of words) filled in."""
    for placeholder, source in {**_PLACEHOLDERS, **(words or {})}.items():
        pattern = pattern.replace(placeholder, source)
    return pattern


_MASK_RE = re.compile("|".join(f"(?:{expanded(pattern)})" for _, pattern in MASKS))
_META_LINE_RE = re.compile("|".join([r"\s*".join(w) for w in META_LINE_SPACED_WORDS] + list(META_LINE_WORDS)))


def mask(text: str) -> bytearray:
    """1 for every character that belongs to something that is not a figure."""
    masked = bytearray(len(text))
    for match in _MASK_RE.finditer(text):
        masked[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    position = 0
    for line in text.splitlines(keepends=True):
        if len(line) <= META_LINE_MAX and META_LINE_NOT_WITH not in line and _META_LINE_RE.search(line):
            masked[position:position + len(line)] = b"\x01" * len(line)
        position += len(line)
    return masked
