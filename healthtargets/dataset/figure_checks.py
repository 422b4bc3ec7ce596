"""The rules one figure must keep: its references, its number, its provenance, its year.

Each rule returns (field, message) pairs; healthtargets.dataset.validate locates them.
Provenance has two kinds (see schema.Source): a figure of a stored text quotes it as
``evidence`` (checked against the text by check_texts); a figure of public material read
elsewhere carries a ``locator`` and a one-line ``description`` in our own words, and no
copied wording.
"""

from __future__ import annotations

import math
import re

from .numbers import text_has_number, text_has_run_together_range
from .reference import Reference
from .schema import Check, Figure, Source
from .units import UnitError

MAGNITUDE_MAX = 1e15  # no figure of ours comes near: a larger number is a typing slip
COPIED_RUN = 16  # Chinese characters in a row: a description that long is copied wording, not ours
_CJK_RUN = re.compile(r"[\u3400-\u9fff]{%d,}" % COPIED_RUN)

Found = list[tuple[str, str]]


def figure_problems(figure: Figure, sources: dict[str, Source], ref: Reference, source_ids: set | None = None) -> Found:
    """(field, message) for everything wrong with one schema-valid figure.

    source_ids names sources that exist but failed their own checks: not reported again here.
    """
    found: Found = []
    source = sources.get(figure.source)
    if source is None and figure.source not in (source_ids or set()):
        found.append(("source", f"unknown source '{figure.source}'"))
    if figure.region not in ref.regions:
        found.append(("region", f"unknown region '{figure.region}'"))
    found += _metric_problems(figure, ref)
    numbers = _value_problems(figure)
    found += numbers or _range_problems(figure)
    if source is not None and not numbers:
        found += _provenance_problems(figure, source)
    found += _year_problems(figure, source)
    if figure.confidence != "high" and not (figure.note or "").strip():
        found.append(("note", f"confidence is {figure.confidence}: say why in a note"))
    return found


def _year_problems(figure: Figure, source: Source | None) -> Found:
    """A target's year is not before the time it was set: its source's date, or set_in for a restated one."""
    if figure.set_in is not None and figure.kind != "target":
        return [("set_in", f"only a target is set; this figure is a{'n' if figure.kind == 'actual' else ''} {figure.kind}")]
    if figure.kind != "target" or figure.year is None:
        return []
    if figure.set_in is not None:
        if figure.set_in > figure.year:
            return [("set_in", f"set in {figure.set_in}, after its own target year {figure.year}")]
        if source is not None and source.date and figure.set_in > source.date.year:
            return [("set_in", f"set in {figure.set_in}, after its source's date ({source.date.isoformat()})")]
        return []
    if source is not None and source.date and figure.year < source.date.year:
        return [("year", f"target year {figure.year} is before its source's date ({source.date.isoformat()}); "
                         "a source restating an earlier target says when it was set in set_in")]
    return []


def _metric_problems(figure: Figure, ref: Reference) -> Found:
    metric = ref.metrics.get(figure.metric)
    if metric is None:
        return [("metric", f"unknown metric '{figure.metric}'")]
    try:
        ref.units.factor(figure.unit, metric.unit)
    except UnitError as exc:
        return [("unit", str(exc))]
    return []


def _value_problems(figure: Figure) -> Found:
    """Each number finite and within a sane magnitude (.inf, 1e400 or a slip of the keyboard is none)."""
    for field in ("value", "low", "high"):
        number = getattr(figure, field)
        if number is None:
            continue
        if isinstance(number, float) and not math.isfinite(number):
            return [(field, f"{number} is not a finite number")]
        if abs(number) > MAGNITUDE_MAX:  # compared exactly: an int of 400 digits has no float
            shown = _num(number) if abs(number) < 1e300 else f"a {len(str(abs(number)))}-digit number"
            return [(field, f"{shown} is beyond any figure's magnitude (at most {MAGNITUDE_MAX:g})")]
    return []


def _range_problems(figure: Figure) -> Found:
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


def _provenance_problems(figure: Figure, source: Source) -> Found:
    if source.stored_text:
        if figure.evidence is None:
            return [("evidence", f"missing: source {source.id} has a stored text, so quote the words the number comes from")]
        return _evidence_problems(figure)
    found: Found = []
    if figure.evidence is not None:
        found.append(("evidence", f"source {source.id} has no stored text: give no copied wording, "
                                  "but a locator and a description in our own words"))
    for field in ("locator", "description"):
        if not (getattr(figure, field) or "").strip():
            found.append((field, f"missing: a figure of public material needs a {field}"))
    description = figure.description or ""
    if "\n" in description:
        found.append(("description", "must be one line"))
    elif _CJK_RUN.search(description):
        found.append(("description", f"has {COPIED_RUN} or more Chinese characters in a row: write it in our own "
                                     "words, not the document's"))
    return found


def _evidence_problems(figure: Figure) -> Found:
    evidence = figure.evidence or ""
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
            return [("confidence", f"the evidence runs the range together ('{_num(figure.low)}{_num(figure.high)}'): "
                                   "the reading is uncertain, so confidence must be below high")]
        return []
    return [("evidence", f"does not contain the range {_num(figure.low)}–{_num(figure.high)}")]


def check_problems(check: Check, figures: dict[str, Figure]) -> Found:
    """A recorded search names a target figure."""
    figure = figures.get(check.target)
    if figure is None:
        return [("target", f"unknown figure '{check.target}'")]
    if figure.kind != "target":
        return [("target", f"figure '{check.target}' is an {figure.kind}, not a target")]
    return []


def _num(value: float) -> str:
    return f"{value:g}"
