"""python -m healthtargets extract on files a user may hand it: each gives valid output or one clear error."""

from __future__ import annotations

import json

import pytest

from healthtargets.cli import main

# (what, the file's bytes, the candidates' (written, value, unit) in the JSON)
FILES = [
    ("1,000,000,… (was Infinity)", ("新增投资1" + ",000" * 100_000 + "元。").encode("utf-8"), []),
    ("a figure beside a run of digits", ("1" * 100_000 + "，新增床位300张。").encode("utf-8"), [("300张", 300, "张")]),
    ("a number above 1e15", "新增投资1000000000000001元。".encode("utf-8"), []),
]


@pytest.mark.parametrize(("data", "expected"), [case[1:] for case in FILES], ids=[case[0] for case in FILES])
def test_json_output_is_valid_json(tmp_path, capsys, data, expected):
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    assert main(["extract", str(path), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out, parse_constant=lambda name: pytest.fail(f"not JSON: {name}"))
    assert [(r["written"], r["value"], r["unit"]) for r in records] == expected
