"""How well the extraction finds the figures of texts: recall, precision, kind accuracy, metric top-1.

Two kinds of folders are scored:
- a folder of texts against targets.yaml: every source whose ``text_sha256`` or
  ``excerpt_sha256`` is the sha256 of a file in the folder, with its curated figures;
- a folder of answer keys (benchmarks/unseen/answers) against a folder of texts: every
  figure of an excerpt, and the numbers that are no figures (``figure: false``).

The extraction runs on each text and its candidates are paired with the figures by the rule of
:mod:`.matching`. recall = found figures / figures; precision = candidates that found a figure /
candidates; kind accuracy = found figures whose kind agrees / found figures; metric top-1 = found
figures with a catalogue metric whose first suggestion is that metric / those figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from healthtargets.dataset.load import load_dataset
from healthtargets.dataset.paths import TARGETS_PATH

from .aims import AIMS
from .candidate import Candidate
from .catalog import Catalog
from .matching import Expected, pair
from .pipeline import extract
from .text import TextDecodeError, decode_text, text_sha256


@dataclass
class DocumentScore:
    """The comparison for one text."""

    source: str
    path: Path
    figures: list[Expected]
    candidates: list[Candidate]
    pairs: list[tuple[Expected, Candidate]] = field(default_factory=list)

    @property
    def missed(self) -> list[Expected]:
        found = {id(f) for f, _ in self.pairs}
        return [f for f in self.figures if id(f) not in found]

    @property
    def extra(self) -> list[Candidate]:
        found = {id(c) for _, c in self.pairs}
        return [c for c in self.candidates if id(c) not in found]

    @property
    def wrong_kind(self) -> list[tuple[Expected, Candidate]]:
        return [(f, c) for f, c in self.pairs if f.kind != c.kind]

    @property
    def matched(self) -> int:
        return len(self.pairs)

    @property
    def kind_agreed(self) -> int:
        return self.matched - len(self.wrong_kind)

    @property
    def metric_known(self) -> int:
        return sum(1 for f, _ in self.pairs if f.metric)

    @property
    def metric_agreed(self) -> int:
        return sum(1 for f, c in self.pairs if f.metric and f.metric == c.metric)

    @property
    def metric_new(self) -> int:
        """Found figures without a catalogue metric."""
        return self.matched - self.metric_known

    @property
    def metric_new_agreed(self) -> int:
        """… for which no catalogue metric was suggested: a new metric."""
        return sum(1 for f, c in self.pairs if not f.metric and c.metric is None)

    @property
    def year_agreed(self) -> int:
        return sum(1 for f, c in self.pairs if f.year == c.year)


_TOTALS = ("matched", "kind_agreed", "metric_known", "metric_agreed", "metric_new", "metric_new_agreed", "year_agreed")


@dataclass
class Evaluation:
    texts_dir: Path
    documents: list[DocumentScore]
    skipped: list[str]  # sources with a stored text (text_sha256) that is not in texts_dir
    not_chinese: list[str] = field(default_factory=list)  # answer keys of excerpts in another language

    def total(self, name: str) -> int:
        return sum(getattr(d, name) for d in self.documents)

    @property
    def curated(self) -> int:
        return sum(len(d.figures) for d in self.documents)

    @property
    def candidates(self) -> int:
        return sum(len(d.candidates) for d in self.documents)

    @property
    def recall(self) -> float:
        return ratio(self.total("matched"), self.curated)

    @property
    def precision(self) -> float:
        return ratio(self.total("matched"), self.candidates)

    @property
    def kind_accuracy(self) -> float:
        return ratio(self.total("kind_agreed"), self.total("matched"))

    @property
    def metric_top1(self) -> float:
        return ratio(self.total("metric_agreed"), self.total("metric_known"))

    def aims_met(self) -> dict[str, bool]:
        return {name: getattr(self, name) >= aim for name, aim in AIMS.items()}


def ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


class EvaluationError(ValueError):
    """The folder of texts cannot be compared (missing, empty, or no text matches a source)."""


def score_document(source: str, path: Path, text: str, figures: list[Expected], catalog: Catalog) -> DocumentScore:
    """Run the extraction on one text and pair its candidates with the text's figures."""
    document = DocumentScore(source, path, figures, extract(text, catalog))
    document.pairs = pair(text, figures, document.candidates, catalog)
    return document


