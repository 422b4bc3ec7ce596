"""The qualifier of a number: a word right before it (不低于, 超过, 近, 约) or right after it (以上, 左右)."""

from __future__ import annotations

import re

from .vocabulary import (
    NOT_PREFIX_QUALIFIERS,
    PREFIX_LINKS,
    PREFIX_QUALIFIER_WINDOW,
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
)

_PREFIX_RE = re.compile(
    "(?:" + "|".join(re.escape(w) for w, _ in PREFIX_QUALIFIERS) + ")(?:" + "|".join(PREFIX_LINKS) + r")?\s?$"
)
_SUFFIX_RE = re.compile("(" + "|".join(SUFFIX_QUALIFIERS) + ")")


def prefix_qualifier(text: str, start: int) -> tuple[str, int] | None:
    """The qualifier a word right before the number states (不低于, 超过, 近, 约 …) and where it starts."""
    match = _PREFIX_RE.search(text, max(0, start - PREFIX_QUALIFIER_WINDOW), start)
    if not match:
        return None
    if match.start() > 0 and text[match.start() - 1] + match.group(0)[0] in NOT_PREFIX_QUALIFIERS:
        return None
    word = match.group(0)
    return next(q for w, q in PREFIX_QUALIFIERS if word.startswith(w)), match.start()


def suffix_qualifier(text: str, end: int) -> tuple[str, str, int] | None:
    """The qualifier a word right after the figure states (以上, 以下, 以内, 左右), the word, and its end."""
    match = _SUFFIX_RE.match(text, end)
    if not match:
        return None
    return SUFFIX_QUALIFIERS[match.group(1)], match.group(1), match.end()
