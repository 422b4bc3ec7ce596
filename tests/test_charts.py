import pytest
from chart_fixtures import source_annotation, y_unit

from healthtargets.charts import theme as charts
from healthtargets.views.registry import page_charts


def test_browse_chart_shows_the_values_of_one_comparability_group(real):
    dataset, frame = real
    (spec,) = page_charts("browse", dataset, frame, regions=["130402"], lang="zh")
    assert spec.title == "邯山区：养老床位总数"
    assert [list(trace.y) for trace in spec.plot.data] == [[3000]]  # the target as a value, not a count of records
    assert y_unit(spec.plot) == "张"
    assert spec.file_stem == "browse-values-elderly-care-beds-130402-zh"
    assert set(spec.data["definition"]) == {dataset.reference.groups["elderly_care_beds"].definition_zh}
    title = spec.plot.layout.title.text.replace("</sup><br><sup>", "")  # wrapped to the page's chart column
    assert dataset.reference.groups["elderly_care_beds"].definition_zh.rstrip("。") in title  # its full stop gives way to the list mark


def test_modebar_saves_a_2x_png_named_after_the_chart(real):
    dataset, frame = real
    (spec,) = page_charts("overview", dataset, frame, lang="zh")
    options = charts.modebar_config(spec)["toImageButtonOptions"]
    assert options == {"format": "png", "scale": 2, "filename": "overview-figures-per-region-map-zh"}


def test_source_line_is_wrapped_and_escaped():
    lines = charts.wrapped_lines("来源：" + "甲" * 130, 56)
    assert [len(x) for x in lines] == [56, 56, 21]
    citation = "来源：邯山区人民政府办公室《邯山区人民政府办公室印发《关于加快邯山区康养产业发展的实施意见》的通知》(2024-09-06)"
    assert charts.wrapped_lines(citation, 56)[-1] == "(2024-09-06)"  # a date is never cut in two
    assert charts.escape_text("<b>&") == "&lt;b&gt;&amp;"


def test_unknown_page_is_refused(real):
    with pytest.raises(ValueError, match="unknown page 'nope'"):
        page_charts("nope", *real)





def test_multi_line_labels_push_the_source_line_down(every_chart):
    specs = every_chart("compare", "en")
    lines = {spec.name: charts.label_lines(spec.plot) for spec in specs}
    most, least = max(specs, key=lambda s: lines[s.name]), min(specs, key=lambda s: lines[s.name])
    assert lines[most.name] > lines[least.name]
    assert source_annotation(most).yshift < source_annotation(least).yshift
    assert all(spec.plot.layout.xaxis.tickangle == 0 for spec in specs)  # level, never angled


def test_long_labels_wrap_to_their_slot():
    assert charts.wrap_label("Industry and enterprises", 880 / 8) == "Industry and<br>enterprises"
    assert charts.wrap_label("健康旅游与康养服务业", 60) == "健康旅游<br>与康养服<br>务业"  # at least 4 a line


def test_small_counts_tick_at_whole_numbers(real):
    from healthtargets.views.browse import region_rows, values_chart

    dataset, frame = real
    rows = region_rows(dataset, frame, "500110")
    small = values_chart(dataset, frame, rows, "kangyang_tourism_bases", "Qijiang", "en")
    assert small.plot.layout.yaxis.tickformat == ",d" and small.plot.layout.yaxis.dtick == 1
    (big,) = page_charts("browse", dataset, frame, regions=["130402"], lang="en")  # 3,000 beds
    assert big.plot.layout.yaxis.dtick is None


def test_integer_ticks_count_reference_lines_and_skip_fractions():
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=[3], y=["a"], orientation="h"))
    fig.add_vline(x=1000)
    charts.integer_ticks(fig)
    assert fig.layout.xaxis.dtick is None  # a target line at 1,000: not a thousand ticks
    fig = go.Figure(go.Bar(x=["a", "b"], y=[1.5, 2]))
    charts.integer_ticks(fig)
    assert fig.layout.yaxis.dtick is None
