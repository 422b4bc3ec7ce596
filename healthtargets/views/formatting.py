"""Numbers as a reader sees them, in Chinese or English.

Chinese keeps the figure as the document writes it: 289.3亿元, ≥3,000 张, 约5亿人.
English restates Chinese magnitudes (万, 亿) as international ones from the
normalised value: CNY 28.93 bn, about 500 million persons, ≥3,000 beds.

Spacing in Chinese: a magnitude word or % joins the number (289.3亿元, 约5亿人,
30%); any other unit stands one space apart (3,000 张, 1–3 家).

What a unit is (a total, a share, a rate; whether it takes 万/亿) comes from the data set's
unit table (:class:`~healthtargets.dataset.units.UnitTable`); the two languages' ways of
writing numbers are two small writers, picked by language.
"""

from __future__ import annotations

import math
from typing import Any, Mapping

import pandas as pd

from healthtargets.dataset.units import UnitInfo, UnitTable, display_scale
from healthtargets.i18n import name, t

DASH = "–"  # en dash between the ends of a range
NOTHING = "—"  # em dash: nothing is known


def number(x: float, digits: int | None = None) -> str:
    """3000 -> '3,000'; 289.3 -> '289.3'; digits rounds to that many significant digits."""
    if digits is not None and x != 0:
        x = round(x, digits - 1 - int(math.floor(math.log10(abs(x)))))
    x = round(x, 10)  # float noise: 28.929999999 -> 28.93
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.10f}".rstrip("0").rstrip(".")


def missing(x: Any) -> bool:
    """None, NaN and pandas' NA are all 'not given'."""
    if x is None or x is pd.NA:
        return True
    return isinstance(x, float) and math.isnan(x)


def _get(row: Mapping | Any, key: str) -> Any:
    try:
        value = row[key]
    except (KeyError, IndexError):
        return None
    return None if missing(value) else value


class _Chinese:
    """Chinese: the figure as written; 万/亿 join the number, other units stand apart."""

    PREFIX = {"at_least": "≥", "at_most": "≤", "over": ">", "about": "约", "nearly": "近"}
    SCALE_WORDS = {"yi": "亿", "wan": "万"}

    def join(self, numbers: str, unit: str) -> str:
        if unit in ("%", "") or unit[0] in "万亿千":
            return f"{numbers}{unit}"
        if unit == "位":
            return f"第{numbers}位"
        return f"{numbers} {unit}"

    def figure(self, row: Mapping, info: UnitInfo) -> str:
        value, low, high = _get(row, "value"), _get(row, "low"), _get(row, "high")
        unit = _get(row, "unit") or ""
        if value is None and low is not None and high is not None:
            text = f"{number(low)}{DASH}{number(high)}"
        elif value is not None:
            text = number(value)
        else:
            return NOTHING
        return self.join(text, unit)

    def quantity(self, value: float, info: UnitInfo, digits: int | None) -> str:
        divisor, scale = display_scale(value, info, "zh")
        return self.join(number(value / divisor, digits), self.SCALE_WORDS.get(scale, "") + info.label("zh"))

    def axis_unit(self, info: UnitInfo, scale: str) -> str:
        return self.SCALE_WORDS.get(scale, "") + info.label("zh")

    def per_resident_unit(self, info: UnitInfo) -> str:
        per = "人" if info.per_residents == 1 else "千人"
        return f"{info.label('zh')}/{per}"

    def per_resident(self, text: str, info: UnitInfo) -> str:
        return f"{text} {info.label('zh')}/人"


