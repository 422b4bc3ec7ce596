"""Find the candidate figures of a Chinese policy text, for a curator to confirm.

``extract(text)`` reads every number a plan or reply states as a figure — 3千张以上, 10万亩,
1至3家, 近800万人, 30%以上, 每千常住人口…0.7张 — and returns it as a :class:`Candidate` in
the shape of a curated figure (issue 2): value or low/high, the unit as written, a qualifier,
the kind (target, actual, forecast) with the words that decided it, a year, a suggested
metric with a score, a suggested region, and the evidence with its offsets in the text.

Conventions, the same as the curated data set's:
- 千 folds into the number (3千张 -> 3000 张); 万 and 亿 stay in the unit when the table of
  written units has the compound (10万亩 -> 10 万亩, 4.2亿元 -> 4.2 亿元); otherwise they fold
  too (1.2万张 -> 12000 张, as 万张 is no written unit).
- 多/余 after a number read as "over" (50多万人 -> 50 万人, over); 以上/不低于 as at_least;
  以下/以内/不超过 as at_most; 左右/约 as about; 超过 as over; 近 as nearly; a range as range.
- Not figures: document numbers (〔2019〕22号), dates and years, meeting and edition ordinals
  (第73次, 第16届, 十一届三次会议), phone, index and registration numbers, plan names
  (十四五, 健康中国2030, 三年行动计划), titles in 《》, short slogans in quotes, 张 as a surname,
  numbers run into Latin letters (5G, 155K).

The function is pure: the text and the reference tables in, candidates out. It never reads
files; :func:`default_catalog` loads the tables of the project's ``data/`` once.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import asdict, dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from healthtargets.dataset.numbers import NumeralToken, numerals_in
from healthtargets.dataset.paths import DATA_DIR
from healthtargets.dataset.reference import (
    Metric,
    Reference,
    Region,
    region_ancestors,
)
from healthtargets.dataset.units import UnitError, UnitTable

KINDS = ("target", "actual", "forecast")
QUALIFIERS = ("exact", "at_least", "at_most", "about", "over", "nearly", "range")
EVIDENCE_MAX = 60  # the longest evidence targets.yaml accepts


# --------------------------------------------------------------------------------------------
# The result


@dataclass(frozen=True)
class Candidate:
    """One number of the text that may be a figure, in the shape of a curated figure."""

    value: float | None  # the number as written, in the written unit; None for a range
    low: float | None
    high: float | None
    unit: str  # as written, a key of data/units.yaml's written units
    qualifier: str  # exact | at_least | at_most | about | over | nearly | range
    kind: str  # target | actual | forecast
    kind_cues: tuple[str, ...]  # the words that decided the kind, strongest first
    year: int | None  # target year or as-of year, when the context gives one
    metric: str | None  # suggested metric key, None when no keyword of the catalogue is near
    metric_score: float  # 0..1: how strongly the context signals that metric
    region: str | None  # suggested 6-digit region code
    evidence: str  # the clause that carries the figure, at most 60 characters
    start: int  # offsets of the evidence in the text: text[start:end] == evidence
    end: int
    figure_start: int  # offsets of the figure as written (3千张以上) inside the text
    figure_end: int
    written: str  # the figure as written
    confidence: str = "high"  # high | medium | low: how sure the reading is, as targets.yaml grades it
    note: str = ""  # what a curator should check (an inferred unit, a possible lost dash …)

    def as_dict(self) -> dict:
        """Plain data for JSON and YAML: whole numbers as int, tuples as lists."""
        data = asdict(self)
        for key in ("value", "low", "high", "metric_score"):
            data[key] = plain_number(data[key])
        data["kind_cues"] = list(self.kind_cues)
        return data


def plain_number(value: float | None) -> int | float | None:
    """3000.0 -> 3000, 0.7 -> 0.7, None -> None."""
    if value is None:
        return None
    if float(value).is_integer():
        return int(value)
    return round(float(value), 10)


# --------------------------------------------------------------------------------------------
# The reference tables the extraction uses


@dataclass
class Catalog:
    """Units, metrics and regions: what candidates are measured in, about, and where."""

    units: UnitTable
    metrics: dict[str, Metric] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    _fits: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> "Catalog":
        """The tables of a data folder; metrics and regions are optional."""
        from healthtargets.dataset.validate import (
            check_reference,  # late: validate imports much of the package
        )

        reference, _problems = check_reference(Path(data_dir))
        if reference is None:
            return cls(UnitTable.from_yaml(Path(data_dir) / "units.yaml"))
        return cls.from_reference(reference)

    @classmethod
    def from_reference(cls, reference: "Reference") -> "Catalog":
        """The tables of a loaded data set's reference."""
        return cls(reference.units, dict(reference.metrics), dict(reference.regions))

    @cached_property
    def unit_re(self) -> re.Pattern:
        """Written units that may follow a number directly (no compounds with 万/亿, no rates)."""
        simple = [u for u in self.units.written if "/" not in u and u[0] not in "万亿"]
        simple += ["％"]
        alternation = "|".join(re.escape(u) for u in sorted(simple, key=len, reverse=True))
        return re.compile(alternation)

    @cached_property
    def region_names(self) -> list[tuple[str, str]]:
        """(name, code) pairs, full names and short forms, longest first."""
        pairs = []
        for code, region in self.regions.items():
            names = {region.zh}
            short = _short_region_name(region.zh)
            if short and len(short) >= 2:
                names.add(short)
            pairs += [(name, code) for name in names]
        return sorted(pairs, key=lambda p: len(p[0]), reverse=True)

    @cached_property
    def region_re(self) -> re.Pattern | None:
        if not self.region_names:
            return None
        return re.compile("|".join(re.escape(name) for name, _ in self.region_names))

    @cached_property
    def country_code(self) -> str | None:
        return next((c for c, r in self.regions.items() if r.level == "country"), None)

    @cached_property
    def metric_order(self) -> dict[str, int]:
        return {key: i for i, key in enumerate(self.metrics)}

    @cached_property
    def keyword_index(self) -> dict[str, list[tuple[str, int]]]:
        """keyword -> [(metric key, rank of the keyword in that metric's list)]."""
        index: dict[str, list[tuple[str, int]]] = {}
        for key, metric in self.metrics.items():
            for rank, keyword in enumerate(metric.keywords):
                if keyword:
                    index.setdefault(keyword, []).append((key, rank))
        return index

    def unit_fits(self, written: str, canonical: str) -> bool:
        """True when a written unit converts to a canonical one (万亩 -> mu, not 万亩 -> CNY)."""
        key = (written, canonical)
        if key not in self._fits:
            try:
                self.units.factor(written, canonical)
                self._fits[key] = True
            except UnitError:
                self._fits[key] = False
        return self._fits[key]

    def region_code(self, name: str) -> str | None:
        return next((code for n, code in self.region_names if n == name), None)

    def ancestors(self, code: str) -> list[str]:
        return region_ancestors(self.regions, code)


