"""Load the data set once per file version, or show every validation problem in one box and stop.

The data set comes through the compiled cache (healthtargets.dataset.cache): a server start on
unchanged files reads the figures table from disk, parsing no YAML. The files in use are the
project's, or those named by HEALTHTARGETS_TARGETS and HEALTHTARGETS_DATA.

While the session holds a checked snippet from the page "Add a document" (session state
PREVIEW_KEY), every page's data set is the real one merged with it: cached per file version
and snippet, as is the region tree, so the new figures show everywhere.
"""

from __future__ import annotations

import datetime
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
    stamps = []
    for file in [path, *sorted(data_dir.glob("*.yaml"))]:
        try:
            stamps.append((str(file), file.stat().st_mtime_ns))
        except OSError:  # missing, or gone between listing and looking
            stamps.append((str(file), None))
    return tuple(stamps)


def snippet() -> str | None:
    """The session's previewed snippet, or None."""
    return st.session_state.get(PREVIEW_KEY) or None


@st.cache_resource(show_spinner=False, max_entries=4)
def _file(path: str, data_dir: str, stamp: tuple) -> Loaded | DatasetInvalid:
    """A file version's data set, or its problems: a value either way, so a broken version is checked once."""
    try:
        done = compiled(Path(path), Path(data_dir))
    except DatasetInvalid as exc:
        return exc
    return Loaded(done.dataset, done.frame)


@dataclass
class _Good:
    stamp: tuple
    loaded: Loaded
    at: datetime.datetime


# The last version of each data set that loaded, kept for the life of the server: while a curator's
# edit leaves the files invalid, every page goes on showing it, under a banner listing the problems.
_LAST_GOOD: dict[tuple[str, str], _Good] = {}


@st.cache_resource(show_spinner=False, max_entries=16)
def _merged(path: str, data_dir: str, stamp: tuple, snippet: str) -> Loaded:
    from healthtargets.extract.draft import preview

    real = _load(path, data_dir, stamp)
    dataset = preview(real.dataset, snippet, Path(data_dir))
    if dataset is real.dataset:  # invalid, or already in the files: nothing to preview
        return real
    return Loaded(dataset, figures_frame(dataset), len(dataset.figures) - len(real.dataset.figures))


def _load(path: str, data_dir: str, stamp: tuple, snippet: str | None = None) -> Loaded:
    """The data set of a file version (the last good one, when that is the version asked for), with a snippet merged."""
    if snippet:
        return _merged(path, data_dir, stamp, snippet)
    good = _LAST_GOOD.get((path, data_dir))
    if good is not None and good.stamp == stamp:
        return good.loaded
    result = _file(path, data_dir, stamp)
    if isinstance(result, DatasetInvalid):
        raise result
    _LAST_GOOD[(path, data_dir)] = _Good(stamp, result, datetime.datetime.now())
    return result


def _state() -> tuple[tuple[str, str, tuple], DatasetInvalid | None]:
    """The file version pages show, and the current files' problems when they have any.

    Valid files: their version. Invalid files: the last good version, if there was one (else the
    current one, which cannot load), and the problems.
    """
    path, data_dir = (str(p) for p in paths())
    stamp = _stamp(Path(path), Path(data_dir))
    result = _file(path, data_dir, stamp)
    if not isinstance(result, DatasetInvalid):
        return (path, data_dir, stamp), None
    good = _LAST_GOOD.get((path, data_dir))
    return (path, data_dir, good.stamp if good else stamp), result


def _key() -> tuple[str, str, tuple, str | None]:
    """The cache key of the session's data: file version, and the snippet when it adds figures."""
    key, _ = _state()
    text = snippet()
    if text and not _load(*key, text).previewed:  # invalid, or already in the files: the plain data set
        text = None
    return (*key, text)


def announce(lang: str) -> None:
    """Once per run, before the page: when the files have problems, the banner over the last good
    data, or, when no valid data was ever loaded, one error box listing them, then st.stop()."""
    key, problems = _state()
    if problems is None:
        return
    good = _LAST_GOOD.get(key[:2])
    if good is None:
        st.error(problems_text(problems, lang), icon="⚠️")
        st.stop()
    st.warning(problems_text(problems, lang, stale_since=good.at.strftime("%H:%M:%S")), icon="⚠️")


def loaded(lang: str) -> Loaded:
    """The data set pages show: the files' (with the session's preview), or the last good one (see announce)."""
    return _load(*_key())


def problems_text(exc: DatasetInvalid, lang: str, stale_since: str | None = None) -> str:
    """A box's body: a heading, then every problem verbatim in a code block (never markup).

    stale_since: the time the data still shown was loaded, when pages show the last good data.
    """
    listing = "\n".join(str(p) for p in exc.problems).replace("`", "'")
    heading = (t("error.stale", lang, n=len(exc.problems), time=stale_since) if stale_since
               else t("error.invalid", lang, n=len(exc.problems)))
    return f"{heading}\n\n```text\n{listing}\n```"


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


