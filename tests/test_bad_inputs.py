"""The bad-input corpus: every hostile or broken data file gives its exact located message and exit 2.

Each case writes a small data set (tests/fixtures: targets_minimal.yaml and data/) with one
thing broken, runs `python -m healthtargets validate` in-process, and asserts the problems it
prints, exactly; never a traceback, never a wait (each case has 10 s), never a wrong accept.
Cases that break the record rules one by one live in test_validate.py; this file is the hostile
input: encodings, sizes, nesting, aliases, numbers YAML reads otherwise than people do, files
that are not files, broken reference tables. The extractor's corpus is test_extract_bad_inputs.py.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from healthtargets.cli import main
from healthtargets.dataset import records

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL = (FIXTURES / "targets_minimal.yaml").read_text(encoding="utf-8")
UNITS = (FIXTURES / "data" / "units.yaml").read_text(encoding="utf-8")
METRICS = (FIXTURES / "data" / "metrics.yaml").read_text(encoding="utf-8")
REGIONS = (FIXTURES / "data" / "regions.yaml").read_text(encoding="utf-8")
SECONDS = 10  # a case that takes longer hangs


def edit(old: str, new: str, text: str = MINIMAL) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def bomb(levels: int) -> str:
    """A billion-laughs document: each level lists the one above nine times."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


