"""The layout of a text: paragraphs, sentences, clauses and 、-items, titles, sections, its year.

A number's context is read within these spans: a cue speaks for its clause, sentence or
paragraph, the evidence is the clause (or item) that carries the figure, and a heading
(一、工作目标 / （二）发展现状) leans the figures of its section toward target or actual.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from .vocabulary import (
    CLAUSE_END,
    DOCUMENT_NUMBER_YEAR,
    FULL_DATE,
    HEADING,
    HEADING_ACTUAL_WORDS,
    HEADING_BIAS,
    HEADING_TARGET_WORDS,
    ITEM_END,
    PARAGRAPH_END,
    SENTENCE_END,
    TITLES,
)

EVIDENCE_MAX = 60  # the longest evidence targets.yaml accepts
# How far from a number its context is read: at most this many characters, and at most this
# many cues or keywords on either side, the nearest. Far more than a paragraph of a plan needs
# (in the seed texts the farthest cue that counts is about 600 characters back, and at most 22
# stand on one side); they keep a page pasted without line breaks, where a paragraph or a
# sentence is the whole text, from costing time that grows with the square of its length.
CONTEXT_REACH = 2_000
CONTEXT_CUES = 64
_EVIDENCE_LEAD = 20  # characters of a window kept before the number, when the clause is too long

_TITLE_RE = re.compile(TITLES)
_HEADING_RE = re.compile(HEADING)
_HEADING_ACTUAL_RE = re.compile("|".join(HEADING_ACTUAL_WORDS))
_HEADING_TARGET_RE = re.compile("|".join(HEADING_TARGET_WORDS))
_DATE_RE = re.compile(FULL_DATE)
_DOC_YEAR_RE = re.compile(DOCUMENT_NUMBER_YEAR)


def positions(text: str, characters: str) -> list[int]:
    """Where any of the characters stands in the text, in order."""
    return [m.start() for m in re.finditer(f"[{re.escape(characters)}]", text)]


def within_reach(starts: list[int], start: int, end: int, number_start: int, number_end: int) -> tuple[int, int]:
    """The indices lo:hi of the sorted positions in start:end that are within reach of a number."""
    lo = bisect.bisect_left(starts, max(start, number_start - CONTEXT_REACH))
    at = bisect.bisect_left(starts, number_start)
    hi = bisect.bisect_left(starts, min(end, number_end + CONTEXT_REACH))
    return max(lo, at - CONTEXT_CUES), min(hi, at + CONTEXT_CUES)


def document_year(text: str) -> int | None:
    """The year a document was written: its latest full date (2024年9月6日, 2024-07-25), else its latest 〔year〕."""
    years = [int(m.group(1)) for m in _DATE_RE.finditer(text)]
    if not years:
        years = [int(m.group(1)) for m in _DOC_YEAR_RE.finditer(text)]
    return max(years) if years else None


class Layout:
    """Boundaries, titles and sections of one text, to find the spans around a position quickly."""

    def __init__(self, text: str):
        self.text = text
        self.n = len(text)
        self.paragraphs = positions(text, PARAGRAPH_END)
        self.sentences = positions(text, SENTENCE_END)
        self.clauses = positions(text, CLAUSE_END)
        self.items = positions(text, ITEM_END)
        self.titles = [(m.start(), m.end()) for m in _TITLE_RE.finditer(text)]
        self.title_starts = [start for start, _ in self.titles]
        self.sections = _sections(text)
        self.section_starts = [s for s, _, _ in self.sections]
        self._trimmed: dict[tuple[int, int], tuple[int, int]] = {}

    def span(self, bounds: list[int], pos: int) -> tuple[int, int]:
        """The stretch of text between two boundaries that holds pos."""
        index = bisect.bisect_left(bounds, pos)
        start = bounds[index - 1] + 1 if index > 0 else 0
        end = bounds[index] if index < len(bounds) else self.n
        return start, end

    def in_title(self, pos: int) -> bool:
        """True inside 《a title》 or a short “quoted slogan”."""
        index = bisect.bisect_right(self.title_starts, pos) - 1
        return index >= 0 and pos < self.titles[index][1]

    def section_bias(self, pos: int) -> tuple[float, str]:
        """How the heading of the section that holds pos leans (+ target, - actual), and its word."""
        index = bisect.bisect_right(self.section_starts, pos) - 1
        if index < 0:
            return 0.0, ""
        _, bias, word = self.sections[index]
        return bias, word

    def previous_paragraph(self, para_start: int) -> int:
        """Start of the nearest earlier paragraph with text (para_start itself when none)."""
        index = bisect.bisect_left(self.filled_paragraphs, para_start) - 1
        return self.filled_paragraphs[index] if index >= 0 else para_start

    @cached_property
    def filled_paragraphs(self) -> list[int]:
        """Starts of the paragraphs that hold more than whitespace."""
        starts, position = [], 0
        for line in self.text.split(PARAGRAPH_END):
            if line.strip():
                starts.append(position)
            position += len(line) + 1
        return starts

    def evidence(self, start: int, end: int) -> tuple[int, int]:
        """The clause that carries the figure at start:end; its 、-item, or a window, when the clause is long."""
        number_start, number_end = start, end
        start, end = self.trimmed(*self.span(self.clauses, number_start))
        if end - start > EVIDENCE_MAX:
            start, end = self.trimmed(*self.span(self.items, number_start))
            end = max(end, number_end)
        if end - start > EVIDENCE_MAX:
            start = max(start, min(number_start - _EVIDENCE_LEAD, number_end - EVIDENCE_MAX))
            end = min(end, start + EVIDENCE_MAX)
            start, end = self.trimmed(start, end)
        return start, end

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """start:end without the whitespace at either end; remembered, as every number of a clause asks."""
        key = (start, end)
        if key not in self._trimmed:
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            self._trimmed[key] = (start, end)
        return self._trimmed[key]


def _sections(text: str) -> list[tuple[int, float, str]]:
    """(start, bias, heading word) for each heading: 下一步工作打算 leans target, 发展情况 actual.

    A level-1 heading (一、) sets the bias of its part; a level-2 heading (（一）) overrides it
    for its own section when its title leans one way.
    """
    sections, top, sub = [], (0.0, ""), None
    position = 0
    for line in text.splitlines(keepends=True):
        match = _HEADING_RE.match(line)
        if match:
            title = match.group("title")
            actual, target = _HEADING_ACTUAL_RE.search(title), _HEADING_TARGET_RE.search(title)
            if target:
                bias = (HEADING_BIAS, target.group(0))
            else:
                bias = (-HEADING_BIAS, actual.group(0)) if actual else (0.0, "")
            if match.group("l1"):
                top, sub = bias, None
            else:
                sub = bias if bias[0] else None
            current = sub or top
            sections.append((position, current[0], current[1]))
        position += len(line)
    return sections
