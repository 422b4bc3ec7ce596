"""What the overview page shows: headline numbers, figures per region, coverage, newest documents."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from healthtargets.charts.spec import ChartSpec
from healthtargets.charts.theme import COLORS, cited, foot, themed
from healthtargets.dataset.load import Dataset
from healthtargets.dataset.schema import Source
from healthtargets.i18n import localised, t


@dataclass
class Headline:
    documents: int
    regions: int
    targets: int
    actuals: int
    newest: Source | None


def headline(dataset: Dataset, frame: pd.DataFrame) -> Headline:
    kinds = frame["kind"].value_counts()
    return Headline(len(dataset.sources), frame["region_code"].nunique(), int(kinds.get("target", 0)),
                    int(kinds.get("actual", 0)), next(iter(newest_documents(dataset, 1)), None))


def newest_documents(dataset: Dataset, n: int = 5) -> list[Source]:
    """The documents with the latest own date first; undated ones last."""
    dated = sorted(dataset.sources.values(), key=lambda s: (s.date or date.min, s.id), reverse=True)
    return dated[:n]


def region_counts(dataset: Dataset, frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per region that has figures and a known point: name, lon, lat, figures, targets, actuals."""
    counts = pd.crosstab(frame["region_code"], frame["kind"])
    for kind in ("target", "actual", "forecast"):
        if kind not in counts:
            counts[kind] = 0
    rows = []
    for code, row in counts.iterrows():
        region = dataset.reference.regions[code]
        if region.point is None:
            continue
        rows.append({"region_code": code, "name": localised(region, lang), "lon": region.point[0],
                     "lat": region.point[1], "figures": int(row.sum()), "targets": int(row["target"]),
                     "actuals": int(row["actual"])})
    return pd.DataFrame(rows, columns=["region_code", "name", "lon", "lat", "figures", "targets", "actuals"])


def coverage_view(dataset: Dataset, frame: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, list[str], list[str | None]]:
    """The coverage matrix as shown: region (indented by depth), one column per category, total.

    Regions run in tree order (a province, then what lies within it); an empty cell means no
    figure. Returns the table, the region code of each row, and the category key of each
    column (None for the region and total columns), so a selected cell leads to Browse.
    """
    ref = dataset.reference
    counts = pd.crosstab(frame["region_code"], frame["category"])
    keys = [key for key in ref.categories if key in counts.columns]
    paths = {code: list(reversed([code] + ref.ancestors(code))) for code in counts.index}
    codes = sorted(paths, key=lambda c: paths[c])
    region_col = t("col.region", lang)
    table = pd.DataFrame({region_col: ["\u3000" * max(len(paths[c]) - 2, 0) + localised(ref.regions[c], lang) for c in codes]})
    for key in keys:
        table[localised(ref.categories[key], lang)] = counts.loc[codes, key].where(lambda v: v > 0).astype("Int64").to_numpy()
    table[t("col.total", lang)] = counts.loc[codes].sum(axis=1).astype("Int64").to_numpy()
    return table, codes, [None, *keys, None]


def picked_cell(selection, codes: list[str], keys: list[str | None], columns: list[str]) -> tuple[str, str | None] | None:
    """(region code, category key or None) of a selected coverage cell, or None when nothing is selected."""
    cells = selection.get("cells", []) if isinstance(selection, dict) else getattr(selection, "cells", [])
    if not cells:
        return None
    row, column = cells[0]
    if not 0 <= row < len(codes) or column not in columns:
        return None
    return codes[row], keys[columns.index(column)]


# ---------------------------------------------------------------- the map

BASEMAP_PATH = Path(__file__).resolve().parents[1] / "charts" / "basemap.json"


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
        x=counts["lon"], y=counts["lat"], mode="markers+text", text=counts["name"], textposition=label_positions(counts),
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


NEAR_DEGREES = 3.0  # points closer than this (lon/lat degrees) would print their names over each other


def label_positions(counts: pd.DataFrame) -> list[str]:
    """Where each point's name goes: above it, unless a neighbour is near (Nan'an and Qijiang are 50 km
    apart); then the names of neighbours go to alternate sides, left and right, away from each other."""
    positions = ["top center"] * len(counts)
    points = list(zip(counts["lon"], counts["lat"]))
    for i, (lon, lat) in enumerate(points):
        near = [j for j, (x, y) in enumerate(points) if j != i and abs(x - lon) < NEAR_DEGREES and abs(y - lat) < NEAR_DEGREES]
        if not near:  # a point just south of another (Laibin under Qijiang): its name goes below it
            above = any(0 < y - lat < 2.5 * NEAR_DEGREES and abs(x - lon) < 1.5 * NEAR_DEGREES for x, y in points)
            positions[i] = "bottom center" if above else "top center"
            continue
        cluster = sorted([i, *near], key=lambda k: (-points[k][1], points[k][0]))  # north first
        rank = cluster.index(i)
        positions[i] = ("middle left", "middle right", "bottom left", "bottom right")[rank % 4]
    return positions


def page_charts(dataset: Dataset, frame: pd.DataFrame, regions: list[str] | None, lang: str) -> list[ChartSpec]:
    """The page's charts: the map (regions do not narrow it)."""
    counts = region_counts(dataset, frame, lang)
    return [overview_map(counts, cited(frame, dataset.sources), lang)] if len(counts) else []
