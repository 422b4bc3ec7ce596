"""The reference tables the extraction reads with: units, metrics and regions of the data set."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from healthtargets.dataset.paths import DATA_DIR
from healthtargets.dataset.reference import Group, Metric, Reference, Region, region_ancestors
from healthtargets.dataset.units import UnitError, UnitTable

from .vocabulary import ETHNIC_GROUPS, FULL_WIDTH_PERCENT, KEPT_MAGNITUDES, REGION_SHORT_LEVEL, REGION_SUFFIX

_REGION_SUFFIX_RE = re.compile(REGION_SUFFIX.replace("<ETHNIC>", "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True))))
_LEVELS = ("country", "province", "prefecture", "county")


@dataclass
class Catalog:
    """Units, metrics and regions: what candidates are measured in, about, and where."""

    units: UnitTable
    metrics: dict[str, Metric] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    _fits: dict = field(default_factory=dict, repr=False, compare=False)
    cache: dict = field(default_factory=dict, repr=False, compare=False)  # what the steps derive from the tables, once

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> "Catalog":
        """The tables of a data folder; metrics and regions are optional."""
        from healthtargets.dataset.reference_checks import check_reference

        reference, _problems = check_reference(Path(data_dir))
        if reference is None:
            return cls(UnitTable.from_yaml(Path(data_dir) / "units.yaml"))
        return cls.from_reference(reference)

    @classmethod
    def from_reference(cls, reference: "Reference") -> "Catalog":
        """The tables of a loaded data set's reference."""
        return cls(reference.units, dict(reference.metrics), dict(reference.regions), dict(reference.groups))

    @cached_property
    def unit_re(self) -> re.Pattern:
        """Written units that may follow a number directly (no compounds with 万/亿, no rates)."""
        simple = [u for u in self.units.written if "/" not in u and u[0] not in KEPT_MAGNITUDES]
        simple += [FULL_WIDTH_PERCENT]
        alternation = "|".join(re.escape(u) for u in sorted(simple, key=len, reverse=True))
        return re.compile(alternation)

    @cached_property
    def region_names(self) -> list[tuple[str, str]]:
        """(name, code) pairs, full names and short forms (文山, 文山州), longest first.

        A short form two regions share (文山: the prefecture and its city) names the higher one.
        """
        names: dict[str, str] = {}
        for code, region in sorted(self.regions.items(), key=lambda item: _LEVELS.index(item[1].level)):
            names.setdefault(region.zh, code)
            for short in _short_region_names(region.zh):
                names.setdefault(short, code)
        return sorted(names.items(), key=lambda p: len(p[0]), reverse=True)

    @cached_property
    def region_re(self) -> re.Pattern | None:
        if not self.region_names:
            return None
        return re.compile("|".join(re.escape(name) for name, _ in self.region_names))

    @cached_property
    def country_code(self) -> str | None:
        return next((c for c, r in self.regions.items() if r.level == "country"), None)

    @cached_property
    def metric_order(self) -> dict[str, int]:
        return {key: i for i, key in enumerate(self.metrics)}

    def unit_fits(self, written: str, canonical: str) -> bool:
        """True when a written unit converts to a canonical one (万亩 -> mu, not 万亩 -> CNY)."""
        key = (written, canonical)
        if key not in self._fits:
            try:
                self.units.factor(written, canonical)
                self._fits[key] = True
            except UnitError:
                self._fits[key] = False
        return self._fits[key]

    def counts(self, unit: str) -> bool:
        """True for a unit that counts things (个, 家, 所 …; 万家): what follows the count is what it counts."""
        written = self.units.written.get(unit)
        return written is not None and "item" in written

    def metric_name(self, key: str) -> str:
        """The metric's Chinese name: its own, else its group's ('' when neither is known)."""
        metric = self.metrics[key]
        group = self.groups.get(metric.group)
        return metric.zh or (group.zh if group else "")

    def region_code(self, name: str) -> str | None:
        return next((code for n, code in self.region_names if n == name), None)

    def ancestors(self, code: str) -> list[str]:
        return region_ancestors(self.regions, code)


def _short_region_names(name: str) -> list[str]:
    """重庆市 -> [重庆], 宁夏回族自治区 -> [宁夏], 文山壮族苗族自治州 -> [文山, 文山州]; none shorter than two characters."""
    match = _REGION_SUFFIX_RE.search(name)
    short = name[:match.start()] if match else name
    if len(short) < 2 or short == name:
        return []
    level = next((w for suffix, w in REGION_SHORT_LEVEL.items() if name.endswith(suffix)), "")
    return [short] + ([short + level] if level else [])


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The project's own tables (data/), loaded once per process."""
    return Catalog.load(DATA_DIR)
