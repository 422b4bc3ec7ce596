"""The validator's problems with a snippet said in plain words, in the page's language.

The validator writes for the data file (snippet.yaml:12: source Bad Id: id: 'Bad Id' is not a
lower-case slug …); the curator on the page needs to know which field of which figure to fix,
and how. Each problem becomes one sentence: who (the source, figure 3 (1860张)), then what to do.
"""

from __future__ import annotations

from healthtargets.dataset.errors import Problem
from healthtargets.i18n import t

# Fields with a sentence of their own (add.problem.field.<field>); any other gets add.problem.other
PLAIN_FIELDS = (
    "id", "title", "title_en", "issuer", "region", "type", "date_written", "date_published", "url",
    "value", "low", "high", "unit", "metric", "kind", "qualifier", "year", "evidence", "confidence", "note",
)
TAKEN, NOT_IN_TEXT, NONE_ACCEPTED = "already used", "not found in the text", "none accepted"
DERIVED = ("id", "source")  # a figure's fields made from its source's id


def plain_problems(problems: list[Problem], lang: str, figure_labels: dict[str, str]) -> list[str]:
    """One sentence per problem; figure_labels names each figure by its id (1 (26家)).

    A figure's id and source are made from the source's id: when that is wrong, so are they, and
    only the source's problem is told.
    """
    source_id_wrong = any(p.record.startswith("source ") and p.field == "id" for p in problems)
    told = [p for p in problems if not (source_id_wrong and p.record.startswith("figure ") and p.field in DERIVED)]
    return list(dict.fromkeys(_plain(problem, lang, figure_labels) for problem in told))


def _plain(problem: Problem, lang: str, figure_labels: dict[str, str]) -> str:
    kind, _, ident = problem.record.partition(" ")
    if kind == "source":
        who = t("add.problem.source", lang)
    elif kind == "figure":
        who = t("add.problem.figure", lang, label=figure_labels.get(ident, ident))
    else:
        who = t("add.problem.snippet", lang)
    if NONE_ACCEPTED in problem.message:
        return t("add.problem.none", lang)
    if TAKEN in problem.message:
        what = t("add.problem.taken", lang)
    elif NOT_IN_TEXT in problem.message:
        what = t("add.problem.not_in_text", lang)
    elif problem.field in PLAIN_FIELDS:
        what = t(f"add.problem.field.{problem.field}", lang)
    else:
        what = t("add.problem.other", lang, field=problem.field or problem.record, detail=problem.message)
    return t("add.problem.line", lang, who=who, what=what)
