"""Numbers a unit follows that are still no figures: a class's bound, a duration, the document's own parts.

- The bound of a class: in 培育营业收入超50亿元的企业3家, the figure is 3 firms; 50亿元 only
  says which firms count. A measure (money, area, beds …) followed by 的 and a class noun, or
  by a bound word (以上, 超) and a class noun, or by 的 and a count, is such a bound; a share
  (87%的二级以上公立医院) is not.
- Durations: 用3年时间, 经过近两年发展, 3年内 (the time of a plan or a campaign), 5年前 (a point in
  time), 连续三年位居第一 (years at a rank); 十年来, 近3年, 未来5年 measure a span and are figures.
- Ages: 60岁以上老人; a life expectancy (人均预期寿命达到79岁) is a figure.
- Counts that point back (这三家医院, 上述两个基地) and the base of a rate (每10万人口中有35位).
- Counts of the document's own parts: 八项任务, 12个方面, 26条政策 (四大工程 is left out where
  the count is read, unit.py).
"""

from __future__ import annotations

import re

from .candidate import Number
from .catalog import Catalog
from .masks import expanded
from .vocabulary import (
    AGE_UNITS,
    CLASS_BOUND_AFTER,
    CLASS_BOUND_WITHOUT_DE,
    CLASS_BOUND_WORDS,
    CLASS_NOUNS,
    DURATION_AFTER,
    DURATION_AT_RANK_AFTER,
    DURATION_AT_RANK_BEFORE,
    DURATION_BEFORE,
    DURATION_UNITS,
    LIFE_EXPECTANCY_WORDS,
    PART_AFTER,
    PART_NOUNS,
    POINTING_BACK,
    RATE_BASE_BEFORE,
    RATE_BASE_UNITS,
    SHARE_UNITS,
)

_WORDS = {"<CLASS>": "|".join(CLASS_NOUNS), "<PART>": "|".join(PART_NOUNS)}
_CLASS_BOUND_RE = re.compile("|".join(f"(?:{expanded(p, _WORDS)})" for p in CLASS_BOUND_AFTER))
_CLASS_BOUND_WITHOUT_DE_RE = re.compile(expanded(CLASS_BOUND_WITHOUT_DE, _WORDS))
_PART_RE = re.compile(expanded(PART_AFTER, _WORDS))
_DURATION_BEFORE_RE = re.compile(DURATION_BEFORE)
_DURATION_AFTER_RE = re.compile(DURATION_AFTER)
_AT_RANK_BEFORE_RE = re.compile(DURATION_AT_RANK_BEFORE)
_AT_RANK_AFTER_RE = re.compile(DURATION_AT_RANK_AFTER)
_LIFE_EXPECTANCY_RE = re.compile("|".join(LIFE_EXPECTANCY_WORDS))
_REACH = 6  # characters before a number searched for the words of a duration
_SENTENCE_ENDS = "。！？!?\n"


def no_figure(text: str, number: Number, catalog: Catalog) -> str:
    """What the number is when it is no figure ('the bound of a class' …), else ''."""
    if number.unit in DURATION_UNITS and _duration(text, number):
        return "a duration"
    if number.unit in AGE_UNITS and not _life_expectancy(text, number):
        return "an age"
    start = number.written_start if number.written_start is not None else number.start
    if text.endswith(POINTING_BACK, 0, start):
        return "a count that points back"
    if number.unit in RATE_BASE_UNITS and text.endswith(RATE_BASE_BEFORE, 0, start):
        return "the base of a rate"
    if catalog.counts(number.unit):
        return "a count of the document's own parts" if _PART_RE.match(text, number.end) else ""
    if number.unit in SHARE_UNITS:  # 87%的二级以上医院: a share of the class, not its bound
        return ""
    if _CLASS_BOUND_RE.match(text, number.end):
        return "the bound of a class"
    bounded = number.bound_word in CLASS_BOUND_WORDS or text[max(0, start - 2):start].endswith(CLASS_BOUND_WORDS)
    return "the bound of a class" if bounded and _CLASS_BOUND_WITHOUT_DE_RE.match(text, number.end) else ""


def _duration(text: str, number: Number) -> bool:
    before = text[max(0, number.start - _REACH):number.start]
    if _AT_RANK_BEFORE_RE.search(before) and _AT_RANK_AFTER_RE.match(text, number.end):
        return True
    return bool(_DURATION_BEFORE_RE.search(before) or _DURATION_AFTER_RE.match(text, number.end))


def _life_expectancy(text: str, number: Number) -> bool:
    """A life expectancy is named earlier in the number's sentence."""
    sentence_start = max(text.rfind(end, 0, number.start) for end in _SENTENCE_ENDS) + 1
    return bool(_LIFE_EXPECTANCY_RE.search(text, sentence_start, number.start))
