"""Regions side by side: a matrix of what is known, and grouped bars of one comparability group.

A cell of the matrix lists every figure of its metric (or group) and region, as
"target 2026: ≥3,000 beds"; "—" says nothing is known. Bars tell targets and
actuals apart by colour and pattern; a per-resident reading divides by the
gazetteer's latest population and says where it is unknown. National figures of
the same metric (region 100000) are reference lines.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from healthtargets.charts.spec import ChartSpec
from healthtargets.charts.theme import KIND_COLORS, PLOT_WIDTH, escape_text, foot, reference_line, themed, wrapped_lines
from healthtargets.dataset.load import Dataset
from healthtargets.dataset.reference import Group, Reference
from healthtargets.dataset.regions import COUNTRY, region_name
from healthtargets.dataset.schema import Source
from healthtargets.dataset.units import UnitTable
from healthtargets.i18n import col, joined, localised, t

from .formatting import (
    NOTHING,
    axis_scale,
    cell_text,
    format_base,
    kind_label,
    number,
    per_resident_reading,
)

MIN_REGIONS, MAX_REGIONS = 2, 6
SUBTITLE_CHARS = {"zh": 52, "en": 100}  # a subtitle line under the title, to fit a plot PLOT_WIDTH px wide
KIND_ORDER = {"target": 0, "actual": 1, "forecast": 2}
KIND_PATTERNS = {"target": "/", "actual": "", "forecast": "."}


def region_groups(frame: pd.DataFrame) -> dict[str, set[str]]:
    """The comparability groups each region (the country aside) has figures in."""
    rows = frame.loc[frame["region_code"] != COUNTRY, ["region_code", "group"]].drop_duplicates()
    found: dict[str, set[str]] = {}
    for code, group in zip(rows["region_code"].tolist(), rows["group"].tolist()):
        found.setdefault(code, set()).add(group)
    return dict(sorted(found.items()))


def shared_groups(groups: dict[str, set[str]], codes: list[str]) -> set[str]:
    """Groups with figures in at least two of the regions: what can be set side by side."""
    seen: dict[str, int] = {}
    for code in codes:
        for group in groups.get(code, ()):
            seen[group] = seen.get(group, 0) + 1
    return {group for group, n in seen.items() if n >= 2}


def default_regions(frame: pd.DataFrame, limit: int = 5) -> list[str]:
    """The regions that share the most comparability groups: the best pair, then each region that
    keeps at least two groups common to all, while there is room (at most ``limit``)."""
    groups = region_groups(frame)
    codes = sorted(groups)
    best = _best_pair(groups, codes)
    if best is None:
        return codes[:MIN_REGIONS]
    chosen, common = list(best), groups[best[0]] & groups[best[1]]
    while len(chosen) < limit:
        options = [(len(common & groups[c]), c) for c in codes if c not in chosen]
        if not options:
            break
        n, code = max(options, key=lambda o: (o[0], -int(o[1])))
        if n < 2:
            break
        chosen.append(code)
        common &= groups[code]
    return chosen


def _best_pair(groups: dict[str, set[str]], codes: list[str]) -> tuple[str, str] | None:
    """The two regions sharing the most groups (the lowest codes among ties), or None when no two share one.

    Counted for all pairs at once as a product of the regions × groups incidence matrix: a few
    milliseconds for the 3,000 counties of a national data set, where comparing pairs one by one took seconds.
    """
    if len(codes) < 2:
        return None
    keys = sorted(set().union(*groups.values()))
    column = {key: j for j, key in enumerate(keys)}
    has = np.zeros((len(codes), len(keys)), dtype=np.float32)  # floats: the product runs in BLAS
    for i, code in enumerate(codes):
        has[i, [column[g] for g in groups[code]]] = 1
    shared = np.triu(has @ has.T, k=1).round()
    most = int(shared.max())
    if most == 0:
        return None
    i, j = np.argwhere(shared == most)[0]  # row-major: the lowest first code, then the lowest second
    return codes[i], codes[j]


def overlap_suggestions(frame: pd.DataFrame, codes: list[str], limit: int = 6) -> list[tuple[str, int]]:
    """Regions outside the selection that share groups with it: (code, groups shared), most first."""
    groups = region_groups(frame)
    chosen = set().union(*(groups.get(c, set()) for c in codes)) if codes else set()
    found = [(code, len(chosen & mine)) for code, mine in groups.items() if code not in codes]
    found = [(code, n) for code, n in found if n]
    return sorted(found, key=lambda x: (-x[1], x[0]))[:limit]


def clamp_regions(codes: list[str], known: set[str] | None = None) -> list[str]:
    """Unique known codes, at most six."""
    out = [c for c in dict.fromkeys(codes) if known is None or c in known]
    return out[:MAX_REGIONS]


def _sort(rows: pd.DataFrame) -> pd.DataFrame:
    return rows.assign(_k=rows["kind"].map(KIND_ORDER).fillna(9), _y=rows["year"].astype("Float64").fillna(9999)) \
        .sort_values(["_k", "_y", "figure_id"]).drop(columns=["_k", "_y"])


def compare_matrix(frame: pd.DataFrame, codes: list[str], reference: Reference, by: str = "category",
                   lang: str = "zh", key: str | None = None, benchmarks: bool = True) -> pd.DataFrame:
    """Metrics (by="category") or comparability groups (by="group") × regions.

    Each cell joins the cell texts of its figures with a line break, "—" when none.
    ``key`` keeps one category or group. A last column holds the national figures
    (region 100000) of the same rows, when there are any and the country is not
    itself among ``codes``.
    """
    chosen = frame[frame["region_code"].isin(codes)]
    if key:
        chosen = chosen[chosen[by] == key]
    row_key = "metric" if by == "category" else "group"
    outer = col("category" if by == "category" else "group", lang)
    inner = col("metric", lang)
    keys = list(dict.fromkeys(_sort_rows(chosen, by, reference)[row_key]))
    national = frame[(frame["region_code"] == COUNTRY) & frame[row_key].isin(keys)] \
        if benchmarks and COUNTRY not in codes else frame.iloc[0:0]
    columns = [region_name(reference, c, lang) for c in codes]
    national_col = t("compare.national", lang)
    cells = _cells(pd.concat([chosen, national]), row_key, lang, by == "group", reference.units)
    firsts = {row[row_key]: row for row in chosen.drop_duplicates(row_key)[[row_key, outer, inner]].to_dict("records")}
    records = []
    for k in keys:
        first = firsts[k]
        record = {t("compare.col_category" if by == "category" else "compare.col_group", lang): first[outer]}
        if by == "category":
            record[t("compare.col_metric", lang)] = first[inner]
        for code, column in zip(codes, columns):
            record[column] = cells.get((k, code), NOTHING)
        if len(national):
            record[national_col] = cells.get((k, COUNTRY), NOTHING)
        records.append(record)
    header = [t("compare.col_category" if by == "category" else "compare.col_group", lang)]
    if by == "category":
        header.append(t("compare.col_metric", lang))
    header += columns + ([national_col] if len(national) else [])
    return pd.DataFrame(records, columns=header)


def matrix_file_table(matrix: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The matrix as its CSV or Excel file holds it: a cell's figures, one a line on the page, joined by
    the language's list separator ("；" / "; "), so that a row of the matrix stays one line of the file."""
    separator = t("punct.list", lang)
    return matrix.map(lambda cell: separator.join(cell.splitlines()) if isinstance(cell, str) else cell)


