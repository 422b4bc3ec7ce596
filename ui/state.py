"""Page state kept in the URL's query parameters, so that a link reproduces the view.

A page declares its parameters (name -> default). While the URL is the one the page wrote
last, the widgets keep their own state; when the URL comes from outside (a deep link, a
link from another page, the browser's back button), the widgets are reset from it.
Widgets are keyed "<page>.<param>", and never given a default of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import streamlit as st

from healthtargets.extract.draft import SOURCE_FIELDS
from healthtargets.i18n import LANGS, joined, t

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


def lang(page_file: str | None = None) -> str:
    """'zh' or 'en': the URL's ?lang= when it came from outside, else the language chosen before.

    A page calls lang(__file__) first thing (see _through_app); app.py calls lang().
    """
    if page_file:
        _through_app(Path(page_file).stem)
    asked = st.query_params.get(LANG_KEY)
    if asked in LANGS and asked != st.session_state.get("_lang_written"):
        st.session_state[LANG_KEY] = asked
    if st.session_state.get(LANG_KEY) not in LANGS:
        st.session_state[LANG_KEY] = "zh"
    return st.session_state[LANG_KEY]


ENTERED_KEY = "_app.entered"  # app.py has run in this session: its navigation is in charge
PAGE_PARAM = "page"  # the page a first deep link asked for, while it is routed through app.py


def entered() -> None:
    """app.py calls this on every run, before it runs the page."""
    st.session_state[ENTERED_KEY] = True


def _through_app(page: str) -> None:
    """Route a fresh server's first deep link through app.py, with public API only.

    A folder named pages/ starts Streamlit in its legacy multipage mode, which runs a page file
    without app.py (no language switch, no navigation) until some session has called
    st.navigation. A page that finds app.py has not run in its session switches to app.py,
    naming itself in ?page=; app.py's home page then opens it with the rest of the query.
    tests/test_browser.py opens a fresh server by a deep link in both languages and sizes to guard this.
    """
    if st.session_state.get(ENTERED_KEY):
        return
    st.switch_page("app.py", query_params={**st.query_params.to_dict(), PAGE_PARAM: page})


def asked_page(pages: dict[str, object]):
    """The page a first deep link named (?page=) and the query to open it with; (None, query) for none."""
    query = st.query_params.to_dict()
    return pages.get(query.pop(PAGE_PARAM, "")), query


def switched_lang() -> None:
    """The language widget's callback: the choice becomes the session's language."""
    st.session_state[LANG_KEY] = st.session_state[SWITCH_KEY]


def write_lang(value: str) -> None:
    st.session_state["_lang_written"] = value
    if st.query_params.get(LANG_KEY) != value:
        st.query_params[LANG_KEY] = value


def widget_key(page: str, param: str) -> str:
    return f"{page}.{param}"


def sync_from_url(page: str, params: dict[str, object], valid: dict[str, Callable[[str], object | None]] | None = None,
                  widgets: Sequence[str] = ()) -> bool:
    """Set the page's widget states from the URL when the URL is not the one the page last wrote.

    ``params`` maps each parameter to its default; ``valid`` maps a parameter to a function
    that turns the URL's text into a widget value, or None when the text is not a valid choice.
    ``widgets`` names the page's other widgets with translated labels (see relabel).
    Returns True when the widgets were reset from the URL. A value that is not a valid choice gives
    way to the default, and a notice under the page's title names it, as it names the items a list's
    validator leaves out of the URL's comma-separated text (compare?regions=420000,abc keeps 420000).
    """
    relabel(page, [*(widget_key(page, name) for name in params), *widgets])
    valid = valid or {}
    current = {name: st.query_params.get(name) for name in params if name in st.query_params}
    if st.session_state.get(f"_url.{page}") == current and all(widget_key(page, n) in st.session_state for n in params):
        return False
    ignored = []
    for name, default in params.items():
        text = current.get(name)
        value = valid[name](text) if (text is not None and name in valid) else text
        left_out = _left_out(text, value)
        if left_out:
            ignored.append(f"{name}={left_out}")
        st.session_state[widget_key(page, name)] = default if value is None else value
    st.session_state[f"_url.{page}"] = current
    if ignored:
        lang = st.session_state[LANG_KEY]
        st.warning(t("url.ignored", lang, items=joined(ignored, lang)), icon=":material/link_off:")
    return True


def _left_out(text: str | None, value: object) -> str | None:
    """What of a URL parameter's text its validator did not take: all of it, or a list's missing items."""
    if text is None:
        return None
    if value is None:
        return text
    if isinstance(value, list):
        return ",".join(part for part in text.split(",") if part not in value) or None
    return None


def relabel(page: str, keys: Sequence[str]) -> None:
    """After a language switch, hand the page's widgets their values again, so the browser shows them in the new language.

    The browser keeps a keyed select box's, multiselect's or radio's choice as the label it last
    showed: labels made by format_func stayed in the old language (a radio showed no choice at
    all) until the page was reloaded. A value set from the server makes it take the new labels.
    """
    drawn = f"_lang.{page}"
    if st.session_state.get(drawn, st.session_state[LANG_KEY]) != st.session_state[LANG_KEY]:
        for key in keys:
            if key in st.session_state:
                st.session_state[key] = st.session_state[key]
    st.session_state[drawn] = st.session_state[LANG_KEY]


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
