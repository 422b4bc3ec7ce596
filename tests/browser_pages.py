"""Every page by direct link (Overview on a phone by the bare address, "/"), one visit per page,
language and screen size, in Debian's Chromium.

One visit checks what a reader sees and then what a screen reader meets, so that a page is loaded
once for both (a visit costs seconds; tests/test_browser_pages_desktop.py and
tests/test_browser_pages_phone.py run them, one file per size so that parallel workers share them):

1. as opened: no error or exception box, every chart drawn, no request to any other host, the
   app's own navigation (not the legacy list of page files), and the geometry a reader would
   notice: no chart text outside its chart, no chart cut, no axis labels over each other, no table
   cell cut, no page wider than the screen. A whole-page screenshot goes to
   test-artifacts/screenshots/<page>-<lang>-<size>.png;
2. what the page itself shows (tests/browser_page_checks.py: Overview's map, the icons and links of
   Targets vs actuals, Browse's legend);
3. <html lang> is the page's language and no heading level is skipped; then, with every chart's
   "show the data" on and its "cite this" open, axe-core (bundled with axe-playwright-python,
   nothing from a CDN) finds no serious or critical problem. That view goes to test-artifacts/a11y/.
   axe runs on each page once at each size and once in each language (axe_lang: the desktop's
   language is the phone's other): what it checks (names, roles, contrast, focus, the outline)
   comes from the page's structure, which the language does not change, and a visit's axe with its
   tables open costs about 2.5 s of Chromium's time.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from browser_page_checks import CHECKS
from live_server import LOCAL, ROOT, SIZES, settled, still, visiting
from playwright.sync_api import expect

from healthtargets.i18n import t
from healthtargets.views.registry import CHARTED
from healthtargets.views.registry import PAGES as REGISTERED

SHOTS = ROOT / "test-artifacts" / "screenshots"
A11Y_SHOTS = ROOT / "test-artifacts" / "a11y"
QUERIES = {"browse": "region=130402", "sources": "doc=hanshan-2024-kangyang-opinions"}  # the view a user would share
PAGES = {page.key: QUERIES.get(page.key, "") for page in REGISTERED}
ROOT_OPENS = ("overview", "phone")  # the phone's visit to Overview types the bare address, "/"; the desktop's links /overview
HTML_LANG = {"zh": "zh-CN", "en": "en"}
BLOCKING = {"serious", "critical"}
# moderate findings that fail the test too: headings that skip a level (h1 straight to h3) break the
# outline a screen reader's user moves through by heading
BLOCKING_RULES = {"heading-order"}

# Text of a chart outside its drawing (cut on screen), a drawing wider than its place that does not
# scroll (cut too), and axis labels drawn over each other.
CHART_TEXT_OUTSIDE = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart']")].flatMap(chart => {
    const box = chart.querySelector(".main-svg").getBoundingClientRect();
    return [...chart.querySelectorAll(".main-svg text")].filter(text => {
        const r = text.getBoundingClientRect();
        return r.width && text.textContent.trim() &&
            (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1);
    }).map(text => text.textContent);
})"""
CHARTS_CUT = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart'] .main-svg")].filter(svg => {
    const box = svg.getBoundingClientRect();
    for (let up = svg.parentElement; up; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX === "auto" || style.overflowX === "scroll") return false;  // scrolls: nothing cut
        const r = up.getBoundingClientRect();
        if (style.overflowX !== "visible" && (box.left < r.left - 1 || box.right > r.right + 1)) return true;
    }
    return box.right > window.innerWidth + 1;
}).map(svg => svg.closest("[data-testid='stPlotlyChart']").parentElement.className)"""
AXIS_LABELS_OVERLAPPING = """() => [...document.querySelectorAll("[data-testid='stPlotlyChart'] .xaxislayer-above")].flatMap(axis => {
    const boxes = [...axis.querySelectorAll("text")].filter(t => t.textContent.trim())
        .map(t => [t.textContent, t.getBoundingClientRect()]);
    return boxes.flatMap(([a, r], i) => boxes.slice(i + 1).filter(([, q]) =>
        r.left < q.right - 1 && q.left < r.right - 1 && r.top < q.bottom - 1 && q.top < r.bottom - 1).map(([b]) => a + " / " + b));
})"""
CELLS_CUT = """() => [...document.querySelectorAll("[data-testid='stTable'] td, [data-testid='stTable'] th")]
    .filter(cell => cell.scrollWidth > cell.clientWidth + 1).map(cell => cell.textContent)"""
PAGE_WIDER_THAN_SCREEN = "() => document.documentElement.scrollWidth > window.innerWidth + 1"
CONTENT_HEIGHT = "() => document.querySelector(\"[data-testid='stMain']\").scrollHeight"
OPEN_CITATIONS = """label => [...document.querySelectorAll("details > summary")].filter(s => s.textContent.includes(label))
    .map(summary => { summary.click(); return summary.parentElement.open; }).filter(Boolean).length"""
HEADING_LEVELS = """() => [...document.querySelectorAll('[data-testid="stMain"] :is(h1, h2, h3, h4, h5, h6)')]
    .map(h => Number(h.tagName[1]))"""


def whole_page(page, path) -> None:
    """A screenshot of the whole page: Streamlit scrolls its main area, not the document, so the
    window grows to the content's height first (same width, same layout)."""
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(page.evaluate(CONTENT_HEIGHT), 16000)})
    still(page)  # plotly redraws its charts for the new window
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)


