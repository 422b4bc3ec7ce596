"""Browse by region: picker, filters, table content, children's figures, detail, URL state."""

import pytest


def table(at, key="browse.table"):
    return next(df for df in at.dataframe if df.proto.id and key in df.proto.id).value


def detail(at):
    return next(df.value for df in at.dataframe if list(df.value.columns) in (["项目", "内容"], ["Field", "Value"]))


def test_hanshan_shows_its_bed_target_as_written(open_page):
    at = open_page("browse", region="130402")
    assert not at.exception and not at.error
    shown = table(at)
    beds = shown[shown["metric"] == "养老床位总数"].iloc[0]
    assert beds["value_text"] == "≥3,000 张"
    assert beds["kind"] == "目标" and beds["year"] == 2026
    assert "3千张以上" in beds["evidence"]
    assert [at.selectbox(key=k).value for k in ("browse.l0", "browse.l1", "browse.l2")] == ["130000", "130400", "130402"]


def test_english_keeps_evidence_chinese_beside_english_names(open_page):
    at = open_page("browse", region="130402", lang="en")
    shown = table(at)
    beds = shown[shown["metric"] == "Elderly-care beds (all)"].iloc[0]
    assert beds["value_text"] == "≥3,000 beds"
    assert "养老床位" in beds["evidence"]
    assert at.selectbox(key="browse.l0").label == "Province"


@pytest.mark.parametrize(("region", "lang", "labels"), [
    ("130402", "en", ["Province", "Prefecture city", "District / county"]),
    ("130402", "zh", ["省级", "地级市", "区县"]),
    ("500108", "en", ["Province", "District / county", "District / county"]),  # Chongqing's districts are not cities
    ("500108", "zh", ["省级", "区县", "区县"]),
])
def test_pickers_name_the_level_they_offer(open_page, region, lang, labels):
    at = open_page("browse", region=region, lang=lang)
    assert [at.selectbox(key=k).label for k in ("browse.l0", "browse.l1", "browse.l2")] == labels


def test_a_parent_shows_its_childrens_figures_marked(open_page):
    at = open_page("browse", region="451300", lang="en")
    shown = table(at)
    within = shown[shown["region"].str.startswith("within: ")]
    assert list(within["region"]) == ["within: Jinxiu Yao Autonomous County"]
    assert "1 of them from regions within it" in at.text[0].value


def test_filters_narrow_the_table_and_go_into_the_url(open_page):
    at = open_page("browse", region="451300")
    at.selectbox(key="browse.kind").set_value("actual").run()
    assert set(table(at)["kind"]) == {"实际"}
    assert at.query_params["kind"] == "actual" and at.query_params["region"] == "451300"
    at.selectbox(key="browse.l0").set_value("").run()  # back to all regions: lower levels cleared
    assert at.selectbox(key="browse.l1").value == ""
    assert "region" not in at.query_params


def test_query_params_reproduce_a_view_with_a_figure_detail(open_page):
    at = open_page("browse", region="130402", category="elderly_care", figure="hanshan-2026-elderly-beds")
    assert at.selectbox(key="browse.category").value == "elderly_care"
    assert len(table(at)) >= 1 and set(table(at)["category"]) == {"养老服务"}
    text = " ".join(detail(at).iloc[:, 1].astype(str))
    assert "≥3,000 张" in text and "邯山区人民政府办公室" in text
    assert any("3千张以上" in c.value for c in at.code)


def test_empty_filter_result_says_why(open_page):
    at = open_page("browse", region="130402", kind="actual")
    assert at.selectbox(key="browse.kind").value == ""  # Hanshan reports no actual: the filter is not offered
    at = open_page("browse", region="130402", year="2026", confidence="low")
    assert not at.exception


def test_downloads_are_offered(open_page):
    at = open_page("browse", region="130402", lang="en")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels[:2] == ["Download CSV", "Download Excel"]


@pytest.mark.parametrize(("code", "lang", "label"), [
    ("451324", "zh", "金秀瑶族自治县（自治县 · 来宾市 · 广西壮族自治区）"),
    ("500108", "en", "Nan'an District (district · Chongqing)"),
    ("130400", "en", "Handan (prefecture city · Hebei)"),
    ("130000", "zh", "河北省（省）"),
])
def test_the_region_search_says_each_regions_level_and_where_it_lies(code, lang, label):
    from healthtargets import load_dataset
    from healthtargets.views.browse import found_label

    assert found_label(load_dataset(), code, lang) == label
