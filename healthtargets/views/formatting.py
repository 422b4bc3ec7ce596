"""Numbers as a reader sees them, in Chinese or English.

Chinese keeps the figure as the document writes it: 289.3亿元, ≥3,000 张, 约5亿人.
English restates Chinese magnitudes (万, 亿) as international ones from the
normalised value: CNY 28.93 bn, about 500 million persons, ≥3,000 beds.

Spacing in Chinese: a magnitude word or % joins the number (289.3亿元, 约5亿人,
30%); any other unit stands one space apart (3,000 张, 1–3 家).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any, Mapping

import pandas as pd

from healthtargets.i18n import name
from healthtargets.dataset.reference import DATA_DIR
from healthtargets.dataset.units import UnitTable

DASH = "–"  # en dash between the ends of a range
NOTHING = "—"  # em dash: nothing is known

# Qualifier before the number; 'range' and 'exact' have none.
QUALIFIER_PREFIX = {
    "zh": {"at_least": "≥", "at_most": "≤", "over": ">", "about": "约", "nearly": "近"},
    "en": {"at_least": "≥", "at_most": "≤", "over": "over ", "about": "about ", "nearly": "nearly "},
}


_SINGULAR = {"beds": "bed", "persons": "person", "units": "unit", "visits": "visit", "years": "year"}

# Canonical units (as pint reads them) that take 万/亿 in Chinese when large.
_ZH_MAGNITUDE_UNITS = ("CNY", "person", "mu", "meter ** 2", "visit")


@lru_cache(maxsize=4)
def default_units(data_dir: str = str(DATA_DIR)) -> UnitTable:
    """The unit table of data/units.yaml, read once."""
    from pathlib import Path

    return UnitTable.from_yaml(Path(data_dir) / "units.yaml")


# Keyed on the table's content, not id(): a new table may reuse a freed one's id.
_LABELS: dict[tuple[str, str, str], str] = {}
_KEYS: dict[tuple[str, str], str] = {}


def _label(units: UnitTable, canonical: str, lang: str) -> str:
    cache_key = (units.fingerprint, canonical, lang)
    if cache_key not in _LABELS:
        try:
            _LABELS[cache_key] = units.label(canonical, lang)
        except Exception:  # an unknown expression reads as itself
            _LABELS[cache_key] = canonical
    return _LABELS[cache_key]


def _canonical_key(units: UnitTable, canonical: str) -> str:
    """Which of the canonical families a unit is ('CNY', 'person', …, or the expression)."""
    cache_key = (units.fingerprint, canonical)
    if cache_key not in _KEYS:
        _KEYS[cache_key] = _find_key(units, canonical)
    return _KEYS[cache_key]


def _find_key(units: UnitTable, canonical: str) -> str:
    try:
        target = units.canonical(canonical)
    except Exception:
        return canonical
    for key in ("CNY", "person", "mu", "meter ** 2", "visit", "bed", "item", "percent", "rank", "year"):
        if units.canonical(key) == target:
            return key
    return str(target)


def unit_label(base_unit: str, lang: str, units: UnitTable | None = None) -> str:
    """A reader's name for a canonical unit: ('CNY', 'zh') -> '元', ('bed', 'en') -> 'beds'."""
    return _label(units or default_units(), base_unit, lang)


# ---------------------------------------------------------------- numbers


def number(x: float, digits: int | None = None) -> str:
    """3000 -> '3,000'; 289.3 -> '289.3'; digits rounds to that many significant digits."""
    if digits is not None and x != 0:
        x = round(x, digits - 1 - int(math.floor(math.log10(abs(x)))))
    x = round(x, 10)  # float noise: 28.929999999 -> 28.93
    if float(x).is_integer():
        return f"{int(x):,}"
    text = f"{x:,.10f}".rstrip("0").rstrip(".")
    return text


def _missing(x: Any) -> bool:
    """None, NaN and pandas' NA are all 'not given'."""
    if x is None or x is pd.NA:
        return True
    return isinstance(x, float) and math.isnan(x)


def _get(row: Mapping | Any, key: str) -> Any:
    try:
        value = row[key]
    except (KeyError, IndexError):
        return None
    return None if _missing(value) else value


def _zh_join(numbers: str, unit: str) -> str:
    if unit in ("%", "") or unit[0] in "万亿千":
        return f"{numbers}{unit}"
    if unit == "位":
        return f"第{numbers}位"
    return f"{numbers} {unit}"


def _en_scale(magnitude: float, key: str) -> tuple[float, str]:
    """Divisor and word for a value in English: 2.893e10 CNY -> (1e9, 'bn')."""
    short = key == "CNY"
    if magnitude >= 1e9:
        return 1e9, "bn" if short else "billion"
    if magnitude >= 1e6:
        return 1e6, "m" if short else "million"
    return 1, ""


