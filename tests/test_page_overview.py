"""Overview: headline numbers, map, coverage matrix leading to Browse, newest documents."""

import json

from healthtargets import figures_frame, load_dataset
from healthtargets.views import overview


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
    assert "邯山区" in bubbles["text"]


def test_english_labels(open_page):
    at = open_page("overview", lang="en")
    assert at.title[0].value == "Overview"
    assert {m.label for m in at.metric} == {"Documents", "Regions", "Targets", "Actuals", "Newest document"}
    assert at.segmented_control(key="lang.switch").value == "en"


def test_coverage_matrix_counts_and_leads_to_browse():
    dataset = load_dataset()
    frame = figures_frame(dataset)
    table, codes, keys = overview.coverage_view(dataset, frame, "en")
    row = codes.index("130402")
    assert table.iloc[row]["Region"].strip() == "Hanshan District"
    assert table.iloc[row]["Elderly care"] == 1 and table.iloc[row]["Total"] == 3
    assert codes.index("500000") < codes.index("500108")  # a province before what lies within it
    column = list(table.columns).index("Elderly care")
    picked = overview.picked_cell({"cells": [(row, "Elderly care")]}, codes, keys, list(table.columns))
    assert picked == ("130402", keys[column]) == ("130402", "elderly_care")
    assert overview.picked_cell({"cells": []}, codes, keys, list(table.columns)) is None


def test_newest_documents_link_to_their_source_page(open_page):
    at = open_page("overview", lang="en")
    links = at.get("page_link")
    assert len(links) == 5
    newest = [source.issuer for source in overview.newest_documents(load_dataset(), 5)]
    assert [link.proto.label.replace("\\", "") for link in links] == newest
