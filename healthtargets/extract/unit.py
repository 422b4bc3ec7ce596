"""The unit of a number: the one written after it, the one its context implies, a rate it is part of.

A unit character that begins a longer word is no unit (3个月, 3家庭), nor is 张 before a name.
A counter the unit table does not know (3120种, 160万吨) is still a unit, read with less
confidence; so is 万 or 亿 with no unit noun after it (产值350亿 -> 亿元, 207万 -> 万).
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from healthtargets.dataset.numbers import NumeralToken

from .layout import CONTEXT_REACH, positions
from .vocabulary import (
    COUNT_NOT_FOLLOWED_BY,
    COUNT_PHRASE_LENGTH,
    COUNT_PHRASE_STOPS,
    COUNT_RANGE,
    COUNT_UNIT,
    COUNT_WORD,
    COUNTERS,
    GREAT_NOT_IN_PHRASE,
    KEPT_MAGNITUDES,
    MONEY_NOUNS,
    MONEY_UNIT,
    NOT_A_COUNTER_BEFORE,
    NOT_A_UNIT_BEFORE,
    NOT_A_UNIT_LOOKAHEAD,
    PER_RESIDENTS,
    PERCENT_UNITS,
    PERSON_COUNT_AFTER,
    PERSON_COUNT_NOUNS,
    PERSON_NOUNS,
    PERSON_UNIT,
    PHRASE_STOPS,
    PLACE_SUFFIXES,
    RATE_UNITS,
    ZHANG,
    ZHANG_FOLLOWERS,
)

_PERSON_NOUNS_RE = re.compile("|".join(PERSON_NOUNS))
_PERSONS_COUNTED_RE = re.compile("|".join(PERSON_COUNT_NOUNS + PERSON_NOUNS))
_MONEY_NOUNS_RE = re.compile("|".join(MONEY_NOUNS))
_COUNTER_RE = re.compile("|".join(re.escape(c) for c in sorted(COUNTERS, key=len, reverse=True)))
_COUNT_PHRASE_STOP_RE = re.compile(f"[{COUNT_PHRASE_STOPS}]")
_RATE_UNITS = [(unit, re.compile(before), rate) for unit, before, rate in RATE_UNITS]
_PER_RESIDENTS_RE = re.compile(PER_RESIDENTS)


class UnitRead(NamedTuple):
    """A unit as read after a number: where it ends, and how sure the reading is, with the reason."""

    unit: str
    end: int
    note: str = ""
    confidence: str = "high"


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

    def implied(self, first: NumeralToken, last: NumeralToken, end: int, magnitude: str) -> UnitRead | None:
        """A unit the text implies, with a note saying so.

        50余万 after 医生 -> 人 (read with the magnitude: 万人); 四大体育赛事品牌 -> 个.
        """
        text = self.text
        tail = magnitude[-1:] if magnitude[-1:] in tuple(KEPT_MAGNITUDES) else ""
        if tail and tail + PERSON_UNIT in self.written:
            if _PERSON_NOUNS_RE.search(text, self.before(first.start), first.start):
                return UnitRead(PERSON_UNIT, end, f"unit inferred: the text gives '{text[first.start:end]}' without a unit",
                                "medium")
        low, high = COUNT_RANGE
        if (first is last and not magnitude and text.startswith(COUNT_WORD, end) and low <= first.value <= high
                and COUNT_UNIT in self.written):
            rest = text[end + 1:end + 1 + COUNT_PHRASE_LENGTH]
            stop = _COUNT_PHRASE_STOP_RE.search(rest)
            phrase = rest[:stop.start()] if stop else rest
            if any(word in phrase for word in GREAT_NOT_IN_PHRASE) or not phrase or phrase[0] in COUNT_NOT_FOLLOWED_BY:
                return None
            note = f"count read from '{first.text}{COUNT_WORD}' (the {first.text} major …): no counter word follows"
            return UnitRead(COUNT_UNIT, end + 1, note, "medium")
        return None

    def counter(self, first: NumeralToken, end: int, magnitude: str) -> UnitRead | None:
        """A counter the unit table does not know (种, 户, 吨), else 万/亿 with no unit noun: 亿元 after
        money words (产值, 规模 …), else the magnitude alone. None when no counter follows."""
        text = self.text
        match = _COUNTER_RE.match(text, end)
        tail = magnitude[-1:] if magnitude[-1:] in tuple(KEPT_MAGNITUDES) else ""
        if match:
            after = text[match.end():match.end() + NOT_A_UNIT_LOOKAHEAD]
            if after[:1] in tuple(PLACE_SUFFIXES) or any(after.startswith(w) for w in NOT_A_COUNTER_BEFORE.get(match.group(0), ())):
                return None
            unit = tail + match.group(0)
            note = f"unit '{unit}' is not in the unit table (data/units.yaml): add it there, or choose one, before the figure validates"
            return UnitRead(match.group(0), match.end(), note, "medium")
        if not tail:
            return None
        written = text[first.start:end]
        if _MONEY_NOUNS_RE.search(text, self.before(first.start), first.start) and tail + MONEY_UNIT in self.written:
            return UnitRead(MONEY_UNIT, end, f"unit inferred: the text gives '{written}' without 元 after a sum of money", "medium")
        return UnitRead("", end, f"no unit noun follows '{written}': {tail} of what? choose the unit", "low")

    def stands(self, unit: str, unit_end: int, first: NumeralToken) -> bool:
        """False when the unit character begins a longer word (3个月) or a name (三张新民; 31张 is a unit)."""
        text = self.text
        if unit == ZHANG:
            return first.text[0].isdigit() or unit_end >= len(text) or text[unit_end] in ZHANG_FOLLOWERS
        after = text[unit_end:unit_end + NOT_A_UNIT_LOOKAHEAD]
        if any(after.startswith(word) for word in NOT_A_UNIT_BEFORE.get(unit, ())):
            return False
        after_letters = first.start > 0 and text[first.start - 1].isascii() and text[first.start - 1].isalpha()
        return not after_letters or unit in PERCENT_UNITS  # 5G and A8 are codes; GDP3.5% is a share

    def counts_persons(self, first: NumeralToken, unit_end: int) -> bool:
        """True when the phrase around '22位' names people: 22位医生, 医生为17位, 50多位企业高管."""
        if _PERSONS_COUNTED_RE.search(self.text, unit_end, unit_end + PERSON_COUNT_AFTER):
            return True
        return bool(_PERSONS_COUNTED_RE.search(self.text, self.before(first.start), first.start))

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
