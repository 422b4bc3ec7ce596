"""Compare: 2–6 regions side by side, a matrix of what is known, grouped bars of one comparability group."""

import streamlit as st

from healthtargets.dataset import tables
from healthtargets.dataset.regions import region_name
from healthtargets.i18n import joined, localised, t
from healthtargets.views import compare
from ui import data, state
from ui.layout import header, page_downloads, plain, render_chart, section

lang = state.lang(__file__)
done = data.loaded(lang)
frame, ref = done.frame, done.dataset.reference
header(t("compare.title", lang), t("compare.intro", lang))

REGIONS = sorted(set(frame["region_code"]), key=lambda c: (c == "100000", c))
DEFAULT = compare.default_regions(frame)
ALL = ""
PARAMS = {"regions": DEFAULT, "by": "category", "key": ALL, "group": ALL, "log": False, "per": False}
FLAG = {"True": True, "False": False}.get
state.sync_from_url("compare", PARAMS, {
    "regions": lambda text: compare.clamp_regions(text.split(","), set(REGIONS)) or None,
    "by": state.choice(["category", "group"]), "log": FLAG, "per": FLAG,
})

codes = st.multiselect(t("compare.regions", lang), REGIONS, key="compare.regions", max_selections=compare.MAX_REGIONS,
                       format_func=lambda c: region_name(ref, c, lang), placeholder=t("compare.regions_search", lang))
left, right = st.columns(2)
by = left.radio(t("compare.by", lang), ["category", "group"], key="compare.by", horizontal=True,
                format_func=lambda b: t(f"compare.by_{b}", lang))
entries = ref.categories if by == "category" else ref.groups
keys = [k for k in entries if k in set(frame.loc[frame["region_code"].isin(codes), by])]
if st.session_state.get("compare.key") not in [ALL, *keys]:
    st.session_state["compare.key"] = ALL
key = right.selectbox(t(f"compare.filter_{by}", lang), [ALL, *keys], key="compare.key",
                      format_func=lambda k: t("compare.filter_all", lang) if k == ALL else localised(entries[k], lang))

groups = compare.groups_compared(frame, codes, key if by == "category" else None)
if by == "group" and key:
    groups = [g for g in groups if g == key]
if st.session_state.get("compare.group") not in groups:
    st.session_state["compare.group"] = groups[0] if groups else ALL
state.write_url("compare", {"regions": ",".join(codes), "by": by, "key": key,
                            "group": st.session_state["compare.group"], "log": st.session_state.get("compare.log"),
                            "per": st.session_state.get("compare.per")},
                {**PARAMS, "regions": ",".join(DEFAULT)})

if len(codes) < compare.MIN_REGIONS:
    st.info(t("compare.too_few", lang))
    st.stop()

if not compare.groups_compared(frame, codes):  # nothing the chosen regions have in common
    st.warning(t("compare.no_overlap", lang, regions=joined([region_name(ref, c, lang) for c in codes], lang)))
    suggestions = compare.overlap_suggestions(frame, codes)
    if suggestions:
        st.markdown(t("compare.suggestions", lang))
        for code, n in suggestions:
            st.text(t("compare.suggestion", lang, region=region_name(ref, code, lang), n=n))

section(t("compare.matrix", lang))
matrix = data.view("compare.matrix", lang, tuple(codes), by, key or None)
if matrix.empty:
    st.info(t("compare.matrix_empty", lang))
    st.stop()
st.table(matrix, hide_index=True)  # a table, not a scrolling grid: every cell wraps, its figures one a line (page.css)
out, stem = compare.matrix_file_table(matrix, lang), f"compare-matrix-{by}-{'-'.join(codes)}-{lang}"
d1, d2, _ = st.columns([1, 1, 3])
d1.download_button(t("compare.download_csv", lang), lambda: tables.table_bytes(out, "csv"), f"{stem}.csv",
                   tables.MIME_TYPES["csv"], key="compare.matrix_csv")
d2.download_button(t("compare.download_xlsx", lang), lambda: tables.table_bytes(out, "xlsx", sheet="compare"),
                   f"{stem}.xlsx", tables.MIME_TYPES["xlsx"], key="compare.matrix_xlsx")

section(t("compare.chart", lang))
if not groups:
    st.info(t("compare.chart_empty", lang))
    page_downloads(key="compare.zip")
    st.stop()
c1, c2, c3 = st.columns([3, 1, 1])
group = c1.selectbox(t("compare.chart_group", lang), groups, key="compare.group",
                     format_func=lambda g: localised(ref.groups[g], lang))
log = c2.toggle(t("compare.log", lang), key="compare.log")
per = c3.toggle(t("compare.per_resident", lang), key="compare.per")
why = compare.per_resident_why(ref.groups[group], lang)
if per and why:
    st.caption(t("compare.per_resident_na", lang, why=why))
    per = False
render_chart(data.view("compare.chart", lang, tuple(codes), group, per, log), key="compare.chart")
st.caption(t("compare.legend", lang))
if per:
    st.markdown(f"**{t('compare.population', lang)}**")
    for note in compare.population_notes(frame, codes, ref, lang):
        st.text(note)
st.markdown(f"**{plain(t('compare.scope', lang))}**")
for note in compare.scope_notes(frame, ref, group, lang, codes):
    st.text(note)

page_downloads(key="compare.zip")
