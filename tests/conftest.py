"""Shared fixtures of the page tests: an AppTest of app.py opened at a page with query params."""

import inspect
from collections import Counter
from pathlib import Path

import page_apptest
import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def server():
    """A dashboard on a free local port, shared by the browser tests of this test process (each visit
    is a session of its own; a server's start and its first page cost 5-10 s). Tests that need a
    fresh server start their own with live_server.serving()."""
    from live_server import serving

    with serving() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, one per test process (each test opens its pages in the `tab`, or its own)."""
    from live_server import chromium

    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def tab(browser):
    """One tab for the visits of this test process (live_server.visiting): each visit loads its page
    afresh, but in a tab Chromium has already compiled Streamlit's and plotly's scripts for, which
    saves about 3 s a visit over a new tab (measured: opening, 1.2 s against 0.2 s; plotly's first
    drawing, 3 s against 1 s)."""
    from live_server import READER

    context = browser.new_context(**READER)  # not browser.new_page(): a context of its own lets a test open a second tab
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def real():
    """The project's data set and its figures table, loaded once per test process."""
    from healthtargets import figures_frame, load_dataset

    dataset = load_dataset()
    return dataset, figures_frame(dataset)


@pytest.fixture(scope="session")
def every_chart(real):
    """every_chart(page, lang): the page's default charts on the real data, built once per test process
    (Targets vs actuals alone draws over 200 a language: the modules that check them all are one,
    tests/test_every_chart.py, so that one process builds them)."""
    from healthtargets.views.registry import page_charts

    built = {}

    def charts_of(page: str, lang: str):
        if (page, lang) not in built:
            built[page, lang] = page_charts(page, *real, lang=lang)
        return built[page, lang]

    return charts_of


@pytest.fixture
def open_page():
    """open_page("browse", region="130402", lang="en") -> an AppTest that has run that view."""
    return page_apptest.open_page


@pytest.fixture
def broken_data(monkeypatch):
    """Point the dashboard at a targets file with two problems."""
    monkeypatch.setenv("HEALTHTARGETS_TARGETS", str(FIXTURES / "targets_broken_ui.yaml"))
    monkeypatch.setenv("HEALTHTARGETS_DATA", str(FIXTURES / "data"))


@pytest.fixture(autouse=True, scope="session")
def _cache_of_this_run(tmp_path_factory):
    """Compiled data sets of this test run go to a folder of its own, not the user's cache; errors in full."""
    import os

    os.environ.setdefault("HEALTHTARGETS_CACHE", str(tmp_path_factory.mktemp("cache")))
    # Tests see a failing page's exception itself, not the visitor's box (ui/failure.py).
    os.environ.setdefault("STREAMLIT_CLIENT_SHOW_ERROR_DETAILS", "full")


@pytest.fixture(autouse=True, scope="session")
def _image_browser_started_by_a_download_only():
    """Pages run here (AppTest) start no image browser in the background (8 s of processor time each):
    the tests that make images start it when they ask for one; tests/test_export_warm_up.py checks
    the warm-up itself."""
    import os

    from healthtargets.charts.export import WARM_UP_ENV

    os.environ.setdefault(WARM_UP_ENV, "0")


@pytest.fixture(autouse=True, scope="session")
def _installed_components_scanned_once():
    """Every AppTest scans the installed packages for Streamlit components (half a second each: it
    reads the metadata of every distribution in .venv), where a server does it once at start-up. The
    packages do not change during a test run, so this process scans once and AppTests reuse the answer
    (streamlit.components.v2.manifest_scanner; Streamlit 1.67 imports it at call time)."""
    import functools

    from streamlit.components.v2 import manifest_scanner

    scan = manifest_scanner.scan_component_manifests
    manifest_scanner.scan_component_manifests = functools.cache(scan)
    yield
    manifest_scanner.scan_component_manifests = scan


PAGE_CALLS = {"open_page", "open_direct", "AppTest"}  # what a test calls to run a page of the dashboard in-process


def _runs_a_page(function, module, depth: int = 3) -> bool:
    """Whether a function calls one of PAGE_CALLS, itself or through the module's own helpers."""
    names = set(function.__code__.co_names)
    if PAGE_CALLS & names:
        return True
    helpers = [module.__dict__.get(n) for n in names]
    return depth > 0 and any(inspect.isfunction(h) and h.__module__ == module.__name__ and _runs_a_page(h, module, depth - 1)
                             for h in helpers)


SLOW_GROUPS = ("browser", "export", "cli", "slow", "page", "sweep")  # the groups `make check` leaves out (pytest.ini)


def pytest_collection_modifyitems(items):
    """Mark `page` the tests that run a dashboard page with AppTest (seconds each; `make check` leaves them to
    `make test`): those taking the open_page fixture, or calling open_direct or AppTest, directly or through
    a helper of their module. Then order the modules longest first (see _longest_first)."""
    for item in items:
        function = getattr(item, "function", None)
        if "open_page" in item.fixturenames or (function and _runs_a_page(function, item.module)):
            item.add_marker(pytest.mark.page)
    _longest_first(items)


def _longest_first(items) -> None:
    """`make test` hands whole modules to its workers in this order (--dist loadfile, without xdist's
    reordering by number of tests), so the longest go first and the short ones fill the gaps at the end:
    the browser modules (20-110 s each; most tests first), then the modules with tests of the other slow
    groups (most such tests first), then the rest, each module's tests in their own order. By number of
    tests alone, the single-test browser modules came last and one worker ran them alone for 30 s."""
    browser, other = Counter(), Counter()  # per module: its browser tests, its tests of the other slow groups
    for item in items:
        browser[item.path] += bool(item.get_closest_marker("browser"))
        other[item.path] += any(item.get_closest_marker(group) for group in SLOW_GROUPS[1:])
    items.sort(key=lambda item: (-browser[item.path], -other[item.path]))
