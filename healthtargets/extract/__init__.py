"""The extraction assistant: candidate figures of a policy text, drafts for targets.yaml, evaluation.

The public entry points; the modules behind them are the assistant's steps. They are imported
when first used, so that the command line's help starts at once.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "Candidate": ".candidate", "Catalog": ".catalog", "default_catalog": ".catalog",
    "document_year": ".layout", "extract": ".pipeline",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module 'healthtargets.extract' has no attribute '{name}'")
    return getattr(importlib.import_module(_WHERE[name], __name__), name)
