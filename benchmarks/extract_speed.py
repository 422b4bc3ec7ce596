"""How fast extract() reads a text: characters per second against the budget of 100,000 in 1 s.

    .venv/bin/python benchmarks/extract_speed.py [FILE ...]

Each text (default: the test fixture plan and, when present, the five seed documents) is
repeated to 100,000 characters and extracted three times; the best run counts. CPU time is
reported beside wall time, as other jobs on a busy machine inflate the latter.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from healthtargets.extract import default_catalog, extract  # noqa: E402
from healthtargets.extract.text import read_text  # noqa: E402

SIZE = 100_000
BUDGET = 1.0  # seconds for SIZE characters


def measure(text: str, runs: int = 3) -> tuple[float, float, int]:
    """Best wall and CPU seconds over a few runs, and the number of candidates."""
    walls, cpus, found = [], [], 0
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        found = len(extract(text))
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), found


def main(paths: list[str]) -> int:
    sources = [Path(p) for p in paths]
    if not sources:
        sources = [ROOT / "tests" / "fixtures" / "extract" / "sample_plan.txt"]
        seeds = ROOT.parent / "shared" / "seeds"
        if seeds.is_dir():
            sources.append(seeds)
    texts = []
    for source in sources:
        files = sorted(source.glob("*.txt")) if source.is_dir() else [source]
        joined = "\n".join(read_text(f)[0] for f in files)
        texts.append((source.name, joined))
    default_catalog()
    extract("预热。")
    print(f"{'text':<20} {'chars':>8} {'candidates':>10} {'wall s':>8} {'cpu s':>8} {'chars/s':>10}  vs 1 s budget")
    worst = 0.0
    for name, text in texts:
        sample = (text * (SIZE // max(1, len(text)) + 1))[:SIZE]
        wall, cpu, found = measure(sample)
        worst = max(worst, cpu)
        print(f"{name:<20} {len(sample):>8} {found:>10} {wall:>8.3f} {cpu:>8.3f} {len(sample) / cpu:>10,.0f}  "
              f"{cpu / BUDGET:.0%} of the budget")
    print(f"worst: {worst:.3f} s CPU for {SIZE:,} characters: {'within' if worst < BUDGET else 'OVER'} the budget")
    return 0 if worst < BUDGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
