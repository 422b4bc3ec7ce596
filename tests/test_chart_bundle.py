"""A page's ZIP: one image per chart, the CSV behind each, sources.txt; names from file_stem."""

from __future__ import annotations

import io
import time
import zipfile

import pandas as pd
import pytest
from chart_fixtures import *  # noqa: F403 fixtures: page_specs, zh_spec, en_spec, …
from chart_fixtures import png_size

from healthtargets.charts.bundle import charts_zip, sources_text, unique_stems, zip_name

pytestmark = pytest.mark.export


def open_zip(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def test_zip_holds_an_image_and_a_csv_per_chart_and_the_sources(page_specs):
    archive = open_zip(charts_zip(page_specs, "png"))
    expected = []
    for spec in page_specs:
        expected += [f"{spec.file_stem}.png", f"{spec.file_stem}.csv"]
    assert archive.namelist() == expected + ["sources.txt"]
    assert archive.namelist()[:2] == ["compare-elderly-care-beds-zh.png", "compare-elderly-care-beds-zh.csv"]
    for spec in page_specs:
        assert png_size(archive.read(f"{spec.file_stem}.png")) == (1600, 900)
        csv = archive.read(f"{spec.file_stem}.csv")
        assert csv.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so Excel shows Chinese"
        pd.testing.assert_frame_equal(pd.read_csv(io.BytesIO(csv), encoding="utf-8-sig"), spec.data)


def test_zip_in_svg_and_pdf(zh_spec, en_spec):
    svg = open_zip(charts_zip([zh_spec, en_spec], "svg"))
    assert svg.namelist() == ["compare-elderly-care-beds-zh.svg", "compare-elderly-care-beds-zh.csv",
                              "compare-elderly-care-beds-en.svg", "compare-elderly-care-beds-en.csv", "sources.txt"]
    assert svg.read("compare-elderly-care-beds-zh.svg").startswith(b"<svg")
    pdf = open_zip(charts_zip([zh_spec], "pdf"))
    assert pdf.read("compare-elderly-care-beds-zh.pdf").startswith(b"%PDF-")


def test_sources_file_lists_issuer_title_number_dates_and_address(zh_spec):
    assert sources_text([zh_spec]) == """\
本组图表引用的来源
==================

[1] 邯山区人民政府办公室《关于加快邯山区康养产业发展的实施意见》
    发布机关：邯山区人民政府办公室
    标题：关于加快邯山区康养产业发展的实施意见
    英文标题：Implementation opinions on the health-care industry of Hanshan
    文号：邯山政办〔2024〕28号
    成文日期：2024-09-06
    发布日期：2024-09-13
    网址：https://www.hanshan.gov.cn/example
    引用图表：compare-elderly-care-beds-zh

[2] 重庆市南岸区民政局《对区政协十届三次会议第0123号提案的答复》
    发布机关：重庆市南岸区民政局
    标题：对区政协十届三次会议第0123号提案的答复
    英文标题：Reply to proposal 0123
    文号：不详
    成文日期：不详
    发布日期：2024-07-25
    网址：不详
    引用图表：compare-elderly-care-beds-zh
"""


def test_sources_file_in_english_lists_each_source_once(page_specs, en_spec):
    text = sources_text([en_spec, *page_specs])
    assert text.startswith("Sources cited by these charts\n")
    assert text.count("[1] 邯山区人民政府办公室, “Implementation opinions") == 1
    assert "    Number: 邯山政办〔2024〕28号\n" in text
    assert "[3]" not in text


def test_repeated_names_do_not_overwrite_each_other(zh_spec):
    assert unique_stems([zh_spec, zh_spec, zh_spec]) == [
        "compare-elderly-care-beds-zh", "compare-elderly-care-beds-zh-2", "compare-elderly-care-beds-zh-3"]


def test_zip_name_says_page_language_and_format(page_specs, en_spec):
    assert zip_name(page_specs, "svg") == "compare-charts-zh-svg.zip"
    assert zip_name([*page_specs, en_spec], "png") == "compare-charts-zh-en-png.zip"


def test_a_page_zip_is_ready_in_under_five_seconds(page_specs):
    charts_zip(page_specs[:1], "png")  # the browser is up, as it is after the page's first chart
    started = time.monotonic()
    charts_zip(page_specs, "png")
    assert time.monotonic() - started < 5
