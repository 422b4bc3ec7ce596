"""extract-eval: the matching rule on a small fixture, and the aims on the five seed documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthtargets.cli import main
from healthtargets.extract.evaluate import (
    AIMS,
    EvaluationError,
    EvidenceLocator,
    evaluate,
    format_report,
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "extract" / "eval"
SEEDS = ROOT.parent / "shared" / "seeds"


def test_fixture_scores():
    evaluation = evaluate(FIXTURE / "texts", FIXTURE / "targets.yaml")
    [document] = evaluation.documents
    assert (document.source, document.path.name) == ("hanshan-short", "hanshan_short.txt")
    assert (evaluation.curated, evaluation.matched, evaluation.candidates, evaluation.kind_agreed) == (4, 3, 4, 2)
    assert [f.id for f in document.missed] == ["short-towns"]
    assert [c.written for c in document.extra] == ["12家"]
    assert [(f.id, c.kind) for f, c in document.wrong_kind] == [("short-output", "target")]
    assert evaluation.skipped == ["without-text"]
    assert evaluation.aims_met() == {"recall": False, "precision": False, "kind_accuracy": False}


def test_fixture_report_text():
    report = format_report(evaluate(FIXTURE / "texts", FIXTURE / "targets.yaml"), details=True)
    lines = report.splitlines()
    assert lines[1].startswith("A candidate matches a curated figure when its number")
    assert lines[3].split() == ["source", "text", "curated", "found", "candidates", "recall", "precision", "kind", "accuracy"]
    assert lines[4].split() == ["hanshan-short", "hanshan_short.txt", "4", "3", "4", "75.0%", "75.0%", "66.7%"]
    assert lines[6].split() == ["overall", "4", "3", "4", "75.0%", "75.0%", "66.7%"]
    assert "aims: recall ≥ 95% NOT met, precision ≥ 85% NOT met, kind accuracy ≥ 90% NOT met" in lines
    assert "no text in the folder for: without-text" in lines
    assert "  missed     short-towns: 1 批 [target] «打造一批康养小镇»" in lines
    assert "  extra      12 家 [actual] «目前全区已有康养旅游基地2家、养老机构12家»" in lines


def test_units_that_read_the_same_match():
    # the curated 2 个 pairs with the text's 2家: both are counts of items
    evaluation = evaluate(FIXTURE / "texts", FIXTURE / "targets.yaml")
    pairs = {f.id: (c.unit, f.unit) for f, c in evaluation.documents[0].pairs}
    assert pairs["short-bases"] == ("家", "个")


def test_evidence_located_ignoring_whitespace():
    locate = EvidenceLocator("到2026年，\n  建成养老床位 3千张以上。建成养老床位3千张以上")
    assert locate("建成养老床位3千张以上") == [(10, 22), (23, 34)]


def test_cli_check_exits_1_when_an_aim_is_missed(capsys):
    status = main(["extract-eval", "--texts", str(FIXTURE / "texts"), "--targets", str(FIXTURE / "targets.yaml"), "--check"])
    assert status == 1
    assert "overall" in capsys.readouterr().out


@pytest.mark.parametrize(("texts", "message"), [
    ("nowhere", "nowhere: not a folder of source texts"),
    (".", ".: no file has the text_sha256 of a source in targets.yaml"),
])
def test_cli_errors(texts, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status = main(["extract-eval", "--texts", texts, "--targets", str(FIXTURE / "targets.yaml")])
    assert status == 2
    assert capsys.readouterr().err == f"error: {message}\n"


def test_evaluation_error_is_a_value_error():
    with pytest.raises(EvaluationError):
        evaluate(FIXTURE / "nowhere", FIXTURE / "targets.yaml")


def test_seed_documents_meet_the_aims(capsys):
    """The evaluation of the curated data set: its figures are printed in the test output."""
    evaluation = evaluate(SEEDS)
    with capsys.disabled():
        print("\n" + format_report(evaluation))
    assert len(evaluation.documents) == 5
    assert evaluation.recall >= AIMS["recall"]
    assert evaluation.precision >= AIMS["precision"]
    assert evaluation.kind_accuracy >= AIMS["kind_accuracy"]
