"""Open one page of the app in AppTest straight from its link, as a shared URL would."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def open_direct(page: str, **params) -> AppTest:
    """The page `pages/<page>.py` run once with these query parameters; it must raise nothing."""
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
