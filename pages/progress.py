"""Targets vs actuals: every target's status, the actual it rests on, attainment and time elapsed."""

import datetime as dt

import streamlit as st

from healthtargets.dataset.regions import region_name
from healthtargets.i18n import localised, t
from healthtargets.views import progress
from ui import data, state
from ui.layout import header, page_downloads, paged, render_chart, section

lang = state.lang(__file__)
ref = data.loaded(lang).dataset.reference
header(t("progress.title", lang), t("progress.intro", lang))
today = dt.date.today()

table = data.view("progress.table", lang, today=today)
ALL = ""
REGIONS = list(dict.fromkeys(table["region_code"]))
PARAMS = {"status": ALL, "region": ALL, "target": ALL, "timeline": ALL}
state.sync_from_url("progress", PARAMS, {"status": state.choice([ALL, *progress.STATUSES]),
                                         "region": state.choice([ALL, *REGIONS])})

with st.expander(t("progress.rule_heading", lang), expanded=False):
    st.text(progress.status_rule(lang))
st.caption(t("progress.as_of", lang, date=today.isoformat()))

c1, c2 = st.columns(2)
status = c1.selectbox(t("progress.filter_status", lang), [ALL, *progress.STATUSES], key="progress.status",
                      format_func=lambda v: t("compare.filter_all", lang) if v == ALL else progress.status_label(v, lang))
region = c2.selectbox(t("progress.filter_region", lang), [ALL, *REGIONS], key="progress.region",
                      format_func=lambda c: t("compare.filter_all", lang) if c == ALL else region_name(ref, c, lang))
in_region = progress.filter_progress(table, None, region)
shown = progress.filter_progress(in_region, status)

section(t("progress.statuses", lang))
render_chart(data.view("progress.status", lang, region, today=today), key="progress.statuses")

section(t("progress.table", lang))
if shown.empty:
    st.info(t("progress.none", lang))
else:
    cols = ["status_label", "deadline", "region", "metric_name", "target", "actual", "attainment_text", "elapsed_text",
            "note"]
    names = ["status", "deadline", "region", "metric", "target", "actual", "attainment", "elapsed", "note"]
    config = {c: st.column_config.TextColumn(t(f"progress.col.{n}", lang)) for c, n in zip(cols, names)}
    config["deadline"] = st.column_config.DateColumn(t("progress.col.deadline", lang), format="YYYY-MM-DD")
    config["status_label"] = st.column_config.TextColumn(t("progress.col.status", lang), width="medium", pinned=True)
    shown = paged(shown, "progress.page", lang)
    st.dataframe(shown[cols], hide_index=True, key="progress.table", width="stretch", column_config=config)

section(t("progress.bullets", lang))
ids = list(shown["figure_id"])  # the targets of the table's page
if ids:
    if st.session_state.get("progress.target") not in ids:
        st.session_state["progress.target"] = ids[0]
    labels = dict(zip(shown["figure_id"], shown["region"] + " · " + shown["metric_name"] + " · " + shown["target"]))
    target = st.selectbox(t("progress.pick", lang), ids, key="progress.target", format_func=labels.get)
    row = shown[shown["figure_id"] == target].iloc[0]
    st.text(" · ".join(part for part in (row["status_label"], row["attainment_text"], row["note"]) if part))
    render_chart(data.view("progress.bullet", lang, target, today=today), key="progress.bullet")
else:
    target = ALL

section(t("progress.timelines", lang))
pairs = data.view("progress.timelines", lang, today=today)
if not pairs:
    st.info(t("progress.no_timeline", lang))
    timeline = ALL
else:
    options = [f"{r}:{g}" for r, g in pairs]
    if st.session_state.get("progress.timeline") not in options:
        preferred = [o for o in options if not o.startswith("100000:")]
        st.session_state["progress.timeline"] = (preferred or options)[0]

    def _name(option):
        code, group = option.split(":", 1)
        return f"{region_name(ref, code, lang)} · {localised(ref.groups[group], lang)}"

    timeline = st.selectbox(t("progress.timeline_pick", lang), options, key="progress.timeline", format_func=_name)
    code, group = timeline.split(":", 1)
    render_chart(data.view("progress.timeline", lang, code, group, today=today), key="progress.timeline_chart")

state.write_url("progress", {"status": status, "region": region, "target": target, "timeline": timeline},
                {**PARAMS, "target": ids[0] if ids else ALL, "timeline": ALL})

page_downloads(key="progress.zip")
