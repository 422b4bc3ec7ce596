"""The region tree of the picker, and a region's figures with its children's."""

import pytest
from analytics_helpers import fig, frame, reference

from healthtargets.dataset.load import load_reference
from healthtargets.dataset.regions import (
    children_of,
    level_key,
    level_name,
    region_figures,
    region_path,
    region_tree,
    regions_with_figures,
    tier_key,
)

REF = reference()


@pytest.fixture(scope="module")
def project_reference():
    """The project's own reference tables (data/), checked once for the module: the regions' gazetteer."""
    return load_reference()
FIGURES = frame(
    fig("laibin-herb", "451300", "herb_planting_area", value=10, year=2021),
    fig("jinxiu-herb", "451324", "herb_planting_area", kind="actual", value=20, year=2023, qualifier="nearly"),
    fig("nanan-output", "500108", "health_industry_output", kind="actual", value=289.3, year=2023),
    fig("hanshan-output", "130402", "health_industry_output", value=40),
    fig("hanshan-beds", "130402", "elderly_care_beds", value=3000, qualifier="at_least"),
    fig("china-sports", "100000", "sports_area_per_capita", kind="actual", value=2.89, year=2023),
)


def test_only_regions_with_figures_and_their_ancestors():
    assert regions_with_figures(FIGURES, REF) == [
        "100000", "130000", "130400", "130402", "450000", "451300", "451324", "500000", "500108"]


def test_tree_roots_are_provinces_and_counts_add_up():
    roots = region_tree(FIGURES, REF)
    assert [(n.code, n.own, n.total) for n in roots] == [("130000", 0, 2), ("450000", 0, 2), ("500000", 0, 1)]
    guangxi = roots[1]
    assert [(n.code, n.own, n.total) for n in guangxi.walk()] == [
        ("450000", 0, 2), ("451300", 1, 2), ("451324", 1, 1)]


def test_tree_with_country_on_top():
    roots = region_tree(FIGURES, REF, include_country=True)
    assert [(n.code, n.own, n.total) for n in roots] == [("100000", 1, 6)]


@pytest.mark.parametrize("parent, children", [
    (None, ["130000", "450000", "500000"]),
    ("500000", ["500108"]),  # Chongqing's districts sit directly under it
    ("451300", ["451324"]),
    ("451324", []),
    ("999999", []),
])
def test_picker_options(parent, children):
    assert [n.code for n in children_of(region_tree(FIGURES, REF), parent)] == children


def test_region_path():
    assert region_path(REF, "451324") == ["450000", "451300", "451324"]
    assert region_path(REF, "451324", include_country=True)[0] == "100000"


@pytest.mark.parametrize("code, rows", [
    ("451300", [("laibin-herb", False, ""), ("jinxiu-herb", True, "Jinxiu County")]),
    ("451324", [("jinxiu-herb", False, "")]),
    ("450000", [("laibin-herb", True, "Laibin"), ("jinxiu-herb", True, "Jinxiu County")]),
    ("500110", []),
])
def test_region_figures_mark_children(code, rows):
    got = region_figures(FIGURES, REF, code)
    assert list(zip(got["figure_id"], got["from_child"], got["via_en"])) == rows


@pytest.mark.parametrize(("code", "zh", "en"), [
    ("100000", "国家", "country"),
    ("130000", "省", "province"),
    ("500000", "直辖市", "municipality"),  # Chongqing
    ("110000", "直辖市", "municipality"),  # Beijing
    ("450000", "自治区", "autonomous region"),  # Guangxi
    ("130400", "地级市", "prefecture city"),  # Handan
    ("451300", "地级市", "prefecture city"),  # Laibin
    ("222400", "自治州", "autonomous prefecture"),  # Yanbian
    ("130402", "区", "district"),  # Hanshan District, under Handan
    ("500108", "区", "district"),  # Nan'an District: a municipality's districts are districts
    ("500238", "县", "county"),  # Wuxi County, Chongqing
    ("320282", "县级市", "county-level city"),  # Yixing
    ("451324", "自治县", "autonomous county"),  # Jinxiu
])
def test_each_region_reads_as_its_level(project_reference, code, zh, en):
    reference = project_reference
    assert (level_name(reference, code, "zh"), level_name(reference, code, "en")) == (zh, en)


def test_a_level_the_name_does_not_tell_falls_back_to_the_gazetteer():
    assert level_key(REF, "451324") == "autonomous_county"
    assert level_key(REF, "100000") == "country"


@pytest.mark.parametrize(("codes", "tier"), [
    (["130000", "450000"], "province"),
    (["130400", "451300"], "prefecture"),
    (["500108", "500110"], "county"),  # what Chongqing offers below it
    (["130400", "500108"], "prefecture"),
    ([], "prefecture"),
])
def test_the_level_of_a_list_of_regions(codes, tier):
    assert tier_key(REF, codes) == tier
