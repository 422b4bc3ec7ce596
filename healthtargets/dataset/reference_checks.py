"""The reference tables in data/ read and checked: units, metric catalogue, region gazetteer.

A comparability group is one concept, one definition, one scope kind and one unit dimension:
a group's unit must be of the kind its scope needs (a share dimensionless, a rate a quotient,
amounts totals), and every metric of a group must have the group's unit.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pint

from .errors import Problem
from .records import display_path, positions, read_yaml, validate_records
from .reference import Category, Family, Group, Metric, Reference, Region
from .units import UnitError, UnitTable
from .yaml_tree import LineIndex

# The kind of unit (healthtargets.dataset.units.UnitInfo.kind) each scope of a group needs.
SCOPE_UNITS = {
    "stock": ("total",), "flow": ("total",), "reach": ("total",), "per_subregion": ("total",),
    "share": ("share",), "rate": ("rate",), "standard": ("rate",),
}


def check_reference(data_dir: Path) -> tuple[Reference | None, list[Problem]]:
    """Load and check data/units.yaml, data/metrics.yaml and data/regions.yaml."""
    units, problems = _unit_table(Path(data_dir) / "units.yaml")
    if units is None:
        return None, problems
    metrics_label = display_path(data_dir / "metrics.yaml")
    raw, lines, found = _table(data_dir / "metrics.yaml", metrics_label, ("categories", "groups", "metrics"))
    problems += found
    tables = {}
    for section, model, noun in (("categories", Category, "category"), ("groups", Group, "group"),
                                 ("metrics", Metric, "metric"), ("families", Family, "family")):
        if (section == "families" and raw.get(section) is None) or found:
            tables[section] = []  # families are optional; a file that could not be read has no records
            continue
        tables[section], more = validate_records(raw.get(section), model, section, noun, metrics_label, lines)
        problems += more

    regions_label = display_path(data_dir / "regions.yaml")
    raw_regions, region_lines, found = _table(data_dir / "regions.yaml", regions_label, ("regions",))
    problems += found
    regions = []
    if not found:
        regions, more = validate_records(raw_regions.get("regions"), Region, "regions", "region", regions_label, region_lines)
        problems += more

    reference = Reference(
        categories={c.key: c for c in tables["categories"]},
        groups={g.key: g for g in tables["groups"]},
        metrics={m.key: m for m in tables["metrics"]},
        regions={r.code: r for r in regions},
        units=units,
        families={f.key: f for f in tables["families"]},
    )
    problems += _check_groups(tables["groups"], reference, metrics_label, lines, raw.get("groups"))
    problems += _check_metrics(tables["metrics"], reference, metrics_label, lines, raw.get("metrics"),
                               set(positions(raw.get("groups"), "key")))
    problems += _check_regions(regions, reference, regions_label, region_lines, raw_regions.get("regions"))
    problems += _check_families(tables["families"], reference, metrics_label, lines, raw.get("families"))
    return reference, problems


def _table(path: Path, label: str, sections: tuple[str, ...]) -> tuple[dict, LineIndex, list[Problem]]:
    """A reference file's mapping of sections, or the one problem that stops it being read."""
    raw, lines, problems = read_yaml(path, label)
    if problems:
        return {}, lines, problems
    keys = " and ".join(", ".join(f"'{s}'" for s in sections).rsplit(", ", 1))
    if raw is None:
        return {}, lines, [Problem(label, 1, "", "", f"has no data (empty, or comments only): it needs {keys}")]
    if not isinstance(raw, dict):
        return {}, lines, [Problem(label, 1, "", "", f"must be a mapping with the keys {keys}")]
    return raw, lines, []


def _unit_table(path: Path) -> tuple[UnitTable | None, list[Problem]]:
    label = display_path(path)
    raw, lines, problems = read_yaml(path, label)
    if problems:
        return None, problems
    try:
        units = UnitTable.from_data(raw)
    except ValueError as exc:
        return None, [Problem(label, 1, "", "", f"unreadable unit table: {exc}")]
    registry = pint.UnitRegistry(None)
    problems = [Problem(label, lines.line(("definitions", i)), "", "definitions", message)
                for i, message in enumerate(_definition_problem(d, registry) for d in units.definitions) if message]
    return (None if problems else units), problems


