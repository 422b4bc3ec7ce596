"""From candidates to a draft for targets.yaml: the editor's table, the highlighted text,
the YAML snippet, its check by the data set's own validator, and the session preview.

The page "Add a document" is a thin layer over these functions; nothing here imports streamlit.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

import pandas as pd
import yaml

from healthtargets.dataset.errors import DatasetInvalid, Problem
from healthtargets.dataset.load import Dataset, load_dataset_text
from healthtargets.dataset.paths import DATA_DIR
from healthtargets.dataset.reference import Reference
from healthtargets.dataset.schema import Confidence, Kind, Qualifier, SourceType
from healthtargets.dataset.validate import squeeze

from .candidate import Candidate, plain_number
from .catalog import Catalog

SOURCE_TYPES = get_args(SourceType)
KINDS, QUALIFIERS, CONFIDENCES = get_args(Kind), get_args(Qualifier), get_args(Confidence)
SNIPPET_LABEL = "snippet.yaml"
# The editor's columns, in order: the curator ticks accept and corrects the rest.
EDITOR_COLUMNS = [
    "accept", "written", "value", "low", "high", "unit", "qualifier", "kind", "year",
    "metric", "region", "confidence", "evidence", "note",
]
SOURCE_FIELDS = (
    "id", "title", "title_en", "issuer", "doc_number", "type", "region",
    "date_written", "date_published", "url", "text_sha256", "notes",
)
FIGURE_FIELDS = (
    "id", "source", "region", "metric", "kind", "value", "low", "high", "qualifier",
    "unit", "year", "evidence", "confidence", "note",
)


def catalog_of(reference: Reference) -> Catalog:
    """The extraction's tables, taken from a loaded data set's reference tables."""
    return Catalog.from_reference(reference)


def candidates_frame(candidates: list[Candidate]) -> pd.DataFrame:
    """One editor row per candidate, none accepted yet."""
    rows = [{
        "accept": False, "written": c.written, "value": plain_number(c.value), "low": plain_number(c.low),
        "high": plain_number(c.high), "unit": c.unit, "qualifier": c.qualifier, "kind": c.kind,
        "year": c.year, "metric": c.metric, "region": c.region, "confidence": c.confidence,
        "evidence": c.evidence, "note": c.note or None,
    } for c in candidates]
    frame = pd.DataFrame(rows, columns=EDITOR_COLUMNS)
    for column in ("value", "low", "high"):
        frame[column] = frame[column].astype("float64")
    frame["year"] = frame["year"].astype("Int64")
    return frame


def highlight_html(text: str, candidates: list[Candidate], accepted: set[int] | frozenset = frozenset()) -> str:
    """The text as HTML, every candidate marked and numbered; the text is escaped, never markup."""
    parts, position = [], 0
    for number, candidate in enumerate(candidates):
        start, end = candidate.figure_start, candidate.figure_end
        if start < position:  # overlapping marks are not nested
            continue
        parts.append(html.escape(text[position:start]))
        tone = "#b7e4c7" if number in accepted else "#ffe8a3"
        title = html.escape(f"#{number + 1} {candidate.kind} · {candidate.metric or '—'}", quote=True)
        parts.append(
            f'<mark style="background:{tone};padding:0 2px;border-radius:3px" title="{title}">'
            f"{html.escape(text[start:end])}<sup>{number + 1}</sup></mark>"
        )
        position = end
    parts.append(html.escape(text[position:]))
    body = "".join(parts)
    return (
        '<div class="extract-text" style="white-space:pre-wrap;max-height:28rem;overflow-y:auto;'
        'border:1px solid #ddd;border-radius:6px;padding:0.75rem;line-height:1.7">' + body + "</div>"
    )


def suggested_region(candidates: list[Candidate]) -> str | None:
    """The region most candidates are about: the document's issuer, as a rule."""
    codes = [c.region for c in candidates if c.region]
    return max(set(codes), key=lambda c: (codes.count(c), c)) if codes else None


def suggested_source_id(reference: Reference, region: str | None, year: int | None, source_type: str) -> str:
    """A slug like laibin-2019-implementation-plan, for the curator to keep or change."""
    words = []
    if region and region in reference.regions:
        words.append(slug(reference.regions[region].en.split()[0]))
    if year:
        words.append(str(year))
    words.append(slug(source_type))
    return "-".join(w for w in words if w) or "new-source"


