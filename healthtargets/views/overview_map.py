"""The overview's map of China: provinces shaded by their targets, a bubble per city or district sized by
its figures, named where the name fits, and the South China Sea islands in an inset.

Drawn with plain cartesian scatter traces over china_map's shapes, axes hidden and degrees kept
in proportion, so that nothing is fetched from a CDN and the image export draws the same map.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from healthtargets.charts import china_map as geo
from healthtargets.charts.spec import ChartSpec
from healthtargets.charts.theme import COLORS, SOURCE_LINE_PX, escape_text, foot, themed, wrapped_lines
from healthtargets.dataset.load import Dataset
from healthtargets.dataset.schema import Source
from healthtargets.i18n import localised, t

from .map_labels import LABEL_FONT, label_positions, to_px
from .tally import tally

SHADES = ("#f1f3f4", "#d6e8ef", "#9fc8da", "#5a9bb8", "#1f6f8b")  # no targets, then four classes, light to dark
BUBBLE = COLORS[1]
BUBBLE_PX = 40  # diameter of the largest bubble
LEGEND_STEP = 12  # px between the diameters of the size legend's circles
SIZE_LEGEND_AT = (76.0, 17.2)  # lon/lat of the foot of the bubble-size legend's circles (land-free corner)
TOP = 130  # px above the map: the title and the legend of shades
HEIGHT = 620  # px of the figure above its source line: a plot some 450 px tall, 9.9 px a degree
SOURCE_CHARS = {"zh": 30, "en": 52}  # the source line fits a phone's 390 px
# the map's height over its width (0.72): a page narrower than the image draws the plot at this aspect
MAP_ASPECT = (geo.MAIN_BOX[3] - geo.MAIN_BOX[1]) * geo.ASPECT / (geo.MAIN_BOX[2] - geo.MAIN_BOX[0])


def province_of(dataset: Dataset, code: str) -> str | None:
    """The province-level region a region lies in (itself for a province); None for the country."""
    chain = [code, *dataset.reference.ancestors(code)]
    return next((c for c in chain if dataset.reference.regions[c].level == "province"), None)


def province_targets(dataset: Dataset, frame: pd.DataFrame) -> dict[str, int]:
    """Targets per province, counting those of every city and district within it; the country's own left out."""
    counts: dict[str, int] = {}
    for code, n in frame.loc[frame["kind"] == "target", "region_code"].value_counts().items():
        province = province_of(dataset, code)
        if province:
            counts[province] = counts.get(province, 0) + int(n)
    return counts


