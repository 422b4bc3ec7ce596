"""Find the candidate figures of a Chinese policy text, for a curator to confirm.

``extract(text)`` reads every number a plan or reply states as a figure — 3千张以上, 10万亩,
1至3家, 近800万人, 30%以上, 每千常住人口…0.7张 — and returns it as a :class:`Candidate` in
the shape of a curated figure (issue 2): value or low/high, the unit as written, a qualifier,
the kind (target, actual, forecast) with the words that decided it, a year, a suggested
metric with a score, a suggested region, and the evidence with its offsets in the text.

Conventions, the same as the curated data set's:
- 千 folds into the number (3千张 -> 3000 张); 万 and 亿 stay in the unit when the table of
  written units has the compound (10万亩 -> 10 万亩, 4.2亿元 -> 4.2 亿元); otherwise they fold
  too (1.2万张 -> 12000 张, as 万张 is no written unit).
- 多/余 after a number read as "over" (50多万人 -> 50 万人, over); 以上/不低于 as at_least;
  以下/以内/不超过 as at_most; 左右/约 as about; 超过 as over; 近 as nearly; a range as range.
- Not figures: document numbers (〔2019〕22号), dates and years, meeting and edition ordinals
  (第73次, 第16届, 十一届三次会议), phone, index and registration numbers, plan names
  (十四五, 健康中国2030, 三年行动计划), titles in 《》, short slogans in quotes, 张 as a surname,
  numbers run into Latin letters (5G, 155K).

The steps, each a module: normalise (traditional characters, noise), scan (numbers with units,
after masks) and inwords (zeros, orders of magnitude) find the figures; layout, kind, region and metric read each one's
context. Offsets, evidence and the figure as written are those of the original text. The function is pure: the text and
the reference tables in, candidates out. It never reads files; :func:`default_catalog` loads
the tables of the project's ``data/`` once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .candidate import Candidate, Number, lowered
from .catalog import Catalog, default_catalog
from .inwords import scan_in_words
from .kind import KindRead, Kinds
from .layout import EVIDENCE_MAX, Layout, document_year
from .lost import lost_characters, run_together_range
from .masks import mask
from .matching import folded
from .metadata import written_year
from .metric import Metrics
from .nonfigures import no_figure
from .normalise import Normalised, normalise
from .region import Regions
from .scan import scan_numbers
from .vocabulary import BOUND_WORDS_AFTER, HEADLINE_MAX, PARAGRAPH_END, REPEAT_CONTEXT


@dataclass
class _Context:
    """What is read once per text to read each number's context."""

    layout: Layout
    kinds: Kinds
    regions: Regions
    metrics: Metrics
    lost: bool  # the text's extraction lost characters: run-together numbers may be ranges


def extract(text: str, catalog: Catalog | None = None, *, doc_year: int | None = None) -> list[Candidate]:
    """Candidate figures of a text, in the order they occur.

    catalog: the units, metrics and regions to use (default: the project's data/).
    doc_year: the year the document was written, when known; otherwise read from its latest full date, else
    from the date it gives itself in words (a signature 二〇二四年七月二十五日, a field, a dateline).
    Years before it read as actuals (2023年…拥有), 到 a later year as a target.
    """
    catalog = catalog or default_catalog()
    source = normalise(text)
    text = source.text
    layout = Layout(text)
    regions = Regions(text, catalog)
    year = doc_year if doc_year is not None else document_year(text) or written_year(source)
    masked = mask(text)
    numbers = [n for n in scan_numbers(text, catalog, masked) + scan_in_words(text, catalog, masked)
               if not no_figure(text, n, catalog)]
    numbers.sort(key=lambda n: n.start)
    metrics = Metrics(layout, catalog, [n.start for n in numbers])
    context = _Context(layout, Kinds(layout, year, regions), regions, metrics, lost_characters(text))
    kinds = context.kinds.of_all(numbers)
    candidates = [_in_original(_candidate(number, kind, context), source) for number, kind in zip(numbers, kinds)]
    return _without_repeats(_without_headline_repeats(candidates, source.original), source.original)


def _without_repeats(candidates: list[Candidate], text: str) -> list[Candidate]:
    """The candidates less those that repeat an earlier one, as a headline and its article, or a title and
    its text, do: the same number, unit and metric, and the same words right before it or right after it."""
    seen: set[tuple] = set()
    kept = []
    for candidate in candidates:
        figure = (candidate.value, candidate.low, candidate.high, candidate.unit, candidate.metric)
        before = ("before", text[max(0, candidate.figure_start - REPEAT_CONTEXT):candidate.figure_start], *figure)
        after = ("after", text[candidate.figure_end:candidate.figure_end + REPEAT_CONTEXT], *figure)
        if before not in seen and after not in seen:
            kept.append(candidate)
        seen.update((before, after))
    return kept


