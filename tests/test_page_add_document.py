"""The page "Add a document" in AppTest: paste or upload, accept, build a snippet that validates."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from healthtargets.dataset.load import load_dataset
from healthtargets.dataset.paths import TARGETS_PATH
from healthtargets.extract.draft import check_snippet


def shown(markdown: str) -> str:
    """What a visitor reads of a caption: its Markdown rendered, tags dropped, entities read."""
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", MarkdownIt().render(markdown))).strip()


SAMPLE = Path(__file__).resolve().parent / "fixtures" / "extract" / "sample_plan.txt"
TEXT = SAMPLE.read_text(encoding="utf-8")


def _accept(at, *rows):
    at.session_state["add.editor"] = {"edited_rows": {r: {"accept": True} for r in rows}, "added_rows": [], "deleted_rows": []}
    at.run()


def _fill_source(at, **fields):
    values = {"title": "金秀瑶族自治县康养产业发展三年行动方案", "title_en": "Jinxiu County three-year kangyang action plan",
              "issuer": "金秀瑶族自治县人民政府办公室", "date_written": "2025-03-18"} | fields
    for field, value in values.items():
        at.text_input(key=f"add.src.{field}").set_value(value)
    at.button(key="add.build").click()
    at.run()


def _snippet(at) -> str:
    return next(c.value for c in at.code if c.value.startswith("# Draft for targets.yaml"))


def test_paste_accept_two_and_build_a_snippet_that_validates(open_page):
    at = open_page("add_document", lang="en")
    assert not at.exception
    at.text_area(key="add.text").set_value(TEXT)
    at.run()
    [editor] = at.data_editor
    assert len(editor.value) == 26
    assert list(editor.value["written"][:2]) == ["26家", "1860张"]

    _accept(at, 0, 12)
    assert "2 accepted." in [c.value for c in at.caption]
    _fill_source(at)
    assert not at.exception
    assert [e.value for e in at.success] == ["The snippet validates: 1 source, 2 figures. Download it and append it to targets.yaml."]
    assert at.get("download_button")[0].label == "Download the YAML snippet"

    snippet = _snippet(at)
    data = yaml.safe_load(snippet)
    [source] = data["sources"]
    assert source["id"] == "jinxiu-2025-implementation-plan"
    assert source["region"] == "451324"
    assert source["text_sha256"] == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert [(f["id"], f["value"], f["unit"], f["kind"], f["year"]) for f in data["figures"]] == [
        ("jinxiu-2025-implementation-plan-2024-elderly-care-institutions", 26, "家", "actual", 2024),
        ("jinxiu-2025-implementation-plan-2027-elderly-care-beds", 2500, "张", "target", 2027),
    ]
    # the same validator, outside the page: the snippet is valid against the real data set
    assert check_snippet(snippet, TEXT, load_dataset()).valid


def test_preview_shows_the_new_figures_for_the_session(open_page):
    at = open_page("add_document", lang="en")
    at.text_area(key="add.text").set_value(TEXT)
    at.run()
    _accept(at, 0, 12)
    _fill_source(at)
    preview = [d for d in at.dataframe if d.editing_mode == "read_only"][-1].value
    assert list(preview["value_text"]) == ["26 units", "2,500 beds"]
    assert list(preview["region"]) == ["Jinxiu Yao Autonomous County"] * 2
    assert list(preview["kind"]) == ["actual", "target"]
    assert at.session_state["add.preview"].rstrip() == _snippet(at).rstrip()


def test_problems_block_the_download_and_are_said_in_plain_words(open_page):
    at = open_page("add_document", lang="en")
    at.text_area(key="add.text").set_value(TEXT)
    at.run()
    _accept(at, 0)
    _fill_source(at, id="Not A Slug", date_written="2025-13-40")
    [error] = at.error
    assert error.value.startswith("The snippet has 2 problem(s); fix them to download it:")
    assert ("- The source: the id may hold only lower-case letters, digits and dashes, like laibin-2021-herb-area."
            in error.value)
    assert "- The source: write the date it was written as YYYY-MM-DD (for example 2024-07-25), or leave it blank." in error.value
    assert "snippet.yaml" not in error.value and "is not a lower-case slug" not in error.value  # not the validator's words
    assert "is not a lower-case slug" in at.code[0].value  # which stay at hand, folded away
    assert not at.get("download_button")
    assert "add.preview" not in at.session_state


def test_problems_are_said_in_the_pages_language(open_page):
    at = open_page("add_document", lang="zh")
    at.text_area(key="add.text").set_value(TEXT)
    at.run()
    edited = {"accept": True, "evidence": "全县共有养老机构26家（改）"}
    at.session_state["add.editor"] = {"edited_rows": {0: edited}, "added_rows": [], "deleted_rows": []}
    at.run()
    _fill_source(at)
    assert at.error[0].value == "片段有 1 处问题，修正后才能下载：\n\n- 第 1 (26家) 条数据：原文依据在文本中找不到，请与原文保持一字不差。"
    _fill_source(at, id="Not A Slug")
    assert "- 来源信息：编号只能用小写英文字母、数字和连字符，例如 laibin-2021-herb-area。" in at.error[0].value


def test_nothing_accepted_is_a_problem(open_page):
    at = open_page("add_document", lang="en")
    at.text_area(key="add.text").set_value(TEXT)
    at.run()
    _fill_source(at)
    assert "- Tick “accept” for at least one candidate figure." in at.error[0].value


def test_the_source_is_filled_in_from_the_text(open_page):
    at = open_page("add_document", lang="en")
    at.text_area(key="add.text").set_value(TEXT)
    at.run()
    fields = {f: at.text_input(key=f"add.src.{f}").value for f in ("title", "issuer", "doc_number", "date_written", "id")}
    assert fields == {"title": "金秀瑶族自治县人民政府办公室关于印发金秀瑶族自治县康养产业发展三年行动方案的通知",
                      "issuer": "金秀瑶族自治县人民政府办公室", "doc_number": "金政办发〔2025〕7号",
                      "date_written": "2025-03-18", "id": "jinxiu-2025-implementation-plan"}
    assert at.selectbox(key="add.src.region").value == "451324"
    assert at.selectbox(key="add.src.type").value == "implementation_plan"
    assert "Filled in from the text where it says so: check each field." in [c.value for c in at.caption]
    assert not at.warning  # not yet in the data set


def test_a_document_already_in_the_data_set_is_recognised(open_page):
    at = open_page("add_document", lang="en")
    taken = load_dataset().sources["laibin-2019-dajiankang-plan"]
    at.text_area(key="add.text").set_value(f"发文字号：{taken.doc_number}\n到2025年，全市新增养老床位3000张。")
    at.run()
    [warning] = at.warning
    assert warning.value.startswith("This document is already in the data set as “laibin-2019-dajiankang-plan” (the same document number).")
    at.text_area(key="add.text").set_value(f"{taken.title}\n到2025年，全市新增养老床位3000张。")
    at.run()
    assert "(the same title)" in at.warning[0].value


def test_select_all_and_select_none(open_page):
    at = open_page("add_document", lang="en")
    at.text_area(key="add.text").set_value(TEXT)
    at.run()
    _accept(at, 3)
    at.button(key="add.select_all").click().run()
    [editor] = at.data_editor
    assert editor.value["accept"].all() and "26 accepted." in [c.value for c in at.caption]
    at.button(key="add.select_none").click().run()
    [editor] = at.data_editor
    assert not editor.value["accept"].any() and "0 accepted." in [c.value for c in at.caption]
    assert at.button(key="add.select_all").label == "Select all"


def test_text_is_escaped_in_the_highlighted_view(open_page):
    at = open_page("add_document")
    at.text_area(key="add.text").set_value("<script>alert(1)</script><b>建成养老床位3千张以上</b>")
    at.run()
    [body] = [h.proto.body for h in at.main.get("html") if "<mark" in h.proto.body]  # not the page's style sheet
    assert "<script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;b&gt;" in body and '<mark style="background:#ffe8a3' in body
    assert ">3千张以上<sup>1</sup></mark>" in body


def test_upload_gb18030(open_page):
    at = open_page("add_document", lang="en")
    at.radio(key="add.input").set_value("upload")
    at.run()
    at.file_uploader(key="add.upload").set_value(("plan.txt", TEXT.encode("gb18030"), "text/plain"))
    at.run()
    assert not at.exception
    assert f"Read plan.txt: {len(TEXT):,} characters, encoding gb18030." in [shown(c.value) for c in at.caption]
    assert "26 candidate figures found (yellow; accepted ones green)." in [c.value for c in at.caption]


def test_upload_of_a_binary_file_says_what_is_wrong(open_page):
    at = open_page("add_document", lang="en")
    at.radio(key="add.input").set_value("upload")
    at.run()
    at.file_uploader(key="add.upload").set_value(("scan.txt", b"\x00\x01\x02" * 50, "text/plain"))
    at.run()
    assert shown(at.error[0].value).startswith("Cannot read scan.txt: ")


@pytest.mark.parametrize("file_name", [
    "[plan](http://example.com/x).txt",
    ":red[官方] **通知** _2024_.txt",
    "# 标题 `code` <b>x</b>.txt",
])
def test_an_uploaded_files_name_shows_as_written_not_as_markdown(open_page, file_name):
    at = open_page("add_document", lang="en")
    at.radio(key="add.input").set_value("upload")
    at.run()
    at.file_uploader(key="add.upload").set_value((file_name, TEXT.encode("utf-8"), "text/plain"))
    at.run()
    assert f"Read {file_name}: {len(TEXT):,} characters, encoding utf-8." in [shown(c.value) for c in at.caption]


def test_an_upload_over_the_limit_is_refused_with_its_size(open_page):
    at = open_page("add_document", lang="zh")
    at.radio(key="add.input").set_value("upload")
    at.run()
    at.file_uploader(key="add.upload").set_value(("big.txt", "养老床位".encode() * 100_000, "text/plain"))
    at.run()
    assert [shown(e.value) for e in at.error] == [
        "big.txt 有 1.1 MB，本页最多读取 1 MB：请分成几个文件，或用命令行 python -m healthtargets extract 文件。"]
    assert not at.data_editor


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "This text has 200,001 characters; this page reads at most 200,000 at a time: paste it in parts, "
           "or use the command line: python -m healthtargets extract FILE."),
    ("zh", "这段文本有 200,001 字，本页一次最多读取 200,000 字：请分段粘贴，或用命令行 python -m healthtargets extract 文件。"),
])
def test_a_paste_over_the_limit_is_refused_before_any_extraction(open_page, lang, message):
    at = open_page("add_document", lang=lang)
    at.text_area(key="add.text").set_value("床" * 200_001)
    at.run()
    assert [shown(e.value) for e in at.error] == [message]
    assert not at.data_editor and not at.exception


def test_empty_page_asks_for_a_text_in_chinese(open_page):
    at = open_page("add_document", lang="zh")
    assert [i.value for i in at.info] == ["请先粘贴或上传文本。"]


NEW_SOURCE = "jinxiu-2025-implementation-plan"
NOTICE = "Previewing 2 unsaved figures from this session"


def _previewing(at) -> AppTest:
    """Build the two-figure snippet of the sample plan on the page: the session now previews it."""
    at.text_area(key="add.text").set_value(TEXT)
    at.run()
    _accept(at, 0, 12)
    _fill_source(at)
    assert not at.exception
    return at


def _go(at, page: str, **query) -> AppTest:
    at.switch_page(f"../pages/{page}.py")
    for name, value in {"lang": "en", **query}.items():
        at.query_params[name] = value
    return at.run()


def _notices(at) -> list[str]:
    return [i.value for i in at.info if i.value.startswith("Previewing")]


def test_the_preview_is_on_every_page_until_discarded(open_page):
    at = _previewing(open_page("add_document", lang="en"))
    assert _notices(at) == [NOTICE]  # at once, on the page that built it

    _go(at, "sources", doc=NEW_SOURCE)
    assert not at.exception and not at.error
    docs, figures = (d.value for d in at.dataframe)
    assert NEW_SOURCE in set(docs["id"])
    assert docs.loc[docs["id"] == NEW_SOURCE, "figures"].iloc[0] == 2
    assert at.selectbox(key="sources.doc").value == NEW_SOURCE
    assert list(figures["value_text"]) == ["26 units", "2,500 beds"]
    assert _notices(at) == [NOTICE]

    _go(at, "browse", region="451324")
    assert not at.exception and not at.error
    assert at.selectbox(key="browse.l2").value == "451324"
    table = at.dataframe(key="browse.table").value
    new = table[table["value_text"].isin(["26 units", "2,500 beds"])]
    assert list(new["kind"]) == ["actual", "target"] and set(new["region"]) == {"Jinxiu Yao Autonomous County"}
    assert _notices(at) == [NOTICE]

    at.button(key="preview.discard").click().run()
    assert not at.exception
    assert _notices(at) == []
    assert "add.preview" not in at.session_state
    table = at.dataframe(key="browse.table").value
    assert not set(table["value_text"]) & {"26 units", "2,500 beds"}

    _go(at, "sources")
    docs = at.dataframe[0].value
    assert NEW_SOURCE not in set(docs["id"])
    assert _notices(at) == []


def test_discarding_on_the_page_itself_keeps_the_work_but_not_the_preview(open_page):
    at = _previewing(open_page("add_document", lang="en"))
    at.button(key="preview.discard").click().run()
    assert not at.exception
    assert _notices(at) == [] and "add.preview" not in at.session_state
    assert not at.success and not at.get("download_button")  # the snippet is not built again by itself
    assert "2 accepted." in [c.value for c in at.caption]  # the curator's choices stay
    at.button(key="add.build").click().run()  # building it again previews it again
    assert _notices(at) == [NOTICE]


def test_the_notice_is_in_chinese_too(open_page):
    at = _previewing(open_page("add_document", lang="zh"))
    assert [i.value for i in at.info if i.value.startswith("预览中")] == ["预览中：本会话包含 2 条未保存的新数据"]
    assert at.button(key="preview.discard").label == "放弃预览"


def test_a_snippet_already_in_the_files_is_not_previewed(open_page, tmp_path, monkeypatch):
    at = _previewing(open_page("add_document", lang="en"))
    snippet = at.session_state["add.preview"]
    merged = tmp_path / "targets.yaml"
    whole = yaml.load(Path(TARGETS_PATH).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)  # libyaml: 10× the pure-Python parser
    extra = yaml.safe_load(snippet)
    whole["sources"] += extra["sources"]
    whole["figures"] += extra["figures"]
    merged.write_text(yaml.dump(whole, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setenv("HEALTHTARGETS_TARGETS", str(merged))
    _go(at, "sources")
    assert not at.exception
    docs = at.dataframe[0].value
    assert list(docs["id"]).count(NEW_SOURCE) == 1
    assert _notices(at) == []


def test_text_source_details_and_accepted_rows_survive_a_visit_to_another_page(open_page):
    at = open_page("add_document", lang="en")
    at.text_area(key="add.text").set_value(TEXT)
    at.run()
    _accept(at, 0, 12)
    at.text_input(key="add.src.issuer").set_value("金秀瑶族自治县人民政府办公室")
    at.button(key="add.build").click()  # a form's fields count once submitted
    at.run()
    at.switch_page("../pages/sources.py")
    at.run()
    assert not at.exception
    at.switch_page("../pages/add_document.py")
    at.run()
    assert not at.exception
    assert at.text_area(key="add.text").value == TEXT
    assert at.text_input(key="add.src.issuer").value == "金秀瑶族自治县人民政府办公室"
    [editor] = at.data_editor
    assert list(editor.value.index[editor.value["accept"].fillna(False).astype(bool)]) == [0, 12]
    assert "2 accepted." in [c.value for c in at.caption]


def test_the_uploader_refuses_what_the_page_would_refuse():
    import tomllib

    from healthtargets.extract.text import PAGE_UPLOAD_MAX_MB

    config = tomllib.loads((Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == PAGE_UPLOAD_MAX_MB
