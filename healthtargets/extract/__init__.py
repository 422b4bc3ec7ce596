"""The extraction assistant: candidate figures of a policy text, drafts for targets.yaml, evaluation.

The public entry points; the modules behind them are the assistant's steps.
"""

from .pipeline import Candidate, Catalog, default_catalog, document_year, extract

__all__ = ["Candidate", "Catalog", "default_catalog", "document_year", "extract"]
