"""Numbers with their units: every numeral of a text that a written unit follows, read as a figure.

The scan goes over the numeral tokens (runs of at most 20 characters) in order, and for each
one that is not masked reads:
1. a range: a second numeral after a dash or 至 (1-2, 1至3, 一至两);
2. what follows the numerals: a Chinese decimal (十二点五), 余/多, magnitude words (万, 亿);
3. the unit: written, or implied by the context; dropped when it is none (3个月, 第3次);
4. magnitudes folded into the number or kept in the unit (3千张 -> 3000 张, 10万亩 -> 10 万亩);
   a number beyond any a plan states (above 1e15) is dropped;
5. the qualifier: a word before or after the figure (不低于, 以上, 约, 近).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from healthtargets.dataset.numbers import NumeralToken

from .candidate import Number
from .catalog import Catalog
from .numerals import numeral_tokens, sane
from .qualifier import prefix_qualifier, suffix_qualifier
from .unit import UnitRead, Units
from .vocabulary import (
    APPROX_AFTER,
    CHINESE_DIGITS,
    DECIMAL_POINT,
    FULL_WIDTH_PERCENT,
    KEPT_MAGNITUDES,
    LIST_TAIL,
    MAGNITUDE_WORDS,
    NOT_ORDINAL_BEFORE,
    ONE,
    ONE_COUNTS,
    ORDINAL_BEFORE,
    PERCENT_IN_WORDS,
    PLAUSIBLE_YEARS,
    RANGE_REPEATED_SEPARATORS,
    RANGE_REPEATED_UNITS,
    RANGE_SEPARATORS,
    RANK_UNIT,
    RECENT_SPAN,
    YEAR_UNIT,
)

_LIST_TAIL_RE = re.compile(LIST_TAIL)
_RANGE_SEP_RE = re.compile(r"\s?(?:" + "|".join(RANGE_SEPARATORS) + r")\s?")
_MAGNITUDE_RUN_RE = re.compile(f"[{''.join(MAGNITUDE_WORDS)}]+")
_MAGNITUDE_RUN_MAX = 3  # 万亿: magnitude words read after the numerals
_DIGIT_VALUES = {c: d for d, c in enumerate(CHINESE_DIGITS)} | {"〇": 0}
_SPACES = " \u3000"
_ORDINAL_LOOKBACK = 4  # characters before the number searched for 第/前


@dataclass
class _Numerals:
    """The numerals of one figure and what follows them, before the unit is read."""

    first: NumeralToken
    last: NumeralToken  # the second numeral of a range, else first
    end: int  # where the unit may start
    fraction: float = 0.0  # 十二点五: the .5
    approx: bool = False  # 余 or 多 follows
    magnitude: str = ""  # magnitude words, those of the token and those that follow it


def scan_numbers(text: str, catalog: Catalog, masked: bytearray) -> list[Number]:
    """Every number followed by a written unit, with ranges and qualifiers read; none that starts or ends masked."""
    tokens = numeral_tokens(text)
    units = Units(text, catalog.units.written)
    found: list[Number] = []
    i = 0
    while i < len(tokens):
        first = tokens[i]
        i += 1
        if masked[first.start] or masked[first.end - 1]:
            continue
        last, i = _range_end(text, tokens, i, first, masked)
        numerals, i = _read_after(text, tokens, i, first, last)
        number = _figure(text, numerals, catalog, units)
        if number is not None:
            found.append(number)
    return found


def _range_end(text: str, tokens: list[NumeralToken], i: int, first: NumeralToken, masked: bytearray):
    """The second numeral of a range (1-2, 1至3, 2—3, 3~5, 一至两, 36%~42%) and the next token index; first when none."""
    repeated = next((u for u in RANGE_REPEATED_UNITS if text.startswith(u, first.end)), "")
    sep = _RANGE_SEP_RE.match(text, first.end + len(repeated))
    if repeated and sep and sep.group(0).strip() not in RANGE_REPEATED_SEPARATORS:  # 从36.9%到65.6% is a change
        return first, i
    if sep and i < len(tokens) and tokens[i].start == sep.end() and not masked[tokens[i].start]:
        second = tokens[i]
        if (not first.magnitude or first.magnitude == second.magnitude) and (
                not repeated or text.startswith(RANGE_REPEATED_UNITS, second.end)):
            return second, i + 1
    return first, i


def _read_after(text: str, tokens: list[NumeralToken], i: int, first: NumeralToken, last: NumeralToken):
    """What follows the numerals up to the unit, and the index of the first token not read."""
    n = len(text)
    numerals = _Numerals(first, last, last.end, magnitude=last.magnitude)
    decimal = _chinese_decimal(text, last, tokens, i)
    if decimal is not None:
        numerals.fraction, numerals.end, i = decimal
    p = numerals.end
    if p < n and text[p] in APPROX_AFTER:
        numerals.approx, p = True, p + 1
    extra = _MAGNITUDE_RUN_RE.match(text, p, p + _MAGNITUDE_RUN_MAX)
    if extra:
        numerals.magnitude += extra.group(0)
        p += len(extra.group(0))
    if not numerals.approx and p < n and text[p] in APPROX_AFTER:
        numerals.approx, p = True, p + 1
    while i < len(tokens) and tokens[i].start < p:  # a numeral we just read as magnitude
        i += 1
    if p < n and text[p] in _SPACES:  # one space between number and unit, not a gap
        p += 1 if p + 1 < n and not text[p + 1].isspace() else 0
    numerals.end = p
    return numerals, i


def _chinese_decimal(text: str, last: NumeralToken, tokens: list[NumeralToken], i: int):
    """十二点五: the fraction after 点, where the decimal ends, and the next token index."""
    if last.text[0].isdigit() or not text.startswith(DECIMAL_POINT, last.end) or last.magnitude:
        return None
    if i >= len(tokens) or tokens[i].start != last.end + 1:
        return None
    digits = tokens[i].text.rstrip("".join(MAGNITUDE_WORDS))  # 十二点五万: the magnitude is read after the digits
    if not digits or not all(c in _DIGIT_VALUES for c in digits):
        return None
    fraction = float("0." + "".join(str(_DIGIT_VALUES[c]) for c in digits))
    return fraction, tokens[i].start + len(digits), i + 1


def _figure(text: str, numerals: _Numerals, catalog: Catalog, units: Units) -> Number | None:
    """The figure the numerals and their unit state, or None when they state none."""
    read = _unit(text, numerals, catalog, units)
    if read is None:
        return None
    first, last = numerals.first, numerals.last
    unit, fold = _fold_magnitude(read.unit, numerals.magnitude, catalog.units.written)
    unit = units.rate(unit, first.start)
    note, confidence = read.note, read.confidence
    if "/" not in unit and not note and (rate := units.per_residents(first.start)):
        note, confidence = f"a rate ({rate}…), which no written unit of the table expresses: check the unit", "medium"
    if last is not first:
        low, high = first.bare * fold, (last.bare + numerals.fraction) * fold
        if not low < high:
            return None
        value, qualifier = None, "range"
    else:
        value, low, high = (first.bare + numerals.fraction) * fold, None, None
        qualifier = "over" if numerals.approx else "exact"
    if not sane(value, low, high):
        return None
    lead = first.start - len(PERCENT_IN_WORDS) if text.endswith(PERCENT_IN_WORDS, 0, first.start) else first.start
    qualifier, written_start, bound, end = _qualified(text, qualifier, lead, read.end)
    if unit == YEAR_UNIT and bound == RECENT_SPAN:  # 近3年: the last three years, not nearly three
        qualifier = "exact"
    return Number(value, low, high, unit, qualifier, first.start, end, note, written_start, bound, confidence=confidence)


def _unit(text: str, numerals: _Numerals, catalog: Catalog, units: Units) -> UnitRead | None:
    """The unit of the numerals: written in the table, implied, an unknown counter, or 万/亿 alone; None when none stands."""
    first, last, p = numerals.first, numerals.last, numerals.end
    unit_match = catalog.unit_re.match(text, p)
    read = None
    if unit_match and units.stands(unit_match.group(0), unit_match.end(), first):
        unit = "%" if unit_match.group(0) == FULL_WIDTH_PERCENT else unit_match.group(0)
        read = UnitRead(unit, unit_match.end())
    elif text.endswith(PERCENT_IN_WORDS, 0, first.start):
        read = UnitRead("%", p)
    else:
        read = (units.implied(first, last, p, numerals.magnitude) or units.counter(first, p, numerals.magnitude)
                or _listed(text, p, first, catalog, units))
    if read is None or _is_lone(first, last, read.unit):
        return None
    before = text[max(0, first.start - _ORDINAL_LOOKBACK):first.start].rstrip()
    ordinal = before.endswith(ORDINAL_BEFORE) and not before.endswith(NOT_ORDINAL_BEFORE)
    if not ordinal and read.unit == RANK_UNIT and units.counts_persons(first, read.end):  # 22位医生
        return read._replace(note=f"a count of people ('{first.text}{RANK_UNIT}'), not a rank: the unit is 人",
                             confidence="medium")
    if ordinal != (read.unit == RANK_UNIT):  # 第3位 is a rank; 第3次, 3位 are not figures
        return None
    if (read.unit == YEAR_UNIT and last is first and not numerals.approx  # 2100多年建城史 is a span
            and PLAUSIBLE_YEARS[0] <= first.value <= PLAUSIBLE_YEARS[1]):
        return None
    if ordinal:  # 居全国第3位, 进入前十位: at most a rank, never a count
        return read._replace(note=f"a rank ('{before[-1]}{first.text}{RANK_UNIT}'), not a quantity: keep it only as a rank",
                             confidence="low")
    return read


def _listed(text: str, p: int, first: NumeralToken, catalog: Catalog, units: Units) -> UnitRead | None:
    """37.2、22.9、16.0个百分点: the unit written after the last number of a list, for each of them."""
    tail = _LIST_TAIL_RE.match(text, p) if first.text[0].isdigit() else None
    if tail is None:
        return None
    unit_match = catalog.unit_re.match(text, tail.end())
    if unit_match and units.stands(unit_match.group(0), unit_match.end(), first):
        return UnitRead("%" if unit_match.group(0) == FULL_WIDTH_PERCENT else unit_match.group(0), p)
    counter = units.counter(first, tail.end(), "")
    return counter._replace(end=p) if counter is not None and counter.unit else None


def _is_lone(first: NumeralToken, last: NumeralToken, unit: str) -> bool:
    """一 on its own (一批, 一个重要方向) is an article, not a count; 一所, 一座, 一处 count."""
    return first is last and first.text == ONE and unit not in ONE_COUNTS


def _fold_magnitude(unit: str, magnitude: str, written: dict) -> tuple[str, float]:
    """万/亿 (and 万亿) stay in the unit when the table has the compound (10万亩, 1.25万亿元) or does not know the
    unit (160万吨, 207万); everything else folds (3千张 -> 3000)."""
    pair = magnitude[-2:]  # 1.25万亿元: 万亿元 where the table has it
    if len(pair) == 2 and all(m in KEPT_MAGNITUDES for m in pair) and pair + unit in written:
        return pair + unit, _fold(magnitude[:-2])
    tail = magnitude[-1] if magnitude and magnitude[-1] in KEPT_MAGNITUDES else ""
    if tail and (tail + unit in written or unit not in written):  # an unknown unit keeps them as written: 160万吨
        return tail + unit, _fold(magnitude[:-1])
    return unit, _fold(magnitude)


def _fold(magnitude: str) -> float:
    return math.prod(MAGNITUDE_WORDS[m] for m in magnitude) if magnitude else 1.0


def _qualified(text: str, qualifier: str, lead: int, unit_end: int) -> tuple[str, int, str, int]:
    """The qualifier, where the figure as written starts and ends, and the word that states a bound."""
    end, written_start, bound = unit_end, lead, ""
    suffix = suffix_qualifier(text, end)
    if qualifier == "exact":
        prefix = prefix_qualifier(text, lead)
        if prefix:
            qualifier, written_start = prefix
            bound = text[written_start:lead]
        elif suffix:
            qualifier, bound = suffix[0], suffix[1]
    if suffix and qualifier != "range":
        end = suffix[2]
    return qualifier, written_start, bound, end
