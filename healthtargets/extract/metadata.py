"""What a document says of itself: title, issuer, 文号, dates, region and kind, to pre-fill a source.

Government pages carry fields (标题, 发文单位, 发文字号, 成文日期, 发布日期); letters carry a
letterhead and a signature with its date; a notice's title names its issuer (来宾市人民政府关于…的通知);
a news article starts with its headline and a dateline. Each is read where the text gives it, in
its own characters (traditional ones stay), and left empty where it does not: a curator fills in
what the text does not say.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass

from .catalog import Catalog
from .normalise import Normalised, normalise
from .region import document_region
from .vocabulary import (
    CHINESE_DIGITS,
    DATE_PUBLISHED_FIELDS,
    DATE_WRITTEN_FIELDS,
    DOC_NUMBER,
    DOC_NUMBER_FIELDS,
    DOC_NUMBER_LINE_SLACK,
    HEADLINE_MAX,
    ISSUER_LINE_ENDINGS,
    ISSUER_LINE_MAX,
    META_ISSUER_FIELDS,
    META_OTHER_FIELDS,
    NEWS_WORDS,
    NOT_A_HEADLINE,
    SIGNATURE_DATE,
    SIGNATURE_REACH,
    SOURCE_TYPE_WORDS,
    TITLE_ENDINGS,
    TITLE_FIELDS,
    TITLE_LABEL,
    TOP_LINES,
)


def _fields(words: tuple[str, ...]) -> str:
    """An alternation of field names, their characters perhaps set apart by spaces (标  题)."""
    return "|".join(r"[ \t\u3000]*".join(re.escape(c) for c in word) for word in words)


def _field_re(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"(?:{_fields(words)})\s*+[:：]\s*+([^\n]*)")


_TITLE_FIELD_RE, _ISSUER_FIELD_RE = _field_re(TITLE_FIELDS), _field_re(META_ISSUER_FIELDS)
_DOC_NUMBER_FIELD_RE, _DOC_NUMBER_RE = _field_re(DOC_NUMBER_FIELDS), re.compile(DOC_NUMBER)
_DATE_WRITTEN_RE, _DATE_PUBLISHED_RE = _field_re(DATE_WRITTEN_FIELDS), _field_re(DATE_PUBLISHED_FIELDS)
_ALL_FIELDS = TITLE_FIELDS + META_ISSUER_FIELDS + DOC_NUMBER_FIELDS + DATE_WRITTEN_FIELDS + DATE_PUBLISHED_FIELDS
_NEXT_FIELD_RE = re.compile(rf"\s{{2,}}|\s*(?:{_fields(_ALL_FIELDS + META_OTHER_FIELDS)})\s*[:：]")
_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_SIGNATURE_DATE_RE = re.compile(SIGNATURE_DATE, re.MULTILINE)
_ISSUER_END_RE = re.compile(rf"[^\s，。；：:]{{2,{ISSUER_LINE_MAX}}}?(?:{'|'.join(ISSUER_LINE_ENDINGS)})")
_TITLE_END_RE = re.compile(rf"(?:{'|'.join(TITLE_ENDINGS)})$")
_NOT_A_HEADLINE_RE = re.compile("|".join(NOT_A_HEADLINE))
_NEWS_RE = re.compile("|".join(NEWS_WORDS))
_TITLE_LABEL_RE = re.compile(TITLE_LABEL)
_NUMBERED_TITLE_RE = re.compile(rf"\s*[（(]\s*{DOC_NUMBER}\s*[)）]\s*$")


@dataclass
class DocumentMeta:
    """The source fields a text gives; None where it gives none."""

    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    date_written: dt.date | None = None
    date_published: dt.date | None = None
    region: str | None = None
    type: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def document_meta(text: str, catalog: Catalog) -> DocumentMeta:
    """The title, issuer, 文号, dates, region and kind of source a text gives, as it writes them."""
    source = normalise(text)
    reader = _Reader(source)
    title = reader.field(_TITLE_FIELD_RE) or reader.title()
    if title:  # 来宾市人民政府关于…的通知(来政发〔2019〕22号): the number is a field of its own
        title = _NUMBERED_TITLE_RE.sub("", title) or title
    meta = DocumentMeta(
        title=title, issuer=reader.issuer(title), doc_number=reader.doc_number(),
        date_written=_date(reader.field(_DATE_WRITTEN_RE)) or _signature_date(source.text),
        date_published=_date(reader.field(_DATE_PUBLISHED_RE)) or _dateline(reader.top),
        region=document_region(source.text, catalog),
    )
    simplified = normalise(title).text if title else ""
    meta.type = next((kind for word, kind in SOURCE_TYPE_WORDS if word in simplified), None)
    if meta.type is None and _NEWS_RE.search(source.text[:SIGNATURE_REACH]):
        meta.type = "news_report"
    return meta


def written_year(source: Normalised) -> int | None:
    """The year of the date the document gives itself: written (a field, a signature), else published."""
    reader = _Reader(source)
    date = (_date(reader.field(_DATE_WRITTEN_RE)) or _signature_date(source.text)
            or _date(reader.field(_DATE_PUBLISHED_RE)) or _dateline(reader.top))
    return date.year if date else None


class _Reader:
    """Finds spans in the normalised text and gives them back as the original writes them."""

    def __init__(self, source: Normalised):
        self.source = source
        text = source.text
        self.lines, position = [], 0
        for line in text.split("\n"):
            stripped = line.strip()
            if stripped:
                start = position + line.index(stripped)
                self.lines.append((start, start + len(stripped)))
            position += len(line) + 1
        self.top = [text[s:e] for s, e in self.lines[:TOP_LINES]]

    def original(self, start: int, end: int) -> str:
        """text[start:end] in the original's characters (traditional ones stay), its noise left out."""
        offsets, original = self.source.offsets, self.source.original
        written = original[start:end] if offsets is None else "".join(original[offsets[i]] for i in range(start, end))
        return _TITLE_LABEL_RE.sub("", written.strip())

    def field(self, pattern: re.Pattern) -> str | None:
        """The value of the first field the pattern names, cut at the next field or a wide gap."""
        match = pattern.search(self.source.text)
        if not match:
            return None
        cut = _NEXT_FIELD_RE.search(match.group(1).strip())
        value = match.group(1).strip()[:cut.start() if cut else None].strip()
        start = match.start(1) + match.group(1).index(value) if value else 0
        return self.original(start, start + len(value)) if value else None

    def title(self) -> str | None:
        """A notice's title near the top (…关于…的通知, over one to three lines), else the headline."""
        text = self.source.text
        for index, (start, end) in enumerate(self.lines[:TOP_LINES]):
            line = text[start:end]
            if "关于" not in line or len(line) > HEADLINE_MAX or _NOT_A_HEADLINE_RE.search(line):
                continue
            for last in range(index, min(index + 3, len(self.lines))):
                if last > index and self.lines[last][1] - self.lines[last][0] > HEADLINE_MAX:
                    break
                if _TITLE_END_RE.search(_squeezed(text[start:self.lines[last][1]])):
                    return _squeezed(self.original(start, self.lines[last][1]))
        return next((self.original(s, e) for s, e in self.lines[:TOP_LINES] if _headline(text[s:e])), None)

    def issuer(self, title: str | None) -> str | None:
        """The issuer's field, else the one a notice's title names (…人民政府关于…), else a letterhead or signature."""
        if field := self.field(_ISSUER_FIELD_RE):
            return field
        if title and "关于" in title and (named := _ISSUER_END_RE.fullmatch(title.split("关于")[0])):
            return named.group(0)
        text = self.source.text
        for start, end in self.lines[:TOP_LINES] + self.lines[-TOP_LINES:]:
            line = _squeezed(text[start:end])
            if len(line) <= ISSUER_LINE_MAX and _ISSUER_END_RE.fullmatch(line) and not any(c.isdigit() for c in line):
                return _squeezed(self.original(start, end))
        return None

    def doc_number(self) -> str | None:
        """The 文号 field, else one near the top alone on its line or on the title's (a body cites others' numbers)."""
        field = self.field(_DOC_NUMBER_FIELD_RE)
        if field and (match := _DOC_NUMBER_RE.search(field)):
            return re.sub(r"\s+", "", match.group(0))
        for start, end in self.lines[:TOP_LINES]:  # alone on its line, or after the title it numbers
            match = _DOC_NUMBER_RE.search(self.source.text, start, end)
            if match and (end - start - len(match.group(0)) <= DOC_NUMBER_LINE_SLACK or "关于" in self.source.text[start:end]):
                return re.sub(r"\s+", "", self.original(match.start(), match.end()))
        return None


