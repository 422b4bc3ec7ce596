"""Written numbers and units become canonical values: 4.2亿元 is 420,000,000 CNY."""

from pathlib import Path

import pytest

from healthtargets.dataset.numbers import (
    numerals_in,
    parse_numeral,
    text_has_number,
    text_has_run_together_range,
)
from healthtargets.dataset.units import UnitError, UnitTable

UNITS = UnitTable.from_yaml(Path(__file__).parent.parent / "data" / "units.yaml")


@pytest.mark.parametrize("written, expected", [
    ("289.3", 289.3), ("3千", 3000), ("三千", 3000), ("十万", 100000), ("两", 2), ("4.2亿", 4.2e8),
    ("二十", 20), ("一百", 100), ("零", 0), ("1,200", 1200), ("0.12", 0.12), ("五", 5), ("1.25万亿", 1.25e12),
])
def test_numerals_read_as_numbers(written, expected):
    assert parse_numeral(written) == pytest.approx(expected)


@pytest.mark.parametrize("text, tokens", [
    ("建成养老床位3千张以上", [("3千", 3000, 3)]),
    ("中药材种植面积发展到10万亩", [("10万", 1e5, 10)]),
    ("惠及全市及周边群众近800万人", [("800万", 8e6, 800)]),
    ("力争每个县有两所", [("两", 2, 2)]),
    ("产业规模289.3亿元", [("289.3亿", 2.893e10, 289.3)]),
    ("打造1-2个市级试点", [("1", 1, 1), ("2", 2, 2)]),
    ("新建十万亩基地", [("十万", 1e5, 10)]),
])
def test_numerals_in_text_carry_whole_and_bare_readings(text, tokens):
    assert [(t.text, t.value, t.bare) for t in numerals_in(text)] == [(w, pytest.approx(v), pytest.approx(b)) for w, v, b in tokens]


@pytest.mark.parametrize("text, number, found", [
    ("建成养老床位3千张以上", 3000, True),
    ("建成养老床位三千张以上", 3000, True),
    ("中药材种植面积发展到10万亩", 10, True),
    ("中药材种植面积发展到十万亩", 10, True),
    ("富硒农产品产值达4.2亿元", 4.2, True),
    ("我区还没有规模以上康养产业企业", 0, True),
    ("建成养老床位3千张以上", 300, False),
])
def test_evidence_contains_the_number_as_written(text, number, found):
    assert text_has_number(text, number) is found


def test_a_range_whose_dash_was_lost_is_recognised():
    assert text_has_run_together_range("形成510亿元产值规模", 5, 10)
    assert not text_has_run_together_range("形成510亿元产值规模", 5, 1)


@pytest.mark.parametrize("written, canonical, factor", [
    ("元", "CNY", 1), ("万元", "CNY", 1e4), ("亿元", "CNY", 1e8),
    ("亩", "mu", 1), ("万亩", "mu", 1e4), ("公顷", "mu", 15),
    ("平方米", "m**2", 1), ("万平方米", "m**2", 1e4),
    ("张", "bed", 1), ("人", "person", 1), ("万人", "person", 1e4), ("名", "person", 1), ("亿人", "person", 1e8),
    ("个", "item", 1), ("家", "item", 1), ("所", "item", 1), ("项", "item", 1), ("场次", "item", 1),
    ("万例", "visit", 1e4), ("%", "percent", 1),
    ("张/千人", "bed / kiloperson", 1), ("平方米/人", "m**2 / person", 1),
    ("张/千名老年人", "bed / kiloelderly", 1),
])
def test_written_units_convert_to_canonical(written, canonical, factor):
    assert UNITS.factor(written, canonical) == pytest.approx(factor)


def test_figure_values_normalise():
    assert UNITS.to_canonical(4.2, "亿元", "CNY") == pytest.approx(4.2e8)
    assert UNITS.to_canonical(10, "万亩", "mu") == pytest.approx(1e5)
    assert UNITS.to_canonical(None, "万亩", "mu") is None


@pytest.mark.parametrize("written, canonical, message", [
    ("个", "bed", "unit '个' does not fit the metric's unit 'bed'"),
    ("亩", "m**2 / person", "unit '亩' does not fit the metric's unit 'm**2 / person'"),
    ("万亩", "CNY", "unit '万亩' does not fit the metric's unit 'CNY'"),
])
def test_units_that_do_not_fit_say_so(written, canonical, message):
    with pytest.raises(UnitError, match=message.replace("*", r"\*")):
        UNITS.factor(written, canonical)


def test_unknown_unit_lists_the_known_ones():
    with pytest.raises(UnitError, match=r"unknown unit '斤' \(known: .*亿元.*\)"):
        UNITS.factor("斤", "CNY")


@pytest.mark.parametrize("canonical, zh, en", [
    ("CNY", "元", "CNY"), ("m**2", "平方米", "m²"), ("bed / kiloperson", "张/千人", "beds per 1,000 residents"),
])
def test_canonical_units_have_reader_names(canonical, zh, en):
    assert (UNITS.label(canonical, "zh"), UNITS.label(canonical, "en")) == (zh, en)
