"""Page state kept in the URL's query parameters, so that a link reproduces the view.

A page declares its parameters (name -> default). While the URL is the one the page wrote
last, the widgets keep their own state; when the URL comes from outside (a deep link, a
link from another page, the browser's back button), the widgets are reset from it.
Widgets are keyed "<page>.<param>", and never given a default of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from healthtargets.extract.draft import SOURCE_FIELDS
from healthtargets.i18n import LANGS

LANG_KEY = "lang"  # the chosen language (plain session state, kept across pages)
SWITCH_KEY = "lang.switch"  # the sidebar's language widget


# Widgets whose values must outlive a visit to another page (Streamlit forgets a widget that is
# not drawn in a run): the curator's pasted text and source details on "Add a document".
KEPT_WIDGETS = ("add.input", "add.text", *(f"add.src.{field}" for field in SOURCE_FIELDS))


def keep_widget_values() -> None:
    """Re-store the kept widgets' values, so they survive while their page is not shown (run on every page)."""
    for key in KEPT_WIDGETS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def lang(entry: bool = False) -> str:
    """'zh' or 'en': the URL's ?lang= when it came from outside, else the language chosen before.

    Pages call lang(); app.py calls lang(entry=True), as it is never run as a legacy page.
    """
    if not entry:
        _leave_legacy_pages()
    asked = st.query_params.get(LANG_KEY)
    if asked in LANGS and asked != st.session_state.get("_lang_written"):
        st.session_state[LANG_KEY] = asked
    if st.session_state.get(LANG_KEY) not in LANGS:
        st.session_state[LANG_KEY] = "zh"
    return st.session_state[LANG_KEY]


def _leave_legacy_pages() -> None:
    """Run app.py's navigation even when a fresh server is first hit by a deep link.

    A folder named pages/ makes Streamlit start in its legacy multipage mode, which runs
    the page file without app.py (no language switch, the legacy page list) until app.py
    calls st.navigation once. A page that finds itself run that way switches the mode off
    and reruns, so app.py runs and opens the same page (url path and query kept).
    """
    from streamlit.runtime.pages_manager import PagesManager

    if not PagesManager.uses_pages_directory:
        return
    from streamlit.commands.execution_control import _force_yield_point
    from streamlit.runtime.scriptrunner_utils.script_requests import RerunData
    from streamlit.runtime.scriptrunner_utils.script_run_context import (
        get_script_run_ctx,
    )

    PagesManager.uses_pages_directory = False
    ctx = get_script_run_ctx()
    page = ctx.pages_manager.get_pages().get(ctx.page_script_hash, {}) if ctx else {}
    if ctx is None or not page:
        st.rerun()
    # Rerun by url path (not by the legacy page's id, which app.py's navigation does not know).
    from streamlit.proto.WidgetStates_pb2 import WidgetStates

    # Keep what the user did: the rerun is a page change to Streamlit, which keeps only the widgets
    # it is given; so give it also those whose values come from earlier runs or were set through
    # st.session_state (as AppTest sets a data editor's edits), not only the ones just sent.
    state = ctx.session_state._state
    current = state._new_widget_state
    for widget_id, value in list(state._old_state.items()):
        if widget_id in current.widget_metadata and widget_id not in current:
            current.set_from_value(widget_id, value)
    widgets = WidgetStates(widgets=ctx.session_state.get_widget_states())
    ctx.script_requests.request_rerun(RerunData(query_string=ctx.query_string, page_name=page.get("url_pathname", ""),
                                                widget_states=widgets, context_info=ctx.context_info))
    _force_yield_point()


def switched_lang() -> None:
    """The language widget's callback: the choice becomes the session's language."""
    st.session_state[LANG_KEY] = st.session_state[SWITCH_KEY]


def write_lang(value: str) -> None:
    st.session_state["_lang_written"] = value
    if st.query_params.get(LANG_KEY) != value:
        st.query_params[LANG_KEY] = value


def widget_key(page: str, param: str) -> str:
    return f"{page}.{param}"


def sync_from_url(page: str, params: dict[str, object], valid: dict[str, Callable[[str], object | None]] | None = None) -> bool:
    """Set the page's widget states from the URL when the URL is not the one the page last wrote.

    ``params`` maps each parameter to its default; ``valid`` maps a parameter to a function
    that turns the URL's text into a widget value, or None when the text is not a valid choice.
    Returns True when the widgets were reset from the URL.
    """
    valid = valid or {}
    current = {name: st.query_params.get(name) for name in params if name in st.query_params}
    if st.session_state.get(f"_url.{page}") == current and all(widget_key(page, n) in st.session_state for n in params):
        return False
    for name, default in params.items():
        text = current.get(name)
        value = valid[name](text) if (text is not None and name in valid) else text
        st.session_state[widget_key(page, name)] = default if value is None else value
    st.session_state[f"_url.{page}"] = current
    return True


def write_url(page: str, values: dict[str, object], defaults: dict[str, object]) -> None:
    """Put the page's non-default values in the URL (and only those), keeping ?lang=."""
    wanted = {name: _text(v) for name, v in values.items() if v is not None and v != defaults.get(name)}
    for name in defaults:
        if name not in wanted and name in st.query_params:
            del st.query_params[name]
    for name, text in wanted.items():
        if st.query_params.get(name) != text:
            st.query_params[name] = text
    st.session_state[f"_url.{page}"] = wanted


def choice(options: Sequence) -> Callable[[str], object | None]:
    """A validator: the URL text names one of the options (compared as text)."""
    by_text = {_text(o): o for o in options}
    return lambda text: by_text.get(text)


def _text(value: object) -> str:
    return str(value)
