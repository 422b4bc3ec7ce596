"""The metric a figure is about: the catalogue metric whose words the figure's context covers best.

Documents rarely write a metric's keyword whole: 中药材面积 for 中药材种植面积, 每千名老人拥有床位
for 每千名老年人拥有养老床位. So a keyword counts by the share of its character pairs (bigrams)
that stand near the number, each pair weighted by how few metrics use it (产值 says little,
药材 much) and by how near it stands: in the number's own 、-item fully, its clause less, earlier
in its sentence less still, each less with distance. Among the metrics whose unit the figure's
fits, the one whose keywords are covered best wins; the document's subject (a herb plan, an
elderly-care report) breaks near ties. When even the best is weak, no metric is suggested: a new
metric, the note naming the nearest.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from typing import NamedTuple

from .candidate import Number
from .catalog import Catalog
from .layout import Layout
from .vocabulary import METRIC_NEAR, METRIC_NEW_BELOW, METRIC_REACH, METRIC_TOPIC_WEIGHT

_IN_ITEM, _IN_CLAUSE, _EARLIER_IN_SENTENCE = METRIC_NEAR
_HALVED_AT = 15.0
_SPECIFIC = 8.0  # the summed rarity of a keyword's pairs at which it is two-thirds as telling as any


class Suggestion(NamedTuple):
    metric: str | None  # None: no catalogue metric fits well, a new one
    score: float  # 0..1
    note: str = ""


class _Keyword(NamedTuple):
    metric: str
    weight: float  # by its rank in the metric's list and its length
    pairs: dict[str, float]  # bigram -> its share of the keyword's weight (the shares sum to 1)


class Metrics:
    """Metric suggestions for the numbers of one text."""

    def __init__(self, layout: Layout, catalog: Catalog, number_starts: list[int]):
        self.layout = layout
        self.catalog = catalog
        self.number_starts = number_starts  # sorted: where what a count counts ends, at the latest
        self.keywords, self.index = _profiles(catalog)
        text = layout.text
        self.pairs = [(i, text[i:i + 2]) for i in range(len(text) - 1) if text[i:i + 2] in self.index]
        self.positions = [p for p, _ in self.pairs]
        present = {pair for _, pair in self.pairs}
        self.topic = _coverage(self.keywords, self.index, dict.fromkeys(present, 1.0))
        self._fits: dict[str, tuple] = {}

    def suggest(self, number: Number) -> Suggestion:
        """The metric that fits the number's unit and whose keywords its context covers best."""
        fitting, index, subject = self._fitting(number.unit)
        if not fitting:
            return Suggestion(None, 0.0)
        covered = _coverage(self.keywords, index, self._nearness(number))
        scores = {key: 1.0 - (1.0 - score) * (1.0 - fitting[key]) for key, score in covered.items()}
        scores.setdefault(subject, fitting[subject])  # the document's subject alone
        order = self.catalog.metric_order
        best = max(scores, key=lambda k: (scores[k], -order[k]))
        score = round(min(1.0, scores[best]), 2)
        if score < METRIC_NEW_BELOW:
            return Suggestion(None, score, f"no catalogue metric fits well (nearest: {best}, {score}): a new metric?")
        return Suggestion(best, score)

    def _fitting(self, unit: str) -> tuple[dict[str, float], dict[str, list[tuple[int, float]]], str | None]:
        """The metrics a unit fits, each with the evidence the document's subject gives it (0 when none),
        the index of their keywords' bigrams alone, and the one the subject speaks for most."""
        if unit not in self._fits:
            fitting = {key: METRIC_TOPIC_WEIGHT * self.topic.get(key, 0.0) for key, metric in
                       self.catalog.metrics.items() if self.catalog.unit_fits(unit, metric.unit)}
            index = {pair: kept for pair, entries in self.index.items()
                     if (kept := [(k, share) for k, share in entries if self.keywords[k].metric in fitting])}
            order = self.catalog.metric_order
            subject = max(fitting, key=lambda k: (fitting[k], -order[k])) if fitting else None
            self._fits[unit] = fitting, index, subject
        return self._fits[unit]

    def _nearness(self, number: Number) -> dict[str, float]:
        """bigram -> how near it stands to the number (its best occurrence in its sentence, within METRIC_REACH).

        In the number's 、-item every bigram counts fully; so does the rest of its clause after a count,
        up to the next number (培育2-3个温泉度假、森林康养…特色旅游小镇: what follows a count is what it counts).
        """
        layout = self.layout
        item = layout.trimmed(*layout.span(layout.items, number.start))
        clause = layout.span(layout.clauses, number.start)
        counted = clause[1] if self.catalog.counts(number.unit) else number.end
        following = bisect.bisect_right(self.number_starts, number.start)
        if following < len(self.number_starts):
            counted = min(counted, self.number_starts[following])
        sentence_start, sentence_end = layout.span(layout.sentences, number.start)
        lo = bisect.bisect_left(self.positions, max(sentence_start, number.start - METRIC_REACH))
        hi = bisect.bisect_left(self.positions, min(sentence_end, number.end + METRIC_REACH))
        nearness: dict[str, float] = {}
        for position, pair in self.pairs[lo:hi]:
            end = position + 2
            if (item[0] <= position and end <= item[1]) or (number.end <= position and end <= counted):
                weight = _IN_ITEM
            elif clause[0] <= position and end <= clause[1]:
                weight = _IN_CLAUSE / (1.0 + max(0, number.start - end, position - number.end) / _HALVED_AT)
            elif end <= number.start:
                weight = _EARLIER_IN_SENTENCE / (1.0 + (number.start - end) / _HALVED_AT)
            else:
                continue
            if weight > nearness.get(pair, 0.0):
                nearness[pair] = weight
        return nearness


