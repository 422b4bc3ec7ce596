"""Load time and peak memory of the real loader against a bare libyaml parse, side by side, by size.

    .venv/bin/python benchmarks/load_speed.py [--sizes 1000,10000,100000 --repeats 3]

For each size, writes a synthetic data set the validator accepts (benchmarks/synthetic.py), then
times, each in a fresh process so that peak memory is its own, in turns:

- bare:  yaml.load(text, Loader=yaml.CSafeLoader) of targets.yaml, nothing else;
- load:  the project's load_dataset (parse once with line numbers, validate every record and
         reference, data/ included) and figures_frame: what a start without a cache does;
- cache: the dashboard's compiled() on an unchanged data set: what a start with the cache does.

Prints medians, the ratios load/bare and cache/bare (time and peak memory), and the growth
of each per 10× of input (10 means linear). Exits 1 when load exceeds 3× the bare parse at the
largest size, in time or memory, or when load's time grows more than 12× per 10× of input.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from synthetic import synthetic  # noqa: E402

MODES = ("bare", "load", "cache")
LIMIT = 3.0  # load ÷ bare, time and memory, at the largest size
GROWTH_LIMIT = 12.0  # load's time per 10× of input: linear is 10

# Run in a fresh interpreter: times the mode's work only (imports before the clock) and
# reports the process's peak resident memory (VmHWM: ru_maxrss would count the parent's, inherited at fork).
CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
mode, folder, cache = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
import yaml
if mode != "bare":
    from healthtargets.dataset.cache import compiled
    from healthtargets.dataset.frame import figures_frame
    from healthtargets.dataset.load import load_dataset
start = time.perf_counter()
if mode == "bare":
    yaml.load((folder / "targets.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
elif mode == "load":
    figures_frame(load_dataset(folder / "targets.yaml", folder / "data"))
else:
    assert compiled(folder / "targets.yaml", folder / "data", cache).origin == "cache"
seconds = time.perf_counter() - start
peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({{"seconds": seconds, "peak_mb": peak_kb / 1024}}))
"""


def measure(mode: str, folder: Path, cache: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), mode, str(folder), str(cache)],
                          capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{mode} on {folder}: {done.stderr.strip().splitlines()[-1]}")
    return json.loads(done.stdout)


def run(sizes: list[int], repeats: int, work: Path) -> dict[int, dict[str, dict]]:
    from healthtargets.dataset.cache import compiled

    results = {}
    for size in sizes:
        folder = work / f"set-{size}"
        synthetic(folder, size, regions=2000)
        cache = work / f"cache-{size}"
        compiled(folder / "targets.yaml", folder / "data", cache)  # the entry a later start reads
        runs = {mode: [] for mode in MODES}
        for _ in range(repeats):
            for mode in MODES:  # in turns, so that the machine's noise falls on all three alike
                runs[mode].append(measure(mode, folder, cache))
        results[size] = {mode: {"seconds": statistics.median(r["seconds"] for r in rs),
                                "peak_mb": statistics.median(r["peak_mb"] for r in rs)} for mode, rs in runs.items()}
        print(f"  {size:>9,} figures measured", file=sys.stderr)
    return results


def report(results: dict[int, dict[str, dict]], repeats: int) -> int:
    print(f"median of {repeats} runs each, every run in a fresh process; targets.yaml of synthetic figures")
    print(f"{'figures':>9} {'bare':>16} {'load':>16} {'cache':>16} {'load/bare':>14} {'cache/bare':>14}")
    for size, r in results.items():
        b, lo, c = r["bare"], r["load"], r["cache"]
        print(f"{size:>9,} {b['seconds']:>7.2f} s {b['peak_mb']:>5.0f} MB {lo['seconds']:>7.2f} s {lo['peak_mb']:>5.0f} MB"
              f" {c['seconds']:>7.2f} s {c['peak_mb']:>5.0f} MB"
              f" {lo['seconds'] / b['seconds']:>6.2f}× {lo['peak_mb'] / b['peak_mb']:>5.2f}×"
              f" {c['seconds'] / b['seconds']:>6.2f}× {c['peak_mb'] / b['peak_mb']:>5.2f}×")
    sizes, steep = list(results), []
    for small, large in zip(sizes, sizes[1:]):
        per_ten = lambda mode: (results[large][mode]["seconds"] / results[small][mode]["seconds"]) ** (  # noqa: E731
            1 / math.log10(large / small))
        print(f"growth per 10× of input, {small:,} → {large:,}: "
              + ", ".join(f"{mode} {per_ten(mode):.1f}×" for mode in MODES) + " (10× is linear)")
        if per_ten("load") > GROWTH_LIMIT:
            steep.append(f"{small:,} → {large:,}")
    top = results[sizes[-1]]
    over = [what for what, key in (("time", "seconds"), ("memory", "peak_mb"))
            if top["load"][key] / top["bare"][key] > LIMIT]
    print(f"load within {LIMIT:.0f}× the bare parse at {sizes[-1]:,} figures: " + ("no: " + ", ".join(over) if over else "yes"))
    print(f"load's time within {GROWTH_LIMIT:.0f}× per 10× of input: " + ("no: " + ", ".join(steep) if steep else "yes"))
    return 1 if over or steep else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated numbers of figures")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as work:
        results = run(sizes, args.repeats, Path(work))
    return report(results, args.repeats)


if __name__ == "__main__":
    sys.exit(main())
