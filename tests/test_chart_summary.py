"""A chart's text alternative: its title and what each point says, as a screen reader reads it."""

import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from healthtargets.charts.spec import ChartSpec
from healthtargets.charts.summary import MAX_POINTS, chart_summary, plain

BARS = "%{x}<br>%{customdata}<br>%{text}<extra></extra>"  # the values charts' hover (browse, compare)


def _spec(title: str, traces: list, lang: str = "zh", notes: tuple[str, ...] = ()) -> ChartSpec:
    fig = go.Figure(traces)
    for note in notes:
        fig.add_annotation(text=note, x=0, y=0)
    fig.add_annotation(text="来源：某某《某文》", x=0, y=0, name="source-line")
    return ChartSpec("compare", "test", title, fig, pd.DataFrame(), [], lang)


CASES = [
    pytest.param(
        _spec("地区对比：养老床位总数", [
            go.Bar(x=[["上海市", "武汉市"], ["目标 2025", "目标 2025"]], y=[17.8, 2.1], name="目标", hovertemplate=BARS,
                   customdata=["养老床位总数"] * 2, text=["目标 2025：17.8万张", "目标 2025：>2.1万张"]),
            go.Bar(x=[["湖北省"], ["实际 2016"]], y=[32.9], name="实际", hovertemplate=BARS, customdata=["养老床位总数"],
                   text=["实际 2016：32.9万张"])]),
        "图表：地区对比：养老床位总数。上海市，目标 2025：17.8万张；武汉市，目标 2025：>2.1万张；湖北省，实际 2016：32.9万张。",
        id="grouped bars: the region, then the value as written; the metric the title names is not repeated"),
    pytest.param(
        _spec("Figures per region", [
            go.Scatter(x=[121, 122], y=[18, 19], mode="lines", name="outline", hoverinfo="skip"),
            go.Scatter(x=[114.5, 106.6], y=[36.6, 29.5], mode="markers+text", text=["Hanshan District", "Nan'an District"],
                       customdata=[[3, "3 targets, 0 actuals", "Hanshan District"], [19, "5 targets, 14 actuals", "Nan'an District"]],
                       hovertemplate="<b>%{customdata[2]}</b><br>%{customdata[0]} figures<br>%{customdata[1]}<extra></extra>")],
              lang="en"),
        "Chart: Figures per region. Hanshan District, 3 figures, 3 targets, 0 actuals; "
        "Nan'an District, 19 figures, 5 targets, 14 actuals.",
        id="map: each region's counts; the outline, which has no hover, says nothing"),
    pytest.param(
        _spec("145 个目标的状态", [go.Bar(x=["已达成", "期限已过，未找到<br>实际数"], y=[14, 73],
                                         hovertemplate="%{x}: %{y}<extra></extra>")]),
        "图表：145 个目标的状态。已达成: 14；期限已过，未找到实际数: 73。",
        id="status bars: a wrapped Chinese label is joined without a space"),
    pytest.param(
        _spec("Shaanxi · Beds per 1,000 older people: target and actual", [
            go.Bar(y=["Shaanxi 2018"], x=[32.7], orientation="h", text=["actual 2018: 32.7 beds per 1,000 older people"],
                   hovertemplate="%{y}: %{text}<extra></extra>")], lang="en",
              notes=("target 2015: ≥30 beds per 1,000 older people",)),
        "Chart: Shaanxi · Beds per 1,000 older people: target and actual. Shaanxi 2018: actual 2018: 32.7 beds per "
        "1,000 older people. target 2015: ≥30 beds per 1,000 older people.",
        id="bullet: the target line's note follows the bars; the source line does not"),
    pytest.param(
        _spec("中国·社区养老服务设施：历年实际", [
            go.Scatter(x=[2017, 2022], y=[3.8, 34.7], text=["实际 2017：3.8万家", "实际 2022：34.7万个"],
                       hovertemplate="%{text}<extra></extra>"),
            go.Scatter(x=[2020], y=[40], hovertemplate="目标 2020：40万个<extra></extra>"),
            go.Scatter(x=[2020], y=[40], hovertemplate="目标 2020：40万个<extra></extra>")]),
        "图表：中国·社区养老服务设施：历年实际。实际 2017：3.8万家；实际 2022：34.7万个；目标 2020：40万个。",
        id="timeline: a point drawn twice (marker and line) is said once"),
    pytest.param(
        _spec("Values", [go.Bar(x=["Laibin", "Gansu<br>Province"], y=[0.45, 1200000.0])], lang="en"),
        "Chart: Values. Laibin, 0.45; Gansu Province, 1,200,000.",
        id="no hover template: the category and its value; a wrapped Latin label gets its space back"),
    pytest.param(
        _spec("Targets by region", [
            go.Scatter(x=[110, 111, 111, 110], y=[30, 30, 31, 31], fill="toself", hoveron="fills", hoverinfo="text",
                       text="Hebei: 5 targets", mode="lines"),
            go.Scatter(x=[114.5], y=[36.6], text=["Hanshan District"], meta={"summary_rank": -1},
                       hovertemplate="%{text}: 3 figures<extra></extra>")], lang="en"),
        "Chart: Targets by region. Hanshan District: 3 figures; Hebei: 5 targets.",
        id="map: a shape says its text once, not its outline's points; a trace ranked first is said first"),
    pytest.param(_spec("养老床位目标", []), "图表：养老床位目标。没有数据。", id="no data"),
]


@pytest.mark.parametrize("spec, expected", CASES)
def test_summary_says_the_title_and_each_point(spec, expected):
    assert chart_summary(spec) == expected


def test_a_long_chart_is_cut_with_a_pointer_to_the_data_table():
    spec = _spec("Many", [go.Bar(x=[f"R{i}" for i in range(MAX_POINTS + 5)], y=list(range(MAX_POINTS + 5)))], lang="en")
    summary = chart_summary(spec)
    assert summary.count(";") == MAX_POINTS and summary.endswith("; and 5 more, in the data table.")
    assert f"R{MAX_POINTS - 1}, {MAX_POINTS - 1}" in summary and f"R{MAX_POINTS}," not in summary


@pytest.mark.parametrize("rich, text", [
    ("<b>邯山区</b>", "邯山区"),
    ("期限已过，未找到<br>实际数", "期限已过，未找到实际数"),
    ("Ningxia Hui<br>Autonomous Region", "Ningxia Hui Autonomous Region"),
    ("目标 2<br>021", "目标 2021"),
    ("%{text}<extra>trace 1</extra>", "%{text}"),
])
def test_plain_reads_plotly_rich_text(rich, text):
    assert plain(rich) == text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_map_says_its_regions_first_and_no_coordinates_or_legend_scale(real, lang):
    from healthtargets.views import overview

    spec = overview.map_chart(*real, lang)
    summary = chart_summary(spec)
    first = plain(spec.plot.data[-1].customdata[0][2])  # the regions' trace: its first region's name
    assert summary.startswith(f"{'图表：' if lang == 'zh' else 'Chart: '}{plain(spec.title)}{'。' if lang == 'zh' else '. '}{first}")
    assert not re.search(r"\d+\.\d+, \d+\.\d+", summary)  # no lon/lat pairs of an outline
    scale = [a.text for a in spec.plot.layout.annotations if a.name == "size-legend"]
    assert scale and not any(f"{plain(text)}{'。' if lang == 'zh' else '.'}" in summary for text in scale)
