"""The extraction assistant: candidate figures of a policy text, drafts for targets.yaml, evaluation.

The public entry points; the modules behind them are the assistant's steps.
"""

from .candidate import Candidate
from .catalog import Catalog, default_catalog
from .layout import document_year
from .pipeline import extract

__all__ = ["Candidate", "Catalog", "default_catalog", "document_year", "extract"]