def _cells(rows: pd.DataFrame, row_key: str, lang: str, by_group: bool, units: UnitTable) -> dict[tuple[str, str], str]:
    """(row key, region) -> the cell's text: its figures' cell texts, one a line, kind then year order.

    In a group's row, each text names its metric when the row holds more than one metric.
    """
    if rows.empty:
        return {}
    rows = _sort(rows)
    metric_name = col("metric", lang)
    several = rows.groupby(row_key)["metric"].nunique().to_dict() if by_group else {}
    out: dict[tuple[str, str], list[str]] = {}
    for row in rows.to_dict("records"):
        text = cell_text(row, lang, units)
        if several.get(row[row_key], 0) > 1:
            text = f"{row[metric_name]} · {text}"
        out.setdefault((row[row_key], row["region_code"]), []).append(text)
    return {key: "\n".join(texts) for key, texts in out.items()}


def _sort_rows(rows: pd.DataFrame, by: str, reference: Reference) -> pd.DataFrame:
    """In the catalogue's order: categories, groups and metrics as data/metrics.yaml lists them."""
    rank = {name: {k: i for i, k in enumerate(getattr(reference, name))} for name in ("categories", "groups", "metrics")}
    first = ("category", rank["categories"]) if by == "category" else ("group", rank["groups"])
    order = rows.assign(_a=rows[first[0]].map(first[1]).fillna(1e9), _b=rows["metric"].map(rank["metrics"]).fillna(1e9))
    return order.sort_values(["_a", "_b"], kind="stable")


