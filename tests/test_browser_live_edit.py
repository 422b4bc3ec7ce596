"""A curator edits targets.yaml while the server runs: a break keeps the last good data under a banner; a fix recovers."""

import shutil
from pathlib import Path

import pytest
from live_server import SIZES, serving, settled

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures"
BANNER = "[data-testid='stAlertContentWarning']"
ERROR = "[data-testid='stAlertContentError']"


def test_breaking_and_fixing_the_file_on_a_running_server(tmp_path, tab):
    shutil.copytree(FIXTURES / "data", tmp_path / "data")
    targets = tmp_path / "targets.yaml"
    good = (FIXTURES / "targets_minimal.yaml").read_text(encoding="utf-8")
    targets.write_text(good, encoding="utf-8")
    env = {"HEALTHTARGETS_TARGETS": str(targets), "HEALTHTARGETS_DATA": str(tmp_path / "data"),
           "HEALTHTARGETS_CACHE": str(tmp_path / "cache")}
    with serving(env) as url:
        page = tab  # the shared tab (a visit is a session of its own), at a desktop's size
        page.set_viewport_size(SIZES["desktop"])

        def look(expected: str | None = None):
            page.goto(f"{url}/browse?region=130402&lang=en")
            settled(page)
            page.wait_for_selector("[data-testid='stDataFrame']", timeout=30000)
            if expected:  # the banner's listing may come a moment after its heading on a busy machine
                page.locator(BANNER).filter(has_text=expected).first.wait_for(timeout=30000)
            return page.locator(BANNER).all_inner_texts()

        def chart_text():  # the table is drawn on a canvas; the chart's value axis ends at the beds target
            page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=30000)
            return page.locator("[data-testid='stPlotlyChart'] .main-svg").first.text_content()

        assert look() == []
        assert "3,000" in chart_text() and "4,000" not in chart_text()

        targets.write_text(good.replace("    unit: 张", "    unit: 床"), encoding="utf-8")  # a curator's slip
        problem = "targets.yaml:25: figure hanshan-beds: unit: unknown unit '床'"
        (banner,) = look(expected=problem)
        assert "The data files have 1 problem(s); pages go on showing the last valid data, loaded at " in banner
        assert problem in banner
        assert page.locator(ERROR).count() == 0 and page.locator("[data-testid='stException']").count() == 0
        assert "3,000" in chart_text() and "4,000" not in chart_text()  # the last good value, still drawn

        targets.write_text(good.replace("建成养老床位3千张以上", "建成养老床位4千张以上").replace("value: 3000", "value: 4000"),
                           encoding="utf-8")  # fixed, and a value changed
        assert look() == []
        assert "4,000" in chart_text()
