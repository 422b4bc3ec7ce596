"""Warm script-run time of every page, on the real data set and on a synthetic one of 20,000 figures.

    .venv/bin/python benchmarks/page_speed.py [--figures 20000 --regions 2000 --runs 5]

Writes the synthetic set (valid against the validator) into a temporary folder, runs each
page with AppTest (one cold run, then the median of warm runs) and prints both sizes side by side,
with the ratio large/small. Each page opens its default view (or a named one) and must draw a
table or a chart: a page that stops early (an info box, an error) would time nothing. Exits 1
when a page misses a limit (real data < 300 ms, synthetic < 1 s) or draws nothing.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Query parameters each page opens with. Compare opens its default (the seed regions; at most six
# source regions on the synthetic set): named real regions have no figures there, so it stopped at
# "choose at least 2 regions" and timed an empty page.
PAGES = {"overview": {}, "browse": {"region": "451300"}, "compare": {}, "progress": {}, "sources": {"doc": "doc-0001"}}
LIMITS = {"real": 0.3, "synthetic": 1.0}


def synthetic(folder: Path, figures: int, regions: int, seed: int = 7) -> Path:
    """targets.yaml + data/ with `figures` figures over `regions` counties in 10 provinces × 10 cities.

    Figures come in pairs of one metric: an actual (2021–2023) and a target (2026) of the same county,
    half the time of its prefecture instead (where the county's actual is a lower bound), so that
    targets vs actuals has actuals to match, lower bounds and timelines to draw.
    """
    from healthtargets.dataset.paths import DATA_DIR

    rng = random.Random(seed)
    data = folder / "data"
    data.mkdir(parents=True)
    shutil.copy(DATA_DIR / "units.yaml", data / "units.yaml")
    shutil.copy(DATA_DIR / "metrics.yaml", data / "metrics.yaml")
    metrics = yaml.safe_load((DATA_DIR / "metrics.yaml").read_text(encoding="utf-8"))["metrics"]
    written = {"CNY": "亿元", "mu": "万亩", "bed": "张", "item": "个", "person": "万人", "visit": "万人次", "percent": "%",
               "meter ** 2": "万平方米", "m**2": "万平方米"}
    metrics = [m for m in metrics if m["unit"] in written]
    rows = [{"code": "100000", "zh": "中国", "en": "China", "level": "country", "parent": None, "point": None, "population": []}]
    counties = []
    for p in range(10):
        pcode = f"{11 + p}0000"
        rows.append({"code": pcode, "zh": f"合成省{p}", "en": f"Province {p}", "level": "province", "parent": "100000", "point": None, "population": []})
        for c in range(10):
            ccode = f"{11 + p}{c + 1:02d}00"
            rows.append({"code": ccode, "zh": f"合成市{p}-{c}", "en": f"City {p}-{c}", "level": "prefecture", "parent": pcode,
                         "point": [round(rng.uniform(100, 122), 4), round(rng.uniform(22, 42), 4)], "population": []})
            for d in range(regions // 100):
                code = f"{11 + p}{c + 1:02d}{d + 1:02d}"
                counties.append(code)
                rows.append({"code": code, "zh": f"合成县{p}-{c}-{d}", "en": f"County {p}-{c}-{d}", "level": "county", "parent": ccode,
                             "point": [round(rng.uniform(100, 122), 4), round(rng.uniform(22, 42), 4)],
                             "population": [{"year": 2020, "value": rng.randint(100_000, 2_000_000), "basis": "synthetic", "source": "https://example.org"}]})
    # Keep the real regions too, so the pages' defaults (Laibin, the five source regions) exist.
    real = yaml.safe_load((DATA_DIR / "regions.yaml").read_text(encoding="utf-8"))["regions"]
    rows += [r for r in real if r["code"] not in {x["code"] for x in rows}]
    (data / "regions.yaml").write_text(yaml.safe_dump({"regions": rows}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    sources = [{"id": f"doc-{i:04d}", "title": f"合成文件{i}", "title_en": f"Synthetic document {i}", "issuer": f"合成机关{i}",
                "doc_number": None, "type": "implementation_plan", "region": counties[i % len(counties)],
                "date_written": datetime.date(2024, i % 12 + 1, 1), "date_published": None, "url": None, "text_sha256": None, "notes": None}
               for i in range(max(figures // 20, 1))]
    figs = []
    for i in range(figures):
        pair = i // 2
        metric = metrics[pair % len(metrics)]
        value = rng.randint(1, 500)
        source = sources[i % len(sources)]
        kind = "target" if i % 2 else "actual"
        if kind == "actual":
            region = counties[rng.randrange(len(counties))] if i % 3 else source["region"]
        elif pair % 2:
            region = region[:4] + "00"  # the actual's prefecture
        figs.append({"id": f"fig-{i:05d}", "source": source["id"], "region": region,
                     "metric": metric["key"], "kind": kind, "value": value, "low": None, "high": None,
                     "qualifier": "at_least" if kind == "target" else "exact", "unit": written[metric["unit"]],
                     "year": 2026 if kind == "target" else 2021 + pair % 3, "evidence": f"合成指标达到{value}{written[metric['unit']]}", "confidence": "high", "note": None})
    path = folder / "targets.yaml"
    path.write_text(yaml.safe_dump({"sources": sources, "figures": figs}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def time_pages(runs: int) -> dict[str, tuple[float, float, str]]:
    """Each page's (cold, warm median) seconds in a fresh AppTest session, and what it drew."""
    from streamlit.testing.v1 import AppTest

    result = {}
    for page, params in PAGES.items():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
        at.run()
        at.switch_page(f"pages/{page}.py")
        for name, value in params.items():
            at.query_params[name] = value
        start = time.perf_counter()
        at.run()
        cold = time.perf_counter() - start
        if at.exception:
            raise SystemExit(f"{page}: {at.exception[0].message}")
        warm = []
        for _ in range(runs):
            start = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - start)
        tables, charts = len(at.dataframe), len(at.get("plotly_chart")) + len(at.get("vega_lite_chart"))
        result[page] = (cold, statistics.median(warm), f"{tables}t {charts}c" if tables or charts else "nothing drawn")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figures", type=int, default=20_000)
    parser.add_argument("--regions", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for name in ("HEALTHTARGETS_TARGETS", "HEALTHTARGETS_DATA"):
        os.environ.pop(name, None)
    real = time_pages(args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        path = synthetic(Path(tmp), args.figures, args.regions)
        os.environ["HEALTHTARGETS_TARGETS"], os.environ["HEALTHTARGETS_DATA"] = str(path), str(Path(tmp) / "data")
        from healthtargets import DatasetInvalid, load_dataset

        try:
            dataset = load_dataset(path, Path(tmp) / "data")
        except DatasetInvalid as exc:
            raise SystemExit("synthetic data set invalid:\n" + "\n".join(map(str, exc.problems[:5])))
        big = time_pages(args.runs)
    print(f"warm script run per page (median of {args.runs}; cold first run in brackets; drawn: t tables, c charts)")
    print(f"{'page':<10} {'real data':>22} {f'{len(dataset.figures):,} figures':>24} {'large/small':>12}  drawn")
    slow = []
    for page in PAGES:
        (rc, rw, rshown), (bc, bw, bshown) = real[page], big[page]
        print(f"{page:<10} {rw * 1000:>9.0f} ms ({rc * 1000:>6.0f} ms) {bw * 1000:>11.0f} ms ({bc * 1000:>6.0f} ms)"
              f" {bw / rw:>11.1f}×  {rshown} / {bshown}")
        slow += [f"{page} real ({rw * 1000:.0f} ms)"] if rw > LIMITS["real"] else []
        slow += [f"{page} synthetic ({bw * 1000:.0f} ms)"] if bw > LIMITS["synthetic"] else []
        slow += [f"{page} {size}: nothing drawn" for size, shown in (("real", rshown), ("synthetic", bshown))
                 if shown == "nothing drawn"]
    print("over budget: " + (", ".join(slow) if slow else "none (real < 300 ms, synthetic < 1 s)"))
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
