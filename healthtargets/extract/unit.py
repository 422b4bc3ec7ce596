"""The unit of a number: the one written after it, the one its context implies, a rate it is part of.

A unit character that begins a longer word is no unit (3个月, 3家庭), nor is 张 before a name.
"""

from __future__ import annotations

import bisect
import re

from healthtargets.dataset.numbers import NumeralToken

from .layout import CONTEXT_REACH, positions
from .vocabulary import (
    COUNT_NOT_FOLLOWED_BY,
    COUNT_NOT_IN_PHRASE,
    COUNT_PHRASE_LENGTH,
    COUNT_PHRASE_STOPS,
    COUNT_RANGE,
    COUNT_UNIT,
    COUNT_WORD,
    KEPT_MAGNITUDES,
    NOT_A_UNIT_BEFORE,
    NOT_A_UNIT_LOOKAHEAD,
    PER_RESIDENTS,
    PERSON_NOUNS,
    PERSON_UNIT,
    PHRASE_STOPS,
    RATE_UNITS,
    ZHANG,
    ZHANG_FOLLOWERS,
)

_PERSON_NOUNS_RE = re.compile("|".join(PERSON_NOUNS))
_COUNT_PHRASE_STOP_RE = re.compile(f"[{COUNT_PHRASE_STOPS}]")
_RATE_UNITS = [(unit, re.compile(before), rate) for unit, before, rate in RATE_UNITS]
_PER_RESIDENTS_RE = re.compile(PER_RESIDENTS)


class Units:
    """Reads the units of the numbers of one text.

    The words before a number (医生…, 每千常住人口…, 人均…) are looked for in its phrase, from
    the comma, stop or line break before it, and at most CONTEXT_REACH characters back.
    """

    def __init__(self, text: str, written: dict):
        self.text = text
        self.written = written
        self.stops = positions(text, PHRASE_STOPS)

    def before(self, start: int) -> int:
        """Where the words before a number are looked for: its phrase's start, or CONTEXT_REACH back."""
        index = bisect.bisect_left(self.stops, start)
        phrase_start = self.stops[index - 1] + 1 if index > 0 else 0
        return max(phrase_start, start - CONTEXT_REACH)

    def implied(self, first: NumeralToken, last: NumeralToken, end: int, magnitude: str) -> tuple[str, str, int] | None:
        """A unit the text implies, a note saying so, and where the figure ends.

        50余万 after 医生 -> 人 (read with the magnitude: 万人); 四大体育赛事品牌 -> 个.
        """
        text = self.text
        tail = magnitude[-1:] if magnitude[-1:] in tuple(KEPT_MAGNITUDES) else ""
        if tail and tail + PERSON_UNIT in self.written:
            if _PERSON_NOUNS_RE.search(text, self.before(first.start), first.start):
                return PERSON_UNIT, f"unit inferred: the text gives '{text[first.start:end]}' without a unit", end
        low, high = COUNT_RANGE
        if (first is last and not magnitude and text.startswith(COUNT_WORD, end) and low <= first.value <= high
                and COUNT_UNIT in self.written):
            rest = text[end + 1:end + 1 + COUNT_PHRASE_LENGTH]
            stop = _COUNT_PHRASE_STOP_RE.search(rest)
            phrase = rest[:stop.start()] if stop else rest
            if COUNT_NOT_IN_PHRASE in phrase or not phrase or phrase[0] in COUNT_NOT_FOLLOWED_BY:
                return None
            note = f"count read from '{first.text}{COUNT_WORD}' (the {first.text} major …): no counter word follows"
            return COUNT_UNIT, note, end + 1
        return None

    def stands(self, unit: str, unit_end: int, first: NumeralToken) -> bool:
        """False when the unit character begins a longer word (3个月) or a name (张新民)."""
        text = self.text
        if unit == ZHANG:
            return unit_end >= len(text) or text[unit_end] in ZHANG_FOLLOWERS
        after = text[unit_end:unit_end + NOT_A_UNIT_LOOKAHEAD]
        if any(after.startswith(word) for word in NOT_A_UNIT_BEFORE.get(unit, ())):
            return False
        return not (first.start > 0 and text[first.start - 1].isascii() and text[first.start - 1].isalpha())

    def rate(self, unit: str, start: int) -> str:
        """张 after 每千常住人口 is 张/千人; 平方米 after 人均 is 平方米/人."""
        rates = [(before, rate) for plain, before, rate in _RATE_UNITS if plain == unit]
        if not rates:
            return unit
        pos = self.before(start)
        return next((rate for before, rate in rates if before.search(self.text, pos, start) and rate in self.written), unit)

    def per_residents(self, start: int) -> str:
        """'每万人口' when the phrase before the number states a rate per residents, else ''."""
        match = _PER_RESIDENTS_RE.search(self.text, self.before(start), start)
        return match.group(0) if match else ""