# (id, files to write: {name: text or bytes}; "targets.yaml" defaults to the minimal file, expected output lines)
CASES = [
    # -- the file itself
    ("empty file", {"targets.yaml": ""},
     ["targets.yaml:1: has no data (empty, or comments only): it needs 'sources' and 'figures'"]),
    ("comments only", {"targets.yaml": "# a file of comments\n# and nothing else\n"},
     ["targets.yaml:1: has no data (empty, or comments only): it needs 'sources' and 'figures'"]),
    ("blank lines only", {"targets.yaml": "\n\n   \n"},
     ["targets.yaml:1: has no data (empty, or comments only): it needs 'sources' and 'figures'"]),
    ("an empty mapping", {"targets.yaml": "{}\n"},
     ["targets.yaml:1: is empty: it needs 'sources' and 'figures'"]),
    ("a list at the top", {"targets.yaml": "- sources\n- figures\n"},
     ["targets.yaml:1: must be a mapping with the keys 'sources' and 'figures'"]),
    ("a scalar at the top", {"targets.yaml": "hello\n"},
     ["targets.yaml:1: must be a mapping with the keys 'sources' and 'figures'"]),
    ("UTF-16 text", {"targets.yaml": MINIMAL.encode("utf-16")},
     ["targets.yaml:1: is UTF-16 text: save it as UTF-8"]),
    ("GB18030 text", {"targets.yaml": MINIMAL.encode("gb18030")},
     ["targets.yaml:4: is not UTF-8 text (byte 0xb9 at line 4): save it as UTF-8"]),
    ("a Latin-1 byte on line 4", {"targets.yaml": MINIMAL.encode().replace("关于".encode(), b"caf\xe9", 1)},
     ["targets.yaml:4: is not UTF-8 text (byte 0xe9 at line 4): save it as UTF-8"]),
    ("a UTF-8 byte-order mark is fine", {"targets.yaml": b"\xef\xbb\xbf" + MINIMAL.encode()}, []),
    ("a NUL byte", {"targets.yaml": edit("title: 关于", "title: \x00关于")},
     ["targets.yaml:4: control character U+0000 at column 12: YAML does not allow it"]),
    ("a bell character", {"targets.yaml": edit("title: 关于", "title: \x07关于")},
     ["targets.yaml:4: control character U+0007 at column 12: YAML does not allow it"]),
    ("an escape character", {"targets.yaml": edit("issuer: 邯山区", "issuer: \x1b[31m邯山区")},
     ["targets.yaml:6: control character U+001B at column 13: YAML does not allow it"]),
    ("a DEL character", {"targets.yaml": edit("note: null", "note: a\x7fb")},
     ["targets.yaml:29: control character U+007F at column 12: YAML does not allow it"]),
    ("a C1 control character", {"targets.yaml": edit("note: null", "note: a\x9bb")},
     ["targets.yaml:29: control character U+009B at column 12: YAML does not allow it"]),
    ("line and paragraph separators inside a note: lines as an editor counts them",
     {"targets.yaml": edit("    value: 40", "    value: abc", edit("    note: null", '    note: "a\u2028b\u2029c\x85d"'))},
     ["targets.yaml:49: figure hanshan-output: value: input should be a valid integer (got 'abc')"]),
    # -- YAML syntax
    ("a tab for indentation", {"targets.yaml": edit("  - id: hanshan-beds", "\t- id: hanshan-beds")},
     ["targets.yaml:16: invalid YAML: found character that cannot start any token"]),
    ("an unclosed bracket", {"targets.yaml": edit("    kind: target", "    kind: [target")},
     ["targets.yaml:21: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 20)"]),
    ("an unclosed quote", {"targets.yaml": edit('    region: "130402"\n    metric: elderly', '    region: "130402\n    metric: elderly')},
     ["targets.yaml:32: invalid YAML: did not find expected key (while parsing a block mapping at line 16)"]),
    ("a field indented too far", {"targets.yaml": edit("    kind: target", "      kind: target")},
     ["targets.yaml:20: invalid YAML: mapping values are not allowed in this context"]),
    ("two documents in one file", {"targets.yaml": MINIMAL + "---\nsources: []\n"},
     ["targets.yaml:58: invalid YAML: expected a single document in the stream, but found another document"]),
    ("a duplicate key", {"targets.yaml": edit("    note: null\n  - id: hanshan-bases", "    note: null\n    note: again\n  - id: hanshan-bases")},
     ["targets.yaml:30: figures.0.note: duplicate key"]),
    ("a list as a key", {"targets.yaml": edit("    note: null\n  - id: hanshan-bases", "    note: null\n    ? [a, b]\n    : c\n  - id: hanshan-bases")},
     ["targets.yaml:30: a list or mapping cannot be a key"]),
    ("a Python object tag", {"targets.yaml": edit("    note: null", "    note: !!python/object/apply:os.system [echo hi]")},
     ["targets.yaml:29: unknown tag 'tag:yaml.org,2002:python/object/apply:os.system'"]),
    ("a custom tag", {"targets.yaml": edit("    note: null", "    note: !secret x")},
     ["targets.yaml:29: unknown tag '!secret'"]),
    ("a binary value", {"targets.yaml": edit("    note: null", "    note: !!binary aGVsbG8=")},
     ["targets.yaml:29: figure hanshan-beds: note: input should be a valid string (got b'hello')"]),
    # -- nesting and aliases
    ("10,000 levels of flow nesting", {"targets.yaml": MINIMAL + "x: " + "[" * 10_000 + "]" * 10_000 + "\n"},
     ["targets.yaml:58: nested more than 40 levels deep"]),
    ("10,000 levels of block nesting", {"targets.yaml": MINIMAL + "x:\n" + "".join(" " * i + "- \n" for i in range(10_000))},
     ["targets.yaml:98: nested more than 40 levels deep"]),
    ("10,000 levels of nested mappings", {"targets.yaml": MINIMAL + "x: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n"},
     ["targets.yaml:58: nested more than 40 levels deep"]),
    ("a billion laughs", {"targets.yaml": bomb(10)},
     ["targets.yaml:2: aliases re-use lists or mappings more than 100 times"]),
    ("an alias to a mapping reused too often", {"targets.yaml": "m: &m {a: 1}\nl: [" + ", ".join(["*m"] * 101) + "]\n"},
     ["targets.yaml:1: aliases re-use lists or mappings more than 100 times"]),
    ("an alias to an undefined anchor", {"targets.yaml": edit("    note: null", "    note: *nowhere")},
     ["targets.yaml:29: invalid YAML: found undefined alias"]),
    # -- numbers and dates
    ("an infinite value", {"targets.yaml": edit("    value: 3000", "    value: .inf")},
     ["targets.yaml:21: figure hanshan-beds: value: inf is not a finite number"]),
    ("minus infinity as a low end", {"targets.yaml": edit("    low: 1", "    low: -.inf")},
     ["targets.yaml:36: figure hanshan-bases: low: -inf is not a finite number"]),
    ("not a number", {"targets.yaml": edit("    value: 3000", "    value: .nan")},
     ["targets.yaml:21: figure hanshan-beds: value: nan is not a finite number"]),
    ("a float beyond double range", {"targets.yaml": edit("    value: 3000", "    value: 1.0e+400")},
     ["targets.yaml:21: figure hanshan-beds: value: inf is not a finite number"]),
    ("a 16-digit value", {"targets.yaml": edit("    value: 3000", "    value: 9999999999999999")},
     ["targets.yaml:21: figure hanshan-beds: value: 1e+16 is beyond any figure's magnitude (at most 1e+15)"]),
    ("a 401-digit value", {"targets.yaml": edit("    value: 3000", "    value: " + "9" * 401)},
     ["targets.yaml:21: figure hanshan-beds: value: a 401-digit number is beyond any figure's magnitude (at most 1e+15)"]),
    ("a 5,000-digit value", {"targets.yaml": edit("    value: 3000", "    value: " + "9" * 5000)},
     ["targets.yaml:21: '9999999999999999999999999999999999999...' is not a number that can be read"]),
    ("a negative magnitude", {"targets.yaml": edit("    value: 40", "    value: -1.0e+20")},
     ["targets.yaml:49: figure hanshan-output: value: -1e+20 is beyond any figure's magnitude (at most 1e+15)"]),
    ("an octal-looking value", {"targets.yaml": edit("    value: 3000", "    value: 010")},
     ["targets.yaml:21: '010' is not a number written plainly (digits, a decimal point; no leading 0, separators or 0x)"]),
    ("a hexadecimal value", {"targets.yaml": edit("    value: 3000", "    value: 0xBB8")},
     ["targets.yaml:21: '0xBB8' is not a number written plainly (digits, a decimal point; no leading 0, separators or 0x)"]),
    ("a sexagesimal value", {"targets.yaml": edit("    value: 3000", "    value: 50:00")},
     ["targets.yaml:21: '50:00' is not a number written plainly (digits, a decimal point; no leading 0, separators or 0x)"]),
    ("underscores in a value", {"targets.yaml": edit("    value: 3000", "    value: 3_000")},
     ["targets.yaml:21: '3_000' is not a number written plainly (digits, a decimal point; no leading 0, separators or 0x)"]),
    ("a value in words", {"targets.yaml": edit("    value: 3000", "    value: abc")},
     ["targets.yaml:21: figure hanshan-beds: value: input should be a valid integer (got 'abc')"]),
    ("a value in quotes", {"targets.yaml": edit("    value: 3000", '    value: "3000"')},
     ["targets.yaml:21: figure hanshan-beds: value: input should be a valid integer (got '3000')"]),
    ("a value with a thousands comma", {"targets.yaml": edit("    value: 3000", "    value: 3,000")},
     ["targets.yaml:21: figure hanshan-beds: value: input should be a valid integer (got '3,000')"]),
    ("a boolean value", {"targets.yaml": edit("    value: 3000", "    value: yes")},
     ["targets.yaml:21: figure hanshan-beds: value: input should be a valid integer (got True)"]),
    ("a fractional year", {"targets.yaml": edit("    year: 2026\n    evidence: 建成", "    year: 2026.5\n    evidence: 建成")},
     ["targets.yaml:26: figure hanshan-beds: year: input should be a valid integer (got 2026.5)"]),
    ("a year far ahead", {"targets.yaml": edit("    year: 2026\n    evidence: 建成", "    year: 3026\n    evidence: 建成")},
     ["targets.yaml:26: figure hanshan-beds: year: input should be less than or equal to 2100 (got 3026)"]),
    ("month 13, day 45", {"targets.yaml": edit("2024-09-06", "2024-13-45")},
     ["targets.yaml:10: '2024-13-45' is not a valid date (write YYYY-MM-DD)"]),
    ("30 February", {"targets.yaml": edit("2024-09-06", "2024-02-30")},
     ["targets.yaml:10: '2024-02-30' is not a valid date (write YYYY-MM-DD)"]),
    ("a date without leading zeros", {"targets.yaml": edit("2024-09-06", "2024-9-6")},
     ["targets.yaml:10: source hanshan-2024: date_written: '2024-9-6' is not a date written as YYYY-MM-DD, or null"]),
    ("a date and time", {"targets.yaml": edit("2024-09-06", "2024-09-06 10:00:00")},
     ["targets.yaml:10: source hanshan-2024: date_written: datetime.datetime(2024, 9, 6, 10, 0) is not a date written as YYYY-MM-DD, or null"]),
    # -- the shape of the records
    ("sources is a number", {"targets.yaml": "sources: 3\nfigures: []\n"},
     ["targets.yaml:1: sources: must be a list of records"]),
    ("figures is a mapping", {"targets.yaml": edit("figures:\n  - id: hanshan-beds", "figures:\n  x:\n    id: hanshan-beds").split("  - id: hanshan-bases")[0]},
     ["targets.yaml:15: figures: must be a list of records"]),
    ("figures missing", {"targets.yaml": MINIMAL.split("figures:")[0]},
     ["targets.yaml:2: figures: missing: expected a list of records"]),
    ("a figure that is a string", {"targets.yaml": edit("figures:\n", "figures:\n  - just a string\n")},
     ["targets.yaml:16: figure #1: must be a mapping of fields"]),
    ("a figure without an id", {"targets.yaml": edit("  - id: hanshan-beds\n", "  - source: hanshan-2024\n").replace("    source: hanshan-2024\n    region", "    region", 1)},
     ["targets.yaml:16: figure #1: id: required field is missing (write null when there is none)"]),
    ("an id that is a number", {"targets.yaml": edit("  - id: hanshan-beds", "  - id: 12")},
     ["targets.yaml:16: figure 12: id: 12 is not a lower-case slug like laibin-2021-herb-area"]),
    ("an unknown top-level key", {"targets.yaml": MINIMAL + "notes: hello\n"},
     ["targets.yaml:58: notes: unknown top-level key (expected 'sources', 'figures' and 'checks')"]),
    ("checks is a string", {"targets.yaml": MINIMAL + "checks: none\n"},
     ["targets.yaml:58: checks: must be a list of records"]),
    ("a check of an unknown target", {"targets.yaml": MINIMAL + "checks:\n  - {target: nowhere, checked: 2026-01-05, searched: the bureau's site, result: nothing}\n"},
     ["targets.yaml:59: check of nowhere: target: unknown figure 'nowhere'"]),
    # -- files that are not files
    ("targets.yaml is a folder", {"targets.yaml/": None}, ["targets.yaml:1: is a folder, not a file"]),
    ("targets.yaml is missing", {"targets.yaml": None}, ["targets.yaml:1: file not found"]),
    ("targets.yaml is a pipe", {"targets.yaml|": None},
     ["targets.yaml:1: is not a regular file (a device, pipe or socket)"]),
    ("targets.yaml is a link to a device", {"targets.yaml->": "/dev/zero"},
     ["targets.yaml:1: is not a regular file (a device, pipe or socket)"]),
    ("targets.yaml is a dangling link", {"targets.yaml->": "/nowhere/at/all"}, ["targets.yaml:1: file not found"]),
    # -- the reference tables in data/
    ("units.yaml missing", {"data/units.yaml": None}, ["data/units.yaml:1: file not found"]),
    ("units.yaml a list", {"data/units.yaml": "- meter\n- bed\n"},
     ["data/units.yaml:1: unreadable unit table: must be a mapping with 'definitions' and 'written'"]),
    ("units.yaml invalid YAML", {"data/units.yaml": "definitions: [meter\n"},
     ["data/units.yaml:2: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 1)"]),
    ("units.yaml without written units", {"data/units.yaml": UNITS.split("written:")[0]},
     ["data/units.yaml:1: unreadable unit table: missing or malformed: written"]),
    ("units.yaml with a broken definition", {"data/units.yaml": edit("  - bed = [bed]", "  - bed = [bed", UNITS)},
     ["data/units.yaml:15: definitions: 'bed = [bed' cannot be read: Cannot define 'bed': refers to [bed that is not a valid unit name (must follow Python identifier rules)"]),
    ("units.yaml empty", {"data/units.yaml": ""},
     ["data/units.yaml:1: unreadable unit table: must be a mapping with 'definitions' and 'written'"]),
    ("regions.yaml a folder", {"data/regions.yaml/": None}, ["data/regions.yaml:1: is a folder, not a file"]),
    ("regions.yaml empty", {"data/regions.yaml": ""},
     ["data/regions.yaml:1: has no data (empty, or comments only): it needs 'regions'"]),
    ("a region code unquoted", {"data/regions.yaml": edit('code: "130402"', "code: 130402", REGIONS)},
     ["data/regions.yaml:4: region 130402: code: 130402 is not a 6-digit region code written as a quoted string"]),
    ("a population dated 13th month", {"data/regions.yaml": edit("{year: 2020, value: 9413990", "{year: 2020-13-01, value: 9413990", REGIONS)},
     ["data/regions.yaml:3: '2020-13-01' is not a valid date (write YYYY-MM-DD)"]),
    ("a bad date in metrics.yaml", {"data/metrics.yaml": edit("definition_en: All elderly-care beds.}", "definition_en: All elderly-care beds., since: 2024-02-30}", METRICS)},
     ["data/metrics.yaml:6: '2024-02-30' is not a valid date (write YYYY-MM-DD)"]),
    ("metrics.yaml a list", {"data/metrics.yaml": "- elderly_care_beds\n"},
     ["data/metrics.yaml:1: must be a mapping with the keys 'categories', 'groups' and 'metrics'"]),
    ("a metric of an unknown group", {"data/metrics.yaml": edit("{key: tourism_bases, group: tourism_bases", "{key: tourism_bases, group: tourism", METRICS)},
     ["data/metrics.yaml:12: metric tourism_bases: group: unknown group 'tourism'"]),
    ("the data folder missing", {"data/": None},
     ["data/units.yaml:1: file not found"]),
]


