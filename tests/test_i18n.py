"""The interface's words: both languages have every string and word, with the same placeholders."""

import ast
import string
from pathlib import Path
from typing import get_args

import pytest

from healthtargets import i18n
from healthtargets.dataset import schema
from healthtargets.i18n import en, zh

ROOT = Path(__file__).resolve().parent.parent


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_both_languages_have_the_same_keys():
    assert set(zh.STRINGS) == set(en.STRINGS)


@pytest.mark.parametrize("key", sorted(zh.STRINGS))
def test_each_string_has_the_same_placeholders_in_both_languages(key):
    assert _fields(zh.STRINGS[key]) == _fields(en.STRINGS[key])


@pytest.mark.parametrize("vocabulary", sorted(zh.VOCABULARIES))
def test_every_vocabulary_word_has_both_languages(vocabulary):
    assert set(zh.VOCABULARIES[vocabulary]) == set(en.VOCABULARIES[vocabulary])


def test_t_fills_placeholders_and_falls_back_to_chinese():
    assert i18n.t("overview.figures_n", "en", n=3) == "3 figures"
    assert i18n.t("overview.figures_n", "xx", n=3) == "3 条数据"
    assert i18n.name("kind", "target", "zh") == "目标"
    assert i18n.name("confidence", "unknown-word", "en") == "unknown-word"


@pytest.mark.parametrize("vocabulary, literal", [
    ("kind", schema.Kind), ("qualifier", schema.Qualifier), ("confidence", schema.Confidence),
    ("source_type", schema.SourceType),
])
def test_vocabularies_cover_the_schema(vocabulary, literal):
    assert set(zh.VOCABULARIES[vocabulary]) == set(get_args(literal))


def _language_choices(path: Path) -> list[int]:
    """Lines comparing a variable named lang with a language code: an inline language choice."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) and node.left.id == "lang":
            if any(isinstance(c, ast.Constant) and c.value in i18n.LANGS for c in node.comparators):
                lines.append(node.lineno)
    return lines


CODE = sorted(p for folder in ("healthtargets", "pages", "ui") for p in (ROOT / folder).rglob("*.py")) + [ROOT / "app.py"]


@pytest.mark.parametrize("path", CODE, ids=[str(p.relative_to(ROOT)) for p in CODE])
def test_no_inline_language_choice(path):
    """Interface words go through t() and localised(), never `"…" if lang == "zh" else "…"`."""
    assert _language_choices(path) == []