def _without_headline_repeats(candidates: list[Candidate], text: str) -> list[Candidate]:
    """The candidates less the article's first restatement of each headline figure, however written (1.2万亿元
    in the headline, 12000亿元 below it), as _without_repeats keeps the headline's: the first is the one offered."""
    first = text.lstrip()
    line_end = first.find(PARAGRAPH_END)
    headline = first if line_end < 0 else first[:line_end]
    if not headline.strip() or len(headline.strip()) > HEADLINE_MAX:
        return candidates
    headline_end = len(text) - len(first) + len(headline)
    pending = [_amount(c) for c in candidates if c.figure_start < headline_end]
    kept = []
    for candidate in candidates:
        amount = _amount(candidate)
        if candidate.figure_start >= headline_end and amount in pending:
            pending.remove(amount)
        else:
            kept.append(candidate)
    return kept


def _amount(candidate: Candidate) -> tuple:
    """The figure with the unit's magnitude words folded in, and its qualifier: 1.2 万亿元 and 12000 亿元 are
    one amount; 突破40万亩 (over) and 40万亩以上 (at least) are two figures."""
    ends = [candidate.value] if candidate.value is not None else [candidate.low, candidate.high]
    folded_ends = [folded(end, candidate.unit) for end in ends]
    return (candidate.qualifier, *((round(number, 6), unit) for number, unit in folded_ends))


def _candidate(number: Number, read: KindRead, context: _Context) -> Candidate:
    """The number read in its context: its kind as read, metric, region and evidence."""
    text = context.layout.text
    kind, cues, year, kind_note = read
    value, low, high, qualifier = number.value, number.low, number.high, number.qualifier
    confidence, note = number.confidence, "; ".join(n for n in (number.note, kind_note) if n)
    written_start = number.written_start if number.written_start is not None else number.start
    digits = text[number.start:number.end].rstrip(number.unit + BOUND_WORDS_AFTER)
    if context.lost and kind == "target" and qualifier == "exact" and (split := run_together_range(digits)):
        value, (low, high), qualifier = None, split, "range"
        confidence, note = lowered(confidence, note, "low", f"the text shows '{digits}': read as {split[0]}–{split[1]}, "
                                   "a dash most likely lost in the text's extraction; check the original")
    clause_start, _ = context.layout.span(context.layout.clauses, number.start)
    sentence_start, _ = context.layout.span(context.layout.sentences, number.start)
    metric, score, metric_note = context.metrics.suggest(number)
    if metric_note:
        confidence, note = lowered(confidence, note, "medium", metric_note)
    start, end = context.layout.evidence(number.start, number.end)
    return Candidate(
        value=value, low=low, high=high, unit=number.unit, qualifier=qualifier,
        kind=kind, kind_cues=cues, year=year, metric=metric, metric_score=score,
        region=context.regions.of_clause(number.start, clause_start, sentence_start),
        evidence=text[start:end], start=start, end=end,
        figure_start=written_start, figure_end=number.end,
        written=text[written_start:number.end], confidence=confidence, note=note,
    )


def _in_original(candidate: Candidate, source: Normalised) -> Candidate:
    """The candidate with its offsets, evidence and figure as written in the original text.

    Characters converted from traditional ones lower the confidence, and the note says which.
    """
    if source.offsets is None and not source.converted:
        return candidate
    original = source.original
    figure_start, figure_end = source.span(candidate.figure_start, candidate.figure_end)
    start, end = source.span(candidate.start, candidate.end)
    if end - start > EVIDENCE_MAX:  # noise taken out made room that the original does not have
        start = max(start, figure_end - EVIDENCE_MAX)
        end = min(end, start + EVIDENCE_MAX)
    changes = {"start": start, "end": end, "evidence": original[start:end], "figure_start": figure_start,
               "figure_end": figure_end, "written": original[figure_start:figure_end]}
    conversions = source.conversions(candidate.start, candidate.end)
    if conversions:
        reason = f"read in simplified characters ({conversions}): check the reading against the original"
        confidence, note = lowered(candidate.confidence, candidate.note, "medium", reason)
        changes |= {"confidence": confidence, "note": note}
    return replace(candidate, **changes)
