"""Regions side by side: matrix cells, bar data, per-resident, benchmarks, scope notes, chart."""

import datetime as dt
import io
import json

import pandas as pd
import pytest
from analytics_helpers import fig, frame, reference
from chart_fixtures import y_unit

from healthtargets.dataset.schema import Source
from healthtargets.views.compare import (
    bar_data,
    benchmark_data,
    clamp_regions,
    compare_chart,
    compare_matrix,
    default_regions,
    groups_compared,
    overlap_suggestions,
    per_resident_why,
    scope_notes,
)
from healthtargets.views.formatting import axis_scale

REF = reference()
HANSHAN, NANAN, QIJIANG, LAIBIN = "130402", "500108", "500110", "451300"
FIGURES = frame(
    fig("hanshan-output", HANSHAN, "health_industry_output", value=40, year=2026, source="hanshan"),
    fig("hanshan-beds", HANSHAN, "elderly_care_beds", value=3000, qualifier="at_least", source="hanshan"),
    fig("nanan-fitness", NANAN, "health_service_value_added", kind="actual", value=289.3, year=2023, source="nanan"),
    fig("nanan-devices", NANAN, "health_industry_output", low=5, high=10, qualifier="range", year=None,
        source="nanan"),
    fig("laibin-sports", LAIBIN, "sports_area_per_capita", value=1.8, year=2021, source="laibin"),
    fig("china-sports-2022", "100000", "sports_area_per_capita", kind="actual", value=2.62, year=2022,
        source="nat"),
    fig("china-sports-2024", "100000", "sports_area_per_capita", kind="actual", value=3.0, year=2024,
        source="nat"),
)
SOURCES = {sid: Source(id=sid, title=f"{sid}题目", title_en=f"{sid} title", issuer=f"{sid}政府", doc_number=None,
                       type="implementation_plan", region=HANSHAN, date_written=dt.date(2024, 1, 1),
                       date_published=None, url=None, text_sha256=None, notes=None)
           for sid in ("hanshan", "nanan", "laibin", "nat")}


def test_matrix_by_category_lists_what_is_known_and_dashes_the_rest():
    m = compare_matrix(FIGURES, [HANSHAN, NANAN], REF, by="category", lang="zh")
    assert list(m.columns) == ["类别", "指标", "邯山区", "南岸区"]
    cells = {row["指标"]: (row["邯山区"], row["南岸区"]) for _, row in m.iterrows()}
    assert cells["康养产业规模"] == ("目标 2026：40亿元", "目标：5–10亿元")
    assert cells["大健康服务业增加值"] == ("—", "实际 2023：289.3亿元")
    assert cells["养老床位"] == ("目标 2026：≥3,000 张", "—")


def test_matrix_by_group_joins_metrics_in_one_cell_in_english():
    m = compare_matrix(FIGURES, [HANSHAN, NANAN], REF, by="group", lang="en", key="industry_output")
    assert list(m.columns) == ["Comparability group", "Hanshan District", "Nan'an District"]
    assert m.iloc[0]["Nan'an District"] == (
        "Health-care industry output · target: CNY 0.5–1 bn\n"
        "Health-service value added · actual 2023: CNY 28.93 bn")


def test_matrix_adds_national_column_where_benchmarks_exist():
    m = compare_matrix(FIGURES, [LAIBIN, NANAN], REF, by="category", lang="zh", key="sports")
    assert m.iloc[0]["全国"] == "实际 2022：2.62 平方米/人\n实际 2024：3 平方米/人"
    assert m.iloc[0]["南岸区"] == "—"


@pytest.mark.parametrize("codes, expected", [
    ([HANSHAN, HANSHAN, NANAN], [HANSHAN, NANAN]),
    (["1", "2", "3", "4", "5", "6", "7"], ["1", "2", "3", "4", "5", "6"]),
])
def test_clamp_regions(codes, expected):
    assert clamp_regions(codes) == expected