def _definition_problem(definition: Any, registry: pint.UnitRegistry) -> str | None:
    """Why pint cannot read one definition of units.yaml (defining it in registry), in one line; None when it can."""
    if not isinstance(definition, str):
        return f"{definition!r} is not a definition (write 'name = expression')"
    try:
        registry.define(definition)
    except pint.errors.DefinitionSyntaxError as exc:
        reason = re.sub(r" \(<class '[^']*'>\)", "", str(exc).splitlines()[0])
        return f"'{definition}' cannot be read: {reason}"
    except Exception:  # noqa: BLE001 - pint's parser raises TypeError and others for text it cannot parse
        return f"'{definition}' is not a definition pint can read (write 'name = expression')"
    return None


def _at(lines: LineIndex, section: str, where: dict, key: str):
    return lambda field: lines.line((section, where.get(key, -1), field))


def _check_groups(groups: list[Group], ref: Reference, label: str, lines: LineIndex, raw: Any) -> list[Problem]:
    problems, where = [], positions(raw, "key")
    for group in groups:
        at, name = _at(lines, "groups", where, group.key), f"group {group.key}"
        if group.category not in ref.categories:
            problems.append(Problem(label, at("category"), name, "category", f"unknown category '{group.category}'"))
        try:
            kind = ref.units.info(group.unit).kind
        except UnitError as exc:
            problems.append(Problem(label, at("unit"), name, "unit", str(exc)))
            continue
        if kind not in SCOPE_UNITS[group.scope]:
            problems.append(Problem(label, at("unit"), name, "unit",
                                    f"'{group.unit}' is a {kind} unit; a {group.scope} group needs a "
                                    f"{' or '.join(SCOPE_UNITS[group.scope])} unit"))
    return problems


def _check_metrics(metrics: list[Metric], ref: Reference, label: str, lines: LineIndex, raw: Any,
                   written_groups: set) -> list[Problem]:
    """Each metric names a group and has its unit. A group that is written but failed its own checks
    is not reported again as unknown."""
    problems, where = [], positions(raw, "key")
    for metric in metrics:
        at, name = _at(lines, "metrics", where, metric.key), f"metric {metric.key}"
        group = ref.groups.get(metric.group)
        if group is None:
            if metric.group not in written_groups:
                problems.append(Problem(label, at("group"), name, "group", f"unknown group '{metric.group}'"))
            continue
        try:
            if not ref.units.same(metric.unit, group.unit):
                problems.append(Problem(label, at("unit"), name, "unit",
                                        f"'{metric.unit}' does not fit its group {group.key}, whose unit is '{group.unit}'"))
        except UnitError as exc:
            problems.append(Problem(label, at("unit"), name, "unit", str(exc)))
    return problems


def _check_regions(regions: list[Region], ref: Reference, label: str, lines: LineIndex, raw: Any) -> list[Problem]:
    problems, where = [], positions(raw, "code")
    for region in regions:
        at, name = _at(lines, "regions", where, region.code), f"region {region.code}"
        if region.parent is not None and region.parent not in ref.regions:
            problems.append(Problem(label, at("parent"), name, "parent", f"unknown region '{region.parent}'"))
        if not region.population and not (region.population_note or "").strip():
            problems.append(Problem(label, at("population"), name, "population",
                                    "no population: give one with its year and source, or say in population_note why none"))
    return problems


def _check_families(families: list[Family], ref: Reference, label: str, lines: LineIndex, raw: Any) -> list[Problem]:
    problems, where = [], positions(raw, "key")
    for family in families:
        at = _at(lines, "families", where, family.key)
        problems += [Problem(label, at("groups"), f"family {family.key}", "groups", f"unknown group '{group}'")
                     for group in family.groups if group not in ref.groups]
    return problems
