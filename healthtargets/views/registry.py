"""The dashboard's pages, in one list: what app.py navigates, the charts command draws and the tests open.

A page is its key (its URL path, and its file pages/<key>.py), its title, its icon, and the
function that builds its charts without the UI (each lives with its page's logic in views/).
page_charts("compare", dataset, frame, regions=["130402", "500108"], lang="en") gives the
charts the Compare page shows for those regions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from healthtargets.charts.spec import ChartSpec
from healthtargets.dataset.load import Dataset
from healthtargets.dataset.paths import PROJECT_DIR

from . import browse, compare, overview, progress_charts

PAGES_DIR = PROJECT_DIR / "pages"
ChartBuilder = Callable[[Dataset, pd.DataFrame, "list[str] | None", str], "list[ChartSpec]"]


@dataclass(frozen=True)
class Page:
    key: str  # the URL path, and the page's file pages/<key>.py
    title_key: str  # its title in the i18n tables
    icon: str  # a Material icon of the navigation
    charts: ChartBuilder | None = None  # its charts without the UI; None for a page that draws none

    @property
    def file(self) -> str:
        """The page's script, as an absolute path (st.Page, st.switch_page and st.page_link take it)."""
        return str(PAGES_DIR / f"{self.key}.py")


PAGES: tuple[Page, ...] = (
    Page("overview", "nav.overview", ":material/dashboard:", overview.page_charts),
    Page("browse", "nav.browse", ":material/travel_explore:", browse.page_charts),
    Page("compare", "nav.compare", ":material/compare_arrows:", compare.page_charts),
    Page("progress", "nav.progress", ":material/flag:", progress_charts.page_charts),
    Page("sources", "nav.sources", ":material/description:"),
    Page("add_document", "nav.add", ":material/note_add:"),
)
CHARTED = tuple(page.key for page in PAGES if page.charts)


def page(key: str) -> Page:
    """The page of a key; ValueError naming the known ones."""
    for entry in PAGES:
        if entry.key == key:
            return entry
    raise ValueError(f"unknown page '{key}' (choose from {', '.join(p.key for p in PAGES)})")


def page_charts(key: str, dataset: Dataset, frame: pd.DataFrame, *, regions: list[str] | None = None,
                lang: str = "zh") -> list[ChartSpec]:
    """The charts of one page (regions narrow browse, compare and progress; None means the page's default)."""
    entry = page(key)
    if entry.charts is None:
        return []
    return entry.charts(dataset, frame, regions, lang)