def region_counts(dataset: Dataset, frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per city, district or county with figures and a known place: name, lon, lat, figures, targets, actuals.

    The place is the gazetteer's point, else the centre of the region's shape on the map.
    Provinces are shaded rather than marked, and the country is not a place on the map.
    """
    counts = tally(frame, "region_code", "kind")
    for kind in ("target", "actual", "forecast"):
        if kind not in counts:
            counts[kind] = 0
    regions = dataset.reference.regions
    places = {code: regions[code].point or geo.centre(code) for code in counts.index
              if regions[code].level not in ("country", "province")}
    codes = [code for code, place in places.items() if place is not None]
    counts = counts.loc[codes]
    return pd.DataFrame({
        "region_code": codes, "name": [localised(regions[code], lang) for code in codes],
        "lon": [places[code][0] for code in codes], "lat": [places[code][1] for code in codes],
        "figures": counts.sum(axis=1).to_numpy(dtype="int64"), "targets": counts["target"].to_numpy(dtype="int64"),
        "actuals": counts["actual"].to_numpy(dtype="int64"),
    }, columns=["region_code", "name", "lon", "lat", "figures", "targets", "actuals"])


def shade_breaks(top: int) -> list[int]:
    """Lower bounds of the shaded classes of target counts: 1, then round numbers near top/8, top/4, top/2."""
    breaks = [1]
    for share in (8, 4, 2):
        step = _round_number(top / share)
        if step > breaks[-1]:
            breaks.append(step)
    return breaks


def _round_number(x: float) -> int:
    """The largest of 1, 2, 5, 10, 20, 50 … not above x (1 for less)."""
    best, n = 1, 1
    while n <= x:
        best = n
        n = n * 5 // 2 if str(n)[0] == "2" else n * 2
    return best


def shade_of(n: int, breaks: list[int]) -> int:
    """The class of a count: 0 for none, else 1 + the number of breaks it passes after the first."""
    return sum(n >= b for b in breaks)


def class_label(k: int, breaks: list[int], lang: str) -> str:
    if k == 0:
        return t("overview.map_no_targets", lang)
    low = breaks[k - 1]
    if k == len(breaks):
        return t("overview.map_or_more", lang, n=low)
    high = breaks[k] - 1
    return str(low) if high == low else f"{low}–{high}"


def bubble_size(figures, top: int) -> list[float]:
    """Marker diameters in px: the area grows with the count, the ``top`` count gets BUBBLE_PX."""
    return list((pd.Series(figures, dtype="float64").clip(lower=1) / max(top, 1)) ** 0.5 * BUBBLE_PX)


def overview_map(dataset: Dataset, frame: pd.DataFrame, counts: pd.DataFrame, sources: list[Source], lang: str) -> ChartSpec:
    """The map: shaded provinces (targets within each), bubbles (figures of each city or district), the inset.

    ``counts`` is region_counts(); the MAX_LABELS largest bubbles are named where the name fits.
    """
    targets = province_targets(dataset, frame)
    breaks = shade_breaks(max(targets.values(), default=0))
    fig = go.Figure()
    _provinces(fig, dataset, targets, breaks, lang)
    border_x, border_y = geo.xy(geo.china_map()["border"])
    fig.add_trace(go.Scatter(x=border_x, y=border_y, mode="lines", line={"color": "#78909c", "width": 1},
                             hoverinfo="skip", showlegend=False, name="border"))
    _inset(fig, lang)
    _bubbles(fig, counts, lang)
    _size_legend(fig, counts["figures"].max() if len(counts) else 0, lang)
    west, south, east, north = geo.MAIN_BOX
    # the map keeps its box and shrinks its drawing area to fit (constrain="domain"): were its ranges
    # widened instead, a browser redrawing it at another size widens them again from the widened ones
    fig.update_xaxes(range=[west, east], visible=False, showgrid=False, zeroline=False, constrain="domain")
    fig.update_yaxes(range=[south, north], visible=False, showgrid=False, zeroline=False,
                     scaleanchor="x", scaleratio=geo.ASPECT, constrain="domain")
    title = t("chart.map_title", lang)
    source_line = foot(sources, lang)
    themed(fig, title=title, x_title=None, y_title=None, source_line=source_line, lang=lang, height=HEIGHT, foot_gap=8)
    _narrow_source_line(fig, source_line, lang)
    # Placed in px from the figure's top and the map's top, never as fractions of the figure's height:
    # on a phone the page draws the figure shorter than its image (ui/layout.py, phone_fit_css), and the
    # legend wraps onto two rows there, growing upwards from the map towards the title; its heading
    # sits above its items ("top": plotly's "left" and "top left" indent every row by the heading's width)
    fig.update_layout(margin={"l": 8, "r": 8, "t": TOP}, plot_bgcolor="white",
                      title={"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 12}},
                      legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1, "yanchor": "bottom",
                              "title": {"text": t("overview.map_legend", lang), "side": "top", "font": {"size": 12}},
                              "font": {"size": 11}, "itemclick": False, "itemdoubleclick": False})
    return ChartSpec("overview", "figures-per-region-map", title, fig, counts, sources, lang)


def _narrow_source_line(fig: go.Figure, line: str, lang: str) -> None:
    """Wrap the source line to SOURCE_CHARS, which a phone's width holds, and grow the foot to fit."""
    note = next(a for a in fig.layout.annotations if a.name == "source-line")
    before = note.text.count("<br>") + 1
    lines = wrapped_lines(line, SOURCE_CHARS[lang])
    note.text = "<br>".join(escape_text(x) for x in lines)
    extra = SOURCE_LINE_PX * (len(lines) - before)
    fig.update_layout(margin={"b": fig.layout.margin.b + extra}, height=fig.layout.height + extra)


def _provinces(fig: go.Figure, dataset: Dataset, targets: dict[str, int], breaks: list[int], lang: str) -> None:
    """One filled shape per province (hover names it and its targets); the legend shows each class once."""
    shown = set()
    for code, rings in geo.china_map()["provinces"].items():
        n = targets.get(code, 0)
        k = shade_of(n, breaks)
        region = dataset.reference.regions.get(code)
        x, y = geo.xy(rings)
        fig.add_trace(go.Scatter(
            x=x, y=y, mode="lines", fill="toself", fillcolor=SHADES[k], line={"color": "white", "width": 0.7},
            name=class_label(k, breaks, lang), legendgroup=f"shade{k}", showlegend=k not in shown, legendrank=k,
            hoveron="fills", hoverinfo="text" if region else "skip",
            text=t("overview.map_province_hover", lang, region=localised(region, lang), n=n) if region else None,
        ))
        shown.add(k)


def _inset(fig: go.Figure, lang: str) -> None:
    """The South China Sea box: its frame, China's islands and coasts in it, the maritime boundary's dashes."""
    inset = geo.china_map()["inset"]
    frame_x, frame_y = geo.xy([geo.inset_frame()])
    fig.add_trace(go.Scatter(x=frame_x, y=frame_y, mode="lines", fill="toself", fillcolor="white",
                             line={"color": "#78909c", "width": 1}, hoverinfo="skip", showlegend=False, name="inset"))
    land_x, land_y = geo.xy(inset["land"], geo.to_inset)
    fig.add_trace(go.Scatter(x=land_x, y=land_y, mode="lines", fill="toself", fillcolor=SHADES[0],
                             line={"color": "#78909c", "width": 0.6}, hoverinfo="skip", showlegend=False, name="inset-land"))
    dash_x, dash_y = geo.xy(inset["dashes"], geo.to_inset)
    fig.add_trace(go.Scatter(x=dash_x, y=dash_y, mode="lines", line={"color": "#78909c", "width": 1.2},
                             hoverinfo="skip", showlegend=False, name="inset-dashes"))
    corner = geo.inset_frame()[1]  # lower right
    fig.add_annotation(x=corner[0], y=corner[1], xanchor="right", yanchor="bottom", showarrow=False, xshift=-2, yshift=1,
                       text=t("overview.map_inset", lang), font={"size": 9, "color": "#607d8b"})


def _bubbles(fig: go.Figure, counts: pd.DataFrame, lang: str) -> None:
    hover = [t("overview.map_hover", lang, targets=r.targets, actuals=r.actuals) for r in counts.itertuples()]
    size = bubble_size(counts["figures"], counts["figures"].max() if len(counts) else 1)
    positions = label_positions(counts, size, keep_clear())
    fig.add_trace(go.Scatter(
        x=counts["lon"], y=counts["lat"], mode="markers+text", showlegend=False, name="regions",
        meta={"summary_rank": -1},  # a screen reader hears the regions first, then the provinces
        text=[name if where else "" for name, where in zip(counts["name"], positions)],
        textposition=[where or "top center" for where in positions], textfont={"size": LABEL_FONT, "shadow": "auto"},
        customdata=np.array(list(zip(counts["figures"].tolist(), hover, counts["name"])), dtype=object).reshape(-1, 3),
        marker={"size": list(size), "color": BUBBLE, "opacity": 0.8, "line": {"color": "white", "width": 1}},
        hovertemplate="<b>%{customdata[2]}</b><br>" + t("overview.figures_n", lang, n="%{customdata[0]}")
        + "<br>%{customdata[1]}<extra></extra>",
    ))


def size_steps(top: int) -> list[int]:
    """The bubble sizes the legend shows: round numbers down from the largest not above the top count,
    each circle at least LEGEND_STEP px narrower than the last, so that their labels stand apart."""
    steps: list[int] = []
    for n in (1000, 500, 200, 100, 50, 20, 10, 5, 2, 1):
        if n <= top and (not steps or bubble_size([n], top)[0] <= bubble_size([steps[-1]], top)[0] - LEGEND_STEP):
            steps.append(n)
    return steps[:3]


def _size_legend(fig: go.Figure, top: int, lang: str) -> None:
    """Nested circles standing on one point in the land-free lower left, each labelled with its count."""
    steps = size_steps(int(top))
    if not steps:
        return
    x, y = SIZE_LEGEND_AT
    diameters = bubble_size(steps, top)
    widest = max(diameters)
    for n, d in sorted(zip(steps, diameters), reverse=True):
        fig.add_shape(type="circle", xref="x", yref="y", xsizemode="pixel", ysizemode="pixel", xanchor=x, yanchor=y,
                      x0=-d / 2, x1=d / 2, y0=0, y1=d, line={"color": BUBBLE, "width": 1}, fillcolor="rgba(0,0,0,0)")
        fig.add_annotation(x=x, y=y, xshift=widest / 2 + 4, yshift=d, xanchor="left", yanchor="middle",
                           showarrow=False, text=f"{n:,}", font={"size": 10, "color": "#455a64"}, name="size-legend")
    fig.add_annotation(x=x, y=y, xshift=-widest / 2, yshift=widest + 4, xanchor="left", yanchor="bottom",
                       showarrow=False, align="left", text=t("overview.map_size_legend", lang),
                       font={"size": 10, "color": "#455a64"}, name="size-legend")


def keep_clear() -> list[tuple[float, float, float, float]]:
    """px boxes no name may cover: the inset and the bubble-size legend."""
    (x0, y0), (x1, y1) = to_px(*geo.inset_frame()[0]), to_px(*geo.inset_frame()[2])
    lx, ly = to_px(*SIZE_LEGEND_AT)
    return [(x0, y0, x1, y1), (lx - 30, ly, lx + 90, ly + 90)]
