"""Each validation rule, broken once in a small valid file, reports its exact line and message."""

from pathlib import Path

import pytest

from healthtargets.dataset.errors import DatasetInvalid
from healthtargets.dataset.load import load_dataset

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL = FIXTURES / "targets_minimal.yaml"
DATA = FIXTURES / "data"


def edited(tmp_path, edits: dict[int, str | None]) -> Path:
    """The minimal file with some lines replaced (None deletes), written to tmp_path."""
    lines = MINIMAL.read_text(encoding="utf-8").splitlines()
    for number, text in edits.items():
        lines[number - 1] = text
    path = tmp_path / "targets.yaml"
    path.write_text("\n".join(line for line in lines if line is not None) + "\n", encoding="utf-8")
    return path


def problems_after(tmp_path, edits: dict[int, str | None]) -> list[tuple]:
    """Load the minimal file with some lines replaced (None deletes); (line, record, field, message)."""
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(edited(tmp_path, edits), DATA)
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
     [(26, "figure hanshan-beds", "year", "target year 2023 is before its source's date (2024-09-06); "
                                          "a source restating an earlier target says when it was set in set_in")]),
    ("restated target set after its year", {26: "    year: 2023\n    set_in: 2024"},
     [(27, "figure hanshan-beds", "set_in", "set in 2024, after its own target year 2023")]),
    ("restated target set after its source", {26: "    year: 2026\n    set_in: 2025"},
     [(27, "figure hanshan-beds", "set_in", "set in 2025, after its source's date (2024-09-06)")]),
    ("an actual said to be set", {20: "    kind: actual", 26: "    year: 2026\n    set_in: 2023"},
     [(27, "figure hanshan-beds", "set_in", "only a target is set; this figure is an actual")]),
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
     [(21, "", "", "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 20)")]),
    ("infinite value", {21: "    value: .inf"},
     [(21, "figure hanshan-beds", "value", "inf is not a finite number")]),
    ("value beyond any magnitude", {21: "    value: 1.0e+400"},
     [(21, "figure hanshan-beds", "value", "inf is not a finite number")]),
    ("a sixteen-digit value", {21: "    value: 9999999999999999"},
     [(21, "figure hanshan-beds", "value", "1e+16 is beyond any figure's magnitude (at most 1e+15)")]),
    ("evidence missing for a stored text", {27: "    evidence: null"},
     [(27, "figure hanshan-beds", "evidence",
       "missing: source hanshan-2024 has a stored text, so quote the words the number comes from")]),
    ("one fault, one message", {21: "    value: abc"},
     [(21, "figure hanshan-beds", "value", "input should be a valid integer (got 'abc')")]),
    ("unknown top-level key", {15: "figure:"},
     [(15, "", "figure", "unknown top-level key (expected 'sources', 'figures' and 'checks')"),
      (2, "", "figures", "missing: expected a list of records")]),
]


def test_a_target_restated_after_its_year_is_valid_when_it_says_when_it_was_set(tmp_path):
    restated = edited(tmp_path, {26: "    year: 2023\n    set_in: 2023"})  # a 2024 report restating 2023's target
    assert load_dataset(restated, DATA).figures[0].set_in == 2023


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
    (texts / "hanshan.txt").write_bytes((FIXTURES / "hanshan.txt").read_bytes())
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(MINIMAL, DATA, texts_dir=texts)
    assert [(p.line, p.record, p.field, p.message) for p in caught.value.problems] == [
        (41, "figure hanshan-bases", "evidence", "not found in the text of source hanshan-2024 (hanshan.txt)")
    ]
    (texts / "hanshan.txt").write_text("other text", encoding="utf-8")
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(MINIMAL, DATA, texts_dir=texts)
    assert [(p.line, p.field) for p in caught.value.problems] == [(13, "text_sha256")]
    assert caught.value.problems[0].message.startswith("no file in ")


PUBLIC = FIXTURES / "targets_public.yaml"


def public_problems(tmp_path, old: str, new: str) -> list[tuple]:
    broken = tmp_path / "targets.yaml"
    text = PUBLIC.read_text(encoding="utf-8")
    assert old in text
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(broken, DATA)
    return [(p.line, p.record, p.field, p.message) for p in caught.value.problems]


def test_public_material_fixture_is_valid():
    dataset = load_dataset(PUBLIC, DATA)
    assert [f.id for f in dataset.figures] == ["handan-2021-beds"]
    assert [c.target for c in dataset.checks] == ["handan-2021-beds"]


