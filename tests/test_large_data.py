"""The dashboard on a data set larger than ours: tables page, the region search finds any region.

The data set is the benchmarks' synthetic one (benchmarks/synthetic.py), pointed at with the
documented environment variables, as a user would run the dashboard on another data set.
"""

import sys
from pathlib import Path

import pytest

from healthtargets.views.paging import PAGE_ROWS, window

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
FIGURES = 2 * PAGE_ROWS + 400


@pytest.fixture(scope="module")
def large(tmp_path_factory):
    from synthetic import synthetic

    folder = tmp_path_factory.mktemp("large")
    return synthetic(folder, FIGURES, regions=300), folder / "data"


@pytest.fixture
def on_large(large, monkeypatch):
    path, data = large
    monkeypatch.setenv("HEALTHTARGETS_TARGETS", str(path))
    monkeypatch.setenv("HEALTHTARGETS_DATA", str(data))


@pytest.mark.parametrize("total, page, expected", [
    (0, 1, (1, 1, 0, 0)),
    (999, 1, (1, 1, 0, 999)),
    (2400, 1, (1, 3, 0, 1000)),
    (2400, 3, (3, 3, 2000, 2400)),
    (2400, 9, (3, 3, 2000, 2400)),  # past the end: the last page
    (2400, 0, (1, 3, 0, 1000)),
])
def test_a_window_is_one_page_of_rows(total, page, expected):
    shown = window(total, page, size=1000)
    assert (shown.page, shown.pages, shown.start, shown.stop) == expected


def figures_table(at):
    return next(df for df in at.dataframe if "browse.table" in df.proto.id).value


def test_browse_everywhere_sends_one_page_of_rows_and_says_which(on_large, open_page):
    at = open_page("browse", lang="en")
    assert not at.exception
    assert len(figures_table(at)) == PAGE_ROWS
    assert "Rows 1–1,000 of 2,400 (1,000 per page)" in [c.value for c in at.caption]
    at.number_input(key="browse.page").set_value(3).run()
    assert len(figures_table(at)) == 400
    assert "Rows 2,001–2,400 of 2,400 (1,000 per page)" in [c.value for c in at.caption]


def test_progress_pages_its_targets_and_offers_the_page_s_targets_for_the_bullet(on_large, open_page):
    at = open_page("progress", lang="zh")
    assert not at.exception
    (table,) = [df.value for df in at.dataframe]
    assert len(table) == PAGE_ROWS
    assert "第 1–1,000 行，共 1,200 行（每页 1,000 行）" in [c.value for c in at.caption]
    assert len(at.selectbox(key="progress.target").options) == PAGE_ROWS


def test_the_region_search_sets_the_pickers_to_the_region_found(on_large, open_page):
    at = open_page("browse", lang="en")
    search = at.selectbox(key="browse.find")
    assert "County 3-4-1 (county · City 3-4 · Province 3)" in search.options
    search.set_value("140502").run()
    assert [at.selectbox(key=k).value for k in ("browse.l0", "browse.l1", "browse.l2")] == ["140000", "140500", "140502"]
    assert at.selectbox(key="browse.find").value is None
    assert at.query_params["region"] == "140502"
