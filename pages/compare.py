"""Compare: 2–6 regions side by side, a matrix of what is known, grouped bars of one comparability group."""

import streamlit as st

from healthtargets.dataset.regions import region_name
from healthtargets.i18n import localised, t
from healthtargets.views import compare
from ui import data, state
from ui.layout import header, page_downloads, plain, render_chart

lang = state.lang(__file__)
done = data.loaded(lang)
ds, frame, ref = done.dataset, done.frame, done.dataset.reference
header(t("compare.title", lang), t("compare.intro", lang))

REGIONS = sorted(set(frame["region_code"]), key=lambda c: (c == "100000", c))
DEFAULT = compare.default_regions(ds, set(REGIONS))
ALL = ""
PARAMS = {"regions": DEFAULT, "by": "category", "key": ALL, "group": ALL, "log": False, "per": False}
FLAG = {"True": True, "False": False}.get
state.sync_from_url("compare", PARAMS, {
    "regions": lambda text: compare.clamp_regions(text.split(","), set(REGIONS)) or None,
    "by": state.choice(["category", "group"]), "log": FLAG, "per": FLAG,
})

codes = st.multiselect(t("compare.regions", lang), REGIONS, key="compare.regions", max_selections=compare.MAX_REGIONS,
                       format_func=lambda c: region_name(ref, c, lang))
left, right = st.columns(2)
by = left.radio(t("compare.by", lang), ["category", "group"], key="compare.by", horizontal=True,
                format_func=lambda b: t(f"compare.by_{b}", lang))
entries = ref.categories if by == "category" else ref.groups
keys = [k for k in entries if k in set(frame.loc[frame["region_code"].isin(codes), by])]
if st.session_state.get("compare.key") not in [ALL, *keys]:
    st.session_state["compare.key"] = ALL
key = right.selectbox(t(f"compare.filter_{by}", lang), [ALL, *keys], key="compare.key",
                      format_func=lambda k: t("compare.filter_all", lang) if k == ALL else
                      localised(entries[k], lang))

groups = [key] if by == "group" and key else compare.groups_compared(frame, codes, key if by == "category" else None)
if st.session_state.get("compare.group") not in groups:
    st.session_state["compare.group"] = groups[0] if groups else ALL
state.write_url("compare", {"regions": ",".join(codes), "by": by, "key": key,
                            "group": st.session_state["compare.group"], "log": st.session_state.get("compare.log"),
                            "per": st.session_state.get("compare.per")},
                {**PARAMS, "regions": ",".join(DEFAULT)})

if len(codes) < compare.MIN_REGIONS:
    st.info(t("compare.too_few", lang))
    st.stop()

st.subheader(t("compare.matrix", lang))
matrix = compare.compare_matrix(frame, codes, ref, by=by, lang=lang, key=key or None)
if matrix.empty:
    st.info(t("compare.matrix_empty", lang))
    st.stop()
st.dataframe(matrix, hide_index=True, key="compare.matrix", width="stretch")

st.subheader(t("compare.chart", lang))
c1, c2, c3 = st.columns([3, 1, 1])
group = c1.selectbox(t("compare.chart_group", lang), groups, key="compare.group",
                     format_func=lambda g: localised(ref.groups[g], lang))
log = c2.toggle(t("compare.log", lang), key="compare.log")
per = c3.toggle(t("compare.per_resident", lang), key="compare.per")
if not groups:
    st.info(t("compare.chart_empty", lang))
    st.stop()
unit = ref.groups[group].unit
if per and not compare.per_resident_applies(unit, ref.units):
    st.caption(t("compare.per_resident_na", lang))
    per = False
spec = compare.compare_chart(frame, ds.sources, codes, group, ref, lang, per_resident=per, log=log)
render_chart(spec, key="compare.chart")
st.caption(t("compare.legend", lang))
if per:
    st.markdown(f"**{t('compare.population', lang)}**")
    for note in compare.population_notes(frame, codes, ref, lang):
        st.text(note)
notes = compare.scope_notes(frame, ref, group, lang, codes)
if notes:
    st.markdown(f"**{plain(t('compare.scope', lang))}**")
    for note in notes:
        st.text(note)

page_downloads(key="compare.zip")
