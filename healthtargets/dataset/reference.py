"""The reference tables in data/: metric catalogue, region gazetteer, unit table."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .units import UnitTable


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Family(_Entry):
    """A headline question the corpus answers across regions, and the groups that answer it."""

    key: str
    zh: str
    en: str
    groups: list[str]


class Category(_Entry):
    key: str
    zh: str
    en: str


Scope = Literal["stock", "flow", "share", "rate", "per_subregion", "standard", "reach"]
# Scopes whose figures are amounts of the region itself, so that dividing by its population means
# something; shares, rates, per-sub-region rules, standards and reach counts are never divided.
PER_RESIDENT_SCOPES = ("stock", "flow")


class Group(_Entry):
    """A comparability group: one concept, one definition, one scope kind, one unit dimension."""

    key: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    zh: str
    en: str
    category: str
    scope: Scope
    unit: str  # canonical unit, a pint expression over data/units.yaml
    definition_zh: Annotated[str, Field(min_length=1)]
    definition_en: Annotated[str, Field(min_length=1)]
    # What one year adds or does (beds added in the year): only the target year's own figure is its
    # outcome; another year's additions neither reach nor miss it.
    of_one_year: bool = False

    @property
    def per_resident(self) -> bool:
        """Whether dividing the group's figures by the region's population means something."""
        return self.scope in PER_RESIDENT_SCOPES


class Metric(_Entry):
    """How documents name a measure: one metric belongs to one group and has its unit."""

    key: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    group: str
    unit: str  # canonical unit, a pint expression over data/units.yaml
    zh: str | None = None  # the group's names when not given
    en: str | None = None
    scope_zh: str | None = None
    scope_en: str | None = None
    keywords: list[str] = []


class Population(_Entry):
    year: int
    value: int
    basis: str
    source: str


class Region(_Entry):
    code: Annotated[str, Field(pattern=r"^\d{6}$")]
    zh: str
    en: str
    level: Literal["country", "province", "prefecture", "county"]
    parent: str | None = None
    point: list[float] | None = None
    population: list[Population] = []
    population_note: str | None = None  # why no population is given, when none is

    @property
    def latest_population(self) -> Population | None:
        return max(self.population, key=lambda p: p.year, default=None)


@dataclass
class Reference:
    """Everything a figure refers to besides its source."""

    categories: dict[str, Category]
    groups: dict[str, Group]
    metrics: dict[str, Metric]
    regions: dict[str, Region]
    units: UnitTable
    families: dict[str, Family] = field(default_factory=dict)

    def group_of(self, metric: str) -> Group:
        return self.groups[self.metrics[metric].group]

    def metric_name(self, metric: str, lang: str) -> str:
        """A metric's own name, or its group's when it has none."""
        entry = self.metrics[metric]
        group = self.groups[entry.group]
        return getattr(entry, lang, None) or getattr(group, lang, group.zh)

    def ancestors(self, code: str) -> list[str]:
        """Codes of a region's parents, nearest first."""
        return region_ancestors(self.regions, code)

    @cached_property
    def children(self) -> dict[str, list[str]]:
        """Codes of the regions right below each region, in gazetteer order."""
        below: dict[str, list[str]] = {}
        for code, region in self.regions.items():
            if region.parent:
                below.setdefault(region.parent, []).append(code)
        return below

    def descendants(self, code: str) -> list[str]:
        """Codes of every region below a region, at any depth (nearest levels first)."""
        found, todo, seen = [], list(self.children.get(code, [])), {code}
        while todo:
            child = todo.pop(0)
            if child not in seen:
                seen.add(child)
                found.append(child)
                todo.extend(self.children.get(child, []))
        return found


def region_ancestors(regions: dict[str, Region], code: str) -> list[str]:
    """Codes of a region's parents in a gazetteer, nearest first (a cycle stops the walk)."""
    chain, seen = [], {code}
    parent = regions[code].parent if code in regions else None
    while parent and parent in regions and parent not in seen:
        chain.append(parent)
        seen.add(parent)
        parent = regions[parent].parent
    return chain