def _en_join(numbers: str, word: str, key: str, label: str, single_one: bool) -> str:
    if key == "CNY":
        return f"CNY {numbers}" + (f" {word}" if word else "")
    if key == "percent":
        return f"{numbers}%"
    if key == "rank":
        return f"rank {numbers}"
    if single_one and not word:
        label = _SINGULAR.get(label, label)
    middle = f" {word}" if word else ""
    return f"{numbers}{middle} {label}"


def _ends(row) -> tuple[float | None, float | None, float | None]:
    return _get(row, "value"), _get(row, "low"), _get(row, "high")


def format_figure(row: Mapping, lang: str, units: UnitTable | None = None) -> str:
    """A figure's value as written, with its qualifier: '≥3,000 张' / '≥3,000 beds'."""
    qualifier = _get(row, "qualifier") or "exact"
    prefix = QUALIFIER_PREFIX.get(lang, QUALIFIER_PREFIX["en"]).get(qualifier, "")
    if lang == "zh":
        value, low, high = _ends(row)
        unit = _get(row, "unit") or ""
        if value is None and low is not None and high is not None:
            text = f"{number(low)}{DASH}{number(high)}"
        elif value is not None:
            text = number(value)
        else:
            return NOTHING
        return prefix + _zh_join(text, unit)
    units = units or default_units()
    base_unit = _get(row, "base_unit") or ""
    value, low, high = _get(row, "base_value"), _get(row, "base_low"), _get(row, "base_high")
    return prefix + _en_quantity(value, low, high, base_unit, units)


def _en_quantity(value, low, high, base_unit: str, units: UnitTable, digits: int | None = None) -> str:
    key = _canonical_key(units, base_unit)
    label = _label(units, base_unit, "en")
    if value is None and low is not None and high is not None:
        divisor, word = _en_scale(max(abs(low), abs(high)), key) if key in _ZH_MAGNITUDE_UNITS else (1, "")
        text = f"{number(low / divisor, digits)}{DASH}{number(high / divisor, digits)}"
        return _en_join(text, word, key, label, False)
    if value is None:
        return NOTHING
    divisor, word = _en_scale(abs(value), key) if key in _ZH_MAGNITUDE_UNITS else (1, "")
    return _en_join(number(value / divisor, digits), word, key, label, value == 1)


def format_base(value: float | None, base_unit: str, lang: str, units: UnitTable | None = None,
                digits: int = 4) -> str:
    """A normalised value, readable: (2.893e10, 'CNY') -> '289.3亿元' / 'CNY 28.93 bn'."""
    if _missing(value):
        return NOTHING
    units = units or default_units()
    if lang != "zh":
        return _en_quantity(value, None, None, base_unit, units, digits)
    key = _canonical_key(units, base_unit)
    label = _label(units, base_unit, "zh")
    if key in _ZH_MAGNITUDE_UNITS and abs(value) >= 1e8:
        return _zh_join(number(value / 1e8, digits), "亿" + label)
    if key in _ZH_MAGNITUDE_UNITS and abs(value) >= 1e4:
        return _zh_join(number(value / 1e4, digits), "万" + label)
    return _zh_join(number(value, digits), label)


def format_per_resident(value: float | None, base_unit: str, lang: str, units: UnitTable | None = None) -> str:
    """A value per resident: (33.4, 'CNY', 'zh') -> '33.4 元/人'; 'en' -> 'CNY 33.4 per resident'."""
    if _missing(value):
        return NOTHING
    units = units or default_units()
    key = _canonical_key(units, base_unit)
    label = _label(units, base_unit, lang)
    text = number(value, 3)
    if lang == "zh":
        return f"{text} {label}/人"
    if key == "CNY":
        return f"CNY {text} per resident"
    return f"{text} {label} per resident"


def per_resident_unit(base_unit: str, lang: str, units: UnitTable | None = None) -> str:
    """The unit of a per-resident value: '元/人' / 'CNY per resident'."""
    label = unit_label(base_unit, lang, units)
    return f"{label}/人" if lang == "zh" else f"{label} per resident"


def kind_label(kind: str, lang: str) -> str:
    return name("kind", kind, lang)


def cell_text(row: Mapping, lang: str, units: UnitTable | None = None) -> str:
    """What one figure says, in a cell: 'target 2026: ≥3,000 beds' / '目标 2026：≥3,000 张'."""
    kind = kind_label(_get(row, "kind") or "", lang)
    year = _get(row, "year")
    head = f"{kind} {int(year)}" if year is not None else kind
    colon = "：" if lang == "zh" else ": "
    return f"{head}{colon}{format_figure(row, lang, units)}"
