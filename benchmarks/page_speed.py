"""First-page and warm page times of the dashboard, through the real loader and the compiled cache.

    .venv/bin/python benchmarks/page_speed.py [--sizes 20000,100000 --regions 2000 --runs 5 --rounds 3]

For the real data set and a synthetic one of each size (benchmarks/synthetic.py, valid against
the validator), the dashboard is pointed at the files with HEALTHTARGETS_TARGETS and
HEALTHTARGETS_DATA, as a user would, and run with AppTest in a fresh process per data set:

- first page: from the first script run of app.py to the Overview drawn, with the compiled cache
  built beforehand (a server start on unchanged data: what every visitor after an edit sees);
- each page: its first run and the median of warm runs, opened at its default view (or a named one).

The data sets take turns over several rounds, and each time reported is its least over the
rounds: on a shared machine other jobs only ever add time.

Each page must draw a table or a chart: a page that stops early (an info box, an error) would time
nothing. Prints the sizes side by side with the ratio to real size. Exits 1 when a page draws
nothing, a warm run misses its limit (real data < 300 ms, synthetic < 1 s), or the first page at
the largest size takes more than 1.5× its time at real size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import synthetic  # noqa: E402

# Query parameters each page opens with: Browse a region with figures in both data sets (a real
# prefecture the synthetic set keeps), Sources a document that exists in each.
PAGES = {"overview": {}, "browse": {"region": "451300"}, "compare": {}, "progress": {}, "sources": {}}
WARM_LIMITS = {"real": 0.3, "synthetic": 1.0}
FIRST_PAGE_LIMIT = 1.5  # first page at the largest size ÷ at real size

CHILD = """
import json, statistics, sys, time
sys.path.insert(0, {root!r})
from streamlit.testing.v1 import AppTest
pages, runs = json.loads(sys.argv[1]), int(sys.argv[2])

def drawn(at):
    if at.exception:
        raise SystemExit(at.exception[0].message)
    tables, charts = len(at.dataframe), len(at.get("plotly_chart"))
    return f"{{tables}}t {{charts}}c" if tables or charts else "nothing drawn"

start = time.perf_counter()
at = AppTest.from_file({app!r}, default_timeout=600)
at.run()
at.switch_page("pages/overview.py")
at.run()
result = {{"first_page": time.perf_counter() - start, "pages": {{}}}}
for page, params in pages.items():
    at = AppTest.from_file({app!r}, default_timeout=600)
    at.run()
    at.switch_page(f"pages/{{page}}.py")
    for name, value in params.items():
        at.query_params[name] = value
    start = time.perf_counter()
    at.run()
    cold = time.perf_counter() - start
    warm = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - start)
    result["pages"][page] = [cold, statistics.median(warm), drawn(at)]
print(json.dumps(result))
"""


def measure(env: dict[str, str], runs: int) -> dict:
    """Time the pages in a fresh process on the data set the environment names."""
    done = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT), app=str(ROOT / "app.py")),
                           json.dumps(PAGES), str(runs)], capture_output=True, text=True, env={**os.environ, **env},
                          check=False, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"page run failed on {env.get('HEALTHTARGETS_TARGETS', 'the real data')}:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def prepared(folder: Path | None, figures: int, regions: int, cache: Path) -> dict[str, str]:
    """The environment of one data set, its compiled cache built (as after the first visit)."""
    from healthtargets.dataset.cache import compiled
    from healthtargets.dataset.paths import DATA_DIR, TARGETS_PATH

    if folder is None:
        path, data = TARGETS_PATH, DATA_DIR
    else:
        path, data = synthetic(folder, figures, regions), folder / "data"
    compiled(path, data, cache)
    return {"HEALTHTARGETS_TARGETS": str(path), "HEALTHTARGETS_DATA": str(data), "HEALTHTARGETS_CACHE": str(cache)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,100000", help="comma-separated numbers of synthetic figures")
    parser.add_argument("--regions", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3, help="times each data set is measured, in turn")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rounds: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        envs = {"real": prepared(None, 0, 0, work / "cache")}
        envs |= {f"{size:,}": prepared(work / f"set-{size}", size, args.regions, work / "cache") for size in sizes}
        for n in range(args.rounds):  # the sets take turns, so a busy spell of the machine falls on each alike
            for name, env in envs.items():
                rounds.setdefault(name, []).append(measure(env, args.runs))
                print(f"  round {n + 1}: {name} measured", file=sys.stderr)
    return report({name: best(results) for name, results in rounds.items()}, args.runs, args.rounds)


def best(results: list[dict]) -> dict:
    """Each time's least over the rounds: other jobs on a shared machine only ever add time."""
    pages = {page: [min(r["pages"][page][0] for r in results), min(r["pages"][page][1] for r in results),
                    results[-1]["pages"][page][2]] for page in PAGES}
    return {"first_page": min(r["first_page"] for r in results), "pages": pages}


def report(columns: dict[str, dict], runs: int, rounds: int) -> int:
    names = list(columns)
    real = columns["real"]
    print(f"seconds per page, each data set in a fresh process, read through the compiled cache, the least of"
          f" {rounds} rounds; warm = median of {runs} runs, first run in brackets; drawn: t tables, c charts")
    print(f"{'':<11}" + "".join(f"{name + (' figures' if name != 'real' else ' data'):>26}" for name in names))
    print(f"{'first page':<11}" + "".join(
        f"{c['first_page']:>16.2f} s {c['first_page'] / real['first_page']:>5.2f}×" for c in columns.values()))
    failures = []
    for page in PAGES:
        cells = []
        for name, c in columns.items():
            cold, warm, shown = c["pages"][page]
            cells.append(f"{warm:>8.2f} s ({cold:>5.2f} s) {shown:>6}")
            limit = WARM_LIMITS["real" if name == "real" else "synthetic"]
            failures += [f"{page} on {name}: warm {warm:.2f} s > {limit} s"] if warm > limit else []
            failures += [f"{page} on {name}: nothing drawn"] if shown == "nothing drawn" else []
        print(f"{page:<11}" + "".join(f"{cell:>26}" for cell in cells))
    ratio = columns[names[-1]]["first_page"] / real["first_page"]
    print(f"first page at {names[-1]} figures: {ratio:.2f}× the real size's (limit {FIRST_PAGE_LIMIT}×)")
    failures += [f"first page {ratio:.2f}× real size"] if ratio > FIRST_PAGE_LIMIT else []
    print("over budget: " + ("; ".join(failures) if failures else "none"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
