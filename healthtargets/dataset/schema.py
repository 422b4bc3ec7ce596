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
# proposal_reply 政协提案答复; suggestion_reply 人大建议答复; implementation_plan 实施方案;
# implementation_opinions 实施意见; news_report; statistical_report
SourceType = Literal[
    "proposal_reply",
    "suggestion_reply",
    "implementation_plan",
    "implementation_opinions",
    "news_report",
    "statistical_report",
]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Source(_Record):
    """One document that figures come from."""

    id: Slug
    title: Annotated[str, Field(min_length=1)]
    title_en: Annotated[str, Field(min_length=1)]
    issuer: Annotated[str, Field(min_length=1)]
    doc_number: str | None
    type: SourceType
    region: RegionCode
    date_written: dt.date | None
    date_published: dt.date | None
    url: Annotated[str, Field(pattern=r"^https?://")] | None
    text_sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None
    notes: str | None

    @property
    def date(self) -> dt.date | None:
        """The document's own date: written if known, else published."""
        return self.date_written or self.date_published


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
    evidence: Annotated[str, Field(min_length=1, max_length=60)]
    confidence: Confidence
    note: str | None


class TargetsFile(_Record):
    """The whole of targets.yaml."""

    sources: list[Source]
    figures: list[Figure]


def json_schema() -> dict:
    """The JSON Schema of targets.yaml, as editors use it."""
    schema = TargetsFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "targets.yaml: sources and figures of local health-industry targets"
    return schema
