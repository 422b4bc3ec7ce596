"""A chart in words, for a screen reader: its title, then what each point says when hovered.

The words come from the plot itself, so they are what a sighted reader sees: each trace's
hover template filled in for each point (a bar's region and value, a map's region and counts),
then the plot's notes (a national benchmark, a target line), never its source line.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Iterator, Sequence

from healthtargets.i18n import t

from .spec import ChartSpec

MAX_POINTS = 40  # a longer chart is cut there, with a word that the data table has the rest
READ = ("hoverinfo", "visible", "hoveron", "hovertemplate", "orientation", "meta", "x", "y", "z", "text", "locations")
QUIET_NOTES = {"source-line", "size-legend"}  # annotations a summary leaves out: the source line, a legend's scale
_FIELD = re.compile(r"%\{(\w+)(?:\[(\d+)\])?(?::[^}]*)?\}")
_EXTRA = re.compile(r"<extra>.*?</extra>", re.S)
_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.I)


def chart_summary(spec: ChartSpec) -> str:
    """'图表：地区对比：养老床位总数。上海市，目标 2025：17.8万张；…' in the chart's language."""
    lang = spec.lang
    title = plain(spec.title)
    traces = sorted((_readable(trace) for trace in spec.plot.data), key=_rank)
    points: dict[str, None] = {}
    more = 0
    for trace in traces:  # past the cut, points are counted, not read (a national map has thousands)
        if len(points) >= MAX_POINTS:
            more += _point_count(trace)
            continue
        for i, point in enumerate(_trace_points(trace, title, lang)):
            if len(points) >= MAX_POINTS:
                more += _point_count(trace) - i
                break
            if point:
                points.setdefault(point)  # a point drawn twice (marker and line) is said once
    notes = [plain(a.text) for a in spec.plot.layout.annotations if a.name not in QUIET_NOTES and a.text]
    if not points:
        return t("chart.summary_empty", lang, title=title)
    shown = t("punct.list", lang).join(points)
    if more:
        shown += t("chart.summary_more", lang, n=more)
    text = t("chart.summary", lang, title=title, points=shown)
    return text + "".join(t("chart.summary_note", lang, note=note) for note in dict.fromkeys(notes) if note not in points)


def _readable(trace) -> dict:
    """The properties a summary reads, as a plain dict: read once each (plotly's property access is slow,
    and a copy of the whole trace would copy a map's outlines)."""
    template = trace["hovertemplate"] if "hovertemplate" in trace else None
    fields = {m.group(1) for m in _FIELD.finditer(template)} if isinstance(template, str) else set()
    names = {*READ, *fields}
    return {name: trace[name] for name in names if name in trace and trace[name] is not None}


def _rank(trace: dict) -> int:
    """A trace's place in the summary: its meta's summary_rank (the map's regions before its provinces), else 0."""
    meta = trace.get("meta")
    return meta.get("summary_rank", 0) if isinstance(meta, dict) else 0


def plain(text: str) -> str:
    """Plotly's rich text as plain words: tags dropped, line breaks joined (with no space in Chinese,
    which the chart theme wraps anywhere; with a space in Latin text, which it wraps at spaces)."""
    text = _EXTRA.sub("", str(text))
    joint = "" if any(_cjk(c) for c in text) else " "
    return _TAG.sub("", _BREAK.sub(joint, text)).strip()


def _cjk(char: str) -> bool:
    return ord(char) > 0x2E80


def _point_count(trace: dict) -> int:
    """How many points a trace says: none when it has no hover, one for a shape, else one per point."""
    if trace.get("hoverinfo") in ("skip", "none") or trace.get("visible") is False:
        return 0
    if trace.get("hoveron") == "fills":  # a shape (a province): one text for the whole of it
        return int(isinstance(trace.get("text"), str))
    arrays = [_values(trace, name) for name in ("x", "y", "z", "text", "locations")]
    return max((len(values) for values in arrays if values is not None), default=0)


def _trace_points(trace: dict, title: str, lang: str) -> Iterator[str]:
    """What each point of a trace says when hovered ("" for a point that says only what the title says)."""
    count = _point_count(trace)
    if count and trace.get("hoveron") == "fills":
        yield plain(trace["text"])
        return
    template = trace.get("hovertemplate")
    for i in range(count):
        if template:
            line = _FIELD.sub(lambda m, i=i: _field(trace, m.group(1), m.group(2), i), template)
            parts = [plain(part) for part in _BREAK.split(_EXTRA.sub("", line))]
        else:
            category, value = ("y", "x") if trace.get("orientation") == "h" else ("x", "y")
            parts = [_field(trace, category, None, i), _field(trace, "text", None, i) or _field(trace, value, None, i)]
        parts = [p for p in dict.fromkeys(parts) if p and p not in title]  # what the title says already goes
        yield t("punct.comma", lang).join(parts)


def _values(trace: dict, name: str) -> Sequence | None:
    values = trace.get(name)
    if values is None or isinstance(values, str):
        return None
    if name == "x" and len(values) == 2 and all(isinstance(level, (list, tuple)) for level in values):
        return values[0]  # a two-level axis: the outer level (the region); the inner repeats the point's text
    return values


def _field(trace: dict, name: str, index: str | None, i: int) -> str:
    values = _values(trace, name)
    if values is None or i >= len(values):
        return ""
    value = values[i]
    if index is not None:
        value = value[int(index)] if not isinstance(value, str) and int(index) < len(value) else ""
    return plain(_number(value))


def _number(value) -> str:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):  # numpy's numbers are Real too
        return str(value)
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")
