"""The dashboard in a real browser: a fresh server opened by a deep link, the language switch and a
table cell as a reader sees them.

Starts `streamlit run app.py` on a free port and drives Debian's Chromium with Playwright. Every
page by direct link is tests/test_browser_pages_desktop.py and tests/test_browser_pages_phone.py.
"""


import pytest
from live_server import READER, opened, serving, still
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from healthtargets.i18n import t

pytestmark = pytest.mark.browser


# Records, from the first paint on, every text the sidebar shows: Streamlit's navigation of the
# pages/ files ("app", "add document"…) must never appear, not even while the server warms up.
SIDEBAR_TEXTS = """window.__sidebar = [];
new MutationObserver(() => {
  const bar = document.querySelector("[data-testid='stSidebar']");
  const text = bar ? bar.innerText : "";
  if (window.__sidebar[window.__sidebar.length - 1] !== text) window.__sidebar.push(text);
}).observe(document, {subtree: true, childList: true, characterData: true});"""


@pytest.mark.parametrize("lang, size", [("en", "phone")])
def test_fresh_server_opened_by_a_deep_link_runs_the_app_navigation(browser, lang, size):
    """A pages/ folder starts Streamlit in legacy mode; the first hit must still get app.py's pages
    (ui/state.py routes it through app.py), and never show the legacy list of page files. Once: a
    fresh server costs 10–20 s, and the race it guards against is the server's, not the language's
    or the screen's (every page is opened by direct link in both languages at both sizes on a
    running server, tests/browser_pages.py)."""
    with serving() as url:
        page = browser.new_page(**READER)  # a tab of its own: the script below is for this visit only
        page.add_init_script(SIDEBAR_TEXTS)
        try:
            opened(page, f"{url}/sources?lang={lang}&doc=laibin-2019-dajiankang-plan", size, timeout=30000)
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


NO_CJK_IN_SELECT_BOXES = ("() => { const boxes = [...document.querySelectorAll(\"[data-testid='stSelectbox'] input\")];"
                          " return boxes.length > 0 && boxes.every(box => !/[\u4e00-\u9fff]/.test(box.value)); }")
SWITCHED = [  # a page's link, and what its choices show once the reader switches 中文 → English
    ("compare?regions=420000,640000&lang=zh", ["Hubei", "Ningxia Hui Autonomous Region"], ["(all)", "Community elderly-care facilities"]),
    ("browse?region=130402&lang=zh", [], ["Hebei", "Handan", "Hanshan District", "(all)", "Elderly-care beds (all)"]),
    ("progress?region=500000&lang=zh", [], ["(all)", "Chongqing"]),
]


@pytest.mark.parametrize("link, chips, boxes", SWITCHED, ids=[s[0].split("?")[0] for s in SWITCHED])
def test_the_language_switch_relabels_the_choices_at_once(server, tab, link, chips, boxes):
    page = opened(tab, f"{server}/{link}")
    page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
    page.wait_for_function("() => document.querySelector('h1') && !/[\u4e00-\u9fff]/.test(document.querySelector('h1').innerText)")
    still(page)  # the rerun that writes the new language back to the URL, too
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


CELL_LINES = {"zh": ["目标 2024：≥55%", "目标 2024：55%"], "en": ["target 2024: ≥55%", "target 2024: 55%"]}


def test_a_matrix_cell_with_several_figures_shows_one_a_line(server, tab):
    """Ningxia's two nursing-bed shares: two lines in the cell as the eye and innerText read it, not one
    run-on line, in Chinese and, after the reader switches, in English (one visit for both)."""
    page = opened(tab, f"{server}/compare?regions=420000,640000,420100&by=group&key=nursing_bed_share"
                       f"&group=nursing_bed_share&lang=zh")
    for lang, cell in CELL_LINES.items():
        if lang == "en":
            page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
        found = page.locator("[data-testid='stTable'] td").filter(has_text=cell[0])
        found.first.wait_for(timeout=30000)
        texts = [text for text in found.all_inner_texts() if cell[1] in text]
        assert texts and texts[0].strip().split("\n") == cell, texts
