"""The compiled cache: a validated data set kept on disk, so a start on unchanged files parses no YAML.

An entry is a folder named by the hashes of what it was built from (targets.yaml, the three
reference tables in data/, and this package's code and library versions), holding

- ``figures.parquet``: the tidy figures table (columnar, what every page reads);
- ``dataset.pickle``: the sources, recorded searches and checked reference tables;
- ``figures.pickle``: the figure records, read only when something asks for them;
- ``manifest.json``: the sha256 of each of those files.

Every file is checked against the manifest before it is read: a missing, truncated or altered
entry is deleted and built again from the YAML, never trusted. The reference tables have an
entry of their own, keyed by data/ alone, so an edit to targets.yaml re-validates targets.yaml
only; an edit in data/ re-validates data/ and then targets.yaml, whose figures point into it.
Entries are written to a temporary folder and renamed into place, so two servers never read a
half-written one; the newest KEEP entries of each kind are kept.
"""

from __future__ import annotations

import hashlib
import io
import json
import pickle
import shutil
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from .collector import paused
from .frame import figures_frame
from .load import Dataset, load_dataset, load_reference
from .paths import cache_dir, targets_path
from .paths import data_dir as default_data_dir
from .reference import Reference

FORMAT = 1  # the layout of an entry; bump it when the files change
KEEP = 6  # entries of each kind kept; older ones are deleted
REFERENCE_FILES = ("units.yaml", "metrics.yaml", "regions.yaml")
LIBRARIES = ("pandas", "pyarrow", "pydantic", "pint")


@dataclass
class Compiled:
    """A validated data set and its figures table, and where they came from."""

    dataset: Dataset
    frame: pd.DataFrame
    origin: str  # "cache": read from an entry; "built": validated and cached now; "rebuilt": an entry was unusable


class CorruptEntry(Exception):
    """A cache entry that does not match its manifest, or cannot be read."""


def compiled(path: Path | None = None, data_dir: Path | None = None, root: Path | None = None) -> Compiled:
    """The data set of these files: from the cache when they are unchanged, else loaded, checked and cached.

    Defaults, as load_dataset's: the targets file and data folder in use (see paths.py).
    Raises DatasetInvalid (never caching) when the files have problems.
    """
    path = Path(path) if path is not None else targets_path()
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    root = Path(root) if root is not None else cache_dir()
    try:
        targets_bytes = Path(path).read_bytes() if Path(path).is_file() else None
    except OSError:
        targets_bytes = None
    if targets_bytes is None:  # missing, a folder, a device, unreadable: the loader says which, located
        dataset = load_dataset(Path(path), Path(data_dir))
        return Compiled(dataset, figures_frame(dataset), "built")
    data_key = _digest(code_version(), *(_file_bytes(Path(data_dir) / name) for name in REFERENCE_FILES))
    key = _digest(data_key, targets_bytes)
    entry = root / f"set-{key[:32]}"
    origin = "built"
    if entry.is_dir():
        try:
            with paused():
                return _read_set(entry, path, data_dir)
        except CorruptEntry:
            shutil.rmtree(entry, ignore_errors=True)
            origin = "rebuilt"
    reference = _reference(root / f"ref-{data_key[:32]}", data_dir)
    dataset = load_dataset(Path(path), Path(data_dir), reference=reference)
    frame = figures_frame(dataset)
    _write(root, entry.name, {
        "figures.parquet": _parquet(frame),
        "dataset.pickle": pickle.dumps((dataset.sources, dataset.checks, dataset.reference), protocol=5),
        "figures.pickle": pickle.dumps(dataset.figures, protocol=5),
    })
    _prune(root, "set-")
    return Compiled(dataset, frame, origin)


def _reference(entry: Path, data_dir: Path) -> Reference:
    """The checked reference tables: from their entry, or checked now and cached."""
    if entry.is_dir():
        try:
            return _unpickled(entry, "reference.pickle")
        except CorruptEntry:
            shutil.rmtree(entry, ignore_errors=True)
    reference = load_reference(Path(data_dir))
    _write(entry.parent, entry.name, {"reference.pickle": pickle.dumps(reference, protocol=5)})
    _prune(entry.parent, "ref-")
    return reference


def _read_set(entry: Path, path: Path, data_dir: Path) -> Compiled:
    frame = _read_parquet(_verified(entry, "figures.parquet"))
    sources, checks, reference = _unpickled(entry, "dataset.pickle")

    def figures() -> list:
        try:
            return _unpickled(entry, "figures.pickle")
        except CorruptEntry:  # the entry went away or was damaged since: the YAML is the truth
            return load_dataset(Path(path), Path(data_dir), reference=reference).figures

    return Compiled(Dataset(sources, figures, reference, checks), frame, "cache")


def _unpickled(entry: Path, name: str) -> Any:
    data = _verified(entry, name)
    try:
        return pickle.loads(data)
    except Exception as exc:  # written by another version of a library, say: unpickling raises almost anything
        raise CorruptEntry(f"{entry.name}/{name}: {exc}") from exc


def _verified(entry: Path, name: str) -> bytes:
    """A file's bytes, once its sha256 matches the entry's manifest."""
    try:
        manifest = json.loads((entry / "manifest.json").read_text(encoding="utf-8"))
        expected = manifest["files"][name]
        if manifest.get("format") != FORMAT:
            raise CorruptEntry(f"{entry.name}: format {manifest.get('format')!r}, expected {FORMAT}")
        data = (entry / name).read_bytes()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CorruptEntry(f"{entry.name}/{name}: {exc}") from exc
    if hashlib.sha256(data).hexdigest() != expected:
        raise CorruptEntry(f"{entry.name}/{name}: does not match its manifest")
    return data


def _write(root: Path, name: str, files: dict[str, bytes]) -> None:
    """Write an entry beside the others and rename it into place; a cache that cannot be written is skipped."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tmp-", dir=root))
    except OSError:
        return
    try:
        manifest = {"format": FORMAT, "files": {}}
        for file, data in files.items():
            (staging / file).write_bytes(data)
            manifest["files"][file] = hashlib.sha256(data).hexdigest()
        (staging / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        staging.rename(root / name)
    except OSError:  # a full disk, or another process renamed the same entry into place first
        shutil.rmtree(staging, ignore_errors=True)


def _prune(root: Path, prefix: str) -> None:
    entries = sorted((p for p in root.glob(prefix + "*") if p.is_dir()), key=_mtime, reverse=True)
    for old in entries[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _parquet(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


def _read_parquet(data: bytes) -> pd.DataFrame:
    try:
        return pd.read_parquet(io.BytesIO(data))
    except Exception as exc:  # pyarrow's errors for a damaged file vary by what is damaged
        raise CorruptEntry(str(exc)) from exc


def _file_bytes(path: Path) -> bytes:
    try:
        return path.name.encode() + b"\0" + path.read_bytes()
    except OSError:
        return path.name.encode() + b"\0missing"


def _digest(*parts: Any) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode()
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """What the entries depend on besides the data: this package's code, the libraries, the format."""
    package = Path(__file__).resolve().parent
    parts: list[Any] = [FORMAT, sys.version]
    parts += [_file_bytes(p) for p in sorted(package.glob("*.py"))]
    parts += [f"{name} {metadata.version(name)}" for name in LIBRARIES]
    return _digest(*parts)