def direct_link_test(size: str):
    """The test of every page by direct link in both languages at one size, for a module to hold as
    test_page_by_direct_link_reads_whole_and_passes_axe."""

    @pytest.mark.browser
    @pytest.mark.parametrize("lang", ["zh", "en"])
    @pytest.mark.parametrize("name", list(PAGES))
    def test(server, tab, name, lang):
        check_page(server, tab, name, lang, size)

    return test


def axe_lang(name: str, size: str) -> str:
    """The language a page's visit at `size` runs axe in: alternating down the pages, opposite at the other size."""
    index = list(PAGES).index(name) + (size == "phone")
    return ("zh", "en")[index % 2]


def check_page(server: str, tab, name: str, lang: str, size: str) -> None:
    query = "&".join(q for q in (PAGES[name], f"lang={lang}") if q)
    path = "" if (name, size) == ROOT_OPENS else name
    with visiting(tab, f"{server}/{path}?{query}", size) as hosts:
        settled(tab, timeout=60000)
        if name in CHARTED:
            # the first page a fresh server draws compiles the data set and the map: a minute on a busy machine
            tab.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=60000)
        still(tab)
        _as_a_reader_sees_it(tab, name, lang, size)
        assert hosts <= LOCAL, hosts
    tab.set_viewport_size(SIZES[size])
    still(tab)
    for check in CHECKS.get(name, ()):
        check(tab, lang, size)
    _as_a_screen_reader_meets_it(tab, name, lang, size)


def _as_a_reader_sees_it(page, name: str, lang: str, size: str) -> None:
    whole_page(page, SHOTS / f"{name}-{lang}-{size}.png")
    assert page.evaluate(CHART_TEXT_OUTSIDE) == []
    assert page.evaluate(CHARTS_CUT) == []
    assert page.evaluate(AXIS_LABELS_OVERLAPPING) == []
    assert page.evaluate(CELLS_CUT) == []
    assert not page.evaluate(PAGE_WIDER_THAN_SCREEN)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    charts = page.locator("[data-testid='stPlotlyChart']")
    if name in CHARTED:
        assert charts.count() > 0
    for i in range(charts.count()):  # every chart drawn: plotly made its svg
        charts.nth(i).locator(".main-svg").first.wait_for(timeout=30000)
    nav = page.locator(".st-key-nav")
    expected = {"zh": "总览", "en": "Overview"}[lang]
    assert expected in nav.inner_text() and "app" not in nav.inner_text().split()  # not the legacy list
    heading = page.locator("h1").first.inner_text().strip()
    assert heading and (name == "overview") == (heading == expected)  # the linked page, not a fallback
    assert page.locator("[role='dialog']").count() == 0  # no "page not found"


def _as_a_screen_reader_meets_it(page, name: str, lang: str, size: str) -> None:
    page.wait_for_function("lang => document.documentElement.lang === lang", arg=HTML_LANG[lang], timeout=30000)
    levels = page.evaluate(HEADING_LEVELS)  # the page's outline: its title, then steps of one
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    if lang != axe_lang(name, size):
        return
    if name in CHARTED:
        open_chart_extras(page, lang)
    A11Y_SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(A11Y_SHOTS / f"{name}-{lang}-{size}.png"), full_page=True)
    found = Axe().run(page).response["violations"]
    blocking = [(v["id"], v["impact"], [n["html"][:120] for n in v["nodes"][:3]]) for v in found
                if v["impact"] in BLOCKING or v["id"] in BLOCKING_RULES]
    assert blocking == []


def open_chart_extras(page, lang: str) -> None:
    """Every chart's "show the data" on and its "cite this" open, as a user would set them."""
    label = t("chart.show_data", lang)
    page.wait_for_function("""label => document.querySelectorAll('[data-testid="stPlotlyChart"]').length ===
        document.querySelectorAll(`input[role="switch"][aria-label="${label}"]`).length""", arg=label, timeout=30000)
    toggles = page.get_by_role("switch", name=label)
    for i in range(toggles.count()):
        page.get_by_text(label, exact=True).nth(i).click()
        try:
            expect(toggles.nth(i)).to_be_checked(timeout=15000)  # on a busy machine the rerun comes late
        except AssertionError:  # a click that landed while a rerun redrew the switch: click it again, as a reader would
            page.get_by_text(label, exact=True).nth(i).click()
            expect(toggles.nth(i)).to_be_checked(timeout=30000)
        settled(page)
    assert page.get_by_role("switch", name=label, checked=True).count() == toggles.count()
    # clicked in the page rather than one by one through Playwright, which waits out each box's opening
    # animation before the next click: 0.1 s for a page's boxes instead of 2.5 (a keyboard opens one in
    # tests/test_browser_a11y.py)
    opened = page.evaluate(OPEN_CITATIONS, t("cite.chart", lang))
    assert opened == page.locator("summary", has_text=t("cite.chart", lang)).count() > 0, opened
    still(page)  # nothing greyed out as stale: axe would rightly count faded text as too faint
