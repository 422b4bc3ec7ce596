"""One visitor cannot stall the others: while a curator's largest allowed paste is being read on
"Add a document", another visitor's Overview is drawn within twice its time on an idle server."""

import statistics
import time
from pathlib import Path

import pytest
from live_server import SIZES

from healthtargets.extract.text import PAGE_TEXT_MAX_CHARS

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "extract" / "sample_plan.txt"
DRAWN = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"


def largest_paste() -> str:
    """Plan text, repeated up to the page's limit: every repetition has figures to find."""
    text = FIXTURE.read_text(encoding="utf-8")
    return (text * (PAGE_TEXT_MAX_CHARS // len(text) + 1))[:PAGE_TEXT_MAX_CHARS]


def overview_time(page, url: str) -> float:
    """Seconds from asking for the Overview to its map and charts drawn."""
    started = time.perf_counter()
    page.goto(f"{url}/overview?lang=zh", timeout=120000)
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=120000)
    page.wait_for_function(DRAWN, timeout=120000)
    page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=120000)
    return time.perf_counter() - started


def neighbour_times(visitor, url: str, attempts: int) -> list[tuple[float, float, int]]:
    """Per attempt: (idle Overview time, Overview time beside a maximal paste, candidate lists shown).

    ``visitor`` is a tab; the curator works in another tab of its browser (a session of its own).
    Each attempt uploads a text of its own (the page keeps what it has read), measured against
    the idle time just before it: shared test machines are noisy, so the test takes the best.
    """
    results = []
    visitor.set_viewport_size(SIZES["desktop"])
    curator = visitor.context.new_page()
    curator.set_viewport_size(SIZES["desktop"])
    try:
        curator.goto(f"{url}/add_document?lang=en", timeout=120000)  # its extraction worker starts
        curator.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=120000)
        curator.wait_for_function(DRAWN, timeout=120000)
        curator.get_by_text("Upload a .txt file", exact=True).click()
        uploader = curator.locator("[data-testid='stFileUploader'] input[type=file]")
        uploader.wait_for(state="attached", timeout=120000)
        overview_time(visitor, url)  # warm-up: the data set and the page caches
        for attempt in range(1, attempts + 1):
            idle = statistics.median([overview_time(visitor, url) for _ in range(3)])
            # a file rather than the text box: Chromium itself takes long to lay out 200,000
            # characters typed into a box, and the test is about the server
            text = largest_paste()[:-1] + str(attempt)
            uploader.set_input_files(files=[{"name": f"plan{attempt}.txt", "mimeType": "text/plain",
                                             "buffer": text.encode("utf-8")}])
            # the file's caption is sent before the extraction starts: from here on the server reads it
            curator.get_by_text(f"Read plan{attempt}.txt:").wait_for(timeout=120000)
            busy = overview_time(visitor, url)
            curator.wait_for_selector("[data-testid='stDataFrame']", timeout=120000)
            curator.wait_for_function(DRAWN, timeout=120000)
            results.append((idle, busy, curator.get_by_text("candidate figures found").count()))
            if busy <= 2 * idle:
                break
    finally:
        curator.close()
    return results


def test_a_maximal_paste_does_not_stall_another_visitor(server, tab):
    results = neighbour_times(tab, server, attempts=2)
    for idle, busy, _ in results:
        print(f"\nOverview idle {idle:.2f} s, beside a {PAGE_TEXT_MAX_CHARS:,}-character paste {busy:.2f} s "
              f"({busy / idle:.2f}x)")
    assert all(found == 1 for _, _, found in results)  # each paste was read to the end, candidates listed
    idle, busy, _ = min(results, key=lambda r: r[1] / r[0])
    assert busy <= 2 * idle, f"Overview took {busy:.2f} s beside the paste, {idle:.2f} s idle (best of {len(results)})"
