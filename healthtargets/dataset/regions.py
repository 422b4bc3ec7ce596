"""The region tree a picker walks (province → city → district), and a region's figures.

Only regions that have figures appear, with every region above them so that the
path from the top is whole. A parent's figures include its children's, marked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from healthtargets.i18n import name

from .reference import Reference

COUNTRY = "100000"
MUNICIPALITIES = ("110000", "120000", "310000", "500000")  # Beijing, Tianjin, Shanghai, Chongqing
# What a region is, read from the end of its Chinese name, within its level (longest ending first).
KINDS = {
    "province": (("自治区", "autonomous_region"), ("特别行政区", "sar"), ("省", "province")),
    "prefecture": (("自治州", "autonomous_prefecture"), ("地区", "prefecture_area"), ("盟", "league"), ("市", "prefecture")),
    "county": (("自治县", "autonomous_county"), ("自治旗", "autonomous_banner"), ("旗", "banner"), ("区", "district"),
               ("县", "county"), ("市", "county_city")),
}


@dataclass
class RegionNode:
    """One region of the tree: its own figure count and the count with everything below it."""

    code: str
    zh: str
    en: str
    level: str
    own: int = 0
    total: int = 0
    children: list["RegionNode"] = field(default_factory=list)

    def walk(self):
        """This node and every node below it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


def region_name(reference: Reference, code: str, lang: str) -> str:
    """'南岸区' / "Nan'an District"; an unknown code reads as itself."""
    region = reference.regions.get(code)
    if region is None:
        return code
    return getattr(region, lang, region.zh)


def level_key(reference: Reference, code: str) -> str:
    """What a region is, as a key of the "level" vocabulary: 'municipality' for Chongqing, 'district' for
    Nan'an District (a municipality's districts are districts), 'prefecture' for Handan, 'county_city' for
    Yixing; the gazetteer's level itself when the name says no more.
    """
    region = reference.regions[code]
    if region.level == "province" and code in MUNICIPALITIES:
        return "municipality"
    return next((kind for ending, kind in KINDS.get(region.level, ()) if region.zh.endswith(ending)), region.level)


def level_name(reference: Reference, code: str, lang: str) -> str:
    """A region's level as a reader says it: '区' / 'district', '地级市' / 'prefecture city', '直辖市' / 'municipality'."""
    return name("level", level_key(reference, code), lang)


def tier_key(reference: Reference, codes: list[str]) -> str:
    """The level a list of regions sits at, for a picker's heading: 'province', 'prefecture' (prefecture cities)
    or 'county' (districts and counties, as under a municipality); 'prefecture' when mixed or empty."""
    levels = {reference.regions[code].level for code in codes}
    return levels.pop() if len(levels) == 1 and levels <= {"province", "county"} else "prefecture"


def regions_with_figures(frame: pd.DataFrame, reference: Reference) -> list[str]:
    """Codes of regions that have figures, and of every region above them."""
    codes: set[str] = set()
    for code in frame["region_code"].unique():
        codes.add(code)
        codes.update(reference.ancestors(code))
    return sorted(codes)


def region_tree(frame: pd.DataFrame, reference: Reference, include_country: bool = False) -> list[RegionNode]:
    """The top-level nodes (provinces; the country too if asked) of the regions with figures.

    The country (100000) holds the national benchmarks; by default it is left out of
    the tree and its provinces are the roots.
    """
    counts = frame["region_code"].value_counts().to_dict()
    codes = regions_with_figures(frame, reference)
    nodes = {}
    for code in codes:
        region = reference.regions[code]
        nodes[code] = RegionNode(code, region.zh, region.en, region.level, own=int(counts.get(code, 0)))
    roots = []
    for code in codes:
        parent = reference.regions[code].parent
        if parent in nodes and (include_country or parent != COUNTRY):
            nodes[parent].children.append(nodes[code])
        elif code != COUNTRY or include_country:
            roots.append(nodes[code])
    for node in nodes.values():
        node.children.sort(key=lambda n: n.code)
    _total(roots)
    return sorted(roots, key=lambda n: n.code)


def _total(nodes: list[RegionNode]) -> int:
    total = 0
    for node in nodes:
        node.total = node.own + _total(node.children)
        total += node.total
    return total


def find_node(roots: list[RegionNode], code: str) -> RegionNode | None:
    for root in roots:
        for node in root.walk():
            if node.code == code:
                return node
    return None


def children_of(roots: list[RegionNode], code: str | None) -> list[RegionNode]:
    """The picker's options under a chosen region; the roots for None."""
    if code is None:
        return roots
    node = find_node(roots, code)
    return node.children if node else []


def region_path(reference: Reference, code: str, include_country: bool = False) -> list[str]:
    """Codes from the top down to the region: ['500000', '500108']."""
    chain = [code] + reference.ancestors(code)
    if not include_country:
        chain = [c for c in chain if c != COUNTRY]
    return list(reversed(chain))


def region_figures(frame: pd.DataFrame, reference: Reference, code: str) -> pd.DataFrame:
    """A region's figures and those of every region below it.

    Adds ``from_child`` (True for a figure of a region below) and ``via_zh``/``via_en``
    (the name of the child region a figure belongs to; empty for the region's own).
    The region's own figures come first.
    """
    below = set(reference.descendants(code))
    mask = (frame["region_code"] == code) | frame["region_code"].isin(below)
    rows = frame.loc[mask].copy()
    rows["from_child"] = rows["region_code"] != code
    rows["via_zh"] = rows["region_zh"].where(rows["from_child"], "")
    rows["via_en"] = rows["region_en"].where(rows["from_child"], "")
    return rows.sort_values(["from_child", "region_code"], kind="stable")
