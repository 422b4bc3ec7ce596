"""Small hand-built frames and references for the analytics tests (compare, progress, regions).

Each test names the figures it needs; everything else takes a plain default.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from healthtargets.dataset.frame import COLUMNS
from healthtargets.dataset.paths import DATA_DIR
from healthtargets.dataset.reference import (
    Category,
    Group,
    Metric,
    Population,
    Reference,
    Region,
)
from healthtargets.dataset.units import UnitTable

REGIONS = [
    # code, zh, en, level, parent, population (year, value) or None
    ("100000", "中国", "China", "country", None, (2020, 1411778724)),
    ("130000", "河北省", "Hebei", "province", "100000", None),
    ("130400", "邯郸市", "Handan", "prefecture", "130000", (2020, 9413990)),
    ("130402", "邯山区", "Hanshan District", "county", "130400", None),
    ("450000", "广西壮族自治区", "Guangxi", "province", "100000", None),
    ("451300", "来宾市", "Laibin", "prefecture", "450000", (2020, 2074611)),
    ("451324", "金秀瑶族自治县", "Jinxiu County", "county", "451300", None),
    ("500000", "重庆市", "Chongqing", "province", "100000", None),
    ("500108", "南岸区", "Nan'an District", "county", "500000", (2020, 1197639)),
    ("500110", "綦江区", "Qijiang District", "county", "500000", (2020, 775509)),
]

METRICS = [
    # key, zh, en, category, unit, group, scope
    ("elderly_care_beds", "养老床位", "Elderly-care beds", "elderly_care", "bed", "elderly_care_beds", "stock"),
    ("health_industry_output", "康养产业规模", "Health-care industry output", "industry", "CNY", "industry_output", "flow"),
    ("health_service_value_added", "大健康服务业增加值", "Health-service value added", "industry", "CNY",
     "industry_output", "flow"),
    ("herb_planting_area", "中药材种植面积", "Herb planting area", "medicine_tcm", "mu", "planting_area", "stock"),
    ("internet_hospitals", "互联网医院", "Internet hospitals", "digital_health", "item", "internet_hospitals", "stock"),
    ("sports_area_per_capita", "人均体育场地面积", "Sports venue area per resident", "sports",
     "meter ** 2 / person", "sports_area_per_capita", "rate"),
    ("integrated_care_per_county", "每县医养融合型养老机构", "Integrated care institutions per county", "elderly_care",
     "item", "integrated_care_per_county", "per_subregion"),
    ("elderly_care_beds_added", "年度新增养老床位", "Elderly-care beds added in the year", "elderly_care", "bed",
     "beds_added", "flow"),
]
ONE_YEAR_GROUPS = {"beds_added"}  # what one year adds: only the target year's figure is its outcome

UNIT_TABLE = UnitTable.from_yaml(DATA_DIR / "units.yaml")
UNITS = {"张": ("bed", 1), "家": ("item", 1), "个": ("item", 1), "亿元": ("CNY", 1e8), "万元": ("CNY", 1e4),
         "万亩": ("mu", 1e4), "亩": ("mu", 1), "平方米/人": ("meter ** 2 / person", 1)}


def reference() -> Reference:
    categories = {k: Category(key=k, zh=k, en=k.replace("_", " ").capitalize())
                  for k in {m[3] for m in METRICS}}
    groups = {}
    for m in METRICS:
        groups.setdefault(m[5], Group(key=m[5], zh=f"{m[1]}组", en=f"{m[2]} group", category=m[3], scope=m[6],
                                      unit=m[4], definition_zh=f"{m[5]}的定义", definition_en=f"definition of {m[5]}",
                                      of_one_year=m[5] in ONE_YEAR_GROUPS))
    metrics = {m[0]: Metric(key=m[0], zh=m[1], en=m[2], unit=m[4], group=m[5],
                            scope_zh=f"{m[1]}的口径", scope_en=f"scope of {m[2]}") for m in METRICS}
    regions = {}
    for code, zh, en, level, parent, pop in REGIONS:
        population = [Population(year=pop[0], value=pop[1], basis="census", source="https://example.org")] if pop else []
        regions[code] = Region(code=code, zh=zh, en=en, level=level, parent=parent, population=population,
                               population_note=None if pop else "not found")
    return Reference(categories, groups, metrics, regions, UNIT_TABLE)


def fig(fid, region, metric, kind="target", value=None, unit=None, year=2026, qualifier="exact",
        low=None, high=None, source="src", source_date=dt.date(2024, 1, 1), confidence="high") -> dict:
    """One row of a figures frame, derived the way figures_frame derives it."""
    ref = _REF
    m = ref.metrics[metric]
    r = ref.regions[region]
    unit = unit or {"bed": "张", "CNY": "亿元", "mu": "万亩", "item": "个"}.get(m.unit, "平方米/人")
    factor = UNITS[unit][1]
    scale = lambda v: math.nan if v is None else v * factor  # noqa: E731
    pop = r.latest_population
    shown = value if value is not None else (None if low is None else (low + high) / 2)
    group = ref.groups[m.group]
    applies = group.per_resident
    per_resident = (shown * factor / pop.value) if (applies and pop and shown is not None) else math.nan
    row = {c: None for c in COLUMNS}
    row.update({
        "figure_id": fid, "source_id": source, "source_title": f"{source}题目", "source_title_en": f"{source} title",
        "issuer": f"{r.zh}人民政府", "source_date": source_date, "region_code": region, "region_zh": r.zh,
        "region_en": r.en, "region_level": r.level, "parent_code": r.parent, "metric": metric,
        "metric_zh": m.zh, "metric_en": m.en, "category": group.category,
        "category_zh": ref.categories[group.category].zh, "category_en": ref.categories[group.category].en,
        "group": m.group, "group_zh": group.zh, "group_en": group.en, "group_scope": group.scope,
        "definition_zh": group.definition_zh, "definition_en": group.definition_en,
        "scope_zh": m.scope_zh, "scope_en": m.scope_en, "kind": kind, "qualifier": qualifier,
        "value": value, "low": low, "high": high, "unit": unit,
        "base_value": scale(value), "base_low": scale(low), "base_high": scale(high), "base_unit": m.unit,
        "year": year, "evidence": f"{fid}原文", "confidence": confidence,
        "population": pop.value if pop else None, "population_year": pop.year if pop else None,
        "per_resident_applies": applies, "per_resident_value": per_resident,
    })
    return row


def frame(*rows: dict) -> pd.DataFrame:
    df = pd.DataFrame(list(rows), columns=COLUMNS)
    for column in ("value", "low", "high", "base_value", "base_low", "base_high", "per_resident_value"):
        df[column] = df[column].astype("float64")
    for column in ("year", "population", "population_year"):
        df[column] = df[column].astype("Int64")
    return df


_REF = reference()
