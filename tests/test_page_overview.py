"""Overview: headline numbers, map, coverage matrix leading to Browse, newest documents."""

import json

from healthtargets import figures_frame, load_dataset
from healthtargets.i18n import t
from healthtargets.views import overview
from healthtargets.views.registry import PAGES


def test_headline_numbers_and_map(open_page):
    at = open_page("overview")
    assert not at.exception and not at.error
    metrics = {m.label: m.value for m in at.metric}
    frame = figures_frame(load_dataset())
    assert metrics["目标"] == f"{(frame['kind'] == 'target').sum():,}"
    dataset = load_dataset()
    assert metrics["最新文件"] == overview.newest_documents(dataset, 1)[0].date.isoformat()
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["title"]["text"] == "各地区目标与数据条数"
    bubbles = next(tr for tr in spec["data"] if tr.get("name") == "regions")
    assert "来宾市" in bubbles["text"]  # the region with the most figures is always named


def test_english_labels(open_page):
    at = open_page("overview", lang="en")
    assert at.title[0].value == "Overview"
    assert {m.label for m in at.metric} == {"Documents", "Regions with figures", "Targets", "Actuals", "Newest document"}
    assert at.segmented_control(key="lang.switch").value == "en"


def test_coverage_matrix_counts_and_leads_to_browse():
    dataset = load_dataset()
    frame = figures_frame(dataset)
    table, codes, keys = overview.coverage_view(dataset, frame, "en")
    row = codes.index("130402")
    assert table.iloc[row]["Region"].strip() == "Hanshan District"
    assert table.iloc[row]["Elderly care"] == "1" and table.iloc[row]["Total"] == "3"
    assert codes.index("500000") < codes.index("500108")  # a province before what lies within it
    column = list(table.columns).index("Elderly care")
    picked = overview.picked_cell({"cells": [(row, "Elderly care")]}, codes, keys, list(table.columns))
    assert picked == ("130402", keys[column]) == ("130402", "elderly_care")
    assert overview.picked_cell({"cells": [(row, "Level")]}, codes, keys, list(table.columns)) == ("130402", None)
    assert overview.picked_cell({"cells": []}, codes, keys, list(table.columns)) is None


def test_coverage_matrix_nests_regions_under_their_province_even_without_its_figures():
    dataset = load_dataset()
    frame = figures_frame(dataset)
    table, codes, _ = overview.coverage_view(dataset, frame, "en")
    rows = {code: (table.iloc[k]["Region"], table.iloc[k]["Level"]) for k, code in enumerate(codes)}
    assert codes[0] == "100000" and rows["100000"] == ("China", "country")
    assert codes.index("130000") < codes.index("130400") < codes.index("130402")  # Hebei, Handan, Hanshan
    assert codes.index("450000") < codes.index("451300")  # Guangxi, Laibin
    assert rows["130000"] == ("Hebei", "province") and rows["130400"] == ("\u3000Handan", "prefecture city")
    assert rows["130402"] == ("\u3000\u3000Hanshan District", "district")
    assert rows["500000"] == ("Chongqing", "municipality") and rows["500108"] == ("\u3000Nan'an District", "district")
    assert rows["451300"] == ("\u3000Laibin", "prefecture city")
    assert table.iloc[codes.index("130400")].tolist()[2:] == [""] * (table.shape[1] - 2)  # Handan has no figure
    cells = {str(v) for v in table.to_numpy().ravel()}
    assert not cells & {"None", "nan", "<NA>", "NaN"}


def test_regions_count_says_what_it_counts(open_page):
    at = open_page("overview", lang="en")
    regions = next(m for m in at.metric if m.label == "Regions with figures")
    frame = figures_frame(load_dataset())
    below = frame.loc[frame["region_code"] != "100000", "region_code"].nunique()
    assert regions.value == f"{below:,}"  # China (the national benchmarks) is not a region counted
    assert "China’s national benchmarks are not counted" in regions.help
    top = overview.headline(load_dataset(), frame)
    assert sum(top.regions_by_level.values()) == top.regions == below


def test_coverage_matrix_on_the_page_shows_no_raw_missing_values(open_page):
    at = open_page("overview", lang="zh")
    shown = at.dataframe[0].value
    assert not {str(v) for v in shown.to_numpy().ravel()} & {"None", "nan", "<NA>", "NaN"}
    assert list(shown.columns[:2]) == ["地区", "级别"]


def test_newest_documents_link_to_their_source_page(open_page):
    at = open_page("overview", lang="en")
    nav = {t(page.title_key, "en") for page in PAGES}  # the sidebar's page links are page links too
    links = [link for link in at.get("page_link") if link.proto.label not in nav]
    assert len(links) == 5
    newest = [source.issuer for source in overview.newest_documents(load_dataset(), 5)]
    assert [link.proto.label.replace("\\", "") for link in links] == newest
