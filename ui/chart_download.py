"""Download controls under a chart: PNG/SVG/PDF of one chart, a ZIP of a page's charts.

Images are rendered on the server (healthtargets.charts.export) only when the button is clicked —
the button's data is a callable — and cached per chart (ChartSpec.key, computed once with the
chart's prepared plot) and format, so reruns neither render nor serialise.
Without Chromium or a CJK font the controls say what is missing instead; the page keeps working
(the modebar camera still makes a PNG in the browser).
"""

from __future__ import annotations

import hashlib

import streamlit as st

from healthtargets.charts.bundle import charts_zip, zip_name
from healthtargets.charts.export import MIME_TYPES, chart_bytes, check_export_ready, warm_up
from healthtargets.charts.spec import ChartSpec
from healthtargets.i18n import LANGS, t

CHOICES = {"PNG": "png", "SVG": "svg", "PDF": "pdf"}


@st.cache_data(ttl=300, show_spinner=False)
def export_problem() -> str | None:
    """What chart image export lacks on this server (checked every five minutes), or None.

    When nothing lacks, the browser starts in the background so the first click is quick.
    """
    problem = check_export_ready()
    if problem is None:
        warm_up()
    return problem


@st.cache_data(max_entries=512, show_spinner=False)
def _image(key: str, fmt: str, _spec: ChartSpec) -> bytes:
    return chart_bytes(_spec, fmt)


@st.cache_data(max_entries=64, show_spinner=False)
def _zip(fingerprint: str, fmt: str, _specs: tuple[ChartSpec, ...]) -> bytes:
    return charts_zip(list(_specs), fmt)


def _fingerprint(specs: tuple[ChartSpec, ...]) -> str:
    digest = hashlib.sha256()
    for spec in specs:
        for part in (spec.file_stem, spec.key, spec.data.to_csv(index=False),
                     ",".join(source.id for source in spec.sources)):
            digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def _unavailable(lang: str) -> bool:
    problem = export_problem()
    if problem:
        st.caption("⚠️ " + problem.replace("\n", "  \n"))
    return bool(problem)


def _format_choice(key: str, lang: str) -> str:
    choice = st.radio(t("download.format", lang), list(CHOICES), key=key, horizontal=True,
                      label_visibility="collapsed")
    return CHOICES[choice or "PNG"]


def chart_download(spec: ChartSpec, key: str) -> None:
    """A format choice and a download button for one chart, rendered on click, cached."""
    lang = spec.lang if spec.lang in LANGS else "en"
    if _unavailable(lang):
        return
    left, right = st.columns([2, 3], vertical_alignment="center")
    with left:
        fmt = _format_choice(f"{key}.format", lang)
    with right:
        st.download_button(
            t("download.one", lang), data=lambda: _image(spec.key, fmt, spec), file_name=f"{spec.file_stem}.{fmt}",
            mime=MIME_TYPES[fmt], key=f"{key}.button", help=t("download.help_one", lang), on_click="ignore",
            icon=":material/download:",
        )


def page_zip_download(specs: list[ChartSpec], key: str) -> None:
    """"Download all charts on this page": images in the chosen format, CSVs, sources.txt."""
    if not specs:
        return
    lang = specs[0].lang if specs[0].lang in LANGS else "en"
    if _unavailable(lang):
        return
    left, right = st.columns([2, 3], vertical_alignment="center")
    with left:
        fmt = _format_choice(f"{key}.format", lang)
    frozen = tuple(specs)
    with right:
        st.download_button(
            t("download.page", lang), data=lambda: _zip(_fingerprint(frozen), fmt, frozen), file_name=zip_name(specs, fmt),
            mime="application/zip", key=f"{key}.button", help=t("download.help_page", lang), on_click="ignore",
            icon=":material/folder_zip:",
        )
