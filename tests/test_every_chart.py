"""What every chart of every page must be, checked on the real data in both languages: a title, the
house font, a source line in the page's language below the x labels and inside the margin, and a
summary for screen readers that starts with the chart's title.

In one module because they share one costly fixture, every_chart (Targets vs actuals alone draws
over two hundred charts a language): `make test` hands each module to one test process, so the
charts are built once, not once in each process that checks them.
"""

import pytest
from chart_fixtures import source_annotation

from healthtargets.charts import theme as charts
from healthtargets.charts.summary import chart_summary, plain
from healthtargets.views.registry import CHARTED as PAGES


@pytest.mark.sweep
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_chart_has_title_axes_source_line_and_cjk_font(every_chart, page, lang):
    for spec in every_chart(page, lang):
        layout = spec.plot.layout
        assert layout.title.text, spec.name
        assert layout.font.family.startswith("WenQuanYi Micro Hei"), spec.name
        assert any(a.text and a.text.startswith("来源" if lang == "zh" else "Source") for a in layout.annotations), spec.name
        assert spec.lang == lang and spec.page == page


@pytest.mark.sweep
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_source_line_sits_below_the_x_labels_and_title_inside_the_margin(every_chart, lang):
    for page in PAGES:
        for spec in every_chart(page, lang):
            layout, note = spec.plot.layout, source_annotation(spec)
            lines = charts.label_lines(spec.plot) if layout.xaxis.visible is not False else 0  # the map has no axes
            assert -note.yshift >= (8 + charts.LINE_PX * lines if lines else 8) + (26 if layout.xaxis.title.text else 0), spec.name
            source_lines = note.text.count("<br>") + 1
            assert layout.margin.b >= -note.yshift + charts.SOURCE_LINE_PX * source_lines, spec.name
            assert layout.title.pad.l == charts.TITLE_PAD, spec.name


@pytest.mark.sweep
@pytest.mark.parametrize("lang, opening", [("zh", "图表："), ("en", "Chart: ")])
@pytest.mark.parametrize("page", PAGES)
def test_every_chart_of_every_page_has_a_summary_in_its_language(every_chart, page, lang, opening):
    for spec in every_chart(page, lang):
        summary = chart_summary(spec)
        assert summary.startswith(opening + plain(spec.title)) and "%{" not in summary and "<" not in summary
