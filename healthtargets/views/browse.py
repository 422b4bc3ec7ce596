"""What the browse page shows: the region picker's levels, filters, the figures table, a figure's detail."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from healthtargets.charts.spec import ChartSpec
from healthtargets.charts.theme import KIND_COLORS, cited, foot, themed
from healthtargets.dataset.load import Dataset
from healthtargets.dataset.regions import (
    RegionNode,
    children_of,
    region_figures,
    region_path,
)
from healthtargets.dataset.schema import Source
from healthtargets.i18n import col, localised, name, t

from .formatting import format_base, format_figure

FILTERS = ("category", "kind", "year", "confidence")
LEVELS = 3  # province -> city -> district


def display_frame(dataset: Dataset, frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Reader's columns for every figure (same index as frame): value as written, normalised, names."""
    units = dataset.reference.units
    records = frame[["qualifier", "value", "low", "high", "unit", "base_value", "base_low", "base_high", "base_unit"]].to_dict("records")
    return pd.DataFrame({
        "figure_id": frame["figure_id"],
        "region": frame[col("region", lang)],
        "metric": frame[col("metric", lang)],
        "category": frame[col("category", lang)],
        "value_text": [format_figure(r, lang, units) for r in records],
        "normalised": [_normalised(r, lang, units) for r in records],
        "year": frame["year"],
        "kind": frame["kind"].map(lambda k: name("kind", k, lang)),
        "confidence": frame["confidence"].map(lambda c: name("confidence", c, lang)),
        "evidence": frame["evidence"],
        "source": frame["issuer"],
    }, index=frame.index)


def _normalised(record: dict, lang: str, units) -> str:
    if pd.isna(record["base_value"]) and not pd.isna(record["base_low"]):
        low = format_base(record["base_low"], record["base_unit"], lang, units)
        return f"{low} – {format_base(record['base_high'], record['base_unit'], lang, units)}"
    return format_base(record["base_value"], record["base_unit"], lang, units)


def picker_levels(dataset: Dataset, roots: list[RegionNode], code: str | None) -> list[str | None]:
    """The picker's three choices for a region code: ['500000', '500108', None]; all None if unknown."""
    if not code or code not in dataset.reference.regions:
        return [None] * LEVELS
    path = region_path(dataset.reference, code)
    levels, options = [], roots
    for step in path[:LEVELS]:
        if step not in {n.code for n in options}:
            break
        levels.append(step)
        options = children_of(roots, step)
    return (levels + [None] * LEVELS)[:LEVELS]


def chosen_region(levels: list[str | None]) -> str | None:
    """The deepest chosen level."""
    picked = [code for code in levels if code]
    return picked[-1] if picked else None


def region_rows(dataset: Dataset, frame: pd.DataFrame, code: str | None) -> pd.DataFrame:
    """The figures of a region with those of the regions within it (from_child marks them); all without one."""
    if code is None:
        rows = frame.copy()
        rows["from_child"] = False
        return rows
    return region_figures(frame, dataset.reference, code)


def filter_options(rows: pd.DataFrame, dataset: Dataset) -> dict[str, list]:
    """Choices each filter offers over a region's figures, in a stable order."""
    categories = [key for key in dataset.reference.categories if key in set(rows["category"])]
    kinds = [k for k in ("target", "actual", "forecast") if k in set(rows["kind"])]
    years = sorted({int(y) for y in rows["year"].dropna()}, reverse=True)
    confidence = [c for c in ("high", "medium", "low") if c in set(rows["confidence"])]
    return {"category": categories, "kind": kinds, "year": years, "confidence": confidence}


def apply_filters(rows: pd.DataFrame, filters: dict[str, object]) -> pd.DataFrame:
    """Rows matching every given filter (None means any)."""
    mask = pd.Series(True, index=rows.index)
    for field in FILTERS:
        value = filters.get(field)
        if value is not None:
            mask &= rows[field] == value
    return rows[mask]


