"""The app as a whole: navigation, language switch, invalid data shown in one box."""

import pytest

from healthtargets.views.registry import CHARTED
from healthtargets.views.registry import PAGES as REGISTERED

PAGES = [page.key for page in REGISTERED]


QUERIES = {"browse": {"region": "130402"}}  # the view a user would share
ZIP_LABELS = {"zh": "下载本页全部图表（ZIP）", "en": "Download all charts on this page (ZIP)"}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_and_offers_its_charts_as_one_zip(open_page, page, lang):
    at = open_page(page, lang=lang, **QUERIES.get(page, {}))
    assert not at.exception, (page, lang, at.exception)
    assert not at.error, (page, lang)
    assert at.title, page
    zips = [b.proto for b in at.get("download_button") if b.proto.id and f"{page}.zip.button" in b.proto.id]
    if page in CHARTED:
        assert at.get("plotly_chart"), page
        assert [b.label for b in zips] == [ZIP_LABELS[lang]]
        assert at.radio(key=f"{page}.zip.format").value == "PNG"
    else:
        assert zips == []


def test_switching_to_english_changes_the_labels(open_page):
    at = open_page("browse")
    assert at.title[0].value == "按地区浏览"
    at.segmented_control(key="lang.switch").set_value("en").run()
    assert at.title[0].value == "Browse by region"
    assert at.query_params["lang"] == "en"


@pytest.mark.parametrize("page", PAGES)
def test_invalid_data_shows_every_problem_in_one_box(open_page, broken_data, page):
    at = open_page(page, lang="en")
    assert not at.exception
    assert len(at.error) == 1
    text = at.error[0].value
    assert "2 problem(s)" in text
    assert "targets_broken_ui.yaml:25: figure hanshan-beds: unit: unknown unit '床'" in text
    assert "targets_broken_ui.yaml:31: figure hanshan-output: source: unknown source 'nowhere-2024'" in text
    assert not at.dataframe and not at.get("plotly_chart")
