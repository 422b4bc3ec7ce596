"""Targets against actuals: which actuals bear on a target, attainment, time elapsed, status, charts."""

import datetime as dt
import json

import pandas as pd
import pytest
from analytics_helpers import fig, reference
from analytics_helpers import frame as _frame

from healthtargets.dataset.schema import Check, Source
from healthtargets.views.progress import (
    STATUSES,
    ActualIndex,
    assess,
    attainment_text,
    elapsed_share,
    progress_table,
    status_counts,
    status_rule,
    timeline_keys,
)
from healthtargets.views.progress_charts import bullet_chart, label_positions, status_chart, timeline_chart


def frame(*rows: dict) -> pd.DataFrame:
    """A figures frame with as_of_year and year_from_source_date derived as figures_frame derives them."""
    df = _frame(*rows)
    dated_by_source = df["year"].isna() & (df["kind"] == "actual") & df["source_date"].notna()
    df["as_of_year"] = pd.array([d.year if by_source else y for y, d, by_source in
                                 zip(df["year"], df["source_date"], dated_by_source)], dtype="Int64")
    df["year_from_source_date"] = dated_by_source
    return df


REF = reference()
LAIBIN, JINXIU, HANSHAN, YINCHUAN_LIKE = "451300", "451324", "130402", "500110"
PLAN_DATE = dt.date(2019, 11, 18)
FIGURES = frame(
    fig("laibin-herb", LAIBIN, "herb_planting_area", value=10, year=2021, source_date=PLAN_DATE, source="laibin"),
    fig("jinxiu-herb", JINXIU, "herb_planting_area", kind="actual", value=200000, unit="亩", year=2023,
        qualifier="nearly", source="jinxiu"),
    fig("laibin-sports", LAIBIN, "sports_area_per_capita", value=1.8, year=2021, source_date=PLAN_DATE),
    fig("hanshan-beds", HANSHAN, "elderly_care_beds", value=3000, qualifier="at_least", year=2026,
        source_date=dt.date(2024, 9, 6)),
    fig("qj-hosp-2017", YINCHUAN_LIKE, "internet_hospitals", kind="actual", value=15, year=2017, source="old"),
    fig("qj-hosp-now", YINCHUAN_LIKE, "internet_hospitals", kind="actual", value=149, year=None,
        source_date=dt.date(2024, 10, 25), source="new"),
    fig("qj-hosp-target", YINCHUAN_LIKE, "internet_hospitals", low=100, high=200, qualifier="range", year=2025,
        source_date=dt.date(2024, 1, 1), source="new"),
)
TODAY = dt.date(2025, 1, 1)


def target(**kw) -> dict:
    base = fig("t", HANSHAN, "elderly_care_beds", value=100, year=2026, source_date=dt.date(2024, 1, 1))
    base.update(kw)
    return frame(base).iloc[0].to_dict()


def actual(value, year=2024, lower_bound=False) -> tuple[dict, bool]:
    row = frame(fig("a", HANSHAN, "elderly_care_beds", kind="actual", value=value, year=year)).iloc[0].to_dict()
    return row, lower_bound


@pytest.mark.parametrize("start, end, today, share", [
    (dt.date(2024, 1, 1), dt.date(2025, 12, 31), dt.date(2024, 1, 1), 0.0),
    (dt.date(2024, 1, 1), dt.date(2025, 12, 31), dt.date(2025, 1, 1), 366 / 730),
    (dt.date(2024, 1, 1), dt.date(2025, 12, 31), dt.date(2030, 1, 1), 1.0),
    (dt.date(2024, 1, 1), dt.date(2025, 12, 31), dt.date(2020, 1, 1), 0.0),
    (None, dt.date(2025, 12, 31), dt.date(2025, 1, 1), None),
])
def test_elapsed_share(start, end, today, share):
    assert elapsed_share(start, end, today) == (share if share is None else pytest.approx(share))


