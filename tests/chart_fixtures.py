"""Small charts for the image-export tests: ChartSpecs built here, not by the page registry.

Import the fixtures into a test module with ``from chart_fixtures import *``. The kaleido
browser is process-global (healthtargets.charts.export), so every test of a session shares one.
"""

from __future__ import annotations

import datetime as dt
import struct

import pandas as pd
import plotly.graph_objects as go
import pytest

from healthtargets.charts.spec import ChartSpec, source_line
from healthtargets.dataset.schema import Source

__all__ = ["hanshan_source", "nanan_source", "make_spec", "zh_spec", "en_spec", "page_specs", "png_size", "source_annotation", "y_unit"]


def y_unit(figure) -> str | None:
    """The y axis's unit as a chart writes it, level above the axis (a figure or its JSON)."""
    layout = figure["layout"] if isinstance(figure, dict) else figure.to_plotly_json()["layout"]
    texts = [a["text"] for a in layout.get("annotations", ()) if a.get("name") == "y-unit"]
    assert "text" not in (layout.get("yaxis", {}).get("title") or {}), "a y title plotly would turn on its side"
    return texts[0] if texts else None


def source_annotation(spec: ChartSpec):
    """A chart's source line (the annotation named "source-line")."""
    return next(a for a in spec.plot.layout.annotations if a.name == "source-line")


def _source(**fields) -> Source:
    base = dict(doc_number=None, type="implementation_opinions", date_written=None, date_published=None,
                url=None, text_sha256=None, notes=None)
    return Source(**{**base, **fields})


@pytest.fixture
def hanshan_source() -> Source:
    return _source(id="hanshan-2024", title="关于加快邯山区康养产业发展的实施意见",
                   title_en="Implementation opinions on the health-care industry of Hanshan",
                   issuer="邯山区人民政府办公室", doc_number="邯山政办〔2024〕28号", region="130402",
                   date_written=dt.date(2024, 9, 6), date_published=dt.date(2024, 9, 13),
                   url="https://www.hanshan.gov.cn/example")


@pytest.fixture
def nanan_source() -> Source:
    return _source(id="nanan-2024", title="对区政协十届三次会议第0123号提案的答复",
                   title_en="Reply to proposal 0123", issuer="重庆市南岸区民政局", type="proposal_reply",
                   region="500108", date_published=dt.date(2024, 7, 25))


def make_spec(title: str, sources: list[Source], *, lang: str = "zh", page: str = "compare",
              name: str = "elderly-care-beds", with_source_line: bool = True) -> ChartSpec:
    """A bar chart as the builders make one: title, axis titles with units, legend, source line."""
    regions = ["邯山区", "南岸区"] if lang == "zh" else ["Hanshan", "Nan'an"]
    data = pd.DataFrame({"region": regions, "value": [3000, 1200], "unit": ["张", "张"]})
    fig = go.Figure(
        [go.Bar(x=data["region"], y=data["value"], name="目标" if lang == "zh" else "Target")],
        layout={
            "title": {"text": title},
            "xaxis": {"title": {"text": "地区" if lang == "zh" else "Region"}},
            "yaxis": {"title": {"text": "养老床位（张）" if lang == "zh" else "Elderly-care beds (beds)"}},
            "showlegend": True, "width": 800, "height": 450, "margin": {"b": 110},
        },
    )
    if with_source_line:
        fig.add_annotation(text=source_line(sources, lang), xref="paper", yref="paper", x=0, y=-0.28,
                           xanchor="left", yanchor="top", showarrow=False, font={"size": 11})
    return ChartSpec(page=page, name=name, title=title, plot=fig, data=data, sources=sources, lang=lang)


@pytest.fixture
def zh_spec(hanshan_source, nanan_source) -> ChartSpec:
    return make_spec("养老床位目标", [hanshan_source, nanan_source])


@pytest.fixture
def en_spec(hanshan_source, nanan_source) -> ChartSpec:
    return make_spec("Elderly-care bed targets", [hanshan_source, nanan_source], lang="en")


@pytest.fixture
def page_specs(hanshan_source, nanan_source) -> list[ChartSpec]:
    """Six charts of one page, as a page's ZIP holds them."""
    names = ["elderly-care-beds", "herb-acreage", "industry-output", "internet-hospitals",
             "health-tourism-bases", "care-workers"]
    return [make_spec(f"图表 {i + 1}：{name}", [hanshan_source] if i % 2 else [hanshan_source, nanan_source],
                      name=name) for i, name in enumerate(names)]


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])
