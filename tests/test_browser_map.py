"""The overview map in a real browser, on a desktop and on a phone, in both languages: drawn from local
shapes with no request leaving the local host, no axes, names that do not overlap each other, a South
China Sea inset, a bubble-size legend, and a legend of shades and a source line that are not cut; on
a phone, as wide as the screen and no taller than it is wide.
"""

import pytest
from live_server import LOCAL, ROOT, SIZES, settled, still, visiting

pytestmark = pytest.mark.browser

SHOTS = ROOT / "test-artifacts" / "screenshots"
WORDS = {"zh": ("来源", "南海诸岛", "数据条数"), "en": ("Source", "South China Sea Islands", "city or district")}

MEASURE = """chart => {
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


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_map_draws_locally_with_names_apart_and_its_source_line_whole(server, tab, lang, size):
    with visiting(tab, f"{server}/?lang={lang}", size) as hosts:
        settled(tab, timeout=30000)
        chart = tab.locator("[data-testid='stPlotlyChart']").first
        chart.locator(".main-svg").first.wait_for(timeout=60000)  # the first page of a fresh server takes a while
        still(tab)
        chart.scroll_into_view_if_needed()
        SHOTS.mkdir(parents=True, exist_ok=True)
        chart.screenshot(path=str(SHOTS / f"overview-map-{lang}-{size}.png"))
        seen = chart.evaluate(MEASURE)
        assert hosts <= LOCAL, hosts
        assert seen["traces"] >= 34 + 4  # a shape per province, the border, the inset, the bubbles
        assert seen["ticks"] == 0  # no latitude or longitude axes
        source, inset, legend = WORDS[lang]
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
            fits_a_phone(seen, tab)


def fits_a_phone(seen: dict, tab) -> None:
    """At 390 × 844 the map's plot fits the screen's width and keeps the map's aspect (0.72 high for
    1 wide): its height is bounded by 0.8 × the screen's width (the aspect and a margin for rounding;
    the desktop height, 450 px, would be 1.15 ×), so the whole chart, title to source line, fits one
    screen's height, and nothing scrolls sideways."""
    width, height = SIZES["phone"]["width"], SIZES["phone"]["height"]
    left, top, right, bottom = seen["plot"]
    assert 0.8 * width <= right - left and right <= width, seen
    assert bottom - top <= 0.8 * width, seen
    assert seen["svg"][2] <= width and seen["svg"][3] - seen["svg"][1] <= height, seen
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
