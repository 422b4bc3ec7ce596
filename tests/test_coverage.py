"""The corpus's coverage, as `python -m healthtargets stats` prints it, and the promises it keeps."""

import datetime as dt

import pytest

from healthtargets import figures_frame, load_dataset
from healthtargets.cli import main
from healthtargets.views.coverage import coverage

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def result():
    dataset = load_dataset()
    return coverage(dataset, figures_frame(dataset), TODAY)


def test_documents_and_regions(result):
    assert result.documents >= 40
    assert sum(n for level, n in result.regions_by_level.items() if level != "country") >= 25
    assert all(result.regions_by_level[level] for level in ("province", "prefecture", "county"))


@pytest.mark.parametrize("family", ["elderly_care_beds", "herb_area", "industry_output", "internet_hospitals"])
def test_each_family_is_comparable_across_eight_regions(result, family):
    best = result.best(family)
    assert best.regions >= 8, best
    assert best.with_targets and best.with_actuals, best


def test_every_past_target_has_an_outcome_or_a_recorded_search(result):
    assert result.neither == []
    assert result.with_outcome + result.searched_only == result.past_targets


def test_stats_prints_the_report(capsys):
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("documents: ")
    assert "\nregions below the country with figures or documents: " in out and "province-level" in out
    assert "(national benchmarks)" in out  # the country is named apart, not counted as a region
    assert "Elderly-care beds\n  elderly_care_beds " in out
    assert "targets whose deadline has passed: " in out and "  with neither: 0" in out
