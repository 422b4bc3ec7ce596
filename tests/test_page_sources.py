"""Sources: every document with its figure mix; one document's figures with their evidence."""

import datetime as dt

import pytest


def tables(at):
    return [df.value for df in at.dataframe]


def test_lists_the_five_documents(open_page):
    at = open_page("sources")
    assert not at.exception and not at.error
    docs = tables(at)[0]
    issuers = set(docs["issuer"])
    for issuer in ("重庆市南岸区大健康产业发展促进中心", "重庆市綦江区卫生健康委员会", "银川市卫生健康委员会",
                   "来宾市人民政府", "邯山区人民政府办公室"):
        assert issuer in issuers
    hanshan = docs[docs["id"] == "hanshan-2024-kangyang-opinions"].iloc[0]
    assert hanshan["figures"] == 3 and hanshan["kinds"] == "目标 3"


def test_a_document_view_lists_its_figures_with_evidence(open_page):
    at = open_page("sources", doc="nanan-2024-kangyang-reply", lang="en")
    figures = tables(at)[1]
    output = figures[figures["metric"] == "Fitness industry scale"] if "Fitness industry scale" in set(figures["metric"]) else figures
    assert "289.3" in " ".join(figures["evidence"])
    assert "CNY 28.93 bn" in set(figures["value_text"])
    assert at.selectbox(key="sources.doc").value == "nanan-2024-kangyang-reply"
    assert len(output) >= 1


def test_picking_a_document_goes_into_the_url(open_page):
    at = open_page("sources")
    at.selectbox(key="sources.doc").set_value("laibin-2019-dajiankang-plan").run()
    assert at.query_params["doc"] == "laibin-2019-dajiankang-plan"
    assert len(tables(at)) == 2


@pytest.mark.parametrize("lang, issuer, notes_label", [
    ("zh", "新闻报道（发布者未注明） · ", "整理者备注（英文）: "),
    ("en", "news item (publisher not stated) · ", "Curator's notes: "),
])
def test_a_document_recorded_in_english_reads_in_the_pages_language(open_page, lang, issuer, notes_label):
    at = open_page("sources", doc="yinchuan-2017-internet-hospitals", lang=lang)
    texts = [x.value for x in at.text]
    assert texts[0].startswith(issuer)
    assert texts[1].startswith(notes_label) and "../" not in texts[1]  # no file path of ours
    if lang == "zh":  # every issuer on the page in Chinese, or with a Chinese gloss
        assert all(any("\u4e00" <= c <= "\u9fff" for c in issuer) for issuer in tables(at)[0]["issuer"])
    assert at.selectbox(key="sources.doc").format_func("") == {"zh": "（全部）", "en": "(all)"}[lang]


@pytest.mark.parametrize("lang, label, what, styles", [
    ("zh", "引用此文件", "《重庆市大健康产业发展“十四五”规划(2021—2025年)》所录数据（2 条）",
     ["GB/T 7714（中文报告）", "APA（英文报告）"]),
    ("en", "Cite this document", "Figures recorded from “Chongqing 14th Five-Year Plan for the big-health industry (2021-2025)” (2)",
     ["GB/T 7714 (reports in Chinese)", "APA (reports in English)"]),
])
def test_a_document_has_its_citation_in_both_styles(open_page, lang, label, what, styles):
    """The document itself, as GB/T 7714 and APA cite it, after the tracker's view of its figures."""
    before = dt.date.today()
    at = open_page("sources", doc="chongqing-2021-big-health-14th-fyp", lang=lang)
    after = dt.date.today()
    assert not at.exception
    box = next(e for e in at.expander if e.label == label)
    assert [c.value for c in box.caption] == styles
    gbt, apa = (c.value.splitlines() for c in box.code)
    # the date accessed is the day the page ran (a run that crosses midnight may take either day)
    (accessed,) = [day for day in {before, after} if f"[{day.isoformat()}]" in gbt[0]]
    assert gbt[0] == f"地方大健康产业目标追踪. {what}[DS/OL]. [{accessed.isoformat()}]."  # AppTest has no address
    url = "http://www.omzeyl.cn/news/zszc/20220412/1751541821674.shtml"
    assert gbt[1] == ("重庆市人民政府办公厅. 重庆市大健康产业发展“十四五”规划(2021—2025年): 渝府办发〔2021〕155号"
                      f"[EB/OL]. (2021-12-29)[{accessed.isoformat()}]. {url}.")
    assert apa[0] == f"Local health-industry targets tracker. ({accessed.year}). {what} [Data set]."
    assert apa[1].startswith("重庆市人民政府办公厅. (2021, December 29). ") and "(渝府办发〔2021〕155号)" in apa[1]
    assert apa[1].endswith(f", from {url}")


def test_no_citation_until_a_document_is_picked(open_page):
    at = open_page("sources", lang="en")
    assert not [e for e in at.expander if e.label == "Cite this document"]