def table(display: pd.DataFrame, rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The figures table as shown: the display columns of the rows, children's figures marked."""
    shown = display.loc[rows.index].copy()
    within = rows["from_child"].to_numpy()
    shown["region"] = [t("browse.from_child", lang, region=r) if w else r for r, w in zip(shown["region"], within)]
    return shown


def detail(dataset: Dataset, frame: pd.DataFrame, figure_id: str, lang: str) -> list[tuple[str, str]] | None:
    """A figure's detail as (label, text) pairs, or None if the id is unknown."""
    match = frame[frame["figure_id"] == figure_id]
    if match.empty:
        return None
    row = match.iloc[0]
    units = dataset.reference.units
    source = dataset.sources[row["source_id"]]
    unknown = t("sources.unknown", lang)
    pairs = [
        (t("col.metric", lang), f"{row['metric_zh']} · {row['metric_en']}"),
        (t("col.region", lang), row[col("region", lang)]),
        (t("col.value", lang), format_figure(row, lang, units)),
        (t("col.normalised", lang), _normalised(row.to_dict(), lang, units)),
        (t("col.kind", lang), name("kind", row["kind"], lang)),
        (t("col.year", lang), str(row["year"]) if not pd.isna(row["year"]) else unknown),
        (t("col.confidence", lang), name("confidence", row["confidence"], lang)),
        (t("col.scope", lang), row[col("scope", lang)] or "—"),
        (t("col.source", lang), _title_with_original(source, lang)),
        (t("col.issuer", lang), source.issuer),
        (t("col.doc_number", lang), source.doc_number or unknown),
        (t("col.type", lang), name("source_type", source.type, lang)),
        (t("col.date_written", lang), source.date_written.isoformat() if source.date_written else unknown),
        (t("col.date_published", lang), source.date_published.isoformat() if source.date_published else unknown),
        (t("col.url", lang), source.url or unknown),
        (t("col.note", lang), row["note"] or "—"),
    ]
    return pairs


def download_frame(frame: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The filtered figures with every column of the figures table (what CSV/Excel carry)."""
    return frame.loc[rows.index].assign(from_child_region=rows["from_child"].to_numpy())


def _title_with_original(source, lang: str) -> str:
    """The source's title in the reader's language, followed by the original when that differs."""
    title = localised(source, lang, "title")
    return title if title == source.title else title + t("punct.aside", lang, text=source.title)


def figures_by_category(frame: pd.DataFrame, region_name: str, categories: list[tuple[str, str]],
                        sources: list[Source], lang: str, chart_name: str = "figures-by-category") -> ChartSpec:
    """Stacked bars: figures per category, split by kind (target / actual / forecast)."""
    order = [label for key, label in categories if key in set(frame["category"])]
    label_of = dict(categories)
    counts = (frame.assign(category_label=frame["category"].map(label_of))
              .groupby(["category_label", "kind"]).size().rename("figures").reset_index())
    fig = go.Figure()
    for kind in ("target", "actual", "forecast"):
        part = counts[counts["kind"] == kind].set_index("category_label").reindex(order)
        if part["figures"].notna().any():
            fig.add_trace(go.Bar(x=order, y=part["figures"].fillna(0), name=name("kind", kind, lang),
                                 marker_color=KIND_COLORS[kind],
                                 hovertemplate="%{x}: %{y}<extra>" + name("kind", kind, lang) + "</extra>"))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(tickformat=",d", rangemode="tozero")
    title = t("browse.chart_title", lang, region=region_name)
    themed(fig, title=title, x_title=t("browse.chart_x", lang), y_title=t("browse.chart_y", lang),
           source_line=foot(sources, lang), lang=lang)
    data = counts.rename(columns={"category_label": col("category", lang)})
    return ChartSpec("browse", chart_name, title, fig, data, sources, lang)


def page_charts(dataset: Dataset, frame: pd.DataFrame, regions: list[str] | None, lang: str) -> list[ChartSpec]:
    """The page's chart for each region (everywhere when none is given)."""
    ref = dataset.reference
    categories = [(k, localised(c, lang)) for k, c in ref.categories.items()]
    specs = []
    for code in regions or [None]:
        rows = region_rows(dataset, frame, code)
        if rows.empty:
            continue
        place = localised(ref.regions[code], lang) if code else t("browse.everywhere", lang)
        specs.append(figures_by_category(rows, place, categories, cited(rows, dataset.sources), lang,
                                         chart_name=f"figures-by-category-{code or 'all'}"))
    return specs
