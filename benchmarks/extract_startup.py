"""How fast the extraction's commands start: `extract --help` against `python -c pass`, side by side.

    .venv/bin/python benchmarks/extract_startup.py [--rounds 7]

Each round runs the bare interpreter, then each command, one after the other, so that a busy
machine slows all of them alike; the median of the rounds counts. Budget: 0.5 s for each
command (the interpreter's own start included). Also checks that the commands that draw no chart
import no pandas, plotly or streamlit. Exits 1 when a command is over budget or imports them.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 0.5  # seconds
COMMANDS = {
    "python -c pass": ["-c", "pass"],
    "extract --help": ["-m", "healthtargets", "extract", "--help"],
    "extract-eval --help": ["-m", "healthtargets", "extract-eval", "--help"],
}
HEAVY = ("pandas", "plotly", "streamlit")
# The modules `extract FILE` imports, listed by a run of the command in-process
PROBE = ("import sys; from healthtargets.cli import main; main(['extract', sys.argv[1], '--format', 'json']); "
         "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)")


def timed(arguments: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, *arguments], cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def heavy_imports() -> list[str]:
    """The heavy packages `extract FILE` imports (none expected)."""
    sample = ROOT / "tests" / "fixtures" / "extract" / "sample_plan.txt"
    done = subprocess.run([sys.executable, "-c", PROBE, str(sample)], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = set(done.stderr.split())
    return [name for name in HEAVY if name in loaded]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(rounds):
        for name, arguments in COMMANDS.items():
            times[name].append(timed(arguments))
    bare = statistics.median(times["python -c pass"])
    print(f"{'command':<22} {'median s':>9} {'min s':>7} {'over bare':>10}  budget {BUDGET} s")
    over = []
    for name, measured in times.items():
        median = statistics.median(measured)
        verdict = "" if name == "python -c pass" else ("within" if median < BUDGET else "OVER")
        print(f"{name:<22} {median:>9.3f} {min(measured):>7.3f} {median - bare:>+10.3f}  {verdict}")
        over += [name] if verdict == "OVER" else []
    heavy = heavy_imports()
    listing = ", ".join(heavy) if heavy else "none of " + ", ".join(HEAVY)
    print(f"extract FILE imports {listing}")
    return 1 if over or heavy else 0


if __name__ == "__main__":
    sys.exit(main())
