"""Words of the page "Add a document" and its preview notice, in Chinese and English.

A table of its own so that it grows without touching the others; i18n.t() looks keys up in all of them.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "add.title": {"zh": "添加文件", "en": "Add a document"},
    "add.intro": {
        "zh": "粘贴或上传一份政府文件的文本：助手找出其中的数字，您逐条确认、更正或舍弃，填写来源信息，得到可直接追加到 targets.yaml 的 YAML 片段（已经数据集的校验器检查）。",
        "en": "Paste or upload the text of a government document: the assistant finds its figures, you accept, correct "
              "or reject each, fill in the source's details, and get a YAML snippet for targets.yaml, checked by the "
              "data set's own validator.",
    },
    "add.input": {"zh": "文本来源", "en": "Text"},
    "add.paste": {"zh": "粘贴文本", "en": "Paste"},
    "add.upload": {"zh": "上传 .txt 文件", "en": "Upload a .txt file"},
    "add.text": {"zh": "文件全文", "en": "The document's text"},
    "add.text_help": {
        "zh": "粘贴的文本按 UTF-8 计算 sha256：请把同样的文本存为 UTF-8 文件放入文本目录。",
        "en": "A pasted text's sha256 is taken of its UTF-8 bytes: save the same text as a UTF-8 file in the texts folder.",
    },
    "add.file": {"zh": "文本文件（UTF-8 或 GB18030）", "en": "Text file (UTF-8 or GB18030)"},
    "add.decoded": {"zh": "已读取 {name}：{chars} 字，编码 {encoding}。", "en": "Read {name}: {chars} characters, encoding {encoding}."},
    "add.undecodable": {"zh": "无法读取 {name}：{reason}", "en": "Cannot read {name}: {reason}"},
    "add.empty": {"zh": "请先粘贴或上传文本。", "en": "Paste or upload a text to begin."},
    "add.found": {"zh": "找到 {n} 个候选数字（黄色；已接受的为绿色）。", "en": "{n} candidate figures found (yellow; accepted ones green)."},
    "add.none": {"zh": "文本中没有找到任何候选数字。", "en": "No candidate figure was found in this text."},
    "add.text_head": {"zh": "文本与候选数字", "en": "Text with its candidates"},
    "add.editor_head": {"zh": "逐条确认", "en": "Accept, correct or reject"},
    "add.editor_help": {
        "zh": "勾选“接受”保留一条；可更正数值、单位、类型、年份、指标、地区和可信度。可信度不是“高”时请在备注中说明原因。",
        "en": "Tick “accept” to keep a figure; correct value, unit, kind, year, metric, region and confidence as needed. "
              "When confidence is not high, say why in the note.",
    },
    "add.accepted": {"zh": "已接受 {n} 条。", "en": "{n} accepted."},
    "add.source_head": {"zh": "来源信息", "en": "The source"},
    "add.build": {"zh": "生成 YAML 片段", "en": "Build the YAML snippet"},
    "add.snippet_head": {"zh": "YAML 片段", "en": "YAML snippet"},
    "add.valid": {
        "zh": "片段通过校验：1 个来源、{n} 条数据。下载后追加到 targets.yaml。",
        "en": "The snippet validates: 1 source, {n} figures. Download it and append it to targets.yaml.",
    },
    "add.invalid": {"zh": "片段有 {n} 处问题，修正后才能下载：", "en": "The snippet has {n} problem(s); fix them to download it:"},
    "add.download": {"zh": "下载 YAML 片段", "en": "Download the YAML snippet"},
    "add.preview_head": {"zh": "预览：新增的数据", "en": "Preview: the new figures"},
    "add.preview_note": {
        "zh": "仅在本次会话中预览，没有修改任何文件。",
        "en": "A preview for this session only: no file has been changed.",
    },
    "preview.notice": {"zh": "预览中：本会话包含 {n} 条未保存的新数据", "en": "Previewing {n} unsaved figures from this session"},
    "preview.discard": {"zh": "放弃预览", "en": "Discard the preview"},
    "preview.discard_help": {
        "zh": "从本会话的各页面中移除这些新数据；没有修改任何文件。",
        "en": "Removes the new figures from every page of this session; no file has been changed.",
    },
    "add.col.accept": {"zh": "接受", "en": "Accept"},
    "add.col.written": {"zh": "原文", "en": "As written"},
    "add.col.value": {"zh": "数值", "en": "Value"},
    "add.col.low": {"zh": "下限", "en": "Low"},
    "add.col.high": {"zh": "上限", "en": "High"},
    "add.col.unit": {"zh": "单位", "en": "Unit"},
    "add.col.qualifier": {"zh": "限定", "en": "Qualifier"},
    "add.col.kind": {"zh": "类型", "en": "Kind"},
    "add.col.year": {"zh": "年份", "en": "Year"},
    "add.col.metric": {"zh": "指标", "en": "Metric"},
    "add.col.region": {"zh": "地区", "en": "Region"},
    "add.col.confidence": {"zh": "可信度", "en": "Confidence"},
    "add.col.evidence": {"zh": "原文依据", "en": "Evidence"},
    "add.col.note": {"zh": "备注", "en": "Note"},
    "add.src.id": {"zh": "来源编号（小写英文与连字符）", "en": "Source id (lower-case slug)"},
    "add.src.title": {"zh": "标题（原文）", "en": "Title (as the document gives it)"},
    "add.src.title_en": {"zh": "英文标题", "en": "Title in English"},
    "add.src.issuer": {"zh": "发文机关", "en": "Issuer"},
    "add.src.doc_number": {"zh": "文号（没有则留空）", "en": "Document number (blank when none)"},
    "add.src.type": {"zh": "文件类型", "en": "Type"},
    "add.src.region": {"zh": "发文地区", "en": "Region of the issuer"},
    "add.src.date_written": {"zh": "成文日期（YYYY-MM-DD，没有则留空）", "en": "Date written (YYYY-MM-DD, blank when unknown)"},
    "add.src.date_published": {"zh": "发布日期（YYYY-MM-DD，没有则留空）", "en": "Date published (YYYY-MM-DD, blank when unknown)"},
    "add.src.url": {"zh": "网址（没有则留空）", "en": "Address (blank when unknown)"},
    "add.src.notes": {"zh": "说明", "en": "Notes"},
}
