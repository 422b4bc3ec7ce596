"""The dashboard in a real browser: every page by direct link in both languages, on a fresh server.

Starts `streamlit run app.py` on a free port and drives Debian's Chromium with Playwright.
Asserts no error or exception box, every chart drawn, no request to any other host, no
legacy page list, and measures what a reader sees at 1400×1000 and on a phone (390×844): no
chart text outside its chart, no overlapping axis labels, no table cell cut; saves a screenshot
of each page at each size into test-artifacts/screenshots/.
"""


import pytest
from live_server import ROOT, chromium_saving_to, serving, settled, still
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from healthtargets.i18n import t
from healthtargets.views.registry import CHARTED
from healthtargets.views.registry import PAGES as REGISTERED

pytestmark = pytest.mark.browser

SHOTS = ROOT / "test-artifacts" / "screenshots"
QUERIES = {"browse": "region=130402", "sources": "doc=hanshan-2024-kangyang-opinions"}  # the view a user would share
PAGES = {page.key: QUERIES.get(page.key, "") for page in REGISTERED}
LOCAL = {"localhost", "127.0.0.1"}
SIZES = {"desktop": {"width": 1400, "height": 1000}, "phone": {"width": 390, "height": 844}}

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


def whole_page(page, path) -> None:
    """A screenshot of the whole page: Streamlit scrolls its main area, not the document, so the
    window grows to the content's height first (same width, same layout)."""
    width = page.viewport_size["width"]
    page.set_viewport_size({"width": width, "height": min(page.evaluate(CONTENT_HEIGHT), 16000)})
    still(page)  # plotly redraws its charts for the new window
    page.screenshot(path=str(path), full_page=True)


@pytest.fixture(scope="module")
def browser():
    with chromium_saving_to(SHOTS) as browser:
        yield browser
    print(f"\nscreenshots: {SHOTS}")


def _open(browser, url: str, size: str = "desktop", before: str | None = None):
    """A page at the URL once Streamlit has settled; `before` is a script run first in every document."""
    page = browser.new_page(viewport=SIZES[size])
    if before:
        page.add_init_script(before)
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2].rsplit(":", 1)[0]))
    page.goto(url)
    settled(page, timeout=30000)
    still(page)
    return page, hosts


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_page_by_direct_link(server, browser, name, lang, size):
    query = "&".join(q for q in (PAGES[name], f"lang={lang}") if q)
    page, hosts = _open(browser, f"{server}/{name}?{query}", size)
    try:
        if name in CHARTED:
            # the first page a fresh server draws compiles the data set and the map: a minute on a busy machine
            page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=60000)
            still(page)
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
        assert hosts <= LOCAL, hosts
    finally:
        page.close()



# Records, from the first paint on, every text the sidebar shows: Streamlit's navigation of the
# pages/ files ("app", "add document"…) must never appear, not even while the server warms up.
SIDEBAR_TEXTS = """window.__sidebar = [];
new MutationObserver(() => {
  const bar = document.querySelector("[data-testid='stSidebar']");
  const text = bar ? bar.innerText : "";
  if (window.__sidebar[window.__sidebar.length - 1] !== text) window.__sidebar.push(text);
}).observe(document, {subtree: true, childList: true, characterData: true});"""


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_fresh_server_opened_by_a_deep_link_runs_the_app_navigation(browser, lang, size):
    """A pages/ folder starts Streamlit in legacy mode; the first hit must still get app.py's pages
    (ui/state.py routes it through app.py), and never show the legacy list of page files."""
    with serving() as url:
        page, _ = _open(browser, f"{url}/sources?lang={lang}&doc=laibin-2019-dajiankang-plan", size, before=SIDEBAR_TEXTS)
        try:
            seen = page.evaluate("window.__sidebar")
            assert len(seen) > 1 and not [text for text in seen if "add document" in text or "app\n" in text], seen
            assert page.locator("[data-testid='stSidebarNav']").count() == 0
            assert page.locator("h1").first.inner_text().strip() == t("sources.title", lang)
            assert page.locator("[role='dialog']").count() == 0
            nav = page.locator(".st-key-nav").text_content()
            assert t("nav.browse", lang) in nav and t("nav.progress", lang) in nav
            assert page.get_by_text(t("app.lang", lang)).count() == 1
        finally:
            page.close()


