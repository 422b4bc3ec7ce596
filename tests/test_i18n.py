import pytest

from healthtargets import i18n


def test_every_string_has_both_languages_and_the_same_placeholders():
    import string

    for key, entry in i18n.STRINGS.items():
        assert set(entry) == {"zh", "en"}, key
        fields = [{f for _, f, _, _ in string.Formatter().parse(entry[lang]) if f} for lang in ("zh", "en")]
        assert fields[0] == fields[1], key


@pytest.mark.parametrize("vocabulary", sorted(i18n.VOCABULARIES))
def test_every_vocabulary_word_has_both_languages(vocabulary):
    for key, entry in i18n.VOCABULARIES[vocabulary].items():
        assert set(entry) == {"zh", "en"}, (vocabulary, key)


def test_t_fills_placeholders_and_falls_back_to_chinese():
    assert i18n.t("overview.figures_n", "en", n=3) == "3 figures"
    assert i18n.t("overview.figures_n", "xx", n=3) == "3 条数据"
    assert i18n.name("kind", "target", "zh") == "目标"
    assert i18n.name("confidence", "unknown-word", "en") == "unknown-word"


def test_vocabularies_cover_the_schema():
    from typing import get_args

    from healthtargets.dataset import schema

    assert set(i18n.KINDS) == set(get_args(schema.Kind))
    assert set(i18n.QUALIFIERS) == set(get_args(schema.Qualifier))
    assert set(i18n.CONFIDENCE) == set(get_args(schema.Confidence))
    assert set(i18n.SOURCE_TYPES) == set(get_args(schema.SourceType))
