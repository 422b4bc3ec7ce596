"""Long tables shown a page at a time, so that no page sends thousands of rows to the browser."""

from __future__ import annotations

from dataclasses import dataclass

PAGE_ROWS = 1000  # rows per page of a table; a table this long or shorter is shown whole


@dataclass(frozen=True)
class Window:
    """Rows start..stop (0-based, stop excluded) of total: page `page` of `pages` (1-based)."""

    page: int
    pages: int
    start: int
    stop: int
    total: int


def window(total: int, page: int, size: int = PAGE_ROWS) -> Window:
    """The rows of one page; a page number out of range is taken as the nearest page."""
    pages = max(1, -(-total // size))
    page = min(max(1, int(page)), pages)
    start = (page - 1) * size
    return Window(page, pages, start, min(start + size, total), total)
