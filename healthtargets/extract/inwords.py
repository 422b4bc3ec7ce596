"""Figures stated in words, with no numeral the scan reads: zeros and orders of magnitude.

- 我区还没有规模以上康养产业企业 is 0 家, the state of things now;
- 打造千亿级产业集群 is about 1000 亿元, 突破百亿元 over 100 亿元, 万亿级产业 about 1 万亿元: an order
  of magnitude, not a figure stated to the unit (medium confidence); one that names the class of an
  industry (千亿级, 百亿元产业) with no bound word before it is the shape of an aim.
"""

from __future__ import annotations

import re

from .candidate import Number
from .catalog import Catalog
from .qualifier import prefix_qualifier
from .vocabulary import (
    MONEY_UNIT,
    ORDER_CLASS_AFTER,
    ORDER_CLASS_GAP,
    ORDER_MONEY_AFTER,
    ORDER_OF_MAGNITUDE,
    ORDER_WORDS,
    ZERO_DEFAULT_UNIT,
    ZERO_GAP,
    ZERO_NOUNS,
    ZERO_UNITS,
    ZERO_WORDS,
)

_ZERO_RE = re.compile(
    rf"(?P<word>{'|'.join(ZERO_WORDS)})(?P<what>[^，,。；;、\n]{{0,{ZERO_GAP}}}?)"
    rf"(?P<noun>{'|'.join(ZERO_NOUNS)})"
)
_ORDER_RE = re.compile(ORDER_OF_MAGNITUDE)
_ORDER_CLASS_RE = re.compile(rf"[\u4e00-\u9fff]{{0,{ORDER_CLASS_GAP}}}?(?:{'|'.join(ORDER_CLASS_AFTER)})")


def scan_in_words(text: str, catalog: Catalog, masked: bytearray) -> list[Number]:
    """Zeros and orders of magnitude stated in words, outside the masked spans."""
    return [n for n in _zeros(text, catalog) + _orders(text, catalog) if not masked[n.start]]


def _zeros(text: str, catalog: Catalog) -> list[Number]:
    """Zeros stated in words, as figures of value 0 in 家 (enterprises) or 个 (bases, projects)."""
    found = []
    for match in _ZERO_RE.finditer(text):
        unit = ZERO_UNITS.get(match.group("noun"), ZERO_DEFAULT_UNIT)
        if unit in catalog.units.written:
            note = f"a zero stated in words ('{match.group('word')}'): the text gives no numeral"
            found.append(Number(0, None, None, unit, "exact", match.start(), match.end(), note,
                                bound_word=match.group("word"), zero=True, confidence="medium"))
    return found


def _orders(text: str, catalog: Catalog) -> list[Number]:
    """千亿级 -> about 1000 亿元; 百亿元 -> 100 亿元; 万亿级 -> about 1 万亿元; 规模破千亿 -> over 1000 亿元
    (a qualifier word before it read as usual)."""
    found = []
    for match in _ORDER_RE.finditer(text):
        magnitude = match.group("trillion") or match.group("magnitude")
        unit = magnitude + MONEY_UNIT
        prefix = None if match.group("level") else prefix_qualifier(text, match.start())
        money = (match.group("yuan") or (match.group("level") and magnitude.endswith("亿"))  # 千万级: of what?
                 or (magnitude.endswith("亿") and (prefix or text.startswith(ORDER_MONEY_AFTER, match.end()))))
        if unit not in catalog.units.written or not money:
            continue
        qualifier, written_start, bound = "about", match.start(), ""
        aim = "" if prefix else _aim(text, match)
        if prefix:
            qualifier, written_start = prefix
            bound = text[written_start:match.start()]
        elif not match.group("level"):
            qualifier = "exact"
        note = f"an order of magnitude ('{match.group(0)}'), not a figure stated to the unit"
        found.append(Number(ORDER_WORDS[match.group("order") or ""], None, None, unit, qualifier, match.start(),
                            match.end(), note, written_start, bound, confidence="medium", aim=aim))
    return found


def _aim(text: str, match: re.Match) -> str:
    """千亿级 or 百亿元产业 names the class an industry is to reach: the words of an aim, else ''."""
    if match.group("level") or _ORDER_CLASS_RE.match(text, match.end()):
        return match.group(0)
    return ""
