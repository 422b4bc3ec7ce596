"""The source form of Add a document, filled in from what the text says of itself; a document
the data set already has (the same 文号 or the same title), so that it is not added twice."""

from __future__ import annotations

import re

from healthtargets.dataset.load import Dataset
from healthtargets.dataset.reference import Reference

from .draft import SOURCE_TYPES, suggested_source_id
from .metadata import DocumentMeta
from .normalise import normalise

_BRACKETS = str.maketrans({"［": "〔", "[": "〔", "【": "〔", "(": "〔", "（": "〔", "］": "〕", "]": "〕", "】": "〕",
                           ")": "〕", "）": "〕"})


def source_fields(meta: DocumentMeta, reference: Reference, default_type: str) -> dict[str, str]:
    """The form's fields (add.src.<field>) as the text gives them; blank where it does not."""
    region = meta.region if meta.region in reference.regions else None
    source_type = meta.type if meta.type in SOURCE_TYPES else default_type
    date = meta.date_written or meta.date_published
    fields = {
        "title": meta.title or "", "issuer": meta.issuer or "", "doc_number": meta.doc_number or "",
        "date_written": meta.date_written.isoformat() if meta.date_written else "",
        "date_published": meta.date_published.isoformat() if meta.date_published else "",
        "type": source_type, "id": suggested_source_id(reference, region, date.year if date else None, source_type),
    }
    return fields | ({"region": region} if region else {})


def already_in(dataset: Dataset, doc_number: str | None, title: str | None) -> tuple[str, str] | None:
    """(source id, 'doc_number' or 'title') of a source of the data set with the same 文号 or title, else None."""
    number, name = _number(doc_number), _title(title)
    for source in dataset.sources.values():
        if number and _number(source.doc_number) == number:
            return source.id, "doc_number"
        if name and _title(source.title) == name:
            return source.id, "title"
    return None


def _number(doc_number: str | None) -> str:
    """来政发〔2019〕22号, 来政发[2019]22号 and 来政发 （2019） 22 号 are one 文号."""
    return re.sub(r"\s+", "", normalise(doc_number).text).translate(_BRACKETS) if doc_number else ""


def _title(title: str | None) -> str:
    """A title without spaces, quotes or the 文号 after it, in simplified characters."""
    if not title:
        return ""
    return re.sub(r"[\s“”\"'《》「」]|[（(][^（()）]*号[)）]$", "", normalise(title).text)
