"""Shared fixtures of the page tests: an AppTest of app.py opened at a page with query params."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def open_page():
    """open_page("browse", region="130402", lang="en") -> an AppTest that has run that view."""

    def _open(page: str = "overview", **params) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        if page != "overview":
            at.switch_page(f"pages/{page}.py")  # a link straight into the page, with its query
        for name, value in params.items():
            at.query_params[name] = value
        return at.run()

    return _open


@pytest.fixture
def broken_data(monkeypatch):
    """Point the dashboard at a targets file with two problems."""
    monkeypatch.setenv("HEALTHTARGETS_TARGETS", str(FIXTURES / "targets_broken_ui.yaml"))
    monkeypatch.setenv("HEALTHTARGETS_DATA", str(FIXTURES / "data"))
