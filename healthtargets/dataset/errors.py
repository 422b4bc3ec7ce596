"""Errors as values with a location, and the exceptions that carry them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a data file, where it is and what is wrong.

    Rendered as ``targets.yaml:12: figure hanshan-beds: unit: unknown unit '床'``.
    """

    file: str
    line: int
    record: str  # "figure <id>", "source <id>", or "" for the file as a whole
    field: str  # the field at fault, or "" when the record itself is
    message: str

    def __str__(self) -> str:
        parts = [f"{self.file}:{self.line}"]
        parts += [p for p in (self.record, self.field) if p]
        return ": ".join(parts + [self.message])


class DatasetInvalid(Exception):
    """The data set has problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class CliError(Exception):
    """A command-line misuse or failure, shown to the user as one line; exit status 2."""