def _texts_by_hash(texts_dir: Path) -> dict[str, Path]:
    texts_dir = Path(texts_dir)
    if not texts_dir.is_dir():
        raise EvaluationError(f"{texts_dir}: not a folder of source texts")
    files: dict[str, Path] = {}
    for path in sorted(texts_dir.iterdir()):
        if path.is_file():
            files.setdefault(text_sha256(path.read_bytes()), path)
    return files


def _read(path: Path) -> str:
    try:
        return decode_text(path.read_bytes())[0]
    except TextDecodeError as exc:
        raise EvaluationError(f"{path}: cannot decode as text: {exc}") from exc


def evaluate(texts_dir: Path, targets_path: Path = TARGETS_PATH, catalog: Catalog | None = None) -> Evaluation:
    """Every source of targets.yaml whose text (text_sha256) or excerpt (excerpt_sha256) is in texts_dir."""
    files = _texts_by_hash(texts_dir)
    dataset = load_dataset(Path(targets_path))
    catalog = catalog or Catalog.from_reference(dataset.reference)
    documents, skipped = [], []
    for source in dataset.sources.values():
        digests = [d for d in (source.text_sha256, source.excerpt_sha256) if d]
        path = next((files[d] for d in digests if d in files), None)
        if path is None:
            skipped += [source.id] if source.text_sha256 else []
            continue
        figures = [Expected(f.id, f.value, f.low, f.high, f.unit, f.kind, f.year, f.metric, f.evidence)
                   for f in dataset.figures if f.source == source.id]
        documents.append(score_document(source.id, path, _read(path), figures, catalog))
    if not documents:
        raise EvaluationError(f"{texts_dir}: no file has the text_sha256 of a source in {Path(targets_path).name}")
    return Evaluation(Path(texts_dir), documents, skipped)


@dataclass
class AnswerKey:
    """One excerpt's answer key: its figures, and whether the excerpt is Chinese."""

    source: str
    excerpt_sha256: str
    chinese: bool
    figures: list[Expected]


def read_answer_key(path: Path) -> AnswerKey:
    """An answer key (benchmarks/unseen/answers/<document>.yaml); its non-figures are left out."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    figures = [
        Expected(f"{data['source']}#{f.get('n', i + 1)}", f.get("value"), f.get("low"), f.get("high"),
                 str(f.get("unit") or ""), f.get("kind"), f.get("year"), f.get("metric"))
        for i, f in enumerate(data.get("figures") or []) if f.get("figure", True)
    ]
    return AnswerKey(data["source"], data["excerpt_sha256"], bool(data.get("chinese", True)), figures)


def evaluate_answers(answers_dir: Path, texts_dir: Path, catalog: Catalog) -> Evaluation:
    """Every Chinese excerpt of a folder of answer keys whose text (by sha256) is in texts_dir."""
    answers_dir = Path(answers_dir)
    if not answers_dir.is_dir():
        raise EvaluationError(f"{answers_dir}: not a folder of answer keys")
    files = _texts_by_hash(texts_dir)
    documents, skipped, not_chinese = [], [], []
    for key_path in sorted(answers_dir.glob("*.yaml")):
        key = read_answer_key(key_path)
        path = files.get(key.excerpt_sha256)
        if not key.chinese:
            not_chinese.append(key.source)
        elif path is None:
            skipped.append(key.source)
        else:
            documents.append(score_document(key.source, path, _read(path), key.figures, catalog))
    if not documents:
        raise EvaluationError(f"{texts_dir}: no file has the excerpt_sha256 of an answer key in {answers_dir}")
    return Evaluation(Path(texts_dir), documents, skipped, not_chinese)
