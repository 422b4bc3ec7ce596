"""Issue #9 on Targets vs actuals and the downloads: which actuals count, the table's order, a target
drawn without an actual, and each group's definition in the CSVs behind charts and tables."""

import datetime as dt
import json

import pandas as pd
from analytics_helpers import fig, reference
from analytics_helpers import frame as _frame
from page_apptest import open_direct

from healthtargets.dataset.tables import table_bytes
from healthtargets.views import browse
from healthtargets.views.compare import compare_chart
from healthtargets.views.progress import STATUSES, ActualIndex, progress_table
from healthtargets.views.progress_charts import bullet_chart, timeline_chart

QIJIANG, NANAN, CHONGQING = "500110", "500108", "500000"
TODAY = dt.date(2025, 1, 1)
NURSING = "laibin-2021-nursing-bed-share"


def frame(*rows: dict) -> pd.DataFrame:
    df = _frame(*rows)
    df["as_of_year"] = df["year"]
    df["year_from_source_date"] = False
    return df


def test_only_actuals_of_the_same_group_and_region_count():
    ref = reference()
    figures = frame(
        fig("target", QIJIANG, "internet_hospitals", value=20, year=2026),
        fig("other-group", QIJIANG, "elderly_care_beds", kind="actual", value=500, year=2024),
        fig("neighbour", NANAN, "internet_hospitals", kind="actual", value=30, year=2024),
        fig("parent", CHONGQING, "internet_hospitals", kind="actual", value=90, year=2024),
    )
    target = figures.iloc[0].to_dict()
    assert ActualIndex(figures, ref).bearing(target) == []
    row = progress_table(figures, ref, TODAY, "en").set_index("figure_id").loc["target"]
    assert (row["status"], row["actual"], row["n_actuals"]) == ("no_actual_yet", "—", 0)
    # the same region's actual of the same group does count
    own = pd.concat([figures, frame(fig("own", QIJIANG, "internet_hospitals", kind="actual", value=8, year=2024))])
    row = progress_table(own, ref, TODAY, "en").set_index("figure_id").loc["target"]
    assert (row["actual_id"], row["actual"]) == ("own", "actual 2024: 8 units")


def test_the_table_runs_by_status_then_deadline(real):
    dataset, frame_ = real
    table = progress_table(frame_, dataset.reference, dt.date(2026, 11, 23), "en", dataset.checks)
    rank = table["status"].map({s: i for i, s in enumerate(STATUSES)})
    assert rank.is_monotonic_increasing
    for _, part in table.groupby("status"):
        dated = part["deadline"].dropna()
        assert list(dated) == sorted(dated)
        undated = part["deadline"].isna().tolist()
        assert undated == sorted(undated)  # targets without a deadline come last
    assert set(table["status"]) == set(STATUSES)  # every status is reached on the real data


def test_laibins_nursing_share_target_is_drawn_without_an_actual(real):
    dataset, frame_ = real
    spec = bullet_chart(frame_, dataset.reference, dataset.sources, NURSING, "en")
    figure = json.loads(spec.plot.to_json())
    line = figure["layout"]["shapes"][0]
    assert (line["x0"], line["x1"]) == (30, 30)
    low, high = figure["layout"]["xaxis"]["range"]
    assert low == 0 and high >= 30  # the axis reaches the target
    assert figure["layout"]["xaxis"]["title"]["text"] == "%"
    texts = [a["text"] for a in figure["layout"]["annotations"]]
    assert "target 2021: ≥30%" in texts and "No actual has been reported for this target yet." in texts


def test_laibins_nursing_share_bullet_on_the_page():
    at = open_direct("progress", region="451300", status="unreported", target=NURSING, lang="en")
    assert at.selectbox(key="progress.target").value == NURSING
    bullet = json.loads(at.get("plotly_chart")[1].proto.spec)
    assert bullet["layout"]["shapes"][0]["x0"] == 30
    assert bullet["layout"]["xaxis"]["range"][1] >= 30
    assert "Laibin" in bullet["layout"]["title"]["text"]


def test_compare_chart_csv_carries_the_group_definition(real):
    dataset, frame_ = real
    group = dataset.reference.groups["nursing_bed_share"]
    for lang, definition in (("zh", group.definition_zh), ("en", group.definition_en)):
        spec = compare_chart(frame_, dataset.sources, ["420000", "640000"], "nursing_bed_share", dataset.reference,
                             lang)
        assert set(spec.data["definition"]) == {definition}
        assert definition in table_bytes(spec.data, "csv").decode("utf-8-sig")
        assert definition.split("（")[0][:20] in spec.plot.layout.title.text  # and in the image's note


