"""The ZIP of a page holds exactly the charts it drew (tests/test_app.py checks every page offers one)."""


def test_the_zip_holds_exactly_the_charts_drawn(open_page):
    at = open_page("progress", lang="en")
    drawn = at.session_state["_layout.drawn_charts"]
    assert {spec.page for spec in drawn} == {"progress"}
    assert [spec.name.split("-")[0] for spec in drawn] == ["statuses", "bullet", "timeline"]
