"""Shared fixtures of the page tests: an AppTest of app.py opened at a page with query params."""

from pathlib import Path

import page_apptest
import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def server():
    """A fresh dashboard on a free local port, for one module of browser tests."""
    from live_server import serving

    with serving() as url:
        yield url


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
