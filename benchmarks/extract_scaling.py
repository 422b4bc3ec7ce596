"""Does extract() take time in proportion to its text? Adversarial inputs at 1×, 10× and 100× a base size.

    .venv/bin/python benchmarks/extract_scaling.py [--base CHARS] [--max-seconds S]

Each input (a run of digits, a run of 三, a long 1,000,000… number, Latin letters, figures with
no punctuation, the test plan repeated, and the same plan without line breaks) is built at
the base size and at 10 and 100 times it, and extracted through the real extract(). The
ratio of CPU times per 10× of input is printed side by side: a linear extractor shows about
10. Exits 1 when a 10× larger input takes more than 12× the time, when extract() raises, or
when a size is skipped because it would take longer than --max-seconds (so a quadratic
extractor fails in minutes, not hours).

On a shared machine another job's busy spell can slow a run by half, and slows a large
input (whose data no longer fits the shared caches) more than a small one. So each ratio
compares blocks of equal length run back to back: ten extractions of the smaller input
against one of the larger, in alternating order, TRIALS times; the median ratio counts.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from healthtargets.extract import default_catalog, extract  # noqa: E402

PLAN = (ROOT / "tests" / "fixtures" / "extract" / "sample_plan.txt").read_text(encoding="utf-8")
STEP = 10  # each size is this many times the one before
FACTORS = (1, STEP, STEP * STEP)
LIMIT = 12.0  # the largest ratio per 10× of input that counts as linear
TRIALS = 5  # pairs of blocks run for each ratio
MIN_SAMPLE = 0.1  # seconds: a small input is extracted again until this much CPU time is spent


def repeated(unit: str, size: int) -> str:
    """unit repeated to exactly size characters."""
    return (unit * (size // len(unit) + 1))[:size]


INPUTS = {
    "digits": lambda size: repeated("1234567890", size),
    "三": lambda size: "三" * size,
    "1,000,000…": lambda size: "1" + repeated(",000", size - 1),
    "Latin letters": lambda size: repeated("abcdefghij", size),
    "figures, no stops": lambda size: repeated("新建养老床位300张 ", size),
    "plan": lambda size: repeated(PLAN, size),
    "plan, one line": lambda size: repeated(PLAN.replace("\n", ""), size),
}


def block_seconds(text: str, runs: int) -> float:
    """CPU seconds of extracting the text `runs` times in a row, garbage collected before, not during."""
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        for _ in range(runs):
            extract(text)
        return time.process_time() - started
    finally:
        gc.enable()


def cpu_seconds(text: str) -> float:
    """The least CPU time of one extraction, over as many runs as fit in MIN_SAMPLE (at least one)."""
    best, spent = float("inf"), 0.0
    while spent < MIN_SAMPLE:
        elapsed = block_seconds(text, 1)
        best, spent = min(best, elapsed), spent + elapsed
    return best


def paired_ratio(small: str, large: str) -> float:
    """How many times longer one extraction of large takes than one of small (STEP times shorter).

    The median over TRIALS pairs of back-to-back blocks of about equal length: STEP runs of
    small, one of large, their order alternating.
    """
    ratios = []
    for trial in range(TRIALS):
        if trial % 2:
            large_time = block_seconds(large, 1)
            small_time = block_seconds(small, STEP) / STEP
        else:
            small_time = block_seconds(small, STEP) / STEP
            large_time = block_seconds(large, 1)
        ratios.append(large_time / max(small_time, 1e-9))
    return statistics.median(ratios)


def measure(build, base: int, max_seconds: float) -> tuple[list[str], bool]:
    """The cells of one row (times, then ratios) and whether the input scaled linearly."""
    texts: list[str] = []
    times: list[float] = []
    for factor in FACTORS:  # smallest first, stopping before a size that would take too long
        if len(times) > 1 and times[-1] * times[-1] / times[-2] > max_seconds:
            return _cells(times) + [f"skipped {factor}×: ~{times[-1] * times[-1] / times[-2]:.0f} s"], False
        texts.append(build(base * factor))
        try:
            times.append(cpu_seconds(texts[-1]))
        except Exception as exc:  # report, do not stop: the other inputs are still measured
            return _cells(times) + [f"{factor}× raised {type(exc).__name__}"], False
        if times[-1] > max_seconds:
            return _cells(times) + [f"stopped: {factor}× took {times[-1]:.0f} s"], False
    ratios = [paired_ratio(small, large) for small, large in zip(texts, texts[1:])]
    return _cells(times) + [f"{r:.1f}" for r in ratios], all(r <= LIMIT for r in ratios)


def _cells(times: list[float]) -> list[str]:
    return [f"{t:.4f}" for t in times]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=3_000, help="characters of the 1× input (default: 3000)")
    parser.add_argument("--max-seconds", type=float, default=60.0, help="skip a size expected to take longer (default: 60)")
    args = parser.parse_args(argv)
    default_catalog()
    extract("预热。")
    sizes = [f"{args.base * f:,} s" for f in FACTORS]
    print(f"CPU seconds of extract() at {', '.join(f'{f}×' for f in FACTORS)} of {args.base:,} characters; "
          f"ratio per 10× (linear: ~10, limit {LIMIT:.0f})")
    print(f"{'input':<18} " + " ".join(f"{s:>11}" for s in sizes) + f" {'10×/1×':>7} {'100×/10×':>8}")
    failed = []
    for name, build in INPUTS.items():
        cells, linear = measure(build, args.base, args.max_seconds)
        print(f"{name:<18} " + " ".join(f"{c:>11}" for c in cells[:3]) + "".join(f" {c:>8}" for c in cells[3:]))
        if not linear:
            failed.append(name)
    print(f"{'all linear' if not failed else 'NOT linear: ' + ', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
