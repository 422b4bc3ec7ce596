"""Suggested citations: GB/T 7714 and APA lines for a chart or a figure, as an analyst pastes them."""

import datetime as dt

import pytest

from healthtargets.dataset.schema import Source
from healthtargets.views.citation import STYLES, citations, figure_label, source_apa, source_gbt, view_url

ACCESSED = dt.date(2026, 11, 23)


def _source(**fields) -> Source:
    base = dict(id="hanshan-2024", title="关于加快邯山区康养产业发展的实施意见",
                title_en="Implementation opinions on the health-care industry of Hanshan", issuer="邯山区人民政府办公室",
                doc_number="邯山政办〔2024〕28号", type="implementation_opinions", region="130402",
                date_written=dt.date(2024, 9, 6), date_published=dt.date(2024, 9, 13),
                url="https://www.hanshan.gov.cn/example", text_sha256=None, notes=None)
    return Source(**{**base, **fields})


SOURCES = [
    pytest.param(
        _source(),
        "邯山区人民政府办公室. 关于加快邯山区康养产业发展的实施意见: 邯山政办〔2024〕28号[EB/OL]. (2024-09-06)[2026-11-23]. "
        "https://www.hanshan.gov.cn/example.",
        "邯山区人民政府办公室. (2024, September 6). Implementation opinions on the health-care industry of Hanshan "
        "[关于加快邯山区康养产业发展的实施意见] (邯山政办〔2024〕28号). Retrieved November 23, 2026, from "
        "https://www.hanshan.gov.cn/example",
        id="a numbered document online: number after the title, its own date, then the date accessed"),
    pytest.param(
        _source(doc_number=None, date_written=None),
        "邯山区人民政府办公室. 关于加快邯山区康养产业发展的实施意见[EB/OL]. (2024-09-13)[2026-11-23]. "
        "https://www.hanshan.gov.cn/example.",
        "邯山区人民政府办公室. (2024, September 13). Implementation opinions on the health-care industry of Hanshan "
        "[关于加快邯山区康养产业发展的实施意见]. Retrieved November 23, 2026, from https://www.hanshan.gov.cn/example",
        id="no number, only a publication date"),
    pytest.param(
        _source(url=None, date_written=None, date_published=None),
        "邯山区人民政府办公室. 关于加快邯山区康养产业发展的实施意见: 邯山政办〔2024〕28号[Z].",
        "邯山区人民政府办公室. (n.d.). Implementation opinions on the health-care industry of Hanshan "
        "[关于加快邯山区康养产业发展的实施意见] (邯山政办〔2024〕28号).",
        id="a stored text with no address and no date"),
]


@pytest.mark.parametrize("source, gbt, apa", SOURCES)
def test_a_source_in_each_style(source, gbt, apa):
    assert (source_gbt(source, ACCESSED), source_apa(source, ACCESSED)) == (gbt, apa)


def test_a_chart_cites_the_tracker_with_the_view_then_each_document():
    url = "http://localhost:8501/compare?regions=130402%2C500108&lang=en"
    found = {c.style: c.text.split("\n") for c in citations("Regions compared: Elderly-care beds", [_source()], url, ACCESSED)}
    assert list(found) == list(STYLES)
    assert found["gbt7714"] == [
        f"地方大健康产业目标追踪. Regions compared: Elderly-care beds[DS/OL]. [2026-11-23]. {url}.",
        source_gbt(_source(), ACCESSED)]
    assert found["apa"] == [
        "Local health-industry targets tracker. (2026). Regions compared: Elderly-care beds [Data set]. "
        f"Retrieved November 23, 2026, from {url}",
        source_apa(_source(), ACCESSED)]


def test_without_a_link_the_tracker_line_ends_at_the_date():
    gbt, apa = citations("养老床位目标", [], None, ACCESSED)
    assert gbt.text == "地方大健康产业目标追踪. 养老床位目标[DS/OL]. [2026-11-23]."
    assert apa.text == "Local health-industry targets tracker. (2026). 养老床位目标 [Data set]."


@pytest.mark.parametrize("lang, label", [
    ("zh", "南岸区 · 养老机构床位（数据条目 nanan-beds-2025）"),
    ("en", "Nan'an District · Beds in elderly-care institutions (figure nanan-beds-2025)"),
])
def test_a_figure_is_named_by_region_metric_and_id(lang, label):
    row = {"figure_id": "nanan-beds-2025", "region_zh": "南岸区", "region_en": "Nan'an District",
           "metric_zh": "养老机构床位", "metric_en": "Beds in elderly-care institutions"}
    assert figure_label(row, lang) == label


@pytest.mark.parametrize("page, params, url", [
    ("http://localhost:8501/browse", {"region": "500108", "lang": "zh"}, "http://localhost:8501/browse?region=500108&lang=zh"),
    ("https://example.org/app/compare?old=1", {"regions": "130402,500108"},
     "https://example.org/app/compare?regions=130402%2C500108"),
])
def test_view_url_carries_the_page_state(page, params, url):
    assert view_url(page, params) == url