PUBLIC_CASES = [
    ("copied wording instead of a description",
     "    locator: paragraph 2\n", "    evidence: 到2022年全市养老床位达到3万张\n    locator: paragraph 2\n",
     [(30, "figure handan-2021-beds", "evidence", "source handan-2021-news has no stored text: give no copied wording, "
                                                  "but a locator and a description in our own words")]),
    ("no locator", "    locator: paragraph 2\n", "",
     [(19, "figure handan-2021-beds", "locator", "missing: a figure of public material needs a locator")]),
    ("a description that is a copied sentence",
     "    description: Elderly-care beds city-wide to reach 30,000 by 2022.",
     "    description: 到2022年全市养老床位总数达到三万张以上并且护理型床位占比",
     [(31, "figure handan-2021-beds", "description", "has 16 or more Chinese characters in a row: write it in our "
                                                      "own words, not the document's")]),
    ("no address for public material", "    url: https://example.org/handan", "    url: null",
     [(14, "source handan-2021-news", "url", "missing: public material needs the address it was read at")]),
    ("a check of an unknown figure", "  - target: handan-2021-beds", "  - target: handan-2021-hospitals",
     [(35, "check of handan-2021-hospitals", "target", "unknown figure 'handan-2021-hospitals'")]),
    ("a check of an actual", "    kind: target", "    kind: actual",
     [(35, "check of handan-2021-beds", "target", "figure 'handan-2021-beds' is an actual, not a target")]),
    ("a bad date in a check", "    checked: 2026-11-23", "    checked: 2026-13-45",
     [(36, "", "", "'2026-13-45' is not a valid date (write YYYY-MM-DD)")]),
]


@pytest.mark.parametrize("old, new, expected", [c[1:] for c in PUBLIC_CASES], ids=[c[0] for c in PUBLIC_CASES])
def test_each_provenance_rule_reports_line_field_and_message(tmp_path, old, new, expected):
    assert public_problems(tmp_path, old, new) == sorted(expected)


@pytest.mark.parametrize("text, message", [
    ("", "has no data (empty, or comments only): it needs 'sources' and 'figures'"),
    ("# only a comment\n", "has no data (empty, or comments only): it needs 'sources' and 'figures'"),
    ("{}\n", "is empty: it needs 'sources' and 'figures'"),
])
def test_an_empty_file_says_what_is_missing(tmp_path, text, message):
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(path, DATA)
    assert [(p.line, p.message) for p in caught.value.problems] == [(1, message)]


def catalogue_problems(tmp_path, old: str, new: str) -> list[tuple]:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("regions.yaml", "units.yaml"):
        (data / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    text = (DATA / "metrics.yaml").read_text(encoding="utf-8")
    assert old in text
    (data / "metrics.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(MINIMAL, data)
    return [(p.line, p.record, p.field, p.message) for p in caught.value.problems]


CATALOGUE_CASES = [
    ("a share group with a count unit", "category: elderly_care, scope: stock, unit: bed,",
     "category: elderly_care, scope: share, unit: bed,",
     [(6, "group elderly_care_beds", "unit", "'bed' is a total unit; a share group needs a share unit")]),
    ("a stock group with a rate unit", "category: elderly_care, scope: stock, unit: bed,",
     "category: elderly_care, scope: stock, unit: bed / kiloperson,",
     [(6, "group elderly_care_beds", "unit", "'bed / kiloperson' is a rate unit; a stock group needs a total unit"),
      (10, "metric elderly_care_beds", "unit", "'bed' does not fit its group elderly_care_beds, whose unit is "
                                               "'bed / kiloperson'")]),
    ("a metric whose unit does not fit its group", "{key: tourism_bases, group: tourism_bases, unit: item}",
     "{key: tourism_bases, group: tourism_bases, unit: bed}",
     [(12, "metric tourism_bases", "unit", "'bed' does not fit its group tourism_bases, whose unit is 'item'")]),
    ("an unknown scope kind", "scope: flow,", "scope: yearly,",
     [(7, "group industry_size", "scope", "'yearly' is not allowed; expected 'stock', 'flow', 'share', 'rate', "
                                          "'per_subregion', 'standard' or 'reach'")]),
    ("a group without a definition", ", definition_en: Kangyang tourism bases.}", "}",
     [(8, "group tourism_bases", "definition_en", "required field is missing (write null when there is none)")]),
]


@pytest.mark.parametrize("old, new, expected", [c[1:] for c in CATALOGUE_CASES], ids=[c[0] for c in CATALOGUE_CASES])
def test_each_catalogue_rule_reports_line_field_and_message(tmp_path, old, new, expected):
    assert catalogue_problems(tmp_path, old, new) == sorted(expected)


def test_a_region_without_population_says_why(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("metrics.yaml", "units.yaml"):
        (data / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    (data / "regions.yaml").write_text((DATA / "regions.yaml").read_text(encoding="utf-8").replace(
        ", population_note: not found", ""), encoding="utf-8")
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(MINIMAL, data)
    assert [(p.line, p.field, p.message) for p in caught.value.problems] == [
        (4, "population", "no population: give one with its year and source, or say in population_note why none")]
