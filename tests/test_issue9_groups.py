"""Issue #9's comparability groups on the real catalogue and data: one concept, definition, scope kind and
unit dimension each, a one-line definition in both languages, and the splits the audit asked for."""

import pytest


def test_every_group_has_a_one_line_definition_in_chinese_and_english(real):
    dataset, _ = real
    for group in dataset.reference.groups.values():
        for text in (group.definition_zh, group.definition_en):
            assert text.strip() and "\n" not in text.strip(), group.key
        assert group.definition_zh != group.definition_en, group.key


def test_figures_of_a_group_share_one_scope_kind_and_one_unit(real):
    _, frame = real
    per_group = frame.groupby("group").agg(scopes=("group_scope", "nunique"), units=("base_unit", "nunique"))
    assert (per_group["scopes"] == 1).all() and (per_group["units"] == 1).all()


# (what the audit found mixed, the figure ids that stood in one group) -> each now in a group of its own
SPLITS = {
    "industry output: value added, gross output, revenue, size": {
        "chongqing-2021-big-health-14th-fyp-13": "health_industry_value_added",
        "anhui-2024-kangyang-industry-opinions-1": "health_industry_gross_output",
        "chongqing-2021-xiqiahui-big-health-pavilion-4": "health_industry_revenue",
        "hanshan-2026-kangyang-industry-output": "health_industry_size",
    },
    "herb planting area and selenium-rich demonstration bases": {
        "laibin-2021-herb-planting-area": "herb_planting_area",
        "laibin-2021-selenium-base-area": "selenium_base_area",
    },
    "integrated care institutions: medical and elderly-care": {
        "hubei-2026-jimu-elderly-care-nursing-share-4": "integrated_care_institutions",
        "nanan-2023-integrated-care-institutions": "integrated_care_elderly_institutions",
    },
    "internet hospitals licensed, and hospitals and firms": {
        "yinchuan-licensed-internet-hospitals": "internet_hospitals",
        "yinchuan-internet-hospitals-and-health-firms": "internet_hospitals_and_health_firms",
    },
    "elderly-care institutions: all, demonstration ones, pilots": {
        "nanan-2023-elderly-care-institutions": "elderly_care_institutions",
        "laibin-elderly-care-demo-institutions": "elderly_care_demo_institutions",
        "laibin-smart-elderly-care-pilots": "smart_elderly_care_pilots",
    },
    "sports: events, event brands, flagship events": {
        "nanan-2023-mass-sports-events": "mass_sports_events",
        "nanan-2024-sports-event-brands": "sports_event_brands",
        "laibin-sports-tourism-events": "sports_tourism_events",
    },
    "enterprises above designated size, and firms above a stated output": {
        "nanan-2023-fitness-enterprises": "fitness_enterprises_above_scale",
        "nanan-2024-kangyang-enterprises-above-scale": "kangyang_enterprises_above_scale",
        "laibin-pharma-enterprises-over-100m": "pharma_enterprises_over_100m",
    },
}


@pytest.mark.parametrize("split", list(SPLITS))
def test_what_the_audit_found_mixed_is_split(real, split):
    dataset, frame = real
    expected = SPLITS[split]
    found = dict(zip(frame["figure_id"], frame["group"]))
    assert {fid: found.get(fid) for fid in expected} == expected
    assert len(set(expected.values())) == len(expected)  # one group each
    definitions = {dataset.reference.groups[g].definition_en for g in expected.values()}
    assert len(definitions) == len(expected)  # each its own definition


def test_enterprises_settled_stand_alone_now_that_the_one_to_attract_is_dropped(real):
    dataset, frame = real
    settled = frame[frame["group"] == "park_enterprises"]
    assert list(settled["figure_id"]) == ["qijiang-park-enterprises"]
    assert "settled" in dataset.reference.groups["park_enterprises"].definition_en
    assert not any("attract" in key for key in dataset.reference.groups)


def test_yinchuans_two_internet_hospital_counts_are_never_joined(real):
    _, frame = real
    yinchuan = frame[frame["region_code"] == "640100"]
    licensed = yinchuan[yinchuan["group"] == "internet_hospitals"]
    assert sorted(licensed["value"]) == [15, 149]  # 165 (hospitals and firms) is another definition
