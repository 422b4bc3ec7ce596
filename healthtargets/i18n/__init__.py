"""The dashboard's words in Chinese and English: one plain table, looked up with t().

Names that live in the reference tables (regions, metrics, categories, units) are
translated there; this table holds the interface's own words and the names of the
data set's fixed vocabularies (kinds, qualifiers, confidence, source types, levels).
"""

from __future__ import annotations

from .analytics import STRINGS as ANALYTICS_STRINGS
from .extract import STRINGS as EXTRACT_STRINGS

LANGS = ("zh", "en")

STRINGS: dict[str, dict[str, str]] = {
    # app and navigation
    "app.title": {"zh": "地方大健康产业目标追踪", "en": "Local health-industry targets tracker"},
    "app.lang": {"zh": "语言 / Language", "en": "Language / 语言"},
    "nav.overview": {"zh": "总览", "en": "Overview"},
    "nav.browse": {"zh": "按地区浏览", "en": "Browse by region"},
    "nav.compare": {"zh": "地区对比", "en": "Compare"},
    "nav.progress": {"zh": "目标与实际", "en": "Targets vs actuals"},
    "nav.sources": {"zh": "来源文件", "en": "Sources"},
    "nav.add": {"zh": "添加文件", "en": "Add a document"},
    "error.invalid": {
        "zh": "数据文件 targets.yaml 有 {n} 处问题，修正后页面才能显示：",
        "en": "The data file targets.yaml has {n} problem(s); fix them to see the dashboard:",
    },
    "error.missing": {"zh": "找不到数据文件：{path}", "en": "The data file is missing: {path}"},
    # overview
    "overview.title": {"zh": "总览", "en": "Overview"},
    "overview.intro": {
        "zh": "各地政府文件中的大健康、康养产业目标与实绩，逐条注明出处。",
        "en": "Health- and elderly-care-industry targets and actuals from local government documents, each with its source.",
    },
    "overview.documents": {"zh": "文件", "en": "Documents"},
    "overview.regions": {"zh": "地区", "en": "Regions"},
    "overview.targets": {"zh": "目标", "en": "Targets"},
    "overview.actuals": {"zh": "实际", "en": "Actuals"},
    "overview.newest": {"zh": "最新文件", "en": "Newest document"},
    "overview.map": {"zh": "各地区数据条数", "en": "Figures per region"},
    "overview.map_hover": {"zh": "目标 {targets} 条，实际 {actuals} 条", "en": "{targets} targets, {actuals} actuals"},
    "overview.map_none": {
        "zh": "没有带坐标的地区，无法画地图（地区表 data/regions.yaml 中 point 为空）。",
        "en": "No region has coordinates, so there is no map (point is empty in data/regions.yaml).",
    },
    "overview.coverage": {"zh": "覆盖矩阵：地区 × 类别", "en": "Coverage: regions × categories"},
    "overview.coverage_help": {
        "zh": "数字为数据条数。点选一个格子，即打开该地区该类别的数据。",
        "en": "Numbers are figure counts. Select a cell to open that region and category in Browse.",
    },
    "overview.newest_docs": {"zh": "最新文件", "en": "Newest documents"},
    "overview.figures_n": {"zh": "{n} 条数据", "en": "{n} figures"},
    "overview.empty": {"zh": "数据集中还没有任何数据。", "en": "The data set has no figures yet."},
    "chart.map_title": {"zh": "各地区数据条数", "en": "Figures per region"},
    "chart.lon": {"zh": "经度（°E）", "en": "Longitude (°E)"},
    "chart.lat": {"zh": "纬度（°N）", "en": "Latitude (°N)"},
    # browse
    "browse.title": {"zh": "按地区浏览", "en": "Browse by region"},
    "browse.province": {"zh": "省级", "en": "Province"},
    "browse.city": {"zh": "地市级", "en": "City"},
    "browse.district": {"zh": "区县级", "en": "District / county"},
    "browse.all": {"zh": "（全部）", "en": "(all)"},
    "browse.category": {"zh": "类别", "en": "Category"},
    "browse.kind": {"zh": "类型", "en": "Kind"},
    "browse.year": {"zh": "年份", "en": "Year"},
    "browse.confidence": {"zh": "可信度", "en": "Confidence"},
    "browse.showing": {
        "zh": "{region}：{n} 条数据（其中 {children} 条来自下级地区，已标明）",
        "en": "{region}: {n} figures ({children} of them from regions within it, marked as such)",
    },
    "browse.everywhere": {"zh": "全部地区", "en": "All regions"},
    "browse.empty_region": {"zh": "{region} 没有任何数据。", "en": "{region} has no figures."},
    "browse.empty_filter": {
        "zh": "{region} 有 {n} 条数据，但没有符合所选筛选条件的。请放宽类别、类型、年份或可信度。",
        "en": "{region} has {n} figures, but none match the filters. Widen category, kind, year or confidence.",
    },
    "browse.chart_title": {"zh": "{region}：各类别数据条数", "en": "{region}: figures by category"},
    "browse.chart_y": {"zh": "数据条数（条）", "en": "Figures (count)"},
    "browse.chart_x": {"zh": "类别", "en": "Category"},
    "browse.detail": {"zh": "数据详情", "en": "Figure detail"},
    "browse.detail_pick": {"zh": "选择一条数据查看详情", "en": "Pick a figure to see its detail"},
    "browse.detail_hint": {"zh": "在上方表格中点选一行，即显示该条数据的详情。", "en": "Select a row in the table above to see that figure's detail."},
    "browse.download_csv": {"zh": "下载 CSV", "en": "Download CSV"},
    "browse.download_xlsx": {"zh": "下载 Excel", "en": "Download Excel"},
    "browse.from_child": {"zh": "下级：{region}", "en": "within: {region}"},
    "detail.field": {"zh": "项目", "en": "Field"},
    "detail.value": {"zh": "内容", "en": "Value"},
    # columns
    "col.region": {"zh": "地区", "en": "Region"},
    "col.metric": {"zh": "指标", "en": "Metric"},
    "col.category": {"zh": "类别", "en": "Category"},
    "col.value": {"zh": "原文数值", "en": "Value as written"},
    "col.normalised": {"zh": "标准化数值", "en": "Normalised"},
    "col.unit": {"zh": "标准单位", "en": "Unit"},
    "col.year": {"zh": "年份", "en": "Year"},
    "col.kind": {"zh": "类型", "en": "Kind"},
    "col.confidence": {"zh": "可信度", "en": "Confidence"},
    "col.evidence": {"zh": "原文（中文）", "en": "Evidence (Chinese)"},
    "col.source": {"zh": "来源", "en": "Source"},
    "col.scope": {"zh": "口径", "en": "Scope"},
    "col.note": {"zh": "备注", "en": "Note"},
    "col.issuer": {"zh": "发文机关", "en": "Issuer"},
    "col.doc_number": {"zh": "文号", "en": "Document number"},
    "col.type": {"zh": "文件类型", "en": "Type"},
    "col.date_written": {"zh": "成文日期", "en": "Date written"},
    "col.date_published": {"zh": "发布日期", "en": "Date published"},
    "col.url": {"zh": "网址", "en": "Address"},
    "col.title": {"zh": "标题", "en": "Title"},
    "col.figures": {"zh": "数据条数", "en": "Figures"},
    "col.kinds": {"zh": "按类型", "en": "By kind"},
    "col.confidence_mix": {"zh": "可信度构成", "en": "Confidence mix"},
    "col.within": {"zh": "下级地区", "en": "From a region within"},
    "col.total": {"zh": "合计", "en": "Total"},
    "col.id": {"zh": "编号", "en": "ID"},
    # sources
    "sources.title": {"zh": "来源文件", "en": "Sources"},
    "sources.intro": {"zh": "数据集引用的全部文件，共 {n} 份。", "en": "Every document the data set cites: {n} in all."},
    "sources.pick": {"zh": "查看一份文件的全部数据", "en": "See all figures of one document"},
    "sources.doc_figures": {"zh": "该文件的 {n} 条数据及原文", "en": "The document's {n} figures with their evidence"},
    "sources.no_figures": {"zh": "该文件尚未录入任何数据。", "en": "No figure has been recorded from this document yet."},
    "sources.empty": {"zh": "数据集中还没有任何来源文件。", "en": "The data set has no sources yet."},
    "sources.unknown": {"zh": "不详", "en": "unknown"},
    "sources.notes": {"zh": "文件说明", "en": "Notes on the document"},
    # chart foot
    "chart.source_none": {"zh": "来源：无", "en": "Source: none"},
    # chart image downloads (ui/chart_download.py) and their sources.txt (chart_bundle.py)
    "download.format": {"zh": "图片格式", "en": "Image format"},
    "download.one": {"zh": "下载图表", "en": "Download chart"},
    "download.page": {"zh": "下载本页全部图表（ZIP）", "en": "Download all charts on this page (ZIP)"},
    "download.help_one": {"zh": "PNG 为 2 倍分辨率；SVG、PDF 为矢量图，可直接插入 Word 和幻灯片",
                          "en": "PNG at 2× resolution; SVG and PDF are vector images for Word and slides"},
    "download.help_page": {"zh": "每个图表一张图片、一份数据 CSV，另附引用来源清单 sources.txt",
                           "en": "One image and one CSV of the data per chart, and sources.txt listing the sources cited"},
    "bundle.heading": {"zh": "本组图表引用的来源", "en": "Sources cited by these charts"},
    "bundle.issuer": {"zh": "发布机关", "en": "Issuer"},
    "bundle.title": {"zh": "标题", "en": "Title"},
    "bundle.title_en": {"zh": "英文标题", "en": "Title (English)"},
    "bundle.number": {"zh": "文号", "en": "Number"},
    "bundle.written": {"zh": "成文日期", "en": "Date written"},
    "bundle.published": {"zh": "发布日期", "en": "Date published"},
    "bundle.url": {"zh": "网址", "en": "URL"},
    "bundle.charts": {"zh": "引用图表", "en": "Charts"},
    "bundle.none": {"zh": "无", "en": "none"},
    "bundle.unknown": {"zh": "不详", "en": "unknown"},
}

