"""Every page's charts, as ChartSpecs, without the UI: what the image exporter's CLI draws.

page_charts("compare", dataset, frame, regions=["130402", "500108"], lang="en") gives the
charts the Compare page shows for those regions; each builder lives with its page's logic.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from healthtargets.charts import theme as charts
from . import overview
from healthtargets.charts.spec import ChartSpec
from healthtargets.i18n import localised, t
from healthtargets.dataset.load import Dataset

PAGES = ("overview", "browse", "compare", "progress", "sources")


def page_charts(page: str, dataset: Dataset, frame: pd.DataFrame, *, regions: list[str] | None = None,
                lang: str = "zh") -> list[ChartSpec]:
    """The charts of one page (regions narrow browse, compare and progress; None means the page's default)."""
    if page not in PAGES:
        raise ValueError(f"unknown page '{page}' (choose from {', '.join(PAGES)})")
    return _BUILDERS[page](dataset, frame, regions, lang)


def _overview(dataset, frame, regions, lang):
    counts = overview.region_counts(dataset, frame, lang)
    return [charts.overview_map(counts, charts.cited(frame, dataset.sources), lang)] if len(counts) else []


def _browse(dataset, frame, regions, lang):
    from .browse import region_rows

    ref = dataset.reference
    categories = [(k, localised(c, lang)) for k, c in ref.categories.items()]
    specs = []
    for code in regions or [None]:
        rows = region_rows(dataset, frame, code)
        if rows.empty:
            continue
        place = localised(ref.regions[code], lang) if code else t("browse.everywhere", lang)
        specs.append(charts.figures_by_category(rows, place, categories, charts.cited(rows, dataset.sources), lang,
                                                name=f"figures-by-category-{code or 'all'}"))
    return specs


def _compare(dataset, frame, regions, lang):
    from . import compare

    codes = regions or compare.default_regions(dataset)
    return [compare.compare_chart(frame, dataset.sources, codes, group, dataset.reference, lang)
            for group in compare.groups_compared(frame, codes)]


def _progress(dataset, frame, regions, lang):
    """The page's charts: a bullet per target with actuals, a timeline per progress.timeline_keys pair."""
    from . import progress

    ref, today = dataset.reference, dt.date.today()
    table = progress.progress_table(frame, ref, today, lang)
    keys = progress.timeline_keys(frame)
    if regions:
        table = table[table["region_code"].isin(regions)]
        keys = [(code, metric) for code, metric in keys if code in regions]
    specs = [progress.bullet_chart(frame, ref, dataset.sources, figure_id, lang, today)
             for figure_id in table.loc[table["n_actuals"] > 0, "figure_id"]]
    specs += [progress.timeline_chart(frame, ref, dataset.sources, code, metric, lang) for code, metric in keys]
    return specs


def _sources(dataset, frame, regions, lang):
    return []  # the sources page lists documents; it draws no chart


_BUILDERS = {"overview": _overview, "browse": _browse, "compare": _compare, "progress": _progress, "sources": _sources}
