"""Every page with charts offers "download all charts on this page" with exactly the charts it drew."""

import pytest

PAGES = {  # page, query params, charts the page draws
    "overview": ({}, 1),
    "browse": ({"region": "130402"}, 1),
    "compare": ({}, 1),
    "progress": ({}, 2),
}


@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_page_with_charts_offers_the_zip_of_its_charts(open_page, page, lang):
    params, n = PAGES[page]
    at = open_page(page, lang=lang, **params)
    assert not at.exception and not at.error
    buttons = [b.proto for b in at.get("download_button")]
    zips = [b for b in buttons if b.id and f"{page}.zip.button" in b.id]
    assert len(zips) == 1
    assert zips[0].label == ("下载本页全部图表（ZIP）" if lang == "zh" else "Download all charts on this page (ZIP)")
    assert len(at.get("plotly_chart")) == n
    assert at.radio(key=f"{page}.zip.format").value == "PNG"


def test_the_zip_holds_exactly_the_charts_drawn(open_page):
    at = open_page("progress", lang="en")
    drawn = at.session_state["_layout.drawn_charts"]
    assert [spec.page for spec in drawn] == ["progress", "progress"]
    assert [spec.name.split("-")[0] for spec in drawn] == ["bullet", "timeline"]


def test_a_page_without_charts_offers_no_zip(open_page):
    at = open_page("sources")
    assert not at.exception
    assert not [b for b in at.get("download_button") if b.proto.id and "zip" in b.proto.id]