KINDS = {
    "target": {"zh": "目标", "en": "target"},
    "actual": {"zh": "实际", "en": "actual"},
    "forecast": {"zh": "预测", "en": "forecast"},
}
QUALIFIERS = {
    "exact": {"zh": "", "en": ""},
    "at_least": {"zh": "以上", "en": "at least"},
    "at_most": {"zh": "以下", "en": "at most"},
    "about": {"zh": "左右", "en": "about"},
    "over": {"zh": "超过", "en": "over"},
    "nearly": {"zh": "近", "en": "nearly"},
    "range": {"zh": "区间", "en": "range"},
}
CONFIDENCE = {
    "high": {"zh": "高", "en": "high"},
    "medium": {"zh": "中", "en": "medium"},
    "low": {"zh": "低", "en": "low"},
}
SOURCE_TYPES = {
    "proposal_reply": {"zh": "政协提案答复", "en": "reply to a CPPCC proposal"},
    "suggestion_reply": {"zh": "人大建议答复", "en": "reply to a people's congress suggestion"},
    "implementation_plan": {"zh": "实施方案", "en": "implementation plan"},
    "implementation_opinions": {"zh": "实施意见", "en": "implementation opinions"},
    "news_report": {"zh": "新闻报道", "en": "news report"},
    "statistical_report": {"zh": "统计公报", "en": "statistical report"},
}
LEVELS = {
    "country": {"zh": "国家", "en": "country"},
    "province": {"zh": "省级", "en": "province"},
    "prefecture": {"zh": "地市级", "en": "prefecture"},
    "county": {"zh": "区县级", "en": "county"},
}


