"""Load targets.yaml with its reference tables into one checked Dataset."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .collector import paused
from .errors import DatasetInvalid, Problem
from .paths import data_dir as default_data_dir
from .paths import targets_path
from .records import display_path, parse_yaml, read_yaml
from .reference import Reference
from .reference_checks import check_reference
from .schema import Check, Figure, Source
from .validate import check_targets, check_texts


class Dataset:
    """A valid data set: its sources, figures and the reference tables they point into.

    ``figures`` may be given as a function that returns them: a data set read from the compiled
    cache reads its figure records only when something asks for them (pages use the figures table).
    """

    def __init__(self, sources: dict[str, Source], figures: list[Figure] | Callable[[], list[Figure]],
                 reference: Reference, checks: list[Check] | None = None):
        self.sources = sources
        self.reference = reference
        self.checks = list(checks or [])  # recorded searches for past targets' outcomes
        self._figures = figures

    @property
    def figures(self) -> list[Figure]:
        if callable(self._figures):
            self._figures = self._figures()
        return self._figures


def load_dataset(path: Path | None = None, data_dir: Path | None = None, texts_dir: Path | None = None,
                 reference: Reference | None = None) -> Dataset:
    """Read and check a targets file; raise DatasetInvalid listing every problem.

    Defaults: the targets file and data folder in use (see paths.py). A reference already
    checked (from the cache, for unchanged data files) is used as given.
    """
    path = Path(path) if path is not None else targets_path()
    label = display_path(path)
    with paused():
        data, lines, problems = read_yaml(path, label)
        return _build(data, lines, problems, label, data_dir, texts_dir, reference)


def load_dataset_text(text: str, label: str = "targets.yaml", data_dir: Path | None = None) -> Dataset:
    """As load_dataset, for YAML held in memory (a draft being curated)."""
    data, lines, problems = parse_yaml(text, label)
    return _build(data, lines, problems, label, data_dir, None, None)


def load_reference(data_dir: Path | None = None) -> Reference:
    """The checked reference tables of a data folder; DatasetInvalid listing every problem."""
    reference, problems = check_reference(Path(data_dir) if data_dir is not None else default_data_dir())
    if problems or reference is None:
        raise DatasetInvalid(problems)
    return reference


def _build(data, lines, problems, label, data_dir, texts_dir, reference) -> Dataset:
    if reference is None:
        reference, found = check_reference(Path(data_dir) if data_dir is not None else default_data_dir())
        if found:  # figures are checked against sound tables only: else one fault in data/ reads as many
            raise DatasetInvalid(problems + found)
    if data is None and not problems:
        problems.append(Problem(label, 1, "", "", "has no data (empty, or comments only): it needs 'sources' and 'figures'"))
    if reference is None or data is None:
        raise DatasetInvalid(problems)
    sources, figures, checks, found = check_targets(data, lines, label, reference)
    problems += found
    if texts_dir is not None and not problems:
        problems += check_texts(sources, figures, Path(texts_dir), label, data, lines)
    if problems:
        raise DatasetInvalid(problems)
    return Dataset({s.id: s for s in sources}, figures, reference, checks)
