"""The app as a whole: navigation, language switch, invalid data shown in one box."""

import pytest

from healthtargets.views.registry import PAGES as REGISTERED

PAGES = [page.key for page in REGISTERED]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_in_both_languages(open_page, page):
    for lang in ("zh", "en"):
        at = open_page(page, lang=lang)
        assert not at.exception, (page, lang, at.exception)
        assert not at.error, (page, lang)
        assert at.title, page


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