def _merged(*tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """One table of several; a key defined twice is a mistake, caught at import."""
    merged: dict[str, dict[str, str]] = {}
    for table in tables:
        clash = merged.keys() & table.keys()
        if clash:
            raise ValueError(f"interface strings defined twice: {sorted(clash)}")
        merged.update(table)
    return merged


STRINGS = _merged(STRINGS, ANALYTICS_STRINGS, EXTRACT_STRINGS)
VOCABULARIES = {"kind": KINDS, "qualifier": QUALIFIERS, "confidence": CONFIDENCE, "source_type": SOURCE_TYPES, "level": LEVELS}


def t(key: str, lang: str, **kw) -> str:
    """The interface string `key` in `lang` ('zh' or 'en'), with {placeholders} filled."""
    text = STRINGS[key][lang if lang in LANGS else "zh"]
    return text.format(**kw) if kw else text


def name(vocabulary: str, key: str | None, lang: str) -> str:
    """A fixed vocabulary's word: name('kind', 'target', 'en') == 'target'."""
    if key is None:
        return ""
    entry = VOCABULARIES[vocabulary].get(key)
    return entry[lang if lang in LANGS else "zh"] if entry else key


def localised(entry, lang: str) -> str:
    """The zh or en name of a reference entry (region, metric, category, group)."""
    return getattr(entry, "en" if lang == "en" else "zh")


def col(frame_column: str, lang: str) -> str:
    """The frame's language-dependent column: col('region', 'en') == 'region_en'."""
    return f"{frame_column}_{'en' if lang == 'en' else 'zh'}"
