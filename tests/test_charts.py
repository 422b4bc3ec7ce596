import pytest

from healthtargets import charts, figures_frame, load_dataset
from healthtargets.page_charts import PAGES, page_charts


@pytest.fixture(scope="module")
def real():
    dataset = load_dataset()
    return dataset, figures_frame(dataset)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_chart_has_title_axes_source_line_and_cjk_font(real, page, lang):
    dataset, frame = real
    for spec in page_charts(page, dataset, frame, lang=lang):
        layout = spec.figure.layout
        assert layout.title.text, spec.name
        assert layout.font.family.startswith("WenQuanYi Micro Hei"), spec.name
        assert any(a.text and a.text.startswith("来源" if lang == "zh" else "Source") for a in layout.annotations), spec.name
        assert spec.lang == lang and spec.page == page


def test_overview_map_draws_regions_over_an_outline_without_a_cdn(real):
    dataset, frame = real
    (spec,) = page_charts("overview", dataset, frame, lang="en")
    kinds = {trace.type for trace in spec.figure.data}
    assert kinds == {"scatter"}  # no geo or tiled map: nothing to fetch
    names = list(spec.figure.data[1].text)
    assert "Hanshan District" in names and "Laibin" in names
    assert spec.figure.layout.xaxis.title.text == "Longitude (°E)"


def test_browse_chart_counts_figures_by_category_and_kind(real):
    dataset, frame = real
    (spec,) = page_charts("browse", dataset, frame, regions=["130402"], lang="zh")
    assert spec.title == "邯山区：各类别数据条数"
    assert sum(sum(trace.y) for trace in spec.figure.data) == 3
    assert spec.figure.layout.yaxis.title.text == "数据条数（条）"
    assert spec.file_stem == "browse-figures-by-category-130402-zh"


def test_modebar_saves_a_2x_png_named_after_the_chart(real):
    dataset, frame = real
    (spec,) = page_charts("overview", dataset, frame, lang="zh")
    options = charts.modebar_config(spec)["toImageButtonOptions"]
    assert options == {"format": "png", "scale": 2, "filename": "overview-figures-per-region-map-zh"}


def test_source_line_is_wrapped_and_escaped():
    lines = charts._wrap("来源：" + "甲" * 130, 56)
    assert [len(x) for x in lines] == [56, 56, 21]
    assert charts._escape("<b>&") == "&lt;b&gt;&amp;"


def test_unknown_page_is_refused(real):
    with pytest.raises(ValueError, match="unknown page 'nope'"):
        page_charts("nope", *real)
