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

A candidate matches a figure by the rule extract-eval uses (healthtargets/extract/matching.py).

    .venv/bin/python benchmarks/extraction_unseen.py --texts /path/to/texts

The same scores, for every document of the folder and without writing a row:

    .venv/bin/python -m healthtargets extract-eval --texts /path/to/texts --answers benchmarks/unseen/answers
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from healthtargets.extract import default_catalog  # noqa: E402
from healthtargets.extract.evaluate import AnswerKey, read_answer_key, score_document  # noqa: E402

ANSWERS = ROOT / "benchmarks" / "unseen" / "answers"
LOG = ROOT / "benchmarks" / "extraction_unseen.csv"
COLUMNS = ["date", "document", "extractor", "chinese", "candidates", "figures", "found", "missed", "false",
           "kinds_right", "metric_known", "metric_right", "recall", "precision", "kind_accuracy", "metric_top1", "note"]


def score(key: AnswerKey, path: Path, text: str, catalog) -> dict:
    """The counts and ratios of one row."""
    document = score_document(key.source, path, text, key.figures, catalog)
    figures, candidates, found = len(document.figures), len(document.candidates), document.matched
    known, metric_right = document.metric_known, document.metric_agreed
    ratio = lambda part, whole: f"{part / whole:.3f}" if whole else ""  # noqa: E731
    return {
        "candidates": candidates, "figures": figures, "found": found, "missed": figures - found,
        "false": candidates - found, "kinds_right": document.kind_agreed, "metric_known": known,
        "metric_right": metric_right, "recall": ratio(found, figures), "precision": ratio(found, candidates),
        "kind_accuracy": ratio(document.kind_agreed, found), "metric_top1": ratio(metric_right, known),
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
        key = read_answer_key(path)
        if key.source in done:
            continue
        text_path = args.texts / f"{key.source}.txt"
        data = text_path.read_bytes()
        if hashlib.sha256(data).hexdigest() != key.excerpt_sha256:
            print(f"{text_path}: not the excerpt the answer key was made from (sha256 differs)", file=sys.stderr)
            return 2
        row = {"date": dt.date.today().isoformat(), "document": key.source, "extractor": version,
               "chinese": "yes" if key.chinese else "no", **score(key, text_path, data.decode("utf-8"), catalog),
               "note": "" if key.chinese else "the excerpt is not in Chinese: outside what the assistant reads"}
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
