"""Parse YAML once, keeping the line of every record and field, so problems can say where they are.

libyaml (PyYAML's C parser, when installed) composes the node tree; this module builds the
Python data from that tree in the same pass that records the lines, in time proportional to
the text. It refuses, with a located message instead of a traceback or a hang, what no data
file of ours needs: nesting deeper than MAX_DEPTH, aliases expanding a collection more than
MAX_ALIASES times (a "billion laughs" bomb), tags it does not know, numbers and dates it
cannot read.

Lines are kept compactly: for a list of mappings under a top-level key (the records of
targets.yaml, metrics.yaml, regions.yaml) the line of each record and of each of its fields;
deeper paths answer with their field's line.
"""

from __future__ import annotations

import re
from array import array
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple  # ('figures', 3, 'unit')

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML was built with it
MAX_DEPTH = 40  # data files of ours nest five levels deep
MAX_ALIASES = 100  # re-uses of an anchored list or mapping
# What YAML 1.1 allows in a stream (PyYAML's reader refuses the rest, without saying where).
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Numbers as people write them. YAML 1.1 also reads 010 as 8, 0x1A as 26, 1_000 as 1000 and 1:30
# as 90: in a data file each is a slip more likely than a meaning, so they are refused.
_PLAIN_NUMBER = {
    "tag:yaml.org,2002:int": re.compile(r"[-+]?(0|[1-9][0-9]*)"),
    "tag:yaml.org,2002:float": re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"),
}
_ODD_BREAK_CHARS = "\x85\u2028\u2029"
_ODD_BREAKS = re.compile(f"[{_ODD_BREAK_CHARS}]")
_YAML_BREAKS = re.compile(f"\r\n|[\n\r{_ODD_BREAK_CHARS}]")
_EDITOR_LINES: ContextVar[array | None] = ContextVar("editor_lines", default=None)
_COLLECTION_TAGS = ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map")
_BRACKETS = re.compile(r"[\[\]{}]")
_LEAD = re.compile(r"^[ -]*", re.MULTILINE)
_SCALAR_PROBLEMS = {
    "tag:yaml.org,2002:timestamp": "is not a valid date (write YYYY-MM-DD)",
    "tag:yaml.org,2002:int": "is not a number that can be read",
    "tag:yaml.org,2002:float": "is not a number that can be read",
}


class YamlSyntaxError(ValueError):
    """The text is not valid YAML, or not YAML we read; ``line`` says where."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


@dataclass
class LineIndex:
    """Line numbers (1-based) of the nodes of one YAML document, by path."""

    paths: dict[Path_, int] = field(default_factory=dict)  # the root, top-level keys and their items
    records: dict[str, list[tuple[int, tuple, array]]] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path_, int]] = field(default_factory=list)

    def line(self, path: Path_) -> int:
        """The line of the node at path, or of its nearest recorded ancestor."""
        path = tuple(path)
        if len(path) >= 2 and path[0] in self.records and isinstance(path[1], int):
            rows = self.records[path[0]]
            if 0 <= path[1] < len(rows):
                start, keys, lines = rows[path[1]]
                if len(path) >= 3 and path[2] in keys:
                    return lines[keys.index(path[2])]
                return start
        while path and path not in self.paths:
            path = path[:-1]
        return self.paths.get(path, 1)


def load_with_lines(text: str) -> tuple[Any, LineIndex]:
    """The data of a YAML text and the line of each of its records and fields."""
    _check_characters(text)
    _check_depth(text)
    token = _EDITOR_LINES.set(_editor_lines(text))
    try:
        return _load(text)
    finally:
        _EDITOR_LINES.reset(token)


def _load(text: str) -> tuple[Any, LineIndex]:
    loader = Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise YamlSyntaxError(*_located(exc)) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    index = LineIndex()
    if root is None:
        return None, index
    return _Builder(loader, index).document(root), index


def _check_characters(text: str) -> None:
    """Refuse a character YAML does not allow (a control character, NUL), saying where it is."""
    found = _NOT_PRINTABLE.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        raise YamlSyntaxError(line, f"control character U+{ord(found.group()):04X} at column {column}: YAML does not allow it")


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before parsing: flow brackets or block indentation.

    One pass over the text; an upper bound (brackets inside strings count too), so a file of
    ours, five levels deep, is far below it.
    """
    depth = 0
    for bracket in _BRACKETS.finditer(text):
        if bracket.group() in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlSyntaxError(text.count("\n", 0, bracket.start()) + 1, f"nested more than {MAX_DEPTH} levels deep")
        elif depth:
            depth -= 1
    # Each block level takes at least one character of a line's leading spaces and dashes: lines
    # whose lead is shorter than MAX_DEPTH cannot nest deeper, so most files need no line walk.
    if max(map(len, _LEAD.findall(text)), default=0) < MAX_DEPTH:
        return
    deepest = 0
    indents: list[int] = []
    for number, line in enumerate(text.split("\n"), 1):
        body = line.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        indent = len(line) - len(body)
        while indents and indents[-1] >= indent:
            indents.pop()
        indents.append(indent)
        dashes = 0
        while body.startswith("- ", 2 * dashes):
            dashes += 1
        deepest = len(indents) + dashes
        if deepest > MAX_DEPTH:
            raise YamlSyntaxError(number, f"nested more than {MAX_DEPTH} levels deep")


