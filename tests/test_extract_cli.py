"""python -m healthtargets extract FILE [--format yaml|json]: what a user sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from healthtargets.cli import main
from healthtargets.cli.extract import FIELDS

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "extract" / "sample_plan.txt"


def test_json_lists_candidates_with_the_issue_fields(capsys):
    assert main(["extract", str(SAMPLE), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 26
    assert list(records[0]) == list(FIELDS)
    assert list(FIELDS[:11]) == ["value", "low", "high", "unit", "qualifier", "kind", "metric", "year", "start", "end", "evidence"]
    first = {k: records[0][k] for k in ("value", "low", "high", "unit", "qualifier", "kind", "metric", "year", "evidence")}
    assert first == {"value": 26, "low": None, "high": None, "unit": "家", "qualifier": "exact", "kind": "actual",
                     "metric": "elderly_care_institutions", "year": 2024, "evidence": "全县共有养老机构26家"}
    text = SAMPLE.read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] == r["evidence"] for r in records)
    ranges = [r for r in records if r["qualifier"] == "range"]
    assert [(r["low"], r["high"], r["unit"]) for r in ranges] == [(2, 3, "家"), (1, 2, "个"), (2, 3, "条")]


def test_yaml_holds_the_same_records_with_a_header(capsys):
    main(["extract", str(SAMPLE), "--format", "json"])
    as_json = json.loads(capsys.readouterr().out)
    assert main(["extract", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# candidate figures of {SAMPLE} (sha256 ")
    assert "中药材种植面积近20万亩" in out  # Chinese as itself, not escaped
    assert yaml.safe_load(out) == as_json


def test_gb18030_file(tmp_path, capsys):
    path = tmp_path / "gbk.txt"
    path.write_bytes("到2026年，全区建成养老床位3千张以上。".encode("gb18030"))
    assert main(["extract", str(path), "--format", "json"]) == 0
    [record] = json.loads(capsys.readouterr().out)
    assert (record["value"], record["unit"], record["qualifier"], record["year"]) == (3000, "张", "at_least", 2026)


def test_text_without_figures(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_text("来政发〔2019〕22号\n2019年11月18日\n", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    assert capsys.readouterr().out.endswith(": 0\n# each is a suggestion: confirm value, unit, kind, year, metric and region before adding it to targets.yaml\n[]\n")


def test_missing_file(tmp_path, capsys):
    missing = tmp_path / "nothere.txt"
    assert main(["extract", str(missing)]) == 2
    assert capsys.readouterr().err == f"error: {missing}: no such file\n"


def test_undecodable_file(tmp_path, capsys):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02\x03" * 64)
    assert main(["extract", str(binary)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {binary}: cannot decode as text: ")


@pytest.mark.parametrize("command", ["extract", "extract-eval"])
def test_help_says_what_and_gives_an_example(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "example:\n  python -m healthtargets " + command in out
