"""Targets against actuals: one status per target, with attainment and time elapsed.

Which actuals count for a target: those of its comparability group (the same definition) and
its region; an actual of a region within it counts as a lower bound (for stocks and flows
only: a share of a part says nothing about the whole), and is shown as one.

The status (also shown on the page, see status_rule):
- achieved: an actual reaches the target (a range: its lower end; "at most": stays below);
- the deadline (31 December of the target year) has passed:
  missed — an actual as of the deadline year or later falls short;
  unreported — no actual as of the deadline year or later (the recorded search says when we looked);
- the deadline is ahead:
  on_track — attainment ≥ the share of time elapsed since the document; behind — otherwise;
  pace_unknown — an actual short of the target, but the document is undated, so the time elapsed
  (and with it the pace) cannot be known;
  no_actual_yet — nothing reported yet;
- no_deadline: the target states no year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from healthtargets.dataset.reference import Reference
from healthtargets.dataset.regions import region_name
from healthtargets.dataset.schema import Check
from healthtargets.i18n import col, joined, t

from .formatting import NOTHING, cell_text

STATUSES = ("achieved", "on_track", "behind", "pace_unknown", "missed", "unreported", "no_actual_yet", "no_deadline")
# What a cell, a status and a row of the table read of a figure (cell_text reads kind to base_unit).
_FIELDS = ("figure_id", "source_id", "source_date", "region_code", "metric", "group", "metric_zh", "metric_en",
           "kind", "qualifier", "value", "low", "high", "unit", "base_value", "base_low", "base_high", "base_unit",
           "year", "year_from_source_date", "as_of_year")


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


def _records(rows: pd.DataFrame, columns) -> list[dict]:
    """Rows as plain mappings of a few columns (far cheaper than iterrows or to_dict over every column)."""
    columns = [c for c in columns if c in rows.columns]
    return [dict(zip(columns, values)) for values in zip(*(rows[c].tolist() for c in columns))]


class ActualIndex:
    """Actuals by (comparability group, region), oldest first, built once for a whole table."""

    def __init__(self, frame: pd.DataFrame, reference: Reference):
        actuals = frame[frame["kind"] == "actual"].sort_values("as_of_year", kind="stable")
        self.reference = reference
        self.by_key: dict[tuple[str, str], list[dict]] = {}
        for record in _records(actuals, _FIELDS):
            self.by_key.setdefault((record["group"], record["region_code"]), []).append(record)
        self.row_of = {figure_id: n for n, figure_id in enumerate(frame["figure_id"])}  # ids are unique
        self.regions_of: dict[str, set[str]] = {}
        for group, code in self.by_key:
            self.regions_of.setdefault(group, set()).add(code)

    def bearing(self, target: dict) -> list[tuple[dict, bool]]:
        """(actual, lower bound?) for a target: its region's own, then each region within it (stocks and flows);
        for a group of what one year adds, only actuals of the target's year."""
        group, code = target["group"], target["region_code"]
        found = [(a, False) for a in self.by_key.get((group, code), [])]
        if self.reference.groups[group].per_resident and target["qualifier"] != "at_most":
            below = set(self.reference.descendants(code)) & self.regions_of.get(group, set())
            found += [(a, True) for child in sorted(below) for a in self.by_key[(group, child)]]
        if self.reference.groups[group].of_one_year:  # another year's additions are not this year's
            year = target["year"]
            found = [(a, lb) for a, lb in found if pd.notna(year) and pd.notna(a["as_of_year"]) and a["as_of_year"] == year]
        return found


@dataclass
class Assessment:
    status: str
    actual: dict | None  # the actual the status rests on
    lower_bound: bool  # that actual is a region within's, a lower bound
    deadline: dt.date | None
    elapsed: float | None
    attainment: float | None
    attainment_high: float | None


def _bounds(target: dict) -> tuple[float | None, float | None]:
    value = target["base_value"]
    if pd.isna(value):
        return target["base_low"], target["base_high"]
    return value, value