def groups_compared(frame: pd.DataFrame, codes: list[str], category: str | None = None) -> list[str]:
    """Comparability groups with figures in two or more of the chosen regions, most regions first."""
    chosen = frame[frame["region_code"].isin(codes)]
    if category:
        chosen = chosen[chosen["category"] == category]
    if chosen.empty:
        return []
    cover = chosen.groupby("group")["region_code"].nunique().rename("n").reset_index()
    cover = cover[cover["n"] >= 2]
    return list(cover.sort_values(["n", "group"], ascending=[False, True])["group"])


def per_resident_why(group: Group, lang: str) -> str | None:
    """Why a group's figures are not divided by population (None when they are)."""
    return None if group.per_resident else t(f"compare.per_resident_why.{group.scope}", lang)


def population_notes(frame: pd.DataFrame, codes: list[str], reference: Reference, lang: str) -> list[str]:
    """Which population each region's per-resident values use, and where it is unknown."""
    notes = []
    for code in codes:
        region = reference.regions.get(code)
        name = region_name(reference, code, lang)
        pop = region.latest_population if region else None
        if pop is None:
            notes.append(t("compare.pop_unknown", lang, region=name))
        else:
            notes.append(t("compare.pop_known", lang, region=name, year=pop.year, value=format_base(
                pop.value, "person", lang, reference.units)))
    return notes


def bar_data(frame: pd.DataFrame, codes: list[str], group: str, reference: Reference, lang: str = "zh",
             per_resident: bool = False) -> pd.DataFrame:
    """One row per figure of a group in the chosen regions, in region order, for the grouped bars.

    ``shown`` is the value drawn (base unit, or per resident); for a range it is the
    midpoint and ``err_minus``/``err_plus`` reach the ends. Figures that cannot be
    drawn (per resident without population) keep ``shown`` empty and say why in ``why``.
    """
    rows = frame[frame["region_code"].isin(codes) & (frame["group"] == group)]
    units = reference.units
    not_divided = per_resident_why(reference.groups[group], lang) if group in reference.groups else None
    order = {c: i for i, c in enumerate(codes)}
    records = []
    for _, row in rows.iterrows():
        value, low, high = row["base_value"], row["base_low"], row["base_high"]
        if pd.isna(value) and pd.notna(low) and pd.notna(high):
            value = (low + high) / 2
        why = ""
        factor = 1.0
        if per_resident:
            if not row["per_resident_applies"]:
                why = not_divided or t("compare.not_total", lang)
            elif pd.isna(row["population"]):
                why = t("compare.no_population", lang)
            else:
                factor = per_resident_reading(row["base_unit"], lang, units)[0] / float(row["population"])
        shown = None if why or pd.isna(value) else value * factor
        records.append({
            "region_code": row["region_code"], "region": region_name(reference, row["region_code"], lang),
            "metric": row["metric"], "metric_name": row[col("metric", lang)], "kind": row["kind"],
            "kind_name": kind_label(row["kind"], lang),
            "year": row["year"], "text": cell_text(row, lang, units), "qualifier": row["qualifier"],
            "shown": shown,
            "err_minus": None if shown is None or pd.isna(low) else shown - low * factor,
            "err_plus": None if shown is None or pd.isna(high) else high * factor - shown,
            "population_year": row["population_year"] if per_resident else pd.NA,
            "why": why, "figure_id": row["figure_id"], "source_id": row["source_id"],
            "base_unit": row["base_unit"], "_order": order[row["region_code"]],
            "_k": KIND_ORDER.get(row["kind"], 9),
        })
    data = pd.DataFrame.from_records(records, columns=[
        "region_code", "region", "metric", "metric_name", "kind", "kind_name", "year", "text", "qualifier",
        "shown", "err_minus", "err_plus", "population_year", "why", "figure_id", "source_id", "base_unit",
        "_order", "_k"])
    data = data.sort_values(["_order", "_k", "year", "metric"], na_position="first", kind="stable")
    return data.drop(columns=["_order", "_k"]).reset_index(drop=True)


