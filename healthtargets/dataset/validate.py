"""Every check of the data set, each problem reported with its file and line.

Checks run record by record and collect all problems rather than stopping at the first;
callers get a list of :class:`Problem` and decide how to show it. The rules themselves live
beside: records.py (schema, duplicate ids), reference_checks.py (data/ tables),
figure_checks.py (one figure, one recorded search).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from .errors import Problem
from .figure_checks import check_problems, figure_problems
from .records import display_path, duplicate_ids, locator, validate_records
from .reference import Reference
from .schema import Check, Figure, Source
from .yaml_tree import LineIndex

SECTIONS = ("sources", "figures", "checks")


def check_targets(data: Any, lines: LineIndex, label: str, ref: Reference
                  ) -> tuple[list[Source], list[Figure], list[Check], list[Problem]]:
    """Schema, identity, reference and consistency checks of targets.yaml's records."""
    if not isinstance(data, dict):
        return [], [], [], [Problem(label, 1, "", "", "must be a mapping with the keys 'sources' and 'figures'")]
    if not data:
        return [], [], [], [Problem(label, 1, "", "", "is empty: it needs 'sources' and 'figures'")]
    problems = [
        Problem(label, lines.line((key,)), "", str(key), "unknown top-level key (expected 'sources', 'figures' and 'checks')")
        for key in data
        if key not in SECTIONS
    ]
    found = {}
    for section, model, noun in (("sources", Source, "source"), ("figures", Figure, "figure")):
        found[section], more = validate_records(data.get(section), model, section, noun, label, lines)
        problems += more + duplicate_ids(data.get(section), section, noun, label, lines)
    checks: list[Check] = []
    if data.get("checks") is not None:
        checks, more = validate_records(data.get("checks"), Check, "checks", "check", label, lines)
        problems += more
    sources, figures = found["sources"], found["figures"]

    by_id = {s.id: s for s in sources}
    # Ids of every source record, valid or not: a figure of an invalid source is not "unknown".
    raw_sources = data.get("sources") if isinstance(data.get("sources"), list) else []
    source_ids = {item.get("id") for item in raw_sources if isinstance(item, dict)}
    source_at, figure_at = locator(data.get("sources"), "sources", lines), locator(data.get("figures"), "figures", lines)
    for source in sources:
        if source.region not in ref.regions:
            problems.append(Problem(label, source_at(source.id)("region"), f"source {source.id}", "region",
                                    f"unknown region '{source.region}'"))
        if not source.stored_text and source.url is None:
            problems.append(Problem(label, source_at(source.id)("url"), f"source {source.id}", "url",
                                    "missing: public material needs the address it was read at"))
    for figure in figures:
        at = figure_at(figure.id)
        problems += [Problem(label, at(field), f"figure {figure.id}", field, message)
                     for field, message in figure_problems(figure, by_id, ref, source_ids)]
    problems += _check_checks(checks, figures, data.get("checks"), label, lines)
    return sources, figures, checks, problems


def _check_checks(checks: list[Check], figures: list[Figure], raw: Any, label: str, lines: LineIndex) -> list[Problem]:
    by_id = {f.id: f for f in figures}
    problems = []
    for position, check in enumerate(checks):  # checks have no id: their position is their name
        for field, message in check_problems(check, by_id):
            problems.append(Problem(label, lines.line(("checks", position, field)), f"check of {check.target}", field, message))
    return problems


def check_texts(sources: list[Source], figures: list[Figure], texts_dir: Path, label: str, data: dict,
                lines: LineIndex) -> list[Problem]:
    """Each stored text is in texts_dir (by sha256) and contains its figures' evidence."""
    texts_dir = Path(texts_dir)
    if not texts_dir.is_dir():
        return [Problem(display_path(texts_dir), 1, "", "", "not a folder of source texts")]
    by_hash = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in sorted(texts_dir.iterdir()) if p.is_file()}
    problems, texts = [], {}
    source_at, figure_at = locator(data["sources"], "sources", lines), locator(data["figures"], "figures", lines)
    for source in sources:
        if source.text_sha256 is None:
            continue
        path = by_hash.get(source.text_sha256)
        if path is None:
            problems.append(Problem(label, source_at(source.id)("text_sha256"), f"source {source.id}", "text_sha256",
                                    f"no file in {display_path(texts_dir)} has this sha256"))
            continue
        texts[source.id] = (path, squeeze(path.read_text(encoding="utf-8", errors="replace")))
    for figure in figures:
        if figure.source not in texts or figure.evidence is None:
            continue
        path, text = texts[figure.source]
        if squeeze(figure.evidence) not in text:
            problems.append(Problem(label, figure_at(figure.id)("evidence"), f"figure {figure.id}", "evidence",
                                    f"not found in the text of source {figure.source} ({path.name})"))
    return problems


def squeeze(text: str) -> str:
    """The text without whitespace, for comparisons that ignore it."""
    return re.sub(r"\s+", "", text)
