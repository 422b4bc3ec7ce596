"""Issue #9 as a reader sees the pages, headless: Compare in English (no overlap, definitions) and
Browse's chart of values by comparability group."""

import json

from chart_fixtures import y_unit
from page_apptest import open_direct

from healthtargets.dataset.frame import figures_frame
from healthtargets.dataset.load import load_dataset
from healthtargets.views.compare import overlap_suggestions

HANSHAN, NANAN, HUBEI, NINGXIA = "130402", "500108", "420000", "640000"


def test_compare_in_english_says_plainly_that_nothing_is_shared_and_who_shares():
    dataset = load_dataset()
    at = open_direct("compare", regions=f"{HANSHAN},{NANAN}", lang="en")
    assert [w.value for w in at.warning] == [
        "Hanshan District, Nan'an District have nothing comparable: no comparability group has figures in two "
        "of them."]
    assert "Regions that share comparability groups with the selection:" in [m.value for m in at.markdown]
    expected = overlap_suggestions(figures_frame(dataset), [HANSHAN, NANAN])
    assert expected and all(n >= 1 for _, n in expected)
    names = {code: dataset.reference.regions[code].en for code, _ in expected}
    texts = [t.value for t in at.text]
    assert texts[:len(expected)] == [f"{names[code]} ({n} groups in common)" for code, n in expected]
    assert not at.get("plotly_chart")


def test_compare_in_english_shows_the_groups_english_definition():
    definition = load_dataset().reference.groups["nursing_bed_share"].definition_en
    at = open_direct("compare", regions=f"{HUBEI},{NINGXIA}", by="group", key="nursing_bed_share",
                     group="nursing_bed_share", lang="en")
    assert definition in [t.value for t in at.text]
    title = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["title"]["text"]
    assert definition.split(" (")[0] in title.replace("<br><sup>", " ").replace("</sup>", "")


def test_browse_chart_draws_values_of_a_comparability_group_not_record_counts():
    at = open_direct("browse", region="451300", lang="en")
    assert at.selectbox(key="browse.group").label == (
        "Comparability group in the chart")
    at.selectbox(key="browse.group").set_value("herb_planting_area").run()
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["title"]["text"].startswith("Laibin: Medicinal-herb planting area")
    values = sorted(v for trace in spec["data"] for v in trace["y"])
    assert values == [100000, 200000]  # Laibin's 100,000-mu target and Jinxiu's nearly 200,000 mu
    assert y_unit(spec) == "mu"