# today 2025-01-01: time elapsed from 2024-01-01 to 2026-12-31 is 366/1095 ≈ 33%
AFTER = dt.date(2027, 6, 1)  # the 2026 deadline has passed
STATUS_CASES = [
    ("reached", {}, [(120, 2024)], TODAY, "achieved", 1.2),
    ("ahead of time", {}, [(40, 2024)], TODAY, "on_track", 0.4),
    ("short of time", {}, [(20, 2024)], TODAY, "behind", 0.2),
    ("an outcome short of the target", {}, [(40, 2024), (90, 2026)], AFTER, "missed", 0.9),
    ("an outcome reported later", {}, [(40, 2024), (95, 2027)], AFTER, "missed", 0.95),
    ("reached before the deadline", {}, [(110, 2025)], AFTER, "achieved", 1.1),
    ("no outcome, only an earlier actual", {}, [(40, 2024)], AFTER, "unreported", 0.4),
    ("deadline passed, nothing", {}, [], AFTER, "unreported", None),
    ("nothing reported yet", {}, [], TODAY, "no_actual_yet", None),
    ("no year", {"year": None}, [(50, 2024)], TODAY, "no_deadline", 0.5),
    ("no year, nothing", {"year": None}, [], TODAY, "no_deadline", None),
    ("a deadline, an undated document", {"source_date": None}, [(50, 2024)], TODAY, "pace_unknown", 0.5),
    ("undated document, target reached", {"source_date": None}, [(100, 2024)], TODAY, "achieved", 1.0),
    ("range lower end reached", {"value": None, "low": 100, "high": 200, "qualifier": "range"}, [(150, 2024)], TODAY,
     "achieved", 1.5),
    ("at most kept", {"qualifier": "at_most"}, [(80, 2024)], TODAY, "achieved", 0.8),
    ("at most exceeded", {"qualifier": "at_most"}, [(130, 2024)], TODAY, "behind", 1.3),
]


@pytest.mark.parametrize("name, target_kw, actuals, today, status, attainment", STATUS_CASES,
                         ids=[c[0] for c in STATUS_CASES])
def test_status(name, target_kw, actuals, today, status, attainment):
    result = assess(target(**target_kw), [actual(v, y) for v, y in actuals], today)
    assert result.status == status
    assert result.attainment == (attainment if attainment is None else pytest.approx(attainment))


def test_every_status_is_reachable():
    assert {case[4] for case in STATUS_CASES} == set(STATUSES)


def test_a_lower_bound_below_the_target_is_no_outcome():
    result = assess(target(), [actual(60, 2027, lower_bound=True)], AFTER)
    assert result.status == "unreported"


def test_child_region_actual_is_a_lower_bound():
    laibin = FIGURES[FIGURES["figure_id"] == "laibin-herb"].iloc[0].to_dict()
    found = ActualIndex(FIGURES, REF).bearing(laibin)
    assert [(a["figure_id"], lower, a["as_of_year"]) for a, lower in found] == [("jinxiu-herb", True, 2023)]


def test_rates_take_no_lower_bound_from_children():
    sports = FIGURES[FIGURES["figure_id"] == "laibin-sports"].iloc[0].to_dict()
    assert ActualIndex(FIGURES, REF).bearing(sports) == []


def test_progress_table_laibin_herbs_achieved_by_lower_bound():
    table = progress_table(FIGURES, REF, TODAY, "en").set_index("figure_id")
    row = table.loc["laibin-herb"]
    assert row["target"] == "target 2021: 100,000 mu"
    assert row["actual"] == "actual 2023: nearly 200,000 mu (lower bound: Jinxiu County)"
    assert row["lower_bound"] and row["status"] == "achieved" and row["attainment_text"] == "200%"
    zh = progress_table(FIGURES, REF, TODAY, "zh").set_index("figure_id").loc["laibin-herb"]
    assert zh["actual"] == "实际 2023：近200,000 亩（下限：金秀瑶族自治县）" and zh["status_label"] == "已达成"


def test_progress_table_undated_actual_reads_as_of_its_document():
    row = progress_table(FIGURES, REF, TODAY, "en").set_index("figure_id").loc["qj-hosp-target"]
    assert row["actual"] == "actual 2024: 149 units"
    assert row["attainment_text"] == "149%–74% (of lower–upper end)"
    assert row["status"] == "achieved"
    assert "taken as of the document's date (2024)" in row["note"]


def test_no_actual_says_why():
    row = progress_table(FIGURES, REF, TODAY, "en").set_index("figure_id").loc["hanshan-beds"]
    assert (row["status"], row["actual"], row["note"]) == (
        "no_actual_yet", "—", "No actual has been reported for this target yet.")


def test_a_past_target_without_outcome_says_when_it_was_searched():
    checks = [Check(target="laibin-sports", checked=dt.date(2026, 11, 23), searched="来宾 人均体育场地面积",
                    result="no reported figure found")]
    row = progress_table(FIGURES, REF, TODAY, "en", checks).set_index("figure_id").loc["laibin-sports"]
    assert (row["status"], row["status_label"]) == ("unreported", "deadline passed, no actual found")
    assert row["note"] == "searched on 2026-11-23, no reported figure found"
    unsearched = progress_table(FIGURES, REF, TODAY, "en").set_index("figure_id").loc["laibin-sports"]
    assert unsearched["note"] == "no search recorded yet"


