"""A real dashboard for browser tests and benchmarks: `streamlit run app.py` on a free port, and Chromium.

Shared by tests/test_browser.py, tests/test_browser_live_edit.py and benchmarks/concurrent_sessions.py.
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

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(env: dict[str, str] | None = None) -> Iterator[str]:
    """A fresh server's URL; `env` adds to the environment (HEALTHTARGETS_* of the caller's are dropped)."""
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("HEALTHTARGETS_")} | (env or {})
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


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium driven by Playwright (sync API), closed afterwards."""
    from playwright import sync_api as playwright

    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@contextmanager
def chromium_saving_to(folder: Path) -> Iterator:
    """chromium(), with ``folder`` emptied first for the screenshots the tests save."""
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with chromium() as browser:
        yield browser
