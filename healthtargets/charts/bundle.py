"""A page's charts as files: one image per chart, the CSV behind each, and the sources cited.

``bundle_files`` lists the (name, bytes) pairs; ``charts_zip`` packs them into a ZIP (the
dashboard's "download all charts"), the ``charts`` command writes them to a folder.
Names come from ChartSpec.file_stem, so they are deterministic.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Callable, Sequence

from healthtargets.dataset.schema import Source
from healthtargets.dataset.tables import table_bytes
from healthtargets.i18n import localised, name, t

from .export import FORMATS, ExportError, render_many
from .spec import ChartSpec, slugify

SOURCES_FILE = "sources.txt"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed entry dates: the same charts give the same ZIP


def unique_stems(specs: Sequence[ChartSpec]) -> list[str]:
    """file_stem of each spec; a repeated stem gets -2, -3, … so no file overwrites another."""
    seen: dict[str, int] = {}
    stems = []
    for spec in specs:
        stem = spec.file_stem
        seen[stem] = seen.get(stem, 0) + 1
        stems.append(stem if seen[stem] == 1 else f"{stem}-{seen[stem]}")
    return stems


def bundle_files(
    specs: Sequence[ChartSpec],
    fmt: str,
    *,
    scale: float | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[str, bytes]]:
    """Every chart's image and CSV, then sources.txt, as (file name, bytes) in a stable order."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown image format '{fmt}' (choose from {', '.join(FORMATS)})")
    images = render_many([(spec, fmt) for spec in specs], scale=scale, progress=progress)
    files = []
    for stem, spec, image in zip(unique_stems(specs), specs, images):
        files.append((f"{stem}.{fmt}", image))
        files.append((f"{stem}.csv", table_bytes(spec.data, "csv")))
    files.append((SOURCES_FILE, sources_text(specs).encode("utf-8")))
    return files


def charts_zip(specs: Sequence[ChartSpec], fmt: str, *, scale: float | None = None) -> bytes:
    """A ZIP of bundle_files: images, CSVs (UTF-8 with BOM) and sources.txt."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in bundle_files(specs, fmt, scale=scale):
            entry = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_STORED if name.endswith(".png") else zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data)
    return buffer.getvalue()


def zip_name(specs: Sequence[ChartSpec], fmt: str) -> str:
    """'compare-charts-zh-png.zip': the page(s), language(s) and format."""
    pages = "-".join(dict.fromkeys(spec.page for spec in specs)) or "charts"
    langs = "-".join(dict.fromkeys(spec.lang for spec in specs))
    return f"{slugify(f'{pages}-charts-{langs}-{fmt}')}.zip"


def cited_sources(specs: Sequence[ChartSpec]) -> list[tuple[Source, list[str]]]:
    """Each source cited by the charts, once, with the file stems of the charts citing it."""
    cited: dict[str, tuple[Source, list[str]]] = {}
    for stem, spec in zip(unique_stems(specs), specs):
        for source in spec.sources:
            cited.setdefault(source.id, (source, []))[1].append(stem)
    return list(cited.values())


_LABELS = ("heading", "issuer", "title", "title_en", "number", "written", "published", "url", "charts", "none",
           "unknown")  # healthtargets.i18n keys "bundle.<label>"


def sources_text(specs: Sequence[ChartSpec]) -> str:
    """sources.txt: issuer, title, number, dates and address of every source cited.

    Labels are Chinese when every chart is Chinese, else English.
    """
    langs = {spec.lang for spec in specs}
    lang = langs.pop() if len(langs) == 1 else "en"
    labels = (t(f"bundle.{label}", lang) for label in _LABELS)
    heading, issuer, title, title_en, number, written, published, url, charts, none, unknown = labels
    lines = [heading, "=" * _display_width(heading), ""]
    colon = t("punct.colon", lang)
    cited = cited_sources(specs)
    if not cited:
        lines.append(none)
    for index, (source, stems) in enumerate(cited, 1):
        issued_by = name("issuer", source.issuer, lang)
        lines += [
            t("bundle.citation", lang, index=index, issuer=issued_by, title=localised(source, lang, "title")),
            f"    {issuer}{colon}{issued_by}",
            f"    {title}{colon}{source.title}",
            f"    {title_en}{colon}{source.title_en}",
            f"    {number}{colon}{source.doc_number or unknown}",
            f"    {written}{colon}{source.date_written.isoformat() if source.date_written else unknown}",
            f"    {published}{colon}{source.date_published.isoformat() if source.date_published else unknown}",
            f"    {url}{colon}{source.url or unknown}",
            f"    {charts}{colon}{', '.join(stems)}",
            "",
        ]
    return "\n".join(lines).rstrip("\n") + "\n"


def _display_width(text: str) -> int:
    """Columns a text takes in a monospaced view: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
