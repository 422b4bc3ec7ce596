"""Everything about units, in one place: written units, canonical units and what each one is.

The table of written units lives in data/units.yaml; :class:`UnitTable` turns it into a pint
registry and answers every question the rest of the code asks about a unit:

- does a written unit fit a canonical one, and by what factor (``factor('亿元', 'CNY') == 1e8``);
- what a canonical unit is (:meth:`UnitTable.info`), read off pint's dimensionality: a *total*
  (money, area, beds, persons, counts, visits: one base dimension to the first power), a *share*
  (dimensionless, %), a *rate* (a quotient: 张/千人, 平方米/人), a *rank* or a *duration*;
- its reader's name in Chinese and English (``label``);
- whether large values take a magnitude word (万/亿, million/billion): totals do;
- by how many residents a per-resident reading divides: money and area per resident,
  counts per 1,000 residents;
- which magnitude to show a value at (:func:`display_scale`).
Whether a per-resident reading applies to a *figure* is also a matter of its metric's scope
(a per-county standard is no total of the region); the metric catalogue says that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

import pint
import yaml

UnitKind = Literal["total", "share", "rate", "rank", "duration"]
# Base dimensions whose per-resident reading is per one resident; other totals go per 1,000.
_PER_ONE_DIMENSIONS = ("[currency]", "[length]")
# Magnitudes a value is shown at: Chinese counts in 万 and 亿, English in million and billion.
SCALES = {"zh": ((1e8, "yi"), (1e4, "wan")), "en": ((1e9, "billion"), (1e6, "million"))}


_REGISTRIES: dict[tuple[str, ...], pint.UnitRegistry] = {}  # by definitions: building one takes a while


class UnitError(ValueError):
    """A written unit that is unknown or does not fit the canonical unit."""


@dataclass(frozen=True)
class UnitInfo:
    """What a canonical unit is, for the code that shows, compares and divides values."""

    expression: str
    kind: UnitKind
    dimension: str  # pint's dimensionality as text: '[currency]', '[length] ** 2', '[bed] / [person]'
    labels: dict[str, str]  # reader's names by language: {'zh': '元', 'en': 'CNY'}

    @property
    def is_total(self) -> bool:
        return self.kind == "total"

    @property
    def is_money(self) -> bool:
        return self.dimension == "[currency]"

    @property
    def scaled(self) -> bool:
        """Large values take a magnitude word (289.3亿元, CNY 28.93 bn)."""
        return self.is_total

    @property
    def per_residents(self) -> int:
        """Residents a per-resident reading is per: 1 for money and area, 1,000 for counts."""
        return 1 if any(self.dimension.startswith(d) for d in _PER_ONE_DIMENSIONS) else 1000

    def label(self, lang: str) -> str:
        return self.labels.get(lang, self.labels["zh"])


def display_scale(magnitude: float, info: UnitInfo, lang: str) -> tuple[float, str]:
    """Divisor and scale key for values of this size: (1e8, 'yi'), (1e9, 'billion'), (1, '')."""
    if info.scaled:
        for divisor, key in SCALES.get(lang, SCALES["zh"]):
            if abs(magnitude) >= divisor:
                return divisor, key
    return 1.0, ""


@dataclass
class UnitTable:
    """Written units (亿元, 万亩, 张/千人 …) and the pint expressions they read as."""

    definitions: list[str]
    written: dict[str, str]
    labels: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def from_yaml(cls, path: Path) -> "UnitTable":
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        return cls.from_data(raw)

    @classmethod
    def from_data(cls, raw) -> "UnitTable":
        """The table of data/units.yaml's parsed content; ValueError saying what is missing."""
        if not isinstance(raw, dict):
            raise ValueError("must be a mapping with 'definitions' and 'written'")
        missing = [key for key in ("definitions", "written") if not isinstance(raw.get(key), (list, dict))]
        if missing:
            raise ValueError(f"missing or malformed: {', '.join(missing)}")
        return cls(list(raw["definitions"]), dict(raw["written"]), dict(raw.get("canonical") or {}))

    def __getstate__(self) -> dict:
        """The table itself; what is derived from it (the pint registry) is rebuilt on first use."""
        return {"definitions": self.definitions, "written": self.written, "labels": self.labels}

    @cached_property
    def fingerprint(self) -> str:
        """Identifies the table's content, for caches that outlive one instance."""
        return repr((self.definitions, sorted(self.written.items()), sorted(self.labels.items(), key=str)))

    @cached_property
    def registry(self) -> pint.UnitRegistry:
        """A pint registry of the table's definitions only (no default units), shared by equal tables."""
        key = tuple(self.definitions)
        if key not in _REGISTRIES:
            registry = pint.UnitRegistry(None)
            for definition in self.definitions:
                registry.define(definition)
            _REGISTRIES[key] = registry
        return _REGISTRIES[key]

    def canonical(self, expression: str) -> pint.Unit:
        """The pint unit of a canonical unit expression ('CNY', 'bed / kiloperson')."""
        try:
            return self.registry.parse_units(expression)
        except (pint.UndefinedUnitError, pint.DefinitionSyntaxError, ValueError, AttributeError, TypeError) as exc:
            raise UnitError(f"unknown canonical unit '{expression}'") from exc

    def factor(self, written: str, canonical: str) -> float:
        """How many canonical units one written unit is: factor('亿元', 'CNY') == 1e8."""
        key = (written, canonical)
        if key not in self._factors:
            self._factors[key] = self._factor(written, canonical)
        result = self._factors[key]
        if isinstance(result, UnitError):
            raise result
        return result

    @cached_property
    def _factors(self) -> dict:
        return {}

    def _factor(self, written: str, canonical: str) -> float | UnitError:
        if written not in self.written:
            known = ", ".join(sorted(self.written))
            return UnitError(f"unknown unit '{written}' (known: {known})")
        try:
            target = self.canonical(canonical)
        except UnitError as exc:
            return exc
        quantity = self.registry.parse_expression(self.written[written])
        try:
            return float(quantity.to(target).magnitude)
        except pint.DimensionalityError:
            return UnitError(f"unit '{written}' does not fit the metric's unit '{canonical}'")

    def to_canonical(self, value: float | None, written: str, canonical: str) -> float | None:
        """The value in the canonical unit; None stays None."""
        if value is None:
            return None
        return value * self.factor(written, canonical)

    def same(self, a: str, b: str) -> bool:
        """Whether two canonical expressions name the same unit ('m**2' and 'meter ** 2')."""
        return self.canonical(a) == self.canonical(b)

    def dimension(self, expression: str) -> str:
        """pint's dimensionality of a canonical unit, as text ('[currency]', '[bed] / [person]')."""
        return str(self.canonical(expression).dimensionality)

    def info(self, expression: str) -> UnitInfo:
        """What a canonical unit is: kind, dimension and reader's names (cached per expression)."""
        if expression not in self._infos:
            self._infos[expression] = self._info(expression)
        return self._infos[expression]

    @cached_property
    def _infos(self) -> dict[str, UnitInfo]:
        return {}

    def _info(self, expression: str) -> UnitInfo:
        dimensionality = self.canonical(expression).dimensionality
        dims = dict(dimensionality)
        if not dims:
            kind = "share"
        elif dims == {"[rank]": 1}:
            kind = "rank"
        elif dims == {"[time]": 1}:
            kind = "duration"
        elif len(dims) == 1 and list(dims.values())[0] in (1, 2):
            kind = "total"
        else:
            kind = "rate"
        return UnitInfo(expression, kind, str(dimensionality), self._labels(expression))

    def label(self, canonical: str, lang: str) -> str:
        """A reader's name for a canonical unit: ('CNY', 'zh') -> '元'."""
        return self.info(canonical).label(lang)

    def _labels(self, canonical: str) -> dict[str, str]:
        target = self.canonical(canonical)
        for expression, names in self.labels.items():
            if self.canonical(expression) == target:
                return dict(names)
        return {"zh": canonical, "en": canonical}