def reaches(target: dict, value: float) -> bool:
    """Whether a value meets the target: at least its (lower) end, or for "at most" at most its end."""
    low, high = _bounds(target)
    return value <= high if target["qualifier"] == "at_most" else value >= low


def assess(target: dict, bearing: list[tuple[dict, bool]], today: dt.date) -> Assessment:
    """The status of one target against the actuals that bear on it."""
    end = deadline(target["year"])
    start = target["source_date"] if isinstance(target["source_date"], dt.date) else None
    elapsed = elapsed_share(start, end, today)
    usable = [(a, lb) for a, lb in bearing if pd.notna(a["base_value"])]
    reached = [(a, lb) for a, lb in usable if reaches(target, a["base_value"])]
    own = [(a, lb) for a, lb in usable if not lb]
    if end is not None and today > end:  # the outcome: an actual as of the deadline year or later
        after = [(a, lb) for a, lb in own if pd.notna(a["as_of_year"]) and a["as_of_year"] >= end.year]
        if reached:
            status, (actual, bound) = "achieved", reached[-1]
        elif after:
            status, (actual, bound) = "missed", after[0]
        else:
            status, (actual, bound) = "unreported", (own[-1] if own else (None, False))
    elif reached:
        status, (actual, bound) = "achieved", reached[-1]
    elif not own:
        status, (actual, bound) = ("no_deadline" if end is None else "no_actual_yet"), (None, False)
    else:
        actual, bound = own[-1]
        pace = _attainment(target, actual["base_value"])[0]
        if end is None:
            status = "no_deadline"
        elif elapsed is None:
            status = "pace_unknown"
        else:  # an at-most target not kept is behind however much time is left
            status = "on_track" if target["qualifier"] != "at_most" and pace >= elapsed else "behind"
    low, high = _attainment(target, actual["base_value"]) if actual is not None else (None, None)
    return Assessment(status, actual, bound, end, elapsed, low,
                      high if target["qualifier"] == "range" else None)


def _attainment(target: dict, value: float) -> tuple[float | None, float | None]:
    low, high = _bounds(target)
    return (value / low if low else None), (value / high if high else None)


def progress_table(frame: pd.DataFrame, reference: Reference, today: dt.date, lang: str = "zh",
                   checks: list[Check] | None = None) -> pd.DataFrame:
    """Every target with its status, the actual it rests on, attainment and time elapsed; one row per target."""
    index, units = ActualIndex(frame, reference), reference.units
    searched = _searches(frame, checks or [])
    labels = {status: status_label(status, lang) for status in STATUSES}
    records = []
    for target in _records(frame[frame["kind"] == "target"], _FIELDS):
        bearing = index.bearing(target)
        result = assess(target, bearing, today)
        records.append({
            "figure_id": target["figure_id"], "region_code": target["region_code"],
            "region": region_name(reference, target["region_code"], lang), "metric": target["metric"],
            "group": target["group"], "metric_name": target[col("metric", lang)],
            "target": cell_text(target, lang, units), "year": target["year"], "deadline": result.deadline,
            "source_id": target["source_id"], "source_date": target["source_date"],
            "actual_id": None if result.actual is None else result.actual["figure_id"],
            "actual": _actual_text(result, reference, lang),
            "actual_year": None if result.actual is None or pd.isna(result.actual["as_of_year"])
            else int(result.actual["as_of_year"]),
            "lower_bound": result.lower_bound, "n_actuals": len(bearing),
            "attainment": result.attainment, "attainment_high": result.attainment_high,
            "attainment_text": attainment_text(result.attainment, result.attainment_high, lang),
            "elapsed": result.elapsed,
            "elapsed_text": NOTHING if result.elapsed is None else f"{result.elapsed:.0%}",
            "status": result.status, "status_label": labels[result.status],
            "checked": _search_of(searched, target).checked if _search_of(searched, target) else None,
            "note": _note(result, _search_of(searched, target), lang),
        })
    columns = ["figure_id", "region_code", "region", "metric", "group", "metric_name", "target", "year", "deadline",
               "source_id", "source_date", "actual_id", "actual", "actual_year", "lower_bound", "n_actuals",
               "attainment", "attainment_high", "attainment_text", "elapsed", "elapsed_text", "status",
               "status_label", "checked", "note"]
    table = pd.DataFrame.from_records(records, columns=columns)
    order = table["status"].map({k: i for i, k in enumerate(STATUSES)})
    return table.assign(_s=order).sort_values(["_s", "deadline", "region_code", "metric"], kind="stable",
                                              na_position="last").drop(columns="_s").reset_index(drop=True)


