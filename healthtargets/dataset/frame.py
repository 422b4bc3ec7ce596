"""The tidy figures table: one row per figure, joined with its source, region and metric."""

from __future__ import annotations

import pandas as pd

from healthtargets.i18n import t

from .collector import paused
from .load import Dataset

COLUMNS = [
    "figure_id", "source_id", "source_title", "source_title_en", "issuer", "doc_number",
    "source_type", "source_date", "date_written", "date_published", "url",
    "region_code", "region_zh", "region_en", "region_level", "parent_code",
    "metric", "metric_zh", "metric_en", "category", "category_zh", "category_en",
    "group", "group_zh", "group_en", "group_scope", "definition_zh", "definition_en", "scope_zh", "scope_en",
    "kind", "qualifier", "value", "low", "high", "unit",
    "base_value", "base_low", "base_high", "base_unit",
    "year", "as_of_year", "year_from_source_date", "evidence", "locator", "description", "confidence", "note",
    "population", "population_year", "per_resident_applies", "per_resident_why_zh", "per_resident_why_en",
    "per_resident_value",
]


def figures_frame(dataset: Dataset) -> pd.DataFrame:
    """Every figure as a row; base_* are in the metric's canonical unit.

    per_resident_value divides base_value (or, for a range, the midpoint) by the
    region's latest known population, named in population_year; it is empty where
    per_resident_applies is False (the group is no stock or flow of the region: a share,
    rate, per-sub-region rule, standard or reach count; per_resident_why_zh/_en say which, in
    words) and where the population is unknown. as_of_year is the year
    itself, or for an actual that states none its source's year
    (year_from_source_date says so); the curated year stays null.
    """
    with paused():
        return _frame(dataset)


def _frame(dataset: Dataset) -> pd.DataFrame:
    ref = dataset.reference
    rows = []
    for figure in dataset.figures:
        source = dataset.sources[figure.source]
        region = ref.regions[figure.region]
        metric = ref.metrics[figure.metric]
        group = ref.groups[metric.group]
        category = ref.categories[group.category]
        per_resident = group.per_resident and ref.units.info(metric.unit).is_total
        factor = ref.units.factor(figure.unit, metric.unit)
        scale = lambda v: None if v is None else v * factor  # noqa: E731
        population = region.latest_population
        base_value = scale(figure.value)
        # An actual without a stated year is as of its source's date (a 2024 reply reports 2024's state).
        dated_by_source = figure.year is None and figure.kind == "actual" and source.date is not None
        rows.append({
            "figure_id": figure.id, "source_id": source.id, "source_title": source.title,
            "source_title_en": source.title_en, "issuer": source.issuer, "doc_number": source.doc_number,
            "source_type": source.type, "source_date": source.date, "date_written": source.date_written,
            "date_published": source.date_published, "url": source.url,
            "region_code": region.code, "region_zh": region.zh, "region_en": region.en,
            "region_level": region.level, "parent_code": region.parent,
            "metric": metric.key, "metric_zh": ref.metric_name(metric.key, "zh"),
            "metric_en": ref.metric_name(metric.key, "en"),
            "category": category.key, "category_zh": category.zh, "category_en": category.en,
            "group": group.key, "group_zh": group.zh, "group_en": group.en, "group_scope": group.scope,
            "definition_zh": group.definition_zh, "definition_en": group.definition_en,
            "scope_zh": metric.scope_zh, "scope_en": metric.scope_en,
            "kind": figure.kind, "qualifier": figure.qualifier,
            "value": figure.value, "low": figure.low, "high": figure.high, "unit": figure.unit,
            "base_value": base_value, "base_low": scale(figure.low), "base_high": scale(figure.high),
            "base_unit": metric.unit, "year": figure.year,
            "as_of_year": source.date.year if dated_by_source else figure.year,
            "year_from_source_date": dated_by_source, "evidence": figure.evidence,
            "locator": figure.locator, "description": figure.description,
            "confidence": figure.confidence, "note": figure.note,
            "population": population.value if population else None,
            "population_year": population.year if population else None,
            "per_resident_applies": per_resident,
            "per_resident_why_zh": "" if per_resident else t(f"compare.per_resident_why.{group.scope}", "zh"),
            "per_resident_why_en": "" if per_resident else t(f"compare.per_resident_why.{group.scope}", "en"),
            "per_resident_value": _per_resident(figure, factor, population) if per_resident else None,
        })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("value", "low", "high", "base_value", "base_low", "base_high", "per_resident_value"):
        frame[column] = frame[column].astype("float64")
    for column in ("year", "as_of_year", "population", "population_year"):
        frame[column] = frame[column].astype("Int64")
    return frame


def _per_resident(figure, factor, population) -> float | None:
    if population is None:
        return None
    if figure.value is not None:
        return figure.value * factor / population.value
    if figure.low is not None and figure.high is not None:
        return (figure.low + figure.high) / 2 * factor / population.value
    return None
