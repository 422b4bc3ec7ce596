"""The extraction's commands start without the dashboard's libraries: pandas, plotly, streamlit (issue 14)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.cli  # each case starts an interpreter of its own

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests" / "fixtures" / "extract" / "sample_plan.txt"
HEAVY = {"pandas", "plotly", "streamlit"}
LOADED = "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)"


def _loaded(arguments: list[str]) -> set[str]:
    code = f"import sys\nfrom healthtargets.cli import main\ntry:\n    main({arguments!r})\nexcept SystemExit:\n    pass\n{LOADED}"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    return set(done.stderr.split())


@pytest.mark.parametrize("arguments", [
    ["extract", "--help"], ["extract-eval", "--help"], ["extract", str(PLAN), "--format", "json"],
])
def test_extract_commands_import_no_dashboard_library(arguments):
    loaded = _loaded(arguments)
    assert "healthtargets" in loaded
    assert not loaded & HEAVY


def test_help_imports_not_even_the_extraction():
    loaded = _loaded(["extract", "--help"])
    assert not loaded & {"pint", "pydantic", "cn2an", "opencc"}


def test_the_startup_benchmark_passes():
    done = subprocess.run([sys.executable, "benchmarks/extract_startup.py", "--rounds", "3"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "extract --help" in done.stdout
