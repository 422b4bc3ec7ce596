"""The dashboard's entry: page config, language, data set, navigation. `streamlit run app.py`."""

from pathlib import Path

import streamlit as st

from healthtargets.i18n import t
from ui import data, state

st.set_page_config(page_title="Health targets · 大健康目标", page_icon="📊", layout="wide")

lang = state.lang()
with st.sidebar:
    st.segmented_control(t("app.lang", lang), ["zh", "en"], key=state.LANG_KEY, required=True,
                         format_func={"zh": "中文", "en": "English"}.get)
lang = st.session_state[state.LANG_KEY]
state.write_lang(lang)

PAGES = [  # file, url path, title key, icon
    ("pages/overview.py", "overview", "nav.overview", ":material/dashboard:"),
    ("pages/browse.py", "browse", "nav.browse", ":material/travel_explore:"),
    ("pages/compare.py", "compare", "nav.compare", ":material/compare_arrows:"),
    ("pages/progress.py", "progress", "nav.progress", ":material/flag:"),
    ("pages/sources.py", "sources", "nav.sources", ":material/description:"),
    ("pages/add_document.py", "add", "nav.add", ":material/note_add:"),
]
ADD_PAGE = Path(__file__).parent / "pages" / "add_document.py"
pages = [st.Page(file, url_path=path, title=t(key, lang), icon=icon, default=path == "overview")
         for file, path, key, icon in PAGES if path != "add" or ADD_PAGE.exists()]  # the extraction helper's page, once it lands
page = st.navigation(pages, position="sidebar")
st.sidebar.caption(t("app.title", lang))
data.loaded(lang)  # invalid data: every page shows the problems and stops here
page.run()
