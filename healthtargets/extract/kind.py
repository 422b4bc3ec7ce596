"""The kind of a number (target, actual, forecast), the words that decided it, and its year.

Every cue near the number adds its weight, scaled by where it stands: in the number's own
clause fully; an aim (力争, 将) or a frame earlier in its sentence half as much, a verb of
another clause not at all; a frame earlier in its paragraph less, a target year of the
paragraph before a little; none out of reach (layout.CONTEXT_REACH). A
section heading, a bound (不低于 more than 以上), a zero stated in words and an industry's class (千亿级) add theirs. A positive sum
reads as a target, anything else as an actual. 预计 makes a forecast, unless it is about a year already
past (an estimate of an actual), within an aim (争取…预计) or about a planned project's size (预计总投资); a target said with 将达到 of a wider region or of a population is a
forecast too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .candidate import Number
from .cues import CLAUSE, PARAGRAPH, SENTENCE, Cue, cues_of
from .layout import CONTEXT_REACH, Layout, within_reach
from .region import Regions
from .vocabulary import (
    AIMS_OVER_FORECAST,
    BOUND_AFTER_WEIGHT,
    NORM_WEIGHT,
    ORDER_AIM_WEIGHT,
    PROJECTED,
    SUFFIX_QUALIFIERS,
    WILL_REACH,
)

# How much a cue counts, by where it stands relative to the number
_IN_CLAUSE = 3.0  # in the number's clause, before it (or around it)
_IN_SENTENCE = 1.5  # earlier in its sentence
_FRAME_IN_PARAGRAPH = 0.5  # a frame earlier in its paragraph
_HORIZON_OF_PARAGRAPH_BEFORE = 0.4  # a target year (到2021年) of the paragraph before
_AFTER_IN_CLAUSE = 2.0  # after the number, in its clause
_AFTER_IN_SENTENCE = 0.5  # after the number, later in its sentence
DECIDED = 2.0  # a score nearer zero (no cue, a weak verb such as 达到 alone) leaves the kind to the document
PRIOR_SHARE = 0.3  # … which is a text of targets when its decided targets outnumber its decided actuals and
# are at least this share of its figures: one 打造 among ten figures of a report does not make them targets
_ZERO_WEIGHT = -10.0  # 还没有…: the state of things now

_WILL_REACH_RE = re.compile(WILL_REACH)
_PROJECTED_RE = re.compile(PROJECTED)


@dataclass
class _Reading:
    """What the cues around one number say."""

    contributions: list[tuple[float, str]]
    weak: list[tuple[float, str]]  # of the weak cues (推进, 建设): counted only in a text of targets
    ambiguous: list[tuple[float, str]]  # of the ambiguous cues (新增, 创建): not counted in a text of actuals
    year: int | None  # of the nearest year cue before the number in its sentence
    horizon: int | None  # a target year carried over from earlier in the paragraph or the one before
    forecast: str  # the word (预计, 有望) before the number in its sentence that makes it a projection, or ''


class KindRead(NamedTuple):
    """What the cues around a number say of it."""

    kind: str  # target | actual | forecast
    cues: tuple[str, ...]  # the words that decided it, strongest first
    year: int | None
    note: str = ""  # why the kind is not what its words say (an estimate of a past year)


class Kinds:
    """The kinds of the numbers of one text, read from its cues."""

    def __init__(self, layout: Layout, doc_year: int | None, regions: Regions):
        self.layout = layout
        self.doc_year = doc_year
        self.regions = regions
        self.cues = cues_of(layout, doc_year)
        self.cue_starts = [c.start for c in self.cues]

    def of_all(self, numbers: list[Number]) -> list[KindRead]:
        """The kinds of the numbers of the text. Where the cues say too little (a score nearer zero
        than DECIDED: no cue, or a weak verb such as 达到 alone), the kind of the text: target where its decided
        targets outnumber its decided actuals and are PRIOR_SHARE of its figures, else actual. The ambiguous verbs
        (新增, 创建) count unless the other decided figures are mostly actuals: 新增就业7.4万人 in a report is done."""
        scored = [self._scored(number) for number in numbers]
        targets, actuals = _decided(scored)
        if actuals <= targets:
            scored = [_with(read, read[2].ambiguous) for read in scored]
            targets, actuals = _decided(scored)
        prior = "target" if targets > actuals and targets >= PRIOR_SHARE * len(numbers) else "actual"
        if prior == "target":  # 推进, 建设 lean target in a plan; in a report of achievements they say nothing
            scored = [_with(read, read[2].weak) for read in scored]
        return [self._kind(number, *read, prior) for number, read in zip(numbers, scored)]

    def _scored(self, number: Number) -> tuple[float, list[tuple[float, str]], _Reading]:
        """The sum of the weighted cues around a number, the cues, and what else they say."""
        reading = self._read(number)
        contributions = reading.contributions
        bias, word = self.layout.section_bias(number.start)
        if bias:
            contributions.append((bias, word))
        if number.qualifier in ("at_least", "at_most"):
            weight = BOUND_AFTER_WEIGHT if number.bound_word in SUFFIX_QUALIFIERS else NORM_WEIGHT
            contributions.append((weight, number.bound_word))
        if number.zero:
            contributions.append((_ZERO_WEIGHT, number.bound_word))
        if number.aim:
            contributions.append((ORDER_AIM_WEIGHT, number.aim))
        return sum(c for c, _ in contributions), contributions, reading

    def _kind(self, number: Number, score: float, contributions: list, reading: _Reading, prior: str) -> KindRead:
        """Kind, the words that decided it, the year the context gives, and a note when the kind needs one."""
        kind = prior if abs(score) < DECIDED else "target" if score > 0 else "actual"
        sign = -1 if kind == "actual" else 1
        decided = sorted((c for c in contributions if c[0] * sign > 0), key=lambda c: -abs(c[0]))
        words = tuple(dict.fromkeys(w for _, w in decided))
        year, note = reading.year, ""
        if reading.forecast and self.doc_year is not None and year is not None and year < self.doc_year:
            kind = "actual"  # 2022年…预计达到210亿元 in a report of 2023: an estimate of what was reached
            note = f"an estimate ({reading.forecast}) for {year}, a year past when the document was written: read as an actual"
        elif reading.forecast or (kind == "target" and self._projection(number)):
            kind = "forecast"
        if year is None and kind != "actual":
            year = reading.horizon
        return KindRead(kind, words, year, note)

    def _read(self, number: Number) -> _Reading:
        """The weighted cues from the paragraph before the number's to the end of its sentence, within reach."""
        layout = self.layout
        para_start, _ = layout.span(layout.paragraphs, number.start)
        sent_start, sent_end = layout.span(layout.sentences, number.start)
        clause_start, clause_end = layout.span(layout.clauses, number.start)
        lo, hi = within_reach(self.cue_starts, layout.previous_paragraph(para_start), sent_end, number.start, number.end)
        reading = _Reading([], [], [], None, None, "")
        year_distance, aimed = None, False
        for cue in self.cues[lo:hi]:
            factor = _factor(cue, number, para_start, sent_start, clause_start, clause_end)
            if factor and cue.weight:
                found = reading.weak if cue.weak else reading.ambiguous if cue.ambiguous else reading.contributions
                found.append((cue.weight * factor, cue.word))
            # a year speaks for its sentence; a target year (到2021年) for the targets of its
            # paragraph and the next
            if factor and cue.year is not None and cue.end <= number.start:
                if cue.start >= sent_start:
                    distance = number.start - cue.end
                    if year_distance is None or distance < year_distance:
                        reading.year, year_distance = cue.year, distance
                elif cue.target_horizon:
                    reading.horizon = cue.year
            if sent_start <= cue.start < number.start:  # 争取…预计可实现: a forecast within an aim is the aim
                aimed = aimed or cue.word in AIMS_OVER_FORECAST
                reading.forecast = cue.word if cue.forecast and not aimed else reading.forecast
        return reading

    def _projection(self, number: Number) -> bool:
        """将达到 said of a wider region (全国老年人口将达到5亿人左右) or of a population is a projection, not an aim."""
        clause_start, _ = self.layout.span(self.layout.clauses, number.start)
        start = max(clause_start, number.start - CONTEXT_REACH)
        if not _WILL_REACH_RE.search(self.layout.text, start, number.start):
            return False
        if _PROJECTED_RE.search(self.layout.text, start, number.start):
            return True
        return self.regions.is_wider(self.regions.of_clause(number.start, clause_start))