def write(root: Path, files: dict) -> None:
    """The fixtures, then the case's files: text, bytes, None (absent), 'name/' (a folder), 'name|' (a pipe), 'name->' (a link)."""
    shutil.copytree(FIXTURES / "data", root / "data")
    (root / "targets.yaml").write_text(MINIMAL, encoding="utf-8")
    for name, content in files.items():
        target = root / name.rstrip("/|->")
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        elif target.exists() or target.is_symlink():
            target.unlink()
        if name.endswith("/"):
            if content is None and name != "data/":
                target.mkdir()
        elif name.endswith("|"):
            os.mkfifo(target)
        elif name.endswith("->"):
            target.symlink_to(content)
        elif isinstance(content, bytes):
            target.write_bytes(content)
        elif content is not None:
            target.write_text(content, encoding="utf-8")


def validate(root: Path) -> tuple[int, list[str]]:
    """Exit status and the problems printed, paths relative to the case's folder."""
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(root)
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail(f"no answer after {SECONDS} s: a hang"))
    signal.alarm(SECONDS)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            status = main(["validate", "targets.yaml"])
    finally:
        signal.alarm(0)
        os.chdir(cwd)
    lines = err.getvalue().splitlines()
    assert "Traceback" not in err.getvalue()
    return status, [line for line in lines if not line.endswith("problem(s) found.")]