def test_status_counts_keep_every_status_in_order():
    counts = status_counts(progress_table(FIGURES, REF, TODAY, "en"), "en")
    assert list(counts["status"]) == list(STATUSES)
    assert dict(zip(counts["status"], counts["targets"])) == {
        "achieved": 2, "on_track": 0, "behind": 0, "pace_unknown": 0, "missed": 0, "unreported": 1, "no_actual_yet": 1,
        "no_deadline": 0}


def test_status_rule_is_stated_in_both_languages():
    assert "attainment ≥ time elapsed" in status_rule("en")
    assert "达成度 ≥ 时间进度" in status_rule("zh")


@pytest.mark.parametrize("low, high, text", [(2.0, None, "200%"), (1.5, 0.75, "150%–75% (of lower–upper end)"),
                                             (None, None, "—")])
def test_attainment_text(low, high, text):
    assert attainment_text(low, high, "en") == text


SOURCES = {sid: Source(id=sid, title=f"{sid}题目", title_en=f"{sid} title", issuer=f"{sid}政府", doc_number=None,
                       type="news_report", region=HANSHAN, date_written=dt.date(2024, 1, 1), date_published=None,
                       url=None, text_sha256=None, notes=None) for sid in ("laibin", "jinxiu", "old", "new", "src")}


def test_bullet_chart_marks_target_line_and_lower_bound():
    spec = bullet_chart(FIGURES, REF, SOURCES, "laibin-herb", "en")
    figure = json.loads(spec.plot.to_json())
    assert figure["data"][0]["y"] == ["Jinxiu County 2023 (lower bound)"]
    assert figure["data"][0]["x"] == [200000]
    assert figure["layout"]["shapes"][0]["x0"] == 100000
    assert figure["layout"]["xaxis"]["title"]["text"] == "mu"
    assert figure["layout"]["xaxis"]["tickformat"] == ","  # 200,000 along the value axis, as on every chart's
    assert [src.id for src in spec.sources] == ["laibin", "jinxiu"]
    data = spec.data  # the chart's download: the target, then each actual, every column filled as the data set has it
    assert list(data["figure_id"]) == ["laibin-herb", "jinxiu-herb"] and list(data["lower_bound"]) == [False, True]
    assert list(data["source_title_en"]) == ["laibin title", "jinxiu title"]
    assert list(data["region_en"]) == [REF.regions[LAIBIN].en, REF.regions[JINXIU].en]
    assert list(data["axis_unit"]) == ["mu", "mu"]


def test_bullet_chart_without_actual_draws_the_target_and_says_why():
    spec = bullet_chart(FIGURES, REF, SOURCES, "hanshan-beds", "en")
    figure = json.loads(spec.plot.to_json())
    assert "No actual has been reported for this target yet." in [a["text"] for a in figure["layout"]["annotations"]]
    assert figure["layout"]["shapes"][0]["x0"] == 3000
    assert figure["layout"]["xaxis"]["range"] == [0, pytest.approx(3450)]  # the axis reaches the target


def test_status_chart_counts_each_status():
    spec = status_chart(progress_table(FIGURES, REF, TODAY, "en"), SOURCES, "en")
    assert list(spec.data["label"][:6]) == ["achieved", "on track", "behind", "pace unknown (undated document)",
                                            "deadline passed, not met", "deadline passed, no actual found"]
    assert sum(json.loads(spec.plot.to_json())["data"][0]["y"]) == 4 and spec.title == "Status of 4 targets"


def test_timeline_keys_and_chart_with_target_band():
    assert timeline_keys(FIGURES) == [(YINCHUAN_LIKE, "internet_hospitals")]
    spec = timeline_chart(FIGURES, REF, SOURCES, YINCHUAN_LIKE, "internet_hospitals", "zh")
    figure = json.loads(spec.plot.to_json())
    assert figure["data"][0]["x"] == [2017, 2024] and figure["data"][0]["y"] == [15, 149]
    band = figure["layout"]["shapes"][0]
    assert (band["type"], band["y0"], band["y1"]) == ("rect", 100, 200)
    assert figure["layout"]["xaxis"]["title"]["text"] == "年份"
    points = figure["data"][0]
    assert points["text"] == ["15", "149"]  # the axis names the unit; the hover says it all
    assert points["customdata"] == ["实际 2017：15 个", "实际 2024：149 个"]
    assert points["textposition"] == ["top right", "top center"]  # pulled inward at the start; the target (2025) ends it
    assert figure["layout"]["xaxis"]["range"] == [2016.5, 2025.5]
    assert figure["layout"]["yaxis"]["range"][1] == pytest.approx(200 * 1.15)  # room above the highest label


