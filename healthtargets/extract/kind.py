"""The kind of a number (target, actual, forecast), the words that decided it, and its year.

Every cue near the number adds its weight, scaled by where it stands: in the number's own
clause fully, earlier in its sentence half as much, a frame earlier in its paragraph less, a
target year of the paragraph before a little; none out of reach (layout.CONTEXT_REACH). A
section heading, a bound (以上, 不低于) and a zero stated in words add theirs. The sum's sign decides target or actual; a target said with
预计 or said of a wider region with 将达到 is a forecast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .candidate import Number
from .cues import Cue, cues_of
from .layout import CONTEXT_REACH, Layout, within_reach
from .region import Regions
from .vocabulary import WILL_REACH

# How much a cue counts, by where it stands relative to the number
_IN_CLAUSE = 3.0  # in the number's clause, before it (or around it)
_IN_SENTENCE = 1.5  # earlier in its sentence
_FRAME_IN_PARAGRAPH = 0.5  # a frame earlier in its paragraph
_HORIZON_OF_PARAGRAPH_BEFORE = 0.4  # a target year (到2021年) of the paragraph before
_AFTER_IN_CLAUSE = 2.0  # after the number, in its clause
_AFTER_IN_SENTENCE = 0.5  # after the number, later in its sentence
_BOUND_WEIGHT = 3.0  # a bound (以上, 不低于, 不超过) is a norm or aim
_ZERO_WEIGHT = -10.0  # 还没有…: the state of things now

_WILL_REACH_RE = re.compile(WILL_REACH)


@dataclass
class _Reading:
    """What the cues around one number say."""

    contributions: list[tuple[float, str]]
    year: int | None  # of the nearest year cue before the number in its sentence
    horizon: int | None  # a target year carried over from earlier in the paragraph or the one before
    forecast: bool  # 预计, 有望 before the number in its sentence


class Kinds:
    """The kinds of the numbers of one text, read from its cues."""

    def __init__(self, layout: Layout, doc_year: int | None, regions: Regions):
        self.layout = layout
        self.regions = regions
        self.cues = cues_of(layout, doc_year)
        self.cue_starts = [c.start for c in self.cues]

    def of(self, number: Number) -> tuple[str, tuple[str, ...], int | None]:
        """Kind, the words that decided it, and the year the context gives."""
        clause_start, _ = self.layout.span(self.layout.clauses, number.start)
        reading = self._read(number)
        contributions = reading.contributions
        bias, word = self.layout.section_bias(number.start)
        if bias:
            contributions.append((bias, word))
        if number.qualifier in ("at_least", "at_most"):
            contributions.append((_BOUND_WEIGHT, number.bound_word))
        if number.zero:
            contributions.append((_ZERO_WEIGHT, number.bound_word))
        score = sum(c for c, _ in contributions)
        kind = "actual" if score < 0 else "target"
        sign = -1 if kind == "actual" else 1
        decided = sorted((c for c in contributions if c[0] * sign > 0), key=lambda c: -abs(c[0]))
        words = tuple(dict.fromkeys(w for _, w in decided))
        if kind == "target" and (reading.forecast or self._wider_future(number, clause_start)):
            kind = "forecast"
        year = reading.year
        if year is None and kind != "actual":
            year = reading.horizon
        return kind, words, year

    def _read(self, number: Number) -> _Reading:
        """The weighted cues from the paragraph before the number's to the end of its sentence, within reach."""
        layout = self.layout
        para_start, _ = layout.span(layout.paragraphs, number.start)
        sent_start, sent_end = layout.span(layout.sentences, number.start)
        clause_start, clause_end = layout.span(layout.clauses, number.start)
        lo, hi = within_reach(self.cue_starts, layout.previous_paragraph(para_start), sent_end, number.start, number.end)
        reading = _Reading([], None, None, False)
        year_distance = None
        for cue in self.cues[lo:hi]:
            factor = _factor(cue, number, para_start, sent_start, clause_start, clause_end)
            if factor and cue.weight:
                reading.contributions.append((cue.weight * factor, cue.word))
            # a year speaks for its sentence; a target year (到2021年) for the targets of its
            # paragraph and the next
            if factor and cue.year is not None and cue.end <= number.start:
                if cue.start >= sent_start:
                    distance = number.start - cue.end
                    if year_distance is None or distance < year_distance:
                        reading.year, year_distance = cue.year, distance
                elif cue.target_horizon:
                    reading.horizon = cue.year
            if cue.forecast and sent_start <= cue.start < number.start:
                reading.forecast = True
        return reading

    def _wider_future(self, number: Number, clause_start: int) -> bool:
        """将达到 said of a wider region (全国老年人口将达到5亿人左右) is a projection, not a target."""
        if not _WILL_REACH_RE.search(self.layout.text, max(clause_start, number.start - CONTEXT_REACH), number.start):
            return False
        return self.regions.is_wider(self.regions.of_clause(number.start, clause_start))


def _factor(cue: Cue, number: Number, para_start: int, sent_start: int, clause_start: int, clause_end: int) -> float:
    """How much a cue counts for a number, by where it stands."""
    if cue.start < para_start:  # the paragraph before: only its target years carry over
        return _HORIZON_OF_PARAGRAPH_BEFORE if cue.target_horizon else 0.0
    if cue.end <= number.start:
        if cue.start >= clause_start:
            return _IN_CLAUSE
        if cue.start >= sent_start:
            return _IN_SENTENCE
        return _FRAME_IN_PARAGRAPH if cue.frame else 0.0
    if cue.start >= number.end:
        return _AFTER_IN_CLAUSE if cue.start < clause_end else _AFTER_IN_SENTENCE
    return _IN_CLAUSE
