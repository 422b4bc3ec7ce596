"""Add a document: paste or upload a text, confirm its candidate figures, get a checked YAML snippet."""

import pandas as pd
import streamlit as st

from healthtargets.extract import draft, prefill, problems, worker
from healthtargets.extract.metadata import document_meta
from healthtargets.extract.text import PAGE_TEXT_MAX_CHARS, PAGE_UPLOAD_MAX_MB, TextDecodeError, decode_text, text_sha256
from healthtargets.i18n import localised, name, plain, t
from ui import data, state
from ui.layout import figure_table, header, section

lang = state.lang(__file__)
done = data.loaded(lang)
ref = done.dataset.reference
header(t("add.title", lang), t("add.intro", lang))
worker.warm_up()  # the extraction's process starts while the curator finds the text


@st.cache_data(show_spinner=False, max_entries=8)
def _candidates(text: str, data_key: str, _catalog):
    return worker.extract_in_worker(text, _catalog)  # not in the server's interpreter: other visitors go on


@st.cache_data(show_spinner=False, max_entries=8)
def _meta(text: str, data_key: str, _catalog):
    return document_meta(text, _catalog)


def _select(accept: bool) -> None:
    """Tick or untick "accept" on every candidate, keeping the curator's other corrections."""
    frame = st.session_state["add.editor.kept"].copy()
    frame["accept"] = accept
    st.session_state["add.editor.kept"] = frame
    st.session_state.pop("add.editor", None)  # drawn anew from the kept frame


# 1. the text -------------------------------------------------------------------------------
mode = st.radio(t("add.input", lang), ["paste", "upload"], key="add.input", horizontal=True,
                format_func=lambda m: t(f"add.{m}", lang))
text, raw = "", b""
if mode == "paste":
    text = st.text_area(t("add.text", lang), key="add.text", height=220, help=t("add.text_help", lang)) or ""
    raw = text.encode("utf-8")
else:
    upload = st.file_uploader(t("add.file", lang), type=["txt"], key="add.upload",
                              help=t("add.file_help", lang, mb=PAGE_UPLOAD_MAX_MB))
    if upload is not None:
        raw = upload.getvalue()
        if len(raw) > PAGE_UPLOAD_MAX_MB * 2**20:
            st.error(t("add.file_too_big", lang, name=plain(upload.name), size=f"{len(raw) / 2**20:.1f}",
                       mb=PAGE_UPLOAD_MAX_MB))
            st.stop()
        try:
            text, encoding = decode_text(raw)
            st.caption(t("add.decoded", lang, name=plain(upload.name), chars=f"{len(text):,}", encoding=encoding))
        except TextDecodeError as exc:
            st.error(t("add.undecodable", lang, name=plain(upload.name), reason=str(exc)))
            st.stop()
if len(text) > PAGE_TEXT_MAX_CHARS:
    st.error(t("add.too_long", lang, chars=f"{len(text):,}", most=f"{PAGE_TEXT_MAX_CHARS:,}"))
    st.stop()
if not text.strip():
    st.info(t("add.empty", lang))
    st.stop()

digest = text_sha256(raw)
if st.session_state.get("add.digest") != digest:  # a new text: forget the edits and the snippet of the last one
    previewing = data.PREVIEW_KEY in st.session_state
    for key in ("add.editor", "add.editor.base", "add.editor.kept", "add.built", data.PREVIEW_KEY,
                *(f"add.src.{field}" for field in draft.SOURCE_FIELDS)):  # a new document: its own details
        st.session_state.pop(key, None)
    st.session_state["add.digest"] = digest
    if previewing:
        st.rerun()  # the last text's preview is gone: the data and the notice above follow at once
with st.spinner(t("add.reading", lang, chars=f"{len(text):,}")):
    candidates = _candidates(text, str(data.paths()), draft.catalog_of(ref))
if not candidates:
    st.warning(t("add.none", lang))
    st.stop()

# 2. the candidates: accept, correct, reject ------------------------------------------------
section(t("add.editor_head", lang))
st.caption(t("add.editor_help", lang))
regions = {code: f"{localised(r, lang)} ({code})" for code, r in ref.regions.items()}
metrics = {key: localised(m, lang) for key, m in ref.metrics.items()}
choices = lambda vocabulary, options: st.column_config.SelectboxColumn(  # noqa: E731
    t(f"add.col.{vocabulary}", lang), options=options, format_func=lambda v: name(vocabulary, v, lang) or "—")  # exact: no qualifier
