"""Open one page of the app in AppTest from its link, as a shared URL would."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

ENTRY = str(Path(__file__).resolve().parent / "apptest_entry.py")  # app.py, run as AppTest needs it


def open_page(page: str = "overview", **params) -> AppTest:
    """An AppTest that has run `pages/<page>.py` with these query parameters.

    app.py runs, as a browser session's first script run does, so its navigation is in charge,
    and it runs the page a link into it names, with the query the link carries (not the default
    page first: that would cost every test a run of Overview).
    """
    at = AppTest.from_file(ENTRY, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    if page != "overview":
        at.switch_page(f"../pages/{page}.py")  # relative to the entry in tests/
    at.run()
    return at


def open_direct(page: str, **params) -> AppTest:
    """open_page, asserting that the page raised nothing."""
    at = open_page(page, **params)
    assert not at.exception, [e.value for e in at.exception]
    return at
