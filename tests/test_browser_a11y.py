"""Accessibility in a real browser: the keyboard reaching a chart's controls, the "copy link" button,
<html lang> following the language switch.

axe-core on every page in both languages, at both sizes, with every chart's data table and
citation open, and icon names kept from screen readers, run in the same visit as the page's other
checks: tests/browser_pages.py.
"""


import pytest
from live_server import opened

from healthtargets.i18n import t

pytestmark = pytest.mark.browser


def test_keyboard_reaches_a_charts_data_toggle_and_citation_and_opens_them(server, tab):
    page = opened(tab, f"{server}/compare?lang=en")
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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_copy_link_copies_the_view_with_its_state(server, tab, lang):
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])  # the shared tab: no other test reads the clipboard
    page = opened(tab, f"{server}/browse?region=500108&lang={lang}")
    page.get_by_role("button", name=t("share.copy", lang)).click()
    page.get_by_role("status").filter(has_text=t("share.copied", lang)).wait_for(timeout=30000)  # a busy CI machine
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.url and "region=500108" in copied and f"lang={lang}" in copied


def test_html_lang_follows_the_language_switch(server, tab):
    page = opened(tab, f"{server}/compare?lang=zh")
    page.wait_for_function("() => document.documentElement.lang === 'zh-CN'", timeout=30000)
    page.get_by_role("radio", name="English").click()
    page.wait_for_function("() => document.documentElement.lang === 'en'", timeout=30000)
    page.get_by_role("radio", name="中文").click()
    page.wait_for_function("() => document.documentElement.lang === 'zh-CN'", timeout=30000)
