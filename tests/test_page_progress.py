"""The Targets-vs-actuals page, headless: Laibin's herb target against Jinxiu's lower bound, rule, charts."""

import json

from page_apptest import open_direct

HERB = "laibin-2021-herb-planting-area"


def open_progress(**params):
    return open_direct("progress", **params)


def table(at):
    return at.dataframe[0].value


def charts(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_laibin_herb_target_with_jinxiu_lower_bound_and_status():
    at = open_progress()
    rows = table(at)
    herb = rows[(rows["metric_name"] == "中药材种植面积") & (rows["region"] == "来宾市")].iloc[0]
    assert herb["target"] == "目标 2021：10万亩"
    assert herb["actual"] == "实际 2023：近20万亩（下限：金秀瑶族自治县）"
    assert herb["status_label"] == "已达成" and herb["attainment_text"] == "200%"


def test_statuses_at_a_glance_and_a_real_mix():
    at = open_progress()
    bars = charts(at)[0]
    assert bars["layout"]["title"]["text"].endswith("个目标的状态")
    counts = dict(zip(bars["data"][0]["x"], bars["data"][0]["y"]))
    assert sum(1 for n in counts.values() if n) >= 4  # more than one kind of status on the real data


def test_a_past_target_without_outcome_says_when_it_was_searched():
    at = open_progress(status="unreported", region="451300")
    rows = table(at)
    assert set(rows["status_label"]) == {"期限已过，未找到实际数"}
    assert all(note.startswith("已于 2026-11-23 检索") for note in rows["note"])


def test_status_rule_is_on_the_page():
    at = open_progress()
    assert any("只计同一可比组（同一定义）" in t.value for t in at.text)


def test_english_labels():
    at = open_progress(lang="en")
    rows = table(at)
    herb = rows[(rows["metric_name"] == "Medicinal-herb planting area") & (rows["region"] == "Laibin")].iloc[0]
    assert herb["actual"] == "actual 2023: nearly 200,000 mu (lower bound: Jinxiu Yao Autonomous County)"
    assert herb["status_label"] == "achieved"
    assert at.selectbox(key="progress.status").label == "Status"
    assert any("attainment ≥ time elapsed" in t.value for t in at.text)


def test_bullet_chart_of_the_chosen_target_from_the_url():
    at = open_progress(target=HERB, lang="en")
    assert at.selectbox(key="progress.target").value == HERB
    bullet = charts(at)[1]
    assert bullet["data"][0]["y"] == ["Jinxiu Yao Autonomous County 2023 (lower bound)"]
    assert bullet["layout"]["xaxis"]["title"]["text"] == "mu"


def test_no_actual_says_why():
    at = open_progress(status="no_actual_yet")
    assert set(table(at)["status_label"]) == {"尚无实际数"}
    assert all("该目标尚无实际数报告。" in note for note in table(at)["note"])


def test_yinchuan_internet_hospitals_timeline():
    at = open_progress(timeline="640100:internet_hospitals")
    timeline = charts(at)[-1]
    assert timeline["data"][0]["x"] == [2017, 2024] and timeline["data"][0]["y"] == [15, 149]
    assert "银川市" in timeline["layout"]["title"]["text"]


def test_filters_go_to_the_url():
    at = open_progress()
    at.selectbox(key="progress.region").set_value("451300").run()
    assert at.query_params["region"] == "451300"
    assert set(table(at)["region"]) == {"来宾市"}
