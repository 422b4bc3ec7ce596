"""What the overview page shows: headline numbers, figures per region, coverage, newest documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from healthtargets.charts.spec import ChartSpec
from healthtargets.charts.theme import cited
from healthtargets.dataset.load import Dataset
from healthtargets.dataset.regions import COUNTRY, level_name, region_path, regions_with_figures
from healthtargets.dataset.schema import Source
from healthtargets.i18n import localised, t

from .overview_map import overview_map, region_counts
from .tally import tally


@dataclass
class Headline:
    documents: int
    regions: int  # regions below the country with figures of their own
    targets: int
    actuals: int
    newest: Source | None
    regions_by_level: dict[str, int]  # province, prefecture, county: how many of those regions


def headline(dataset: Dataset, frame: pd.DataFrame) -> Headline:
    kinds = frame["kind"].value_counts()
    codes = [code for code in frame["region_code"].unique() if code != COUNTRY]
    levels = pd.Series([dataset.reference.regions[c].level for c in codes], dtype="object").value_counts()
    return Headline(len(dataset.sources), len(codes), int(kinds.get("target", 0)), int(kinds.get("actual", 0)),
                    next(iter(newest_documents(dataset, 1)), None),
                    {level: int(levels.get(level, 0)) for level in ("province", "prefecture", "county")})


def regions_help(top: Headline, lang: str) -> str:
    """What the regions count counts, level by level."""
    return t("overview.regions_help", lang, **top.regions_by_level)


def newest_documents(dataset: Dataset, n: int = 5) -> list[Source]:
    """The documents with the latest own date first; undated ones last."""
    dated = sorted(dataset.sources.values(), key=lambda s: (s.date or date.min, s.id), reverse=True)
    return dated[:n]


def coverage_view(dataset: Dataset, frame: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, list[str], list[str | None]]:
    """The coverage matrix as shown: region (indented under the region it lies in), its level, one column
    per category, total.

    Regions run in tree order: the country first (its national benchmarks), then each province and
    what lies within it. A region with no figure of its own is listed when a region within it has
    some, so Hanshan District sits under Handan under Hebei. A cell is a count of figures or empty.
    Returns the table, the region code of each row, and the category key of each column (None for
    the region, level and total columns), so a selected cell leads to Browse.
    """
    ref = dataset.reference
    counts = tally(frame, "region_code", "category")
    keys = [key for key in ref.categories if key in counts.columns]
    paths = {code: region_path(ref, code) for code in regions_with_figures(frame, ref)}
    codes = sorted(paths, key=lambda c: (c != COUNTRY, paths[c]))
    counts = counts.reindex(codes, fill_value=0)
    table = pd.DataFrame({
        t("col.region", lang): ["\u3000" * max(len(paths[c]) - 1, 0) + localised(ref.regions[c], lang) for c in codes],
        t("col.level", lang): [level_name(ref, c, lang) for c in codes],
    })
    for key in keys:
        table[localised(ref.categories[key], lang)] = [_count(n) for n in counts[key]]
    table[t("col.total", lang)] = [_count(n) for n in counts.sum(axis=1)]
    return table, codes, [None, None, *keys, None]


def _count(n: int) -> str:
    """A matrix cell: the count, or nothing for none."""
    return f"{n:,}" if n else ""


def picked_cell(selection, codes: list[str], keys: list[str | None], columns: list[str]) -> tuple[str, str | None] | None:
    """(region code, category key or None) of a selected coverage cell, or None when nothing is selected."""
    cells = selection.get("cells", []) if isinstance(selection, dict) else getattr(selection, "cells", [])
    if not cells:
        return None
    row, column = cells[0]
    if not 0 <= row < len(codes) or column not in columns:
        return None
    return codes[row], keys[columns.index(column)]


def map_chart(dataset: Dataset, frame: pd.DataFrame, lang: str) -> ChartSpec:
    """The map of China: targets by province, figures by city and district."""
    return overview_map(dataset, frame, region_counts(dataset, frame, lang), cited(frame, dataset.sources), lang)


def page_charts(dataset: Dataset, frame: pd.DataFrame, regions: list[str] | None, lang: str) -> list[ChartSpec]:
    """The page's charts: the map (regions do not narrow it)."""
    return [map_chart(dataset, frame, lang)]
