"""A synthetic data set of any size that the project's own validator accepts, for the benchmarks.

    .venv/bin/python benchmarks/synthetic.py FOLDER --figures 100000 [--regions 2000]

writes FOLDER/targets.yaml and FOLDER/data/ (the real units and metrics, synthetic regions
beside the real ones). Point the dashboard or the CLI at it with HEALTHTARGETS_TARGETS and
HEALTHTARGETS_DATA (see the README).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# How each canonical unit is written in the synthetic documents.
WRITTEN = {"CNY": "亿元", "mu": "万亩", "bed": "张", "item": "个", "person": "万人", "visit": "万人次", "percent": "%",
           "meter ** 2": "万平方米", "m**2": "万平方米"}


def synthetic(folder: Path, figures: int, regions: int = 2000, seed: int = 7) -> Path:
    """targets.yaml + data/ with `figures` figures over `regions` counties in 10 provinces × 10 cities.

    Figures come in pairs of one metric: an actual (2021–2023) and a target (2026) of the same county,
    half the time of its prefecture instead, so that targets vs actuals has actuals to match and
    timelines to draw. Sources alternate between the two kinds of provenance: a stored text
    (figures quote evidence) and public material (a locator and a description).
    """
    from healthtargets.dataset.paths import DATA_DIR

    rng = random.Random(seed)
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA_DIR / "units.yaml", data / "units.yaml")
    shutil.copy(DATA_DIR / "metrics.yaml", data / "metrics.yaml")
    metrics = yaml.safe_load((DATA_DIR / "metrics.yaml").read_text(encoding="utf-8"))["metrics"]
    metrics = [m for m in metrics if m["unit"] in WRITTEN]
    rows, counties = _regions(rng, regions)
    real = yaml.safe_load((DATA_DIR / "regions.yaml").read_text(encoding="utf-8"))["regions"]
    rows += [r for r in real if r["code"] not in {x["code"] for x in rows}]  # the pages' real defaults exist too
    (data / "regions.yaml").write_text(yaml.safe_dump({"regions": rows}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    sources = [_source(i, counties[i % len(counties)]) for i in range(max(figures // 20, 1))]
    figs = [_figure(i, rng, metrics, sources, counties) for i in range(figures)]
    path = folder / "targets.yaml"
    path.write_text(yaml.safe_dump({"sources": sources, "figures": figs}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _regions(rng: random.Random, regions: int) -> tuple[list[dict], list[str]]:
    rows = [{"code": "100000", "zh": "中国", "en": "China", "level": "country", "parent": None, "point": None, "population": _people(rng, 30)}]
    counties = []
    for p in range(10):
        pcode = f"{11 + p}0000"
        rows.append({"code": pcode, "zh": f"合成省{p}", "en": f"Province {p}", "level": "province", "parent": "100000",
                     "point": None, "population": _people(rng, 30)})
        for c in range(10):
            ccode = f"{11 + p}{c + 1:02d}00"
            rows.append({"code": ccode, "zh": f"合成市{p}-{c}", "en": f"City {p}-{c}", "level": "prefecture", "parent": pcode,
                         "point": [round(rng.uniform(100, 122), 4), round(rng.uniform(22, 42), 4)], "population": _people(rng, 3)})
            for d in range(max(regions // 100, 1)):
                code = f"{11 + p}{c + 1:02d}{d + 1:02d}"
                counties.append(code)
                rows.append({"code": code, "zh": f"合成县{p}-{c}-{d}", "en": f"County {p}-{c}-{d}", "level": "county",
                             "parent": ccode, "point": [round(rng.uniform(100, 122), 4), round(rng.uniform(22, 42), 4)],
                             "population": _people(rng, 1)})
    return rows, counties


def _people(rng: random.Random, scale: int) -> list[dict]:
    return [{"year": 2020, "value": rng.randint(100_000, 2_000_000) * scale, "basis": "synthetic", "source": "https://example.org"}]


def _source(i: int, region: str) -> dict:
    stored = i % 2 == 0
    return {"id": f"doc-{i:05d}", "title": f"合成文件{i}", "title_en": f"Synthetic document {i}", "issuer": f"合成机关{i}",
            "doc_number": None, "type": "implementation_plan", "region": region,
            "date_written": datetime.date(2024, i % 12 + 1, 1), "date_published": None,
            "url": None if stored else f"https://example.org/doc/{i}",
            "text_sha256": hashlib.sha256(f"doc-{i}".encode()).hexdigest() if stored else None, "notes": None}


def _figure(i: int, rng: random.Random, metrics: list[dict], sources: list[dict], counties: list[str]) -> dict:
    pair = i // 2
    metric = metrics[pair % len(metrics)]
    value = rng.randint(1, 500)
    source = sources[i % len(sources)]
    kind = "target" if i % 2 else "actual"
    rng_region = counties[rng.randrange(len(counties))]
    region = (rng_region if i % 3 else source["region"]) if kind == "actual" else source["region"]
    if kind == "target" and pair % 2:
        region = region[:4] + "00"  # a prefecture's target
    unit = WRITTEN[metric["unit"]]
    said = {"evidence": f"合成指标达到{value}{unit}"} if source["text_sha256"] else {
        "locator": f"第{i % 9 + 1}条", "description": f"Synthetic {kind} of {value} {metric['unit']}"}
    return {"id": f"fig-{i:06d}", "source": source["id"], "region": region, "metric": metric["key"], "kind": kind,
            "value": value, "low": None, "high": None, "qualifier": "at_least" if kind == "target" else "exact",
            "unit": unit, "year": 2026 if kind == "target" else 2021 + pair % 3, **said, "confidence": "high", "note": None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--figures", type=int, default=20_000)
    parser.add_argument("--regions", type=int, default=2_000)
    args = parser.parse_args()
    path = synthetic(args.folder, args.figures, args.regions)
    print(f"wrote {path} and {args.folder / 'data'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
