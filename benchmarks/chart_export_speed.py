"""Chart image export, both ways, in one run: a fresh browser per image vs the reused browser.

    .venv/bin/python benchmarks/chart_export_speed.py [--charts 20] [--format png]

Exports the same charts (the first N of every page's charts, Chinese, from the real data set)
1. plainly: ``fig.to_image()`` per chart — kaleido starts a browser for each image;
2. with ``healthtargets.charts.export``: one browser, started once and reused (its start-up is timed
   apart), one image at a time, then all at once as the CLI does;
and a page's ZIP (images, CSVs, sources.txt). Prints per-image times and the ratio; exits 1
unless the reused browser is at least 8x faster per image and the page ZIP takes under 5 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from healthtargets.charts import export  # noqa: E402
from healthtargets.charts.bundle import charts_zip  # noqa: E402
from healthtargets.dataset.frame import figures_frame  # noqa: E402
from healthtargets.dataset.load import load_dataset  # noqa: E402
from healthtargets.views.registry import CHARTED, page_charts  # noqa: E402

MIN_RATIO, MAX_ZIP_SECONDS = 8.0, 5.0
PAGE_ZIP_CHARTS = 12  # more charts than any dashboard page shows at once


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--charts", type=int, default=20)
    parser.add_argument("--format", choices=export.FORMATS, default="png")
    args = parser.parse_args()
    problem = export.check_export_ready()
    if problem:
        print(problem, file=sys.stderr)
        return 2

    dataset = load_dataset()
    frame = figures_frame(dataset)
    specs = [spec for page in CHARTED for spec in page_charts(page, dataset, frame, lang="zh")]
    # one of each page first, so the 20 charts are of every kind the dashboard draws
    firsts = list({spec.page: spec for spec in reversed(specs)}.values())[::-1]
    specs = (firsts + [s for s in specs if s not in firsts])[: args.charts]
    figures = [spec.prepared for spec in specs]
    fmt, n = args.format, len(specs)
    print(f"{n} charts ({', '.join(sorted({s.page for s in specs}))}), format {fmt}, scale {export.DEFAULT_SCALE}")

    import plotly.graph_objects as go

    plain = []
    for figure in figures:
        started = time.perf_counter()
        go.Figure(figure).to_image(format=fmt, scale=export.DEFAULT_SCALE)
        plain.append(time.perf_counter() - started)
    report("fig.to_image(), fresh browser each", plain)

    started = time.perf_counter()
    export.plot_bytes(go.Figure(go.Bar(y=[1])), "svg")
    startup = time.perf_counter() - started
    print(f"{'reused browser: start-up (once)':<40} {startup:6.2f} s")
    reused = []
    for figure in figures:
        started = time.perf_counter()
        export.plot_bytes(figure, fmt)
        reused.append(time.perf_counter() - started)
    report("reused browser, one at a time", reused)

    started = time.perf_counter()
    export.render_many([(figure, fmt) for figure in figures])
    batch = time.perf_counter() - started
    print(f"{'reused browser, all at once':<40} {batch / n:6.3f} s per image ({batch:.2f} s in all)")

    ratio = statistics.mean(plain) / statistics.mean(reused)
    amortised = sum(plain) / (startup + sum(reused))
    print(f"\nratio per image (fresh / reused): {ratio:.1f}x  (with the reused browser's start-up counted: {amortised:.1f}x)")

    page = specs[:PAGE_ZIP_CHARTS]
    started = time.perf_counter()
    data = charts_zip(page, fmt)
    zip_seconds = time.perf_counter() - started
    print(f"page ZIP of {len(page)} charts ({fmt} + CSV + sources.txt, {len(data) / 1e6:.1f} MB): {zip_seconds:.2f} s")

    failures = []
    if ratio < MIN_RATIO:
        failures.append(f"reused browser only {ratio:.1f}x faster (need {MIN_RATIO:.0f}x)")
    if zip_seconds >= MAX_ZIP_SECONDS:
        failures.append(f"page ZIP took {zip_seconds:.1f} s (need < {MAX_ZIP_SECONDS:.0f} s)")
    print("FAIL: " + "; ".join(failures) if failures else "OK: both targets met")
    return 1 if failures else 0


def report(label: str, times: list[float]) -> None:
    print(f"{label:<40} {statistics.mean(times):6.3f} s per image "
          f"(median {statistics.median(times):.3f}, min {min(times):.3f}, max {max(times):.3f}, "
          f"{sum(times):.1f} s in all)")
    print("    per image: " + " ".join(f"{t:.2f}" for t in times))


if __name__ == "__main__":
    sys.exit(main())
