"""Where the data lives: the curated targets file, the reference tables, the schema, the cache.

The dashboard and every command read the project's own files unless told otherwise by the
environment: HEALTHTARGETS_TARGETS (a targets.yaml), HEALTHTARGETS_DATA (a folder of
metrics.yaml, regions.yaml, units.yaml), HEALTHTARGETS_CACHE (where compiled data sets are kept).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
TARGETS_PATH = PROJECT_DIR / "targets.yaml"
DATA_DIR = PROJECT_DIR / "data"
SCHEMA_PATH = PROJECT_DIR / "schema" / "targets.schema.json"

TARGETS_ENV = "HEALTHTARGETS_TARGETS"
DATA_ENV = "HEALTHTARGETS_DATA"
CACHE_ENV = "HEALTHTARGETS_CACHE"


def targets_path() -> Path:
    """The targets file in use: $HEALTHTARGETS_TARGETS, else the project's targets.yaml."""
    return Path(os.environ.get(TARGETS_ENV) or TARGETS_PATH)


def data_dir() -> Path:
    """The reference tables in use: $HEALTHTARGETS_DATA, else the project's data/."""
    return Path(os.environ.get(DATA_ENV) or DATA_DIR)


def cache_dir() -> Path:
    """Where compiled data sets are kept, outside the project: $HEALTHTARGETS_CACHE, else the user's cache."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "healthtargets"
