"""The one plotly theme of the dashboard: fonts, colours, titles, wrapped labels, the source line.

Every chart is a ChartSpec whose figure already carries its title, axis titles with
units and the source line, so the image exporter draws exactly what the page shows.
The charts themselves are built by each page's view (healthtargets/views/), in this style.
"""

from __future__ import annotations

from numbers import Real

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from healthtargets.dataset.schema import Source
from healthtargets.i18n import t

from .spec import ChartSpec, source_line

TEMPLATE = "healthtargets"  # plotly_white for the traces drawn here: a figure copies its template, 40 ms for all of it
_white = pio.templates["plotly_white"]
_UNUSED = ("coloraxis", "colorscale", "geo", "polar", "scene", "ternary")  # continuous scales, maps and 3-D: none drawn
pio.templates[TEMPLATE] = go.layout.Template(
    layout={k: v for k, v in _white.layout.to_plotly_json().items() if k not in _UNUSED},
    data={"bar": _white.data.bar, "scatter": _white.data.scatter})
FONT_FAMILY = "WenQuanYi Micro Hei, Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"
COLORS = ["#1f6f8b", "#e07a3f", "#5b9a68", "#b8476a", "#7d6bb0", "#c9a227", "#4c8fd6", "#8c6d46", "#5f6b73"]
KIND_COLORS = {"target": "#1f6f8b", "actual": "#e07a3f", "forecast": "#8c8c8c"}


TITLE_PAD = 12  # px between the image's left edge and the title
TITLE_PX, SUBTITLE_PX = 60, 22  # the top margin of a one-line title (it sits in the middle), and each subtitle line
KEY_ROW_PX = 30  # the row over the plot holding the y unit (left) and the legend (right)
LINE_PX = 17  # height of one line of 13 px tick labels
SOURCE_LINE_PX = 14  # height of one line of the 10 px source line
SOURCE_LINE_CHARS = {"zh": 46, "en": 84}  # fit the narrowest plot of a page (the overview map's column)
PLOT_WIDTH = 880  # px the plot gets in an exported image (960 wide, less the margins)
Y_UNIT = "y-unit"  # the name of the annotation that writes the y axis's unit level above it


def themed(fig: go.Figure, *, title: str, x_title: str | None, y_title: str | None,
           source_line: str, lang: str = "zh", height: int = 420, foot_gap: int | None = None,
           plot_width: int = PLOT_WIDTH, value_axis: str = "y") -> go.Figure:
    """Apply the house style: CJK-first fonts, title, axis titles, the source line at the foot.

    The title block sits in the top margin; under it a row holds the y axis's title (its unit),
    written level where it reads in any script (plotly turns a y title on its side: 个 read
    like an arrow), and the legend. Long category labels along x are wrapped (<br>) to fit
    ``plot_width`` and kept level; the ``value_axis`` ("x" for horizontal bars) writes thousands
    with separators, and count axes get integer ticks. The source line sits ``foot_gap`` px under
    the plot, by default just below the x axis's labels and title however many lines they take
    (see ``foot_gap_for``), and the bottom margin grows to hold it.
    """
    top = TITLE_PX + SUBTITLE_PX * title.count("<br>") + KEY_ROW_PX  # title, its subtitles, then unit and legend
    set_layout(
        fig,
        template=TEMPLATE,
        font={"family": FONT_FAMILY, "size": 13, "color": "#263238"},
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 17}, "pad": {"l": TITLE_PAD}},
        colorway=COLORS,
        height=height,
        margin={"l": 60, "r": 20, "t": top, "b": 90},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1},
        hoverlabel={"font": {"family": FONT_FAMILY}},
        separators=".,",
    )
    if x_title is not None:
        fig.update_xaxes(title_text=x_title)
    if y_title:
        fig.add_annotation(text=escape_text(y_title), showarrow=False, xref="paper", yref="paper", x=0, y=1,
                           xanchor="left", yanchor="bottom", yshift=6, align="left", name=Y_UNIT,
                           font={"size": 12, "color": "#455a64"})
    (fig.update_yaxes if value_axis == "y" else fig.update_xaxes)(tickformat=",")  # 14,000, never plotly's 14k
    wrap_categories(fig, plot_width)
    integer_ticks(fig)
    gap = foot_gap if foot_gap is not None else foot_gap_for(fig, has_x_title=bool(x_title))
    lines = wrapped_lines(source_line, SOURCE_LINE_CHARS.get(lang, SOURCE_LINE_CHARS["zh"]))
    bottom = gap + SOURCE_LINE_PX * len(lines) + 16
    set_layout(fig, margin={"b": bottom}, height=height + bottom - 90 + 20 + top - 60)
    fig.add_annotation(
        text="<br>".join(escape_text(x) for x in lines), showarrow=False, xref="paper", yref="paper",
        x=0, y=0, yshift=-gap, xanchor="left", yanchor="top", align="left",
        font={"size": 10, "color": "#607d8b"}, name="source-line",
    )
    return fig


