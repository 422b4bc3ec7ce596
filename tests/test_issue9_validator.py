"""Issue #9's catalogue rules: a group is one scope kind and one unit dimension, and the validator says
where a group or one of its members breaks that (file line, record, field, message)."""

from pathlib import Path

import pytest

from healthtargets.dataset.errors import DatasetInvalid
from healthtargets.dataset.load import load_dataset

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL = FIXTURES / "targets_minimal.yaml"
DATA = FIXTURES / "data"
TOURISM_GROUP = "category: industry, scope: stock, unit: item,"
TOURISM_METRIC = "  - {key: tourism_bases, group: tourism_bases, unit: item}"


def catalogue(tmp_path, *edits: tuple[str, str]) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("regions.yaml", "units.yaml"):
        (data / name).write_text((DATA / name).read_text(encoding="utf-8"), encoding="utf-8")
    text = (DATA / "metrics.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    (data / "metrics.yaml").write_text(text, encoding="utf-8")
    return data


def problems(data: Path) -> list[tuple]:
    with pytest.raises(DatasetInvalid) as caught:
        load_dataset(MINIMAL, data)
    return [(p.line, p.record, p.field, p.message) for p in caught.value.problems]


SCOPE_CASES = [
    ("a standard counted in items", "category: industry, scope: standard, unit: item,",
     [(8, "group tourism_bases", "unit", "'item' is a total unit; a standard group needs a rate unit")]),
    ("a per-sub-region rule given as a share", "category: industry, scope: per_subregion, unit: percent,",
     [(8, "group tourism_bases", "unit", "'percent' is a share unit; a per_subregion group needs a total unit"),
      (12, "metric tourism_bases", "unit", "'item' does not fit its group tourism_bases, whose unit is 'percent'")]),
    ("a reach count given as a rate", "category: industry, scope: reach, unit: item / kiloperson,",
     [(8, "group tourism_bases", "unit", "'item / kiloperson' is a rate unit; a reach group needs a total unit"),
      (12, "metric tourism_bases", "unit",
       "'item' does not fit its group tourism_bases, whose unit is 'item / kiloperson'")]),
]


@pytest.mark.parametrize("new, expected", [c[1:] for c in SCOPE_CASES], ids=[c[0] for c in SCOPE_CASES])
def test_a_group_whose_unit_does_not_fit_its_scope_kind_is_rejected(tmp_path, new, expected):
    assert problems(catalogue(tmp_path, (TOURISM_GROUP, new))) == sorted(expected)


@pytest.mark.parametrize("scope", ["stock", "flow", "reach", "per_subregion"])
def test_a_count_unit_fits_amounts_rules_and_reach(tmp_path, scope):
    data = catalogue(tmp_path, (TOURISM_GROUP, f"category: industry, scope: {scope}, unit: item,"))
    assert load_dataset(MINIMAL, data).reference.groups["tourism_bases"].scope == scope


def test_a_member_of_another_dimension_is_rejected(tmp_path):
    # a second metric in the bases group, counted in area: the group would mix two dimensions
    data = catalogue(tmp_path, (TOURISM_METRIC, TOURISM_METRIC + "\n  - {key: tourism_area, group: tourism_bases, unit: mu}"))
    assert problems(data) == [(13, "metric tourism_area", "unit",
                               "'mu' does not fit its group tourism_bases, whose unit is 'item'")]


def test_a_member_cannot_carry_a_scope_kind_of_its_own(tmp_path):
    # the scope kind is the group's: a metric that states one is refused, so members never differ in it
    data = catalogue(tmp_path, (TOURISM_METRIC, "  - {key: tourism_bases, group: tourism_bases, unit: item, scope: share}"))
    assert problems(data) == [(12, "metric tourism_bases", "scope", "unknown field")]
