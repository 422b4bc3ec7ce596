"""The dashboard's words in Chinese and English: one table per language, looked up with t().

Names that live in the reference tables (regions, metrics, categories, units) are translated
there and read with localised(); the tables here hold the interface's own words (zh.py, en.py)
and the names of the data set's fixed vocabularies (kinds, qualifiers, confidence, source types,
levels). Nothing here imports anything else of the project.
"""

from __future__ import annotations

import re

from . import en, zh

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
_TABLES = {"zh": zh, "en": en}


def _table(lang: str):
    return _TABLES.get(lang, _TABLES[DEFAULT_LANG])


def t(key: str, lang: str, **kw) -> str:
    """The interface string `key` in `lang` ('zh' or 'en'), with {placeholders} filled."""
    text = _table(lang).STRINGS[key]
    return text.format(**kw) if kw else text


_MARKDOWN_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text: str) -> str:
    """`text` as itself where Streamlit reads Markdown (a file's name in a caption): every ASCII
    punctuation mark that Markdown, or Streamlit's :colour[…] and :emoji: forms, would read is escaped."""
    return _MARKDOWN_SPECIAL_RE.sub(r"\\\1", " ".join(text.splitlines()))


def name(vocabulary: str, key: str | None, lang: str) -> str:
    """A fixed vocabulary's word: name('kind', 'target', 'en') == 'target'."""
    if key is None:
        return ""
    return _table(lang).VOCABULARIES[vocabulary].get(key, key)


def localised(entry, lang: str, field: str = "") -> str:
    """The `lang` reading of a reference entry's field: its ``<field>_<lang>`` attribute when it has one,
    else ``<field>`` itself (the Chinese original, as a source's title beside its title_en).

    localised(region, 'en') is region.en; localised(group, 'zh', 'note') is group.note_zh;
    localised(source, 'zh', 'title') is source.title, localised(source, 'en', 'title') source.title_en.
    """
    lang = lang if lang in LANGS else DEFAULT_LANG
    attribute = f"{field}_{lang}" if field else lang
    if hasattr(entry, attribute):
        return getattr(entry, attribute)
    return getattr(entry, field)


def col(frame_column: str, lang: str) -> str:
    """The frame's language-dependent column: col('region', 'en') == 'region_en'."""
    return f"{frame_column}_{lang if lang in LANGS else DEFAULT_LANG}"


def joined(items, lang: str, separator: str = "punct.enum") -> str:
    """Items joined the language's way: '南岸区、綦江区' / "Nan'an District, Qijiang District"."""
    return t(separator, lang).join(items)
