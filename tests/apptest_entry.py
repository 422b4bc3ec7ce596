"""The dashboard as AppTest runs it: app.py, started from a folder that has no pages/ subfolder.

AppTest resets Streamlit's legacy-multipage flag before every run, so with app.py itself as
the main script every run of a page would start in that legacy mode and run the page without
app.py. A real server leaves the mode for good once app.py has run (ui/state.py routes the very
first deep link through app.py; tests/test_browser.py checks that on the real layout).
"""

import runpy
from pathlib import Path

runpy.run_path(str(Path(__file__).resolve().parent.parent / "app.py"), run_name="__main__")
