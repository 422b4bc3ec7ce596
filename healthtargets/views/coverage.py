"""How far the corpus answers its headline questions: documents, regions, families, past targets.

What `python -m healthtargets stats` prints: documents and regions by level; for each family
(data/metrics.yaml's families) and each of its comparability groups, the regions with figures,
with targets, with actuals and with both; the targets whose deadline has passed, by whether
an outcome was reported (an actual reaching the target, or one as of the deadline year or
later), a search for it is recorded, or neither.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from healthtargets.dataset.load import Dataset
from healthtargets.dataset.regions import COUNTRY

from .progress import progress_table

LEVELS = ("country", "province", "prefecture", "county")


@dataclass
class GroupCoverage:
    family: str
    group: str
    regions: int  # regions (the country aside) with figures of the group
    with_targets: int
    with_actuals: int
    with_both: int


@dataclass
class Coverage:
    documents: int
    stored_texts: int
    figures: int
    regions_by_level: dict[str, int]
    groups: list[GroupCoverage]
    past_targets: int
    with_outcome: int
    searched_only: int
    neither: list[str]  # ids of past targets with no outcome and no recorded search

    def best(self, family: str) -> GroupCoverage | None:
        """The family's group that reaches the most regions."""
        return max((g for g in self.groups if g.family == family), key=lambda g: (g.regions, g.with_both), default=None)


def coverage(dataset: Dataset, frame: pd.DataFrame, today: dt.date) -> Coverage:
    codes = set(frame["region_code"]) | {s.region for s in dataset.sources.values()}
    levels = pd.Series([dataset.reference.regions[c].level for c in codes]).value_counts()
    rows = frame[frame["region_code"] != COUNTRY]
    groups = []
    for family in dataset.reference.families.values():
        for group in family.groups:
            part = rows[rows["group"] == group]
            targets, actuals = set(part.loc[part["kind"] == "target", "region_code"]), \
                set(part.loc[part["kind"] == "actual", "region_code"])
            groups.append(GroupCoverage(family.key, group, part["region_code"].nunique(), len(targets), len(actuals),
                                        len(targets & actuals)))
    table = progress_table(frame, dataset.reference, today, "en", dataset.checks)
    past = table[table["deadline"].notna() & (table["deadline"] < today)]
    outcome = past["status"].isin(("achieved", "missed"))
    searched = past["checked"].notna() & ~outcome
    return Coverage(
        documents=len(dataset.sources), stored_texts=sum(s.stored_text for s in dataset.sources.values()),
        figures=len(dataset.figures), regions_by_level={level: int(levels.get(level, 0)) for level in LEVELS},
        groups=groups, past_targets=len(past), with_outcome=int(outcome.sum()), searched_only=int(searched.sum()),
        neither=list(past.loc[~outcome & ~searched, "figure_id"]),
    )


def _regions_line(by_level: dict[str, int]) -> str:
    """'regions below the country with figures or documents: 69 (27 province-level, …)'; the country apart."""
    below = {level: n for level, n in by_level.items() if level != "country"}
    return (f"regions below the country with figures or documents: {sum(below.values())} ("
            + ", ".join(f"{n} {level}-level" for level, n in below.items()) + ")"
            + ("; and the country itself (national benchmarks)" if by_level.get("country") else ""))


def report(result: Coverage, families: dict) -> str:
    """The coverage as a plain-text report."""
    lines = [f"documents: {result.documents} ({result.stored_texts} stored texts, "
             f"{result.documents - result.stored_texts} public material); figures: {result.figures}",
             _regions_line(result.regions_by_level), ""]
    lines.append(f"{'family / comparability group':<46} {'regions':>7} {'targets':>7} {'actuals':>7} {'both':>5}")
    for key, family in families.items():
        lines.append(family.en)
        for g in (g for g in result.groups if g.family == key):
            lines.append(f"  {g.group:<44} {g.regions:>7} {g.with_targets:>7} {g.with_actuals:>7} {g.with_both:>5}")
    share = result.with_outcome / result.past_targets if result.past_targets else 0.0
    lines += ["", f"targets whose deadline has passed: {result.past_targets}",
              f"  with a reported outcome: {result.with_outcome} ({share:.0%})",
              f"  with a recorded search and no outcome: {result.searched_only}",
              f"  with neither: {len(result.neither)}" + (f" ({', '.join(result.neither)})" if result.neither else "")]
    return "\n".join(lines) + "\n"
