"""The numerals a figure may be made of: runs of at most 20 characters, read by the data set's parser.

A longer run (a line of digits, 1,000,000,… pasted from a table, 三三三…) is no figure a plan
states, and reading it would cost time that grows with its length (cn2an is quadratic on long
Chinese numerals and overflows a float from about 400 characters); it is skipped unread.
"""

from __future__ import annotations

from functools import lru_cache

from healthtargets.dataset.numbers import NUMERAL_RE, NumeralToken, numerals_in

from .vocabulary import LONE_MAGNITUDE_AFTER, LONE_MAGNITUDES, MAGNITUDE_WORDS

NUMERAL_MAX = 20  # characters: 1,234,567,890,123.45 and 二千零二十四万五千六百七十八 still fit
VALUE_MAX = 1e15  # a figure above this is no figure a plan states (and may not even be finite)


def numeral_tokens(text: str) -> list[NumeralToken]:
    """Every numeral token of a text no longer than NUMERAL_MAX, in order, with both readings; a magnitude
    word alone after an approximation (近百名, 近万人次) read as a round number."""
    tokens = []
    for match in NUMERAL_RE.finditer(text):
        if match.end() - match.start() > NUMERAL_MAX:
            continue
        numeral = match.group(0)
        if numeral in LONE_MAGNITUDES and text.endswith(LONE_MAGNITUDE_AFTER, 0, match.start()):
            value = LONE_MAGNITUDES[numeral]
            bare = 1 if numeral in MAGNITUDE_WORDS else value  # 万 stays in the unit (近万人次: 1 万人次)
            tokens.append(NumeralToken(numeral, match.start(), match.end(), value, bare))
            continue
        tokens += [_shifted(token, match.start()) for token in _read(numeral)]
    return tokens


@lru_cache(maxsize=4096)
def _read(numeral: str) -> tuple[NumeralToken, ...]:
    """The tokens of one run of numerals, read once however often a text writes it (2025, 3, 十)."""
    return tuple(numerals_in(numeral))


def _shifted(token: NumeralToken, offset: int) -> NumeralToken:
    return NumeralToken(token.text, token.start + offset, token.end + offset, token.value, token.bare)


def sane(*values: float | None) -> bool:
    """True when every value given is a finite number no larger than VALUE_MAX (None counts as sane)."""
    return all(v is None or abs(v) <= VALUE_MAX for v in values)
