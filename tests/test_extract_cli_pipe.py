"""`python -m healthtargets extract FILE | head -3`: the reader stops early, and the command ends quietly.

Each command runs in a real shell pipeline into head; its output is far larger than a pipe
holds, so it is still writing when head exits. It used to end with a BrokenPipeError traceback.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.cli  # each case runs a shell pipeline

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "tests" / "fixtures" / "extract" / "sample_plan.txt"
EVAL = ROOT / "tests" / "fixtures" / "extract" / "eval"

COMMANDS = [  # (what, the arguments; {plans} stands for the file of 40 plans)
    ("extract as JSON", ["extract", "{plans}", "--format", "json"]),
    ("extract as YAML", ["extract", "{plans}"]),
    ("extract-eval", ["extract-eval", "--texts", str(EVAL / "texts"), "--targets", str(EVAL / "targets.yaml"), "--details"]),
]


@pytest.fixture(scope="module")
def plans(tmp_path_factory) -> Path:
    """The test plan 40 times over: some 1,000 candidates, 400 KB of YAML."""
    path = tmp_path_factory.mktemp("pipe") / "plans.txt"
    path.write_text(PLAN.read_text(encoding="utf-8") * 40, encoding="utf-8")
    return path


@pytest.mark.parametrize("arguments", [c[1] for c in COMMANDS], ids=[c[0] for c in COMMANDS])
def test_output_into_head_ends_quietly(plans, arguments):
    command = [sys.executable, "-m", "healthtargets"] + [a.format(plans=plans) for a in arguments]
    shell = "set -o pipefail; \"$@\" | head -3"
    done = subprocess.run(["bash", "-c", shell, "bash", *command], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert (done.returncode, done.stderr) == (0, "")
    assert len(done.stdout.splitlines()) == 3
