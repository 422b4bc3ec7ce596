"""The one plotly theme of the dashboard, and the charts of the overview, browse and sources pages.

Every chart is a ChartSpec whose figure already carries its title, axis titles with
units and the source line, so the image exporter draws exactly what the page shows.
Nothing here reaches for a CDN: the map is a plain lon/lat scatter over an outline
shipped with the package (basemap.json), not a tiled or topojson map.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from .chartspec import ChartSpec, source_line
from .i18n import col, t
from .schema import Source

FONT_FAMILY = "WenQuanYi Micro Hei, Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"
COLORS = ["#1f6f8b", "#e07a3f", "#5b9a68", "#b8476a", "#7d6bb0", "#c9a227", "#4c8fd6", "#8c6d46", "#5f6b73"]
KIND_COLORS = {"target": "#1f6f8b", "actual": "#e07a3f", "forecast": "#8c8c8c"}
BASEMAP_PATH = Path(__file__).resolve().parent / "basemap.json"


def themed(fig: go.Figure, *, title: str, x_title: str | None, y_title: str | None,
           source_line: str, lang: str = "zh", height: int = 420) -> go.Figure:
    """Apply the house style: CJK-first fonts, title, axis titles, the source line at the foot."""
    fig.update_layout(
        template="plotly_white",
        font={"family": FONT_FAMILY, "size": 13, "color": "#263238"},
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 17}},
        colorway=COLORS,
        height=height,
        margin={"l": 60, "r": 20, "t": 60, "b": 90},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        hoverlabel={"font": {"family": FONT_FAMILY}},
        separators=".,",
    )
    if x_title is not None:
        fig.update_xaxes(title_text=x_title)
    if y_title is not None:
        fig.update_yaxes(title_text=y_title)
    lines = _wrap(source_line, 100 if lang == "en" else 56)
    fig.update_layout(margin={"b": 70 + 14 * len(lines)}, height=height + 14 * len(lines))
    fig.add_annotation(
        text="<br>".join(_escape(x) for x in lines), showarrow=False, xref="paper", yref="paper",
        x=0, y=0, yshift=-55, xanchor="left", yanchor="top", align="left",
        font={"size": 10, "color": "#607d8b"}, name="source-line",
    )
    return fig


def modebar_config(spec: ChartSpec) -> dict:
    """st.plotly_chart config: the camera saves a 2x PNG named after the chart; no logo, no CDN."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": spec.file_stem},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }


def cited(frame: pd.DataFrame, sources: dict[str, Source]) -> list[Source]:
    """The sources behind a frame's rows, newest first."""
    ids = list(dict.fromkeys(frame["source_id"]))
    found = [sources[i] for i in ids if i in sources]
    return sorted(found, key=lambda s: (s.date is None, -(s.date.toordinal() if s.date else 0)))


def foot(cites: list[Source], lang: str) -> str:
    """The source line, shortened when many documents are cited."""
    if not cites:
        return t("chart.source_none", lang)
    if len(cites) > 4:
        more = len(cites) - 3
        return source_line(cites[:3], lang) + (f"；等 {more} 份文件" if lang == "zh" else f"; and {more} more documents")
    return source_line(cites, lang)


@lru_cache(maxsize=1)
def basemap() -> dict:
    """Country borders and coastlines of East Asia as one lon/lat polyline (None between arcs)."""
    return json.loads(BASEMAP_PATH.read_text(encoding="utf-8"))


def overview_map(counts: pd.DataFrame, sources: list[Source], lang: str) -> ChartSpec:
    """Regions as points at their centres, sized by figure count, over a drawn outline.

    ``counts`` has region_code, name, lon, lat, figures, targets, actuals.
    """
    outline = basemap()
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=outline["lon"], y=outline["lat"], mode="lines", hoverinfo="skip",
                             line={"color": "#b0bec5", "width": 0.8}, showlegend=False, name="outline"))
    hover = [t("overview.map_hover", lang, targets=r.targets, actuals=r.actuals) for r in counts.itertuples()]
    size = (counts["figures"].clip(lower=1) ** 0.5 * 7).clip(upper=60) if len(counts) else []
    fig.add_trace(go.Scatter(
        x=counts["lon"], y=counts["lat"], mode="markers+text", text=counts["name"], textposition="top center",
        customdata=list(zip(counts["figures"], hover)), showlegend=False, name="regions",
        marker={"size": size, "color": COLORS[0], "opacity": 0.75, "line": {"color": "white", "width": 1}},
        hovertemplate="<b>%{text}</b><br>" + t("overview.figures_n", lang, n="%{customdata[0]}")
        + "<br>%{customdata[1]}<extra></extra>",
    ))
    fig.update_xaxes(range=[73, 136], showgrid=False, zeroline=False, ticksuffix="°")
    fig.update_yaxes(range=[17, 54], showgrid=False, zeroline=False, ticksuffix="°", scaleanchor="x", scaleratio=1.2)
    title = t("chart.map_title", lang)
    themed(fig, title=title, x_title=t("chart.lon", lang), y_title=t("chart.lat", lang),
           source_line=foot(sources, lang), lang=lang, height=520)
    return ChartSpec("overview", "figures-per-region-map", title, fig, counts, sources, lang)


def figures_by_category(frame: pd.DataFrame, region_name: str, categories: list[tuple[str, str]],
                        sources: list[Source], lang: str, name: str = "figures-by-category") -> ChartSpec:
    """Stacked bars: figures per category, split by kind (target / actual / forecast)."""
    from .i18n import name as vocab

    order = [label for key, label in categories if key in set(frame["category"])]
    label_of = dict(categories)
    counts = (frame.assign(category_label=frame["category"].map(label_of))
              .groupby(["category_label", "kind"]).size().rename("figures").reset_index())
    fig = go.Figure()
    for kind in ("target", "actual", "forecast"):
        part = counts[counts["kind"] == kind].set_index("category_label").reindex(order)
        if part["figures"].notna().any():
            fig.add_trace(go.Bar(x=order, y=part["figures"].fillna(0), name=vocab("kind", kind, lang),
                                 marker_color=KIND_COLORS[kind],
                                 hovertemplate="%{x}: %{y}<extra>" + vocab("kind", kind, lang) + "</extra>"))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(tickformat=",d", rangemode="tozero")
    title = t("browse.chart_title", lang, region=region_name)
    themed(fig, title=title, x_title=t("browse.chart_x", lang), y_title=t("browse.chart_y", lang),
           source_line=foot(sources, lang), lang=lang)
    data = counts.rename(columns={"category_label": col("category", lang)})
    return ChartSpec("browse", name, title, fig, data, sources, lang)


def _wrap(text: str, width: int) -> list[str]:
    """Break a source line into lines of at most `width` characters (plotly wraps nothing)."""
    pieces = text.replace("；", "；\n").replace("; ", ";\n").split("\n")
    lines, line = [], ""
    for piece in pieces:
        while len(piece) > width:  # a single long citation: hard breaks
            if line:
                lines.append(line)
                line = ""
            lines.append(piece[:width])
            piece = piece[width:]
        if line and len(line) + len(piece) + 1 > width:
            lines.append(line)
            line = piece
        else:
            line = f"{line} {piece}".strip() if line else piece
    if line:
        lines.append(line)
    return lines


def _escape(text: str) -> str:
    """Plotly reads a subset of HTML in text: keep data literal."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