def _coverage(keywords: list[_Keyword], index: dict[str, list[tuple[int, float]]], near: dict[str, float]) -> dict[str, float]:
    """metric -> how well the bigrams found (each at its nearness) cover its keywords.

    A keyword counts by the square of the share of it covered (half a keyword is weak evidence),
    times its weight; a metric's keywords combine as independent evidence (noisy-or).
    """
    covered: dict[int, float] = defaultdict(float)
    for pair, nearness in near.items():
        for k, share in index.get(pair, ()):
            covered[k] += share * nearness
    missing: dict[str, float] = {}
    for k, coverage in covered.items():
        keyword = keywords[k]
        missing[keyword.metric] = missing.get(keyword.metric, 1.0) * (1.0 - keyword.weight * coverage ** 2)
    return {metric: 1.0 - miss for metric, miss in missing.items()}


def _profiles(catalog: Catalog) -> tuple[list[_Keyword], dict[str, list[tuple[int, float]]]]:
    """The keywords of every metric as weighted bigrams, and an index bigram -> keywords (built once per catalog)."""
    if "metric profiles" not in catalog.cache:
        catalog.cache["metric profiles"] = _built_profiles(catalog)
    return catalog.cache["metric profiles"]


def _built_profiles(catalog: Catalog) -> tuple[list[_Keyword], dict[str, list[tuple[int, float]]]]:
    words = {key: [w for w in [*metric.keywords, catalog.metric_name(key)] if w and len(w) >= 2]
             for key, metric in catalog.metrics.items()}
    users: dict[str, set[str]] = defaultdict(set)
    for key, metric_words in words.items():
        for word in metric_words:
            for pair in _bigrams(word):
                users[pair].add(key)
    rarity = {pair: math.log(1 + len(words) / len(metrics)) for pair, metrics in users.items()}
    keywords, index = [], defaultdict(list)
    for key, metric_words in words.items():
        for rank, word in enumerate(metric_words):
            pairs = set(_bigrams(word))
            total = sum(rarity[p] for p in pairs)  # a long keyword of rare pairs says more than 产值
            weight = max(0.3, 1.0 - 0.15 * rank) * (1.0 - math.exp(-total / _SPECIFIC))
            keywords.append(_Keyword(key, weight, {p: rarity[p] / total for p in pairs}))
            for pair, share in keywords[-1].pairs.items():
                index[pair].append((len(keywords) - 1, share))
    return keywords, dict(index)


def _bigrams(word: str) -> list[str]:
    return [word[i:i + 2] for i in range(len(word) - 1)]
