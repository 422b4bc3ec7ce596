"""Every check of the data set, each problem reported with its file and line.

Checks run record by record and collect all problems rather than stopping at
the first; callers get a list of :class:`Problem` and decide how to show it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import Problem
from .numbers import text_has_number, text_has_run_together_range
from .reference import Category, Group, Metric, Reference, Region
from .schema import Figure, Source
from .units import UnitError, UnitTable
from .yaml_tree import LineIndex, YamlSyntaxError, load_with_lines

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
}


def display_path(path: Path) -> str:
    """The path as a user would type it: relative to the working directory if inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_yaml(path: Path, label: str) -> tuple[Any, LineIndex, list[Problem]]:
    """Data and line index of a YAML file; unreadable or invalid YAML is one problem."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, LineIndex(), [Problem(label, 1, "", "", "file not found")]
    except UnicodeDecodeError as exc:
        return None, LineIndex(), [Problem(label, 1, "", "", f"not UTF-8 text ({exc.reason})")]
    return parse_yaml(text, label)


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
    key = "code" if noun == "region" else ("key" if noun in ("metric", "group", "category") else "id")
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


def check_reference(data_dir: Path) -> tuple[Reference | None, list[Problem]]:
    """Load and check data/metrics.yaml, data/regions.yaml and data/units.yaml."""
    problems: list[Problem] = []
    units_path = data_dir / "units.yaml"
    try:
        units = UnitTable.from_yaml(units_path)
        units.registry  # noqa: B018 - build it now so a bad definition shows here
    except (OSError, KeyError, ValueError) as exc:
        return None, [Problem(display_path(units_path), 1, "", "", f"unreadable unit table: {exc}")]

    metrics_label = display_path(data_dir / "metrics.yaml")
    raw, lines, found = read_yaml(data_dir / "metrics.yaml", metrics_label)
    problems += found
    categories, groups, metrics = [], [], []
    if raw is not None:
        raw = raw if isinstance(raw, dict) else {}
        categories, found = validate_records(raw.get("categories"), Category, "categories", "category", metrics_label, lines)
        problems += found
        groups, found = validate_records(raw.get("groups"), Group, "groups", "group", metrics_label, lines)
        problems += found
        metrics, found = validate_records(raw.get("metrics"), Metric, "metrics", "metric", metrics_label, lines)
        problems += found

    regions_label = display_path(data_dir / "regions.yaml")
    raw_regions, region_lines, found = read_yaml(data_dir / "regions.yaml", regions_label)
    problems += found
    regions = []
    if raw_regions is not None:
        raw_regions = raw_regions if isinstance(raw_regions, dict) else {}
        regions, found = validate_records(raw_regions.get("regions"), Region, "regions", "region", regions_label, region_lines)
        problems += found

    reference = Reference(
        categories={c.key: c for c in categories},
        groups={g.key: g for g in groups},
        metrics={m.key: m for m in metrics},
        regions={r.code: r for r in regions},
        units=units,
    )
    problems += _check_metrics(metrics, reference, metrics_label, lines, raw.get("metrics") if raw else None)
    problems += _check_regions(regions, reference, regions_label, region_lines,
                               raw_regions.get("regions") if raw_regions else None)
    return reference, problems


def _check_metrics(metrics: list[Metric], ref: Reference, label: str, lines: LineIndex, raw: Any) -> list[Problem]:
    problems = []
    where = positions(raw, "key")
    for metric in metrics:
        at = lambda field, position=where[metric.key]: lines.line(("metrics", position, field))  # noqa: E731
        name = f"metric {metric.key}"
        if metric.category not in ref.categories:
            problems.append(Problem(label, at("category"), name, "category", f"unknown category '{metric.category}'"))
        group = ref.groups.get(metric.group)
        if group is None:
            problems.append(Problem(label, at("group"), name, "group", f"unknown group '{metric.group}'"))
        try:
            unit = ref.units.canonical(metric.unit)
            if group is not None and ref.units.canonical(group.unit) != unit:
                problems.append(Problem(label, at("unit"), name, "unit", f"'{metric.unit}' differs from its group's unit '{group.unit}'"))
        except UnitError as exc:
            problems.append(Problem(label, at("unit"), name, "unit", str(exc)))
    return problems


def _check_regions(regions: list[Region], ref: Reference, label: str, lines: LineIndex, raw: Any) -> list[Problem]:
    where = positions(raw, "code")
    return [
        Problem(label, lines.line(("regions", where[region.code], "parent")), f"region {region.code}", "parent",
                f"unknown region '{region.parent}'")
        for region in regions
        if region.parent is not None and region.parent not in ref.regions
    ]


def check_targets(data: Any, lines: LineIndex, label: str, ref: Reference) -> tuple[list[Source], list[Figure], list[Problem]]:
    """Schema, identity, reference and consistency checks of targets.yaml's records."""
    if not isinstance(data, dict):
        return [], [], [Problem(label, 1, "", "", "must be a mapping with the keys 'sources' and 'figures'")]
    problems = [
        Problem(label, lines.line((key,)), "", key, "unknown top-level key (expected 'sources' and 'figures')")
        for key in data
        if key not in ("sources", "figures")
    ]
    sources, found = validate_records(data.get("sources"), Source, "sources", "source", label, lines)
    problems += found
    figures, found = validate_records(data.get("figures"), Figure, "figures", "figure", label, lines)
    problems += found
    problems += _duplicate_ids(data.get("sources"), "sources", "source", label, lines)
    problems += _duplicate_ids(data.get("figures"), "figures", "figure", label, lines)

    by_id = {s.id: s for s in sources}
    # Ids of every source record, valid or not: a figure of an invalid source is not "unknown".
    source_ids = {item.get("id") for item in data.get("sources") or [] if isinstance(item, dict)}
    source_at, figure_at = _locator(data.get("sources"), "sources", lines), _locator(data.get("figures"), "figures", lines)
    for source in sources:
        at = source_at(source.id)
        if source.region not in ref.regions:
            problems.append(Problem(label, at("region"), f"source {source.id}", "region", f"unknown region '{source.region}'"))
    for figure in figures:
        at = figure_at(figure.id)
        problems += [Problem(label, at(field), f"figure {figure.id}", field, message) for field, message in figure_problems(figure, by_id, ref, source_ids)]
    return sources, figures, problems


