"""What the sources page shows: every document with its figure mix, and one document's figures."""

from __future__ import annotations

import pandas as pd

from healthtargets.dataset.load import Dataset
from healthtargets.i18n import localised, name, t

from .tally import tally


def _mix(counts: dict, order: tuple[str, ...], vocabulary: str, lang: str) -> str:
    sep = " · "
    return sep.join(f"{name(vocabulary, k, lang)} {counts[k]}" for k in order if counts.get(k))


def documents_table(dataset: Dataset, frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per document, newest first: id, title, issuer, number, type, dates, region, mixes, address."""
    kinds = tally(frame, "source_id", "kind").to_dict("index")
    confidence = tally(frame, "source_id", "confidence").to_dict("index")
    rows = []
    for source in dataset.sources.values():
        region = dataset.reference.regions.get(source.region)
        k, c = kinds.get(source.id, {}), confidence.get(source.id, {})
        rows.append({
            "id": source.id,
            "title": localised(source, lang, "title"),
            "issuer": name("issuer", source.issuer, lang),
            "doc_number": source.doc_number or "",
            "type": name("source_type", source.type, lang),
            "date_written": source.date_written,
            "date_published": source.date_published,
            "region": localised(region, lang) if region else source.region,
            "figures": int(sum(k.values())),
            "kinds": _mix(k, ("target", "actual", "forecast"), "kind", lang),
            "confidence_mix": _mix(c, ("high", "medium", "low"), "confidence", lang),
            "url": source.url,
            "_date": source.date,
        })
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    return table.sort_values("_date", ascending=False, na_position="last", key=lambda s: s.map(lambda d: d.toordinal() if d else -1)).drop(columns="_date").reset_index(drop=True)


def document_figures(dataset: Dataset, frame: pd.DataFrame, source_id: str, lang: str) -> pd.DataFrame:
    """A document's figures in the reader's columns, with the note, in the data set's order."""
    from .browse import display_frame

    rows = frame[frame["source_id"] == source_id]
    return display_frame(dataset, rows, lang).assign(note=rows["note"].fillna(""))


def document_label(dataset: Dataset, source_id: str, lang: str) -> str:
    source = dataset.sources[source_id]
    date = source.date.isoformat() if source.date else t("sources.unknown", lang)
    title = localised(source, lang, "title")
    return f"{date} · {title}"
