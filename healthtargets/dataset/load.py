"""Load targets.yaml with its reference tables into one checked Dataset."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import DatasetInvalid, Problem
from .paths import DATA_DIR, TARGETS_PATH
from .records import display_path, parse_yaml, read_yaml
from .reference import Reference
from .reference_checks import check_reference
from .schema import Check, Figure, Source
from .validate import check_targets, check_texts


@dataclass
class Dataset:
    """A valid data set: its sources, figures and the reference tables they point into."""

    sources: dict[str, Source]
    figures: list[Figure]
    reference: Reference
    checks: list[Check] = field(default_factory=list)  # recorded searches for past targets' outcomes


def load_dataset(path: Path = TARGETS_PATH, data_dir: Path = DATA_DIR, texts_dir: Path | None = None) -> Dataset:
    """Read and check a targets file; raise DatasetInvalid listing every problem."""
    label = display_path(path)
    data, lines, problems = read_yaml(path, label)
    return _build(data, lines, problems, label, data_dir, texts_dir)


def load_dataset_text(text: str, label: str = "targets.yaml", data_dir: Path = DATA_DIR) -> Dataset:
    """As load_dataset, for YAML held in memory (a draft being curated)."""
    data, lines, problems = parse_yaml(text, label)
    return _build(data, lines, problems, label, data_dir, None)


def _build(data, lines, problems, label, data_dir, texts_dir) -> Dataset:
    reference, found = check_reference(Path(data_dir))
    problems = problems + found
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
