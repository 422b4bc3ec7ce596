"""A real dashboard for browser tests and benchmarks: `streamlit run app.py` on a free port, and Chromium.

Shared by the tests/test_browser*.py modules and benchmarks/concurrent_sessions.py.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from healthtargets.charts.export import WARM_UP_ENV

ROOT = Path(__file__).resolve().parent.parent
# Debian's headless shell: the same Chromium (version and engine) built without the windowed
# browser around it, as Playwright's own headless runs use; each visit costs it about 10% less
# processor time than /usr/bin/chromium --headless (measured side by side, /usr/bin/chromium
# stays what chart images are drawn with)
CHROMIUM = "/usr/bin/chromium-headless-shell"
# Visits are made as a reader who has asked for reduced motion: Streamlit then skips its entrance
# animations and transitions, which Chromium otherwise draws frame by frame (about 10% of its
# time on a visit); the tests look at pages once they are still (see `still`), which the
# animations do not change
READER = {"reduced_motion": "reduce"}
# The two screens every page is checked on: a desktop window and a phone.
SIZES = {"desktop": {"width": 1400, "height": 1000}, "phone": {"width": 390, "height": 844}}
LOCAL = {"localhost", "127.0.0.1"}  # the only hosts a page may request anything from
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(env: dict[str, str] | None = None) -> Iterator[str]:
    """A fresh server's URL; `env` adds to the environment (HEALTHTARGETS_* of the caller's are dropped).
    No browser test downloads an image, so the server starts no image browser unless `env` asks for
    it (WARM_UP_ENV: 8 s of processor time at its first chart, beside the visits)."""
    port = free_port()
    quiet = {WARM_UP_ENV: "0"}
    environment = {k: v for k, v in os.environ.items() if not k.startswith("HEALTHTARGETS_")} | quiet | (env or {})
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("streamlit did not start within 60 s")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def settled(page, timeout: int = 60000) -> None:
    """Wait until the page has a title and Streamlit has stopped running its script."""
    page.wait_for_selector("[data-testid='stMainBlockContainer'] h1", timeout=timeout)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout)


# What a reader would see change while the page is still moving: Streamlit running its script,
# elements greyed out as stale (axe would rightly find faded text too faint), and the size of every
# chart's drawing (plotly redraws a chart some moments after its place changes size).
# Still: not running, nothing stale, unchanged for `quiet` ms.
STILL = """quiet => {
  const charts = [...document.querySelectorAll("[data-testid='stPlotlyChart'] .main-svg")]
    .map(svg => { const r = svg.getBoundingClientRect(); return Math.round(r.width) + "x" + Math.round(r.height); });
  const running = !!document.querySelector('[data-testid="stStatusWidget"]');
  const stale = document.querySelectorAll('[data-stale="true"]').length;
  const now = [running, stale, charts.join()].join("|");
  const at = performance.now();
  if (window.__still !== now) { window.__still = now; window.__stillSince = at; return false; }
  return !running && stale === 0 && at - window.__stillSince >= quiet;
}"""


def still(page, quiet: int = 400, timeout: int = 30000) -> None:
    """Wait until the page has stopped changing (see STILL) for `quiet` ms: a rerun that follows the
    first (the URL's state written back), plotly's redraw after a resize. A fixed pause instead
    either waits too long or, on a loaded machine, not long enough."""
    page.wait_for_function(STILL, arg=quiet, polling=100, timeout=timeout)


def opened(page, url: str, size: str = "desktop", timeout: int = 60000):
    """`page` (a tab, see `visiting`) showing `url` at one of SIZES, settled and still."""
    with visiting(page, url, size):
        settled(page, timeout=timeout)
        still(page)
    return page


@contextmanager
def visiting(tab, url: str, size: str) -> Iterator[set[str]]:
    """Open `url` in `tab` at one of SIZES; yields the set of hosts the visit requests anything from
    (filled as the page loads). A page opened again in the same tab starts afresh, a new document
    and a new Streamlit session, but Chromium keeps the scripts it has compiled: plotly draws in
    about 1 s instead of 3 (see the `tab` fixture in conftest)."""
    hosts: set[str] = set()

    def record(request) -> None:
        hosts.add(request.url.split("/")[2].rsplit(":", 1)[0])

    tab.set_viewport_size(SIZES[size])
    tab.on("request", record)
    try:
        tab.goto(url)
        yield hosts
    finally:
        tab.remove_listener("request", record)


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium driven by Playwright (sync API), closed afterwards."""
    from playwright import sync_api as playwright

    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()
