"""Each validation rule, broken once in a small valid file, reports its exact line and message."""

from pathlib import Path

import pytest

from healthtargets.dataset.errors import DatasetInvalid
from healthtargets.dataset.load import load_dataset

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL = FIXTURES / "targets_minimal.yaml"
DATA = FIXTURES / "data"


def problems_after(tmp_path, edits: dict[int, str | None]) -> list[tuple]:
    """Load the minimal file with some lines replaced (None deletes); (line, record, field, message)."""
    lines = MINIMAL.read_text(encoding="utf-8").splitlines()
    for number, text in edits.items():
        lines[number - 1] = text
    broken = tmp_path / "targets.yaml"
    broken.write_text("\n".join(line for line in lines if line is not None) + "\n", encoding="utf-8")
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(broken, DATA)
    return [(p.line, p.record, p.field, p.message) for p in caught.value.problems]


def test_minimal_fixture_is_valid():
    dataset = load_dataset(MINIMAL, DATA)
    assert [f.id for f in dataset.figures] == ["hanshan-beds", "hanshan-bases", "hanshan-output"]


CASES = [
    ("missing field", {29: None},
     [(16, "figure hanshan-beds", "note", "required field is missing (write null when there is none)")]),
    ("unknown field", {29: "    notes: null"},
     [(16, "figure hanshan-beds", "note", "required field is missing (write null when there is none)"),
      (29, "figure hanshan-beds", "notes", "unknown field")]),
    ("kind not in the list", {20: "    kind: plan"},
     [(20, "figure hanshan-beds", "kind", "'plan' is not allowed; expected 'target', 'actual' or 'forecast'")]),
    ("region code not quoted", {18: "    region: 130402"},
     [(18, "figure hanshan-beds", "region", "130402 is not a 6-digit region code written as a quoted string, e.g. \"451300\"")]),
    ("evidence too long", {27: "    evidence: " + "建成养老床位3千张以上" * 6},
     [(27, "figure hanshan-beds", "evidence", "is 66 characters; at most 60 allowed")]),
    ("duplicate id", {30: "  - id: hanshan-beds"},
     [(30, "figure hanshan-beds", "id", "duplicate id (first used at line 16)")]),
    ("unknown source", {17: "    source: hanshan-2023"},
     [(17, "figure hanshan-beds", "source", "unknown source 'hanshan-2023'")]),
    ("unknown region", {18: '    region: "130499"'},
     [(18, "figure hanshan-beds", "region", "unknown region '130499'")]),
    ("unknown metric", {19: "    metric: nursing_beds"},
     [(19, "figure hanshan-beds", "metric", "unknown metric 'nursing_beds'")]),
    ("low not below high", {36: "    low: 3", 37: "    high: 1"},
     [(36, "figure hanshan-bases", "low", "low (3) must be below high (1)")]),
    ("range with a value", {35: "    value: 2"},
     [(35, "figure hanshan-bases", "value", "a range has no value: give low and high, and value: null")]),
    ("range without high", {37: "    high: null"},
     [(37, "figure hanshan-bases", "high", "a range needs both low and high")]),
    ("ends without range qualifier", {38: "    qualifier: exact"},
     [(38, "figure hanshan-bases", "qualifier", "low and high are given, so qualifier must be 'range', not 'exact'")]),
    ("no value and no range", {21: "    value: null"},
     [(21, "figure hanshan-beds", "value", "missing: only a range (qualifier: range) has no value")]),
    ("evidence lacks the number", {21: "    value: 2000"},
     [(27, "figure hanshan-beds", "evidence", "does not contain the number 2000")]),
    ("evidence lacks a range end", {37: "    high: 4"},
     [(41, "figure hanshan-bases", "evidence", "does not contain the range 1–4")]),
    ("run-together range kept high", {36: "    low: 1", 37: "    high: 3", 41: "    evidence: 康养旅游基地13家"},
     [(42, "figure hanshan-bases", "confidence", "the evidence runs the range together ('13'): the reading is uncertain, so confidence must be below high")]),
    ("target year before the source", {26: "    year: 2023"},
     [(26, "figure hanshan-beds", "year", "target year 2023 is before its source's date (2024-09-06)")]),
    ("unit does not fit the metric", {25: "    unit: 个"},
     [(25, "figure hanshan-beds", "unit", "unit '个' does not fit the metric's unit 'bed'")]),
    ("low confidence without a note", {28: "    confidence: low"},
     [(29, "figure hanshan-beds", "note", "confidence is low: say why in a note")]),
    ("unknown source region", {9: '    region: "999999"'},
     [(9, "source hanshan-2024", "region", "unknown region '999999'")]),
    ("bad date", {10: "    date_written: 2024-9-6"},
     [(10, "source hanshan-2024", "date_written", "'2024-9-6' is not a date written as YYYY-MM-DD, or null")]),
    ("duplicate key", {29: "    note: null\n    note: again"},
     [(30, "", "figures.0.note", "duplicate key")]),
    ("invalid YAML", {20: "    kind: [target"},
     [(21, "", "", "invalid YAML: did not find expected ',' or ']'")]),
    ("unknown top-level key", {15: "figure:"},
     [(15, "", "figure", "unknown top-level key (expected 'sources' and 'figures')"),
      (2, "", "figures", "missing: expected a list of records")]),
]


@pytest.mark.parametrize("edits, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_rule_reports_line_field_and_message(tmp_path, edits, expected):
    assert problems_after(tmp_path, edits) == sorted(expected)


def test_all_problems_are_reported_at_once(tmp_path):
    found = problems_after(tmp_path, {19: "    metric: nursing_beds", 26: "    year: 2023", 53: "    unit: 斤"})
    assert [(line, field) for line, _, field, _ in found] == [(19, "metric"), (26, "year"), (53, "unit")]


def test_zero_stated_in_words_counts_as_the_number(tmp_path):
    lines = MINIMAL.read_text(encoding="utf-8")
    text = lines.replace("value: 40\n", "value: 0\n").replace("康养产业规模达到40亿元", "我区还没有规模以上康养产业企业")
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_dataset(path, DATA).figures[2].value == 0


def test_problem_renders_as_file_line_record_field_message(tmp_path):
    path = tmp_path / "targets.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8").replace("unit: 张", "unit: 床"), encoding="utf-8")
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(path, DATA)
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"{path}:25: figure hanshan-beds: unit: unknown unit '床' (known: %, ")


def test_texts_check_finds_missing_text_and_evidence(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "hanshan.txt").write_text("确保到2026年建成养老床位3千张以上，康养产业规模达到40亿元", encoding="utf-8")
    import hashlib

    digest = hashlib.sha256((texts / "hanshan.txt").read_bytes()).hexdigest()
    path = tmp_path / "targets.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8").replace("text_sha256: null", f"text_sha256: {digest}"), encoding="utf-8")
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(path, DATA, texts_dir=texts)
    assert [(p.line, p.record, p.field, p.message) for p in caught.value.problems] == [
        (41, "figure hanshan-bases", "evidence", "not found in the text of source hanshan-2024 (hanshan.txt)")
    ]
    (texts / "hanshan.txt").write_text("other text", encoding="utf-8")
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(path, DATA, texts_dir=texts)
    assert [(p.line, p.field) for p in caught.value.problems] == [(13, "text_sha256")]
    assert caught.value.problems[0].message.startswith("no file in ")
