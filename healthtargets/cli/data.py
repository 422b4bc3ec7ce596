"""The data set the reading commands (figures, charts, stats) work on, with its figures table."""

from __future__ import annotations

from pathlib import Path

from healthtargets.dataset.cache import Compiled, compiled
from healthtargets.dataset.paths import data_dir, targets_path


def checked_data(targets: str | Path | None) -> Compiled:
    """The targets file (default: the one in use) checked against the reference tables in use, read
    from the compiled cache the dashboard keeps when neither has changed since: a tenth of a second
    instead of checking every figure again. Raises DatasetInvalid, located, as the loader does."""
    return compiled(Path(targets) if targets else targets_path(), data_dir())
