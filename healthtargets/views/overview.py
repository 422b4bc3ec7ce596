"""What the overview page shows: headline numbers, figures per region, coverage, newest documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from healthtargets.charts.spec import ChartSpec
from healthtargets.charts.theme import cited
from healthtargets.dataset.load import Dataset
from healthtargets.dataset.schema import Source
from healthtargets.i18n import localised, t

from .overview_map import overview_map, region_counts


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


def map_chart(dataset: Dataset, frame: pd.DataFrame, lang: str) -> ChartSpec:
    """The map of China: targets by province, figures by city and district."""
    return overview_map(dataset, frame, region_counts(dataset, frame, lang), cited(frame, dataset.sources), lang)


def page_charts(dataset: Dataset, frame: pd.DataFrame, regions: list[str] | None, lang: str) -> list[ChartSpec]:
    """The page's charts: the map (regions do not narrow it)."""
    return [map_chart(dataset, frame, lang)]
