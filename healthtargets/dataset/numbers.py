"""Read numbers as Chinese documents write them: 289.3, 3千, 三千, 十万, 两, 4.2亿.

A numeral token is either Arabic digits (with an optional decimal part and
thousands separators) followed by optional magnitude words (千, 万, 亿), or a
run of Chinese numeral characters.  Each token found in a text carries two
readings: the whole (3千 -> 3000, 十万 -> 100000) and the part before a trailing
magnitude word (3千 -> 3, 十万 -> 10), because curated figures keep 万 and 亿
in the unit (10万亩 is value 10, unit 万亩) but fold 千 into the number.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import cn2an

MAGNITUDES = {"千": 1e3, "万": 1e4, "亿": 1e8}
_CHINESE_DIGITS = "零〇一二两三四五六七八九十百千万亿"
NUMERAL_RE = re.compile(
    r"(?P<arabic>\d+(?:,\d{3})*(?:\.\d+)?)(?P<mag>[千万亿]*)"
    rf"|(?P<chinese>[{_CHINESE_DIGITS}]+)"
)
_ARABIC_WITH_MAGNITUDES_RE = re.compile(r"(\d+(?:\.\d+)?)([千万亿]+)")
# Words that state a zero without a numeral: "我区还没有…企业".
ZERO_WORDS = ("还没有", "没有", "尚无", "尚未", "暂无", "空白")


@dataclass(frozen=True)
class NumeralToken:
    """One numeral in a text, with its position and both readings."""

    text: str
    start: int
    end: int
    value: float  # the whole reading, magnitude words included
    bare: float  # the reading without trailing magnitude words

    @property
    def magnitude(self) -> str:
        """Trailing magnitude words of the token ('' when none)."""
        stripped = self.text.rstrip("千万亿")
        return self.text[len(stripped):]


def parse_numeral(text: str) -> float:
    """Read one numeral: '3千' -> 3000, '三千' -> 3000, '两' -> 2, '4.2亿' -> 4.2e8.

    Raises ValueError when the text is not a numeral.
    """
    token = text.strip().replace(",", "")
    if not token:
        raise ValueError("empty numeral")
    try:
        return float(token)
    except ValueError:
        pass
    mixed = _ARABIC_WITH_MAGNITUDES_RE.fullmatch(token)
    if mixed:  # 1.25万亿: cn2an reads digits before one magnitude word only
        return float(mixed.group(1)) * math.prod(MAGNITUDES[m] for m in mixed.group(2))
    try:
        return float(cn2an.cn2an(token, "smart"))
    except (ValueError, KeyError) as exc:
        raise ValueError(f"not a numeral: {text!r}") from exc


def numerals_in(text: str) -> list[NumeralToken]:
    """Every numeral token of a text, in order, with both readings."""
    tokens = []
    for match in NUMERAL_RE.finditer(text):
        raw = match.group(0)
        try:
            whole = parse_numeral(raw)
        except ValueError:
            continue
        stripped = raw.rstrip("千万亿")
        try:
            bare = parse_numeral(stripped) if stripped and stripped != raw else whole
        except ValueError:
            bare = whole
        tokens.append(NumeralToken(raw, match.start(), match.end(), whole, bare))
    return tokens


def states_zero(text: str) -> bool:
    """True when the text states a zero in words (还没有, 尚无 …) or writes 0/零."""
    return any(word in text for word in ZERO_WORDS) or any(
        t.value == 0 for t in numerals_in(text)
    )


def same_number(a: float, b: float) -> bool:
    """Equality that forgives float noise (0.7 vs 0.7000000001)."""
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def text_has_number(text: str, number: float) -> bool:
    """True when a numeral in the text reads as the number, whole or bare."""
    if number == 0 and states_zero(text):
        return True
    return any(
        same_number(t.value, number) or same_number(t.bare, number)
        for t in numerals_in(text)
    )


def text_has_run_together_range(text: str, low: float, high: float) -> bool:
    """True when the text shows a range whose dash was lost: '510亿元' for 5–10."""
    joined = f"{_plain(low)}{_plain(high)}"
    return any(t.text.rstrip("千万亿").replace(",", "") == joined for t in numerals_in(text))


def _plain(number: float) -> str:
    """12.0 -> '12', 0.5 -> '0.5'."""
    return f"{number:g}" if number != int(number) else str(int(number))
