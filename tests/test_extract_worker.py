"""Extraction in a worker process gives what extraction in the server's interpreter gives."""

import os
import signal
from pathlib import Path

import pytest

from healthtargets.dataset.load import load_dataset
from healthtargets.extract import extract
from healthtargets.extract.draft import catalog_of
from healthtargets.extract.worker import NICENESS, extract_in_worker, warm_up, worker_pid

pytestmark = pytest.mark.slow  # each starts or kills the worker process: about a second a test

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "extract" / "sample_plan.txt"


def test_the_worker_finds_the_same_candidates_in_the_same_order():
    catalog, text = catalog_of(load_dataset().reference), SAMPLE.read_text(encoding="utf-8")
    assert extract_in_worker(text, catalog) == extract(text, catalog)


def test_the_worker_gives_way_to_pages():
    warm_up()
    assert os.getpriority(os.PRIO_PROCESS, worker_pid()) == os.getpriority(os.PRIO_PROCESS, 0) + NICENESS


def test_a_killed_worker_is_replaced():
    catalog = catalog_of(load_dataset().reference)
    extract_in_worker("到2025年建成养老床位3000张", catalog)
    killed = worker_pid()
    os.kill(killed, signal.SIGKILL)
    [candidate] = extract_in_worker("到2025年建成养老床位3000张", catalog)
    assert candidate.value == 3000 and worker_pid() not in (None, killed)
