"""The reference tables in data/: metric catalogue, region gazetteer, unit table."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from .units import UnitTable


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Category(_Entry):
    key: str
    zh: str
    en: str


class Group(_Entry):
    """Metrics measured alike, so that they can stand side by side."""

    key: str
    zh: str
    en: str
    unit: str
    note_zh: str | None = None
    note_en: str | None = None


class Metric(_Entry):
    key: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    zh: str
    en: str
    category: str
    unit: str  # canonical unit, a pint expression over data/units.yaml
    group: str
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
