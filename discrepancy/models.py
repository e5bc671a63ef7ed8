"""The plain values passed from step to step: Article -> Claim -> Finding."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")
VERDICTS = ("conflict", "revision", "different_scope", "update", "consistent")
FLAGGED = ("conflict", "revision", "different_scope")


@dataclass(frozen=True)
class Article:
    """One article of the batch, its text exactly as read (offsets point into it)."""

    id: str
    path: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    # Character spans of page furniture (related headlines, credits, story codes): not article text.
    furniture: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Claim:
    """One figure stated in an article, with what it counts and where it stands."""

    id: str
    article: str
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    direction: str | None
    quantity: str
    scope: str | None
    place: str | None
    source: str | None
    sentence: str
    line: int
    column: int
    start: int
    end: int
    # Why the interval is what it is ("'more than' is an open lower bound"), kept for the report.
    reading: str = ""
    published: dt.date | None = None

    def as_record(self) -> dict:
        """The claim as a JSON-ready mapping (dates as ISO strings)."""
        record = {name: getattr(self, name) for name in self.__dataclass_fields__}
        record["published"] = self.published.isoformat() if self.published else None
        return record


@dataclass(frozen=True)
class Finding:
    """A verdict on two figures from different articles about the same quantity."""

    quantity: str
    verdict: str
    claims: tuple[str, str]
    message: str
    group: str

    @property
    def flagged(self) -> bool:
        return self.verdict in FLAGGED

    def as_record(self) -> dict:
        return {"quantity": self.quantity, "verdict": self.verdict, "claims": list(self.claims),
                "message": self.message, "group": self.group}


@dataclass(frozen=True)
class Group:
    """Figures that count the same thing, with what the report says about them together."""

    key: str
    quantity: str
    scope: str | None
    place: str | None
    claims: tuple[str, ...]
    low: float | None
    high: float | None
    most_conservative: str | None
    latest: str | None
    flagged: bool


@dataclass(frozen=True)
class Result:
    """Everything one run produced: what was read, found and decided."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    groups: tuple[Group, ...] = ()
    errors: tuple[str, ...] = field(default=())
