"""Load the data set once per file version, or show every validation problem in one box and stop.

The data set comes through the compiled cache (healthtargets.dataset.cache): a server start on
unchanged files reads the figures table from disk, parsing no YAML. The files in use are the
project's, or those named by HEALTHTARGETS_TARGETS and HEALTHTARGETS_DATA.

While the session holds a checked snippet from the page "Add a document" (session state
PREVIEW_KEY), every page's data set is the real one merged with it: cached per file version
and snippet, as is the region tree, so the new figures show everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from healthtargets import DatasetInvalid, figures_frame
from healthtargets.dataset import paths as where
from healthtargets.dataset.cache import compiled
from healthtargets.dataset.load import Dataset
from healthtargets.i18n import t

PREVIEW_KEY = "add.preview"  # the checked YAML snippet the page "Add a document" previews for the session
BUILT_KEY = "add.built"  # that page's "snippet built" flag: cleared with the preview, or the page builds it again


@dataclass
class Loaded:
    """The data set and its figures table, as every page uses them (with the session's preview merged in)."""

    dataset: Dataset
    frame: pd.DataFrame
    previewed: int = 0  # how many of the figures are the session's unsaved preview


def paths() -> tuple[Path, Path]:
    return where.targets_path(), where.data_dir()


def _stamp(path: Path, data_dir: Path) -> tuple:
    """File versions: an edit to any data file loads the set afresh."""
    files = [path, *sorted(data_dir.glob("*.yaml"))]
    return tuple((str(f), f.stat().st_mtime_ns) for f in files if f.exists())


def snippet() -> str | None:
    """The session's previewed snippet, or None."""
    return st.session_state.get(PREVIEW_KEY) or None


@st.cache_resource(show_spinner=False, max_entries=4)
def _file(path: str, data_dir: str, stamp: tuple) -> Loaded:
    done = compiled(Path(path), Path(data_dir))
    return Loaded(done.dataset, done.frame)


@st.cache_resource(show_spinner=False, max_entries=16)
def _merged(path: str, data_dir: str, stamp: tuple, snippet: str) -> Loaded:
    from healthtargets.extract.draft import preview

    real = _file(path, data_dir, stamp)
    dataset = preview(real.dataset, snippet, Path(data_dir))
    if dataset is real.dataset:  # invalid, or already in the files: nothing to preview
        return real
    return Loaded(dataset, figures_frame(dataset), len(dataset.figures) - len(real.dataset.figures))


def _load(path: str, data_dir: str, stamp: tuple, snippet: str | None = None) -> Loaded:
    """The data set of a file version, merged with a snippet when one is given."""
    return _merged(path, data_dir, stamp, snippet) if snippet else _file(path, data_dir, stamp)


def _key() -> tuple[str, str, tuple, str | None]:
    """The cache key of the session's data: file version, and the snippet when it adds figures."""
    path, data_dir = paths()
    key = (str(path), str(data_dir), _stamp(path, data_dir))
    text = snippet()
    if text and not _load(*key, text).previewed:  # invalid, or already in the files: the plain data set
        text = None
    return (*key, text)


def loaded(lang: str) -> Loaded:
    """The cached data set; on problems, one error box listing them all, then st.stop()."""
    path, data_dir = paths()
    if not path.exists():
        st.error(t("error.missing", lang, path=str(path)))
        st.stop()
    try:
        return _load(*_key())
    except DatasetInvalid as exc:
        st.error(problems_text(exc, lang), icon="⚠️")
        st.stop()


def problems_text(exc: DatasetInvalid, lang: str) -> str:
    """The error box's body: a heading, then every problem verbatim in a code block (never markup)."""
    listing = "\n".join(str(p) for p in exc.problems).replace("`", "'")
    return f"{t('error.invalid', lang, n=len(exc.problems))}\n\n```text\n{listing}\n```"


def discard_preview() -> None:
    """Forget the session's preview (and the Add page's built snippet, which would preview it again)."""
    st.session_state.pop(PREVIEW_KEY, None)
    st.session_state.pop(BUILT_KEY, None)


def preview_notice(lang: str) -> None:
    """While a preview is active, a small notice saying so, with a button that discards it (every page)."""
    n = loaded(lang).previewed
    if not n:
        return
    with st.container(key="preview.notice"):
        text, button = st.columns([5, 1], vertical_alignment="center")
        text.info(t("preview.notice", lang, n=n), icon=":material/visibility:")
        button.button(t("preview.discard", lang), key="preview.discard", on_click=discard_preview,
                      help=t("preview.discard_help", lang), icon=":material/close:")


@st.cache_resource(show_spinner=False, max_entries=8)
def _tree(path: str, data_dir: str, stamp: tuple, snippet: str | None):
    from healthtargets.dataset.regions import region_tree

    done = _load(path, data_dir, stamp, snippet)
    return region_tree(done.frame, done.dataset.reference)


def tree():
    """The region tree of the regions with figures (provinces at the top), preview included."""
    return _tree(*_key())


@st.cache_resource(show_spinner=False, max_entries=8)
def _progress(path: str, data_dir: str, stamp: tuple, snippet: str | None, today, lang: str) -> pd.DataFrame:
    from healthtargets.views.progress import progress_table

    done = _load(path, data_dir, stamp, snippet)
    return progress_table(done.frame, done.dataset.reference, today, lang, done.dataset.checks)


def progress(today, lang: str) -> pd.DataFrame:
    """Every target with its status as of today (assessed once per data version, day and language)."""
    return _progress(*_key(), today, lang)
