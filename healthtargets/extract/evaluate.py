"""How well the extraction finds the curated figures: recall, precision and kind accuracy.

For every source of targets.yaml whose ``text_sha256`` matches a file in a folder of texts,
the extraction runs on that text and its candidates are paired with the source's curated
figures. The rule, printed with the results:

    A candidate matches a curated figure when its number agrees (value, or low and high for
    a range), its unit agrees (the same written unit, or one that reads the same, like 万人
    and 万名), and its evidence overlaps the curated evidence in the text. Each candidate
    and each figure pairs at most once.

recall = matched figures / curated figures; precision = matched candidates / candidates;
kind accuracy = matched pairs whose kind agrees / matched pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from healthtargets.dataset.load import load_dataset
from healthtargets.dataset.numbers import same_number
from healthtargets.dataset.paths import TARGETS_PATH
from healthtargets.dataset.schema import Figure

from .candidate import Candidate
from .catalog import Catalog
from .pipeline import extract
from .text import TextDecodeError, decode_text, text_sha256

AIMS = {"recall": 0.95, "precision": 0.85, "kind_accuracy": 0.90}
RULE = (
    "A candidate matches a curated figure when its number (value, or low and high) and unit agree "
    "and its evidence overlaps the curated evidence in the text; each pairs at most once."
)


@dataclass
class DocumentScore:
    """The comparison for one source text."""

    source: str
    path: Path
    figures: list[Figure]
    candidates: list[Candidate]
    pairs: list[tuple[Figure, Candidate]] = field(default_factory=list)

    @property
    def missed(self) -> list[Figure]:
        found = {id(f) for f, _ in self.pairs}
        return [f for f in self.figures if id(f) not in found]

    @property
    def extra(self) -> list[Candidate]:
        found = {id(c) for _, c in self.pairs}
        return [c for c in self.candidates if id(c) not in found]

    @property
    def wrong_kind(self) -> list[tuple[Figure, Candidate]]:
        return [(f, c) for f, c in self.pairs if f.kind != c.kind]

    @property
    def matched(self) -> int:
        return len(self.pairs)

    @property
    def metric_agreed(self) -> int:
        return sum(1 for f, c in self.pairs if f.metric == c.metric)

    @property
    def year_agreed(self) -> int:
        return sum(1 for f, c in self.pairs if f.year == c.year)

    @property
    def kind_agreed(self) -> int:
        return self.matched - len(self.wrong_kind)


@dataclass
class Evaluation:
    texts_dir: Path
    documents: list[DocumentScore]
    skipped: list[str]  # sources with a text_sha256 but no file in texts_dir

    @property
    def curated(self) -> int:
        return sum(len(d.figures) for d in self.documents)

    @property
    def candidates(self) -> int:
        return sum(len(d.candidates) for d in self.documents)

    @property
    def matched(self) -> int:
        return sum(d.matched for d in self.documents)

    @property
    def kind_agreed(self) -> int:
        return sum(d.kind_agreed for d in self.documents)

    @property
    def metric_agreed(self) -> int:
        return sum(d.metric_agreed for d in self.documents)

    @property
    def year_agreed(self) -> int:
        return sum(d.year_agreed for d in self.documents)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.curated)

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.candidates)

    @property
    def kind_accuracy(self) -> float:
        return _ratio(self.kind_agreed, self.matched)

    def aims_met(self) -> dict[str, bool]:
        return {name: getattr(self, name) >= aim for name, aim in AIMS.items()}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


class EvaluationError(ValueError):
    """The folder of texts cannot be compared (missing, empty, or no text matches a source)."""


def evaluate(texts_dir: Path, targets_path: Path = TARGETS_PATH, catalog: Catalog | None = None) -> Evaluation:
    """Run the extraction on every source text found in texts_dir and compare with targets.yaml."""
    texts_dir = Path(texts_dir)
    if not texts_dir.is_dir():
        raise EvaluationError(f"{texts_dir}: not a folder of source texts")
    dataset = load_dataset(Path(targets_path))
    catalog = catalog or Catalog.from_reference(dataset.reference)
    files = {}
    for path in sorted(texts_dir.iterdir()):
        if path.is_file():
            files.setdefault(text_sha256(path.read_bytes()), path)
    documents, skipped = [], []
    for source in dataset.sources.values():
        if source.text_sha256 is None:
            continue
        path = files.get(source.text_sha256)
        if path is None:
            skipped.append(source.id)
            continue
        try:
            text, _ = decode_text(path.read_bytes())
        except TextDecodeError as exc:
            raise EvaluationError(f"{path}: cannot decode as text: {exc}") from exc
        figures = [f for f in dataset.figures if f.source == source.id]
        document = DocumentScore(source.id, path, figures, extract(text, catalog))
        document.pairs = pair(text, figures, document.candidates, catalog)
        documents.append(document)
    if not documents:
        raise EvaluationError(f"{texts_dir}: no file has the text_sha256 of a source in {Path(targets_path).name}")
    return Evaluation(texts_dir, documents, skipped)


def pair(text: str, figures: list[Figure], candidates: list[Candidate], catalog: Catalog) -> list[tuple[Figure, Candidate]]:
    """Match figures and candidates one to one, the widest evidence overlap first."""
    locate = EvidenceLocator(text)
    options = []
    for fi, figure in enumerate(figures):
        spans = locate(figure.evidence)
        for ci, candidate in enumerate(candidates):
            if not (same_figure_number(figure, candidate) and same_unit(figure.unit, candidate.unit, catalog)):
                continue
            overlap = max((min(e, candidate.end) - max(s, candidate.start) for s, e in spans), default=0)
            if overlap > 0:
                options.append((-overlap, fi, ci))
    pairs, used_f, used_c = [], set(), set()
    for _, fi, ci in sorted(options):
        if fi not in used_f and ci not in used_c:
            used_f.add(fi)
            used_c.add(ci)
            pairs.append((fi, ci))
    return [(figures[fi], candidates[ci]) for fi, ci in sorted(pairs)]


def same_figure_number(figure: Figure, candidate: Candidate) -> bool:
    if figure.qualifier == "range" or figure.value is None:
        return (candidate.low is not None and candidate.high is not None and figure.low is not None
                and figure.high is not None and same_number(candidate.low, figure.low)
                and same_number(candidate.high, figure.high))
    return candidate.value is not None and same_number(candidate.value, figure.value)


def same_unit(a: str, b: str, catalog: Catalog) -> bool:
    """The same written unit, or two that read the same (万人, 万名)."""
    if a == b:
        return True
    written = catalog.units.written
    return a in written and b in written and written[a].replace(" ", "") == written[b].replace(" ", "")


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


# --------------------------------------------------------------------------------------------
# The report


def format_report(evaluation: Evaluation, details: bool = False) -> str:
    """The readable table the command prints: one row per source text and the overall row."""
    rows = [("source", "text", "curated", "found", "candidates", "recall", "precision", "kind accuracy")]
    for d in evaluation.documents:
        rows.append((d.source, d.path.name, str(len(d.figures)), str(d.matched), str(len(d.candidates)),
                     _pct(d.matched, len(d.figures)), _pct(d.matched, len(d.candidates)), _pct(d.kind_agreed, d.matched)))
    e = evaluation
    rows.append(("overall", "", str(e.curated), str(e.matched), str(e.candidates),
                 _pct(e.matched, e.curated), _pct(e.matched, e.candidates), _pct(e.kind_agreed, e.matched)))
    widths = [max(_display(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [f"extract-eval: {len(e.documents)} source text(s) in {e.texts_dir}", RULE, ""]
    for index, row in enumerate(rows):
        if index == len(rows) - 1:
            lines.append("  ".join("-" * w for w in widths))
        cells = [_pad(cell, widths[i], left=i < 2) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    met = e.aims_met()
    aims = ", ".join(
        f"{name.replace('_', ' ')} ≥ {AIMS[name]:.0%} {'met' if ok else 'NOT met'}" for name, ok in met.items()
    )
    lines += ["", f"aims: {aims}",
              f"besides: the suggested metric agrees on {e.metric_agreed} of {e.matched} matched figures "
              f"({_pct(e.metric_agreed, e.matched)}), the year on {e.year_agreed} ({_pct(e.year_agreed, e.matched)})"]
    if e.skipped:
        lines.append(f"no text in the folder for: {', '.join(e.skipped)}")
    if details:
        lines += _details(evaluation)
    return "\n".join(lines) + "\n"


def _details(evaluation: Evaluation) -> list[str]:
    lines = []
    for d in evaluation.documents:
        other_metric = [(f, c) for f, c in d.pairs if f.metric != c.metric]
        other_year = [(f, c) for f, c in d.pairs if f.year != c.year]
        if not (d.missed or d.extra or d.wrong_kind or other_metric or other_year):
            continue
        lines += ["", f"{d.source} ({d.path.name})"]
        lines += [f"  missed     {f.id}: {_figure_number(f)} {f.unit} [{f.kind}] «{f.evidence}»" for f in d.missed]
        lines += [f"  extra      {_candidate_number(c)} {c.unit} [{c.kind}] «{c.evidence}»" for c in d.extra]
        lines += [f"  kind       {f.id}: curated {f.kind}, extracted {c.kind} (cues: {', '.join(c.kind_cues) or 'none'})"
                  for f, c in d.wrong_kind]
        lines += [f"  metric     {f.id}: curated {f.metric}, suggested {c.metric or 'none'}" for f, c in other_metric]
        lines += [f"  year       {f.id}: curated {f.year}, extracted {c.year}" for f, c in other_year]
    return lines


def _figure_number(figure: Figure) -> str:
    return f"{figure.low:g}–{figure.high:g}" if figure.value is None else f"{figure.value:g}"


def _candidate_number(candidate: Candidate) -> str:
    return f"{candidate.low:g}–{candidate.high:g}" if candidate.value is None else f"{candidate.value:g}"


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "–"


def _display(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)


def _pad(cell: str, width: int, left: bool) -> str:
    space = " " * (width - _display(cell))
    return cell + space if left else space + cell