def benchmark_data(frame: pd.DataFrame, group: str, reference: Reference, lang: str = "zh",
                   per_resident: bool = False) -> pd.DataFrame:
    """National figures (region 100000) of the group's metrics that can stand as reference lines.

    A rate is a benchmark as it is; a national total only in the per-resident reading
    (dividing by the country's population). The latest year of each metric is kept.
    """
    rows = frame[(frame["region_code"] == COUNTRY) & (frame["group"] == group) & (frame["kind"] == "actual")]
    if rows.empty:
        return rows.assign(shown=pd.Series(dtype=float), text=pd.Series(dtype=str))
    rows = rows.sort_values("year").groupby("metric", as_index=False).tail(1)
    unit, units = rows["base_unit"].iloc[0], reference.units
    if reference.groups[group].per_resident:
        if not per_resident:
            return rows.iloc[0:0].assign(shown=pd.Series(dtype=float), text=pd.Series(dtype=str))
        mult = per_resident_reading(unit, lang, units)[0]
        rows = rows[rows["population"].notna()]
        shown = rows["base_value"] * mult / rows["population"].astype(float)
    else:
        shown = rows["base_value"]
    return rows.assign(shown=shown, text=[cell_text(r, lang, units) for _, r in rows.iterrows()])


def scope_notes(frame: pd.DataFrame, reference: Reference, group: str, lang: str = "zh",
                codes: list[str] | None = None) -> list[str]:
    """The group's definition, then what each compared metric covers within it."""
    notes = []
    entry = reference.groups.get(group)
    if entry is not None:
        notes.append(localised(entry, lang, "definition"))
    rows = frame[frame["group"] == group]
    if codes is not None:
        rows = rows[rows["region_code"].isin(codes)]
    for key in dict.fromkeys(rows["metric"]):
        metric = reference.metrics[key]
        scope = localised(metric, lang, "scope")
        if scope:
            notes.append(t("format.labelled", lang, label=reference.metric_name(key, lang), text=scope))
    return notes


def compare_chart(frame: pd.DataFrame, sources: dict[str, Source], codes: list[str], group: str,
                  reference: Reference, lang: str = "zh", per_resident: bool = False, log: bool = False,
                  page: str = "compare", chart_name: str | None = None, title: str | None = None,
                  plot_width: int = PLOT_WIDTH) -> ChartSpec:
    """Grouped bars of one comparability group: regions along x, one bar per figure.

    Targets are hatched, actuals solid, and the legend says so even with one kind drawn;
    a range is drawn at its midpoint with whiskers to its ends; national benchmarks are
    dashed horizontal lines. Labels along x wrap to fit ``plot_width`` px.
    """

    data = bar_data(frame, codes, group, reference, lang, per_resident)
    marks = benchmark_data(frame, group, reference, lang, per_resident)
    entry = reference.groups.get(group)
    group_name = localised(entry, lang) if entry else group
    base_unit = data["base_unit"].iloc[0] if len(data) else (entry.unit if entry else "")
    drawn = data[data["shown"].notna()]
    magnitude = max([abs(v) for v in drawn["shown"]] + [abs(v) for v in marks["shown"]] + [0])
    if per_resident and entry is not None and entry.per_resident:
        axis_unit = per_resident_reading(base_unit, lang, reference.units)[1]
        divisor = 1.0
    else:
        divisor, axis_unit = axis_scale(magnitude, base_unit, lang, reference.units)
    fig = go.Figure()
    _add_bars(fig, drawn, divisor, lang, several=data["metric"].nunique() > 1)
    _add_benchmarks(fig, marks, divisor, lang)
    fig.update_layout(barmode="overlay", bargap=0.25, showlegend=True)
    if log:
        fig.update_yaxes(type="log")
    elif len(drawn):
        fig.update_yaxes(rangemode="tozero")
    title = title or t("compare.chart_title", lang, group=group_name)
    if per_resident:
        title += t("compare.chart_per_resident", lang)
    cited_ids = list(dict.fromkeys(list(data["source_id"]) + list(marks["source_id"])))
    cites = [sources[i] for i in cited_ids if i in sources]
    missing = [region_name(reference, c, lang) for c in codes]
    missing = [n for n in missing if n not in set(drawn["region"])]
    shown_title = title + _subtitle(entry, missing, population_notes(frame, codes, reference, lang) if per_resident else [],
                                    lang, plot_width)
    themed(fig, title=shown_title, x_title=t("compare.chart_x", lang), y_title=axis_unit,
           source_line=foot(cites, lang), lang=lang, height=460, plot_width=plot_width)
    name = chart_name or f"{group}-{'-'.join(codes)}" + ("-per-resident" if per_resident else "") + ("-log" if log else "")
    table = data.drop(columns=["region_code"]).assign(
        axis_unit=axis_unit, group=group, definition=localised(entry, lang, "definition") if entry else "",
        per_resident_why=(per_resident_why(entry, lang) or "") if entry else "")
    return ChartSpec(page, name, title, fig, table, cites, lang)


