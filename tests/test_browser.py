"""The dashboard in a real browser: every page by direct link in both languages, on a fresh server.

Starts `streamlit run app.py` on a free port and drives Debian's Chromium with Playwright.
Asserts no error or exception box, every chart drawn, no request to any other host, no
legacy page list; saves a screenshot of each page into test-artifacts/screenshots/.
"""

import shutil

import pytest
from live_server import ARGS, CHROMIUM, ROOT, serving, settled
from playwright import sync_api as playwright

from healthtargets.views.registry import CHARTED
from healthtargets.views.registry import PAGES as REGISTERED

pytestmark = pytest.mark.browser

SHOTS = ROOT / "test-artifacts" / "screenshots"
QUERIES = {"browse": "region=130402", "sources": "doc=hanshan-2024-kangyang-opinions"}  # the view a user would share
PAGES = {page.key: QUERIES.get(page.key, "") for page in REGISTERED}
LOCAL = {"localhost", "127.0.0.1"}


@pytest.fixture(scope="module")
def server():
    with serving() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()
    print(f"\nscreenshots: {SHOTS}")


def _open(browser, url: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2].rsplit(":", 1)[0]))
    page.goto(url)
    settled(page, timeout=30000)
    page.wait_for_timeout(1500)
    return page, hosts


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_by_direct_link(server, browser, name, lang):
    query = "&".join(q for q in (PAGES[name], f"lang={lang}") if q)
    page, hosts = _open(browser, f"{server}/{name}?{query}")
    try:
        if name in CHARTED:
            page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=15000)
            page.wait_for_timeout(500)
        page.screenshot(path=str(SHOTS / f"{name}-{lang}.png"), full_page=True)
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.locator("[data-testid='stAlertContentError']").count() == 0
        charts = page.locator("[data-testid='stPlotlyChart']")
        if name in CHARTED:
            assert charts.count() > 0
        for i in range(charts.count()):  # every chart drawn: plotly made its svg
            charts.nth(i).locator(".main-svg").first.wait_for(timeout=15000)
        nav = page.locator("[data-testid='stSidebarNav']")
        expected = {"zh": "总览", "en": "Overview"}[lang]
        assert expected in nav.inner_text() and "app" not in nav.inner_text().split()  # not the legacy list
        heading = page.locator("h1").first.inner_text().strip()
        assert heading and (name == "overview") == (heading == expected)  # the linked page, not a fallback
        assert page.locator("[role='dialog']").count() == 0  # no "page not found"
        assert hosts <= LOCAL, hosts
    finally:
        page.close()



def test_fresh_server_opened_by_a_deep_link_runs_the_app_navigation(browser):
    """A pages/ folder starts Streamlit in legacy mode; the first hit must still get app.py's pages."""
    with serving() as url:
        page, _ = _open(browser, f"{url}/sources?lang=en&doc=laibin-2019-dajiankang-plan")
        try:
            assert page.locator("h1").first.inner_text().strip() == "Sources"
            assert page.locator("[role='dialog']").count() == 0
            nav = page.locator("[data-testid='stSidebarNav']").inner_text()
            assert "Browse by region" in nav and "Targets vs actuals" in nav
            assert page.get_by_text("Language / 语言").count() == 1
        finally:
            page.close()