def slug(text: str) -> str:
    """Nan'an District -> nanan-district; implementation_plan -> implementation-plan."""
    text = re.sub(r"['’]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def figure_records(rows: list[dict], source_id: str) -> list[dict]:
    """The accepted rows as figures of targets.yaml, ids made of the source, year and metric."""
    figures, used = [], set()
    for position, row in enumerate(rows, start=1):
        metric = _blank(row.get("metric"))
        year = _blank(row.get("year"))
        words = [source_id, str(int(year)) if year is not None else "", slug(metric) if metric else f"figure-{position}"]
        base = "-".join(w for w in words if w)
        ident, suffix = base, 2
        while ident in used:
            ident, suffix = f"{base}-{suffix}", suffix + 1
        used.add(ident)
        record = {
            "id": ident, "source": source_id, "region": _blank(row.get("region")), "metric": metric,
            "kind": _blank(row.get("kind")), "value": _number(row.get("value")), "low": _number(row.get("low")),
            "high": _number(row.get("high")), "qualifier": _blank(row.get("qualifier")), "unit": _blank(row.get("unit")),
            "year": int(year) if year is not None else None, "evidence": _blank(row.get("evidence")),
            "confidence": _blank(row.get("confidence")), "note": _blank(row.get("note")),
        }
        figures.append({name: record[name] for name in FIGURE_FIELDS})
    return figures


def source_record(fields: dict, text_sha256: str) -> dict:
    """The source's metadata as targets.yaml writes it: dates as dates, blanks as null."""
    record = {name: _blank(fields.get(name)) for name in SOURCE_FIELDS}
    for name in ("date_written", "date_published"):
        record[name] = _date(record[name])
    record["text_sha256"] = text_sha256
    return record


def snippet_text(source: dict, figures: list[dict]) -> str:
    """The YAML to append to targets.yaml: the source under sources:, the figures under figures:."""
    header = (
        "# Draft for targets.yaml, made on the page 'Add a document'.\n"
        "# Append the source to `sources:` and the figures to `figures:`; keep the text file whose sha256 is given.\n"
    )
    body = yaml.safe_dump({"sources": [source], "figures": figures}, allow_unicode=True, sort_keys=False, width=1000)
    return header + body


@dataclass
class SnippetCheck:
    """The validator's verdict on a snippet: the draft data set, or every problem."""

    draft: Dataset | None
    problems: list[Problem]

    @property
    def valid(self) -> bool:
        return self.draft is not None and not self.problems


def check_snippet(snippet: str, text: str, existing: Dataset | None = None, data_dir: Path = DATA_DIR) -> SnippetCheck:
    """Validate a snippet as targets.yaml is validated, plus: its ids are new, its evidence is in the text."""
    try:
        draft = load_dataset_text(snippet, label=SNIPPET_LABEL, data_dir=Path(data_dir))
    except DatasetInvalid as exc:
        return SnippetCheck(None, list(exc.problems))
    problem = lambda record, field, message: Problem(SNIPPET_LABEL, 0, record, field, message)  # noqa: E731
    problems = []
    if existing is not None:
        problems += [problem(f"source {i}", "id", "already used in targets.yaml") for i in draft.sources if i in existing.sources]
        taken = {f.id for f in existing.figures}
        problems += [problem(f"figure {f.id}", "id", "already used in targets.yaml") for f in draft.figures if f.id in taken]
    squeezed = squeeze(text)
    problems += [problem(f"figure {f.id}", "evidence", "not found in the text")
                 for f in draft.figures if squeeze(f.evidence) not in squeezed]
    if not draft.figures:
        problems.append(problem("", "figures", "none accepted"))
    return SnippetCheck(draft if not problems else None, problems)


def merged(existing: Dataset, draft: Dataset) -> Dataset:
    """The data set with the draft's sources and figures added: a preview, no file changed."""
    return Dataset({**existing.sources, **draft.sources}, [*existing.figures, *draft.figures], existing.reference,
                   [*existing.checks, *draft.checks])


def preview_frame(existing: Dataset, draft: Dataset, lang: str) -> pd.DataFrame:
    """The reader's table (as Browse shows it) of the draft's figures, within the merged data set."""
    from healthtargets.dataset.frame import figures_frame
    from healthtargets.views.browse import display_frame

    whole = merged(existing, draft)
    frame = figures_frame(whole)
    new = frame[frame["figure_id"].isin({f.id for f in draft.figures})]
    return display_frame(whole, new, lang)


def preview(existing: Dataset, snippet: str, data_dir: Path = DATA_DIR) -> Dataset:
    """The data set as it would be with a checked snippet appended (the existing one if it is invalid)."""
    try:
        draft = load_dataset_text(snippet, label=SNIPPET_LABEL, data_dir=Path(data_dir))
    except DatasetInvalid:
        return existing
    known = {f.id for f in existing.figures}
    if any(s in existing.sources for s in draft.sources) or any(f.id in known for f in draft.figures):
        return existing
    return merged(existing, draft)


def without(dataset: Dataset, snippet: str | None) -> Dataset:
    """The data set without a previewed snippet's sources and figures (itself when there is none).

    A data loader that previews the snippet on every page hands the page the merged set; the
    snippet is checked against the set without it, or its own ids would read as taken.
    """
    if not snippet:
        return dataset
    try:
        data = yaml.safe_load(snippet) or {}
        sources = {s.get("id") for s in data.get("sources") or [] if isinstance(s, dict)}
        figures = {f.get("id") for f in data.get("figures") or [] if isinstance(f, dict)}
    except (yaml.YAMLError, AttributeError):
        return dataset
    if not (sources & set(dataset.sources)) and not any(f.id in figures for f in dataset.figures):
        return dataset
    return Dataset({k: v for k, v in dataset.sources.items() if k not in sources},
                   [f for f in dataset.figures if f.id not in figures], dataset.reference,
                   [c for c in dataset.checks if c.target not in figures])


def _blank(value):
    """None for empty cells: '', NaN, pandas NA."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _number(value):
    value = _blank(value)
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return value  # left as typed: the validator names what is wrong
    return None if math.isnan(number) else plain_number(number)


def _date(value):
    """'2024-09-06' -> date(2024, 9, 6); anything else is left for the validator to name."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return value
