"""The charts of Targets vs actuals: statuses at a glance, one target against its actuals, a timeline."""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import plotly.graph_objects as go

from healthtargets.charts.spec import ChartSpec
from healthtargets.charts.theme import KIND_COLORS, escape_text, foot, reference_line, themed, wrapped_lines
from healthtargets.dataset.load import Dataset
from healthtargets.dataset.reference import Reference
from healthtargets.dataset.regions import region_name
from healthtargets.dataset.schema import Source
from healthtargets.i18n import col, joined, localised, t

from .compare import SUBTITLE_CHARS
from .formatting import axis_scale, cell_text, format_figure, on_axis
from .progress import ActualIndex, progress_table, status_counts, timeline_keys, with_year

STATUS_COLORS = {"achieved": "#5b9a68", "on_track": "#4c8fd6", "behind": "#e07a3f", "pace_unknown": "#9a86b8",
                 "missed": "#b8476a", "unreported": "#8c6d46", "no_actual_yet": "#9aa5ad", "no_deadline": "#c4ccd2"}
LOWER_BOUND_COLOR = "#f0b48a"


def _cites(ids, sources: dict[str, Source]) -> list[Source]:
    return [sources[i] for i in dict.fromkeys(ids) if i in sources]


def status_chart(table: pd.DataFrame, sources: dict[str, Source], lang: str) -> ChartSpec:
    """How many targets have each status: one bar per status, in the statuses' order."""
    counts = status_counts(table, lang)
    fig = go.Figure(go.Bar(
        x=list(counts["label"]), y=list(counts["targets"]), marker_color=[STATUS_COLORS[s] for s in counts["status"]],
        text=list(counts["targets"]), textposition="outside", hovertemplate="%{x}: %{y}<extra></extra>",
    ))
    fig.update_yaxes(rangemode="tozero")
    title = t("progress.status_chart_title", lang, n=len(table))
    cites = _cites(table["source_id"], sources)
    themed(fig, title=title, x_title=None, y_title=t("progress.status_chart_y", lang), source_line=foot(cites, lang),
           lang=lang, height=320)
    return ChartSpec("progress", "statuses", title, fig, counts, cites, lang)


def bullet_chart(frame: pd.DataFrame, reference: Reference, sources: dict[str, Source], figure_id: str,
                 lang: str = "zh", index: ActualIndex | None = None) -> ChartSpec:
    """One target as a bullet: a bar per actual bearing on it, the target as a line (a band for a range).

    The axis always reaches the target, so a target with no actual yet is drawn too.
    """
    index = index or ActualIndex(frame, reference)
    target = frame.iloc[index.row_of[figure_id]]
    bearing = index.bearing(target.to_dict())
    units = reference.units
    values = [v for v in (target["base_value"], target["base_low"], target["base_high"]) if pd.notna(v)]
    values += [a["base_value"] for a, _ in bearing if pd.notna(a["base_value"])]
    top = max([abs(v) for v in values] + [0])
    divisor, axis_unit = axis_scale(top, target["base_unit"], lang, units)
    fig = go.Figure()
    if bearing:
        labels = _numbered([_bar_label(a, lb, reference, lang) for a, lb in bearing])
        fig.add_trace(go.Bar(
            y=labels, x=[a["base_value"] / divisor for a, _ in bearing], orientation="h",
            name=t("progress.col.actual", lang),
            marker={"color": [LOWER_BOUND_COLOR if lb else KIND_COLORS["actual"] for _, lb in bearing]},
            text=[cell_text(with_year(a), lang, units) for a, _ in bearing],
            textposition="auto", hovertemplate="%{y}: %{text}<extra></extra>",
        ))
    target_label = cell_text(target, lang, units)
    if pd.notna(target["base_value"]):
        reference_line(fig, x=target["base_value"] / divisor, label=target_label, color=KIND_COLORS["target"], width=3)
    elif pd.notna(target["base_low"]) and pd.notna(target["base_high"]):
        fig.add_vrect(x0=target["base_low"] / divisor, x1=target["base_high"] / divisor,
                      fillcolor=KIND_COLORS["target"], opacity=0.25, line_width=0,
                      annotation_text=target_label, annotation_position="top left")
    if not bearing:
        fig.add_annotation(text=t("progress.no_actual_why", lang), showarrow=False, xref="paper", yref="paper",
                           x=0.5, y=0.5, font={"size": 14, "color": "#607d8b"})
        fig.update_yaxes(visible=False)
    fig.update_xaxes(range=[0, top / divisor * 1.15 if top else 1])
    title = t("progress.bullet_title", lang, region=region_name(reference, target["region_code"], lang),
              metric=target[col("metric", lang)])
    cites = _cites([target["source_id"], *(a["source_id"] for a, _ in bearing)], sources)
    themed(fig, title=subtitled(title, [target[f"definition_{lang}"]], lang), x_title=axis_unit, y_title=None, source_line=foot(cites, lang), lang=lang,
           height=260 + 30 * len(bearing), value_axis="x")
    rows = [index.row_of[figure_id], *(index.row_of[a["figure_id"]] for a, _ in bearing)]  # whole rows, as a timeline's
    data = frame.iloc[rows].reset_index(drop=True).assign(lower_bound=[False, *(lb for _, lb in bearing)])
    return ChartSpec("progress", f"bullet-{figure_id}", title, fig,
                     data.assign(axis_unit=axis_unit, axis_divisor=divisor), cites, lang)


