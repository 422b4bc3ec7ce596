"""From candidates to a checked snippet for targets.yaml (the core of the page "Add a document")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from healthtargets.dataset.load import load_dataset
from healthtargets.extract import extract
from healthtargets.extract.draft import (
    candidates_frame,
    catalog_of,
    check_snippet,
    figure_records,
    highlight_html,
    merged,
    preview,
    slug,
    snippet_text,
    source_record,
    suggested_region,
    suggested_source_id,
    without,
)
from healthtargets.extract.metadata import document_meta
from healthtargets.extract.prefill import already_in, source_fields
from healthtargets.extract.problems import plain_problems
from healthtargets.extract.text import text_sha256

TEXT = (Path(__file__).resolve().parent / "fixtures" / "extract" / "sample_plan.txt").read_text(encoding="utf-8")
SOURCE = {"id": "jinxiu-2025-plan", "title": "金秀瑶族自治县康养产业发展三年行动方案", "title_en": "Jinxiu action plan",
          "issuer": "金秀瑶族自治县人民政府办公室", "doc_number": "金政办发〔2025〕7号", "type": "implementation_plan",
          "region": "451324", "date_written": "2025-03-18", "date_published": "", "url": " ", "notes": None}


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


@pytest.fixture(scope="module")
def rows(dataset):
    frame = candidates_frame(extract(TEXT, catalog_of(dataset.reference)))
    return frame.to_dict("records")


def build(rows, picked, **source):
    record = source_record(SOURCE | source, text_sha256(TEXT.encode("utf-8")))
    return snippet_text(record, figure_records([rows[i] for i in picked], record["id"] or "x"))


def test_editor_frame_has_a_row_per_candidate_none_accepted(rows):
    assert len(rows) == 26
    assert not any(r["accept"] for r in rows)
    assert rows[0]["written"] == "26家" and rows[0]["year"] == 2024


def test_source_record_writes_dates_as_dates_and_blanks_as_null():
    record = source_record(SOURCE, "ab" * 32)
    assert record["date_written"] == dt.date(2025, 3, 18)
    assert (record["date_published"], record["url"], record["notes"]) == (None, None, None)
    assert list(record) == ["id", "title", "title_en", "issuer", "doc_number", "type", "region", "date_written",
                            "date_published", "url", "text_sha256", "notes"]


def test_snippet_is_targets_yaml_shaped(rows):
    data = yaml.safe_load(build(rows, [0, 12, 14]))
    assert data["sources"][0]["region"] == "451324"
    figure = data["figures"][2]
    assert figure == {"id": "jinxiu-2025-plan-2027-herb-planting-area", "source": "jinxiu-2025-plan", "region": "451324",
                      "metric": "herb_planting_area", "kind": "target", "value": 20, "low": None, "high": None,
                      "qualifier": "about", "unit": "万亩", "year": 2027, "evidence": "中药材种植面积稳定在20万亩左右",
                      "confidence": "high", "note": None}


def test_figure_ids_are_unique_slugs():
    rows = [{"metric": "elderly_care_beds", "year": 2027}, {"metric": "elderly_care_beds", "year": 2027}, {"metric": None}]
    assert [f["id"] for f in figure_records(rows, "src")] == [
        "src-2027-elderly-care-beds", "src-2027-elderly-care-beds-2", "src-figure-3"]


def test_valid_snippet_checks_and_previews(rows, dataset):
    snippet = build(rows, [0, 12, 16])
    check = check_snippet(snippet, TEXT, dataset)
    assert check.valid, check.problems
    whole = merged(dataset, check.draft)
    assert len(whole.figures) == len(dataset.figures) + 3
    assert "jinxiu-2025-plan" in whole.sources
    assert len(preview(dataset, snippet).figures) == len(dataset.figures) + 3
    assert dataset.checks and whole.checks == dataset.checks  # previewing keeps the recorded searches
    assert len(dataset.figures) == len(load_dataset().figures)  # nothing written, nothing changed


def test_range_and_zero_candidates_validate(rows, dataset):
    # the curator picks a metric where none was suggested
    picked = [dict(r, metric=r["metric"] if isinstance(r["metric"], str) else "pharma_enterprises_over_100m")
              for r in rows if r["qualifier"] == "range" or r["value"] == 0]
    assert [r["written"] for r in picked] == ["还没有国家级中医药健康旅游示范基地", "2至3家", "1-2个", "2—3条"]
    record = source_record(SOURCE, "ab" * 32)
    check = check_snippet(snippet_text(record, figure_records(picked, record["id"])), TEXT, dataset)
    assert check.valid, check.problems


def test_problems_come_from_the_same_validator(rows, dataset):
    check = check_snippet(build(rows, [0], id="Bad Id", date_written="2025-02-30"), TEXT, dataset)
    assert not check.valid
    listed = [str(p) for p in check.problems]
    assert any("source Bad Id: id: 'Bad Id' is not a lower-case slug" in p for p in listed)
    assert any(p.startswith("snippet.yaml:") and "date_written" in p for p in listed)


def test_ids_already_in_the_data_set_are_refused(rows, dataset):
    taken = next(iter(dataset.sources))
    check = check_snippet(build(rows, [0], id=taken), TEXT, dataset)
    assert (f"source {taken}", "id", "already used in targets.yaml") in [(p.record, p.field, p.message) for p in check.problems]
    assert preview(dataset, build(rows, [0], id=taken)) is dataset


def test_evidence_must_be_in_the_text(rows, dataset):
    edited = dict(rows[0], evidence="全县共有养老机构26家（改）")
    record = source_record(SOURCE, "ab" * 32)
    check = check_snippet(snippet_text(record, figure_records([edited], record["id"])), TEXT, dataset)
    assert [(p.record, p.field, p.message) for p in check.problems] == [
        ("figure jinxiu-2025-plan-2024-elderly-care-institutions", "evidence", "not found in the text")]


def test_lowered_confidence_needs_a_note(rows, dataset):
    edited = dict(rows[0], confidence="medium")
    record = source_record(SOURCE, "ab" * 32)
    check = check_snippet(snippet_text(record, figure_records([edited], record["id"])), TEXT, dataset)
    assert any(str(p).endswith("note: confidence is medium: say why in a note") for p in check.problems)


def test_highlight_escapes_the_text_and_marks_candidates():
    text = '<img src=x onerror="alert(1)">建成养老床位3千张以上 & 40亿元'
    candidates = extract(text, doc_year=2024)
    body = highlight_html(text, candidates, accepted={1})
    assert "<img" not in body and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in body
    assert "&amp;" in body
    assert ">3千张以上<sup>1</sup></mark>" in body and ">40亿元<sup>2</sup></mark>" in body
    assert body.count("#b7e4c7") == 1  # the accepted one is green


def test_suggestions(dataset, rows):
    candidates = extract(TEXT, catalog_of(dataset.reference))
    assert suggested_region(candidates) == "451324"
    assert suggested_source_id(dataset.reference, "451324", 2025, "implementation_plan") == "jinxiu-2025-implementation-plan"
    assert suggested_source_id(dataset.reference, "500108", None, "proposal_reply") == "nanan-proposal-reply"
    assert slug("Nan'an District") == "nanan-district"


def test_without_takes_a_previewed_snippet_out_again(rows, dataset):
    snippet = build(rows, [0, 12])
    whole = preview(dataset, snippet)
    assert len(whole.figures) == len(dataset.figures) + 2
    base = without(whole, snippet)
    assert (len(base.figures), set(base.sources)) == (len(dataset.figures), set(dataset.sources))
    assert base.checks == dataset.checks
    assert check_snippet(snippet, TEXT, base).valid
    assert without(dataset, snippet) is dataset and without(dataset, None) is dataset


def test_problems_in_plain_words_name_the_figure_and_what_to_do(rows, dataset):
    edited = dict(rows[0], confidence="medium")
    record = source_record(SOURCE, "ab" * 32)
    figures = figure_records([edited], record["id"])
    check = check_snippet(snippet_text(record, figures), TEXT, dataset)
    labels = {figures[0]["id"]: "1 (26家)"}
    assert plain_problems(check.problems, "en", labels) == ["Figure 1 (26家): when confidence is not high, say why in the note."]
    assert plain_problems(check.problems, "zh", labels) == ["第 1 (26家) 条数据：可信度不是“高”时，请在备注中说明原因。"]
    bad = source_record(SOURCE | {"id": "Bad Id"}, "ab" * 32)
    check = check_snippet(snippet_text(bad, figure_records(rows[:1], bad["id"])), TEXT, dataset)
    assert plain_problems(check.problems, "en", {}) == [  # the figure's id, made of the bad source id, is not told again
        "The source: the id may hold only lower-case letters, digits and dashes, like laibin-2021-herb-area."]


def test_a_document_already_in_the_data_set_by_number_or_title(dataset):
    source = dataset.sources["laibin-2019-dajiankang-plan"]
    spaced = source.doc_number.replace("〔", "[").replace("〕", "]").replace("号", " 号")
    assert already_in(dataset, spaced, None) == (source.id, "doc_number")
    assert already_in(dataset, None, f"{source.title}（{source.doc_number}）") == (source.id, "title")
    assert already_in(dataset, "新政发〔2030〕1号", "一份新的文件") is None


def test_source_fields_from_what_the_text_says(dataset):
    meta = document_meta(TEXT, catalog_of(dataset.reference))
    fields = source_fields(meta, dataset.reference, "plan")
    assert (fields["doc_number"], fields["date_written"], fields["region"], fields["type"]) == (
        "金政办发〔2025〕7号", "2025-03-18", "451324", "implementation_plan")
    assert fields["id"] == "jinxiu-2025-implementation-plan"
    blank = source_fields(document_meta("新增养老床位500张。", catalog_of(dataset.reference)), dataset.reference, "plan")
    assert (blank["title"], blank["issuer"], blank["type"], "region" in blank) == ("", "", "plan", False)
