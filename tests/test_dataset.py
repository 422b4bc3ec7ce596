"""The real data set: every file validates, and the headline figures are there as curated."""

from pathlib import Path

import pandas as pd
import pytest

from healthtargets.dataset.frame import figures_frame
from healthtargets.dataset.load import load_dataset

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def frame():
    return figures_frame(load_dataset())


def test_real_data_validates_against_the_source_texts():
    dataset = load_dataset(texts_dir=SEEDS)
    seeded = [s for s in dataset.sources.values() if s.text_sha256]
    assert len(seeded) == 5
    assert {s.region for s in seeded} == {"500108", "500110", "640100", "451300", "130402"}


@pytest.mark.parametrize("region, metric_zh_part, kind, year, value, unit, qualifier", [
    ("130402", "养老床位", "target", 2026, 3000, "张", "at_least"),
    ("130402", "康养产业", "target", 2026, 40, "亿元", "exact"),
    ("451300", "中药材", "target", 2021, 10, "万亩", "exact"),
    ("451300", "富硒农产品产值", "target", 2021, 4.2, "亿元", "exact"),
    ("451300", "护理型", "target", 2021, 30, "%", "at_least"),
    ("451300", "社会办医床位", "target", 2021, 0.7, "张/千人", "exact"),
    ("500108", "健身康体", "actual", 2023, 289.3, "亿元", "exact"),
    ("640100", "互联网医院", "actual", None, 149, "家", "exact"),
])
def test_headline_figures_are_curated(frame, region, metric_zh_part, kind, year, value, unit, qualifier):
    rows = frame[(frame.region_code == region) & frame.metric_zh.str.contains(metric_zh_part) & (frame.kind == kind) & (frame.value == value)]
    assert len(rows) >= 1, f"no {metric_zh_part} {kind} {value}{unit} for {region}"
    row = rows.iloc[0]
    assert (row.unit, row.qualifier) == (unit, qualifier)
    if year is not None:
        assert row.year == year


def test_garbled_medical_device_range_keeps_low_confidence(frame):
    rows = frame[(frame.region_code == "500108") & (frame.low == 5) & (frame.high == 10) & (frame.unit == "亿元")]
    assert len(rows) == 1
    assert rows.iloc[0].confidence == "low"
    assert "510" in rows.iloc[0].note


def test_normalised_values_use_canonical_units(frame):
    selenium = frame[(frame.region_code == "451300") & (frame.value == 4.2) & (frame.unit == "亿元")].iloc[0]
    assert (selenium.base_value, selenium.base_unit) == (pytest.approx(4.2e8), "CNY")
    herbs = frame[(frame.region_code == "451300") & (frame.unit == "万亩") & frame.metric_zh.str.contains("中药材")].iloc[0]
    assert herbs.base_value == pytest.approx(1e5)


def test_per_resident_values_name_their_population_year(frame):
    output = frame[(frame.region_code == "500108") & (frame.value == 289.3)].iloc[0]
    assert output.population_year == 2020
    assert output.per_resident_value == pytest.approx(289.3e8 / 1197639)
    hanshan = frame[frame.region_code == "130402"]
    assert hanshan.per_resident_value.isna().all(), "Hanshan's population is unknown: no per-resident value"


def test_an_undated_actual_is_as_of_its_source_date(frame):
    row = frame[(frame.region_code == "640100") & (frame.value == 149)].iloc[0]
    assert pd.isna(row.year) and row.as_of_year == 2024 and row.year_from_source_date
    target = frame[(frame.region_code == "130402") & (frame.value == 3000)].iloc[0]
    assert (target.as_of_year, target.year_from_source_date) == (2026, False)
