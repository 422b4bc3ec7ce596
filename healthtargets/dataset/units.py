"""Normalise figures as written (4.2 亿元, 10 万亩, 0.7 张/千人) to canonical units with pint.

The table of written units lives in data/units.yaml; this module turns it into a
pint registry and answers two questions: does a written unit fit a canonical
unit, and by what factor does a value in one become the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pint
import yaml


class UnitError(ValueError):
    """A written unit that is unknown or does not fit the canonical unit."""


@dataclass
class UnitTable:
    """Written units (亿元, 万亩, 张/千人 …) and the pint expressions they read as."""

    definitions: list[str]
    written: dict[str, str]
    labels: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def from_yaml(cls, path: Path) -> "UnitTable":
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        return cls(raw["definitions"], dict(raw["written"]), dict(raw.get("canonical", {})))

    @cached_property
    def fingerprint(self) -> str:
        """Identifies the table's content, for caches that outlive one instance."""
        return repr((self.definitions, sorted(self.written.items()), sorted(self.labels.items(), key=str)))

    @cached_property
    def registry(self) -> pint.UnitRegistry:
        registry = pint.UnitRegistry()
        for definition in self.definitions:
            registry.define(definition)
        return registry

    def canonical(self, expression: str) -> pint.Unit:
        """The pint unit of a canonical unit expression ('CNY', 'bed / kiloperson')."""
        try:
            return self.registry.parse_units(expression)
        except (pint.UndefinedUnitError, pint.DefinitionSyntaxError, ValueError) as exc:
            raise UnitError(f"unknown canonical unit '{expression}'") from exc

    def factor(self, written: str, canonical: str) -> float:
        """How many canonical units one written unit is: factor('亿元', 'CNY') == 1e8."""
        if written not in self.written:
            known = ", ".join(sorted(self.written))
            raise UnitError(f"unknown unit '{written}' (known: {known})")
        quantity = self.registry.parse_expression(self.written[written])
        try:
            return float(quantity.to(self.canonical(canonical)).magnitude)
        except pint.DimensionalityError as exc:
            raise UnitError(
                f"unit '{written}' does not fit the metric's unit '{canonical}'"
            ) from exc

    def to_canonical(self, value: float | None, written: str, canonical: str) -> float | None:
        """The value in the canonical unit; None stays None."""
        if value is None:
            return None
        return value * self.factor(written, canonical)

    def label(self, canonical: str, lang: str) -> str:
        """A reader's name for a canonical unit: ('CNY', 'zh') -> '元'."""
        target = self.canonical(canonical)
        for expression, names in self.labels.items():
            if self.canonical(expression) == target:
                return names[lang]
        return canonical
