"""Targets against actuals: attainment, time elapsed and a status for every target.

The rule (also shown on the page, see STATUS_RULE):
- the actual used is the latest actual of the same metric and region; a child
  region's actual of the same metric (totals only) is a lower bound, used and
  marked when it is larger;
- attainment = actual ÷ target; a range target is measured against both ends;
- time elapsed = share of the time from the document's date to the deadline
  (31 December of the target year) that has passed by ``today``;
- achieved: attainment ≥ 100% (range: lower end reached; at-most: actual ≤ target);
  no_actual: nothing to compare; overdue: deadline passed without it;
  on_track: attainment ≥ time elapsed; behind: otherwise; undated: the target
  has no year or its document no date, so pace cannot be judged.
"""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import plotly.graph_objects as go

from healthtargets.charts.spec import ChartSpec
from healthtargets.dataset.load import Dataset
from healthtargets.dataset.reference import Reference
from healthtargets.dataset.regions import region_name
from healthtargets.dataset.schema import Source
from healthtargets.i18n import col, joined, t

from .compare import KIND_COLORS, per_resident_applies
from .formatting import NOTHING, axis_scale, cell_text, format_figure

STATUSES = ("achieved", "on_track", "behind", "overdue", "no_actual", "undated")


def status_rule(lang: str) -> str:
    """The status rule as a reader reads it."""
    return t("progress.rule", lang)


def status_label(status: str, lang: str) -> str:
    return t(f"progress.status.{status}", lang)


def deadline(year) -> dt.date | None:
    """The end of the target year."""
    return None if pd.isna(year) else dt.date(int(year), 12, 31)


def elapsed_share(start: dt.date | None, end: dt.date | None, today: dt.date) -> float | None:
    """Share of the time from start to end that has passed by today, within [0, 1]."""
    if start is None or end is None or pd.isna(start):
        return None
    total = (end - start).days
    if total <= 0:
        return 1.0
    return min(max((today - start).days / total, 0.0), 1.0)


# What a cell, a status and a row of the table read of a figure (cell_text reads kind to base_unit).
_FIELDS = ("figure_id", "source_id", "source_date", "region_code", "metric", "metric_zh", "metric_en", "kind",
           "qualifier", "value", "low", "high", "unit", "base_value", "base_low", "base_high", "base_unit", "year",
           "year_from_source_date")


def _records(rows: pd.DataFrame, columns) -> list[dict]:
    """Rows as plain mappings of a few columns (far cheaper than iterrows or to_dict over every column)."""
    columns = [c for c in columns if c in rows.columns]
    return [dict(zip(columns, values)) for values in zip(*(rows[c].tolist() for c in columns))]


class _Index:
    """Actuals by (metric, region), and the regions below each region, computed once for a whole table.

    ``metric`` keeps the actuals of one metric (enough for one target). Groups hold
    positions in ``actuals`` (sorted by as_of, stable), so a target's actuals are
    found by dictionary look-ups, not by scanning or slicing the table.
    """

    def __init__(self, frame: pd.DataFrame, reference: Reference, metric: str | None = None):
        actuals = frame[frame["kind"] == "actual"]
        if metric is not None:
            actuals = actuals[actuals["metric"] == metric]
        actuals = actuals.assign(as_of=actuals["as_of_year"])
        self.actuals = actuals.sort_values("as_of", kind="stable")
        self.empty = self.actuals.iloc[0:0].assign(lower_bound=pd.Series(dtype=bool))
        self.groups: dict[tuple[str, str], list[int]] = {}
        for pos, key in enumerate(zip(self.actuals["metric"].tolist(), self.actuals["region_code"].tolist())):
            self.groups.setdefault(key, []).append(pos)
        self.regions_of: dict[str, set[str]] = {}
        for metric_key, code in self.groups:
            self.regions_of.setdefault(metric_key, set()).add(code)
        self.reference = reference
        self.units = reference.units
        self._records: list[dict] | None = None

    def bearing(self, target) -> tuple[list[int], list[list[int]]]:
        """Positions of a target's own actuals, and of each child region's (in region-code order)."""
        metric, code = target["metric"], target["region_code"]
        own = self.groups.get((metric, code), [])
        children = []
        if per_resident_applies(target["base_unit"], self.units) and target["qualifier"] != "at_most":
            children = [self.groups[(metric, child)]
                        for child in sorted(set(self.reference.descendants(code)) & self.regions_of.get(metric, set()))]
        return own, children

    def record(self, pos: int) -> dict:
        """One actual as a plain mapping (the columns a cell and a status read)."""
        if self._records is None:
            self._records = _records(self.actuals, (*_FIELDS, "as_of"))
        return self._records[pos]