class _English:
    """English: normalised values in international magnitudes (CNY 28.93 bn, 8 million persons)."""

    PREFIX = {"at_least": "≥", "at_most": "≤", "over": "over ", "about": "about ", "nearly": "nearly "}
    SCALE_WORDS = {"billion": "billion", "million": "million"}
    MONEY_SCALE_WORDS = {"billion": "bn", "million": "m"}
    SINGULAR = {"beds": "bed", "persons": "person", "units": "unit", "visits": "visit", "years": "year"}

    def words(self, info: UnitInfo, scale: str) -> str:
        return (self.MONEY_SCALE_WORDS if info.is_money else self.SCALE_WORDS).get(scale, "")

    def join(self, numbers: str, word: str, info: UnitInfo, single: bool) -> str:
        label = info.label("en")
        if info.is_money:
            return f"CNY {numbers}" + (f" {word}" if word else "")
        if info.kind == "share":
            return f"{numbers}%"
        if info.kind == "rank":
            return f"rank {numbers}"
        if single and not word:
            label = self.SINGULAR.get(label, label)
        return f"{numbers}{f' {word}' if word else ''} {label}"

    def figure(self, row: Mapping, info: UnitInfo) -> str:
        value, low, high = _get(row, "base_value"), _get(row, "base_low"), _get(row, "base_high")
        if value is None and low is not None and high is not None:
            divisor, scale = display_scale(max(abs(low), abs(high)), info, "en")
            text = f"{number(low / divisor)}{DASH}{number(high / divisor)}"
            return self.join(text, self.words(info, scale), info, False)
        if value is None:
            return NOTHING
        return self.quantity(value, info, None)

    def quantity(self, value: float, info: UnitInfo, digits: int | None) -> str:
        divisor, scale = display_scale(value, info, "en")
        return self.join(number(value / divisor, digits), self.words(info, scale), info, value == 1)

    def axis_unit(self, info: UnitInfo, scale: str) -> str:
        word = self.words(info, scale)
        if info.is_money:
            return f"CNY {word}".strip()
        return f"{word} {info.label('en')}".strip()

    def per_resident_unit(self, info: UnitInfo) -> str:
        per = "per resident" if info.per_residents == 1 else "per 1,000 residents"
        return f"{info.label('en')} {per}"

    def per_resident(self, text: str, info: UnitInfo) -> str:
        if info.is_money:
            return f"CNY {text} per resident"
        return f"{text} {info.label('en')} per resident"


_WRITERS = {"zh": _Chinese(), "en": _English()}


def _writer(lang: str):
    return _WRITERS.get(lang, _WRITERS["zh"])


def unit_label(base_unit: str, lang: str, units: UnitTable) -> str:
    """A reader's name for a canonical unit: ('CNY', 'zh') -> '元', ('bed', 'en') -> 'beds'."""
    return units.info(base_unit).label(lang)


def format_figure(row: Mapping, lang: str, units: UnitTable) -> str:
    """A figure's value as written, with its qualifier: '≥3,000 张' / '≥3,000 beds'."""
    writer = _writer(lang)
    qualifier = _get(row, "qualifier") or "exact"
    info = units.info(_get(row, "base_unit") or "")
    text = writer.figure(row, info)
    return text if text == NOTHING else writer.PREFIX.get(qualifier, "") + text


def format_base(value: float | None, base_unit: str, lang: str, units: UnitTable, digits: int = 4) -> str:
    """A normalised value, readable: (2.893e10, 'CNY') -> '289.3亿元' / 'CNY 28.93 bn'."""
    if missing(value):
        return NOTHING
    return _writer(lang).quantity(value, units.info(base_unit), digits)


def format_per_resident(value: float | None, base_unit: str, lang: str, units: UnitTable) -> str:
    """A value per resident: (33.4, 'CNY', 'zh') -> '33.4 元/人'; 'en' -> 'CNY 33.4 per resident'."""
    if missing(value):
        return NOTHING
    return _writer(lang).per_resident(number(value, 3), units.info(base_unit))


def per_resident_reading(base_unit: str, lang: str, units: UnitTable) -> tuple[float, str]:
    """Multiplier and unit of a per-resident reading: (1, '元/人'), (1000, 'beds per 1,000 residents')."""
    info = units.info(base_unit)
    return float(info.per_residents), _writer(lang).per_resident_unit(info)


def axis_scale(magnitude: float, base_unit: str, lang: str, units: UnitTable) -> tuple[float, str]:
    """Divisor and axis unit for values of this size: (1e8, '亿元'), (1e9, 'CNY bn'), (1, 'beds')."""
    info = units.info(base_unit)
    divisor, scale = display_scale(magnitude, info, lang)
    return divisor, _writer(lang).axis_unit(info, scale)


def on_axis(row: Mapping, divisor: float, lang: str) -> str:
    """A point's label on a chart whose axis names the unit: its value in the axis's unit, with its
    qualifier ('≥8.3', '近700', 'nearly 7'); a range as its ends."""
    value, low, high = _get(row, "base_value"), _get(row, "base_low"), _get(row, "base_high")
    if value is None and low is not None and high is not None:
        return f"{number(low / divisor, 4)}{DASH}{number(high / divisor, 4)}"
    if value is None:
        return NOTHING
    return _writer(lang).PREFIX.get(_get(row, "qualifier") or "exact", "") + number(value / divisor, 4)


def kind_label(kind: str, lang: str) -> str:
    return name("kind", kind, lang)


def cell_text(row: Mapping, lang: str, units: UnitTable) -> str:
    """What one figure says, in a cell: 'target 2026: ≥3,000 beds' / '目标 2026：≥3,000 张'."""
    kind = kind_label(_get(row, "kind") or "", lang)
    year = _get(row, "year")
    head = f"{kind} {int(year)}" if year is not None else kind
    return t("format.labelled", lang, label=head, text=format_figure(row, lang, units))
