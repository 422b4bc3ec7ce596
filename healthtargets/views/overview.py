"""What the overview page shows: headline numbers, figures per region, coverage, newest documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from healthtargets.i18n import col, localised, t
from healthtargets.dataset.load import Dataset
from healthtargets.dataset.schema import Source


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
