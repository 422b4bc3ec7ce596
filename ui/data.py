"""Load the data set once per file version, or show every validation problem in one box and stop."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from healthtargets import DatasetInvalid, figures_frame, load_dataset
from healthtargets.i18n import t
from healthtargets.load import TARGETS_PATH, Dataset
from healthtargets.reference import DATA_DIR

TARGETS_ENV = "HEALTHTARGETS_TARGETS"  # path of targets.yaml (tests point it at fixtures)
DATA_ENV = "HEALTHTARGETS_DATA"  # folder of metrics.yaml, regions.yaml, units.yaml


@dataclass
class Loaded:
    """The data set and its figures table, as every page uses them."""

    dataset: Dataset
    frame: pd.DataFrame


def paths() -> tuple[Path, Path]:
    return Path(os.environ.get(TARGETS_ENV, TARGETS_PATH)), Path(os.environ.get(DATA_ENV, DATA_DIR))


def _stamp(path: Path, data_dir: Path) -> tuple:
    """File versions: an edit to any data file loads the set afresh."""
    files = [path, *sorted(data_dir.glob("*.yaml"))]
    return tuple((str(f), f.stat().st_mtime_ns) for f in files if f.exists())


@st.cache_resource(show_spinner=False, max_entries=4)
def _load(path: str, data_dir: str, stamp: tuple) -> Loaded:
    dataset = load_dataset(Path(path), Path(data_dir))
    return Loaded(dataset, figures_frame(dataset))


def loaded(lang: str) -> Loaded:
    """The cached data set; on problems, one error box listing them all, then st.stop()."""
    path, data_dir = paths()
    if not path.exists():
        st.error(t("error.missing", lang, path=str(path)))
        st.stop()
    try:
        return _load(str(path), str(data_dir), _stamp(path, data_dir))
    except DatasetInvalid as exc:
        st.error(problems_text(exc, lang), icon="⚠️")
        st.stop()


def problems_text(exc: DatasetInvalid, lang: str) -> str:
    """The error box's body: a heading, then every problem verbatim in a code block (never markup)."""
    listing = "\n".join(str(p) for p in exc.problems).replace("`", "'")
    return f"{t('error.invalid', lang, n=len(exc.problems))}\n\n```text\n{listing}\n```"


@st.cache_resource(show_spinner=False, max_entries=8)
def _display(path: str, data_dir: str, stamp: tuple, lang: str) -> pd.DataFrame:
    from healthtargets.browse import display_frame

    done = _load(path, data_dir, stamp)
    return display_frame(done.dataset, done.frame, lang)


def display(lang: str) -> pd.DataFrame:
    """The reader's columns of every figure in a language (formatted once per data version)."""
    path, data_dir = paths()
    return _display(str(path), str(data_dir), _stamp(path, data_dir), lang)


@st.cache_resource(show_spinner=False, max_entries=4)
def _tree(path: str, data_dir: str, stamp: tuple):
    from healthtargets.regions import region_tree

    done = _load(path, data_dir, stamp)
    return region_tree(done.frame, done.dataset.reference)


def tree():
    """The region tree of the regions with figures (provinces at the top)."""
    path, data_dir = paths()
    return _tree(str(path), str(data_dir), _stamp(path, data_dir))
