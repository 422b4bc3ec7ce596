"""Records read from YAML and checked against their model, each problem located by file and line.

The generic part of validation: reading a YAML file into data and lines, validating a list of
records against a pydantic model (one plain message per faulty field), duplicate ids, and
finding a record's lines by its position.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import Problem
from .yaml_tree import LineIndex, YamlSyntaxError, load_with_lines

MAX_BYTES = 256 * 2**20  # the largest data file read: some 900,000 figures, and 16 GB of memory to parse
FIELD_HINTS = {
    "region": "a 6-digit region code written as a quoted string, e.g. \"451300\"",
    "parent": "a 6-digit region code written as a quoted string",
    "code": "a 6-digit region code written as a quoted string",
    "id": "a lower-case slug like laibin-2021-herb-area",
    "source": "the slug id of a source",
    "metric": "a metric key like elderly_care_beds",
    "text_sha256": "64 lower-case hex digits (sha256sum of the text file)",
    "url": "an address starting with http:// or https://",
    "date_written": "a date written as YYYY-MM-DD, or null",
    "date_published": "a date written as YYYY-MM-DD, or null",
    "checked": "a date written as YYYY-MM-DD",
    "excerpt_sha256": "64 lower-case hex digits (sha256sum of the excerpt file)",
}


def display_path(path: Path) -> str:
    """The path as a user would type it: relative to the working directory if inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_yaml(path: Path, label: str) -> tuple[Any, LineIndex, list[Problem]]:
    """Data and line index of a YAML file; a file that cannot be read, or invalid YAML, is one problem."""
    text, problem = read_text(Path(path), label)
    if problem is not None:
        return None, LineIndex(), [problem]
    return parse_yaml(text, label)


def read_text(path: Path, label: str) -> tuple[str, Problem | None]:
    """A data file's text, or the one problem that stops it being read: never a traceback, never a wait.

    A folder, a device or a pipe is refused before it is opened (reading /dev/zero or a FIFO
    would never end); so is a file over MAX_BYTES. Text must be UTF-8; a UTF-8 byte-order mark is fine.
    """
    def refused(message: str, line: int = 1) -> tuple[str, Problem]:
        return "", Problem(label, line, "", "", message)

    try:
        info = path.stat()
    except FileNotFoundError:
        return refused("file not found")
    except OSError as exc:
        return refused(f"cannot be read ({exc.strerror or exc})")
    if stat.S_ISDIR(info.st_mode):
        return refused("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        return refused("is not a regular file (a device, pipe or socket)")
    if info.st_size > MAX_BYTES:
        return refused(f"is {_size(info.st_size)}; files over {_size(MAX_BYTES)} are not read")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return refused(f"cannot be read ({exc.strerror or exc})")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return refused("is UTF-16 text: save it as UTF-8")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return refused(f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line}): save it as UTF-8", line)


def _size(n: int) -> str:
    return f"{n / 2**20:,.0f} MB" if n >= 2**20 else f"{n:,} bytes"


def parse_yaml(text: str, label: str) -> tuple[Any, LineIndex, list[Problem]]:
    try:
        data, lines = load_with_lines(text)
    except YamlSyntaxError as exc:
        return None, LineIndex(), [Problem(label, exc.line, "", "", str(exc))]
    problems = [
        Problem(label, line, "", ".".join(str(p) for p in path), "duplicate key")
        for path, line in lines.duplicate_keys
    ]
    return data, lines, problems


def validate_records(
    raw: Any, model: type[BaseModel], section: str, noun: str, label: str, lines: LineIndex
) -> tuple[list[BaseModel], list[Problem]]:
    """Validate a list of records against a model: the valid ones and the problems."""
    if not isinstance(raw, list):
        message = "missing: expected a list of records" if raw is None else "must be a list of records"
        return [], [Problem(label, lines.line((section,)), "", section, message)]
    records, problems = [], []
    for position, item in enumerate(raw):
        path = (section, position)
        name = record_name(noun, item, position)
        if not isinstance(item, dict):
            problems.append(Problem(label, lines.line(path), name, "", "must be a mapping of fields"))
            continue
        try:
            records.append(model.model_validate(item))
        except ValidationError as exc:
            reported = set()
            for error in exc.errors():
                field = str(error["loc"][0]) if error["loc"] else ""
                if field in reported:  # one fault, one message (a union type fails once per member)
                    continue
                reported.add(field)
                line = lines.line(path + tuple(error["loc"][:1]))
                problems.append(Problem(label, line, name, field, pydantic_message(error, field)))
    return records, problems


def record_name(noun: str, item: Any, position: int) -> str:
    """'figure hanshan-beds', or 'figure #4' when the record has no usable id."""
    key = "code" if noun == "region" else ("key" if noun in ("metric", "group", "category", "family") else "id")
    ident = item.get(key) if isinstance(item, dict) else None
    return f"{noun} {ident}" if isinstance(ident, (str, int)) and ident != "" else f"{noun} #{position + 1}"


def pydantic_message(error: dict, field: str) -> str:
    """One plain sentence for a pydantic error."""
    kind, given = error["type"], error.get("input")
    if kind == "missing":
        return "required field is missing (write null when there is none)"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "literal_error":
        return f"{given!r} is not allowed; expected {error['ctx']['expected']}"
    if kind in ("string_pattern_mismatch", "string_type") and field in FIELD_HINTS:
        return f"{given!r} is not {FIELD_HINTS[field]}"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing") and field in FIELD_HINTS:
        return f"{given!r} is not {FIELD_HINTS[field]}"
    if kind == "string_too_long":
        return f"is {len(given)} characters; at most {error['ctx']['max_length']} allowed"
    return f"{error['msg'].rstrip('.').lower()} (got {given!r})"


def duplicate_ids(raw: Any, section: str, noun: str, label: str, lines: LineIndex) -> list[Problem]:
    if not isinstance(raw, list):
        return []
    first: dict[str, int] = {}
    problems = []
    for position, item in enumerate(raw):
        ident = item.get("id") if isinstance(item, dict) else None
        if not isinstance(ident, str):
            continue
        line = lines.line((section, position, "id"))
        if ident in first:
            problems.append(Problem(label, line, f"{noun} {ident}", "id", f"duplicate id (first used at line {first[ident]})"))
        else:
            first[ident] = line
    return problems


def positions(raw: Any, key: str = "id") -> dict:
    """Where each record of a list is, by its id (the first record, when an id repeats)."""
    found: dict = {}
    for position, item in enumerate(raw if isinstance(raw, list) else []):
        if isinstance(item, dict):
            found.setdefault(item.get(key), position)
    return found


def locator(raw: list, section: str, lines: LineIndex):
    """ident -> (field -> line) for the records of a section, from one pass over the section."""
    where = positions(raw)
    return lambda ident: (lambda field: lines.line((section, where[ident], field)))
