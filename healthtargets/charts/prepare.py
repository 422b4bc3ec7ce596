"""A chart made ready for an image, once: a JSON-ready copy of its plot that names a CJK font,
with its title and source line made sure of.

The screen draws ``ChartSpec.plot`` itself; images (and their cache keys) use
``ChartSpec.prepared``, which calls :func:`prepared_plot` once per chart.
"""

from __future__ import annotations

import json

import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder

from healthtargets.i18n import LANGS, t

# Families put first in a figure's font list when it names no CJK family: the Debian font the
# set-up installs, then the usual CJK families of Linux, macOS and Windows, so that whoever opens
# an SVG finds one.
CJK_FAMILIES = (
    "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC",
    "PingFang SC", "Microsoft YaHei",
)
_CJK_HINTS = ("cjk", "wenquanyi", "wqy", "source han", "yahei", "pingfang", "heiti", "simhei",
              "simsun", "songti", "hiragino", "noto sans sc", "noto serif sc", "kaiti", "fangsong")



def names_cjk_family(family: str | None) -> bool:
    """Whether a CSS font-family list names a CJK family."""
    if not family:
        return False
    lowered = family.lower()
    return any(hint in lowered for hint in _CJK_HINTS) or any(ord(c) > 0x2E80 for c in family)


def cjk_font_family(family: str | None) -> str:
    """A font list naming CJK families first, then the given one (unchanged if it names one)."""
    if names_cjk_family(family):
        return family  # type: ignore[return-value]
    rest = family or "sans-serif"
    return ", ".join([*CJK_FAMILIES, rest])


def prepared_plot(plot: go.Figure | dict, title: str | None = None, source_line: str | None = None) -> dict:
    """The plot as kaleido gets it: a JSON-ready copy whose font list names a CJK family.

    With ``title`` and ``source_line``, a plot that lacks them (a builder forgot) gets them.
    """
    raw = plot.to_plotly_json() if isinstance(plot, go.Figure) else plot
    fig = json.loads(json.dumps(raw, cls=PlotlyJSONEncoder))  # a copy, numpy arrays and dates as JSON
    layout = fig.setdefault("layout", {})
    template_font = ((layout.get("template") or {}).get("layout") or {}).get("font") or {}
    font = layout.setdefault("font", {})
    font["family"] = cjk_font_family(font.get("family") or template_font.get("family"))
    for part in (layout.get("title"), layout.get("legend")):
        if isinstance(part, dict) and isinstance(part.get("font"), dict) and part["font"].get("family"):
            part["font"]["family"] = cjk_font_family(part["font"]["family"])
    if title:
        _ensure_title(layout, title)
    if source_line:
        _ensure_source_line(layout, source_line)
    return fig


def _ensure_title(layout: dict, title: str) -> None:
    current = layout.get("title")
    if isinstance(current, str):
        layout["title"] = current = {"text": current}
    if not isinstance(current, dict) or not current.get("text"):
        layout["title"] = {**(current or {}), "text": title}


def _ensure_source_line(layout: dict, line: str) -> None:
    annotations = layout.setdefault("annotations", [])
    prefixes = tuple(t("chart.source_prefix", lang) for lang in LANGS)
    if any(str(a.get("text", "")).startswith(prefixes) for a in annotations):
        return
    annotations.append({
        "text": line, "xref": "paper", "yref": "paper", "x": 0, "y": 0, "xanchor": "left",
        "yanchor": "top", "yshift": -60, "showarrow": False, "align": "left", "font": {"size": 11},
    })
    margin = layout.setdefault("margin", {})
    margin["b"] = max(margin.get("b") or 0, 110)