_REGION_SUFFIXES = ("回族自治区", "壮族自治区", "维吾尔自治区", "自治区", "瑶族自治县", "自治县", "自治州", "省", "市", "区", "县")


def _short_region_name(name: str) -> str:
    """重庆市 -> 重庆, 金秀瑶族自治县 -> 金秀, 宁夏回族自治区 -> 宁夏."""
    for suffix in _REGION_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1)
def default_catalog() -> Catalog:
    """The project's own tables (data/), loaded once per process."""
    return Catalog.load(DATA_DIR)


# --------------------------------------------------------------------------------------------
# What is not a figure: spans of the text masked before numbers are read

_CN = "零〇一二两三四五六七八九十百千"
_NUM = rf"[\d{_CN}]+"
_MASKS = [
    # full dates and times: 2019年11月18日, 2024-07-25, 2024/7/25, 09:25
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?",
    r"\d{1,2}:\d{2}(?::\d{2})?",
    # years and year ranges: 2023年, 2019-2021年, （2024—2027年）, 二〇一九年
    r"(?:19|20)\d{2}\s*(?:[-—–~～至到－]+\s*(?:19|20)\d{2}\s*)?年度?",
    r"(?:19|20)\d{2}\s*[-—–~～至到－]+\s*(?:19|20)\d{2}(?=\s*[)）】〕])",
    r"[〇零一二三四五六七八九]{4}\s*年",
    # months and days: 6月30日, 4月, 18日, 二十二日
    r"\d{1,2}\s*月份?(?:\s*\d{1,2}\s*[日号])?",
    r"[一二三四五六七八九十]{1,3}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*[日号])?",
    r"\d+\s*[日号]",
    # document numbers: 〔2019〕22号, 〔202420 (garbled), [2019] 3号
    r"[〔［\[【]\s*\d{2,4}[^〕］\]】\n]{0,6}[〕］\]】]?\s*\d*\s*号?",
    # ordinals: 第73次, 第16届, 第067号, 第一副组长 (not 第3位: a rank is a figure)
    rf"第\s*{_NUM}(?:\.\d+)?(?![\d{_CN}]|\s*位)",
    # sessions and editions: 十一届三次会议, 16届, 四次会议
    rf"{_NUM}\s*届(?:\s*{_NUM}\s*次)?",
    rf"{_NUM}\s*次\s*(?:会议|全会|全体会议|常委会|常务会议|代表大会|党代会|大会)",
    # plan and programme names: 十四五, 第十四个五年规划, 三年行动计划, 健康中国2030
    r"[十][一二三四五六七八九]五",
    rf"{_NUM}\s*个?\s*五年(?:规划|计划)?",
    rf"{_NUM}\s*年\s*(?:行动|计划|规划|攻坚|提升|倍增|专项)",
    r"(?:健康|美丽|平安|数字)[\u4e00-\u9fff]{1,4}\s*20\d{2}",
    # titles and short quoted slogans: 《…》, “三养綦江”, “10+3”, "四个一百"
    r"《[^《》\n]{0,120}》",
    r"[“\"「][^”\"」\n]{1,12}[”\"」]",
    # addresses, phone numbers, registration numbers
    r"https?://\S+|www\.\S+",
    r"\(?0\d{2,3}\)?[-\s]?\d{7,8}",
    r"(?<!\d)1[3-9]\d{9}(?!\d)",
    r"[A-Za-z]+\d[\dA-Za-z/\-]*|\d+[A-Za-z][\dA-Za-z/\-]*",
    # slogans of one-items: 一个中心、一条路、一座山、一个岛
    r"一[^、，,。；;\n\d]{1,8}(?:、一[^、，,。；;\n\d]{1,8}){2,}",
    # party congresses and plenums: 十九大, 二十大, 十九届二中全会
    r"(?:十[六七八九]|二十)大",
    # political formulas and abstract counts: 四个全面, 两个维护, 四个维度, 三个方面
    r"[两二三四五六七八九十]个(?:全面|意识|自信|维护|确立|代表|坚持|维度|方面|层面|环节|统筹|必须|务必|一百|着力|结合|转变|优先|聚焦)",
]
_MASK_RE = re.compile("|".join(f"(?:{m})" for m in _MASKS))
# Lines of page furniture: index, registration and contact numbers.
_META_LINE_RE = re.compile(r"索\s*引\s*号|发文字号|文\s*号|ICP|备案|公网安备|标识码|电话|传真|邮编|邮箱|联系方式|手机|版权所有")


