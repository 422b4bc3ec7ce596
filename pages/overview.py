"""Overview: headline numbers, a map of figures per region, coverage regions × categories, newest documents."""

import streamlit as st

from healthtargets.i18n import localised, name, t
from healthtargets.views import overview
from healthtargets.views.overview_map import MAP_ASPECT
from healthtargets.views.registry import page
from ui import data, state
from ui.layout import header, page_downloads, paged, plain, render_chart, section

lang = state.lang(__file__)
ds, frame = data.loaded(lang).dataset, data.loaded(lang).frame
header(t("overview.title", lang), t("overview.intro", lang))
if frame.empty:
    st.info(t("overview.empty", lang))
    st.stop()

top = overview.headline(ds, frame)
cells = st.columns(5)
for cell, key, value in zip(cells, ["documents", "regions", "targets", "actuals"], [top.documents, top.regions, top.targets, top.actuals]):
    cell.metric(t(f"overview.{key}", lang), f"{value:,}", help=overview.regions_help(top, lang) if key == "regions" else None)
cells[4].metric(t("overview.newest", lang), top.newest.date.isoformat() if top.newest and top.newest.date else "—")

map_spec, (table, codes, keys) = data.view("overview.parts", lang)
left, right = st.columns([3, 2])
with left:
    render_chart(map_spec, key="overview.map", phone_aspect=MAP_ASPECT)
with right:
    section(t("overview.newest_docs", lang))
    for source in overview.newest_documents(ds, 5):
        region = localised(ds.reference.regions[source.region], lang)
        st.text(f"{source.date or '—'} · {region} · {name('source_type', source.type, lang)}")
        st.text(localised(source, lang, "title"))
        st.page_link(page("sources").file, label=plain(source.issuer), query_params={"doc": source.id, "lang": lang})

section(t("overview.coverage", lang))
st.caption(t("overview.coverage_help", lang))
table = paged(table, "overview.coverage_page", lang)  # a national data set has thousands of regions
codes = codes[table.index[0]:table.index[-1] + 1] if len(table) else codes


def _go_browse():  # a selected cell opens Browse at that region and category
    picked = overview.picked_cell(st.session_state["overview.coverage"]["selection"], codes, keys, list(table.columns))
    st.session_state["_overview.goto"] = picked


st.dataframe(table, key="overview.coverage", on_select=_go_browse, selection_mode="single-cell", hide_index=True)
goto = st.session_state.pop("_overview.goto", None)
if goto:
    st.switch_page(page("browse").file, query_params={"region": goto[0], "lang": lang} | ({"category": goto[1]} if goto[1] else {}))

page_downloads(key="overview.zip")
