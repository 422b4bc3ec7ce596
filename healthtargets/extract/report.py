"""The table extract-eval prints: one row per text and the overall row, the aims, and with --details what went wrong."""

from __future__ import annotations

from .aims import aims_text
from .candidate import Candidate
from .evaluate import DocumentScore, Evaluation
from .matching import RULE, Expected

_HEAD = ("source", "text", "figures", "found", "candidates", "recall", "precision", "kind accuracy", "metric top-1")


def format_report(evaluation: Evaluation, details: bool = False) -> str:
    """The readable table: per document and overall, then the aims and the other agreements."""
    e = evaluation
    rows = [_HEAD] + [_row(d.source, d.path.name, [d]) for d in e.documents] + [_row("overall", "", e.documents)]
    widths = [max(_display(r[i]) for r in rows) for i in range(len(_HEAD))]
    lines = [f"extract-eval: {len(e.documents)} text(s) in {e.texts_dir}", RULE, ""]
    for index, row in enumerate(rows):
        if index == len(rows) - 1:
            lines.append("  ".join("-" * w for w in widths))
        lines.append("  ".join(_pad(cell, widths[i], left=i < 2) for i, cell in enumerate(row)).rstrip())
    matched = e.total("matched")
    lines += ["", f"aims: {aims_text(e.aims_met())}",
              f"besides: the year agrees on {e.total('year_agreed')} of {matched} found figures "
              f"({_pct(e.total('year_agreed'), matched)}); of the {e.total('metric_new')} without a catalogue metric, "
              f"{e.total('metric_new_agreed')} are suggested as a new metric"]
    if e.skipped:
        lines.append(f"no text in the folder for: {', '.join(e.skipped)}")
    if e.not_chinese:
        lines.append(f"left out, not in Chinese: {len(e.not_chinese)} excerpt(s)")
    if details:
        lines += [line for d in e.documents for line in _details(d)]
    return "\n".join(lines) + "\n"


def _row(source: str, name: str, documents: list[DocumentScore]) -> tuple[str, ...]:
    figures = sum(len(d.figures) for d in documents)
    candidates = sum(len(d.candidates) for d in documents)
    found, kinds = sum(d.matched for d in documents), sum(d.kind_agreed for d in documents)
    known, metrics = sum(d.metric_known for d in documents), sum(d.metric_agreed for d in documents)
    return (source, name, str(figures), str(found), str(candidates), _pct(found, figures), _pct(found, candidates),
            _pct(kinds, found), _pct(metrics, known))


def _details(d: DocumentScore) -> list[str]:
    other_metric = [(f, c) for f, c in d.pairs if f.metric != c.metric]
    other_year = [(f, c) for f, c in d.pairs if f.year != c.year]
    if not (d.missed or d.extra or d.wrong_kind or other_metric or other_year):
        return []
    lines = ["", f"{d.source} ({d.path.name})"]
    lines += [f"  missed     {f.id}: {_number(f)} {f.unit} [{f.kind}] «{f.evidence or ''}»" for f in d.missed]
    lines += [f"  extra      {_number(c)} {c.unit} [{c.kind}] «{c.evidence}»" for c in d.extra]
    lines += [f"  kind       {f.id}: expected {f.kind}, extracted {c.kind} (cues: {', '.join(c.kind_cues) or 'none'}) «{c.evidence}»"
              for f, c in d.wrong_kind]
    lines += [f"  metric     {f.id}: expected {f.metric or 'new'}, suggested {c.metric or 'new'} «{c.evidence}»"
              for f, c in other_metric]
    lines += [f"  year       {f.id}: expected {f.year}, extracted {c.year}" for f, c in other_year]
    return lines


def _number(figure: Expected | Candidate) -> str:
    if figure.value is None:
        return f"{figure.low:g}–{figure.high:g}" if figure.low is not None and figure.high is not None else "?"
    return f"{figure.value:g}"


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "–"


def _display(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    return sum(2 if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)


def _pad(cell: str, width: int, left: bool) -> str:
    space = " " * (width - _display(cell))
    return cell + space if left else space + cell
