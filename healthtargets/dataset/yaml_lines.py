"""Parse YAML keeping the line of every value, so problems can say where they are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple  # ('figures', 3, 'unit')


@dataclass
class LineIndex:
    """Line numbers (1-based) of the nodes of one YAML document, by path."""

    lines: dict[Path_, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path_, int]] = field(default_factory=list)

    def line(self, path: Path_) -> int:
        """The line of the node at path, or of its nearest existing ancestor."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


class YamlSyntaxError(ValueError):
    """The text is not valid YAML; ``line`` says where the parser gave up."""

    def __init__(self, line: int, message: str):
        self.line = line
        super().__init__(message)


def load_with_lines(text: str) -> tuple[Any, LineIndex]:
    """The data of a YAML text and the line of each of its nodes."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(line, f"invalid YAML: {exc.problem or exc.context}") from exc
    index = LineIndex()
    if root is not None:
        _walk(root, (), index)
    return data, index


def _walk(node: yaml.Node, path: Path_, index: LineIndex) -> None:
    index.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            child = path + (key,)
            if key in seen:
                index.duplicate_keys.append((child, key_node.start_mark.line + 1))
            seen.add(key)
            index.lines[child] = key_node.start_mark.line + 1
            _walk(value_node, child, index)
    elif isinstance(node, yaml.SequenceNode):
        for position, item in enumerate(node.value):
            _walk(item, path + (position,), index)
