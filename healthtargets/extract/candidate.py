"""What the extraction's steps hand on: a Number as the text writes it, a Candidate as the curator sees it."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class Number:
    """A figure as written, read by the scan before its context (kind, metric, region) is."""

    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    start: int  # the number (first numeral) starts here
    end: int  # the unit or suffix ends here
    note: str = ""
    written_start: int | None = None  # where the figure as written starts (a qualifier word before it)
    bound_word: str = ""  # the word that states a bound (以上, 不低于) or a zero (还没有)
    zero: bool = False
    aim: str = ""  # the words that make it an aim by their shape: an order of magnitude naming a class (千亿级, 百亿元产业)
    confidence: str = "high"  # lower when the reading is in doubt; note says why


@dataclass(frozen=True)
class Candidate:
    """One number of the text that may be a figure, in the shape of a curated figure."""

    value: float | None  # the number as written, in the written unit; None for a range
    low: float | None
    high: float | None
    unit: str  # as written, a key of data/units.yaml's written units
    qualifier: str  # exact | at_least | at_most | about | over | nearly | range
    kind: str  # target | actual | forecast
    kind_cues: tuple[str, ...]  # the words that decided the kind, strongest first
    year: int | None  # target year or as-of year, when the context gives one
    metric: str | None  # suggested metric key, None when no keyword of the catalogue is near
    metric_score: float  # 0..1: how strongly the context signals that metric
    region: str | None  # suggested 6-digit region code
    evidence: str  # the clause that carries the figure, at most 60 characters
    start: int  # offsets of the evidence in the text: text[start:end] == evidence
    end: int
    figure_start: int  # offsets of the figure as written (3千张以上) inside the text
    figure_end: int
    written: str  # the figure as written
    confidence: str = "high"  # high | medium | low: how sure the reading is, as targets.yaml grades it
    note: str = ""  # what a curator should check (an inferred unit, a possible lost dash …)

    def as_dict(self) -> dict:
        """Plain data for JSON and YAML: whole numbers as int, tuples as lists."""
        data = asdict(self)
        for key in ("value", "low", "high", "metric_score"):
            data[key] = plain_number(data[key])
        data["kind_cues"] = list(self.kind_cues)
        return data


CONFIDENCES = ("high", "medium", "low")


def lowered(confidence: str, note: str, level: str, reason: str) -> tuple[str, str]:
    """The confidence lowered to level (never raised), and the note with the reason added."""
    return max(confidence, level, key=CONFIDENCES.index), "; ".join(n for n in (note, reason) if n)


def plain_number(value: float | None) -> int | float | None:
    """3000.0 -> 3000, 0.7 -> 0.7, None -> None."""
    if value is None:
        return None
    if float(value).is_integer():
        return int(value)
    return round(float(value), 10)
