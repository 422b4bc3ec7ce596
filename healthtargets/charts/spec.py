"""A chart as the dashboard and the exporters share it: its plot, the data behind it, the sources cited."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go

from healthtargets.dataset.schema import Source
from healthtargets.i18n import joined, localised, name, t


@dataclass
class ChartSpec:
    """One chart of one page.

    ``plot`` (the plotly figure) already carries its title, axis titles with units and a
    source line; ``data`` is the table behind it (what a user downloads as CSV); ``sources``
    are the documents it cites; ``name`` says what it is, for file names. The copy made
    ready for an image (``prepared``), its cache key and its summary are computed once per chart.
    """

    page: str  # overview | browse | compare | progress | sources
    name: str  # e.g. "industry-output-hanshan-nanan"
    title: str
    plot: go.Figure
    data: pd.DataFrame
    sources: list[Source] = field(default_factory=list)
    lang: str = "zh"

    @property
    def file_stem(self) -> str:
        """A file name without extension: page, what, language (no spaces, ASCII-safe)."""
        return slugify(f"{self.page}-{self.name}-{self.lang}")

    @cached_property
    def prepared(self) -> dict:
        """The plot as an image is drawn from it (CJK fonts named; title and source line made sure of)."""
        from .prepare import prepared_plot

        line = source_line(self.sources, self.lang) if self.sources else None
        return prepared_plot(self.plot, self.title, line)

    @cached_property
    def summary(self) -> str:
        """The chart in words, for a screen reader (charts.summary): once per chart, which a page may
        keep across runs."""
        from .summary import chart_summary

        return chart_summary(self)

    @cached_property
    def key(self) -> str:
        """A digest of what the image shows: equal keys, equal images (a cache key)."""
        text = json.dumps(self.prepared, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_line(sources: list[Source], lang: str) -> str:
    """'来源：邯山区人民政府办公室《…》(2024-09-13)；…' or 'Source: …' for a chart's foot."""
    parts = []
    for source in sources:
        date = source.date.isoformat() if source.date else t("chart.undated", lang)
        title = localised(source, lang, "title")
        short = title if len(title) <= 40 else title[:39] + "…"
        parts.append(t("chart.citation", lang, issuer=name("issuer", source.issuer, lang), title=short, date=date))
    return t("chart.source_prefix", lang) + joined(parts, lang, "punct.list")


def slugify(text: str) -> str:
    """Lower-case ASCII letters, digits and dashes; other characters become dashes."""
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-") or "chart"
