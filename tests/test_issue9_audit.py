"""Issue #9's audit corrections, each checked on the real data set as a reader meets it."""

import datetime as dt

import pandas as pd
import pytest

from healthtargets.dataset.paths import DATA_DIR
from healthtargets.views.compare import bar_data, per_resident_why, region_groups
from healthtargets.views.progress import ActualIndex, progress_table

YINCHUAN, CHINA, LAIBIN, NANAN = "640100", "100000", "451300", "500108"


def row(frame: pd.DataFrame, figure_id: str) -> pd.Series:
    found = frame[frame["figure_id"] == figure_id]
    assert len(found) == 1, figure_id
    return found.iloc[0]


def test_provinces_reached_by_yinchuans_internet_hospitals_are_yinchuans(real):
    dataset, frame = real
    reach = row(frame, "yinchuan-internet-hospital-provinces-covered")
    assert (reach["region_code"], reach["region_en"], reach["value"]) == (YINCHUAN, "Yinchuan", 30)
    assert reach["group_scope"] == "reach" and not reach["per_resident_applies"]
    # it is no national figure: China has nothing in this group, so it is no national benchmark either
    assert "internet_hospital_provinces_covered" in region_groups(frame)[YINCHUAN]
    assert frame[(frame["region_code"] == CHINA) & (frame["group"] == "internet_hospital_provinces_covered")].empty
    assert "a figure of Yinchuan" in reach["note"] and "filed under China" not in reach["note"]  # its note agrees


# The four items the audit found are no figures of their region, or no quantities at all. The rule
# chosen: drop them (no context-only records are kept), so no chart, comparison or status uses them.
DROPPED = {
    "nanan-medical-enterprises-to-attract": ("medical_enterprises_to_attract", "卢克家族"),  # a Belgian group's holdings
    "chongqing-ageing-rank": ("ageing_rank", "居全国第3位"),  # a rank
    "chongqing-strategic-emerging-service-industries": ("strategic_emerging_service_industries", "十大战略新兴服务业"),
    "nanan-medical-device-horizon": ("target_horizon", "经过35年努力"),  # the time frame of targets that follow
}


@pytest.mark.parametrize("figure_id", list(DROPPED))
def test_non_figures_are_dropped_everywhere(real, figure_id):
    dataset, frame = real
    metric, words = DROPPED[figure_id]
    assert figure_id not in set(frame["figure_id"])
    assert metric not in dataset.reference.metrics  # the catalogue offers no place for such an item
    quoted = frame["evidence"].dropna()
    assert not quoted.str.contains(words, regex=False).any()
    table = progress_table(frame, dataset.reference, dt.date(2026, 11, 23), "en", dataset.checks)
    assert figure_id not in set(table["figure_id"])  # no status rests on it


def test_horizons_are_not_targets(real):
    dataset, frame = real
    assert not any("horizon" in key for key in dataset.reference.metrics)
    assert "年" not in set(frame["unit"])  # no figure is a span of years


def test_per_county_rule_is_a_per_subregion_rate_never_a_total(real):
    dataset, frame = real
    rule = row(frame, "laibin-integrated-care-institutions-per-county")
    group = dataset.reference.groups[rule["group"]]
    assert group.scope == "per_subregion"
    assert rule["group"] != "integrated_care_institutions"  # never set beside the city totals
    assert dataset.reference.groups["integrated_care_institutions"].scope == "stock"
    assert not rule["per_resident_applies"] and pd.isna(rule["per_resident_value"])  # never divided by population
    assert per_resident_why(group, "en") == "this group is a rule for each sub-region, not the region's total"
    shown = bar_data(frame, [LAIBIN, NANAN], rule["group"], dataset.reference, "en", per_resident=True)
    laibin = shown[shown["figure_id"] == rule["figure_id"]].iloc[0]
    assert pd.isna(laibin["shown"]) and laibin["why"] == per_resident_why(group, "en")
    # no county's own count is read as a lower bound of the rule
    assert ActualIndex(frame, dataset.reference).bearing(rule.to_dict()) == []


def test_facility_area_norm_is_a_standard_never_an_amount(real):
    dataset, frame = real
    norm = row(frame, "laibin-elderly-facility-area-standard")
    group = dataset.reference.groups[norm["group"]]
    assert group.scope == "standard"
    assert dataset.reference.units.info(group.unit).kind == "rate"  # m² per resident, not m²
    assert "planning norm" in group.definition_en and "规划规范" in group.definition_zh
    assert not norm["per_resident_applies"] and pd.isna(norm["per_resident_value"])
    assert per_resident_why(group, "zh") == "该组是规划标准，不是实际数量"
    # nothing else is in its group, so it is never compared with an amount of floor area
    assert set(frame.loc[frame["group"] == norm["group"], "figure_id"]) == {norm["figure_id"]}


def test_nanan_fitness_industry_size_says_what_the_text_leaves_open(real):
    dataset, frame = real
    size = row(frame, "nanan-2023-fitness-industry-size")
    assert (size["value"], size["unit"], size["year"]) == (289.3, "亿元", 2023)
    assert size["confidence"] != "high"
    assert "does not say whether" in size["note"] and "31" in size["note"]
    assert "whole sector" in size["note"]
    assert dataset.reference.groups[size["group"]].scope == "flow"
    assert size["group"] == "fitness_industry_size"  # not set beside output, value added or revenue


def test_no_unsourced_threshold_for_above_designated_size(real):
    dataset, frame = real
    assert "large_enterprises" not in dataset.reference.groups
    catalogue = (DATA_DIR / "metrics.yaml").read_text(encoding="utf-8")
    assert "2000万" not in catalogue and "20 million" not in catalogue
    notes = " ".join(frame["note"].dropna())
    assert "2000万" not in notes and "20 million yuan" not in notes
    # firms above designated size and firms above a stated output are groups of their own
    ref = dataset.reference
    groups = {ref.metrics[m].group for m in ("kangyang_enterprises_above_scale", "fitness_enterprises_above_scale",
                                             "pharma_enterprises_over_100m")}
    assert len(groups) == 3

