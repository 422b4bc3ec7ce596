"""The Compare page, headless: regions from the URL, the matrix, the chart, its switches, English."""

import itertools
import json

import pytest
from chart_fixtures import y_unit
from page_apptest import open_direct

from healthtargets import figures_frame, load_dataset
from healthtargets.views.compare import default_regions, groups_compared, region_groups

HANSHAN, NANAN = "130402", "500108"


def open_compare(**params):
    return open_direct("compare", **params)


def matrix_cells(at) -> str:
    return at.table[0].value.to_string()


def chart(at, i=0) -> dict:
    return json.loads(at.get("plotly_chart")[i].proto.spec)


HUBEI, NINGXIA, QINGHAI, WUHAN = "420000", "640000", "630000", "420100"


def test_default_is_the_regions_sharing_the_most_groups():
    frame = figures_frame(load_dataset())
    default = default_regions(frame)
    at = open_compare()
    assert at.multiselect(key="compare.regions").value == default
    shared = region_groups(frame)
    most = max(len(shared[a] & shared[b]) for a, b in itertools.combinations(shared, 2))
    assert len(shared[default[0]] & shared[default[1]]) == most  # the pair with the most groups in common (the country aside)
    assert len(groups_compared(frame, default)) >= 5


def test_regions_sharing_no_group_say_so_and_suggest_others():
    at = open_compare(regions=f"{HANSHAN},{NANAN}")
    assert [w.value for w in at.warning] == [
        "邯山区、南岸区 没有可比的数据：没有哪个可比组在其中两个以上地区都有数据。"]
    texts = [t.value for t in at.text]
    assert texts[0] == "巴彦淖尔市（3 个共同可比组）" and texts[1].endswith("（3 个共同可比组）")  # most shared first
    assert [i.value for i in at.info] == ["所选地区没有可画图的数据。"]
    assert not at.get("plotly_chart")


def test_nursing_share_side_by_side_with_its_definition():
    at = open_compare(regions=f"{HUBEI},{NINGXIA},{WUHAN}", by="group", key="nursing_bed_share",
                      group="nursing_bed_share")
    cells = matrix_cells(at)
    assert "实际 2025：74.5%" in cells and "目标 2025：≥65%" in cells
    spec = chart(at)
    assert y_unit(spec) == "%"
    assert {trace["name"] for trace in spec["data"]} == {"目标（斜线柱）", "实际（实心柱）"}
    assert "护理型床位占养老床位" in spec["layout"]["title"]["text"]  # the group's definition, in the image too
    assert "来源" in json.dumps(spec["layout"]["annotations"], ensure_ascii=False)
    assert "护理型床位占养老床位" in [t.value for t in at.text][0]


def test_english_switch_changes_labels_and_numbers():
    at = open_compare(regions=f"{HUBEI},{QINGHAI}", by="group", key="elderly_care_beds", lang="en")
    assert at.multiselect(key="compare.regions").label == "Regions (2–6)"
    cells = matrix_cells(at)
    assert "actual 2016: 329,000 beds" in cells and "actual 2023: 23,470 beds" in cells


def test_widgets_write_the_url_and_the_url_reproduces_the_view():
    at = open_compare()
    at.multiselect(key="compare.regions").set_value([HUBEI, WUHAN]).run()
    at.radio(key="compare.by").set_value("group").run()
    at.toggle(key="compare.log").set_value(True).run()
    params = dict(at.query_params)
    assert params["regions"] == f"{HUBEI},{WUHAN}" and params["by"] == "group" and params["log"] == "True"
    again = open_compare(**params)
    assert again.multiselect(key="compare.regions").value == [HUBEI, WUHAN]
    assert again.radio(key="compare.by").value == "group"
    assert again.toggle(key="compare.log").value is True
    assert matrix_cells(again) == matrix_cells(at)
    assert chart(again)["layout"]["yaxis"]["type"] == "log"


def test_per_resident_says_which_population_and_why_not_for_a_share():
    at = open_compare(regions=f"{HUBEI},{NINGXIA}", group="elderly_care_beds", per="True")
    texts = [t.value for t in at.text]
    assert "湖北省按 2020 年常住人口 5,775万人 计" in texts
    assert y_unit(chart(at)) == "张/千人"
    share = open_compare(regions=f"{HUBEI},{NINGXIA}", group="nursing_bed_share", per="True")
    assert [c.value for c in share.caption if c.value.startswith("人均")] == ["人均换算不适用：该组为占比。图中为原值。"]


def test_national_benchmark_is_a_reference_line():
    at = open_compare(regions=f"{HUBEI},{NINGXIA}", group="nursing_bed_share")
    spec = chart(at)
    assert any(shape.get("line", {}).get("dash") == "dash" for shape in spec["layout"]["shapes"])
    assert "全国 20" in json.dumps(spec["layout"]["annotations"], ensure_ascii=False)


def test_too_few_regions_says_so():
    at = open_compare(regions=HANSHAN)
    assert [i.value for i in at.info] == ["请至少选择 2 个地区。"]


@pytest.mark.parametrize("regions", ["999999,abc", ""])
def test_unknown_regions_in_the_url_fall_back_to_the_default(regions):
    at = open_compare(regions=regions)
    assert at.multiselect(key="compare.regions").value == default_regions(figures_frame(load_dataset()))


@pytest.mark.parametrize("lang, labels", [("zh", ["下载矩阵 CSV", "下载矩阵 Excel"]),
                                          ("en", ["Download the matrix (CSV)", "Download the matrix (Excel)"])])
def test_the_matrix_downloads_as_csv_and_excel_under_it(lang, labels):
    at = open_compare(regions=f"{HUBEI},{NINGXIA},{WUHAN}", by="group", key="nursing_bed_share", lang=lang)
    buttons = [b for b in at.get("download_button") if b.proto.id and "compare.matrix_" in b.proto.id]
    assert [b.proto.label for b in buttons] == labels
    ningxia = at.table[0].value.iloc[0, 2]
    assert ningxia.split("\n") == {"zh": ["目标 2024：≥55%", "目标 2024：55%"], "en": ["target 2024: ≥55%", "target 2024: 55%"]}[lang]
