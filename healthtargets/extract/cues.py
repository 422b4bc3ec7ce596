"""The cues of kind and year in a text: words that say target (力争, 到2025年) or actual (已, 截至).

Each cue has a weight (positive: target, negative: actual) and a scope: the verbs of a clause
(实现, 达到, 已) speak for their own clause, aims (力争, 计划, 将) and the present (目前) for
their sentence, frames (years, 截至, 下一步 …) also for the rest of their paragraph. No cue counts inside a title or a
quoted slogan. Weak cues (推进, 建设) count only in a text whose decided figures are mostly targets; ambiguous ones
(新增, 创建) in any text but one whose other decided figures are mostly actuals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import Layout
from .region import WIDER_RE
from .vocabulary import (
    AMBIGUOUS_TARGET_CUES,
    CLAUSE_CUES,
    FORECAST_WEIGHT,
    FORECAST_WORDS,
    FRAME_CUES,
    LAST_YEAR_WORDS,
    PLANNED_SIZE_WORDS,
    SENTENCE_CUES,
    THIS_YEAR_WORDS,
    WEAK_TARGET_CUES,
    YEAR_AS_OF_AFTER,
    YEAR_AS_OF_BEFORE,
    YEAR_BY_AFTER,
    YEAR_BY_AFTER_CHANGE,
    YEAR_BY_BEFORE,
    YEAR_CUE,
    YEAR_CUE_WEIGHTS,
    YEAR_RANGE_AFTER,
    YEAR_RANGE_BEFORE,
    YEAR_RANGE_REACH,
)

CLAUSE, SENTENCE, PARAGRAPH = "clause", "sentence", "paragraph"
_ALL_CUES = SENTENCE_CUES + CLAUSE_CUES + FRAME_CUES
_SCOPES = [SENTENCE] * len(SENTENCE_CUES) + [CLAUSE] * len(CLAUSE_CUES) + [PARAGRAPH] * len(FRAME_CUES)
# Cues are found without named groups (which make scanning a text some six times slower),
# then named where each was found: the same alternation matches the same cue there.
_CUE_SCAN_RE = re.compile("|".join(f"(?:{p})" for p, _ in _ALL_CUES))
_CUE_RE = re.compile("|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_ALL_CUES)))
_YEAR_RE = re.compile(YEAR_CUE)
_THIS_YEAR_RE = re.compile("|".join(THIS_YEAR_WORDS))
_FORECAST_CUE_RE = re.compile("|".join(FORECAST_WORDS))
_RANGE_BEFORE_RE = re.compile(YEAR_RANGE_BEFORE)
_RANGE_AFTER_RE = re.compile(YEAR_RANGE_AFTER)
_AFTER_CHANGE_RE = re.compile(YEAR_BY_AFTER_CHANGE)
_CHANGE_REACH = 4  # characters before 到 searched for a verb of change
_WEAK = set(WEAK_TARGET_CUES)
_AMBIGUOUS = {pattern for pattern, _ in AMBIGUOUS_TARGET_CUES}


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    word: str
    weight: float
    year: int | None = None
    target_horizon: bool = False  # 到2021年: a target year later figures may inherit
    scope: str = PARAGRAPH  # what it speaks for: its clause, its sentence, or also the rest of its paragraph
    forecast: bool = False  # 预计, 有望: what follows is a projection
    weak: bool = False  # 推进, 建设: a target cue only in a text of targets
    ambiguous: bool = False  # 新增, 创建: a target cue except in a text of actuals


def cues_of(layout: Layout, doc_year: int | None) -> list[Cue]:
    """Every cue of the text, in order of position."""
    text = layout.text
    cues = []
    for found in _CUE_SCAN_RE.finditer(text):
        if layout.in_title(found.start()):
            continue
        match = _CUE_RE.match(text, found.start())
        index = int(match.lastgroup[1:])
        pattern, weight = _ALL_CUES[index]
        cues.append(Cue(match.start(), match.end(), match.group(0), weight, scope=_SCOPES[index], weak=pattern in _WEAK,
                        ambiguous=pattern in _AMBIGUOUS))
    for match in _YEAR_RE.finditer(text):
        if layout.in_title(match.start()) or _in_year_range(text, match):
            continue
        cues.append(_year_cue(text, match, doc_year))
    for match in _THIS_YEAR_RE.finditer(text):
        if doc_year is not None and not layout.in_title(match.start()):
            year = doc_year - 1 if match.group(0) in LAST_YEAR_WORDS else doc_year
            cues.append(Cue(match.start(), match.end(), match.group(0), 0, year))
    for match in _FORECAST_CUE_RE.finditer(text):
        planned = text.startswith(PLANNED_SIZE_WORDS, match.end())  # 预计总投资: a project's planned size
        cues.append(Cue(match.start(), match.end(), match.group(0), FORECAST_WEIGHT, forecast=not planned, scope=SENTENCE))
    return sorted(cues, key=lambda c: c.start)


def _in_year_range(text: str, match: re.Match) -> bool:
    """2019-2021年 and 2024—2027年 name a period, not a year."""
    before = text[max(0, match.start("y") - YEAR_RANGE_REACH):match.start("y")]
    after = text[match.end("y"):match.end("y") + YEAR_RANGE_REACH]
    return bool(_RANGE_BEFORE_RE.search(before) or _RANGE_AFTER_RE.match(after))


def _year_cue(text: str, match: re.Match, doc_year: int | None) -> Cue:
    """A year as a cue: 截至2023年 actual, 到2025年 target, else as the year stands to the document's."""
    year = int(match.group("y"))
    pre, post = match.group("pre") or "", match.group("post") or ""
    at = (match.start(), match.end(), match.group(0).strip())
    weights = YEAR_CUE_WEIGHTS
    if pre in YEAR_AS_OF_BEFORE or post == YEAR_AS_OF_AFTER:
        return Cue(*at, weights["as_of"], year)
    after_change = pre in YEAR_BY_BEFORE and _AFTER_CHANGE_RE.search(text, max(0, match.start() - _CHANGE_REACH), match.start())
    if doc_year is None and after_change:
        return Cue(*at, weights["undated"], year)
    if pre in YEAR_BY_BEFORE or post in YEAR_BY_AFTER:
        if doc_year is None or year >= doc_year:
            wider = bool(WIDER_RE.match(text, match.end()))
            return Cue(*at, weights["by_future"], year, target_horizon=not wider)
        return Cue(*at, weights["by_past"], year)
    if doc_year is None:
        return Cue(*at, weights["undated"], year)
    if year > doc_year:
        return Cue(*at, weights["later"], year)
    if year == doc_year:
        return Cue(*at, weights["same"], year)
    return Cue(*at, weights["earlier"], year)
