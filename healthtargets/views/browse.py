"""What the browse page shows: the region picker's levels, filters, the figures table, a figure's detail."""

from __future__ import annotations

import pandas as pd

from healthtargets.charts.spec import ChartSpec
from healthtargets.dataset.load import Dataset
from healthtargets.dataset.regions import (
    COUNTRY,
    RegionNode,
    children_of,
    level_name,
    region_figures,
    region_name,
    region_path,
    tier_key,
)
from healthtargets.i18n import col, localised, name, t

from .compare import compare_chart
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
        "evidence": [words(r) for r in frame[["evidence", "locator", "description"]].to_dict("records")],
        "source": frame["issuer"].map(lambda issuer: name("issuer", issuer, lang)),
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


PICKER_HEADINGS = {"province": "browse.province", "prefecture": "browse.city", "county": "browse.district"}


def picker_label(dataset: Dataset, depth: int, options: list[str], lang: str) -> str:
    """The heading of the picker at ``depth`` (0, 1, 2) over the region codes it offers: what they are.

    Under a municipality the second picker offers districts and counties and says so (Chongqing's
    districts are not cities); with nothing to offer, the level usual at that depth.
    """
    if not options:
        return t(("browse.province", "browse.city", "browse.district")[depth], lang)
    return t(PICKER_HEADINGS[tier_key(dataset.reference, options)], lang)


def findable(roots: list[RegionNode]) -> list[str]:
    """Every region of the tree, top down: what the region search offers."""
    return [node.code for root in roots for node in root.walk()]


def found_label(dataset: Dataset, code: str, lang: str) -> str:
    """A region as the search lists it: its name, then its level and the regions above it, nearest first
    ('金秀瑶族自治县（自治县 · 来宾市 · 广西壮族自治区）', "Nan'an District (district · Chongqing)")."""
    above = [region_name(dataset.reference, c, lang) for c in reversed(region_path(dataset.reference, code)[:-1])]
    aside = [level_name(dataset.reference, code, lang), *above]
    return region_name(dataset.reference, code, lang) + t("punct.aside", lang, text=" · ".join(aside))


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
    present = {field: set(rows[field].unique().tolist()) for field in ("category", "kind", "confidence")}
    categories = [key for key in dataset.reference.categories if key in present["category"]]
    kinds = [k for k in ("target", "actual", "forecast") if k in present["kind"]]
    years = sorted((int(y) for y in rows["year"].dropna().unique()), reverse=True)
    confidence = [c for c in ("high", "medium", "low") if c in present["confidence"]]
    return {"category": categories, "kind": kinds, "year": years, "confidence": confidence}


def apply_filters(rows: pd.DataFrame, filters: dict[str, object]) -> pd.DataFrame:
    """Rows matching every given filter (None means any)."""
    mask = pd.Series(True, index=rows.index)
    for field in FILTERS:
        value = filters.get(field)
        if value is not None:
            mask &= rows[field] == value
    return rows[mask]


def table(dataset: Dataset, rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The figures table as shown: the reader's columns of the rows (a page of them), children's figures marked."""
    shown = display_frame(dataset, rows, lang)
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
        (t("col.definition", lang), row[col("definition", lang)]),
        (t("col.scope", lang), _text(row[col("scope", lang)])),
        *_provenance(row, lang),
        (t("col.source", lang), _title_with_original(source, lang)),
        (t("col.issuer", lang), name("issuer", source.issuer, lang)),
        (t("col.doc_number", lang), source.doc_number or unknown),
        (t("col.type", lang), name("source_type", source.type, lang)),
        (t("col.date_written", lang), source.date_written.isoformat() if source.date_written else unknown),
        (t("col.date_published", lang), source.date_published.isoformat() if source.date_published else unknown),
        (t("col.url", lang), source.url or unknown),
        (t("col.note", lang), _text(row["note"])),
    ]
    return pairs


def _text(value) -> str:
    """A cell's text, with "—" for nothing (None and NaN alike)."""
    return "—" if value is None or (isinstance(value, float) and pd.isna(value)) or value == "" else str(value)


def _provenance(row, lang: str) -> list[tuple[str, str]]:
    """Where in its document a figure stands: the words quoted from a stored text, or for public
    material the locator and our own description."""
    if isinstance(row["evidence"], str):
        return [(t("col.evidence", lang), row["evidence"])]
    return [(t("col.locator", lang), _text(row["locator"])), (t("col.description", lang), _text(row["description"]))]


def words(row) -> str:
    """The figures table's "from the document" cell: the quoted evidence, else 'locator · description'."""
    if isinstance(row["evidence"], str):
        return row["evidence"]
    return " · ".join(part for part in (row["locator"], row["description"]) if isinstance(part, str))


def download_frame(frame: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The filtered figures with every column of the figures table (what CSV/Excel carry)."""
    return frame.loc[rows.index].assign(from_child_region=rows["from_child"].to_numpy())


def _title_with_original(source, lang: str) -> str:
    """The source's title in the reader's language, followed by the original when that differs."""
    title = localised(source, lang, "title")
    return title if title == source.title else title + t("punct.aside", lang, text=source.title)


MAX_CHART_REGIONS = 8  # regions along one chart's axis before it gets unreadable
CHART_PLOT_WIDTH = 440  # px of plot in the page's chart column (3/5 of the page): its x labels wrap to fit


def chart_groups(rows: pd.DataFrame) -> list[str]:
    """Comparability groups of the rows, most figures first: the choices of Browse's chart."""
    counts = rows.groupby("group").size().rename("n").reset_index()
    return list(counts.sort_values(["n", "group"], ascending=[False, True])["group"])


def values_chart(dataset: Dataset, frame: pd.DataFrame, rows: pd.DataFrame, group: str, place: str, lang: str,
                 chart_name: str | None = None) -> ChartSpec:
    """The values of one comparability group in the rows: a bar per figure, by region (the chosen one
    and the regions within it), targets hatched, actuals solid, with national benchmarks."""
    part = rows[rows["group"] == group]
    codes = list(dict.fromkeys(part["region_code"]))[:MAX_CHART_REGIONS]
    shown = pd.concat([part, frame[(frame["region_code"] == COUNTRY) & (frame["group"] == group)]])
    title = t("browse.chart_title", lang, region=place, group=localised(dataset.reference.groups[group], lang))
    return compare_chart(shown, dataset.sources, codes, group, dataset.reference, lang, page="browse",
                         chart_name=chart_name or f"values-{group}", title=title, plot_width=CHART_PLOT_WIDTH)


def page_charts(dataset: Dataset, frame: pd.DataFrame, regions: list[str] | None, lang: str) -> list[ChartSpec]:
    """The page's chart for each region (everywhere when none is given): its group with the most figures."""
    specs = []
    for code in regions or [None]:
        rows = region_rows(dataset, frame, code)
        groups = chart_groups(rows)
        place = localised(dataset.reference.regions[code], lang) if code else t("browse.everywhere", lang)
        if groups:
            specs.append(values_chart(dataset, frame, rows, groups[0], place, lang,
                                      chart_name=f"values-{groups[0]}-{code or 'all'}"))
    return specs
