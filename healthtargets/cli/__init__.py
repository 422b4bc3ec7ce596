"""Command line: python -m healthtargets validate | figures | schema | …

Every command turns core errors into one clear message per problem and exits 2;
nothing shows a traceback. Only the command named on the command line is set up, and each
imports what it needs when it runs: a command that draws no chart starts without plotly, and
``extract --help`` without pandas or pint.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from healthtargets.dataset.errors import CliError, DatasetInvalid


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except DatasetInvalid as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found.", file=sys.stderr)
        return 2
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser with every command, or only the one argv names (its first word not an option)."""
    parser = argparse.ArgumentParser(
        prog="python -m healthtargets",
        description="Curated targets of Chinese local health-industry plans: validate, export, chart, extract.",
        epilog="environment:\n  HEALTHTARGETS_TARGETS  a targets.yaml to use instead of the project's\n"
               "  HEALTHTARGETS_DATA     a folder of metrics.yaml, regions.yaml and units.yaml to use instead of data/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    named = next((word for word in argv or () if not word.startswith("-")), None)
    known = {name for names, _ in _COMMANDS for name in names}
    for names, register in _COMMANDS:
        if named not in known or named in names:
            register(commands)
    return parser


def _register_validate(commands) -> None:
    _add(commands, "validate", cmd_validate,
         "Check targets.yaml: schema, ids, references, ranges, evidence, years, units.",
         "python -m healthtargets validate\n  python -m healthtargets validate targets.yaml --texts ../shared/seeds",
         lambda p: (
             p.add_argument("path", nargs="?", default=None, help="the targets file (default: $HEALTHTARGETS_TARGETS, else the project's targets.yaml)"),
             p.add_argument("--texts", metavar="DIR", help="folder of source texts: check each source's sha256 and that every evidence occurs in its text"),
         ))


def _register_figures(commands) -> None:
    from healthtargets.dataset.tables import FORMATS

    _add(commands, "figures", cmd_figures,
         "Write the tidy figures table (one row per figure, normalised values).",
         "python -m healthtargets figures --format xlsx --output figures.xlsx\n  python -m healthtargets figures --format json | head",
         lambda p: (
             p.add_argument("--format", choices=FORMATS, default="csv", help="file format (default: csv, UTF-8 with BOM)"),
             p.add_argument("--output", metavar="FILE", help="write here instead of standard output"),
             p.add_argument("--targets", metavar="PATH", default=None, help="the targets file (default: $HEALTHTARGETS_TARGETS, else the project's targets.yaml)"),
         ))


def _register_schema(commands) -> None:
    _add(commands, "schema", cmd_schema,
         "Write the JSON Schema of targets.yaml (schema/targets.schema.json), or check it is current.",
         "python -m healthtargets schema\n  python -m healthtargets schema --check",
         lambda p: p.add_argument("--check", action="store_true", help="exit 2 if the checked-in schema is stale"))


def _register_extract(commands) -> None:
    from . import extract as cli_extract

    cli_extract.register(commands)


def _register_charts(commands) -> None:
    from . import charts as cli_charts

    cli_charts.register(commands)


def _register_stats(commands) -> None:
    from . import stats as cli_stats

    cli_stats.register(commands)


# (the names a register function adds, the function), in the order --help lists them
_COMMANDS = (
    (("validate",), _register_validate), (("figures",), _register_figures), (("schema",), _register_schema),
    (("extract", "extract-eval"), _register_extract), (("charts",), _register_charts),
    (("stats",), _register_stats),
)


def _add(commands, name, func, summary, example, arguments) -> argparse.ArgumentParser:
    parser = commands.add_parser(
        name, help=summary, description=summary, epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    arguments(parser)
    parser.set_defaults(func=func)
    return parser


def cmd_validate(args) -> int:
    from healthtargets.dataset.load import load_dataset
    from healthtargets.dataset.paths import targets_path
    from healthtargets.dataset.records import display_path

    path = Path(args.path) if args.path else targets_path()
    dataset = load_dataset(path, texts_dir=Path(args.texts) if args.texts else None)
    checked = f", evidence checked against {display_path(Path(args.texts))}" if args.texts else ""
    print(f"{display_path(path)}: valid: {len(dataset.sources)} sources, {len(dataset.figures)} figures{checked}.")
    return 0


def cmd_figures(args) -> int:
    from healthtargets.dataset.cache import compiled
    from healthtargets.dataset.tables import table_bytes

    checked = compiled(args.targets)
    dataset, data = checked.dataset, table_bytes(checked.frame, args.format)
    if args.output:
        try:
            Path(args.output).write_bytes(data)
        except OSError as exc:
            raise CliError(f"cannot write {args.output}: {exc.strerror}") from exc
        print(f"wrote {len(dataset.figures)} figures to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_schema(args) -> int:
    import json

    from healthtargets.dataset.paths import SCHEMA_PATH
    from healthtargets.dataset.records import display_path
    from healthtargets.dataset.schema import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if args.check:
        current = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.exists() else ""
        if current != text:
            raise CliError(f"{display_path(SCHEMA_PATH)} is stale: run python -m healthtargets schema")
        print(f"{display_path(SCHEMA_PATH)} is current.")
        return 0
    SCHEMA_PATH.parent.mkdir(exist_ok=True)
    SCHEMA_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {display_path(SCHEMA_PATH)}")
    return 0