def _overview_parts(done: Loaded, cached, lang: str):
    from healthtargets.views import overview

    return overview.map_chart(done.dataset, done.frame, lang), overview.coverage_view(done.dataset, done.frame, lang)


def _progress_table(done: Loaded, cached, lang: str):
    from healthtargets.views.progress import progress_table

    return progress_table(done.frame, done.dataset.reference, cached.today, lang, done.dataset.checks)


def _status_chart(done: Loaded, cached, lang: str, region: str):
    from healthtargets.views import progress, progress_charts

    table = cached("progress.table")
    return progress_charts.status_chart(progress.filter_progress(table, None, region), done.dataset.sources, lang)


def _bullet_chart(done: Loaded, cached, lang: str, target: str):
    from healthtargets.views import progress_charts

    return progress_charts.bullet_chart(done.frame, done.dataset.reference, done.dataset.sources, target, lang)


def _timeline_chart(done: Loaded, cached, lang: str, code: str, group: str):
    from healthtargets.views import progress_charts

    return progress_charts.timeline_chart(done.frame, done.dataset.reference, done.dataset.sources, code, group, lang)


def _timelines(done: Loaded, cached, lang: str):
    from healthtargets.views import progress

    return progress.timeline_keys(done.frame)


def _compare_matrix(done: Loaded, cached, lang: str, codes: tuple, by: str, key: str | None):
    from healthtargets.views import compare

    return compare.compare_matrix(done.frame, list(codes), done.dataset.reference, by=by, lang=lang, key=key)


def _compare_chart(done: Loaded, cached, lang: str, codes: tuple, group: str, per: bool, log: bool):
    from healthtargets.views import compare

    return compare.compare_chart(done.frame, done.dataset.sources, list(codes), group, done.dataset.reference, lang,
                                 per_resident=per, log=log)


def _browse_rows(done: Loaded, cached, lang: str, code: str | None):
    from healthtargets.views import browse

    return browse.region_rows(done.dataset, done.frame, code)


def _browse_table(done: Loaded, cached, lang: str, code: str | None, ids: tuple):
    from healthtargets.views import browse

    rows = cached("browse.rows", code)
    return browse.table(done.dataset, rows.set_index("figure_id", drop=False).loc[list(ids)], lang)


def _browse_chart(done: Loaded, cached, lang: str, code: str | None, filters: tuple, group: str, place: str):
    from healthtargets.views import browse

    shown = browse.apply_filters(cached("browse.rows", code), dict(filters))
    return browse.values_chart(done.dataset, done.frame, shown, group, place, lang)


_BUILDERS = {  # what view() draws: name -> builder(data, cached (another view of the same key), lang, *choices)
    "overview.parts": _overview_parts, "progress.table": _progress_table,
    "progress.status": _status_chart, "progress.bullet": _bullet_chart, "progress.timeline": _timeline_chart,
    "progress.timelines": _timelines, "compare.matrix": _compare_matrix, "compare.chart": _compare_chart,
    "browse.rows": _browse_rows, "browse.table": _browse_table, "browse.chart": _browse_chart,
}


@dataclass
class _Cached:
    """Another view of the same data version, language and day, for a builder that rests on one."""

    key: tuple
    today: object
    lang: str

    def __call__(self, what: str, *choices):
        return _view(*self.key, self.today, self.lang, what, choices)


@st.cache_resource(show_spinner=False, max_entries=128)
def _view(path: str, data_dir: str, stamp: tuple, snippet: str | None, today, lang: str, what: str, args: tuple):
    done = _load(path, data_dir, stamp, snippet)
    return _BUILDERS[what](done, _Cached((path, data_dir, stamp, snippet), today, lang), lang, *args)


def view(what: str, lang: str, *choices, today=None):
    """A page's chart or table, drawn once per data version, language, day and choice, then shared (a
    national data set takes seconds for some): "overview.parts" (the map and the coverage table: the
    map places its names among every region's), "progress.table" (every target with its status as of
    today), "progress.status" (region), "progress.bullet" (target id), "progress.timeline" (region,
    group), "progress.timelines" (the (region, group) pairs with a timeline), "compare.matrix"
    (regions, by, key), "compare.chart" (regions, group, per resident, log), "browse.rows" (region: its
    figures and those within it), "browse.table" (region, figure ids of the table's page),
    "browse.chart" (region, filters, group, place name). What comes back is shared: read it, never
    change it."""
    return _view(*_key(), today, lang, what, choices)
