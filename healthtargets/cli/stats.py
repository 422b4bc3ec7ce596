"""`python -m healthtargets stats`: how far the corpus answers its headline questions."""

from __future__ import annotations

import argparse
import datetime as dt

SUMMARY = "Print the corpus's coverage: documents, regions by level, each family's comparable regions, past targets."


def register(commands) -> None:
    parser = commands.add_parser(
        "stats", help=SUMMARY, description=SUMMARY + " A past target has a reported outcome when an actual of its "
        "group and region reaches it, or is as of its deadline year or later.",
        epilog="example:\n  python -m healthtargets stats", formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--targets", metavar="PATH", default=None, help="the targets file (default: $HEALTHTARGETS_TARGETS, else the project's targets.yaml)")
    parser.set_defaults(func=cmd_stats)


def cmd_stats(args) -> int:
    from healthtargets.dataset.cache import compiled
    from healthtargets.views.coverage import coverage, report

    checked = compiled(args.targets)
    dataset = checked.dataset
    result = coverage(dataset, checked.frame, dt.date.today())
    print(report(result, dataset.reference.families), end="")
    return 0