def set_layout(fig: go.Figure, **settings) -> go.Figure:
    """``fig.update_layout(**settings)``, nested settings merged into what the layout holds, at a
    tenth of its cost: plotly's update walks every nested property through a generic path, about
    10 ms a chart, where setting each top-level property whole takes one."""
    for name, value in settings.items():
        current = fig.layout[name]
        if isinstance(value, dict) and hasattr(current, "to_plotly_json"):
            value = _merged(current.to_plotly_json(), value)
        fig.layout[name] = value
    return fig


def reference_line(fig: go.Figure, *, label: str, x: float | None = None, y: float | None = None, **line) -> None:
    """A line across the plot at ``x`` (vertical, labelled on top) or ``y`` (horizontal, labelled at
    its top left): what plotly's add_vline and add_hline draw, set directly (their generic path costs
    about 5 ms a line; a page's bullets and timelines draw hundreds)."""
    if x is not None:
        shape = {"x0": x, "x1": x, "xref": "x", "y0": 0, "y1": 1, "yref": "y domain"}
        note = {"x": x, "xanchor": "center", "xref": "x", "y": 1, "yanchor": "bottom", "yref": "y domain"}
    else:
        shape = {"x0": 0, "x1": 1, "xref": "x domain", "y0": y, "y1": y, "yref": "y"}
        note = {"x": 0, "xanchor": "left", "xref": "x domain", "y": y, "yanchor": "bottom", "yref": "y"}
    fig.add_shape(type="line", line=line, **shape)
    fig.add_annotation(text=label, showarrow=False, **note)


def _merged(base: dict, changes: dict) -> dict:
    out = dict(base)
    for key, value in changes.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _is_multicategory(x) -> bool:
    return (x is not None and len(x) == 2 and all(isinstance(level, (list, tuple)) for level in x))


def _categorical_x(trace) -> bool:
    """A trace whose x values are category labels (strings), or a two-level multicategory."""
    x = getattr(trace, "x", None)
    if x is None or len(x) == 0 or getattr(trace, "orientation", None) == "h":
        return False
    return _is_multicategory(x) or all(isinstance(v, str) for v in x)


def wrap_categories(fig: go.Figure, plot_width: int = PLOT_WIDTH) -> None:
    """Wrap long x category labels with <br> to fit each category's width, and keep them level (tickangle 0).

    Plotly turns labels that do not fit to an angle, where they run into the axis title and the
    source line; wrapped level labels take a known number of lines instead.
    """
    traces = [tr for tr in fig.data if _categorical_x(tr)]
    if not traces:
        return
    inner = {tuple(v) if _is_multicategory(tr.x) else v
             for tr in traces for v in (zip(*tr.x) if _is_multicategory(tr.x) else tr.x)}
    slot = plot_width / max(len(inner), 1)  # px per category
    for trace in traces:
        if _is_multicategory(trace.x):
            outer, sub = trace.x
            trace.x = [[wrap_label(v, slot) for v in outer], [wrap_label(v, slot) for v in sub]]
        else:
            trace.x = [wrap_label(v, slot) for v in trace.x]
    fig.update_xaxes(tickangle=0)


def wrap_label(label: str, slot_px: float) -> str:
    """A label broken into lines (<br>) that fit ``slot_px``: at spaces in Latin text, anywhere in Chinese."""
    out = []
    for piece in str(label).split("<br>"):
        cjk = any(ord(c) > 0x2E80 for c in piece)
        width = max(4 if cjk else 8, int(slot_px * 0.85 / (13 if cjk else 7.5)))
        if cjk:
            out += [piece[i:i + width] for i in range(0, len(piece), width)] or [""]
            continue
        line = ""
        for word in piece.split(" "):
            if line and len(line) + 1 + len(word) > width:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append(line)
    return "<br>".join(out)


def label_lines(fig: go.Figure) -> int:
    """How many lines the x axis's category labels take (both levels of a multicategory axis)."""
    lines = 1
    for trace in fig.data:
        if not _categorical_x(trace):
            continue
        levels = trace.x if _is_multicategory(trace.x) else [trace.x]
        lines = max(lines, sum(max(str(v).count("<br>") + 1 for v in level) for level in levels))
    return lines


