"""The app as a whole: navigation, language switch, invalid data shown in one box."""

from pathlib import Path

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


def test_a_file_broken_while_the_server_runs_keeps_the_last_good_data_under_a_banner(open_page, monkeypatch, tmp_path):
    import shutil

    fixtures = Path(__file__).parent / "fixtures"
    shutil.copytree(fixtures / "data", tmp_path / "data")
    targets = tmp_path / "targets.yaml"
    good = (fixtures / "targets_minimal.yaml").read_text(encoding="utf-8")
    targets.write_text(good, encoding="utf-8")
    monkeypatch.setenv("HEALTHTARGETS_TARGETS", str(targets))
    monkeypatch.setenv("HEALTHTARGETS_DATA", str(tmp_path / "data"))
    at = open_page("browse", region="130402", lang="en")
    assert not at.warning and len(at.dataframe[0].value) == 3

    targets.write_text(good.replace("    unit: 张", "    unit: 床"), encoding="utf-8")
    at.run()
    assert not at.exception and not at.error
    (banner,) = at.warning
    assert banner.value.startswith("The data files have 1 problem(s); pages go on showing the last valid data, loaded at ")
    assert "targets.yaml:25: figure hanshan-beds: unit: unknown unit '床'" in banner.value
    assert len(at.dataframe[0].value) == 3  # the last good data, still browsable

    targets.write_text(good.replace("康养产业规模达到40亿元", "康养产业规模达到45亿元").replace("value: 40", "value: 45"),
                       encoding="utf-8")
    at.run()
    assert not at.warning
    assert "CNY 4.5 bn" in at.dataframe[0].value["value_text"].tolist()  # the fixed file, loaded afresh


def test_an_unexpected_failure_shows_a_box_with_a_reference_and_logs_the_traceback(open_page, monkeypatch, caplog):
    from streamlit import config

    from healthtargets.views import sources

    def broken(*args, **kwargs):
        raise RuntimeError("disk read failed at /srv/secret/path")

    monkeypatch.setattr(sources, "documents_table", broken)
    before = config.get_option("client.showErrorDetails")
    config.set_option("client.showErrorDetails", "none")  # as configured for visitors
    try:
        at = open_page("sources", lang="en")
    finally:
        config.set_option("client.showErrorDetails", before)
    assert not at.exception
    (box,) = at.error
    assert box.value.startswith("Something went wrong on this page. It has been logged on the server under reference ")
    assert "/srv/secret" not in box.value
    reference = box.value.split("reference ")[1].split(".")[0]
    logged = [r for r in caplog.records if r.name == "healthtargets.dashboard"]
    assert logged[-1].getMessage() == f"page failed [reference {reference}]"
    assert "disk read failed at /srv/secret/path" in logged[-1].exc_text


LINKS_WITH_A_WRONG_VALUE = [  # (page, its link's parameters, the notice under the title)
    ("progress", {"status": "nonsense", "lang": "en"},
     "Left out of this link: status=nonsense, which this page does not offer."),
    ("browse", {"region": "999999", "lang": "zh"}, "链接中的 region=999999 不是这里的可选值，已略去。"),
    ("compare", {"regions": "abc", "by": "size", "lang": "en"},
     "Left out of this link: regions=abc, by=size, which this page does not offer."),
    ("compare", {"regions": "420000,abc,640000", "lang": "zh"}, "链接中的 regions=abc 不是这里的可选值，已略去。"),
    ("sources", {"doc": "no-such-document", "lang": "zh"}, "链接中的 doc=no-such-document 不是这里的可选值，已略去。"),
]


@pytest.mark.parametrize("page, params, notice", LINKS_WITH_A_WRONG_VALUE, ids=[c[0] for c in LINKS_WITH_A_WRONG_VALUE])
def test_a_link_with_a_value_that_is_not_a_choice_says_what_it_left_out(open_page, page, params, notice):
    at = open_page(page, **params)
    assert not at.exception
    assert [w.value for w in at.warning] == [notice]


def test_a_list_in_a_link_keeps_the_items_offered_and_names_the_others(open_page):
    at = open_page("compare", regions="420000,abc,640000", lang="en")
    assert at.multiselect(key="compare.regions").value == ["420000", "640000"]
    assert [w.value for w in at.warning] == [
        "Left out of this link: regions=abc, which this page does not offer."]


@pytest.mark.parametrize("page, params", [("progress", {"status": "behind"}), ("browse", {"region": "130402"}),
                                          ("compare", {"regions": "420000,640000", "by": "group"})])
def test_a_link_with_valid_values_shows_no_notice(open_page, page, params):
    assert [w.value for w in open_page(page, **params).warning] == []
