"""`python -m healthtargets charts`: writes the files it says, refuses bad arguments with one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from chart_fixtures import *  # noqa: F403 fixtures: zh_spec, en_spec, hanshan_source, …
from chart_fixtures import make_spec, png_size

from healthtargets.cli import build_parser, main
from healthtargets.cli import charts as cli_charts
from healthtargets.dataset.load import load_dataset

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def fake_registry(monkeypatch, hanshan_source):
    """The command over the small fixture data set, with two charts per page from make_spec."""
    monkeypatch.setenv("HEALTHTARGETS_TARGETS", str(FIXTURES / "targets_minimal.yaml"))
    monkeypatch.setenv("HEALTHTARGETS_DATA", str(FIXTURES / "data"))
    calls = []

    def page_charts(page, dataset, frame, *, regions, lang):
        calls.append((page, tuple(regions), lang))
        title = "养老床位目标" if lang == "zh" else "Elderly-care bed targets"
        return [make_spec(title, [hanshan_source], page=page, lang=lang, name=f"beds-{'-'.join(regions)}"),
                make_spec(title, [hanshan_source], page=page, lang=lang, name="output")]

    monkeypatch.setattr(cli_charts, "page_charts", page_charts)
    return calls


@pytest.mark.export
def test_writes_every_file_it_names(fake_registry, tmp_path, capsys):
    out = tmp_path / "charts"
    assert main(["charts", "--format", "png", "--out", str(out), "--pages", "overview,compare", "--no-progress"]) == 0
    captured = capsys.readouterr()
    written = captured.out.splitlines()
    assert sorted(Path(line).name for line in written) == sorted(p.name for p in out.iterdir())
    assert [Path(line).name for line in written] == [
        "overview-beds-130402-zh.png", "overview-beds-130402-zh.csv", "overview-output-zh.png", "overview-output-zh.csv",
        "overview-beds-130402-en.png", "overview-beds-130402-en.csv", "overview-output-en.png", "overview-output-en.csv",
        "compare-beds-130402-zh.png", "compare-beds-130402-zh.csv", "compare-output-zh.png", "compare-output-zh.csv",
        "compare-beds-130402-en.png", "compare-beds-130402-en.csv", "compare-output-en.png", "compare-output-en.csv",
        "sources.txt",
    ]
    assert png_size((out / "compare-output-en.png").read_bytes()) == (1600, 900)
    assert captured.err.startswith(f"wrote 8 png images, 8 CSV files and sources.txt to {out} (2 pages, 1 region, zh+en; ")
    # default regions: those of the source documents; default language: both
    assert fake_registry == [("overview", ("130402",), "zh"), ("overview", ("130402",), "en"),
                             ("compare", ("130402",), "zh"), ("compare", ("130402",), "en")]


@pytest.mark.export
def test_chosen_regions_language_and_format(fake_registry, tmp_path, capsys):
    assert main(["charts", "--format", "svg", "--out", str(tmp_path), "--pages", "compare",
                 "--regions", "130400,130402", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    assert (tmp_path / "compare-beds-130400-130402-en.svg").read_bytes().startswith(b"<svg")
    assert fake_registry == [("compare", ("130400", "130402"), "en")]
    assert "[##############################] 2/2 charts" in captured.err


@pytest.mark.parametrize(("args", "message"), [
    (["--pages", "overview,maps"], "error: unknown page 'maps' (choose from "),
    (["--regions", "130402,999999"], "error: unknown region code '999999' (see data/regions.yaml)"),
    (["--regions", ","], "error: --regions is empty: give 6-digit region codes, e.g. 130402,500108"),
    (["--scale", "0"], "error: --scale must be above 0 and at most 8, not 0"),
])
def test_bad_arguments_exit_2_with_one_line(fake_registry, tmp_path, capsys, args, message):
    assert main(["charts", "--out", str(tmp_path / "out"), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1, err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_unwritable_folder_exits_2(fake_registry, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert main(["charts", "--out", str(blocker / "charts")]) == 2
    assert capsys.readouterr().err == f"error: cannot write to {blocker / 'charts'}: Not a directory\n"


def test_missing_browser_exits_2_with_the_dashboards_message(fake_registry, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert main(["charts", "--out", str(tmp_path)]) == 2
    from healthtargets.charts.export import check_export_ready

    assert capsys.readouterr().err == f"error: {check_export_ready()}\n"


@pytest.mark.cli
def test_missing_browser_from_the_shell(tmp_path):
    env = {**os.environ, "BROWSER_PATH": "/nonexistent/chromium"}
    done = subprocess.run([sys.executable, "-m", "healthtargets", "charts", "--out", str(tmp_path)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("error: 图表导出需要 Chromium：apt-get install -y --no-install-recommends chromium")
    assert "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_help_has_an_example_and_says_the_defaults():
    parser = build_parser()
    charts = parser._subparsers._group_actions[0].choices["charts"]
    text = charts.format_help()
    assert "example:\n  python -m healthtargets charts --format png --out charts" in text
    assert "both languages" in text and "(default: both)" in text


@pytest.mark.export
def test_the_real_pages_charts_in_both_languages(tmp_path, capsys):
    """The registry's overview and progress charts from the project's data set, as SVG, for Yinchuan and
    Beijing: the map, the statuses, bullets and timelines (every chart's source line and font are
    checked before export by test_every_chart.py; the default regions' 62 images take half a minute more)."""
    assert main(["charts", "--format", "svg", "--out", str(tmp_path), "--pages", "overview,progress",
                 "--regions", "640100,110000", "--no-progress"]) == 0
    written = [Path(line) for line in capsys.readouterr().out.splitlines()]
    assert all(path.exists() for path in written)
    svgs = {path.name: path.read_text(encoding="utf-8") for path in written if path.suffix == ".svg"}
    assert "overview-figures-per-region-map-zh.svg" in svgs and "overview-figures-per-region-map-en.svg" in svgs
    assert {name.split("-")[1] for name in svgs if name.startswith("progress-")} == {"statuses", "bullet", "timeline"}
    for name, text in svgs.items():
        assert ("来源：" if name.endswith("-zh.svg") else "Source: ") in text, name
        assert "WenQuanYi Micro Hei" in text, name
    assert (tmp_path / "sources.txt").read_text(encoding="utf-8").startswith("Sources cited by these charts\n")


def test_progress_charts_include_the_timeline_the_page_shows():
    """Yinchuan's internet hospitals, 2017 and (undated, so its source's year) 2024: a timeline, as on the page."""
    from healthtargets.dataset.frame import figures_frame
    from healthtargets.views.registry import page_charts

    dataset = load_dataset()
    specs = page_charts("progress", dataset, figures_frame(dataset), regions=["640100"], lang="en")
    names = [spec.name for spec in specs]
    assert "timeline-640100-internet_hospitals" in names
    timeline = specs[names.index("timeline-640100-internet_hospitals")]
    assert sorted(timeline.data.loc[timeline.data["kind"] == "actual", "as_of_year"]) == [2017, 2024]
    assert all(name.split("-")[0] in ("statuses", "bullet", "timeline") for name in names)