def test_timeline_and_bullet_csvs_carry_the_group_definition(real):
    dataset, frame_ = real
    ref = dataset.reference
    definition = ref.groups["internet_hospitals"]
    timeline = timeline_chart(frame_, ref, dataset.sources, "640100", "internet_hospitals", "en")
    csv = table_bytes(timeline.data, "csv").decode("utf-8-sig")
    assert definition.definition_en in csv and definition.definition_zh in csv
    bullet = bullet_chart(frame_, ref, dataset.sources, NURSING, "zh")
    assert ref.groups["nursing_bed_share"].definition_zh in table_bytes(bullet.data, "csv").decode("utf-8-sig")


def test_browse_csv_carries_the_group_definition_and_scope(real):
    dataset, frame_ = real
    rows = browse.region_rows(dataset, frame_, "451300")
    out = browse.download_frame(frame_, rows)
    csv = pd.read_csv(pd.io.common.BytesIO(table_bytes(out, "csv")), encoding="utf-8-sig")
    rule = csv[csv["figure_id"] == "laibin-integrated-care-institutions-per-county"].iloc[0]
    group = dataset.reference.groups["integrated_care_institutions_per_county"]
    assert (rule["definition_zh"], rule["definition_en"]) == (group.definition_zh, group.definition_en)
    assert rule["group_scope"] == "per_subregion" and not rule["per_resident_applies"]


def test_the_csvs_say_in_words_why_per_resident_does_not_apply(real):
    dataset, frame_ = real
    rows = browse.region_rows(dataset, frame_, "451300")
    csv = pd.read_csv(pd.io.common.BytesIO(table_bytes(browse.download_frame(frame_, rows), "csv")),
                      encoding="utf-8-sig", keep_default_na=False)
    rule = csv[csv["figure_id"] == "laibin-integrated-care-institutions-per-county"].iloc[0]
    assert (rule["per_resident_why_zh"], rule["per_resident_why_en"]) == (
        "该组是对每个下级地区的要求，不是本地区总量", "this group is a rule for each sub-region, not the region's total")
    applies = csv[csv["per_resident_applies"].astype(str) == "True"]
    assert len(applies) and set(applies["per_resident_why_en"]) == {""}  # nothing to explain where it applies
    # Compare turns per resident off for a share; its chart's CSV still says why
    spec = compare_chart(frame_, dataset.sources, ["420000", "640000"], "nursing_bed_share", dataset.reference, "en",
                         per_resident=False)
    assert set(spec.data["per_resident_why"]) == {"this group is a share"}
    assert "this group is a share" in table_bytes(spec.data, "csv").decode("utf-8-sig")


def test_a_timeline_says_which_measures_of_another_definition_it_leaves_out(real):
    dataset, frame_ = real
    ref = dataset.reference
    for lang in ("zh", "en"):
        spec = timeline_chart(frame_, ref, dataset.sources, "640100", "internet_hospitals", lang)
        title = spec.plot.layout.title.text.replace("<br><sup>", " ").replace("</sup>", "")
        other = ref.groups["internet_hospitals_and_health_firms"]
        note = {"zh": "另有定义不同的实绩，不连入此线：", "en": "Not joined to this line, being of another definition: "}[lang]
        assert note in title and (other.zh if lang == "zh" else other.en) in title
        assert ref.groups["internet_hospitals"].definition_en.split(" ")[0] in title if lang == "en" else True
        assert 165 not in list(spec.data["value"])  # the other measure is named, never joined


def test_progress_chart_images_carry_the_group_definition(real):
    dataset, frame_ = real
    ref = dataset.reference
    for lang in ("zh", "en"):
        definition = getattr(ref.groups["nursing_bed_share"], f"definition_{lang}")
        bullet = bullet_chart(frame_, ref, dataset.sources, NURSING, lang)
        shown = bullet.plot.layout.title.text.replace("<br><sup>", "").replace("</sup>", "")
        assert definition.rstrip("。. ").replace(" ", "")[:30] in shown.replace(" ", "")
        timeline = timeline_chart(frame_, ref, dataset.sources, "640100", "internet_hospitals", lang)
        shown = timeline.plot.layout.title.text.replace("<br><sup>", "").replace("</sup>", "")
        assert getattr(ref.groups["internet_hospitals"], f"definition_{lang}").rstrip("。. ").replace(" ", "")[:30] in shown.replace(" ", "")
