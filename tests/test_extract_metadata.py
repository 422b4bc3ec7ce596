"""What a document says of itself, read to pre-fill the source of Add a document (issue 14, class 12)."""

from __future__ import annotations

import datetime as dt

import pytest

from healthtargets.extract import default_catalog
from healthtargets.extract.metadata import document_meta

PAGE = """当前位置：首页 > 政府信息公开 > 政府文件
发文单位：来宾市人民政府  成文日期：2023年5月8日
标  题：来宾市人民政府关于印发来宾市康养产业发展三年行动方案的通知
发文字号：来政发〔2023〕15号  发布日期：2023年5月12日

各县（市、区）人民政府：
现将《来宾市康养产业发展三年行动方案》印发给你们，请认真贯彻执行。根据《关于促进养老服务发展的意见》（桂政办发〔2020〕38号），到2025年全市新增养老床位3000张。
"""

LETTER = """重庆市綦江区民政局

关于区政协三届三次会议第12号提案的

复 函

民盟界别组：
你们提出的《关于发展康养产业的建议》收悉。现答复如下：全区已建成养老机构20家。

重庆市綦江区民政局
二〇二四年七月二十五日
"""

NEWS = """银川市互联网医院达到150家
2024-03-05 10:20:31 来源：银川日报
本报讯（记者 王明）截至目前，银川市已有互联网医院150家，根据市政府办公室印发的银政办发〔2021〕12号文件，年内将再增20家。
"""

TRADITIONAL = """吉林省醫(yī)藥健康產(chǎn)業(yè)規模將達到5000億元
2016年10月09日 星期日
據悉，吉林省將加快發展醫藥健康產業。
"""


@pytest.fixture(scope="module")
def catalog():
    return default_catalog()


def test_a_government_page_gives_its_fields(catalog):
    meta = document_meta(PAGE, catalog)
    assert meta.title == "来宾市人民政府关于印发来宾市康养产业发展三年行动方案的通知"
    assert (meta.issuer, meta.doc_number) == ("来宾市人民政府", "来政发〔2023〕15号")
    assert (meta.date_written, meta.date_published) == (dt.date(2023, 5, 8), dt.date(2023, 5, 12))
    assert (meta.region, meta.type) == ("451300", "implementation_plan")


def test_a_letter_gives_its_letterhead_title_and_signed_date(catalog):
    meta = document_meta(LETTER, catalog)
    assert meta.title == "关于区政协三届三次会议第12号提案的复函"
    assert (meta.issuer, meta.doc_number) == ("重庆市綦江区民政局", None)
    assert meta.date_written == dt.date(2024, 7, 25)
    assert (meta.region, meta.type) == ("500110", "proposal_reply")


def test_a_news_article_gives_its_headline_and_dateline_not_a_cited_number(catalog):
    meta = document_meta(NEWS, catalog)
    assert meta.title == "银川市互联网医院达到150家"
    assert (meta.issuer, meta.doc_number, meta.date_written) == (None, None, None)
    assert meta.date_published == dt.date(2024, 3, 5)
    assert (meta.region, meta.type) == ("640100", "news_report")


def test_a_traditional_text_keeps_its_characters_without_the_romanisation(catalog):
    meta = document_meta(TRADITIONAL, catalog)
    assert meta.title == "吉林省醫藥健康產業規模將達到5000億元"
    assert meta.date_published == dt.date(2016, 10, 9)
    assert meta.region == "220000"


def test_a_text_that_says_nothing_of_itself_gives_nothing(catalog):
    meta = document_meta("全区新增养老床位500张。", catalog)
    assert (meta.title, meta.issuer, meta.doc_number, meta.date_written, meta.date_published) == (None,) * 5
