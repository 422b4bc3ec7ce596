"""Properties of the extractor over generated input: Chinese and Arabic numbers, phrases, any text, any bytes.

Whatever the input, extract() returns candidates that keep the promises of Candidate (offsets
into the text, finite values, evidence of at most 60 characters, JSON without NaN), decoding
raises nothing but TextDecodeError, and the command line exits 0 or 2 without a traceback.
Examples are drawn the same way on every run (derandomize), so a failure is no accident of
the day; raise max_examples locally to search further.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthtargets.cli import main
from healthtargets.extract import extract
from healthtargets.extract.numerals import VALUE_MAX
from healthtargets.extract.text import TextDecodeError, decode_text

pytestmark = pytest.mark.sweep  # hundreds of generated inputs: `make test`, not `make check`
EXAMPLES = settings(max_examples=300, deadline=None, database=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])

CHINESE_NUMERAL = "零〇一二两三四五六七八九十百千万亿点"
WORDS = [  # the vocabulary numbers meet in plans: units, qualifiers, cues, separators, masks
    "张", "家", "个", "所", "万亩", "亿元", "万人", "%", "％", "以上", "以下", "左右", "多", "余", "约", "近", "超过",
    "不低于", "至", "-", "—", "~", "到", "年", "月", "日", "号", "第", "届", "次", "位", "每千常住人口", "人均",
    "百分之", "力争", "已", "截至", "目前", "预计", "全国", "将达到", "还没有", "企业", "〔", "〕", "《", "》", "“", "”",
    "，", "。", "、", "；", "\n", " ", "　", "一、", "（二）", "工作目标", "发展现状", "发布机构：", "南岸区人民政府",
]

chinese_numbers = st.text(alphabet=CHINESE_NUMERAL, min_size=1, max_size=40)
arabic_numbers = st.one_of(
    st.integers(min_value=0, max_value=10**40).map(str),
    st.integers(min_value=0, max_value=10**40).map(lambda n: f"{n:,}"),
    st.floats(min_value=0, allow_nan=False, allow_infinity=False).map(lambda x: f"{x:f}"),
    st.text(alphabet="0123456789,.", min_size=1, max_size=40),
)
numbers = st.one_of(chinese_numbers, arabic_numbers, st.tuples(arabic_numbers, st.sampled_from("千万亿")).map("".join))
phrases = st.lists(st.one_of(numbers, st.sampled_from(WORDS)), max_size=30).map("".join)
any_text = st.text(max_size=300)


def assert_candidates_keep_their_promises(text: str) -> None:
    for candidate in extract(text, doc_year=2024):
        assert text[candidate.start:candidate.end] == candidate.evidence
        assert len(candidate.evidence) <= 60
        assert text[candidate.figure_start:candidate.figure_end] == candidate.written
        values = [v for v in (candidate.value, candidate.low, candidate.high) if v is not None]
        assert values and all(math.isfinite(v) and abs(v) <= VALUE_MAX for v in values)
        if candidate.qualifier == "range":
            assert candidate.value is None and candidate.low < candidate.high
        assert candidate.kind in ("target", "actual", "forecast")
        json.dumps(candidate.as_dict(), allow_nan=False)


@EXAMPLES
@given(numbers, st.sampled_from(["", "张", "万人", "亿元", "%", "个月", "年"]))
def test_a_number_and_a_unit(number, unit):
    assert_candidates_keep_their_promises(f"到2025年，新增养老床位{number}{unit}。")


@EXAMPLES
@given(phrases)
def test_phrases_of_plan_vocabulary(text):
    assert_candidates_keep_their_promises(text)


@EXAMPLES
@given(any_text)
def test_any_text(text):
    assert_candidates_keep_their_promises(text)


@EXAMPLES
@given(st.binary(max_size=400))
def test_any_bytes_decode_or_raise_text_decode_error(data):
    try:
        text, encoding = decode_text(data)
    except TextDecodeError:
        return
    assert isinstance(text, str) and encoding


@settings(EXAMPLES, max_examples=40)
@given(st.one_of(st.binary(max_size=400), phrases.map(lambda t: t.encode("utf-8"))))
def test_command_line_on_any_file_exits_0_or_2(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("any") / "input.txt"
    path.write_bytes(data)
    assert main(["extract", str(path), "--format", "json"]) in (0, 2)
