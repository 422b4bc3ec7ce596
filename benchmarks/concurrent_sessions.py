"""Ten visitors at once against one alone: each opens every page in a real browser, side by side in one run.

    .venv/bin/python benchmarks/concurrent_sessions.py [--sessions 10 --rounds 2]

Starts `streamlit run app.py` on a free port (the real data set) and Debian's Chromium. After a
warm-up visit, times one session opening every page, then N sessions (separate browser
contexts, as separate visitors) doing the same at once, in turns for the rounds asked. A page
counts as drawn when its title is up, Streamlit has finished its run and every chart has its
SVG. Prints the time for one session, for all N, the ratio, and the error boxes seen (there
must be none). Exits 1 on any error box or exception.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
from live_server import ARGS, CHROMIUM, serving  # noqa: E402

from healthtargets.charts.export import WARM_UP_ENV  # noqa: E402
from healthtargets.views.registry import CHARTED, PAGES  # noqa: E402

QUERIES = {"browse": "region=130402", "sources": "doc=hanshan-2024-kangyang-opinions"}
BAD = "[data-testid='stException'], [data-testid='stAlertContentError']"


async def visit(browser, url: str) -> tuple[float, int]:
    """One visitor opening every page in turn: seconds taken and error boxes seen."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    errors, started = 0, time.perf_counter()
    for entry in PAGES:
        query = "&".join(q for q in (QUERIES.get(entry.key, ""), "lang=zh") if q)
        await page.goto(f"{url}/{entry.key}?{query}", timeout=120000)
        await page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=120000)
        await page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120000)
        if entry.key in CHARTED:
            await page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=120000)
        errors += await page.locator(BAD).count()
    seconds = time.perf_counter() - started
    await context.close()
    return seconds, errors


async def measure(url: str, sessions: int, rounds: int) -> dict:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        await visit(browser, url)  # warm-up: the first visit loads the data set and the caches
        alone, together, each, errors = [], [], [], 0
        for _ in range(rounds):
            seconds, bad = await visit(browser, url)
            alone.append(seconds)
            errors += bad
            started = time.perf_counter()
            results = await asyncio.gather(*(visit(browser, url) for _ in range(sessions)))
            together.append(time.perf_counter() - started)
            each += [s for s, _ in results]
            errors += sum(bad for _, bad in results)
        await browser.close()
    return {"alone": statistics.median(alone), "together": statistics.median(together),
            "each": statistics.median(each), "errors": errors}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with serving({WARM_UP_ENV: "1"}) as url:  # as `make run` serves: the image browser starts too
        r = asyncio.run(measure(url, args.sessions, args.rounds))
    pages = len(PAGES)
    print(f"every page ({pages}) in a real browser, median of {args.rounds} rounds; one server, one Chromium")
    print(f"one session alone:          {r['alone']:6.1f} s")
    print(f"{args.sessions} sessions at once, all: {r['together']:6.1f} s  ({r['together'] / r['alone']:.1f}× one alone;"
          f" {args.sessions}× would be no concurrency at all)")
    print(f"{args.sessions} sessions at once, each: {r['each']:6.1f} s median")
    print(f"error boxes or exceptions seen: {r['errors']}")
    return 1 if r["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
