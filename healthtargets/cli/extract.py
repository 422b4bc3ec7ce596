"""Command line of the extraction assistant: ``extract`` and ``extract-eval``.

healthtargets/cli.py calls :func:`register` with its subparsers; each handler writes to
standard output and returns the exit status. The extraction is imported by the handlers, not
here, so that ``--help`` starts at once. Bad input raises CliError (exit 2). A reader
that stops reading (``extract FILE | head -3``) ends the output quietly, not with a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from healthtargets.dataset.errors import CliError
from healthtargets.extract.aims import aims_text

FORMATS = ("yaml", "json")
USUAL_ENCODINGS = ("utf-8", "utf-8-sig", "gb18030")  # any other is a guess, and the user is told
# The fields of a candidate, in the order they are written: the list first.
FIELDS = (
    "value", "low", "high", "unit", "qualifier", "kind", "metric", "year", "start", "end", "evidence",
    "written", "kind_cues", "metric_score", "region", "confidence", "note",
)


def register(subparsers) -> None:
    """Add the extract and extract-eval commands to the CLI's subparsers."""
    parser = subparsers.add_parser(
        "extract",
        help="List the candidate figures of a source text (UTF-8 or GB18030), for a curator to confirm.",
        description=(
            "List the candidate figures of a source text: value or low/high, unit as written, qualifier, "
            "kind (target, actual, forecast) with the words that decided it, year, suggested metric and "
            "region, and the evidence with its offsets in the text. The text may be UTF-8 or GB18030."
        ),
        epilog=(
            "example:\n"
            "  python -m healthtargets extract ../shared/seeds/004_9120cc224343e20d.txt\n"
            "  python -m healthtargets extract plan.txt --format json > candidates.json"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="the source text")
    parser.add_argument("--format", choices=FORMATS, default="yaml", help="output format (default: yaml)")
    parser.set_defaults(func=cmd_extract)

    parser = subparsers.add_parser(
        "extract-eval",
        help="Compare the extraction with curated figures or answer keys: recall, precision, kind, metric.",
        description=(
            "Run the extraction on every text in DIR whose sha256 is a source's text_sha256 or excerpt_sha256 "
            "in targets.yaml (or, with --answers, an answer key's excerpt_sha256), and compare its candidates "
            "with that source's figures: recall, precision, kind accuracy and metric top-1 per document and "
            f"overall (aims: {aims_text()})."
        ),
        epilog=(
            "example:\n"
            "  python -m healthtargets extract-eval --texts ../shared/seeds\n"
            "  python -m healthtargets extract-eval --texts ../shared/seeds --details --check\n"
            "  python -m healthtargets extract-eval --texts ../staging/texts --answers benchmarks/unseen/answers"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--texts", metavar="DIR", required=True, help="folder of source texts")
    figures = parser.add_mutually_exclusive_group()
    figures.add_argument("--targets", metavar="PATH", default=None, help="the targets file (default: the project's targets.yaml)")
    figures.add_argument("--answers", metavar="DIR", default=None,
                         help="a folder of answer keys (<document>.yaml, as benchmarks/unseen/answers) instead of targets.yaml")
    parser.add_argument("--details", action="store_true", help="also list missed figures, extra candidates and disagreements")
    parser.add_argument("--check", action="store_true", help="exit 1 when an aim is not met")
    parser.set_defaults(func=cmd_extract_eval)


def cmd_extract(args) -> int:
    import yaml

    from healthtargets.extract import extract
    from healthtargets.extract.text import read_source, text_sha256

    path = Path(args.file)
    text, data, encoding = read_source(path)
    if encoding not in USUAL_ENCODINGS:
        print(f"note: {path} is neither UTF-8 nor GB18030: read as {encoding}, charset-normalizer's guess", file=sys.stderr)
    records = [_record(candidate.as_dict()) for candidate in extract(text)]
    if args.format == "json":
        _write(json.dumps(records, ensure_ascii=False, indent=1, allow_nan=False) + "\n")  # JSON has no Infinity
        return 0
    body = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=1000) if records else "[]\n"
    _write(f"# candidate figures of {path} (sha256 {text_sha256(data)}): {len(records)}\n"
           "# each is a suggestion: confirm value, unit, kind, year, metric and region before adding it to targets.yaml\n"
           + body)
    return 0


def _record(data: dict) -> dict:
    """A candidate's fields in the order they are written."""
    return {name: data[name] for name in FIELDS}


def cmd_extract_eval(args) -> int:
    from healthtargets.dataset.paths import TARGETS_PATH
    from healthtargets.extract import default_catalog
    from healthtargets.extract.evaluate import EvaluationError, evaluate, evaluate_answers
    from healthtargets.extract.report import format_report

    try:
        if args.answers:
            evaluation = evaluate_answers(Path(args.answers), Path(args.texts), default_catalog())
        else:
            evaluation = evaluate(Path(args.texts), Path(args.targets) if args.targets else TARGETS_PATH)
    except EvaluationError as exc:
        raise CliError(str(exc)) from exc
    _write(format_report(evaluation, details=args.details))
    if args.check and not all(evaluation.aims_met().values()):
        return 1
    return 0


def _write(output: str) -> None:
    """Write to standard output; when the reader has stopped reading (| head -3), stop quietly.

    Python flushes standard output once more at exit, which would fail again and print
    "Exception ignored … BrokenPipeError": standard output is pointed at the null device first.
    """
    try:
        sys.stdout.write(output)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