def _add_bars(fig: go.Figure, drawn: pd.DataFrame, divisor: float, lang: str, several: bool) -> None:
    """One bar trace per kind: regions along x (a second level names the figure), targets hatched."""
    for kind in ("target", "actual", "forecast"):
        part = drawn[drawn["kind"] == kind]
        if part.empty:
            continue
        sub = [_sub_label(r, lang, several) for _, r in part.iterrows()]
        has_err = part["err_plus"].notna().any()
        fig.add_trace(go.Bar(
            x=[list(part["region"]), sub], y=list(part["shown"] / divisor), name=t(f"compare.bar.{kind}", lang),
            marker={"color": KIND_COLORS[kind], "pattern": {"shape": KIND_PATTERNS[kind], "fillmode": "overlay"}},
            error_y={"type": "data", "symmetric": False, "array": list(part["err_plus"].fillna(0) / divisor),
                     "arrayminus": list(part["err_minus"].fillna(0) / divisor), "visible": bool(has_err)},
            text=list(part["text"]), textposition="none",
            customdata=list(part["metric_name"]),
            hovertemplate="%{x}<br>%{customdata}<br>%{text}<extra></extra>",
        ))


def _add_benchmarks(fig: go.Figure, marks: pd.DataFrame, divisor: float, lang: str) -> None:
    """National benchmarks: a dashed line each, labelled with its year and value."""
    for _, mark in marks.iterrows():
        label = f"{t('compare.national', lang)} {'' if pd.isna(mark['year']) else int(mark['year'])}".strip()
        reference_line(fig, y=mark["shown"] / divisor, label=f"{label}: {number(mark['shown'] / divisor, 3)}",
                       dash="dash", color="#5f6b73")


def _subtitle(entry, missing: list[str], population: list[str], lang: str, plot_width: int) -> str:
    """The lines under the title: the group's definition, the regions without a figure, the populations used."""
    notes = [localised(entry, lang, "definition")] if entry is not None else []
    if missing:
        notes.append(t("compare.chart_missing", lang, regions=joined(missing, lang)))
    notes += population
    width = SUBTITLE_CHARS.get(lang, SUBTITLE_CHARS["zh"]) * plot_width // PLOT_WIDTH
    lines = wrapped_lines(joined([n.rstrip("。. ") for n in notes], lang, "punct.list"), width)
    return "".join(f"<br><sup>{escape_text(line)}</sup>" for line in lines)


def _sub_label(row, lang: str, several: bool) -> str:
    year = row["year"]
    head = f"{row['kind_name']} {int(year)}" if pd.notna(year) else row["kind_name"]
    if several:
        head = f"{head}<br>{row['metric_name']}"
    return head


def page_charts(dataset: Dataset, frame: pd.DataFrame, regions: list[str] | None, lang: str) -> list[ChartSpec]:
    """One chart per comparability group the regions share (the page's default regions when none are given)."""
    codes = regions or default_regions(frame)
    return [compare_chart(frame, dataset.sources, codes, group, dataset.reference, lang)
            for group in groups_compared(frame, codes)]