def test_timeline_draws_targets_of_one_value_as_one_line_and_lists_targets_once_in_the_legend():
    rows = frame(
        fig("t-2021", HANSHAN, "elderly_care_beds", value=5000, year=2021, source_date=dt.date(2021, 1, 5)),
        fig("t-2023", HANSHAN, "elderly_care_beds", value=5000, year=2023, source_date=dt.date(2023, 1, 5)),
        fig("t-2025", HANSHAN, "elderly_care_beds", value=3000, year=2025, source_date=dt.date(2025, 1, 5)),
        fig("a-2022", HANSHAN, "elderly_care_beds", kind="actual", value=4000, year=2022),
    )
    figure = json.loads(timeline_chart(rows, REF, SOURCES, HANSHAN, "elderly_care_beds", "en").plot.to_json())
    assert [a["text"] for a in figure["layout"]["annotations"] if a["text"].startswith("target")] == \
        ["target 2021, 2023: 5,000 beds", "target 2025: 3,000 beds"]
    markers = [trace for trace in figure["data"] if trace["name"] == "Target"]
    assert [trace["x"] for trace in markers] == [[2021, 2023], [2025]]
    assert [trace.get("showlegend", True) for trace in markers] == [True, False]


@pytest.mark.parametrize("years, ends, positions", [
    ([2017, 2024], (2017, 2024), ["top right", "top left"]),
    ([2017, 2020, 2024], (2017, 2026), ["top right", "top center", "top center"]),  # a target's year is the end
    ([2016, 2016, 2017], (2016, 2017), ["top right", "bottom right", "top left"]),  # the second of a year below
    ([2020], (2020, 2020), ["top center"]),
    ([pd.NA, 2020], (2020, 2021), ["top center", "top right"]),
])
def test_point_labels_stay_inside_the_plot(years, ends, positions):
    assert label_positions(years, *ends) == positions


def test_a_target_for_what_one_year_adds_takes_only_that_years_actual():
    added = frame(
        fig("beds-2024", HANSHAN, "elderly_care_beds_added", value=300, year=2024, source_date=dt.date(2024, 1, 5)),
        fig("added-2023", HANSHAN, "elderly_care_beds_added", kind="actual", value=900, year=2023),
        fig("added-undated", HANSHAN, "elderly_care_beds_added", kind="actual", value=900, year=None, source_date=None),
        fig("added-2024", HANSHAN, "elderly_care_beds_added", kind="actual", value=250, year=2024),
    )
    bearing = ActualIndex(added, REF).bearing(added.iloc[0].to_dict())
    assert [a["figure_id"] for a, _ in bearing] == ["added-2024"]  # not 2023's 900, nor a figure of no known year


def test_two_reports_of_one_year_get_a_bar_each_not_one_stacked_bar(real):
    dataset, frame = real
    spec = bullet_chart(frame, dataset.reference, dataset.sources, "china-2016-farmers-daily-12fyp-beds-review-4", "en")
    bars = json.loads(spec.plot.to_json())["data"][0]
    assert len(set(bars["y"])) == len(bars["y"]) and "China 2015 (2)" in bars["y"]  # two bulletins report 2015
    assert max(bars["x"]) <= spec.plot.layout.xaxis.range[1]


def test_another_years_additions_are_no_outcome_of_a_target_for_what_one_year_adds(real):
    dataset, frame = real
    table = progress_table(frame, dataset.reference, TODAY_AFTER_2025, "en", dataset.checks).set_index("figure_id")
    beds_2025 = table.loc["shanghai-2025-civil-affairs-practical-project-targets-8"]  # 3,000 beds to add in 2025
    assert beds_2025["status"] == "unreported" and pd.isna(beds_2025["actual_year"])  # 4,385 were added in 2024: not 2025's
    beds_2024 = table.loc["shanghai-2024-practical-projects-completion-2"]  # 4,000 to add in 2024, 4,385 added
    assert beds_2024["status"] == "achieved"
    size_2025 = table.loc["bozhou-2020-world-tcm-capital-plan-2020-2030-targets-9"]  # an industry's size is no addition:
    assert size_2025["status"] == "achieved"  # reached in 2024, a year early


TODAY_AFTER_2025 = dt.date(2026, 11, 23)