def figure_problems(figure: Figure, sources: dict[str, Source], ref: Reference, source_ids: set | None = None) -> list[tuple[str, str]]:
    """(field, message) for everything wrong with one schema-valid figure.

    source_ids names sources that exist but failed their own checks: not reported again here.
    """
    found = []
    source = sources.get(figure.source)
    if source is None and figure.source not in (source_ids or set()):
        found.append(("source", f"unknown source '{figure.source}'"))
    if figure.region not in ref.regions:
        found.append(("region", f"unknown region '{figure.region}'"))
    metric = ref.metrics.get(figure.metric)
    if metric is None:
        found.append(("metric", f"unknown metric '{figure.metric}'"))
    else:
        try:
            ref.units.factor(figure.unit, metric.unit)
        except UnitError as exc:
            found.append(("unit", str(exc)))
    found += _range_problems(figure)
    found += _evidence_problems(figure)
    if figure.kind == "target" and source is not None and source.date and figure.year is not None:
        if figure.year < source.date.year:
            found.append(("year", f"target year {figure.year} is before its source's date ({source.date.isoformat()})"))
    if figure.confidence != "high" and not (figure.note or "").strip():
        found.append(("note", f"confidence is {figure.confidence}: say why in a note"))
    return found


def _range_problems(figure: Figure) -> list[tuple[str, str]]:
    has_range = figure.low is not None or figure.high is not None
    if figure.qualifier == "range":
        found = []
        if figure.value is not None:
            found.append(("value", "a range has no value: give low and high, and value: null"))
        if figure.low is None or figure.high is None:
            found.append(("low" if figure.low is None else "high", "a range needs both low and high"))
        elif figure.low >= figure.high:
            found.append(("low", f"low ({_num(figure.low)}) must be below high ({_num(figure.high)})"))
        return found
    if has_range:
        return [("qualifier", f"low and high are given, so qualifier must be 'range', not '{figure.qualifier}'")]
    if figure.value is None:
        return [("value", "missing: only a range (qualifier: range) has no value")]
    return []


def _evidence_problems(figure: Figure) -> list[tuple[str, str]]:
    evidence = figure.evidence
    if figure.value is not None and figure.qualifier != "range":
        if not text_has_number(evidence, figure.value):
            return [("evidence", f"does not contain the number {_num(figure.value)}")]
        return []
    if figure.low is None or figure.high is None:
        return []
    if text_has_number(evidence, figure.low) and text_has_number(evidence, figure.high):
        return []
    if text_has_run_together_range(evidence, figure.low, figure.high):
        if figure.confidence == "high":
            return [("confidence", f"the evidence runs the range together ('{_num(figure.low)}{_num(figure.high)}'): the reading is uncertain, so confidence must be below high")]
        return []
    return [("evidence", f"does not contain the range {_num(figure.low)}–{_num(figure.high)}")]


def _num(value: float) -> str:
    return f"{value:g}"


def _duplicate_ids(raw: Any, section: str, noun: str, label: str, lines: LineIndex) -> list[Problem]:
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


def _locator(raw: list, section: str, lines: LineIndex):
    """ident -> (field -> line) for the records of a section, from one pass over the section."""
    where = positions(raw)
    return lambda ident: (lambda field: lines.line((section, where[ident], field)))


def check_texts(sources: list[Source], figures: list[Figure], texts_dir: Path, label: str, data: dict, lines: LineIndex) -> list[Problem]:
    """Each source's text is in texts_dir (by sha256) and contains its figures' evidence."""
    texts_dir = Path(texts_dir)
    if not texts_dir.is_dir():
        return [Problem(display_path(texts_dir), 1, "", "", "not a folder of source texts")]
    by_hash = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in sorted(texts_dir.iterdir()) if p.is_file()}
    problems, texts = [], {}
    source_at, figure_at = _locator(data.get("sources"), "sources", lines), _locator(data.get("figures"), "figures", lines)
    for source in sources:
        if source.text_sha256 is None:
            continue
        path = by_hash.get(source.text_sha256)
        if path is None:
            problems.append(Problem(label, source_at(source.id)("text_sha256"), f"source {source.id}", "text_sha256", f"no file in {display_path(texts_dir)} has this sha256"))
            continue
        texts[source.id] = (path, squeeze(path.read_text(encoding="utf-8", errors="replace")))
    for figure in figures:
        if figure.source not in texts:
            continue
        path, text = texts[figure.source]
        if squeeze(figure.evidence) not in text:
            problems.append(Problem(label, figure_at(figure.id)("evidence"), f"figure {figure.id}", "evidence", f"not found in the text of source {figure.source} ({path.name})"))
    return problems


def squeeze(text: str) -> str:
    """The text without whitespace, for comparisons that ignore it."""
    return re.sub(r"\s+", "", text)
