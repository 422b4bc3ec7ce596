"""Chart images: each format decodes, Chinese renders (no tofu), the browser is reused,
the source line is in the image, and a missing browser or font says what to install.

These run in `make test`, which installs Chromium and a CJK font: they never skip.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import plotly.graph_objects as go
import pytest
from chart_fixtures import *  # noqa: F403 fixtures: zh_spec, en_spec, hanshan_source, …
from chart_fixtures import make_spec, png_size

from healthtargets.charts import export, prepare
from healthtargets.charts.export import ExportError, chart_bytes, plot_bytes

pytestmark = pytest.mark.export

SVG = "{http://www.w3.org/2000/svg}"


def svg_text(data: bytes) -> str:
    root = ET.fromstring(data)
    return "".join("".join(node.itertext()) for node in root.iter(f"{SVG}text"))


def test_png_is_as_wide_and_high_as_asked(zh_spec):
    assert png_size(plot_bytes(zh_spec.plot, "png", width=400, height=300, scale=1)) == (400, 300)
    assert png_size(plot_bytes(zh_spec.plot, "png", width=400, height=300, scale=3)) == (1200, 900)


def test_png_is_at_twice_the_layout_size_by_default(zh_spec):
    assert png_size(chart_bytes(zh_spec, "png")) == (1600, 900)  # layout 800×450, scale 2


def test_svg_parses_names_a_cjk_family_and_carries_title_and_source_line(zh_spec):
    data = chart_bytes(zh_spec, "svg")
    text = svg_text(data)
    assert "养老床位目标" in text
    assert "来源：邯山区人民政府办公室《关于加快邯山区康养产业发展的实施意见》(2024-09-06)" in text
    assert "重庆市南岸区民政局" in text
    assert "WenQuanYi Micro Hei" in data.decode("utf-8")


def test_svg_in_english_carries_the_english_source_line(en_spec):
    text = svg_text(chart_bytes(en_spec, "svg"))
    assert "Elderly-care bed targets" in text
    assert "Source: 邯山区人民政府办公室, “Implementation opinions on the health-c…” (2024-09-06); " in text


def test_a_figure_without_cjk_font_still_names_one_in_svg():
    fig = go.Figure(go.Bar(x=["邯山区"], y=[1]), layout={"font": {"family": "Arial"}, "title": {"text": "床位"}})
    data = plot_bytes(fig, "svg")
    assert "WenQuanYi Micro Hei" in data.decode("utf-8")
    assert fig.layout.font.family == "Arial", "the caller's figure is left as it was"


def test_a_spec_whose_figure_lacks_its_source_line_gets_one(hanshan_source):
    spec = make_spec("养老床位目标", [hanshan_source], with_source_line=False)
    assert "来源：邯山区人民政府办公室" in svg_text(chart_bytes(spec, "svg"))


def test_pdf_has_its_header_and_embeds_the_cjk_font(zh_spec):
    data = chart_bytes(zh_spec, "pdf")
    assert data.startswith(b"%PDF-")
    assert b"WenQuanYiMicroHei" in data


def test_chinese_renders_as_glyphs_not_boxes(hanshan_source):
    """Same chart, two titles of equal length: with no CJK font both would be identical boxes."""
    first = chart_bytes(make_spec("养老床位目标", [hanshan_source]), "png")
    second = chart_bytes(make_spec("中药种植面积", [hanshan_source]), "png")
    assert first != second


def test_one_browser_serves_every_render(zh_spec):
    plot_bytes(zh_spec.plot, "svg")
    renderer = export._renderer
    plot_bytes(zh_spec.plot, "png")
    chart_bytes(zh_spec, "pdf")
    assert export._renderer is renderer is not None


def test_font_list_keeps_a_cjk_family_the_theme_named():
    assert prepare.cjk_font_family("Noto Sans CJK SC, sans-serif") == "Noto Sans CJK SC, sans-serif"
    assert prepare.cjk_font_family("Arial").startswith("WenQuanYi Micro Hei, ")
    assert prepare.cjk_font_family(None).endswith(", sans-serif")


def test_unknown_format_is_refused(zh_spec):
    with pytest.raises(ExportError, match="unknown image format 'gif'"):
        plot_bytes(zh_spec.plot, "gif")


def test_ready_here():
    assert export.check_export_ready() is None


def test_missing_browser_says_what_to_install(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    message = export.check_export_ready()
    assert message == (
        "图表导出需要 Chromium：apt-get install -y --no-install-recommends chromium"
        "（BROWSER_PATH=/nonexistent/chromium 不是可执行文件）\n"
        "Chart image export needs Chromium: apt-get install -y --no-install-recommends chromium"
        " (BROWSER_PATH=/nonexistent/chromium is not an executable file)"
    )
    assert export.check_export_ready("en").startswith("Chart image export needs Chromium: ")


def test_missing_font_names_the_package(monkeypatch):
    monkeypatch.setattr(export, "cjk_font_installed", lambda: False)
    assert export.check_export_ready("zh") == (
        "图表导出需要 中文字体（否则汉字显示为方框）：apt-get install -y --no-install-recommends fonts-wqy-microhei"
    )
    assert export.check_export_ready("en") == (
        "Chart image export needs a Chinese font (otherwise characters show as boxes): "
        "apt-get install -y --no-install-recommends fonts-wqy-microhei"
    )


def test_rendering_without_a_browser_fails_with_the_message_not_a_hang():
    """In a fresh process (the browser is process-global) with a wrong BROWSER_PATH."""
    code = (
        "import plotly.graph_objects as go\n"
        "from healthtargets.charts.export import plot_bytes, ExportError\n"
        "try:\n"
        "    plot_bytes(go.Figure(go.Bar(y=[1])), 'png')\n"
        "except ExportError as exc:\n"
        "    print(exc)\n"
    )
    env = {**os.environ, "BROWSER_PATH": "/nonexistent/chromium"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60,
                          cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    assert done.stdout.startswith("图表导出需要 Chromium：apt-get install -y --no-install-recommends chromium"), done
    assert "Chart image export needs Chromium" in done.stdout


def test_a_render_past_its_deadline_fails_clearly_and_the_next_one_works(zh_spec, monkeypatch):
    plot_bytes(zh_spec.plot, "svg")  # the browser is up
    with monkeypatch.context() as patch:
        patch.setattr(export, "RENDER_TIMEOUT", 0.001)
        with pytest.raises(ExportError, match="timed out: rendering took longer than 0 s"):
            plot_bytes(zh_spec.plot, "png")
    assert png_size(plot_bytes(zh_spec.plot, "png", scale=1)) == (800, 450)
