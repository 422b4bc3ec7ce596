"""Suggested citations ("cite this") for a chart, a figure or a document, in the two styles analysts paste into reports.

GB/T 7714-2015 for reports in Chinese, an APA-like reference for reports in English. Each cites
the tracker itself (a data set, [DS/OL], with the link to the view) and then every document the
chart or figure rests on: issuer, title, document number, date, address and the date accessed.
The styles' own words ("Retrieved … from", [EB/OL]) belong to the style, not to the page's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from healthtargets.dataset.schema import Source
from healthtargets.i18n import col, localised, t

STYLES = ("gbt7714", "apa")  # healthtargets.i18n keys "cite.<style>" name them on the page
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


@dataclass(frozen=True)
class Citation:
    style: str  # one of STYLES
    text: str  # one reference per line: the tracker first, then each document cited


def citations(what: str, sources: Sequence[Source], url: str | None, accessed: dt.date) -> list[Citation]:
    """The references for `what` (a chart's title, a figure's label) in every style."""
    return [Citation("gbt7714", "\n".join([_tracker_gbt(what, url, accessed), *(source_gbt(s, accessed) for s in sources)])),
            Citation("apa", "\n".join([_tracker_apa(what, url, accessed), *(source_apa(s, accessed) for s in sources)]))]


def source_gbt(source: Source, accessed: dt.date) -> str:
    """'邯山区人民政府办公室. 关于…的实施意见: 邯山政办〔2024〕28号[EB/OL]. (2024-09-13)[2026-11-23]. https://….'"""
    title = f"{source.title}: {source.doc_number}" if source.doc_number else source.title
    date = f"({source.date.isoformat()})" if source.date else ""
    if source.url:
        return f"{source.issuer}. {title}[EB/OL]. {date}[{accessed.isoformat()}]. {source.url}."
    return f"{source.issuer}. {title}[Z]. {date}.".replace(" .", "")


def source_apa(source: Source, accessed: dt.date) -> str:
    """'邯山区人民政府办公室. (2024, September 13). Title in English [关于…] (邯山政办〔2024〕28号). Retrieved …, from https://…'"""
    number = f" ({source.doc_number})" if source.doc_number else ""
    head = f"{source.issuer}. ({_apa_date(source.date)}). {source.title_en} [{source.title}]{number}."
    return f"{head} Retrieved {_long_date(accessed)}, from {source.url}" if source.url else head


def figure_label(row: Mapping, lang: str) -> str:
    """What a figure is, for its citation: 'Nan'an District · Elderly-care beds · target 2025 (figure nanan-…)'."""
    return t("cite.figure_what", lang, region=row[col("region", lang)], metric=row[col("metric", lang)],
             id=row["figure_id"])


def document_label(source: Source, figures: int, lang: str) -> str:
    """What a document's citation cites in the tracker: 'Figures recorded from “Title” (3)'."""
    return t("cite.document_what", lang, title=localised(source, lang, "title"), n=figures)


def view_url(page_url: str, params: Mapping[str, str]) -> str:
    """The page's address with its state as query parameters (any query it had is replaced)."""
    scheme, host, path, _, _ = urlsplit(page_url)
    return urlunsplit((scheme, host, path, urlencode(dict(params)), ""))


def _tracker_gbt(what: str, url: str | None, accessed: dt.date) -> str:
    tail = f" {url}." if url else ""
    return f"{t('app.title', 'zh')}. {what}[DS/OL]. [{accessed.isoformat()}].{tail}"


def _tracker_apa(what: str, url: str | None, accessed: dt.date) -> str:
    head = f"{t('app.title', 'en')}. ({accessed.year}). {what} [Data set]."
    return f"{head} Retrieved {_long_date(accessed)}, from {url}" if url else head


def _apa_date(date: dt.date | None) -> str:
    return f"{date.year}, {_MONTHS[date.month - 1]} {date.day}" if date else "n.d."


def _long_date(date: dt.date) -> str:
    return f"{_MONTHS[date.month - 1]} {date.day}, {date.year}"
