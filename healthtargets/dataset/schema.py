"""The data contract of targets.yaml: one pydantic model per record kind.

The JSON Schema in schema/targets.schema.json is generated from these models
(`python -m healthtargets schema`); a test keeps it current.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="lower-case slug")]
RegionCode = Annotated[str, Field(pattern=r"^\d{6}$", description="6-digit region code, quoted")]
Number = int | float


Kind = Literal["target", "actual", "forecast"]
# exact; at_least 以上/不低于; at_most 以下/不超过; about 左右/约; over 超过/余/多; nearly 近; range 1-2
Qualifier = Literal["exact", "at_least", "at_most", "about", "over", "nearly", "range"]
Confidence = Literal["high", "medium", "low"]
# plan 规划; implementation_plan 实施方案/行动计划; implementation_opinions 实施意见;
# proposal_reply 政协提案答复; suggestion_reply 人大建议答复; work_report 政府工作报告;
# statistical_bulletin 统计公报; press_release 新闻发布会/官方通报; news_report 新闻报道;
# statistical_report 统计数据（其他）
SourceType = Literal[
    "plan",
    "implementation_plan",
    "implementation_opinions",
    "proposal_reply",
    "suggestion_reply",
    "work_report",
    "statistical_bulletin",
    "press_release",
    "news_report",
    "statistical_report",
]
Read = Literal["full", "partial"]

EVIDENCE_MAX = 60  # characters of verbatim evidence from a stored text
LOCATOR_MAX = 80  # characters of a locator: article, section or paragraph
DESCRIPTION_MAX = 200  # characters of a one-line description in our own words


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class Source(_Record):
    """One document that figures come from.

    Two kinds of provenance: a document whose text is stored with the project (``text_sha256``:
    its figures quote their words as ``evidence``, checked against the text), and public material
    read elsewhere (no stored text: its figures carry a ``locator`` and a ``description`` in our
    own words, never copied sentences; ``url`` says where it was read).
    """

    id: Slug
    title: Annotated[str, Field(min_length=1)]
    title_en: Annotated[str, Field(min_length=1)]
    issuer: Annotated[str, Field(min_length=1)]
    publisher: str | None = None  # where it was read, when not the issuer's own site
    doc_number: str | None
    type: SourceType
    region: RegionCode
    date_written: dt.date | None
    date_published: dt.date | None
    url: Annotated[str, Field(pattern=r"^https?://")] | None
    text_sha256: Sha256 | None
    excerpt_sha256: Sha256 | None = None  # the excerpt read (kept outside the repository), for extract-eval
    read: Read | None = None  # public material: read in full, or only in part (notes say which part)
    notes: str | None

    @property
    def date(self) -> dt.date | None:
        """The document's own date: written if known, else published."""
        return self.date_written or self.date_published

    @property
    def stored_text(self) -> bool:
        """Whether the document's text is stored with the project (its figures quote it verbatim)."""
        return self.text_sha256 is not None


class Figure(_Record):
    """One number a source states: a target, an actual or a forecast."""

    id: Slug
    source: Slug
    region: RegionCode
    metric: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    kind: Kind
    value: Number | None
    low: Number | None
    high: Number | None
    qualifier: Qualifier
    unit: Annotated[str, Field(min_length=1)]
    year: Annotated[int, Field(ge=1949, le=2100)] | None
    # A target its source restates after it was set (a year-end completion report, a review of the
    # last plan period): the year it was set in, which its target year may not precede.
    set_in: Annotated[int, Field(ge=1949, le=2100)] | None = None
    evidence: Annotated[str, Field(min_length=1, max_length=EVIDENCE_MAX)] | None = None
    locator: Annotated[str, Field(min_length=1, max_length=LOCATOR_MAX)] | None = None
    description: Annotated[str, Field(min_length=1, max_length=DESCRIPTION_MAX)] | None = None
    confidence: Confidence
    note: str | None


class Check(_Record):
    """A recorded search for the outcome of a target whose deadline has passed, that found none."""

    target: Slug  # the id of a target figure
    checked: dt.date
    searched: Annotated[str, Field(min_length=1)]  # where and what was looked for
    result: Annotated[str, Field(min_length=1)]


class TargetsFile(_Record):
    """The whole of targets.yaml."""

    sources: list[Source]
    figures: list[Figure]
    checks: list[Check] = []


def json_schema() -> dict:
    """The JSON Schema of targets.yaml, as editors use it."""
    schema = TargetsFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "targets.yaml: sources and figures of local health-industry targets"
    return schema