def actuals_for(frame: pd.DataFrame, reference: Reference, target, index: _Index | None = None) -> pd.DataFrame:
    """Every actual that bears on a target: same metric and region, or a child region's (lower bound).

    Columns added: ``lower_bound`` (from a child region), ``as_of`` (the frame's as_of_year: year, or the
    document's year when none is stated). A child's figure is a lower bound only
    for totals: a rate or share of a part says nothing about the whole.
    """
    if index is None:
        index = _Index(frame, reference, target["metric"])
    own, children = index.bearing(target)
    positions = own + [pos for group in children for pos in group]
    if not positions:
        return index.empty
    rows = index.actuals.iloc[positions].assign(lower_bound=[False] * len(own) + [True] * (len(positions) - len(own)))
    return rows.sort_values(["as_of", "lower_bound"], kind="stable")


def _chosen(index: _Index, own: list[int], children: list[list[int]]) -> tuple[dict | None, bool]:
    """The latest own actual, replaced by a larger lower bound (each child's latest) when there is one.

    Returns the chosen actual as a mapping, and whether it is a lower bound.
    """
    best = index.record(own[-1]) if own else None
    lower_bound = False
    for group in children:
        candidate = index.record(group[-1])
        if best is None or (pd.notna(candidate["base_value"]) and candidate["base_value"] > best["base_value"]):
            best, lower_bound = candidate, True
    return best, lower_bound


def assess(target: pd.Series, actual: pd.Series | None, today: dt.date) -> dict:
    """Attainment, time elapsed and status of one target against its chosen actual."""
    end = deadline(target["year"])
    start = target["source_date"] if isinstance(target["source_date"], dt.date) else None
    elapsed = elapsed_share(start, end, today)
    low = target["base_low"] if pd.isna(target["base_value"]) else target["base_value"]
    high = target["base_high"] if pd.isna(target["base_value"]) else target["base_value"]
    value = None if actual is None else actual["base_value"]
    att_low = None if value is None or pd.isna(value) or not low else value / low
    att_high = None if value is None or pd.isna(value) or not high else value / high
    if actual is None or att_low is None:
        status = "no_actual"
    elif (target["qualifier"] == "at_most" and value <= high) or (target["qualifier"] != "at_most" and att_low >= 1):
        status = "achieved"
    elif end is None or elapsed is None:
        status = "overdue" if end is not None and today > end else "undated"
    elif today > end:
        status = "overdue"
    elif target["qualifier"] != "at_most" and att_low >= elapsed:
        status = "on_track"
    else:
        status = "behind"
    return {"deadline": end, "elapsed": elapsed, "attainment": att_low,
            "attainment_high": att_high if target["qualifier"] == "range" else None, "status": status}


