"""The unit of a number: the one written after it, the one its context implies, a rate it is part of.

A unit character that begins a longer word is no unit (3个月, 3家庭), nor is 张 before a name.
"""

from __future__ import annotations

import re

from healthtargets.dataset.numbers import NumeralToken

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


def phrase_start(text: str, start: int) -> int:
    """Where the phrase that holds a number starts: after the last comma, stop or line break before it."""
    return max(text.rfind(c, 0, start) for c in PHRASE_STOPS) + 1


def implied_unit(text: str, first: NumeralToken, last: NumeralToken, end: int, magnitude: str,
                 written: dict) -> tuple[str, str, int] | None:
    """A unit the text implies, a note saying so, and where the figure ends.

    50余万 after 医生 -> 人 (read with the magnitude: 万人); 四大体育赛事品牌 -> 个.
    """
    tail = magnitude[-1:] if magnitude[-1:] in tuple(KEPT_MAGNITUDES) else ""
    if tail and tail + PERSON_UNIT in written:
        if _PERSON_NOUNS_RE.search(text, phrase_start(text, first.start), first.start):
            return PERSON_UNIT, f"unit inferred: the text gives '{text[first.start:end]}' without a unit", end
    low, high = COUNT_RANGE
    if (first is last and not magnitude and text.startswith(COUNT_WORD, end) and low <= first.value <= high
            and COUNT_UNIT in written):
        rest = text[end + 1:end + 1 + COUNT_PHRASE_LENGTH]
        stop = _COUNT_PHRASE_STOP_RE.search(rest)
        phrase = rest[:stop.start()] if stop else rest
        if COUNT_NOT_IN_PHRASE in phrase or not phrase or phrase[0] in COUNT_NOT_FOLLOWED_BY:
            return None
        note = f"count read from '{first.text}{COUNT_WORD}' (the {first.text} major …): no counter word follows"
        return COUNT_UNIT, note, end + 1
    return None


def unit_stands(text: str, unit: str, unit_end: int, first: NumeralToken) -> bool:
    """False when the unit character begins a longer word (3个月) or a name (张新民)."""
    if unit == ZHANG:
        return unit_end >= len(text) or text[unit_end] in ZHANG_FOLLOWERS
    after = text[unit_end:unit_end + NOT_A_UNIT_LOOKAHEAD]
    if any(after.startswith(word) for word in NOT_A_UNIT_BEFORE.get(unit, ())):
        return False
    return not (first.start > 0 and text[first.start - 1].isascii() and text[first.start - 1].isalpha())


def rate_unit(text: str, unit: str, start: int, written: dict) -> str:
    """张 after 每千常住人口 is 张/千人; 平方米 after 人均 is 平方米/人."""
    rates = [(before, rate) for plain, before, rate in _RATE_UNITS if plain == unit]
    if not rates:
        return unit
    before_number = text[phrase_start(text, start):start]
    return next((rate for before, rate in rates if before.search(before_number) and rate in written), unit)


def per_residents(text: str, start: int) -> str:
    """'每万人口' when the phrase before the number states a rate per residents, else ''."""
    match = _PER_RESIDENTS_RE.search(text, phrase_start(text, start), start)
    return match.group(0) if match else ""
