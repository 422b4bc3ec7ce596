"""The parts every page shares: its header, and a chart with its text, data, citation and download controls."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from healthtargets.charts.spec import ChartSpec
from healthtargets.charts.theme import modebar_config
from healthtargets.dataset.schema import Source
from healthtargets.i18n import t
from healthtargets.views.citation import citations, view_url
from ui.chart_download import chart_download, page_zip_download
from ui.document import hidden_text

PHONE_PX = 640  # the widest screen ui/page.css treats as a phone
_DRAWN = "_layout.drawn_charts"  # the ChartSpecs render_chart drew in this run of the page
_CITES = "_layout.cite_boxes"  # "cite this" boxes of this run, filled at the page's end (its URL is final then)


def header(title: str, intro: str | None = None) -> None:
    """The page's title; every page starts with it, so it also starts the page's list of charts."""
    st.session_state[_DRAWN] = []
    st.session_state[_CITES] = []
    st.title(title)
    if intro:
        st.caption(intro)


def section(title: str) -> None:
    """A part of the page under its title: a heading one level below it (h2), so that a screen reader's
    list of headings steps down one level at a time (axe's heading-order), drawn as large as an h3 was."""
    st.header(title)


def render_chart(spec: ChartSpec, key: str, phone_aspect: float | None = None) -> None:
    """Draw a chart with the house modebar, its summary for screen readers just before it; under it the
    image-export controls, a toggle showing the data behind it (the CSV's table) and its citation.

    ``phone_aspect`` (the plot's height over its width, a map's): on a phone the chart takes the
    screen's width and a height that keeps it, instead of its image's width scrolled sideways.
    """
    box = f"chart-{key.replace('.', '-')}"
    if phone_aspect:
        st.html(f"<style>{phone_fit_css(box, spec.plot, phone_aspect)}</style>")
    # keyed for ui/page.css (on a phone, a chart scrolls sideways); no gap between the summary and the chart
    with st.container(key=box, gap=None):
        hidden_text(spec.summary)
        st.plotly_chart(spec.plot, key=key, config=modebar_config(spec), theme=None,
                        height="stretch" if phone_aspect else "content")
    _chart_controls(spec, key)
    cite_box(t("cite.chart", spec.lang), spec.title, spec.sources, spec.lang)
    st.session_state.setdefault(_DRAWN, []).append(spec)


def phone_fit_css(box: str, fig, aspect: float) -> str:
    """On a phone (ui/page.css's breakpoint), the chart in container ``box`` as wide as the screen and
    as tall as its margins plus a plot of that aspect. The figure keeps its height, so its image does;
    the page draws it at the height the chart's element is given (st.plotly_chart height="stretch")."""
    margin = fig.layout.margin
    fixed = margin.t + margin.b - aspect * (margin.l + margin.r)  # px: title, legend, source line
    chart = f'[class*="st-key-chart-"].st-key-{box} > [data-testid="stElementContainer"]'
    return (f"@media (max-width: {PHONE_PX}px) {{ .st-key-{box} {{ container-type: inline-size; }} "
            f"{chart} {{ min-width: 0; }} "
            f"{chart}:has(.stPlotlyChart) {{ height: calc({aspect * 100:.2f}cqw + {fixed:.0f}px); }} }}")


def cite_box(label: str, what: str, sources: list[Source], lang: str) -> None:
    """A collapsed "cite this" with a reference per style; its text comes at the page's end (page_downloads)."""
    st.session_state.setdefault(_CITES, []).append((st.expander(label), what, sources, lang))


def drawn_charts() -> list[ChartSpec]:
    """The charts render_chart drew since the page's header: exactly what the user sees."""
    return list(st.session_state.get(_DRAWN) or [])


def page_downloads(key: str) -> None:
    """At a page's end: the "cite this" boxes, with the view's link as the page left it, and
    "download all charts on this page" as a ZIP of the charts it drew (none: nothing)."""
    _fill_citations()
    specs = drawn_charts()
    if not specs:
        return
    st.divider()
    page_zip_download(specs, key=key)


def _fill_citations() -> None:
    page = st.context.url
    url = view_url(page, st.query_params.to_dict()) if page else None
    for box, what, sources, lang in st.session_state.get(_CITES) or []:
        for citation in citations(what, sources, url, dt.date.today()):
            box.caption(t(f"cite.{citation.style}", lang))
            box.code(citation.text, language=None, wrap_lines=True)
    st.session_state[_CITES] = []


@st.fragment
def _chart_controls(spec: ChartSpec, key: str) -> None:
    """The image download and the "show the data" toggle under a chart. A fragment: choosing a format
    or showing the table redraws these controls alone, not the page and every chart on it (a rerun of
    Targets vs actuals takes a second in the browser; this, a tenth of that)."""
    chart_download(spec, key=f"{key}.download")
    if st.toggle(t("chart.show_data", spec.lang), key=f"{key}.data"):
        st.dataframe(spec.data, hide_index=True, key=f"{key}.table")


_MARKDOWN = set("\\`*_{}[]()#+-.!|<>~$:")


def plain(text: str) -> str:
    """Data shown where Streamlit reads Markdown (labels, captions): every markup character escaped."""
    return "".join("\\" + c if c in _MARKDOWN else c for c in str(text))


def figure_table(shown, lang: str, key: str, select_into: str | None = None) -> None:
    """The figures table (browse.table's columns); selecting a row puts its figure id in session state."""
    config = {
        "figure_id": None,
        "region": st.column_config.TextColumn(t("col.region", lang)),
        "metric": st.column_config.TextColumn(t("col.metric", lang), width="medium"),
        "category": st.column_config.TextColumn(t("col.category", lang)),
        "value_text": st.column_config.TextColumn(t("col.value", lang)),
        "normalised": st.column_config.TextColumn(t("col.normalised", lang)),
        "year": st.column_config.NumberColumn(t("col.year", lang), format="%d"),
        "kind": st.column_config.TextColumn(t("col.kind", lang), width="small"),
        "confidence": st.column_config.TextColumn(t("col.confidence", lang), width="small"),
        "evidence": st.column_config.TextColumn(t("col.evidence", lang), width="large"),
        "source": st.column_config.TextColumn(t("col.source", lang)),
    }
    ids = list(shown["figure_id"])

    def _picked():
        rows = st.session_state[key]["selection"]["rows"]
        if rows and select_into and rows[0] < len(ids):
            st.session_state[select_into] = ids[rows[0]]

    st.dataframe(shown, key=key, hide_index=True, column_config=config, on_select=_picked if select_into else "ignore",
                 selection_mode="single-row", placeholder="—", column_order=[c for c in config if c != "figure_id" and c in shown.columns])


def paged(rows, key: str, lang: str):
    """The rows of the page a reader chose, for a table too long to send whole (see views/paging.py).

    Shows nothing for a table of PAGE_ROWS rows or fewer; above that, a page number and which rows these are.
    """
    from healthtargets.views.paging import PAGE_ROWS, window

    if len(rows) <= PAGE_ROWS:
        return rows
    pages = window(len(rows), 1).pages
    if not 1 <= int(st.session_state.get(key) or 1) <= pages:
        st.session_state[key] = 1
    number, note = st.columns([1, 4], vertical_alignment="bottom")
    page = number.number_input(t("table.page", lang), min_value=1, max_value=pages, step=1, key=key,
                               help=t("table.page_help", lang))
    shown = window(len(rows), page)
    note.caption(t("table.rows", lang, start=f"{shown.start + 1:,}", stop=f"{shown.stop:,}", total=f"{shown.total:,}",
                   size=f"{PAGE_ROWS:,}"))
    return rows.iloc[shown.start:shown.stop]
