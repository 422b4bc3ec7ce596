"""Where the project's data lives: the curated targets file, the reference tables, the schema."""

from __future__ import annotations

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
TARGETS_PATH = PROJECT_DIR / "targets.yaml"
DATA_DIR = PROJECT_DIR / "data"
SCHEMA_PATH = PROJECT_DIR / "schema" / "targets.schema.json"