def _mask(text: str) -> bytearray:
    """1 for every character that belongs to something that is not a figure."""
    masked = bytearray(len(text))
    for match in _MASK_RE.finditer(text):
        masked[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    position = 0
    for line in text.splitlines(keepends=True):
        if len(line) <= 120 and _META_LINE_RE.search(line):
            masked[position:position + len(line)] = b"\x01" * len(line)
        position += len(line)
    return masked


# --------------------------------------------------------------------------------------------
# Numbers with their units and qualifiers

_RANGE_SEP_RE = re.compile(r"\s?(?:-{1,2}|—{1,2}|–|~|～|至|到|－|−)\s?")
_APPROX = "余多"
_MAGNITUDE_RUN_RE = re.compile(r"[千万亿]+")
_MAGNITUDE_FACTORS = {"千": 1e3, "万": 1e4, "亿": 1e8}
_PREFIX_QUALIFIERS = [  # longest first, matched at the end of the text before the number
    ("不超过", "at_most"), ("不高于", "at_most"), ("不多于", "at_most"), ("不大于", "at_most"),
    ("最多", "at_most"), ("至多", "at_most"),
    ("不低于", "at_least"), ("不少于", "at_least"), ("不小于", "at_least"), ("至少", "at_least"),
    ("最少", "at_least"),
    ("超过", "over"), ("突破", "over"), ("高于", "over"), ("多于", "over"), ("大于", "over"),
    ("逾", "over"), ("超", "over"),
    ("将近", "nearly"), ("接近", "nearly"), ("近", "nearly"),
    ("大约", "about"), ("约为", "about"), ("大概", "about"), ("约", "about"),
]
_PREFIX_RE = re.compile(
    "(?:" + "|".join(re.escape(w) for w, _ in _PREFIX_QUALIFIERS) + r")(?:达到|达|为)?\s?$"
)
_PREFIX_NOT = ("最近", "附近", "临近", "靠近", "超级", "超前")
_SUFFIX_RE = re.compile(r"(以上|以下|以内|左右)")
_SUFFIX_QUALIFIERS = {"以上": "at_least", "以下": "at_most", "以内": "at_most", "左右": "about"}
# A unit character that begins a longer word is no unit: 3家庭, 2所有, 3个月, 二次开发.
_NOT_A_UNIT_BEFORE = {
    "个": ("月", "工作日", "小时", "百分点", "季度", "星期", "半月"),
    "次": ("开发", "性", "元", "方", "产业", "创业", "分配", "会议", "全会"),
    "家": ("庭", "族", "属", "居", "园", "乡", "长"),
    "所": ("有", "以", "在", "需", "属", "得", "谓"),
    "处": ("理", "于", "置", "长", "室", "级"),
    "场": ("所", "景", "地", "馆"),
    "条": ("件", "例", "款", "目"),
    "名": ("称", "单", "录", "优", "特", "牌", "片", "城", "镇", "村", "胜", "义", "额"),
    "元": ("素", "旦", "宵", "首", "老"),
    "例": ("如",),
    "座": ("谈",),
    "批": ("准", "复", "示", "评"),
    "人": ("民",),
    "年": ("代", "级", "龄", "轻", "均", "度"),
    "项": ("链",),
}
# 张 is a unit before punctuation or these characters; before other characters it begins a name.
_ZHANG_FOLLOWERS = set("以左床病养的及和与等多余，,、。；;：:）)\n 　/")
_PERSON_NOUNS_RE = re.compile(r"医生|医师|医护|护士|人员|人才|人口|群众|居民|老人|老年人|患者|游客|职工|学生|志愿者|会员|用户")
_PER_THOUSAND_RESIDENTS_RE = re.compile(r"每千(?:名)?(?:常住)?(?:人口|人|居民)")
_PER_THOUSAND_ELDERLY_RE = re.compile(r"每千(?:名)?(?:老年人|老人|老年人口)")
_PER_CAPITA_RE = re.compile(r"人均")


@dataclass
class _Number:
    """A figure as written, before its context is read."""

    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    start: int  # the number (first numeral) starts here
    end: int  # the unit or suffix ends here
    note: str = ""
    written_start: int | None = None  # where the figure as written starts (a qualifier word before it)
    bound_word: str = ""  # the word that states a bound (以上, 不低于) or a zero (还没有)
    zero: bool = False


def _fold(magnitude: str) -> float:
    return math.prod(_MAGNITUDE_FACTORS[m] for m in magnitude) if magnitude else 1.0


def _scan_numbers(text: str, catalog: Catalog) -> list[_Number]:
    """Every number followed by a written unit, with ranges and qualifiers read."""
    tokens = numerals_in(text)
    masked = _mask(text)
    written = catalog.units.written
    found: list[_Number] = []
    n = len(text)
    i = 0
    while i < len(tokens):
        first = tokens[i]
        i += 1
        if masked[first.start] or masked[first.end - 1]:
            continue
        last = first
        # a range: 1-2, 1至3, 2—3, 3~5, 一至两
        sep = _RANGE_SEP_RE.match(text, first.end)
        if sep and i < len(tokens) and tokens[i].start == sep.end() and not masked[tokens[i].start]:
            if not first.magnitude or first.magnitude == tokens[i].magnitude:
                last = tokens[i]
                i += 1
        p = last.end
        fraction = 0.0
        decimal = _chinese_decimal(text, last, tokens, i)
        if decimal is not None:
            fraction, p, i = decimal
        approx = False
        if p < n and text[p] in _APPROX:
            approx, p = True, p + 1
        magnitude = last.magnitude
        extra = _MAGNITUDE_RUN_RE.match(text, p, p + 3)
        if extra:
            magnitude += extra.group(0)
            p += len(extra.group(0))
        if not approx and p < n and text[p] in _APPROX:
            approx, p = True, p + 1
        while i < len(tokens) and tokens[i].start < p:  # a numeral we just read as magnitude
            i += 1
        if p < n and text[p] in " \u3000":
            p += 1 if p + 1 < n and not text[p + 1].isspace() else 0
        unit_match = catalog.unit_re.match(text, p)
        unit = unit_match.group(0) if unit_match else ""
        if unit == "％":
            unit = "%"
        unit_end = unit_match.end() if unit_match else p
        before = text[max(0, first.start - 4):first.start]
        note = ""

        if not unit and text.endswith("百分之", 0, first.start):
            unit, unit_end = "%", p
        is_chinese = not first.text[0].isdigit()
        if _is_lone(first, last, unit):
            continue
        if not unit:
            implied = _implied_unit(text, first, last, p, magnitude, written)
            if implied is None:
                continue
            unit, note, unit_end = implied
        elif not _unit_stands(text, unit, unit_end, first, is_chinese):
            continue
        ordinal = before.rstrip().endswith(("第", "前"))
        if unit == "位" and not ordinal:
            continue
        if ordinal and unit != "位":
            continue
        if unit == "年" and last is first and 1900 <= first.value <= 2100:
            continue

        # 万/亿 stay in the unit when the table has the compound; everything else folds
        tail = magnitude[-1] if magnitude and magnitude[-1] in "万亿" else ""
        if tail and tail + unit in written:
            unit, fold = tail + unit, _fold(magnitude[:-1])
        else:
            fold = _fold(magnitude)
        unit = _rate_unit(text, unit, first.start, written)
        if "/" not in unit and not note and _per_residents(text, first.start):
            note = f"a rate ({_per_residents(text, first.start)}…), which no written unit of the table expresses: check the unit"

        if last is not first:
            low, high = first.bare * fold, (last.bare + fraction) * fold
            if not low < high:
                continue
            value, qualifier = None, "range"
        else:
            value, low, high = (first.bare + fraction) * fold, None, None
            qualifier = "over" if approx else "exact"
        lead = first.start - 3 if text.endswith("百分之", 0, first.start) else first.start
        end, written_start, bound = unit_end, lead, ""
        suffix = _SUFFIX_RE.match(text, end)
        if qualifier == "exact":
            prefix = _prefix_qualifier(text, lead)
            if prefix:
                qualifier, written_start = prefix
                bound = text[written_start:lead]
            elif suffix:
                qualifier, bound = _SUFFIX_QUALIFIERS[suffix.group(1)], suffix.group(1)
        if suffix and qualifier != "range":
            end = suffix.end()
        found.append(_Number(value, low, high, unit, qualifier, first.start, end, note, written_start, bound))
    return found


_CN_DIGITS = {c: d for d, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


def _chinese_decimal(text: str, last: NumeralToken, tokens: list, i: int):
    """十二点五: the fraction after 点, where the decimal ends, and the next token index."""
    if last.text[0].isdigit() or not text.startswith("点", last.end) or last.magnitude:
        return None
    if i >= len(tokens) or tokens[i].start != last.end + 1:
        return None
    digits = tokens[i].text.rstrip("千万亿")  # 十二点五万: the magnitude is read after the digits
    if not digits or not all(c in _CN_DIGITS for c in digits):
        return None
    fraction = float("0." + "".join(str(_CN_DIGITS[c]) for c in digits))
    return fraction, tokens[i].start + len(digits), i + 1


def _is_lone(first: NumeralToken, last: NumeralToken, unit: str) -> bool:
    """一 on its own (一批, 一个重要方向) is an article, not a count; 一所, 一座, 一处 count."""
    return first is last and first.text == "一" and unit not in _ONE_COUNTS


_ONE_COUNTS = ("所", "座", "处")


_PHRASE_STOP_RE = re.compile(r"[，,。；;、\n]")


def _implied_unit(text, first, last, p, magnitude, written) -> tuple[str, str, int] | None:
    """A unit the text implies, a note saying so, and where the figure ends.

    50余万 after 医生 -> 人 (read with the magnitude: 万人); 四大体育赛事品牌 -> 个.
    """
    tail = magnitude[-1:] if magnitude[-1:] in ("万", "亿") else ""
    if tail and tail + "人" in written:
        clause_start = max(text.rfind(c, 0, first.start) for c in "，,。；;\n")
        if _PERSON_NOUNS_RE.search(text, clause_start + 1, first.start):
            return "人", f"unit inferred: the text gives '{text[first.start:p]}' without a unit", p
    if first is last and not magnitude and text.startswith("大", p) and 2 <= first.value <= 10 and "个" in written:
        rest = text[p + 1:p + 14]
        stop = _PHRASE_STOP_RE.search(rest)
        phrase = rest[:stop.start()] if stop else rest
        if "之一" in phrase or not phrase or phrase[0] in "学会型量力家":
            return None
        return "个", f"count read from '{first.text}大' (the {first.text} major …): no counter word follows", p + 1
    return None


def _unit_stands(text: str, unit: str, unit_end: int, first: NumeralToken, is_chinese: bool) -> bool:
    """False when the unit character begins a longer word (3个月) or a name (张新民)."""
    after = text[unit_end:unit_end + 3]
    if unit == "张":
        return unit_end >= len(text) or text[unit_end] in _ZHANG_FOLLOWERS
    for word in _NOT_A_UNIT_BEFORE.get(unit, ()):
        if after.startswith(word):
            return False
    if first.start > 0 and text[first.start - 1].isascii() and text[first.start - 1].isalpha():
        return False
    return True


def _rate_unit(text: str, unit: str, start: int, written: dict) -> str:
    """张 after 每千常住人口 is 张/千人; 平方米 after 人均 is 平方米/人."""
    if unit not in ("张", "平方米"):
        return unit
    clause_start = max(text.rfind(c, 0, start) for c in "，,。；;\n") + 1
    before = text[clause_start:start]
    if unit == "张":
        if _PER_THOUSAND_ELDERLY_RE.search(before) and "张/千名老年人" in written:
            return "张/千名老年人"
        if _PER_THOUSAND_RESIDENTS_RE.search(before) and "张/千人" in written:
            return "张/千人"
    if unit == "平方米" and _PER_CAPITA_RE.search(before) and "平方米/人" in written:
        return "平方米/人"
    return unit


_PER_RESIDENTS_RE = re.compile(r"每(?:十|百|千|万|十万)(?:名)?(?:常住)?(?:人口|人|居民|老年人|老人)")


def _per_residents(text: str, start: int) -> str:
    """'每万人口' when the clause before the number states a rate per residents, else ''."""
    clause_start = max(text.rfind(c, 0, start) for c in "，,。；;\n") + 1
    match = _PER_RESIDENTS_RE.search(text, clause_start, start)
    return match.group(0) if match else ""


def _prefix_qualifier(text: str, start: int) -> tuple[str, int] | None:
    """The qualifier a word right before the number states (不低于, 超过, 近, 约 …) and where it starts."""
    match = _PREFIX_RE.search(text, max(0, start - 6), start)
    if not match:
        return None
    if match.start() > 0 and text[match.start() - 1] + match.group(0)[0] in _PREFIX_NOT:
        return None
    word = match.group(0)
    return next(q for w, q in _PREFIX_QUALIFIERS if word.startswith(w)), match.start()


# A zero stated in words: 我区还没有规模以上康养产业企业 -> 0 家.
_ZERO_RE = re.compile(
    r"(?P<word>还没有|仍没有|尚没有|尚无|暂无|尚未有|目前没有)(?P<what>[^，,。；;、\n]{0,16}?)"
    r"(?P<noun>企业|公司|医院|机构|基地|园区|平台|项目)"
)
_ZERO_UNITS = {"企业": "家", "公司": "家", "医院": "家", "机构": "家"}


def _scan_zeros(text: str, catalog: Catalog) -> list[_Number]:
    """Zeros stated in words, as figures of value 0 in 家 (enterprises) or 个 (bases, projects)."""
    found = []
    for match in _ZERO_RE.finditer(text):
        unit = _ZERO_UNITS.get(match.group("noun"), "个")
        if unit in catalog.units.written:
            note = f"a zero stated in words ('{match.group('word')}'): the text gives no numeral"
            found.append(_Number(0, None, None, unit, "exact", match.start(), match.end(), note,
                                 bound_word=match.group("word"), zero=True))
    return found


# A text whose extraction lost characters shows dates run together (2024725, 20241025,
# 2024年96) or a document number without its bracket (〔202420). In such a text a target
# written 35年 or 510亿元 most likely lost its dash: 3–5 years, 5–10亿元.
_LOST_CHARACTERS_RE = re.compile(
    r"^[ \t\u3000]*(?:20\d{2}(?:1[0-2]|0?[1-9])(?:3[01]|[12]\d|0?[1-9])|20\d{2}年\d{2,3})[ \t\u3000]*$"
    r"|〔20\d{3,}(?!\d*〕)",
    re.MULTILINE,
)


def lost_characters(text: str) -> bool:
    """True when the text shows signs of characters lost in extraction (dashes, 年月日, brackets)."""
    return bool(_LOST_CHARACTERS_RE.search(text))


def run_together_range(digits: str) -> tuple[int, int] | None:
    """The range a run-together number may stand for: '35' -> (3, 5), '510' -> (5, 10).

    Only small ranges of the kind plans state (1-2, 3-5, 5-10, 10-20): high above low and at
    most three times it. None when no split reads so.
    """
    if not digits.isdigit() or not 2 <= len(digits) <= 4 or digits[0] == "0":
        return None
    for cut in range(1, len(digits)):
        head, tail = digits[:cut], digits[cut:]
        if tail[0] == "0":
            continue
        low, high = int(head), int(tail)
        if low < high <= 3 * low:
            return low, high
    return None


# --------------------------------------------------------------------------------------------
# The context of a number: sentences, sections, cues of kind and year

_PARAGRAPH_END = "\n"
_SENTENCE_END = "。！？!?\n"
_CLAUSE_END = _SENTENCE_END + "，,；;：:"
_ITEM_END = _CLAUSE_END + "、"

# (pattern, weight): positive weights say target, negative say actual. These speak for their
# own sentence; the frames below (years, 目前, 下一步 …) also for the rest of their paragraph.
_KIND_CUES = [
    (r"力争", 5), (r"确保", 4), (r"争取", 4), (r"计划", 3), (r"目标", 3), (r"(?<![模虚])拟", 3),
    (r"将(?=[^，,。；;\n]{0,3}(?:达到|达|超过|突破|建成|形成|实现|新增|增加|增长|提高|提升|建设|打造|培育|有|完成|举办|开展|引进|推动|重点))", 3),
    (r"(?:提高|提升|增加|增长|发展|扩大|扩展)(?:到|至)", 3),
    (r"达到", 1), (r"新增|新建|新评定|新创建", 2), (r"打造|培育|创建|争创|创成", 2),
    (r"建设", 1), (r"推进|推动", 1), (r"形成", 1), (r"实现", 1), (r"举办", 0.5),
    (r"大力|积极|加快|着力|努力|全力|进一步", 1), (r"控制在", 2), (r"用[^，,。；;\n]{1,4}时间", 2),
    (r"已", -5), (r"现有|现已", -4),
    (r"累计", -3), (r"(?<![均人口])拥有", -2), (r"共有", -3), (r"先后", -3), (r"建成", -0.5), (r"取得", -1),
    (r"(?:位)?居(?=全国|全省|全市|全区|第|前)", -3), (r"排名|排在|排第", -3),
    (r"全年", -2), (r"(?<![为除])了(?!解)", -1.5), (r"实际", -2),
    (r"(?:全|我|本)[市区县省镇乡]有", -2), (r"(?<![成作以认])为(?=\s*[\d一二两三四五六七八九十])", -1),
]
_FRAME_CUES = [
    (r"下一步|今后|未来|后续", 3),
    (r"目前|当前|现阶段", -4), (r"截至|截止", -5), (r"近年来|近几年|多年来|以来", -3),
    (r"去年|上年|前年|上一年", -4),
]
_FORECAST_CUE_RE = re.compile(r"预计|预测|有望|预期将|估计")
_ALL_CUES = _KIND_CUES + _FRAME_CUES
_CUE_RE = re.compile("|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_ALL_CUES)))
_YEAR_RE = re.compile(
    r"(?:(?P<pre>到|至|截至|截止|于|在)[ \t\u3000]*)?(?P<y>(?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)"
    r"(?P<post>年底前|底前|前|底|末|以来|上半年|下半年|全年|内)?"
)
_THIS_YEAR_RE = re.compile(r"今年|本年度|去年|上年")
_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2})")
_DOC_YEAR_RE = re.compile(r"〔\s*((?:19|20)\d{2})\s*〕")
_TITLE_RE = re.compile(r"《[^《》\n]{0,120}》|[“\"「][^”\"」\n]{1,12}[”\"」]")
_HEADING_RE = re.compile(
    r"^\s*(?:(?P<l1>[一二三四五六七八九十]+\s*、)|(?P<l2>[（(]\s*[一二三四五六七八九十]+\s*[)）]))\s*(?P<title>[^。！？\n]{1,30})"
)
_HEADING_ACTUAL_RE = re.compile(r"情况|成效|现状|概况|成绩|进展|回顾|基础|成果|做法|问题")
_HEADING_TARGET_RE = re.compile(r"目标|任务|打算|方向|计划|举措|措施|下一步|重点工作|思路|安排")
_WIDER_RE = re.compile(r"全国|我国|全球|全世界")
_WILL_REACH_RE = re.compile(r"将\s*(?:达到|达|超过|突破|增加到|增长到)")
_RANGE_BEFORE_RE = re.compile(r"\d{4}\s*[-—–~～至到－]+\s*$")
_RANGE_AFTER_RE = re.compile(r"\s*[-—–~～至到－]+\s*\d{4}")
_LEADING_TIME_RE = re.compile(
    r"^[\s（(]*(?:(?:到|至|截至|截止)?\s*(?:19|20)\d{2}\s*年(?:底前|底|前|末)?|今年|目前|当前|同时|此外|其中|预计|全年)*[\s,，、]*"
)


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    word: str
    weight: float
    year: int | None = None
    target_horizon: bool = False  # 到2021年: a target year later figures may inherit
    frame: bool = False  # speaks for its whole paragraph, not just its sentence
    forecast: bool = False  # 预计, 有望: what follows is a projection


def document_year(text: str) -> int | None:
    """The year a document was written: its latest full date (2024年9月6日, 2024-07-25), else its latest 〔year〕."""
    years = [int(m.group(1)) for m in _DATE_RE.finditer(text)]
    if not years:
        years = [int(m.group(1)) for m in _DOC_YEAR_RE.finditer(text)]
    return max(years) if years else None


class _Context:
    """The layout of one text: boundaries, cues, sections, the document's year and region."""

    def __init__(self, text: str, catalog: Catalog, doc_year: int | None):
        self.text = text
        self.catalog = catalog
        self.n = len(text)
        self.paragraphs = [i for i, c in enumerate(text) if c == _PARAGRAPH_END]
        self.sentences = [i for i, c in enumerate(text) if c in _SENTENCE_END]
        self.clauses = [i for i, c in enumerate(text) if c in _CLAUSE_END]
        self.items = [i for i, c in enumerate(text) if c in _ITEM_END]
        self.titles = [(m.start(), m.end()) for m in _TITLE_RE.finditer(text)]
        self.title_starts = [start for start, _ in self.titles]
        self.doc_year = doc_year if doc_year is not None else self._doc_year()
        self.cues = self._cues()
        self.cue_starts = [c.start for c in self.cues]
        self.sections = self._sections()
        self.section_starts = [s for s, _, _ in self.sections]
        self.region = self._document_region()

    # spans ----------------------------------------------------------------------------------
    def span(self, bounds: list[int], pos: int) -> tuple[int, int]:
        """The stretch of text between two boundaries that holds pos."""
        index = bisect.bisect_left(bounds, pos)
        start = bounds[index - 1] + 1 if index > 0 else 0
        end = bounds[index] if index < len(bounds) else self.n
        return start, end

    def in_title(self, pos: int) -> bool:
        """True inside 《a title》 or a short “quoted slogan”."""
        index = bisect.bisect_right(self.title_starts, pos) - 1
        return index >= 0 and pos < self.titles[index][1]

    # the document --------------------------------------------------------------------------
    def _doc_year(self) -> int | None:
        return document_year(self.text)

    def _cues(self) -> list[_Cue]:
        cues = []
        for match in _CUE_RE.finditer(self.text):
            if self.in_title(match.start()):
                continue
            index = int(match.lastgroup[1:])
            weight = _ALL_CUES[index][1]
            frame = index >= len(_KIND_CUES)
            cues.append(_Cue(match.start(), match.end(), match.group(0), weight, frame=frame))
        for match in _YEAR_RE.finditer(self.text):
            if self.in_title(match.start()) or self._in_year_range(match):
                continue
            cues.append(self._year_cue(match))
        for match in _THIS_YEAR_RE.finditer(self.text):
            if self.doc_year is not None and not self.in_title(match.start()):
                last_year = match.group(0) in ("去年", "上年")
                year = self.doc_year - 1 if last_year else self.doc_year
                cues.append(_Cue(match.start(), match.end(), match.group(0), 0, year, frame=True))
        for match in _FORECAST_CUE_RE.finditer(self.text):
            cues.append(_Cue(match.start(), match.end(), match.group(0), 2, forecast=True))
        return sorted(cues, key=lambda c: c.start)

    def _in_year_range(self, match: re.Match) -> bool:
        """2019-2021年 and 2024—2027年 name a period, not a year."""
        before = self.text[max(0, match.start("y") - 6):match.start("y")]
        after = self.text[match.end("y"):match.end("y") + 6]
        return bool(_RANGE_BEFORE_RE.search(before) or _RANGE_AFTER_RE.match(after))

    def _year_cue(self, match: re.Match) -> _Cue:
        year = int(match.group("y"))
        pre, post = match.group("pre") or "", match.group("post") or ""
        word = match.group(0).strip()
        future = self.doc_year is None or year >= self.doc_year
        at = (match.start(), match.end(), word)
        if pre in ("截至", "截止") or post == "以来":
            return _Cue(*at, -3, year, frame=True)
        if pre in ("到", "至") or post in ("前", "底前", "年底前"):
            if future:
                wider = bool(_WIDER_RE.match(self.text, match.end()))
                return _Cue(*at, 5, year, target_horizon=not wider, frame=True)
            return _Cue(*at, -3, year, frame=True)
        if self.doc_year is None:
            return _Cue(*at, 0, year, frame=True)
        if year > self.doc_year:
            return _Cue(*at, 4, year, frame=True)
        if year == self.doc_year:
            return _Cue(*at, -1, year, frame=True)
        return _Cue(*at, -4, year, frame=True)

    def _sections(self) -> list[tuple[int, float, str]]:
        """(start, bias, heading word) for each heading: 下一步工作打算 leans target, 发展情况 actual."""
        sections, top, sub = [], (0.0, ""), None
        position = 0
        for line in self.text.splitlines(keepends=True):
            match = _HEADING_RE.match(line)
            if match:
                title = match.group("title")
                actual, target = _HEADING_ACTUAL_RE.search(title), _HEADING_TARGET_RE.search(title)
                bias = (2.0, target.group(0)) if target else (-2.0, actual.group(0)) if actual else (0.0, "")
                if match.group("l1"):
                    top, sub = bias, None
                else:
                    sub = bias if bias[0] else None
                current = sub or top
                sections.append((position, current[0], current[1]))
            position += len(line)
        return sections

    def section_bias(self, pos: int) -> tuple[float, str]:
        index = bisect.bisect_right(self.section_starts, pos) - 1
        if index < 0:
            return 0.0, ""
        _, bias, word = self.sections[index]
        return bias, word

    def _document_region(self) -> str | None:
        """The region of the issuer: 发布机构/发文单位, the letterhead, the signature."""
        pattern = self.catalog.region_re
        if pattern is None:
            return None
        issuers = re.findall(r"(?:发布机构|发文单位|发文机关|责任部门|来源)\s*[:：]?\s*([^\s|]{2,40})", self.text)
        lines = [line.strip() for line in self.text.splitlines() if line.strip()]
        issuers += [line for line in lines if len(line) <= 40 and re.search(r"(?:人民政府|委员会|办公室|中心|局)$", line)]
        for scope in (issuers, [self.text]):
            codes = [self.catalog.region_code(m.group(0)) for s in scope for m in pattern.finditer(s)]
            codes = [c for c in codes if c]
            if codes:
                return max(codes, key=lambda c: (len(self.catalog.ancestors(c)), codes.count(c)))
        return None

    # one number ----------------------------------------------------------------------------
    def kind(self, number: _Number) -> tuple[str, tuple[str, ...], int | None]:
        """Kind, the words that decided it, and the year the context gives."""
        para_start, _ = self.span(self.paragraphs, number.start)
        sent_start, sent_end = self.span(self.sentences, number.start)
        clause_start, clause_end = self.span(self.clauses, number.start)
        prev_para_start = self._previous_paragraph(para_start)
        lo = bisect.bisect_left(self.cue_starts, prev_para_start)
        hi = bisect.bisect_left(self.cue_starts, sent_end)
        contributions: list[tuple[float, str]] = []
        year, year_distance, horizon, forecast = None, None, None, False
        for cue in self.cues[lo:hi]:
            if cue.start < para_start:  # the paragraph before: only its target years carry over
                factor = 0.4 if cue.target_horizon else 0.0
            elif cue.end <= number.start:
                if cue.start >= clause_start:
                    factor = 3.0
                elif cue.start >= sent_start:
                    factor = 1.5
                else:
                    factor = 0.5 if cue.frame else 0.0
            elif cue.start >= number.end:
                factor = 2.0 if cue.start < clause_end else 0.5
            else:
                factor = 3.0
            if factor and cue.weight:
                contributions.append((cue.weight * factor, cue.word))
            # a year speaks for its sentence; a target year (到2021年) for the targets of its
            # paragraph and the next
            if factor and cue.year is not None and cue.end <= number.start:
                if cue.start >= sent_start:
                    distance = number.start - cue.end
                    if year_distance is None or distance < year_distance:
                        year, year_distance = cue.year, distance
                elif cue.target_horizon:
                    horizon = cue.year
            if cue.forecast and sent_start <= cue.start < number.start:
                forecast = True
        bias, word = self.section_bias(number.start)
        if bias:
            contributions.append((bias, word))
        if number.qualifier in ("at_least", "at_most"):  # a bound (以上, 不低于, 不超过) is a norm or aim
            contributions.append((3.0, number.bound_word))
        if number.zero:  # 还没有…: the state of things now
            contributions.append((-10.0, number.bound_word))
        score = sum(c for c, _ in contributions)
        kind = "actual" if score < 0 else "target"
        sign = -1 if kind == "actual" else 1
        decided = sorted((c for c in contributions if c[0] * sign > 0), key=lambda c: -abs(c[0]))
        words = tuple(dict.fromkeys(w for _, w in decided))
        if kind == "target" and (forecast or self._wider_future(number, sent_start, clause_start)):
            kind = "forecast"
        if year is None and kind != "actual":
            year = horizon
        return kind, words, year

    def _previous_paragraph(self, para_start: int) -> int:
        """Start of the nearest earlier paragraph with text (para_start itself when none)."""
        index = bisect.bisect_left(self.filled_paragraphs, para_start) - 1
        return self.filled_paragraphs[index] if index >= 0 else para_start

    @cached_property
    def filled_paragraphs(self) -> list[int]:
        """Starts of the paragraphs that hold more than whitespace."""
        starts, position = [], 0
        for line in self.text.split("\n"):
            if line.strip():
                starts.append(position)
            position += len(line) + 1
        return starts

    def _wider_future(self, number: _Number, sent_start: int, clause_start: int) -> bool:
        """将达到 said of a wider region (全国老年人口将达到5亿人左右) is a projection, not a target."""
        before = self.text[clause_start:number.start]
        if not _WILL_REACH_RE.search(before):
            return False
        region = self.region_of(number, clause_start)
        if region is None or region == self.region:
            return False
        return region == self.catalog.country_code or region in self.catalog.ancestors(self.region or "")

    def region_of(self, number: _Number, clause_start: int) -> str | None:
        """The region a clause speaks of when it starts with one (到2030年全国…), else the issuer's."""
        before = self.text[clause_start:number.start]
        lead = _LEADING_TIME_RE.match(before)
        rest = before[lead.end():] if lead else before
        rest = rest[1:] if rest.startswith("在") else rest
        if _WIDER_RE.match(rest) and self.catalog.country_code:
            return self.catalog.country_code
        pattern = self.catalog.region_re
        if pattern is not None:
            match = pattern.match(rest)
            if match:
                return self.catalog.region_code(match.group(0))
        return self.region

    def evidence(self, number: _Number) -> tuple[int, int]:
        """The clause that carries the figure; its 、-item, or a window, when the clause is long."""
        start, end = self._trimmed(*self.span(self.clauses, number.start))
        if end - start > EVIDENCE_MAX:
            start, end = self._trimmed(*self.span(self.items, number.start))
            end = max(end, number.end)
        if end - start > EVIDENCE_MAX:
            start = max(start, min(number.start - 20, number.end - EVIDENCE_MAX))
            end = min(end, start + EVIDENCE_MAX)
            start, end = self._trimmed(start, end)
        return start, end

    def _trimmed(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    # metric --------------------------------------------------------------------------------
    @cached_property
    def keyword_hits(self) -> tuple[list[int], list[tuple[int, str]]]:
        """Every occurrence of every metric keyword in the text, sorted by position."""
        found = []
        for keyword in self.catalog.keyword_index:
            position = self.text.find(keyword)
            while position != -1:
                found.append((position, keyword))
                position = self.text.find(keyword, position + 1)
        found.sort()
        return [p for p, _ in found], found

    def metric(self, number: _Number, unit: str) -> tuple[str | None, float]:
        """The catalogue metric whose keywords stand nearest, among those the unit fits.

        A keyword in the number's own 、-item counts fully, in its clause 0.7, earlier in its
        sentence 0.3, each less with distance; a metric's score combines its keywords' hits
        (noisy-or), each weighted by its rank in the metric's list and its length.
        """
        item = self._trimmed(*self.span(self.items, number.start))
        clause = self.span(self.clauses, number.start)
        sentence_start, sentence_end = self.span(self.sentences, number.start)
        positions, hits = self.keyword_hits
        lo = bisect.bisect_left(positions, sentence_start)
        hi = bisect.bisect_left(positions, sentence_end)
        nearness: dict[str, float] = {}
        for position, keyword in hits[lo:hi]:
            end = position + len(keyword)
            if item[0] <= position and end <= item[1]:
                weight = 1.0
            elif clause[0] <= position and end <= clause[1]:
                weight = 0.7
            elif end <= number.start:
                weight = 0.3
            else:
                continue
            gap = max(0, number.start - end, position - number.end)
            nearness[keyword] = max(nearness.get(keyword, 0.0), weight / (1.0 + gap / 15.0))
        misses: dict[str, float] = {}
        for keyword, hit in nearness.items():
            for key, rank in self.catalog.keyword_index[keyword]:
                if not self.catalog.unit_fits(unit, self.catalog.metrics[key].unit):
                    continue
                weight = max(0.3, 1.0 - 0.15 * rank) * min(1.0, 0.4 + 0.15 * len(keyword))
                misses[key] = misses.get(key, 1.0) * (1.0 - weight * hit)
        if not misses:
            return None, 0.0
        order = self.catalog.metric_order
        key = min(misses, key=lambda k: (misses[k], order[k]))
        return key, round(1.0 - misses[key], 2)


# --------------------------------------------------------------------------------------------
# The public function


def extract(text: str, catalog: Catalog | None = None, *, doc_year: int | None = None) -> list[Candidate]:
    """Candidate figures of a text, in the order they occur.

    catalog: the units, metrics and regions to use (default: the project's data/).
    doc_year: the year the document was written, when known; otherwise read from its dates.
    Years before it read as actuals (2023年…拥有), 到 a later year as a target.
    """
    catalog = catalog or default_catalog()
    context = _Context(text, catalog, doc_year)
    lost = lost_characters(text)
    numbers = sorted(_scan_numbers(text, catalog) + _scan_zeros(text, catalog), key=lambda n: n.start)
    candidates = []
    for number in numbers:
        kind, cues, year = context.kind(number)
        value, low, high, qualifier, note = number.value, number.low, number.high, number.qualifier, number.note
        confidence = "medium" if note else "high"
        written_start = number.written_start if number.written_start is not None else number.start
        digits = text[number.start:number.end].rstrip(number.unit + "以上以下以内左右")
        if lost and kind == "target" and qualifier == "exact" and (split := run_together_range(digits)):
            value, (low, high), qualifier = None, split, "range"
            note = (f"the text shows '{digits}': read as {split[0]}–{split[1]}, a dash most likely lost "
                    "in the text's extraction; check the original")
            confidence = "low"
        clause_start, _ = context.span(context.clauses, number.start)
        metric, score = context.metric(number, number.unit)
        start, end = context.evidence(number)
        candidates.append(Candidate(
            value=value, low=low, high=high, unit=number.unit, qualifier=qualifier,
            kind=kind, kind_cues=cues, year=year, metric=metric, metric_score=score,
            region=context.region_of(number, clause_start),
            evidence=text[start:end], start=start, end=end,
            figure_start=written_start, figure_end=number.end,
            written=text[written_start:number.end], confidence=confidence, note=note,
        ))
    return candidates
