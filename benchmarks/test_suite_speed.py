"""`make test` now against `make test` at the commit before the layout work of issue #8, side by side.

    python benchmarks/test_suite_speed.py [--rounds 2] [--baseline fd212ac]

The baseline (fd212ac: 568 tests, run one at a time, "about 5 minutes") is unpacked from git into a
temporary folder beside a link to ../shared, so that its tests find the seed documents as they
did. Both suites run through the same command a user types, `make test`, with this checkout's
.venv (make VENV=…; the baseline's requirements are a subset of today's, at the same versions),
taking turns so that a busy spell of this shared machine falls on both: round 1 runs the baseline
first, round 2 today's, and so on. Prints each run's wall time, tests and seconds per test, and
each round's ratio (today / baseline); exits 1 when the median ratio is not below 1 or a suite
fails. About 10 minutes a round. Needs `make setup-dev` first.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"


def unpack(commit: str, into: Path) -> Path:
    """The tree of `commit` in `into`/suite, with `into`/shared pointing at this project's ../shared."""
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, check=True, capture_output=True).stdout
    tree = into / "suite"
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tree, filter="data")
    (into / "shared").symlink_to(ROOT.parent / "shared")
    return tree


def make_test(tree: Path) -> tuple[float, int]:
    """Wall seconds of `make test` in `tree`, and how many tests passed; raises when any failed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEALTHTARGETS_")}
    start = time.perf_counter()
    run = subprocess.run(["make", "-s", f"VENV={VENV}", "test"], cwd=tree, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    summary = (run.stdout.strip().splitlines() or [""])[-1]
    passed = re.search(r"(\d+) passed", summary)
    if run.returncode != 0 or not passed:
        raise SystemExit(f"make test failed in {tree}:\n{run.stdout[-3000:]}\n{run.stderr[-2000:]}")
    return seconds, int(passed.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--baseline", default="fd212ac", help="the commit to measure against")
    args = parser.parse_args(argv)
    if not (VENV / "bin" / "python").exists():
        raise SystemExit("no .venv: run `make setup-dev` first")
    ratios = []
    with tempfile.TemporaryDirectory(prefix="suite-baseline-") as tmp:
        suites = {"baseline": unpack(args.baseline, Path(tmp)), "today": ROOT}
        for round_ in range(1, args.rounds + 1):
            order = ["baseline", "today"] if round_ % 2 else ["today", "baseline"]
            seen = {}
            for name in order:
                seen[name] = make_test(suites[name])
                seconds, tests = seen[name]
                print(f"round {round_}  {name:<8} {seconds:7.1f} s  {tests:5d} tests  {seconds / tests:5.3f} s a test",
                      flush=True)
            ratios.append(seen["today"][0] / seen["baseline"][0])
            print(f"round {round_}  today / baseline: {ratios[-1]:.2f}", flush=True)
    median = statistics.median(ratios)
    print(f"median ratio today / baseline over {len(ratios)} rounds: {median:.2f}"
          f" ({'faster' if median < 1 else 'NOT faster'} than {args.baseline})")
    return 0 if median < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
