"""The Compare page, headless: regions from the URL, the matrix, the chart, its switches, English."""

import json

import pytest
from page_apptest import open_direct

HANSHAN, NANAN = "130402", "500108"


def open_compare(**params):
    return open_direct("compare", **params)


def matrix_cells(at) -> str:
    return at.dataframe[0].value.to_string()


def chart(at, i=0) -> dict:
    return json.loads(at.get("plotly_chart")[i].proto.spec)


def test_default_is_the_five_source_regions():
    at = open_compare()
    assert at.multiselect(key="compare.regions").value == ["500108", "500110", "640100", "451300", "130402"]
    assert list(at.dataframe[0].value.columns)[2:7] == ["南岸区", "綦江区", "银川市", "来宾市", "邯山区"]


def test_hanshan_and_nanan_from_the_url_show_output_with_years_and_kinds():
    at = open_compare(regions=f"{HANSHAN},{NANAN}", by="group", key="industry_output", group="industry_output")
    assert at.multiselect(key="compare.regions").value == [HANSHAN, NANAN]
    cells = matrix_cells(at)
    assert "目标 2026：40亿元" in cells
    assert "实际 2023：289.3亿元" in cells
    spec = chart(at)
    assert spec["layout"]["yaxis"]["title"]["text"] == "亿元"
    values = sorted(v for trace in spec["data"] for v in trace["y"])
    assert 40 in values and 289.3 in values
    assert {trace["name"] for trace in spec["data"]} >= {"目标", "实际"}
    assert "来源" in json.dumps(spec["layout"]["annotations"], ensure_ascii=False)


def test_english_switch_changes_labels_and_numbers():
    at = open_compare(regions=f"{HANSHAN},{NANAN}", by="group", key="industry_output", lang="en")
    assert at.multiselect(key="compare.regions").label == "Regions (2–6)"
    cells = matrix_cells(at)
    assert "target 2026: CNY 4 bn" in cells and "actual 2023: CNY 28.93 bn" in cells
    assert chart(at)["layout"]["yaxis"]["title"]["text"] == "CNY bn"


def test_widgets_write_the_url_and_the_url_reproduces_the_view():
    at = open_compare()
    at.multiselect(key="compare.regions").set_value([HANSHAN, NANAN]).run()
    at.radio(key="compare.by").set_value("group").run()
    at.toggle(key="compare.log").set_value(True).run()
    params = dict(at.query_params)
    assert params["regions"] == f"{HANSHAN},{NANAN}" and params["by"] == "group" and params["log"] == "True"
    again = open_compare(**params)
    assert again.multiselect(key="compare.regions").value == [HANSHAN, NANAN]
    assert again.radio(key="compare.by").value == "group"
    assert again.toggle(key="compare.log").value is True
    assert matrix_cells(again) == matrix_cells(at)
    assert chart(again)["layout"]["yaxis"]["type"] == "log"


def test_per_resident_says_which_population_and_where_unknown():
    at = open_compare(regions=f"{HANSHAN},{NANAN}", group="industry_output", per="True")
    texts = [t.value for t in at.text]
    assert "邯山区常住人口不详，无法按人均计" in texts
    assert "南岸区按 2020 年常住人口 119.8万人 计" in texts
    assert chart(at)["layout"]["yaxis"]["title"]["text"] == "元/人"


def test_national_benchmark_is_a_reference_line():
    at = open_compare(regions="451300,500108", group="sports_venue_area_per_capita")
    spec = chart(at)
    assert any(shape.get("line", {}).get("dash") == "dash" for shape in spec["layout"]["shapes"])
    assert "全国 2024" in json.dumps(spec["layout"]["annotations"], ensure_ascii=False)


def test_too_few_regions_says_so():
    at = open_compare(regions=HANSHAN)
    assert [i.value for i in at.info] == ["请至少选择 2 个地区。"]


@pytest.mark.parametrize("regions", ["999999,abc", ""])
def test_unknown_regions_in_the_url_fall_back_to_the_default(regions):
    at = open_compare(regions=regions)
    assert len(at.multiselect(key="compare.regions").value) == 5
