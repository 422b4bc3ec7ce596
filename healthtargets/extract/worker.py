"""Extraction in a process of its own, for the dashboard.

Reading a long text takes seconds of pure Python. Run in the server's own interpreter, it holds
the interpreter lock in turns with every other visitor's page; in a worker process it takes one
CPU and leaves the server's interpreter to the others, and it runs at a lower priority (nice
10), so that pages being drawn come first when the machine's CPUs are all busy. One worker is started on first use (by
"spawn": the server has threads, and a fork would copy their locks) and kept; a worker that dies
is replaced on the next call.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .candidate import Candidate
from .catalog import Catalog
from .pipeline import extract

NICENESS = 10  # pages first: the scheduler gives the worker about a tenth of what a page's thread gets
_pool: ProcessPoolExecutor | None = None
_lock = threading.Lock()


def _executor() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=os.nice, initargs=(NICENESS,))
        return _pool


def _forget(broken: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is broken:
            _pool = None


def _ready() -> None:
    """Nothing: running it makes the worker import the extraction (this module imports it)."""


def warm_up() -> None:
    """Start the worker now, in the background: the page calls this when it opens, so that the
    worker is ready by the time a text has been pasted (starting one takes seconds)."""
    _executor().submit(_ready)


def extract_in_worker(text: str, catalog: Catalog) -> list[Candidate]:
    """extract(text, catalog), computed in the worker process: the same candidates, in order."""
    pool = _executor()
    try:
        return pool.submit(extract, text, catalog).result()
    except BrokenProcessPool:  # the worker was killed (out of memory, a signal): once more, in a new one
        _forget(pool)
        return _executor().submit(extract, text, catalog).result()