@pytest.mark.parametrize("files, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_bad_input_gives_its_located_message_and_exit_2(tmp_path, monkeypatch, files, expected):
    monkeypatch.setenv("HEALTHTARGETS_DATA", str(tmp_path / "data"))
    write(tmp_path, files)
    started = time.monotonic()
    status, printed = validate(tmp_path)
    assert printed == expected
    assert status == (2 if expected else 0)
    assert time.monotonic() - started < SECONDS


def test_the_corpus_holds_at_least_75_cases():
    assert len(CASES) >= 75


def test_a_file_over_the_size_limit_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setenv("HEALTHTARGETS_DATA", str(tmp_path / "data"))
    write(tmp_path, {"targets.yaml": MINIMAL + "#" * 5000 + "\n"})
    size = (tmp_path / "targets.yaml").stat().st_size
    monkeypatch.setattr(records, "MAX_BYTES", size - 1)  # the data/ tables are smaller
    assert validate(tmp_path) == (2, [f"targets.yaml:1: is {size:,} bytes; files over {size - 1:,} bytes are not read"])


def test_an_unreadable_file_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("HEALTHTARGETS_DATA", str(tmp_path / "data"))
    write(tmp_path, {})
    real = Path.read_bytes

    def refuse(path):
        if path.name == "targets.yaml":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert validate(tmp_path) == (2, ["targets.yaml:1: cannot be read (Permission denied)"])