NO_CJK_IN_SELECT_BOXES = ("() => [...document.querySelectorAll(\"[data-testid='stSelectbox'] input\")]"
                          ".every(box => !/[\u4e00-\u9fff]/.test(box.value))")
SWITCHED = [  # a page's link, and what its choices show once the reader switches 中文 → English
    ("compare?regions=420000,640000&lang=zh", ["Hubei", "Ningxia Hui Autonomous Region"], ["(all)", "Community elderly-care facilities"]),
    ("browse?region=130402&lang=zh", [], ["Hebei", "Handan", "Hanshan District", "(all)", "Elderly-care beds (all)"]),
    ("progress?region=500000&lang=zh", [], ["(all)", "Chongqing"]),
]


@pytest.mark.parametrize("link, chips, boxes", SWITCHED, ids=[s[0].split("?")[0] for s in SWITCHED])
def test_the_language_switch_relabels_the_choices_at_once(server, browser, link, chips, boxes):
    page, _ = _open(browser, f"{server}/{link}")
    try:
        page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
        page.wait_for_function("() => document.querySelector('h1') && !/[\u4e00-\u9fff]/.test(document.querySelector('h1').innerText)")
        settled(page)
        try:  # a busy machine may draw the heading a moment before the last select box; the asserts judge it
            page.wait_for_function(NO_CJK_IN_SELECT_BOXES, timeout=15000)
        except PlaywrightTimeout:
            pass
        shown_chips = [line for box in page.locator("[data-testid='stMultiSelect']").all()
                       for line in box.inner_text().split("\n")[1:] if line.strip()]  # under the label
        shown_boxes = [box.input_value() for box in page.locator("[data-testid='stSelectbox'] input").all()]
        assert shown_chips == chips
        assert all(box in shown_boxes for box in boxes), shown_boxes
        assert not [box for box in shown_boxes if any("\u4e00" <= c <= "\u9fff" for c in box)], shown_boxes
        for radio in page.locator("[data-testid='stRadio']").all():  # every radio keeps a choice (Compare's "By")
            assert radio.locator("input:checked").count() == 1, radio.inner_text()
    finally:
        page.close()


def test_the_legend_explains_hatched_and_solid_bars(server, browser):
    page, _ = _open(browser, f"{server}/browse?region=130402&lang=en")
    try:
        page.wait_for_selector("[data-testid='stPlotlyChart'] .legend", timeout=15000)
        legend = page.locator("[data-testid='stPlotlyChart'] .legend text").all_text_contents()
        assert legend == ["target (hatched bars)"]
    finally:
        page.close()


@pytest.mark.parametrize("lang, cell", [
    ("zh", ["目标 2024：≥55%", "目标 2024：55%"]),
    ("en", ["target 2024: ≥55%", "target 2024: 55%"]),
])
def test_a_matrix_cell_with_several_figures_shows_one_a_line(server, browser, lang, cell):
    """Ningxia's two nursing-bed shares: two lines in the cell as the eye and innerText read it, not one run-on line."""
    page, _ = _open(browser, f"{server}/compare?regions=420000,640000,420100&by=group&key=nursing_bed_share"
                             f"&group=nursing_bed_share&lang={lang}")
    try:
        found = page.locator("[data-testid='stTable'] td").filter(has_text=cell[0])
        found.first.wait_for(timeout=30000)
        texts = [text for text in found.all_inner_texts() if cell[1] in text]
        assert texts and texts[0].strip().split("\n") == cell, texts
    finally:
        page.close()
