"""A chart as the dashboard and the exporters share it: figure, data behind it, sources cited."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from healthtargets.dataset.schema import Source
from healthtargets.i18n import joined, localised, t


@dataclass
class ChartSpec:
    """One chart of one page.

    ``figure`` already carries its title, axis titles with units and a source line;
    ``data`` is the table behind it (what a user downloads as CSV); ``sources``
    are the documents it cites; ``name`` says what it is, for file names.
    """

    page: str  # overview | browse | compare | progress | sources
    name: str  # e.g. "industry-output-hanshan-nanan"
    title: str
    figure: go.Figure
    data: pd.DataFrame
    sources: list[Source] = field(default_factory=list)
    lang: str = "zh"

    @property
    def file_stem(self) -> str:
        """A file name without extension: page, what, language (no spaces, ASCII-safe)."""
        return slugify(f"{self.page}-{self.name}-{self.lang}")


def source_line(sources: list[Source], lang: str) -> str:
    """'来源：邯山区人民政府办公室《…》(2024-09-13)；…' or 'Source: …' for a chart's foot."""
    parts = []
    for source in sources:
        date = source.date.isoformat() if source.date else t("chart.undated", lang)
        title = localised(source, lang, "title")
        short = title if len(title) <= 40 else title[:39] + "…"
        parts.append(t("chart.citation", lang, issuer=source.issuer, title=short, date=date))
    return t("chart.source_prefix", lang) + joined(parts, lang, "punct.list")


def slugify(text: str) -> str:
    """Lower-case ASCII letters, digits and dashes; other characters become dashes."""
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-") or "chart"