def test_default_regions_share_the_most_groups():
    # Hanshan and Nan'an share industry output; Laibin shares nothing with them; the country is no region to pick.
    assert default_regions(FIGURES) == [HANSHAN, NANAN]
    three = frame(*[fig(f"{code}-{metric}", code, metric, value=1, year=2026)
                    for code in (HANSHAN, NANAN, QIJIANG) for metric in ("elderly_care_beds", "herb_planting_area")],
                  fig("laibin-beds", LAIBIN, "elderly_care_beds", value=1))
    assert default_regions(three) == [HANSHAN, NANAN, QIJIANG]  # Laibin would leave one group in common


def test_no_overlap_suggests_the_regions_that_share_groups():
    assert groups_compared(FIGURES, [HANSHAN, LAIBIN]) == []
    assert overlap_suggestions(FIGURES, [HANSHAN, LAIBIN]) == [(NANAN, 1)]
    assert overlap_suggestions(FIGURES, [QIJIANG]) == []


def test_groups_compared_most_covered_first():
    assert groups_compared(FIGURES, [HANSHAN, NANAN])[0] == "industry_output"


def test_bar_data_ranges_sit_at_midpoint_with_whiskers():
    data = bar_data(FIGURES, [HANSHAN, NANAN], "industry_output", REF, "zh")
    got = [(r.region, r.kind, r.shown, r.err_minus, r.err_plus) for r in data.itertuples()]
    assert got[0][:3] == ("邯山区", "target", 4e9) and pd.isna(got[0][3]) and pd.isna(got[0][4])
    assert got[1][:3] == ("南岸区", "target", 7.5e8)
    assert got[1][3:] == pytest.approx((2.5e8, 2.5e8))
    assert got[2][:3] == ("南岸区", "actual", 289.3e8)


def test_per_resident_uses_population_and_says_where_unknown():
    data = bar_data(FIGURES, [HANSHAN, NANAN], "industry_output", REF, "en", per_resident=True)
    hanshan = data[data["region"] == "Hanshan District"].iloc[0]
    assert pd.isna(hanshan["shown"]) and hanshan["why"] == "population unknown"
    nanan = data[data["figure_id"] == "nanan-fitness"].iloc[0]
    assert nanan["shown"] == pytest.approx(289.3e8 / 1197639)
    assert nanan["population_year"] == 2020


@pytest.mark.parametrize("group, why", [
    ("elderly_care_beds", None), ("industry_output", None),
    ("sports_area_per_capita", "this group is already a rate (per 1,000 or per resident)"),
    ("integrated_care_per_county", "this group is a rule for each sub-region, not the region's total"),
])
def test_per_resident_applies_to_stocks_and_flows_only(group, why):
    assert per_resident_why(REF.groups[group], "en") == why


@pytest.mark.parametrize("magnitude, unit, lang, expected", [
    (2.893e10, "CNY", "zh", (1e8, "亿元")), (2.893e10, "CNY", "en", (1e9, "CNY bn")),
    (2e5, "mu", "zh", (1e4, "万亩")), (2e5, "mu", "en", (1, "mu")), (3000, "bed", "zh", (1, "张")),
    (8e6, "person", "en", (1e6, "million persons")),
])
def test_axis_scale(magnitude, unit, lang, expected):
    assert axis_scale(magnitude, unit, lang, REF.units) == expected


def test_benchmark_is_the_latest_national_rate():
    marks = benchmark_data(FIGURES, "sports_area_per_capita", REF, "zh")
    assert list(zip(marks["figure_id"], marks["shown"])) == [("china-sports-2024", 3.0)]


def test_national_totals_are_no_benchmark_unless_per_resident():
    assert benchmark_data(FIGURES, "elderly_care_beds", REF, "zh").empty


def test_scope_notes_state_the_definition_and_metric_scopes():
    notes = scope_notes(FIGURES, REF, "industry_output", "en", codes=[HANSHAN, NANAN])
    assert notes == ["definition of industry_output", "Health-care industry output: scope of Health-care industry output",
                     "Health-service value added: scope of Health-service value added"]


