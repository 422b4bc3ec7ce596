"""Sources: every document with its figure mix; one document's figures with their evidence."""

import streamlit as st

from healthtargets.i18n import name, t
from healthtargets.views import sources as documents
from healthtargets.views.citation import document_label
from ui import data, state
from ui.layout import cite_box, figure_table, header, page_downloads, paged, section

lang = state.lang(__file__)
done = data.loaded(lang)
ds, frame = done.dataset, done.frame
ALL = ""  # every document: the picker's first choice (None would show Streamlit's English placeholder)
PARAMS = {"doc": ALL}
header(t("sources.title", lang), t("sources.intro", lang, n=len(ds.sources)))
if not ds.sources:
    st.info(t("sources.empty", lang))
    st.stop()
state.sync_from_url("sources", PARAMS, {"doc": state.choice(list(ds.sources))})

docs = documents.documents_table(ds, frame, lang)
labels = ["title", "issuer", "doc_number", "type", "date_written", "date_published", "region", "figures", "kinds", "confidence_mix", "url"]
config = {c: st.column_config.Column(t(f"col.{c}", lang)) for c in labels}
config["url"] = st.column_config.LinkColumn(t("col.url", lang))
config["title"] = st.column_config.TextColumn(t("col.title", lang), width="large")
st.dataframe(paged(docs, "sources.page", lang), hide_index=True, column_config=config, column_order=labels, key="sources.table", placeholder="—")

section(t("sources.pick", lang))
doc = st.selectbox(t("sources.pick", lang), [ALL, *docs["id"]], key="sources.doc", label_visibility="collapsed",
                   format_func=lambda d: t("browse.all", lang) if d == ALL else documents.document_label(ds, d, lang))
state.write_url("sources", {"doc": doc}, PARAMS)
if doc:
    source = ds.sources[doc]
    st.text(f"{name('issuer', source.issuer, lang)} · {source.doc_number or ''}\n{source.title}\n{source.title_en}")
    if source.notes:
        st.text(f"{t('sources.notes', lang)}: {source.notes}")
    shown = documents.document_figures(ds, frame, doc, lang)
    cite_box(t("cite.document", lang), document_label(source, len(shown), lang), [source], lang)
    if shown.empty:
        st.info(t("sources.no_figures", lang))
    else:
        st.caption(t("sources.doc_figures", lang, n=len(shown)))
        figure_table(shown.drop(columns=["source"]), lang, key="sources.figures")
page_downloads(key="sources.zip")  # fills "cite this" with the view's link (this page draws no chart)
