"""Numbers as a reader sees them: formatting by language."""

import math

import pandas as pd
import pytest

from healthtargets.dataset.paths import DATA_DIR
from healthtargets.dataset.units import UnitTable
from healthtargets.views.formatting import (
    cell_text,
    format_base,
    format_figure,
    format_per_resident,
    number,
)

UNITS = UnitTable.from_yaml(DATA_DIR / "units.yaml")
FACTORS = {"张": ("bed", 1), "家": ("item", 1), "亿人": ("person", 1e8), "亿元": ("CNY", 1e8),
           "万人": ("person", 1e4), "万亩": ("mu", 1e4), "万元": ("CNY", 1e4), "个": ("item", 1),
           "%": ("percent", 1), "平方米/人": ("meter ** 2 / person", 1), "张/千人": ("bed / kiloperson", 1),
           "年": ("year", 1), "位": ("rank", 1)}


def figure(value=None, unit="张", qualifier="exact", low=None, high=None, kind="target", year=2026):
    """A figure row as figures_frame gives it, with base values derived from the unit."""
    base_unit, factor = FACTORS[unit]
    scale = lambda v: math.nan if v is None else v * factor  # noqa: E731
    return pd.Series({
        "kind": kind, "year": pd.NA if year is None else year, "qualifier": qualifier,
        "value": math.nan if value is None else value, "low": math.nan if low is None else low,
        "high": math.nan if high is None else high, "unit": unit,
        "base_value": scale(value), "base_low": scale(low), "base_high": scale(high), "base_unit": base_unit,
    })


CASES = [
    # (figure, zh, en)
    (figure(3000, "张", "at_least"), "≥3,000 张", "≥3,000 beds"),
    (figure(None, "家", "range", low=1, high=3), "1–3 家", "1–3 units"),
    (figure(5, "亿人", "about"), "约5亿人", "about 500 million persons"),
    (figure(289.3, "亿元"), "289.3亿元", "CNY 28.93 bn"),
    (figure(40, "亿元"), "40亿元", "CNY 4 bn"),
    (figure(800, "万人", "nearly"), "近800万人", "nearly 8 million persons"),
    (figure(20, "万亩", "nearly"), "近20万亩", "nearly 200,000 mu"),
    (figure(None, "亿元", "range", low=5, high=10), "5–10亿元", "CNY 0.5–1 bn"),
    (figure(5000, "万元", "over"), ">5,000万元", "over CNY 50 m"),
    (figure(1, "个"), "1 个", "1 unit"),
    (figure(45, "个", kind="actual", year=2023), "45 个", "45 units"),
    (figure(30, "%", "at_least"), "≥30%", "≥30%"),
    (figure(2.6, "平方米/人"), "2.6 平方米/人", "2.6 m² per resident"),
    (figure(0.7, "张/千人", "at_most"), "≤0.7 张/千人", "≤0.7 beds per 1,000 residents"),
    (figure(None, "年", "range", low=3, high=5), "3–5 年", "3–5 years"),
    (figure(3, "位"), "第3位", "rank 3"),
]


@pytest.mark.parametrize("row, zh, en", CASES, ids=[c[1] for c in CASES])
def test_format_figure(row, zh, en):
    assert format_figure(row, "zh", UNITS) == zh
    assert format_figure(row, "en", UNITS) == en


@pytest.mark.parametrize("row, zh, en", [
    (figure(3000, "张", "at_least"), "目标 2026：≥3,000 张", "target 2026: ≥3,000 beds"),
    (figure(45, "个", kind="actual", year=2023), "实际 2023：45 个", "actual 2023: 45 units"),
    (figure(45, "个", kind="forecast", year=None), "预测：45 个", "forecast: 45 units"),
])
def test_cell_text(row, zh, en):
    assert cell_text(row, "zh", UNITS) == zh
    assert cell_text(row, "en", UNITS) == en


@pytest.mark.parametrize("value, unit, zh, en", [
    (2.893e10, "CNY", "289.3亿元", "CNY 28.93 bn"),
    (4e9, "CNY", "40亿元", "CNY 4 bn"),
    (200000, "mu", "20万亩", "200,000 mu"),
    (3000, "bed", "3,000 张", "3,000 beds"),
    (1197639, "person", "119.8万人", "1.198 million persons"),
    (0.7, "bed / kiloperson", "0.7 张/千人", "0.7 beds per 1,000 residents"),
    (None, "bed", "—", "—"),
    (math.nan, "bed", "—", "—"),
])
def test_format_base(value, unit, zh, en):
    assert format_base(value, unit, "zh", UNITS) == zh
    assert format_base(value, unit, "en", UNITS) == en


@pytest.mark.parametrize("value, unit, zh, en", [
    (33.4, "CNY", "33.4 元/人", "CNY 33.4 per resident"),
    (0.002507, "bed", "0.00251 张/人", "0.00251 beds per resident"),
])
def test_format_per_resident(value, unit, zh, en):
    assert format_per_resident(value, unit, "zh", UNITS) == zh
    assert format_per_resident(value, unit, "en", UNITS) == en


@pytest.mark.parametrize("x, digits, text", [(3000, None, "3,000"), (289.3, None, "289.3"),
                                             (28.929999999999, None, "28.93"), (1197639, 4, "1,198,000"),
                                             (0.123456, 2, "0.12")])
def test_number(x, digits, text):
    assert number(x, digits) == text
