"""What a screen-reader user and an analyst get around every chart, page by page (AppTest).

Each chart: a summary in the page's language just before it, a toggle showing the data behind it
(the CSV's table), "cite this" with a GB/T 7714 and an APA reference. Every page: <html lang> set
to the page's language, a "copy link" button. The real browser's side is tests/test_browser_a11y.py.
"""

import json

import pytest
from page_apptest import open_direct

from healthtargets.views.registry import CHARTED, PAGES

OPENINGS = {"zh": "图表：", "en": "Chart: "}
CITE = {"zh": "引用此图表", "en": "Cite this chart"}
STYLES = {"zh": ["GB/T 7714（中文报告）", "APA（英文报告）"], "en": ["GB/T 7714 (reports in Chinese)", "APA (reports in English)"]}
HTML_LANG = {"zh": "zh-CN", "en": "en"}
COPY = {"zh": "复制本页链接", "en": "Copy link to this view"}


def _summaries(at) -> list[str]:
    return [h.proto.body for h in at.main.get("html") if 'class="ht-sr-only"' in h.proto.body]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", CHARTED)
def test_every_chart_has_a_summary_a_data_toggle_and_a_citation(page, lang):
    at = open_direct(page, lang=lang)
    charts = at.get("plotly_chart")
    summaries = _summaries(at)
    assert charts and len(summaries) == len(charts)
    assert all(s.startswith(f'<p class="ht-sr-only" tabindex="0">{OPENINGS[lang]}') for s in summaries)
    toggles = [tg for tg in at.toggle if tg.key and tg.key.endswith(".data")]
    assert len(toggles) == len(charts) and not any(tg.value for tg in toggles)  # the table shows on demand
    boxes = [e for e in at.expander if e.label == CITE[lang]]
    assert len(boxes) == len(charts)
    for box in boxes:
        assert [c.value for c in box.caption] == STYLES[lang]
        gbt, apa = (c.value for c in box.code)
        assert gbt.startswith("地方大健康产业目标追踪. ") and "[DS/OL]" in gbt
        assert apa.startswith("Local health-industry targets tracker. (") and "[Data set]" in apa


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_summary_says_the_compare_chart_in_words(lang):
    at = open_direct("compare", lang=lang)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    summary = _summaries(at)[0]
    title = spec["layout"]["title"]["text"].split("<br>")[0]
    assert title in summary
    for trace in spec["data"]:
        for text in trace.get("text") or []:
            assert text.replace(">", "&gt;") in summary  # every bar's value as its label writes it


def test_the_data_toggle_shows_the_table_behind_the_chart():
    at = open_direct("progress", lang="en")
    before = len(at.dataframe)
    at.toggle(key="progress.statuses.data").set_value(True).run()
    assert len(at.dataframe) == before + 1
    table = next(d.value for d in at.dataframe if list(d.value.columns) == ["status", "label", "targets"])
    bars = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    assert list(table["targets"]) == bars["y"] and "achieved" in set(table["status"])


@pytest.mark.parametrize("lang, label, named", [
    ("zh", "引用此条数据", "南岸区 · "),
    ("en", "Cite this figure", "Nan'an District · "),
])
def test_a_figure_in_browse_has_its_citation(lang, label, named):
    figure = "nanan-2023-community-elderly-facilities"
    at = open_direct("browse", lang=lang, region="500108", figure=figure)
    box = next(e for e in at.expander if e.label == label)
    gbt, apa = (c.value for c in box.code)
    assert named in gbt and figure in gbt and named in apa and figure in apa
    assert gbt.splitlines()[1].startswith("重庆市南岸区")  # then its source: the issuer first


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", ["overview", "sources", "add_document"])
def test_every_page_sets_its_html_lang_and_offers_to_copy_its_link(page, lang):
    at = open_direct(page, lang=lang)
    body = " ".join(h.proto.body for h in at.sidebar.get("html"))
    assert f"document.documentElement.lang = {json.dumps(HTML_LANG[lang])}" in body
    assert f">{COPY[lang]}</button>" in body and 'role="status"' in body


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", [entry.key for entry in PAGES])
def test_every_pages_headings_step_down_one_level_at_a_time(page, lang):
    """The page's title (h1), then its sections (h2): a screen reader's outline skips no level."""
    at = open_direct(page, lang=lang)
    levels = [int(node.tag[1]) for node in _in_order(at.main) if getattr(node, "type", "") in HEADINGS]
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    assert not at.subheader  # h3 straight under the title, what axe's heading-order found


HEADINGS = {"title", "header", "subheader"}


def _in_order(node):
    """Every element under ``node`` in the page's order."""
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _in_order(child)
