"""Browse by region: province → city → district, filters, the figures table, a chart, a figure's detail."""

import streamlit as st

from healthtargets.dataset import tables
from healthtargets.dataset.regions import children_of, region_name
from healthtargets.i18n import localised, name, t
from healthtargets.views import browse
from healthtargets.views.citation import figure_label
from ui import data, state
from ui.layout import cite_box, figure_table, header, page_downloads, paged, render_chart, section

lang = state.lang(__file__)
done = data.loaded(lang)
ds, frame, roots = done.dataset, done.frame, data.tree()
ref = ds.reference
ALL = ""  # the "(all)" choice of a picker or filter
PARAMS = {"region": None, "category": None, "kind": None, "year": None, "confidence": None, "figure": None}
KEYS = ["browse.l0", "browse.l1", "browse.l2"]
header(t("browse.title", lang))

if state.sync_from_url("browse", PARAMS, {"region": state.choice(list(ref.regions)),
                                          "year": lambda s: int(s) if s.isdigit() else None},
                        widgets=[*KEYS, "browse.group"]):
    for key, code in zip(KEYS, browse.picker_levels(ds, roots, st.session_state["browse.region"])):
        st.session_state[key] = code or ALL


def _clear_below(level):  # a new province empties the city and district choices
    for key in KEYS[level + 1:]:
        st.session_state[key] = ALL


def _found():  # a region picked in the search sets the three pickers to it, and the search clears
    found = st.session_state.get("browse.find")
    if found:
        for key, level in zip(KEYS, browse.picker_levels(ds, roots, found)):
            st.session_state[key] = level or ALL
    st.session_state["browse.find"] = None


st.selectbox(t("browse.find", lang), browse.findable(roots), index=None, key="browse.find", on_change=_found,
             format_func=lambda c: browse.found_label(ds, c, lang), placeholder=t("browse.find_hint", lang))
cols, parent = st.columns(3), None
for level, key in enumerate(KEYS):
    options = [ALL] + [n.code for n in children_of(roots, parent)] if level == 0 or parent != ALL else [ALL]
    if st.session_state.get(key) not in options:
        st.session_state[key] = ALL
    parent = cols[level].selectbox(browse.picker_label(ds, level, options[1:], lang), options, key=key, on_change=_clear_below, args=(level,),
                                   format_func=lambda c: t("browse.all", lang) if c == ALL else region_name(ref, c, lang),
                                   disabled=len(options) == 1)
code = browse.chosen_region([st.session_state[k] or None for k in KEYS])
place = region_name(ref, code, lang) if code else t("browse.everywhere", lang)
rows = data.view("browse.rows", lang, code)
options = browse.filter_options(rows, ds)
labels = {"category": lambda k: localised(ref.categories[k], lang), "kind": lambda k: name("kind", k, lang),
          "year": str, "confidence": lambda c: name("confidence", c, lang)}
filters, fcols = {}, st.columns(4)
for fcol, field in zip(fcols, browse.FILTERS):
    key = f"browse.{field}"
    if st.session_state.get(key) not in [ALL, *options[field]]:
        st.session_state[key] = ALL
    filters[field] = fcol.selectbox(t(f"browse.{field}", lang), [ALL, *options[field]], key=key,
                                    format_func=lambda v, f=field: t("browse.all", lang) if v == ALL else labels[f](v)) or None
shown = browse.apply_filters(rows, filters)
figure = st.session_state.get("browse.figure")
state.write_url("browse", {"region": code, **filters, "figure": figure}, PARAMS)

if rows.empty:
    st.info(t("browse.empty_region", lang, region=place))
    st.stop()
if shown.empty:
    st.info(t("browse.empty_filter", lang, region=place, n=len(rows)))
    st.stop()
st.text(t("browse.showing", lang, region=place, n=len(shown), children=int(shown["from_child"].sum())))
page_rows = paged(shown, "browse.page", lang)
figure_table(data.view("browse.table", lang, code, tuple(page_rows["figure_id"])), lang, key="browse.table",
             select_into="browse.figure")
stem = f"figures-{code or 'all'}-{lang}"
d1, d2, _ = st.columns([1, 1, 4])  # the files are made when asked for: every column of up to every figure
d1.download_button(t("browse.download_csv", lang), lambda: tables.table_bytes(browse.download_frame(frame, shown), "csv"),
                   f"{stem}.csv", tables.MIME_TYPES["csv"])
d2.download_button(t("browse.download_xlsx", lang), lambda: tables.table_bytes(browse.download_frame(frame, shown), "xlsx"),
                   f"{stem}.xlsx", tables.MIME_TYPES["xlsx"])

left, right = st.columns([3, 2])
with left:
    groups = browse.chart_groups(shown)
    if st.session_state.get("browse.group") not in groups:
        st.session_state["browse.group"] = groups[0]
    group = st.selectbox(t("browse.chart_group", lang), groups, key="browse.group",
                         format_func=lambda g: localised(ref.groups[g], lang))
    render_chart(data.view("browse.chart", lang, code, tuple(filters.items()), group, place), key="browse.chart")
with right:
    section(t("browse.detail", lang))
    pairs = browse.detail(ds, shown, figure, lang) if figure else None
    if pairs is None:
        st.caption(t("browse.detail_hint", lang))
    else:
        st.dataframe({t("detail.field", lang): [p[0] for p in pairs], t("detail.value", lang): [p[1] for p in pairs]},
                     hide_index=True, key="browse.detail")
        quote = shown.loc[shown["figure_id"] == figure, "evidence"].iloc[0]
        if isinstance(quote, str):  # words quoted from a stored text, shown as they are
            st.text(t("col.evidence", lang))
            st.code(quote, language=None, wrap_lines=True)
        row = shown.loc[shown["figure_id"] == figure].iloc[0]
        cite_box(t("cite.figure", lang), figure_label(row, lang), [ds.sources[row["source_id"]]], lang)

page_downloads(key="browse.zip")