def _headline(line: str) -> bool:
    """The first line of an article: long enough, short enough, Chinese, no menu, credit or sentence."""
    han = sum(1 for ch in line if "\u4e00" <= ch <= "\u9fff")
    return (8 <= len(line) <= HEADLINE_MAX and han >= 6 and not line.endswith(("。", "：", ":"))
            and len(line.split()) <= 3 and not _NOT_A_HEADLINE_RE.search(line))


def _squeezed(line: str) -> str:
    """复 函 -> 复函: the spaces a letterhead sets between characters."""
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", line)


def _date(value: str | None) -> dt.date | None:
    match = _DATE_RE.search(value or "")
    return _valid_date(*(int(g) for g in match.groups())) if match else None


def _dateline(top: list[str]) -> dt.date | None:
    """The date of a news page's dateline near the top (2022-01-07 15:47:07, 2020年08月19日 星期三)."""
    return next((d for line in top if re.search(r"\d{1,2}:\d{2}|星期", line) and (d := _date(line))), None)


def _signature_date(text: str) -> dt.date | None:
    """A date alone on a line near the end: the date a letter or notice was signed (二〇二四年七月二十五日 too)."""
    dates = [_chinese_date(m.group(0)) for m in _SIGNATURE_DATE_RE.finditer(text[-SIGNATURE_REACH:])]
    dates = [d for d in dates if d]
    return dates[-1] if dates else None


def _chinese_date(written: str) -> dt.date | None:
    """2024年7月25日 or 二〇二四年七月二十五日 as a date."""
    parts = re.split(r"[年月日]", re.sub(r"\s+", "", written))[:3]
    numbers = [_small_number(part) for part in parts]
    return _valid_date(*numbers) if None not in numbers else None


def _small_number(part: str) -> int | None:
    """2024, 二〇二四, 二十五, 十二: a year, month or day written in digits or Chinese numerals."""
    if part.isdigit():
        return int(part)
    values = {c: d for d, c in enumerate(CHINESE_DIGITS)} | {"〇": 0}
    if part and all(c in values for c in part):  # 二〇二四: digit by digit
        return int("".join(str(values[c]) for c in part))
    tens, _, units = part.partition("十")
    if "十" not in part or (tens and tens not in values) or (units and units not in values):
        return None
    return (values[tens] if tens else 1) * 10 + (values[units] if units else 0)


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
