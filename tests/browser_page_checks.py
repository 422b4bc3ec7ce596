"""What a page shows beyond what every page is checked for, run in the same visit by
tests/browser_pages.py (a visit costs seconds; one per page, language and size serves all):

- Overview: the map drawn from local shapes, with no axes, names that do not overlap each other, a
  South China Sea inset, a bubble-size legend, a legend of shades and a source line that are not
  cut; on a phone, as wide as the screen and no taller than it is wide.
- Targets vs actuals: icon names kept from screen readers, and every page link named by its title.
- Browse: the legend says which bars are targets (hatched).
"""

from live_server import ROOT, SIZES
from playwright.sync_api import expect

from healthtargets.i18n import t
from healthtargets.views.registry import PAGES

SHOTS = ROOT / "test-artifacts" / "screenshots"
MAP_WORDS = {"zh": ("来源", "南海诸岛", "数据条数"), "en": ("Source", "South China Sea Islands", "city or district")}
MEASURE_MAP = """chart => {
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const svg = chart.querySelector('.main-svg');
  const traces = [...chart.querySelectorAll('.scatterlayer .trace')];
  const bubbles = traces.find(t => t.querySelector('.textpoint'));
  return {
    svg: box(svg),
    legend: box(chart.querySelector('.legend')),
    plot: box(chart.querySelector('.nsewdrag')),
    traces: traces.length,
    ticks: chart.querySelectorAll('.xtick, .ytick').length,
    annotations: [...chart.querySelectorAll('.annotation')].map(a => ({text: a.textContent, box: box(a)})),
    names: bubbles ? [...bubbles.querySelectorAll('.textpoint text')].filter(t => t.textContent)
                       .map(t => ({text: t.textContent, box: box(t)})) : [],
  };
}"""
UNHIDDEN_ICONS = """() => [...document.querySelectorAll('[data-testid="stIconMaterial"]')]
    .filter(icon => !icon.closest('[aria-hidden="true"]')).map(icon => icon.textContent)"""


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def overview_map(page, lang: str, size: str) -> None:
    chart = page.locator("[data-testid='stPlotlyChart']").first
    chart.scroll_into_view_if_needed()
    SHOTS.mkdir(parents=True, exist_ok=True)
    chart.screenshot(path=str(SHOTS / f"overview-map-{lang}-{size}.png"))
    seen = chart.evaluate(MEASURE_MAP)
    assert seen["traces"] >= 34 + 4  # a shape per province, the border, the inset, the bubbles
    assert seen["ticks"] == 0  # no latitude or longitude axes
    source, inset, legend = MAP_WORDS[lang]
    texts = [a["text"] for a in seen["annotations"]]
    assert any(inset in text for text in texts) and any(legend in text for text in texts)
    left, _, right, _ = seen["svg"]
    foot = [a for a in seen["annotations"] if a["text"].startswith(source)]
    assert foot and all(left - 1 <= a["box"][0] and a["box"][2] <= right + 1 for a in foot), (foot, seen["svg"])
    assert left - 1 <= seen["legend"][0] and seen["legend"][2] <= right + 1, seen["legend"]  # the shades' legend whole
    names = seen["names"]
    assert names
    for i, a in enumerate(names):
        assert left - 1 <= a["box"][0] and a["box"][2] <= right + 1, a
        for b in names[i + 1:]:
            assert not overlap(a["box"], b["box"]), (a, b)
    if size == "phone":
        map_fits_a_phone(seen, page)


def map_fits_a_phone(seen: dict, page) -> None:
    """At 390 × 844 the map's plot fits the screen's width and keeps the map's aspect (0.72 high for
    1 wide): its height is bounded by 0.8 × the screen's width (the aspect and a margin for rounding;
    the desktop height, 450 px, would be 1.15 ×), so the whole chart, title to source line, fits one
    screen's height, and nothing scrolls sideways."""
    width, height = SIZES["phone"]["width"], SIZES["phone"]["height"]
    left, top, right, bottom = seen["plot"]
    assert 0.8 * width <= right - left and right <= width, seen
    assert bottom - top <= 0.8 * width, seen
    assert seen["svg"][2] <= width and seen["svg"][3] - seen["svg"][1] <= height, seen
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def icons_unread_and_links_named(page, lang: str, size: str) -> None:
    icons = page.locator("[data-testid='stIconMaterial']")
    assert icons.count() > 0
    assert page.evaluate(UNHIDDEN_ICONS) == []
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


def legend_names_the_hatched_bars(page, lang: str, size: str) -> None:
    page.wait_for_selector("[data-testid='stPlotlyChart'] .legend", timeout=15000)
    legend = page.locator("[data-testid='stPlotlyChart'] .legend text").all_text_contents()
    assert legend == [t("compare.bar.target", lang)]


CHECKS = {  # page -> its own checks, each check(page, lang, size)
    "overview": [overview_map],
    "progress": [icons_unread_and_links_named],
    "browse": [legend_names_the_hatched_bars],
}
