"""The dashboard's entry: page config, language, data set, navigation. `streamlit run app.py`."""

from pathlib import Path

import streamlit as st

from healthtargets.i18n import t
from healthtargets.views.registry import PAGES
from ui import data, document, failure, state

st.set_page_config(page_title="Health targets · 大健康目标", page_icon="📊", layout="wide")
st.html(Path(__file__).parent / "ui" / "page.css")  # on a phone, charts scroll sideways rather than cut their words

nav = st.sidebar.container(key="nav")  # the page links, above the language switch (filled below, once lang is known)
lang = state.lang()
state.keep_widget_values()
st.session_state[state.SWITCH_KEY] = lang
st.sidebar.segmented_control(t("app.lang", lang), ["zh", "en"], key=state.SWITCH_KEY, required=True,
                             on_change=state.switched_lang, format_func={"zh": "中文", "en": "English"}.get)
lang = st.session_state[state.LANG_KEY]
state.write_lang(lang)
document.head(lang)  # <html lang>, the app's styles, "copy link"

pages = [st.Page(page.file, url_path=page.key, title=t(page.title_key, lang), icon=page.icon) for page in PAGES]


def _home():  # the default page lives at "/"; send it to /overview (or a first deep link's page)
    wanted, query = state.asked_page({page.key: entry for page, entry in zip(PAGES, pages)})
    st.switch_page(wanted or pages[0], query_params=query)


# Streamlit's own sidebar navigation is off (.streamlit/config.toml): a pages/ folder makes a fresh
# server's first run list the files in pages/ there until app.py's navigation replaces them. These
# links are drawn by app.py only, so nothing else ever shows.
page = st.navigation([st.Page(_home, title=t("nav.overview", lang), url_path="home", default=True, visibility="hidden"),
                      *pages], position="hidden")
for entry, target in zip(PAGES, pages):
    nav.page_link(target, label=t(entry.title_key, lang), icon=entry.icon)
st.sidebar.caption(t("app.title", lang))
data.announce(lang)  # invalid files: the last good data under a banner, or (none ever loaded) the problems, and stop
data.preview_notice(lang)  # a snippet previewed from "Add a document": say so on every page, with a way to discard it
state.entered()
failure.guarded(page.run, lang)