def foot_gap_for(fig: go.Figure, *, has_x_title: bool = True) -> int:
    """px from the plot's bottom edge to the source line: the x labels' lines, the axis title, a gap."""
    multicategory = any(_categorical_x(tr) and _is_multicategory(tr.x) for tr in fig.data)
    ticks = 8 + LINE_PX * label_lines(fig) + (8 if multicategory else 0)
    return ticks + (26 if has_x_title else 0) + 14


def integer_ticks(fig: go.Figure) -> None:
    """Small counts (every bar or point a whole number, axis top at most 10) tick at whole numbers.

    Without it plotly ticks 0, 0.2, 0.4 … and a ",d" format prints them "0, 0, 0, 1, 1, 1".
    The top counts stacked bars, error bars and reference lines, so a target line at 1,000
    never gets a thousand ticks.
    """
    for axis, horizontal in (("y", False), ("x", True)):
        values, tops = [], {}
        for trace in fig.data:
            if trace.type not in ("bar", "scatter") or (trace.type == "scatter" and trace.mode == "lines"):
                continue
            if (getattr(trace, "orientation", None) == "h") != horizontal:
                continue
            own = _seq(getattr(trace, axis))
            where = _seq(getattr(trace, "y" if horizontal else "x")) or list(range(len(own)))
            errors = getattr(trace, f"error_{axis}", None)
            plus = _seq(errors.array) if errors is not None and errors.visible else []
            for i, v in enumerate(own):
                if v is None or not isinstance(v, Real) or v != v:
                    continue
                values.append(v)
                top = v + (plus[i] if i < len(plus) and plus[i] else 0)
                slot = (str(where[i]) if i < len(where) else i) if fig.layout.barmode == "stack" and trace.type == "bar" else None
                tops[slot] = tops.get(slot, 0) + top if slot is not None else max(tops.get(None, 0), top)
        if not values or any(float(v) != int(v) for v in values):
            continue
        layout_axis = fig.layout.yaxis if axis == "y" else fig.layout.xaxis
        if layout_axis.type == "log":
            continue
        ref = f"{axis}"
        lines = [getattr(shape, f"{axis}{end}") for shape in fig.layout.shapes or ()
                 if getattr(shape, f"{axis}ref") in (ref, None) for end in ("0", "1")]
        top = max([*tops.values(), *[v for v in lines if isinstance(v, Real)]])
        if top <= 10:
            (fig.update_yaxes if axis == "y" else fig.update_xaxes)(tickformat=",d", dtick=1)


def _seq(values) -> list:
    """A trace's data (None, tuple, list or numpy array) as a list."""
    return [] if values is None else list(values)


def modebar_config(spec: ChartSpec) -> dict:
    """st.plotly_chart config: the camera saves a 2x PNG named after the chart; no logo, no CDN."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "scale": 2, "filename": spec.file_stem},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }


def cited(frame: pd.DataFrame, sources: dict[str, Source]) -> list[Source]:
    """The sources behind a frame's rows, newest first."""
    found = [sources[i] for i in frame["source_id"].unique() if i in sources]  # unique(): vectorised, in order seen
    return sorted(found, key=lambda s: (s.date is None, -(s.date.toordinal() if s.date else 0)))


def foot(cites: list[Source], lang: str) -> str:
    """The source line, shortened when many documents are cited."""
    if not cites:
        return t("chart.source_none", lang)
    if len(cites) > 4:
        more = len(cites) - 3
        return source_line(cites[:3], lang) + t("punct.list", lang) + t("chart.more_sources", lang, n=more)
    return source_line(cites, lang)


def wrapped_lines(text: str, width: int) -> list[str]:
    """Break a line of text into lines of at most `width` characters (plotly wraps nothing).

    Breaks after a semicolon first; a piece still too long breaks before a date in brackets,
    else at its last space (Latin text), else anywhere (Chinese).
    """
    pieces = text.replace("；", "；\n").replace("; ", ";\n").split("\n")
    lines, line = [], ""
    for piece in pieces:
        while len(piece) > width:  # a single long citation: break before its date, else hard
            if line:
                lines.append(line)
                line = ""
            cut = piece.rfind("(", 0, width + 1)
            if cut <= width // 2:
                space = piece.rfind(" ", 0, width + 1)
                cut = space if space > width // 2 else width
            lines.append(piece[:cut].rstrip())
            piece = piece[cut:].lstrip()
        if line and len(line) + len(piece) + 1 > width:
            lines.append(line)
            line = piece
        else:
            line = f"{line} {piece}".strip() if line else piece
    if line:
        lines.append(line)
    return lines


def escape_text(text: str) -> str:
    """Plotly reads a subset of HTML in text: keep data literal."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

