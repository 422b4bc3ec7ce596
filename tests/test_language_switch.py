"""The language switch relabels a page's choices at once and keeps what was chosen.

The browser keeps a keyed choice as the label it last showed: unless the server hands the value
again (``set_value``) with its label in the new language, chips, select boxes and radios stay in
the old language and a radio shows nothing chosen (tests/test_browser.py watches that in Chromium).
"""

import pytest

HUBEI_NINGXIA = "420000,640000"
CASES = [  # page, link query, widget key, what it shows in Chinese, in English
    ("compare", {"regions": HUBEI_NINGXIA}, "compare.regions", ["湖北省", "宁夏回族自治区"], ["Hubei", "Ningxia Hui Autonomous Region"]),
    ("compare", {"regions": HUBEI_NINGXIA}, "compare.by", "类别", "category"),
    ("compare", {"regions": HUBEI_NINGXIA, "by": "group"}, "compare.by", "可比组", "comparability group"),
    ("compare", {"regions": HUBEI_NINGXIA}, "compare.key", "（全部）", "(all)"),
    ("compare", {"regions": HUBEI_NINGXIA, "group": "nursing_bed_share"}, "compare.group", "护理型床位占比", "Share of nursing-type beds"),
    ("browse", {"region": "130402"}, "browse.l0", "河北省", "Hebei"),
    ("browse", {"region": "130402"}, "browse.l2", "邯山区", "Hanshan District"),
    ("browse", {"region": "130402", "kind": "target"}, "browse.kind", "目标", "target"),
    ("browse", {"region": "130402"}, "browse.group", "养老床位总数", "Elderly-care beds (all)"),
    ("progress", {"status": "achieved"}, "progress.status", "已达成", "achieved"),
    ("progress", {"region": "500000"}, "progress.region", "重庆市", "Chongqing"),
    ("sources", {"doc": "laibin-2019-dajiankang-plan"}, "sources.doc", "2019-11-18 · 来宾市人民政府", "2019-11-18 · Notice of the Laibin"),
]
WIDGETS = ("selectbox", "multiselect", "radio")


def widget(at, key):
    return next(w for kind in WIDGETS for w in at.get(kind) if w.proto.id.endswith(f"-{key}"))


def shown(w):
    """What the browser draws in the widget: the label of its value."""
    return list(w.proto.raw_values) if w.proto.DESCRIPTOR.name == "MultiSelect" else w.proto.raw_value


@pytest.mark.parametrize("start, end", [("zh", "en"), ("en", "zh")])
@pytest.mark.parametrize("page, query, key, zh, en", CASES, ids=[f"{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_a_switch_relabels_the_choice_and_keeps_it(open_page, page, query, key, zh, en, start, end):
    at = open_page(page, lang=start, **query)
    labels = {"zh": zh, "en": en}
    before = widget(at, key)
    value = before.value
    assert _starts(shown(before), labels[start])

    at.segmented_control(key="lang.switch").set_value(end).run()
    after = widget(at, key)
    assert not at.exception
    assert after.value == value and after.value is not None  # the same choice, still made
    assert after.proto.set_value, "the browser is handed the value again"
    assert _starts(shown(after), labels[end])


def _starts(text, expected) -> bool:
    """The label shown begins with the expected words (a document's label goes on with its title)."""
    if isinstance(expected, list):
        return list(text) == expected
    return str(text).startswith(expected)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_run_without_a_switch_leaves_the_browser_its_choice(open_page, lang):
    at = open_page("compare", lang=lang, regions=HUBEI_NINGXIA)
    at.radio(key="compare.by").set_value("group").run()
    assert not widget(at, "compare.by").proto.set_value