class _Builder:
    """Python data from a composed node tree, recording lines on the way (one visit per node)."""

    def __init__(self, loader, index: LineIndex):
        self.loader = loader
        self.index = index
        self.seen: set[int] = set()
        self.aliases = 0
        self.keys: dict[tuple, tuple] = {}  # one shared tuple per distinct key order

    def document(self, root: yaml.Node) -> Any:
        self.index.paths[()] = _line(root)
        if not isinstance(root, yaml.MappingNode):
            return self.value(root)
        data = {}
        for key, value_node in self.pairs(root, ()):
            self.index.paths[(key,)] = self.key_line
            if isinstance(value_node, yaml.SequenceNode):
                data[key] = self.records(key, value_node)
            else:
                data[key] = self.value(value_node)
        return data

    def records(self, section: str, node: yaml.SequenceNode) -> list:
        """A top-level list: each item's line, and each field's line when the item is a mapping."""
        self.visit(node)
        rows, items = [], []
        for position, item in enumerate(node.value):
            if isinstance(item, yaml.MappingNode):
                self.visit(item)
                record, keys, lines = {}, [], array("I")
                for key, value_node in self.pairs(item, (section, position)):
                    keys.append(key)
                    lines.append(self.key_line)
                    record[key] = self.value(value_node)
                order = tuple(keys)
                rows.append((_line(item), self.keys.setdefault(order, order), lines))
                items.append(record)
            else:
                rows.append((_line(item), (), array("I")))
                items.append(self.value(item))
        self.index.records[section] = rows
        return items

    def pairs(self, node: yaml.MappingNode, path: Path_):
        """(key, value node) of a mapping, noting duplicate keys; self.key_line is the key's line."""
        seen: set = set()
        for key_node, value_node in node.value:
            key = self.value(key_node)
            if isinstance(key, (list, dict)):
                raise YamlSyntaxError(_line(key_node), "a list or mapping cannot be a key")
            self.key_line = _line(key_node)
            if key in seen:
                self.index.duplicate_keys.append((path + (key,), self.key_line))
            seen.add(key)
            yield key, value_node

    def value(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        self.visit(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item) for item in node.value]
        mapping = {}
        for key_node, value_node in node.value:
            key = self.value(key_node)
            if isinstance(key, (list, dict)):
                raise YamlSyntaxError(_line(key_node), "a list or mapping cannot be a key")
            mapping[key] = self.value(value_node)
        return mapping

    def visit(self, node: yaml.Node) -> None:
        """Count re-visits of a list or mapping (an alias to an anchor): refuse an alias bomb.

        Also refuse a tag on a list or mapping (!!python/object/apply:… is one): ours carry none.
        """
        if node.tag not in _COLLECTION_TAGS:
            raise YamlSyntaxError(_line(node), f"unknown tag {node.tag!r}")
        if id(node) in self.seen:
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise YamlSyntaxError(_line(node), f"aliases re-use lists or mappings more than {MAX_ALIASES} times")
        self.seen.add(id(node))

    def scalar(self, node: yaml.ScalarNode) -> Any:
        constructor = self.loader.yaml_constructors.get(node.tag)
        if constructor is None:
            raise YamlSyntaxError(_line(node), f"unknown tag {node.tag!r}")
        plain = _PLAIN_NUMBER.get(node.tag)
        if plain is not None and not plain.fullmatch(node.value):
            raise YamlSyntaxError(_line(node), f"{_short(node.value)!r} is not a number written plainly"
                                               " (digits, a decimal point; no leading 0, separators or 0x)")
        try:
            value = constructor(self.loader, node)
        except (ValueError, OverflowError, yaml.YAMLError):
            problem = _SCALAR_PROBLEMS.get(node.tag, "cannot be read")
            raise YamlSyntaxError(_line(node), f"{_short(node.value)!r} {problem}") from None
        return value


def _located(exc: yaml.MarkedYAMLError) -> tuple[int, str]:
    """The line of a YAML error and one sentence: what went wrong, and where what it was reading began."""
    mark = exc.problem_mark or exc.context_mark
    line = _editor_line(mark.line) if mark else 1
    message = f"invalid YAML: {exc.problem or exc.context}"
    if exc.problem and exc.context and exc.problem.startswith("but "):  # "expected one document, but found another"
        message = f"invalid YAML: {exc.context}, {exc.problem}"
    elif exc.problem and exc.context and exc.context_mark and _editor_line(exc.context_mark.line) != line:
        message += f" ({exc.context} at line {_editor_line(exc.context_mark.line)})"
    return line, message


def _line(node: yaml.Node) -> int:
    return _editor_line(node.start_mark.line)


def _editor_line(yaml_line: int) -> int:
    """The 1-based line an editor shows for a 0-based line of YAML's count."""
    lines = _EDITOR_LINES.get()
    return yaml_line + 1 if lines is None else lines[min(yaml_line, len(lines) - 1)]


def _editor_lines(text: str) -> array | None:
    """YAML also breaks lines at NEL, LS and PS (U+0085, U+2028, U+2029), which editors show inside a
    line: for a text that has any, the editor's line of each of YAML's lines; else None (they agree)."""
    if not _ODD_BREAKS.search(text):
        return None
    lines, line = array("I", [1]), 1
    for brk in _YAML_BREAKS.finditer(text):
        line += brk.group() not in _ODD_BREAK_CHARS
        lines.append(line)
    return lines


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."
