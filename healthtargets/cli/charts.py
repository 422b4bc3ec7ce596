"""`python -m healthtargets charts`: every page's charts as image files, without the dashboard."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from healthtargets.charts.bundle import SOURCES_FILE, bundle_files
from healthtargets.charts.export import FORMATS, ExportError, check_export_ready
from healthtargets.dataset.cache import compiled
from healthtargets.dataset.errors import CliError
from healthtargets.views.registry import CHARTED, page_charts

LANGS = ("zh", "en", "both")

SUMMARY = "Render every page's charts as PNG, SVG or PDF files, with the CSV behind each and the sources cited."
DESCRIPTION = SUMMARY + """

Writes into DIR, for each chart, <page>-<what>-<lang>.<format> (title, legend, axis units
and a source line are in the image) and <page>-<what>-<lang>.csv (the data behind it),
plus sources.txt listing the documents cited. Default: every page, the regions that share the most
comparability groups (as the Compare page starts), both languages, PNG at 2x scale.
Needs Chromium and a CJK font (make test / make run install them; without them the command
says what to install and exits 2)."""
EXAMPLE = ("python -m healthtargets charts --format png --out charts\n"
           "  python -m healthtargets charts --format svg --out out --pages compare,progress "
           "--regions 130402,500108 --lang en")


def register(commands) -> None:
    import argparse

    parser = commands.add_parser(
        "charts", help=SUMMARY, description=DESCRIPTION, epilog=f"example:\n  {EXAMPLE}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--format", choices=FORMATS, default="png", help="image format (default: png)")
    parser.add_argument("--out", metavar="DIR", required=True, help="folder to write into (created if missing)")
    parser.add_argument("--pages", metavar="PAGES",
                        help=f"comma-separated pages (default: all that draw charts: {','.join(CHARTED)})")
    parser.add_argument("--regions", metavar="CODES",
                        help="comma-separated 6-digit region codes (default: the regions that share the most comparability groups)")
    parser.add_argument("--lang", choices=LANGS, default="both", help="chart language (default: both)")
    parser.add_argument("--scale", type=float, default=2, help="PNG pixel scale (default: 2)")
    parser.add_argument("--targets", metavar="PATH", default=None,
                        help="the targets file (default: $HEALTHTARGETS_TARGETS, else the project's targets.yaml)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on standard error")
    parser.set_defaults(func=cmd_charts)


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def _chosen_pages(text: str | None) -> list[str]:
    pages = _split(text) or list(CHARTED)
    unknown = [p for p in pages if p not in CHARTED]
    if unknown:
        raise CliError(f"unknown page '{unknown[0]}' (choose from {', '.join(CHARTED)})")
    return list(dict.fromkeys(pages))


def _chosen_regions(text: str | None, dataset, frame) -> list[str]:
    if text is None:  # the regions sharing the most comparability groups, as the Compare page starts with
        from healthtargets.views.compare import default_regions

        return default_regions(frame)
    codes = _split(text)
    if not codes:
        raise CliError("--regions is empty: give 6-digit region codes, e.g. 130402,500108")
    for code in codes:
        if code not in dataset.reference.regions:
            raise CliError(f"unknown region code '{code}' (see data/regions.yaml)")
    return list(dict.fromkeys(codes))


def _writable_dir(path: str) -> Path:
    out = Path(path)
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".write-test-"):
            pass
    except OSError as exc:
        raise CliError(f"cannot write to {path}: {exc.strerror or exc}") from exc
    return out


class ProgressBar:
    """A plain bar on standard error: [########------------] 12/40 charts."""

    def __init__(self, total: int, enabled: bool, width: int = 30):
        self.total, self.enabled, self.width = total, enabled and total > 0, width
        self.tty = sys.stderr.isatty()
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        filled = self.width * done // max(total, 1)
        line = f"[{'#' * filled}{'-' * (self.width - filled)}] {done}/{total} charts"
        if self.tty:
            print(f"\r{line}", end="" if done < total else "\n", file=sys.stderr, flush=True)
        elif done == total or filled >= self.shown + self.width // 4:
            self.shown = filled
            print(line, file=sys.stderr, flush=True)


def cmd_charts(args) -> int:
    checked = compiled(args.targets)  # the dashboard's cache: unchanged files are not checked again
    dataset, frame = checked.dataset, checked.frame
    pages = _chosen_pages(args.pages)
    regions = _chosen_regions(args.regions, dataset, frame)
    if args.scale <= 0 or args.scale > 8:
        raise CliError(f"--scale must be above 0 and at most 8, not {args.scale:g}")
    out = _writable_dir(args.out)
    problem = check_export_ready()
    if problem:
        raise CliError(problem)

    langs = ["zh", "en"] if args.lang == "both" else [args.lang]
    specs = [spec for page in pages for lang in langs
             for spec in page_charts(page, dataset, frame, regions=regions, lang=lang)]
    if not specs:
        raise CliError(f"no charts for pages {','.join(pages)} and regions {','.join(regions)}")

    started = time.monotonic()
    try:
        files = bundle_files(specs, args.format, scale=args.scale,
                             progress=ProgressBar(len(specs), not args.no_progress))
    except ExportError as exc:
        raise CliError(str(exc)) from exc
    for name, data in files:
        path = out / name
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise CliError(f"cannot write {path}: {exc.strerror or exc}") from exc
        print(path)
    elapsed = time.monotonic() - started
    print(f"wrote {len(specs)} {args.format} images, {len(specs)} CSV files and {SOURCES_FILE} "
          f"to {os.fspath(out)} ({_count(len(pages), 'page')}, {_count(len(regions), 'region')}, "
          f"{'+'.join(langs)}; {elapsed:.1f} s)",
          file=sys.stderr)
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
