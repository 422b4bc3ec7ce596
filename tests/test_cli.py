"""The command line as a user meets it: exit codes, one line per problem, files written, help."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from healthtargets.cli import build_parser, main
from healthtargets.dataset.load import load_dataset
from healthtargets.dataset.schema import json_schema

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def run(capsys, *args) -> tuple[int, str, str]:
    """The command in-process, as main(argv): (exit status, standard output, standard error)."""
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def shell(*args):
    """The command as a user runs it from the shell, in a process of its own."""
    return subprocess.run([sys.executable, "-m", "healthtargets", *args], cwd=ROOT, capture_output=True, timeout=120)


@pytest.mark.cli
def test_validate_from_the_shell_prints_one_summary_line_and_exits_0():
    result = shell("validate", "--texts", str(SEEDS))
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.decode("utf-8").splitlines()
    sources = len(load_dataset().sources)
    assert line.startswith(f"targets.yaml: valid: {sources} sources, ") and line.endswith(f"evidence checked against {SEEDS}.")


@pytest.mark.cli
def test_figures_from_the_shell_to_stdout_is_csv_with_bom():
    result = shell("figures")
    assert result.returncode == 0
    assert result.stdout.startswith("\ufefffigure_id,source_id,".encode("utf-8"))


def test_validate_lists_every_problem_without_traceback(tmp_path, capsys):
    broken = tmp_path / "targets.yaml"
    text = (ROOT / "targets.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("unit: 张\n", "unit: 床\n", 1).replace("kind: target\n", "kind: goal\n", 1), encoding="utf-8")
    status, _, err = run(capsys, "validate", str(broken))
    assert status == 2
    lines = err.splitlines()
    assert "Traceback" not in err
    assert any(line.startswith(f"{broken}:") and ": unit: unknown unit '床'" in line for line in lines)
    assert any(": kind: 'goal' is not allowed; expected 'target', 'actual' or 'forecast'" in line for line in lines)
    assert lines[-1] == f"{len(lines) - 1} problem(s) found."


@pytest.mark.parametrize("args, message", [
    (["validate", "nowhere.yaml"], "nowhere.yaml:1: file not found"),
    (["validate", "--texts", "no-such-dir"], "no-such-dir:1: not a folder of source texts"),
])
def test_validate_reports_what_is_missing(capsys, args, message):
    status, _, err = run(capsys, *args)
    assert (status, err.splitlines()[0]) == (2, message)


@pytest.mark.parametrize("fmt", ["csv", "json", pytest.param("xlsx", marks=pytest.mark.slow)])  # a workbook: 2-3 s
def test_figures_writes_the_table(tmp_path, capsys, fmt):
    out = tmp_path / f"figures.{fmt}"
    status, _, err = run(capsys, "figures", "--format", fmt, "--output", str(out))
    assert status == 0, err
    data = out.read_bytes()
    table = {"csv": lambda: pd.read_csv(io.BytesIO(data), encoding="utf-8-sig"),
             "json": lambda: pd.DataFrame(json.loads(data)),
             "xlsx": lambda: pd.read_excel(io.BytesIO(data))}[fmt]()
    assert err.strip() == f"wrote {len(table)} figures to {out}"
    assert {"figure_id", "region_zh", "metric_en", "base_value", "base_unit", "evidence"} <= set(table.columns)
    assert "建成养老床位3千张以上" in set(table.evidence)


def test_figures_unwritable_output_is_one_clear_error(tmp_path, capsys):
    status, _, err = run(capsys, "figures", "--output", str(tmp_path / "missing-dir" / "f.csv"))
    assert status == 2
    assert err.startswith(f"error: cannot write {tmp_path / 'missing-dir' / 'f.csv'}: ")


def test_bad_arguments_exit_2_with_usage(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["figures", "--format", "ods"])
    assert exit_.value.code == 2
    assert "invalid choice: 'ods'" in capsys.readouterr().err


def test_checked_in_json_schema_is_current():
    checked_in = json.loads((ROOT / "schema" / "targets.schema.json").read_text(encoding="utf-8"))
    assert checked_in == json_schema(), "run: python -m healthtargets schema"
    assert checked_in["$defs"]["Figure"]["additionalProperties"] is False


def test_targets_yaml_points_editors_at_the_schema():
    first = (ROOT / "targets.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/targets.schema.json"


def test_every_command_has_help_with_an_example(capsys):
    commands = build_parser()._subparsers._group_actions[0].choices
    assert {"validate", "figures", "schema"} <= set(commands)
    for name, parser in commands.items():
        help_text = parser.format_help()
        assert parser.description, name
        assert "example:\n  python -m healthtargets " + name in help_text, name


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices
    for name in commands:
        assert f"python -m healthtargets {name}" in readme, f"README does not document '{name}'"


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "commands:" in capsys.readouterr().out
