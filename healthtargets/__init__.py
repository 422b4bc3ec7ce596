"""healthtargets: the curated data set of Chinese local health-industry targets, as a library.

Never imports streamlit: the dashboard (app.py, pages/) is a thin layer over this package.
The names below are imported when first used, so that a command that needs none of them (the
extraction's) starts without pandas, pint or pydantic.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "CliError": "healthtargets.dataset.errors", "DatasetInvalid": "healthtargets.dataset.errors",
    "Problem": "healthtargets.dataset.errors", "figures_frame": "healthtargets.dataset.frame",
    "Dataset": "healthtargets.dataset.load", "load_dataset": "healthtargets.dataset.load",
    "load_dataset_text": "healthtargets.dataset.load", "numerals_in": "healthtargets.dataset.numbers",
    "parse_numeral": "healthtargets.dataset.numbers", "table_bytes": "healthtargets.dataset.tables",
    "UnitError": "healthtargets.dataset.units", "UnitTable": "healthtargets.dataset.units",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'healthtargets' has no attribute '{name}'")
    return getattr(importlib.import_module(_WHERE[name]), name)
