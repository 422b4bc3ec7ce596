"""The extraction assistant on documents it has never seen: score each new document once, log it, never edit a row.

For each answer key in benchmarks/unseen/answers/ (every figure of the excerpt a researcher
read, facts only: number, unit as written, kind, year, catalogue metric or none, and whether it
is a figure at all) whose document has no row yet in benchmarks/extraction_unseen.csv, the
extraction runs on the text as retrieved (kept outside the repository; give its folder with
--texts), and one row is appended:

    candidates       what the assistant offered
    figures          figures in the excerpt (not counting non-figures: the document's own parts,
                     ranks, editions, headings)
    found / missed   figures a candidate matched / did not
    false            candidates that matched no figure
    kinds_right      found figures whose kind (target, actual, forecast) agrees
    metric_known     found figures that have a catalogue metric; metric_right: the assistant's
                     first suggestion is that metric

A candidate matches a figure when their numbers agree once magnitude words are folded in
(2.2万张 is 22,000 张; a range by both ends) and, where both units are in the unit table, the
units measure the same thing; each pairs at most once, in text order.

    .venv/bin/python benchmarks/extraction_unseen.py --texts /path/to/texts
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from healthtargets.dataset.numbers import same_number  # noqa: E402
from healthtargets.dataset.units import UnitError  # noqa: E402
from healthtargets.extract import default_catalog, extract  # noqa: E402

ANSWERS = ROOT / "benchmarks" / "unseen" / "answers"
LOG = ROOT / "benchmarks" / "extraction_unseen.csv"
COLUMNS = ["date", "document", "extractor", "chinese", "candidates", "figures", "found", "missed", "false",
           "kinds_right", "metric_known", "metric_right", "recall", "precision", "kind_accuracy", "metric_top1", "note"]
MAGNITUDE = {"千": 1e3, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}


def folded(number: float | None, unit: str) -> tuple[float | None, str]:
    """The number with the unit's leading magnitude words folded in: (2.2, '万张') -> (22000, '张')."""
    if number is None:
        return None, unit
    while unit and unit[0] in MAGNITUDE:
        number, unit = number * MAGNITUDE[unit[0]], unit[1:]
    return number, unit


def ends(value, low, high, unit) -> tuple[list[float], str]:
    numbers = [value] if value is not None else [low, high]
    folded_numbers = [folded(n, unit)[0] for n in numbers]
    return folded_numbers, folded(numbers[0], unit)[1]


def units_agree(a: str, b: str, catalog) -> bool:
    """Units that both read in the unit table must measure the same thing; unknown ones pass."""
    table = catalog.units
    if a not in table.written or b not in table.written:
        return True
    try:
        return table.registry.parse_expression(table.written[a]).dimensionality == \
            table.registry.parse_expression(table.written[b]).dimensionality
    except (UnitError, Exception):  # noqa: BLE001 - an unreadable unit agrees with nothing
        return False


def matches(figure: dict, candidate, catalog) -> bool:
    want, unit = ends(figure.get("value"), figure.get("low"), figure.get("high"), str(figure.get("unit") or ""))
    got, cand_unit = ends(candidate.value, candidate.low, candidate.high, candidate.unit)
    if None in want or None in got or len(want) != len(got):
        return False
    return all(same_number(a, b) for a, b in zip(want, got)) and units_agree(figure.get("unit") or "", candidate.unit, catalog)


def score(key: dict, text: str, catalog) -> dict:
    candidates = extract(text, catalog)
    figures = [f for f in key["figures"] if f.get("figure", True)]
    used: set[int] = set()
    found = kinds = known = metric_right = 0
    for figure in figures:
        pick = next((i for i, c in enumerate(candidates) if i not in used and matches(figure, c, catalog)), None)
        if pick is None:
            continue
        used.add(pick)
        found += 1
        kinds += candidates[pick].kind == figure.get("kind")
        if figure.get("metric"):
            known += 1
            metric_right += candidates[pick].metric == figure["metric"]
    false = len(candidates) - len(used)
    ratio = lambda part, whole: f"{part / whole:.3f}" if whole else ""  # noqa: E731
    return {
        "candidates": len(candidates), "figures": len(figures), "found": found, "missed": len(figures) - found,
        "false": false, "kinds_right": kinds, "metric_known": known, "metric_right": metric_right,
        "recall": ratio(found, len(figures)), "precision": ratio(len(used), len(candidates)),
        "kind_accuracy": ratio(kinds, found), "metric_top1": ratio(metric_right, known),
    }


def logged() -> set[str]:
    if not LOG.exists():
        return set()
    with LOG.open(encoding="utf-8", newline="") as handle:
        return {row["document"] for row in csv.DictReader(handle)}


def extractor_version() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", required=True, type=Path, help="folder of the excerpts as retrieved, <document>.txt")
    args = parser.parse_args()
    catalog, done, version = default_catalog(), logged(), extractor_version()
    new_rows = []
    for path in sorted(ANSWERS.glob("*.yaml")):
        key = yaml.safe_load(path.read_text(encoding="utf-8"))
        if key["source"] in done:
            continue
        text_path = args.texts / f"{key['source']}.txt"
        data = text_path.read_bytes()
        if hashlib.sha256(data).hexdigest() != key["excerpt_sha256"]:
            print(f"{text_path}: not the excerpt the answer key was made from (sha256 differs)", file=sys.stderr)
            return 2
        row = {"date": dt.date.today().isoformat(), "document": key["source"], "extractor": version,
               "chinese": "yes" if key.get("chinese", True) else "no", **score(key, data.decode("utf-8"), catalog),
               "note": "" if key.get("chinese", True) else "the excerpt is not in Chinese: outside what the assistant reads"}
        new_rows.append(row)
        print(f"{row['document']}: recall {row['recall'] or '-'}, precision {row['precision'] or '-'}")
    write_header = not LOG.exists()
    with LOG.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        if write_header:
            writer.writeheader()
        writer.writerows(new_rows)
    print(f"{len(new_rows)} new rows in {LOG.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
