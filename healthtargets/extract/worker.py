"""Extraction in a process of its own, for the dashboard.

Reading a long text takes seconds of pure Python. Run in the server's own interpreter, it holds
the interpreter lock in turns with every other visitor's page; in a worker process it takes one
CPU and leaves the server's interpreter to the others, and it runs at a lower priority (nice
10), so that pages being drawn come first when the machine's CPUs are all busy.

The worker is `python -m healthtargets.extract.worker`, started on first use and kept: it reads
(text, catalog) requests from its standard input and writes the candidates back, each as a
length-prefixed pickle. It is a plain subprocess rather than a multiprocessing pool, because a
pool's child re-runs the parent's main script (under Streamlit, the dashboard itself). One
request at a time; a worker that died is replaced on the next call.
"""

from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import BinaryIO

from .candidate import Candidate
from .catalog import Catalog

NICENESS = 10  # pages first: the scheduler gives the worker about a tenth of what a page's thread gets
_HEADER = struct.Struct(">Q")
PROJECT_DIR = Path(__file__).resolve().parents[2]  # where `-m healthtargets…` finds the package

_process: subprocess.Popen | None = None
_lock = threading.Lock()


def _send(stream: BinaryIO, value) -> None:
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _receive(stream: BinaryIO):
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError("the extraction worker stopped")
    size = _HEADER.unpack(header)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the extraction worker stopped")
    return pickle.loads(data)  # noqa: S301 our own child's answer


def _started() -> subprocess.Popen:
    global _process
    if _process is None or _process.poll() is not None:
        _process = subprocess.Popen([sys.executable, "-m", "healthtargets.extract.worker"],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=PROJECT_DIR,
                                    preexec_fn=lambda: os.nice(NICENESS))  # noqa: PLW1509 no threads in the child yet
    return _process


def warm_up() -> None:
    """Start the worker now: the page calls this when it opens, so that the worker has imported the
    extraction by the time a text has been pasted (starting one takes about a second)."""
    with _lock:
        _started()


def worker_pid() -> int | None:
    """The running worker's process id (None before the first use)."""
    return _process.pid if _process is not None and _process.poll() is None else None


def extract_in_worker(text: str, catalog: Catalog) -> list[Candidate]:
    """extract(text, catalog), computed in the worker process: the same candidates, in order."""
    with _lock:
        try:
            return _ask(_started(), text, catalog)
        except (BrokenPipeError, EOFError):  # killed since the last call (out of memory, a signal): a new one
            _process.kill()
            _process.wait()
            return _ask(_started(), text, catalog)


def _ask(process: subprocess.Popen, text: str, catalog: Catalog) -> list[Candidate]:
    _send(process.stdin, (text, catalog))
    return _receive(process.stdout)


def _serve(stdin: BinaryIO, stdout: BinaryIO) -> None:
    from .pipeline import extract

    while True:
        try:
            text, catalog = _receive(stdin)
        except EOFError:
            return  # the server closed the pipe: it is shutting down
        _send(stdout, extract(text, catalog))


if __name__ == "__main__":
    _serve(sys.stdin.buffer, sys.stdout.buffer)
