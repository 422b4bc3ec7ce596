"""The download controls under a chart, as a page shows them (AppTest; bytes are tested in
test_export / test_chart_bundle, since AppTest cannot read a download button's bytes)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _app():
    import datetime as dt
    import sys
    from pathlib import Path

    import streamlit as st

    root = Path.cwd()
    sys.path[:0] = [str(root), str(root / "tests")]
    from chart_fixtures import _source, make_spec

    from ui.chart_download import chart_download, page_zip_download

    source = _source(id="hanshan-2024", title="关于加快邯山区康养产业发展的实施意见", title_en="Implementation opinions",
                     issuer="邯山区人民政府办公室", region="130402", date_written=dt.date(2024, 9, 6))
    lang = st.query_params.get("lang", "zh")
    specs = [make_spec("养老床位目标", [source], lang=lang), make_spec("中药种植面积", [source], lang=lang, name="herbs")]
    for index, spec in enumerate(specs):
        chart_download(spec, key=f"chart{index}.download")
    page_zip_download(specs, key="page.zip")


def test_each_chart_gets_a_format_choice_and_a_button_and_the_page_a_zip():
    at = AppTest.from_function(_app).run(timeout=30)
    assert not at.exception
    assert [r.options for r in at.radio] == [["PNG", "SVG", "PDF"]] * 3
    assert at.radio(key="chart0.download.format").value == "PNG"
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["下载图表", "下载图表", "下载本页全部图表（ZIP）"]


def test_english_labels():
    at = AppTest.from_function(_app)
    at.query_params["lang"] = "en"
    at.run(timeout=30)
    assert [b.proto.label for b in at.get("download_button")] == [
        "Download chart", "Download chart", "Download all charts on this page (ZIP)"]


def test_without_a_browser_the_controls_say_what_to_install(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    from ui.chart_download import export_problem

    export_problem.clear()
    try:
        at = AppTest.from_function(_app).run(timeout=30)
        assert not at.exception
        assert not at.get("download_button") and not at.radio
        captions = [c.value for c in at.caption]
        assert len(captions) == 3
        assert captions[0].startswith("⚠️ 图表导出需要 Chromium：apt-get install -y --no-install-recommends chromium")
        assert "Chart image export needs Chromium" in captions[0]
    finally:
        export_problem.clear()