def progress_table(frame: pd.DataFrame, reference: Reference, today: dt.date, lang: str = "zh") -> pd.DataFrame:
    """Every target with its chosen actual, attainment, time elapsed and status; one row per target."""
    targets = frame[frame["kind"] == "target"]
    index = _Index(frame, reference)
    units = reference.units
    labels = {status: status_label(status, lang) for status in STATUSES}
    no_actual = t("progress.no_actual_why", lang)
    names: dict[str, str] = {}
    records = []
    for target in _records(targets, _FIELDS):
        own, children = index.bearing(target)
        actual, lower_bound = _chosen(index, own, children)
        result = assess(target, actual, today)
        notes = []
        actual_text = NOTHING
        if actual is not None:
            actual_text = cell_text(actual, lang, units)
            if actual["year_from_source_date"]:
                actual_text = cell_text(_with_year(actual), lang, units)
                notes.append(t("progress.year_as_of", lang, year=int(actual["as_of"])))
            if lower_bound:
                bound = t("progress.lower_bound", lang, region=region_name(reference, actual["region_code"], lang))
                actual_text += t("punct.aside", lang, text=bound)
            if result["deadline"] is not None and pd.notna(actual["as_of"]) and actual["as_of"] > result["deadline"].year:
                notes.append(t("progress.after_deadline", lang, year=int(actual["as_of"])))
        else:
            notes.append(no_actual)
        code = target["region_code"]
        if code not in names:
            names[code] = region_name(reference, code, lang)
        records.append({
            "figure_id": target["figure_id"], "region_code": code,
            "region": names[code], "metric": target["metric"],
            "metric_name": target[col("metric", lang)],
            "target": cell_text(target, lang, units), "year": target["year"], "deadline": result["deadline"],
            "source_id": target["source_id"], "source_date": target["source_date"],
            "actual_id": None if actual is None else actual["figure_id"],
            "actual": actual_text,
            "actual_year": None if actual is None or pd.isna(actual["as_of"]) else int(actual["as_of"]),
            "lower_bound": lower_bound,
            "n_actuals": len(own) + sum(len(group) for group in children),
            "attainment": result["attainment"], "attainment_high": result["attainment_high"],
            "attainment_text": attainment_text(result["attainment"], result["attainment_high"], lang),
            "elapsed": result["elapsed"],
            "elapsed_text": NOTHING if result["elapsed"] is None else f"{result['elapsed']:.0%}",
            "status": result["status"], "status_label": labels[result["status"]],
            "note": joined(notes, lang, "punct.list"),
        })
    columns = ["figure_id", "region_code", "region", "metric", "metric_name", "target", "year", "deadline",
               "source_id", "source_date", "actual_id", "actual", "actual_year", "lower_bound", "n_actuals",
               "attainment", "attainment_high", "attainment_text", "elapsed", "elapsed_text", "status",
               "status_label", "note"]
    table = pd.DataFrame.from_records(records, columns=columns)
    table["_s"] = table["status"].map({k: i for i, k in enumerate(STATUSES)})
    return table.sort_values(["_s", "region_code", "metric"], kind="stable").drop(columns="_s").reset_index(drop=True)


def _with_year(actual: pd.Series) -> pd.Series:
    row = actual.copy()
    row["year"] = actual["as_of"]
    return row


def attainment_text(low: float | None, high: float | None, lang: str) -> str:
    """'200%'; for a range target '150%–75%' (against the lower and the upper end)."""
    if low is None or pd.isna(low):
        return NOTHING
    if high is not None and not pd.isna(high) and high != low:
        return t("progress.attainment_range", lang, low=f"{low:.0%}", high=f"{high:.0%}")
    return f"{low:.0%}"


# ---------------------------------------------------------------- charts


def _cites(ids, sources: dict[str, Source]) -> list[Source]:
    return [sources[i] for i in dict.fromkeys(ids) if i in sources]


