"""The layout's rules, checked: imports only go down (import-linter), and the code is lint-clean (ruff)."""

import shutil
import subprocess
import sys
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_import_contract_is_kept(monkeypatch, capsys):
    """The core never imports streamlit; dataset imports nothing above it; views never import cli."""
    monkeypatch.chdir(ROOT)
    status = lint_imports(config_filename=str(ROOT / ".importlinter"), no_cache=True)
    out = capsys.readouterr().out
    assert status == 0, out
    assert "0 broken" in out


def test_code_is_lint_clean():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is in requirements-dev.txt"
    done = subprocess.run([ruff, "check", "--no-cache", "healthtargets", "pages", "ui", "app.py", "tests", "benchmarks"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
