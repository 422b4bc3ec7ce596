"""Nothing a user types can crash or hang the extractor: a corpus of bad inputs, each with its outcome.

Each input below was once slow, endless or fatal (our reliability issue): a line of a million
digits took forever, a run of 三 overflowed a float, 1,000,000,… became Infinity in the JSON.
Each must now give exactly the candidates listed (written, value, unit), in CPU time far below
what reading it in quadratic time took.
"""

from __future__ import annotations

import time

import pytest

from healthtargets.extract import extract

BUDGET = 5.0  # CPU seconds for any input below; read in linear time each takes well under one

BAD_INPUTS = [
    # patterns that re-read a run from every place inside it (quadratic in the run's length)
    ("a line of a million digits", "1" * 1_000_000, []),
    ("a million Latin letters", "a" * 1_000_000, []),
    ("digits run into a day", "1" * 200_000 + "日", []),
    ("numerals run into 届", "3" * 200_000 + "届", []),
    ("letters run into a digit", "a" * 200_000 + "1", []),
    ("a document number that never closes", "〔20" + "0" * 200_000 + "〕", []),
    ("a figure after a long run of digits", "1" * 200_000 + "，新增床位300张", [("300张", 300, "张")]),
    # numerals too long or numbers too large to be a figure
    ("a run of 三", "三" * 100_000, []),
    ("400 三 (overflowed a float)", "新增床位" + "三" * 400 + "张", []),
    ("1,000,000,… (was Infinity in the JSON)", "新增投资1" + ",000" * 100_000 + "元", []),
    ("a numeral of 21 digits", "新增床位" + "1" * 21 + "张", []),
    ("20 三 read as 3.3e19", "新增床位" + "三" * 20 + "张", []),
    ("just above 1e15", "新增投资1000000000000001元", []),
    ("1e15 itself", "新增投资1000000000000000元", [("1000000000000000元", 1e15, "元")]),
    ("magnitude words past 1e15", "新增床位5亿亿亿张", []),
    ("a numeral of 19 characters", "新增床位1,000,000,000,000.5张", [("1,000,000,000,000.5张", 1e12 + 0.5, "张")]),
    # context read in reach of each number, not across a whole page that has no stops
    # (each of these figures is read, then offered once: the others repeat it word for word)
    ("figures without a stop", "新建养老床位300张 " * 3_000, [("300张", 300, "张")]),
    ("a clause that starts with a long run of spaces", " " * 100_000 + "新增床位300张、" * 2_000, [("300张", 300, "张")]),
    ("a region named a hundred thousand times", "发布机构：南岸区人民政府\n" + "重庆市" * 100_000, []),
    ("an issuer field followed by spaces", "来源" + " " * 100_000 + "x", []),
]


LARGE = 100_000  # characters: cases this long are the 'slow' group (make test runs them, make check not)


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(text, expected, id=name, marks=[pytest.mark.slow] if len(text) >= LARGE else [])
    for name, text, expected in BAD_INPUTS
])
def test_bad_input_gives_its_candidates_in_linear_time(text, expected):
    extract("预热。")
    started = time.process_time()
    candidates = extract(text, doc_year=2024)
    elapsed = time.process_time() - started
    assert [(c.written, c.value, c.unit) for c in candidates] == expected
    assert elapsed < BUDGET
