"""Dashes lost in a text's extraction: a target written 35年 or 510亿元 most likely meant 3–5, 5–10.

A text whose extraction lost characters shows dates run together (2024725, 20241025,
2024年96) or a document number without its bracket (〔202420); only in such a text is a
run-together number offered as a range, with low confidence and a note.
"""

from __future__ import annotations

import re

from .vocabulary import LOST_CHARACTERS

_LOST_CHARACTERS_RE = re.compile(LOST_CHARACTERS, re.MULTILINE)


def lost_characters(text: str) -> bool:
    """True when the text shows signs of characters lost in extraction (dashes, 年月日, brackets)."""
    return bool(_LOST_CHARACTERS_RE.search(text))


def run_together_range(digits: str) -> tuple[int, int] | None:
    """The range a run-together number may stand for: '35' -> (3, 5), '510' -> (5, 10).

    Only small ranges of the kind plans state (1-2, 3-5, 5-10, 10-20): high above low and at
    most three times it. None when no split reads so.
    """
    if not digits.isdigit() or not 2 <= len(digits) <= 4 or digits[0] == "0":
        return None
    for cut in range(1, len(digits)):
        head, tail = digits[:cut], digits[cut:]
        if tail[0] == "0":
            continue
        low, high = int(head), int(tail)
        if low < high <= 3 * low:
            return low, high
    return None
