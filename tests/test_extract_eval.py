"""extract-eval: the matching rule on small fixtures (curated figures, answer keys), and the aims on the seeds."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from healthtargets.cli import main
from healthtargets.extract import default_catalog
from healthtargets.extract.aims import AIMS
from healthtargets.extract.evaluate import EvaluationError, evaluate, evaluate_answers, read_answer_key
from healthtargets.extract.matching import EvidenceLocator, folded
from healthtargets.extract.report import format_report

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "extract" / "eval"
SEEDS = ROOT.parent / "shared" / "seeds"


def test_fixture_scores():
    evaluation = evaluate(FIXTURE / "texts", FIXTURE / "targets.yaml")
    [document] = evaluation.documents
    assert (document.source, document.path.name) == ("hanshan-short", "hanshan_short.txt")
    assert (evaluation.curated, evaluation.total("matched"), evaluation.candidates, evaluation.total("kind_agreed")) == (4, 3, 4, 2)
    assert [f.id for f in document.missed] == ["short-towns"]
    assert [c.written for c in document.extra] == ["12家"]
    assert [(f.id, c.kind) for f, c in document.wrong_kind] == [("short-output", "target")]
    assert evaluation.skipped == ["without-text"]
    assert evaluation.aims_met() == {"recall": False, "precision": False, "kind_accuracy": False, "metric_top1": True}


def test_fixture_report_text():
    report = format_report(evaluate(FIXTURE / "texts", FIXTURE / "targets.yaml"), details=True)
    lines = report.splitlines()
    assert lines[1].startswith("A candidate matches a figure when their numbers agree")
    assert lines[3].split() == ["source", "text", "figures", "found", "candidates", "recall", "precision", "kind",
                                "accuracy", "metric", "top-1"]
    assert lines[4].split() == ["hanshan-short", "hanshan_short.txt", "4", "3", "4", "75.0%", "75.0%", "66.7%", "100.0%"]
    assert lines[6].split() == ["overall", "4", "3", "4", "75.0%", "75.0%", "66.7%", "100.0%"]
    assert ("aims: recall ≥ 95% NOT met, precision ≥ 85% NOT met, kind accuracy ≥ 90% NOT met, "
            "metric top-1 ≥ 70% met") in lines
    assert "no text in the folder for: without-text" in lines
    assert "  missed     short-towns: 1 批 [target] «打造一批康养小镇»" in lines
    assert "  extra      12 家 [actual] «目前全区已有康养旅游基地2家、养老机构12家»" in lines


def test_units_that_measure_the_same_match():
    # the curated 2 个 pairs with the text's 2家: both are counts of items
    evaluation = evaluate(FIXTURE / "texts", FIXTURE / "targets.yaml")
    pairs = {f.id: (c.unit, f.unit) for f, c in evaluation.documents[0].pairs}
    assert pairs["short-bases"] == ("家", "个")


def test_answer_keys_are_scored_by_the_same_rule():
    evaluation = evaluate_answers(FIXTURE / "answers", FIXTURE / "texts", default_catalog())
    [document] = evaluation.documents
    assert len(document.figures) == 5  # the heading's 2024 is no figure
    assert [f.id for f in document.missed] == ["hanshan-short#3"]
    assert [(f.id, c.written) for f, c in document.pairs][0] == ("hanshan-short#1", "3千张以上")  # 0.3 万张, folded
    assert (document.metric_known, document.metric_agreed) == (3, 3)
    assert (evaluation.recall, evaluation.precision, evaluation.metric_top1) == (0.8, 1.0, 1.0)
    assert evaluation.not_chinese == ["english-excerpt"]


def test_answer_key_reading():
    key = read_answer_key(FIXTURE / "answers" / "hanshan-short.yaml")
    assert (key.source, key.chinese, len(key.figures)) == ("hanshan-short", True, 5)
    assert (key.figures[0].value, key.figures[0].unit, key.figures[0].evidence) == (0.3, "万张", None)


@pytest.mark.parametrize(("number", "unit", "expected"), [
    (2.2, "万张", (22000, "张")), (3, "亿元", (3e8, "元")), (1.5, "千人", (1500, "人")), (5, "张", (5, "张")),
    (2, "萬畝", (20000, "畝")), (None, "万亩", (None, "万亩")),
])
def test_magnitude_words_fold_into_the_number(number, unit, expected):
    value, rest = folded(number, unit)
    assert (value == pytest.approx(expected[0]) if number else value is None) and rest == expected[1]


def test_cli_answers_prints_the_four_scores(capsys):
    status = main(["extract-eval", "--texts", str(FIXTURE / "texts"), "--answers", str(FIXTURE / "answers")])
    out = capsys.readouterr().out
    assert status == 0
    assert "metric top-1" in out and "left out, not in Chinese: 1 excerpt(s)" in out


def test_the_unseen_benchmark_scores_a_row_with_the_shared_rule():
    spec = importlib.util.spec_from_file_location("extraction_unseen", ROOT / "benchmarks" / "extraction_unseen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    key = read_answer_key(FIXTURE / "answers" / "hanshan-short.yaml")
    path = FIXTURE / "texts" / "hanshan_short.txt"
    row = module.score(key, path, path.read_text(encoding="utf-8"), default_catalog())
    assert {k: row[k] for k in ("candidates", "figures", "found", "missed", "false", "kinds_right")} == {
        "candidates": 4, "figures": 5, "found": 4, "missed": 1, "false": 0, "kinds_right": 3}
    assert (row["recall"], row["precision"], row["metric_top1"]) == ("0.800", "1.000", "1.000")
    assert set(module.COLUMNS) >= set(row)


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


def test_cli_answers_errors(capsys, tmp_path):
    assert main(["extract-eval", "--texts", str(tmp_path), "--answers", str(tmp_path / "none")]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'none'}: not a folder of answer keys\n"


def test_evaluation_error_is_a_value_error():
    with pytest.raises(EvaluationError):
        evaluate(FIXTURE / "nowhere", FIXTURE / "targets.yaml")


def test_seed_documents_meet_the_aims(capsys):
    """The evaluation of the curated data set: its figures are printed in the test output."""
    evaluation = evaluate(SEEDS)
    with capsys.disabled():
        print("\n" + format_report(evaluation))
    assert len(evaluation.documents) == 5
    assert all(evaluation.aims_met().values()), evaluation.aims_met()
    assert evaluation.recall >= AIMS["recall"]