def test_chart_tells_targets_from_actuals_and_draws_benchmarks():
    spec = compare_chart(FIGURES, SOURCES, [LAIBIN, NANAN], "sports_area_per_capita", REF, "en")
    figure = json.loads(spec.plot.to_json())
    assert [t["name"] for t in figure["data"]] == ["target (hatched bars)"]
    assert figure["layout"]["showlegend"] is True  # the legend says so with one kind of bar too (on the page and the image)
    assert figure["data"][0]["marker"]["pattern"]["shape"] == "/"
    assert figure["layout"]["shapes"][0]["y0"] == 3.0
    assert y_unit(figure) == "m² per resident"
    assert "No figure: Nan'an District" in figure["layout"]["title"]["text"]
    assert spec.page == "compare" and spec.file_stem.endswith("-en")
    assert [src.id for src in spec.sources] == ["laibin", "nat"]


def test_chart_per_resident_and_log():
    spec = compare_chart(FIGURES, SOURCES, [HANSHAN, NANAN], "industry_output", REF, "zh",
                         per_resident=True, log=True)
    figure = json.loads(spec.plot.to_json())
    assert figure["layout"]["yaxis"]["type"] == "log"
    assert y_unit(figure) == "元/人"
    assert "邯山区常住人口不详" in figure["layout"]["title"]["text"]
    assert "南岸区按 2020 年常住人口 119.8万人 计" in figure["layout"]["title"]["text"]
    actual = [t for t in figure["data"] if t["name"] == "实际（实心柱）"][0]
    assert actual["y"] == pytest.approx([289.3e8 / 1197639])


@pytest.mark.parametrize("seed", range(6))
def test_the_default_pair_is_the_pair_sharing_the_most_groups_lowest_codes_first(seed):
    import random

    from healthtargets.views.compare import _best_pair

    rng = random.Random(seed)
    codes = sorted({f"{rng.randrange(110000, 660000):06d}" for _ in range(40)})
    groups = {code: set(rng.sample(["a", "b", "c", "d", "e", "f", "g"], rng.randrange(0, 5))) for code in codes}
    pairs = [(len(groups[a] & groups[b]), a, b) for i, a in enumerate(codes) for b in codes[i + 1:]]
    most = max(p[0] for p in pairs)
    expected = None if most == 0 else min((a, b) for n, a, b in pairs if n == most)
    assert _best_pair(groups, codes) == expected


def test_a_cells_figures_go_one_a_line_on_the_page_and_list_separated_in_the_file():
    """Ningxia's two nursing-bed shares: one a line in the matrix shown; "；" / "; " between them in the
    CSV and Excel files, where each row of the matrix stays one line."""
    from healthtargets import figures_frame, load_dataset
    from healthtargets.dataset.tables import table_bytes
    from healthtargets.views.compare import matrix_file_table

    dataset = load_dataset()
    frame = figures_frame(dataset)
    for lang, shown, filed in [("zh", "目标 2024：≥55%\n目标 2024：55%", "目标 2024：≥55%；目标 2024：55%"),
                               ("en", "target 2024: ≥55%\ntarget 2024: 55%", "target 2024: ≥55%; target 2024: 55%")]:
        matrix = compare_matrix(frame, ["420000", "640000", "420100"], dataset.reference, by="group", lang=lang,
                                key="nursing_bed_share")
        ningxia = matrix.columns[2]
        assert matrix[ningxia].iloc[0] == shown
        out = matrix_file_table(matrix, lang)
        assert out[ningxia].iloc[0] == filed and list(out.columns) == list(matrix.columns)
        csv = table_bytes(out, "csv").decode("utf-8-sig")
        assert csv.splitlines()[1].split(",")[2] == filed and len(csv.splitlines()) == len(matrix) + 1
        sheet = pd.read_excel(io.BytesIO(table_bytes(out, "xlsx")))
        assert sheet[ningxia].iloc[0] == filed
