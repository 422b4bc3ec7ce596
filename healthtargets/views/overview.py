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
    regions = dataset.reference.regions
    codes = [code for code in counts.index if regions[code].point is not None]
    counts = counts.loc[codes]
    return pd.DataFrame({
        "region_code": codes, "name": [localised(regions[code], lang) for code in codes],
        "lon": [regions[code].point[0] for code in codes], "lat": [regions[code].point[1] for code in codes],
        "figures": counts.sum(axis=1).to_numpy(dtype="int64"), "targets": counts["target"].to_numpy(dtype="int64"),
        "actuals": counts["actual"].to_numpy(dtype="int64"),
    }, columns=["region_code", "name", "lon", "lat", "figures", "targets", "actuals"])


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

    The MAX_LABELS regions with the most figures are named on the map; every point names its
    region on hover (a national data set has thousands, whose names would cover the map).

    ``counts`` has region_code, name, lon, lat, figures, targets, actuals.
    """
    outline = basemap()
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=outline["lon"], y=outline["lat"], mode="lines", hoverinfo="skip",
                             line={"color": "#b0bec5", "width": 0.8}, showlegend=False, name="outline"))
    hover = [t("overview.map_hover", lang, targets=r.targets, actuals=r.actuals) for r in counts.itertuples()]
    size = (counts["figures"].clip(lower=1) ** 0.5 * 7).clip(upper=60) if len(counts) else []
    named = counts.index.isin(counts.nlargest(MAX_LABELS, "figures", keep="first").index)
    positions = pd.Series("top center", index=counts.index)
    positions[named] = label_positions(counts[named])
    fig.add_trace(go.Scatter(
        x=counts["lon"], y=counts["lat"], mode="markers+text", text=counts["name"].where(named, ""),
        textposition=list(positions), customdata=list(zip(counts["figures"], hover, counts["name"])),
        showlegend=False, name="regions",
        marker={"size": size, "color": COLORS[0], "opacity": 0.75, "line": {"color": "white", "width": 1}},
        hovertemplate="<b>%{customdata[2]}</b><br>" + t("overview.figures_n", lang, n="%{customdata[0]}")
        + "<br>%{customdata[1]}<extra></extra>",
    ))
    fig.update_xaxes(range=[73, 136], showgrid=False, zeroline=False, ticksuffix="°")
    fig.update_yaxes(range=[17, 54], showgrid=False, zeroline=False, ticksuffix="°", scaleanchor="x", scaleratio=1.2)
    title = t("chart.map_title", lang)
    themed(fig, title=title, x_title=t("chart.lon", lang), y_title=t("chart.lat", lang),
           source_line=foot(sources, lang), lang=lang, height=520)
    return ChartSpec("overview", "figures-per-region-map", title, fig, counts, sources, lang)


MAX_LABELS = 40  # regions named on the map itself
NEAR_DEGREES = 3.0  # points closer than this (lon/lat degrees) would print their names over each other


def label_positions(counts: pd.DataFrame) -> list[str]:
    """Where each point's name goes: above it, unless a neighbour is near (Nan'an and Qijiang are 50 km
    apart); then the names of neighbours go to alternate sides, left and right, away from each other.

    Neighbours are looked up in a grid of NEAR_DEGREES cells, so the time grows with the points, not
    their square (a national data set has some 3,000).
    """
    points = list(zip(counts["lon"], counts["lat"]))
    grid: dict[tuple[int, int], list[int]] = {}
    for k, (x, y) in enumerate(points):
        grid.setdefault(_cell(x, y), []).append(k)

    def around(lon: float, lat: float, wide: int, up: int) -> list[int]:
        col, row = _cell(lon, lat)
        return [k for c in range(col - wide, col + wide + 1) for r in range(row - 1, row + up + 1) for k in grid.get((c, r), ())]

    positions = ["top center"] * len(points)
    for i, (lon, lat) in enumerate(points):
        near = [j for j in around(lon, lat, 1, 1)
                if j != i and abs(points[j][0] - lon) < NEAR_DEGREES and abs(points[j][1] - lat) < NEAR_DEGREES]
        if not near:  # a point just south of another (Laibin under Qijiang): its name goes below it
            above = any(0 < points[k][1] - lat < 2.5 * NEAR_DEGREES and abs(points[k][0] - lon) < 1.5 * NEAR_DEGREES
                        for k in around(lon, lat, 2, 3))
            positions[i] = "bottom center" if above else "top center"
            continue
        cluster = sorted([i, *near], key=lambda k: (-points[k][1], points[k][0]))  # north first
        rank = cluster.index(i)
        positions[i] = ("middle left", "middle right", "bottom left", "bottom right")[rank % 4]
    return positions


def _cell(lon: float, lat: float) -> tuple[int, int]:
    return int(lon // NEAR_DEGREES), int(lat // NEAR_DEGREES)


def page_charts(dataset: Dataset, frame: pd.DataFrame, regions: list[str] | None, lang: str) -> list[ChartSpec]:
    """The page's charts: the map (regions do not narrow it)."""
    counts = region_counts(dataset, frame, lang)
    return [overview_map(counts, cited(frame, dataset.sources), lang)] if len(counts) else []