def _numbered(labels: list[str]) -> list[str]:
    """Labels made unique: two reports of one year would share a bar (plotly stacks equal categories)."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def _bar_label(actual: dict, lower_bound: bool, reference: Reference, lang: str) -> str:
    year = "" if pd.isna(actual["as_of_year"]) else int(actual["as_of_year"])
    label = f"{region_name(reference, actual['region_code'], lang)} {year}".strip()
    if lower_bound:
        label += t("punct.aside", lang, text=t("progress.lower_bound_short", lang))
    return label


def timeline_chart(frame: pd.DataFrame, reference: Reference, sources: dict[str, Source], region_code: str,
                   group: str, lang: str = "zh") -> ChartSpec:
    """A region's actuals of one comparability group over the years, its targets as lines (ranges as bands).

    Only figures of one group are joined: another definition is another group and another line.
    """
    rows = frame[(frame["region_code"] == region_code) & (frame["group"] == group)]
    actuals = rows[rows["kind"] == "actual"].sort_values("as_of_year")
    targets = rows[rows["kind"] == "target"]
    values = [v for column in ("base_value", "base_low", "base_high") for v in rows[column] if pd.notna(v)]
    divisor, axis_unit = axis_scale(max([abs(v) for v in values] + [0]), rows.iloc[0]["base_unit"], lang,
                                    reference.units)
    fig = go.Figure()
    records = actuals.to_dict("records")
    years = list(actuals["as_of_year"])
    drawn = [y for y in [*years, *targets["year"]] if pd.notna(y)]
    ends = (min(drawn), max(drawn)) if drawn else (None, None)
    fig.add_trace(go.Scatter(
        x=years, y=list(actuals["base_value"] / divisor), mode="lines+markers+text",
        name=t("progress.col.actual", lang), line={"color": KIND_COLORS["actual"]},
        text=[on_axis(a, divisor, lang) for a in records], textposition=label_positions(years, *ends), cliponaxis=False,
        customdata=[cell_text(with_year(a), lang, reference.units) for a in records],
        hovertemplate="%{customdata}<extra></extra>",
    ))
    for n, alike in enumerate(_same_targets(targets.to_dict("records"), lang, reference)):
        _draw_target(fig, alike, divisor, reference, lang, legend=n == 0)
    fig.update_xaxes(tickformat="d", dtick=1 if drawn and ends[1] - ends[0] <= 10 else None,
                     range=[ends[0] - 0.5, ends[1] + 0.5] if drawn else None)  # room for the end labels
    low, high = min(values + [0]) / divisor, max(values + [0]) / divisor
    fig.update_yaxes(range=[low * 1.15, high * 1.15 or 1])  # room for the labels over the top point
    entry = reference.groups[group]
    title = t("progress.timeline_title", lang, region=region_name(reference, region_code, lang),
              metric=localised(entry, lang))
    cites = _cites(rows["source_id"], sources)
    notes = [localised(entry, lang, "definition")]
    apart = other_definitions(frame, reference, region_code, group)
    if apart:
        notes.append(t("progress.timeline_apart", lang, groups=joined([localised(reference.groups[g], lang)
                                                                          for g in apart], lang)))
    themed(fig, title=subtitled(title, notes, lang), x_title=t("progress.year", lang), y_title=axis_unit, source_line=foot(cites, lang),
           lang=lang)
    return ChartSpec("progress", f"timeline-{region_code}-{group}", title, fig,
                     pd.concat([actuals, targets]).assign(axis_unit=axis_unit, axis_divisor=divisor), cites, lang)


def other_definitions(frame: pd.DataFrame, reference: Reference, region_code: str, group: str) -> list[str]:
    """Groups a reader could take for ``group`` that a timeline of it leaves out: the region's actuals
    of the same family, or of the same category counted in the same unit (Yinchuan's licensed internet
    hospitals beside its "internet hospitals and health firms")."""
    rows = frame[(frame["region_code"] == region_code) & (frame["kind"] == "actual")]
    mine = frame[frame["group"] == group].iloc[0]
    family = next((set(f.groups) for f in reference.families.values() if group in f.groups), set())
    alike = rows[rows["group"].isin(family)
                 | ((rows["category"] == mine["category"]) & (rows["base_unit"] == mine["base_unit"]))]
    return [g for g in dict.fromkeys(alike["group"]) if g != group]


def subtitled(title: str, notes: list[str], lang: str) -> str:
    """A chart title with its notes (the group's definition first) in small type under it, wrapped to fit."""
    notes = [n.rstrip("。. ") for n in notes if n]  # joined by the list's own mark, not a full stop and it
    lines = wrapped_lines(joined(notes, lang, "punct.list"), SUBTITLE_CHARS.get(lang, SUBTITLE_CHARS["zh"]))
    return title + "".join(f"<br><sup>{escape_text(line)}</sup>" for line in lines)


def label_positions(years: list, first, last) -> list[str]:
    """Where each point's label goes: above the point, pulled inward at the axis's ends (``first``,
    ``last``) so that it stays inside the plot, and under the point for a second figure of the same year."""
    seen: set = set()
    positions = []
    for year in years:
        year = None if pd.isna(year) else int(year)
        side = "left" if year == last and year != first else "right" if year == first and year != last else "center"
        positions.append(f"{'bottom' if year in seen else 'top'} {side}")
        seen.add(year)
    return positions


def _same_targets(targets: list[dict], lang: str, reference: Reference) -> list[list[dict]]:
    """Targets that read alike (one value, one qualifier) in groups, in order: one line and one label
    for each group, naming its years, rather than labels printed over each other on one line."""
    groups: dict[str, list[dict]] = {}
    for target in sorted(targets, key=lambda x: (pd.isna(x["year"]), 0 if pd.isna(x["year"]) else x["year"])):
        groups.setdefault(format_figure(target, lang, reference.units), []).append(target)
    return list(groups.values())


def _draw_target(fig: go.Figure, alike: list[dict], divisor: float, reference: Reference, lang: str,
                 legend: bool) -> None:
    """Targets of one value: their line (a band for a range) with one label, and a marker at each year."""
    first = alike[0]
    years = [str(int(x["year"])) for x in alike if pd.notna(x["year"])]
    label = t("progress.target_line", lang, year=joined(years, lang)).strip()
    label = t("format.labelled", lang, label=label, text=format_figure(first, lang, reference.units))
    if pd.notna(first["base_value"]):
        reference_line(fig, y=first["base_value"] / divisor, label=label, dash="dash", color=KIND_COLORS["target"])
    elif pd.notna(first["base_low"]):
        fig.add_hrect(y0=first["base_low"] / divisor, y1=first["base_high"] / divisor, line_width=0,
                      fillcolor=KIND_COLORS["target"], opacity=0.2, annotation_text=label,
                      annotation_position="top left")
    dated = [x for x in alike if pd.notna(x["year"])]
    if dated:
        value = first["base_value"] if pd.notna(first["base_value"]) else first["base_high"]
        fig.add_trace(go.Scatter(
            x=[int(x["year"]) for x in dated], y=[value / divisor] * len(dated), mode="markers",
            marker={"symbol": "diamond", "size": 12, "color": KIND_COLORS["target"]},
            name=t("progress.col.target", lang), legendgroup="target", showlegend=legend,
            hovertemplate=f"{html.escape(label, quote=False)}<extra></extra>"))


def page_charts(dataset: Dataset, frame: pd.DataFrame, regions: list[str] | None, lang: str,
                today: dt.date | None = None) -> list[ChartSpec]:
    """The page's charts: the statuses, a bullet per target with actuals, a timeline per timeline_keys pair."""
    ref, today = dataset.reference, today or dt.date.today()
    table = progress_table(frame, ref, today, lang, dataset.checks)
    keys = timeline_keys(frame)
    if regions:
        table = table[table["region_code"].isin(regions)]
        keys = [(code, group) for code, group in keys if code in regions]
    index = ActualIndex(frame, ref)
    specs = [status_chart(table, dataset.sources, lang)]
    specs += [bullet_chart(frame, ref, dataset.sources, figure_id, lang, index)
              for figure_id in table.loc[table["n_actuals"] > 0, "figure_id"]]
    specs += [timeline_chart(frame, ref, dataset.sources, code, group, lang) for code, group in keys]
    return specs