config = {
    "accept": st.column_config.CheckboxColumn(t("add.col.accept", lang), width="small"),
    "written": st.column_config.TextColumn(t("add.col.written", lang)),
    "value": st.column_config.NumberColumn(t("add.col.value", lang)),
    "low": st.column_config.NumberColumn(t("add.col.low", lang)),
    "high": st.column_config.NumberColumn(t("add.col.high", lang)),
    "unit": st.column_config.SelectboxColumn(t("add.col.unit", lang), options=list(ref.units.written)),
    "qualifier": choices("qualifier", draft.QUALIFIERS),
    "kind": choices("kind", draft.KINDS),
    "year": st.column_config.NumberColumn(t("add.col.year", lang), format="%d", min_value=1949, max_value=2100),
    "metric": st.column_config.SelectboxColumn(t("add.col.metric", lang), options=list(metrics), format_func=metrics.get,
                                               width="medium"),
    "region": st.column_config.SelectboxColumn(t("add.col.region", lang), options=list(regions), format_func=regions.get),
    "confidence": choices("confidence", draft.CONFIDENCES),
    "evidence": st.column_config.TextColumn(t("add.col.evidence", lang), width="large"),
    "note": st.column_config.TextColumn(t("add.col.note", lang), width="medium"),
}
left, right, _ = st.columns([1, 1, 4])
left.button(t("add.select_all", lang), key="add.select_all", on_click=_select, args=(True,))
right.button(t("add.select_none", lang), key="add.select_none", on_click=_select, args=(False,))
if "add.editor" not in st.session_state:  # drawn anew (first time, or back from another page): resume the last edits
    st.session_state["add.editor.base"] = st.session_state.get("add.editor.kept", draft.candidates_frame(candidates))
edited = st.data_editor(st.session_state["add.editor.base"], key="add.editor", hide_index=True, column_config=config,
                        disabled=["written", "evidence"], num_rows="fixed", placeholder="—")
st.session_state["add.editor.kept"] = edited
accepted = edited[edited["accept"].fillna(False).astype(bool)]
st.caption(t("add.accepted", lang, n=len(accepted)))

section(t("add.text_head", lang))
st.caption(t("add.found", lang, n=len(candidates)))
st.html(draft.highlight_html(text, candidates, set(accepted.index)))

# 3. the source ----------------------------------------------------------------------------
section(t("add.source_head", lang))
region = draft.suggested_region(candidates)
filled = prefill.source_fields(_meta(text, str(data.paths()), draft.catalog_of(ref)), ref, "implementation_plan")
defaults = {"add.src.region": region if region in regions else next(iter(regions))}
for key, value in (defaults | {f"add.src.{field}": value for field, value in filled.items()}).items():
    st.session_state.setdefault(key, value)
st.caption(t("add.prefilled", lang))
base = draft.without(done.dataset, st.session_state.get("add.preview"))  # the data set as in targets.yaml
duplicate = prefill.already_in(base, st.session_state.get("add.src.doc_number"), st.session_state.get("add.src.title"))
if duplicate:
    st.warning(t("add.duplicate", lang, id=duplicate[0], by=t(f"add.duplicate.{duplicate[1]}", lang)))
with st.form("add.source"):
    left, right = st.columns(2)
    left.text_input(t("add.src.id", lang), key="add.src.id")
    right.selectbox(t("add.src.type", lang), draft.SOURCE_TYPES, key="add.src.type",
                    format_func=lambda v: name("source_type", v, lang))
    left.text_input(t("add.src.title", lang), key="add.src.title")
    right.text_input(t("add.src.title_en", lang), key="add.src.title_en")
    left.text_input(t("add.src.issuer", lang), key="add.src.issuer")
    right.selectbox(t("add.src.region", lang), list(regions), key="add.src.region", format_func=regions.get)
    left.text_input(t("add.src.doc_number", lang), key="add.src.doc_number")
    right.text_input(t("add.src.url", lang), key="add.src.url")
    left.text_input(t("add.src.date_written", lang), key="add.src.date_written")
    right.text_input(t("add.src.date_published", lang), key="add.src.date_published")
    st.text_area(t("add.src.notes", lang), key="add.src.notes", height=80)
    if st.form_submit_button(t("add.build", lang), key="add.build"):
        st.session_state["add.built"] = True

# 4. the snippet, checked; the preview ------------------------------------------------------
if not st.session_state.get("add.built"):
    st.stop()
fields = {f: st.session_state.get(f"add.src.{f}") for f in draft.SOURCE_FIELDS}
source = draft.source_record(fields, digest)
figures = draft.figure_records(accepted.to_dict("records"), source["id"] or "new-source")
snippet = draft.snippet_text(source, figures)
check = draft.check_snippet(snippet, text, base, data.paths()[1])
section(t("add.snippet_head", lang))
if check.valid:
    st.success(t("add.valid", lang, n=len(figures)))
    st.download_button(t("add.download", lang), snippet.encode("utf-8"), file_name=f"{source['id']}.yaml",
                       mime="application/x-yaml", key="add.download")
else:
    labels = {f["id"]: f"{i} ({row['written']})" for i, (f, row) in enumerate(zip(figures, accepted.to_dict("records")), 1)}
    plain = problems.plain_problems(check.problems, lang, labels)
    st.error(t("add.invalid", lang, n=len(plain)) + "\n\n" + "\n".join(f"- {message}" for message in plain))
    with st.expander(t("add.details", lang)):
        st.code("\n".join(str(p) for p in check.problems), language="text")
previewed = snippet if check.valid else None
if st.session_state.get(data.PREVIEW_KEY) != previewed:  # read by the data loader to preview the figures on every page
    if previewed:
        st.session_state[data.PREVIEW_KEY] = previewed
    else:
        st.session_state.pop(data.PREVIEW_KEY)
    st.rerun()  # so that the page's data and the notice above it follow the preview at once
st.code(snippet, language="yaml", line_numbers=True)

if check.valid:
    section(t("add.preview_head", lang))
    st.caption(t("add.preview_note", lang))
    shown: pd.DataFrame = draft.preview_frame(base, check.draft, lang)
    figure_table(shown, lang, key="add.preview_table")