def bullet_chart(frame: pd.DataFrame, reference: Reference, sources: dict[str, Source], figure_id: str,
                 lang: str = "zh", today: dt.date | None = None) -> ChartSpec:
    """One target as a bullet: a bar per actual bearing on it, the target as a line (a band for a range)."""
    from healthtargets.charts.theme import foot, themed

    target = frame[frame["figure_id"] == figure_id].iloc[0]
    actuals = actuals_for(frame, reference, target)
    values = [v for v in (target["base_value"], target["base_low"], target["base_high"]) if pd.notna(v)]
    values += [v for v in actuals["base_value"] if pd.notna(v)]
    divisor, axis_unit = axis_scale(max([abs(v) for v in values] + [0]), target["base_unit"], lang, reference.units)
    fig = go.Figure()
    labels = []
    for _, actual in actuals.iterrows():
        year = "" if pd.isna(actual["as_of"]) else int(actual["as_of"])
        label = f"{region_name(reference, actual['region_code'], lang)} {year}".strip()
        if actual["lower_bound"]:
            label += t("punct.aside", lang, text=t("progress.lower_bound_short", lang))
        labels.append(label)
    if len(actuals):
        fig.add_trace(go.Bar(
            y=labels, x=list(actuals["base_value"] / divisor), orientation="h", name=t("progress.col.actual", lang),
            marker={"color": [KIND_COLORS["actual"] if not lb else "#f0b48a" for lb in actuals["lower_bound"]]},
            text=[cell_text(_with_year(a) if pd.isna(a["year"]) else a, lang, reference.units) for _, a in actuals.iterrows()],
            textposition="auto", hovertemplate="%{y}: %{text}<extra></extra>",
        ))
    target_label = cell_text(target, lang, reference.units)
    if pd.notna(target["base_value"]):
        fig.add_vline(x=target["base_value"] / divisor, line_color=KIND_COLORS["target"], line_width=3,
                      annotation_text=target_label, annotation_position="top")
    elif pd.notna(target["base_low"]) and pd.notna(target["base_high"]):
        fig.add_vrect(x0=target["base_low"] / divisor, x1=target["base_high"] / divisor,
                      fillcolor=KIND_COLORS["target"], opacity=0.25, line_width=0,
                      annotation_text=target_label, annotation_position="top left")
    if not len(actuals):
        fig.add_annotation(text=t("progress.no_actual_why", lang), showarrow=False, xref="paper", yref="paper",
                           x=0.5, y=0.5, font={"size": 14, "color": "#607d8b"})
        fig.update_yaxes(visible=False)
    fig.update_xaxes(rangemode="tozero")
    region = region_name(reference, target["region_code"], lang)
    metric = target[col("metric", lang)]
    title = t("progress.bullet_title", lang, region=region, metric=metric)
    cites = _cites([target["source_id"], *actuals["source_id"]], sources)
    themed(fig, title=title, x_title=axis_unit, y_title=None, source_line=foot(cites, lang), lang=lang,
           height=260 + 30 * len(actuals))
    data = pd.concat([frame[frame["figure_id"] == figure_id].assign(lower_bound=False, as_of=target["year"]), actuals])
    return ChartSpec("progress", f"bullet-{figure_id}", title, fig, data.assign(axis_unit=axis_unit,
                     axis_divisor=divisor), cites, lang)