def _decided(scored: list[tuple[float, list, _Reading]]) -> tuple[int, int]:
    """How many of the scored figures the cues decide as targets, and how many as actuals."""
    decided = [score for score, _, _ in scored if abs(score) >= DECIDED]
    targets = sum(1 for score in decided if score > 0)
    return targets, len(decided) - targets


def _with(read: tuple[float, list, _Reading], cues: list[tuple[float, str]]) -> tuple[float, list, _Reading]:
    """A figure's score, cues and reading with more cues counted."""
    score, contributions, reading = read
    return score + sum(w for w, _ in cues), contributions + cues, reading


def _factor(cue: Cue, number: Number, para_start: int, sent_start: int, clause_start: int, clause_end: int) -> float:
    """How much a cue counts for a number, by where it stands and what it speaks for."""
    if cue.start < para_start:  # the paragraph before: only its target years carry over
        return _HORIZON_OF_PARAGRAPH_BEFORE if cue.target_horizon else 0.0
    if cue.end <= number.start:
        if cue.start >= clause_start:
            return _IN_CLAUSE
        if cue.start >= sent_start:
            return _IN_SENTENCE if cue.scope != CLAUSE else 0.0
        return _FRAME_IN_PARAGRAPH if cue.scope == PARAGRAPH else 0.0
    if cue.start >= number.end:
        if cue.start < clause_end:
            return _AFTER_IN_CLAUSE
        return _AFTER_IN_SENTENCE if cue.scope == SENTENCE else 0.0
    return _IN_CLAUSE