def _searches(frame: pd.DataFrame, checks: list[Check]) -> dict:
    """Recorded searches by target id, and by what they looked for (region, group, year): a search for a
    target's outcome answers for the same target stated again in another document."""
    found: dict = {}
    targets = frame.set_index("figure_id")
    for check in checks:
        found[check.target] = check
        if check.target in targets.index:
            row = targets.loc[check.target]
            found.setdefault((row["region_code"], row["group"], row["year"]), check)
    return found


def _search_of(searched: dict, target: dict) -> Check | None:
    return searched.get(target["figure_id"]) or searched.get((target["region_code"], target["group"], target["year"]))


def _actual_text(result: Assessment, reference: Reference, lang: str) -> str:
    actual = result.actual
    if actual is None:
        return NOTHING
    text = cell_text(with_year(actual), lang, reference.units)
    if result.lower_bound:
        bound = t("progress.lower_bound", lang, region=region_name(reference, actual["region_code"], lang))
        text += t("punct.aside", lang, text=bound)
    return text


def _note(result: Assessment, check: Check | None, lang: str) -> str:
    notes = []
    actual = result.actual
    if actual is not None and actual["year_from_source_date"]:
        notes.append(t("progress.year_as_of", lang, year=int(actual["as_of_year"])))
    if result.status == "unreported":
        notes.append(t("progress.searched", lang, date=check.checked.isoformat()) if check
                     else t("progress.not_searched", lang))
    if result.status in ("no_actual_yet",):
        notes.append(t("progress.no_actual_why", lang))
    return joined(notes, lang, "punct.list")


def with_year(actual) -> dict:
    """An actual whose missing year reads as its as-of year (the document's), for a cell."""
    row = dict(actual)
    if pd.isna(row.get("year")) and pd.notna(row.get("as_of_year")):
        row["year"] = row["as_of_year"]
    return row


def attainment_text(low: float | None, high: float | None, lang: str) -> str:
    """'200%'; for a range target '150%–75%' (against the lower and the upper end)."""
    if low is None or pd.isna(low):
        return NOTHING
    if high is not None and not pd.isna(high) and high != low:
        return t("progress.attainment_range", lang, low=f"{low:.0%}", high=f"{high:.0%}")
    return f"{low:.0%}"


def status_counts(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """How many targets have each status, in the statuses' order (zeros included)."""
    counts = table["status"].value_counts()
    return pd.DataFrame({"status": list(STATUSES), "label": [status_label(s, lang) for s in STATUSES],
                         "targets": [int(counts.get(s, 0)) for s in STATUSES]})


def filter_progress(table: pd.DataFrame, status: str | None = None, region: str | None = None) -> pd.DataFrame:
    """The progress table kept to one status and/or one region (None or '' keeps all)."""
    mask = pd.Series(True, index=table.index)
    if status:
        mask &= table["status"] == status
    if region:
        mask &= table["region_code"] == region
    return table[mask]


def timeline_keys(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """(region, comparability group) pairs with actuals in two or more years (a missing year reads as the
    document's): a line joins only actuals of one definition."""
    actuals = frame[frame["kind"] == "actual"]
    if actuals.empty:
        return []
    counts = actuals.groupby(["region_code", "group"])["as_of_year"].nunique()
    return [key for key, n in counts.items() if n >= 2]
