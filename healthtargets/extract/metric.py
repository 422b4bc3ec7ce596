"""The metric a figure is about: the catalogue metric whose keywords stand nearest, among those its unit fits."""

from __future__ import annotations

from .candidate import Number
from .catalog import Catalog
from .layout import Layout, within_reach

# How fully a keyword counts, by where it stands: in the number's own 、-item, its clause,
# or earlier in its sentence; each less with distance (halved at this many characters)
_IN_ITEM, _IN_CLAUSE, _EARLIER_IN_SENTENCE = 1.0, 0.7, 0.3
_HALVED_AT = 15.0


class Metrics:
    """Metric suggestions for the numbers of one text."""

    def __init__(self, layout: Layout, catalog: Catalog):
        self.layout = layout
        self.catalog = catalog
        self.positions, self.hits = _keyword_hits(layout.text, catalog)

    def suggest(self, number: Number) -> tuple[str | None, float]:
        """The metric and its score 0..1; (None, 0.0) when no keyword of a fitting metric is near.

        A metric's score combines its keywords' hits (noisy-or), each weighted by its rank in
        the metric's list and its length.
        """
        misses: dict[str, float] = {}
        for keyword, hit in self._nearness(number).items():
            for key, rank in self.catalog.keyword_index[keyword]:
                if not self.catalog.unit_fits(number.unit, self.catalog.metrics[key].unit):
                    continue
                weight = max(0.3, 1.0 - 0.15 * rank) * min(1.0, 0.4 + 0.15 * len(keyword))
                misses[key] = misses.get(key, 1.0) * (1.0 - weight * hit)
        if not misses:
            return None, 0.0
        order = self.catalog.metric_order
        key = min(misses, key=lambda k: (misses[k], order[k]))
        return key, round(1.0 - misses[key], 2)

    def _nearness(self, number: Number) -> dict[str, float]:
        """keyword -> how near it stands to the number (its best occurrence in the number's sentence, within reach)."""
        layout = self.layout
        item = layout.trimmed(*layout.span(layout.items, number.start))
        clause = layout.span(layout.clauses, number.start)
        sentence_start, sentence_end = layout.span(layout.sentences, number.start)
        lo, hi = within_reach(self.positions, sentence_start, sentence_end, number.start, number.end)
        nearness: dict[str, float] = {}
        for position, keyword in self.hits[lo:hi]:
            end = position + len(keyword)
            if item[0] <= position and end <= item[1]:
                weight = _IN_ITEM
            elif clause[0] <= position and end <= clause[1]:
                weight = _IN_CLAUSE
            elif end <= number.start:
                weight = _EARLIER_IN_SENTENCE
            else:
                continue
            gap = max(0, number.start - end, position - number.end)
            nearness[keyword] = max(nearness.get(keyword, 0.0), weight / (1.0 + gap / _HALVED_AT))
        return nearness


def _keyword_hits(text: str, catalog: Catalog) -> tuple[list[int], list[tuple[int, str]]]:
    """Every occurrence of every metric keyword in the text, sorted by position."""
    found = []
    for keyword in catalog.keyword_index:
        position = text.find(keyword)
        while position != -1:
            found.append((position, keyword))
            position = text.find(keyword, position + 1)
    found.sort()
    return [p for p, _ in found], found
