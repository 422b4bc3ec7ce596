"""Whether a candidate found a figure: one rule for extract-eval and benchmarks/extraction_unseen.py.

The figures come from targets.yaml (curated, most with the words they came from) or from an
answer key (every figure of an excerpt, facts only); the rule reads both the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from healthtargets.dataset.numbers import same_number

from .candidate import Candidate
from .catalog import Catalog

RULE = (
    "A candidate matches a figure when their numbers agree once magnitude words are folded in "
    "(2.2万张 is 22,000 张; a range by both ends), their units measure the same thing where both are in "
    "the unit table, and, where the figure quotes its evidence, the candidate's evidence overlaps it. "
    "Figures are taken in order, each pairing at most once: with the candidate that overlaps its "
    "evidence most, else the first in the text."
)
MAGNITUDES = {"千": 1e3, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}


@dataclass(frozen=True)
class Expected:
    """A figure a text states, as targets.yaml or an answer key gives it."""

    id: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    kind: str | None = None
    year: int | None = None
    metric: str | None = None  # a catalogue metric, None when the figure has none
    evidence: str | None = None  # the words it came from, when the source's text is stored


def folded(number: float | None, unit: str) -> tuple[float | None, str]:
    """The number with the unit's leading magnitude words folded in: (2.2, '万张') -> (22000, '张')."""
    if number is None:
        return None, unit
    while unit and unit[0] in MAGNITUDES:
        number, unit = number * MAGNITUDES[unit[0]], unit[1:]
    return number, unit


def _ends(value: float | None, low: float | None, high: float | None, unit: str) -> list[float | None]:
    numbers = [value] if value is not None else [low, high]
    return [folded(n, unit)[0] for n in numbers]


def units_agree(a: str, b: str, catalog: Catalog) -> bool:
    """Units that both read in the unit table must measure the same thing; unknown ones pass."""
    table = catalog.units
    if a not in table.written or b not in table.written:
        return True
    try:
        dimension = lambda unit: table.registry.parse_expression(table.written[unit]).dimensionality  # noqa: E731
        return dimension(a) == dimension(b)
    except Exception:  # noqa: BLE001 - an unreadable unit agrees with nothing
        return False


def matches(figure: Expected, candidate: Candidate, catalog: Catalog) -> bool:
    """The numbers agree, folded, and the units measure the same thing."""
    want = _ends(figure.value, figure.low, figure.high, figure.unit)
    got = _ends(candidate.value, candidate.low, candidate.high, candidate.unit)
    if None in want or None in got or len(want) != len(got):
        return False
    return all(same_number(a, b) for a, b in zip(want, got)) and units_agree(figure.unit, candidate.unit, catalog)


def pair(text: str, figures: list[Expected], candidates: list[Candidate], catalog: Catalog) -> list[tuple[Expected, Candidate]]:
    """Figures and the candidates that found them, one to one, in the figures' order."""
    locate = EvidenceLocator(text)
    used: set[int] = set()
    pairs = []
    for figure in figures:
        spans = locate(figure.evidence) if figure.evidence else None
        best, widest = None, 0
        for index, candidate in enumerate(candidates):
            if index in used or not matches(figure, candidate, catalog):
                continue
            if spans is None:
                best = index
                break
            overlap = max((min(e, candidate.end) - max(s, candidate.start) for s, e in spans), default=0)
            if overlap > widest:
                best, widest = index, overlap
        if best is not None:
            used.add(best)
            pairs.append((figure, candidates[best]))
    return pairs


class EvidenceLocator:
    """Where a fragment occurs in a text, whitespace ignored (as the validator compares)."""

    def __init__(self, text: str):
        self.offsets = [i for i, ch in enumerate(text) if not ch.isspace()]
        self.squeezed = "".join(text[i] for i in self.offsets)

    def __call__(self, fragment: str) -> list[tuple[int, int]]:
        needle = re.sub(r"\s+", "", fragment)
        spans, position = [], self.squeezed.find(needle) if needle else -1
        while position != -1:
            spans.append((self.offsets[position], self.offsets[position + len(needle) - 1] + 1))
            position = self.squeezed.find(needle, position + 1)
        return spans