def timeline_keys(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """(region, metric) pairs with actuals in two or more years (a missing year reads as the document's)."""
    actuals = frame[frame["kind"] == "actual"]
    if actuals.empty:
        return []
    counts = actuals.groupby(["region_code", "metric"])["as_of_year"].nunique()
    return [key for key, n in counts.items() if n >= 2]


def timeline_chart(frame: pd.DataFrame, reference: Reference, sources: dict[str, Source], region_code: str,
                   metric: str, lang: str = "zh") -> ChartSpec:
    """A region's actuals of one metric over the years, its targets as lines (ranges as bands)."""
    from healthtargets.charts.theme import foot, themed

    rows = frame[(frame["region_code"] == region_code) & (frame["metric"] == metric)]
    actuals = rows[rows["kind"] == "actual"]
    actuals = actuals.assign(as_of=actuals["as_of_year"]).sort_values("as_of")
    targets = rows[rows["kind"] == "target"]
    values = [v for column in ("base_value", "base_low", "base_high") for v in rows[column] if pd.notna(v)]
    first = rows.iloc[0]
    divisor, axis_unit = axis_scale(max([abs(v) for v in values] + [0]), first["base_unit"], lang, reference.units)
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=list(actuals["as_of"]), y=list(actuals["base_value"] / divisor), mode="lines+markers+text",
        name=t("progress.col.actual", lang), line={"color": KIND_COLORS["actual"]},
        text=[cell_text(_with_year(a), lang, reference.units) for _, a in actuals.iterrows()], textposition="top center",
        hovertemplate="%{text}<extra></extra>",
    ))
    for _, target in targets.iterrows():
        label = t("progress.target_line", lang, year="" if pd.isna(target["year"]) else int(target["year"])).strip()
        label = t("format.labelled", lang, label=label, text=format_figure(target, lang, reference.units))
        if pd.notna(target["base_value"]):
            fig.add_hline(y=target["base_value"] / divisor, line_dash="dash", line_color=KIND_COLORS["target"],
                          annotation_text=label, annotation_position="top left")
        elif pd.notna(target["base_low"]):
            fig.add_hrect(y0=target["base_low"] / divisor, y1=target["base_high"] / divisor, line_width=0,
                          fillcolor=KIND_COLORS["target"], opacity=0.2, annotation_text=label,
                          annotation_position="top left")
        if pd.notna(target["year"]):
            fig.add_trace(go.Scatter(x=[int(target["year"])], y=[(target["base_value"] if pd.notna(
                target["base_value"]) else target["base_high"]) / divisor], mode="markers",
                marker={"symbol": "diamond", "size": 12, "color": KIND_COLORS["target"]},
                name=t("progress.col.target", lang), hovertemplate=f"{html.escape(label, quote=False)}<extra></extra>"))
    fig.update_xaxes(tickformat="d", dtick=1 if (actuals["as_of"].max() - actuals["as_of"].min()) <= 10 else None)
    fig.update_yaxes(rangemode="tozero")
    region = region_name(reference, region_code, lang)
    metric_name = first[col("metric", lang)]
    title = t("progress.timeline_title", lang, region=region, metric=metric_name)
    cites = _cites(rows["source_id"], sources)
    themed(fig, title=title, x_title=t("progress.year", lang), y_title=axis_unit, source_line=foot(cites, lang),
           lang=lang)
    return ChartSpec("progress", f"timeline-{region_code}-{metric}", title, fig,
                     pd.concat([actuals, targets]).assign(axis_unit=axis_unit, axis_divisor=divisor), cites, lang)


def filter_progress(table: pd.DataFrame, status: str | None = None, region: str | None = None) -> pd.DataFrame:
    """The progress table kept to one status and/or one region (None or '' keeps all)."""
    mask = pd.Series(True, index=table.index)
    if status:
        mask &= table["status"] == status
    if region:
        mask &= table["region_code"] == region
    return table[mask]


def page_charts(dataset: Dataset, frame: pd.DataFrame, regions: list[str] | None, lang: str,
                today: dt.date | None = None) -> list[ChartSpec]:
    """The page's charts: a bullet per target with actuals, a timeline per timeline_keys pair."""
    ref, today = dataset.reference, today or dt.date.today()
    table = progress_table(frame, ref, today, lang)
    keys = timeline_keys(frame)
    if regions:
        table = table[table["region_code"].isin(regions)]
        keys = [(code, metric) for code, metric in keys if code in regions]
    specs = [bullet_chart(frame, ref, dataset.sources, figure_id, lang, today)
             for figure_id in table.loc[table["n_actuals"] > 0, "figure_id"]]
    specs += [timeline_chart(frame, ref, dataset.sources, code, metric, lang) for code, metric in keys]
    return specs
