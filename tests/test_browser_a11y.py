"""Accessibility in a real browser: axe-core on every page in both languages, <html lang>, icon names
kept from screen readers, the keyboard reaching the chart's controls, the "copy link" button.

axe-core comes bundled with axe-playwright-python (nothing from a CDN). The pages are checked with
every chart's data table and citation open, so that what they add is checked too. Screenshots of
those views go to test-artifacts/a11y/.
"""


import pytest
from axe_playwright_python.sync_playwright import Axe
from live_server import ROOT, chromium_saving_to, settled, still
from playwright.sync_api import expect

from healthtargets.i18n import t
from healthtargets.views.registry import CHARTED, PAGES

pytestmark = pytest.mark.browser

SHOTS = ROOT / "test-artifacts" / "a11y"
BLOCKING = {"serious", "critical"}
# moderate findings that fail the test too: headings that skip a level (h1 straight to h3) break the
# outline a screen reader's user moves through by heading
BLOCKING_RULES = {"heading-order"}
HTML_LANG = {"zh": "zh-CN", "en": "en"}
SIZES = {"desktop": {"width": 1400, "height": 1000}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def browser():
    with chromium_saving_to(SHOTS) as browser:
        yield browser


def _open(browser, url: str, size: str = "desktop", **context):
    page = browser.new_context(viewport=SIZES[size], **context).new_page()
    page.goto(url)
    settled(page, timeout=60000)
    still(page)
    return page


def _open_chart_extras(page, lang: str) -> None:
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
    for summary in page.locator("summary", has_text=t("cite.chart", lang)).all():
        summary.click()
    still(page)  # nothing greyed out as stale: axe would rightly count faded text as too faint


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", [page.key for page in PAGES])
def test_axe_finds_no_serious_problem_nor_skipped_heading_and_html_lang_is_the_pages(server, browser, name, lang, size):
    page = _open(browser, f"{server}/{name}?lang={lang}", size)
    try:
        page.wait_for_function("lang => document.documentElement.lang === lang", arg=HTML_LANG[lang], timeout=30000)
        if name in CHARTED:
            page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=45000)
            _open_chart_extras(page, lang)
        page.screenshot(path=str(SHOTS / f"{name}-{lang}-{size}.png"), full_page=True)
        found = Axe().run(page).response["violations"]
        blocking = [(v["id"], v["impact"], [n["html"][:120] for n in v["nodes"][:3]]) for v in found
                    if v["impact"] in BLOCKING or v["id"] in BLOCKING_RULES]
        assert blocking == []
        levels = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stMain"] :is(h1, h2, h3, h4, h5, h6)')]
            .map(h => Number(h.tagName[1]))""")  # the page's outline: its title, then steps of one
        assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_icon_names_are_not_read_and_links_are_named_by_their_titles(server, browser, lang):
    page = _open(browser, f"{server}/progress?lang={lang}")
    try:
        icons = page.locator("[data-testid='stIconMaterial']")
        assert icons.count() > 0
        unhidden = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stIconMaterial"]')]
            .filter(icon => !icon.closest('[aria-hidden="true"]')).map(icon => icon.textContent)""")
        assert unhidden == []
        nav = page.locator(".st-key-nav")
        for entry in PAGES:
            link = nav.get_by_role("link", name=t(entry.title_key, lang), exact=True)
            try:
                expect(link).to_have_count(1, timeout=30000)  # waits out a rerun on a busy machine
            except AssertionError as missing:
                raise AssertionError(nav.aria_snapshot()) from missing
        snapshot = page.locator("body").aria_snapshot()
        names = set(icons.all_text_contents())
        assert [n for n in names if f'"{n}' in snapshot or f" {n}\n" in snapshot or f": {n}" in snapshot] == []
    finally:
        page.context.close()


def test_keyboard_reaches_a_charts_data_toggle_and_citation_and_opens_them(server, browser):
    page = _open(browser, f"{server}/compare?lang=en")
    try:
        page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=45000)
        reached = []
        while len(reached) < 200 and (not reached or t("cite.chart", "en") not in reached[-1]):
            page.keyboard.press("Tab")
            reached.append(page.locator("*:focus").aria_snapshot().split("\n")[0])  # '- button "Download chart":'
        for wanted in ("share.copy", "download.one", "chart.show_data", "cite.chart"):
            name = t(wanted, "en")
            assert any(name in line for line in reached), (wanted, reached[-40:])
        page.keyboard.press("Enter")  # the focused "cite this" opens
        page.get_by_text("[DS/OL]", exact=False).first.wait_for(timeout=10000)
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_copy_link_copies_the_view_with_its_state(server, browser, lang):
    page = _open(browser, f"{server}/browse?region=500108&lang={lang}", permissions=["clipboard-read", "clipboard-write"])
    try:
        page.get_by_role("button", name=t("share.copy", lang)).click()
        page.get_by_role("status").filter(has_text=t("share.copied", lang)).wait_for(timeout=30000)  # a busy CI machine
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == page.url and "region=500108" in copied and f"lang={lang}" in copied
    finally:
        page.context.close()


def test_html_lang_follows_the_language_switch(server, browser):
    page = _open(browser, f"{server}/compare?lang=zh")
    try:
        page.wait_for_function("() => document.documentElement.lang === 'zh-CN'", timeout=30000)
        page.get_by_role("radio", name="English").click()
        page.wait_for_function("() => document.documentElement.lang === 'en'", timeout=30000)
        page.get_by_role("radio", name="中文").click()
        page.wait_for_function("() => document.documentElement.lang === 'zh-CN'", timeout=30000)
    finally:
        page.context.close()
