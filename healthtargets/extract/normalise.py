"""The text the steps read: traditional characters converted to simplified, noise taken out.

Pages copied from the web come in traditional characters (億, 萬, 畝, 達到), with romanisation in
brackets after characters (產(chǎn)業(yè)), stray markup and full-width spaces between a number and its
unit. The steps read a normalised copy; every offset they give is mapped back, so that the
evidence and the figure as written quote the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .vocabulary import NOISE, OPENCC_CONFIG

_NOISE_RE = re.compile("|".join(f"(?:{pattern})" for _, pattern in NOISE))


@dataclass(frozen=True)
class Normalised:
    """A text as the steps read it, and the way back to the original."""

    text: str  # what the steps read
    original: str
    offsets: tuple[int, ...] | None  # the original index of each character of text; None: the same
    converted: frozenset[int]  # indices in text of characters converted from traditional ones

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of text[start:end]."""
        if self.offsets is None or start >= end:
            return start, end
        return self.offsets[start], self.offsets[end - 1] + 1

    def conversions(self, start: int, end: int) -> str:
        """The characters of text[start:end] converted, as 'X→Y' pairs ('' when none)."""
        if not self.converted:
            return ""
        pairs = dict.fromkeys(f"{self.original[self.span(i, i + 1)[0]]}→{self.text[i]}"
                              for i in range(start, end) if i in self.converted)
        return " ".join(pairs)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC(OPENCC_CONFIG)


def normalise(text: str) -> Normalised:
    """The text with traditional characters converted and noise removed, and the offsets back."""
    simplified = _simplified(text)
    converted = frozenset(i for i, (a, b) in enumerate(zip(text, simplified)) if a != b) if simplified != text else frozenset()
    if not _NOISE_RE.search(simplified):
        return Normalised(simplified, text, None, converted)
    kept, pieces, position = [], [], 0
    for match in _NOISE_RE.finditer(simplified):
        pieces.append(simplified[position:match.start()])
        kept.extend(range(position, match.start()))
        position = match.end()
    pieces.append(simplified[position:])
    kept.extend(range(position, len(simplified)))
    index = {original: new for new, original in enumerate(kept)}
    return Normalised("".join(pieces), text, tuple(kept), frozenset(index[i] for i in converted if i in index))


def _simplified(text: str) -> str:
    """OpenCC's simplified text, character for character; a line it converts to another length keeps
    the conversions of its single characters only, so that offsets stay those of the original."""
    if text.isascii():
        return text
    converter = _converter()
    whole = converter.convert(text)
    if len(whole) == len(text):
        return whole
    lines = []
    for line in text.splitlines(keepends=True):
        converted = converter.convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in line)
        lines.append(converted)
    return "".join(lines)
