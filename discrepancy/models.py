"""The plain values passed from step to step: Article -> Claim -> Finding."""
from __future__ import annotations

import datetime as dt
import operator
import sys
from collections.abc import Sequence
from dataclasses import MISSING, dataclass, field, fields, make_dataclass

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")
VERDICTS = ("conflict", "revision", "different_scope", "update", "consistent")
FLAGGED = ("conflict", "revision", "different_scope")
# The scope of a figure that counts a part of a group without naming the part: "and seven others".
UNNAMED_PART = "part of a larger group"


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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
    # The story the figure belongs to (stories.py): figures are compared only within one story.
    story: str | None = None
    # When the figure holds (timeline.py): the words that date it ("on Monday", "last week"), if any,
    # and the days they mean; without such words, the article's publication date; None when undated.
    time_phrase: str | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    # The same sentence printed elsewhere (wire copy): the ids of every copy, this one included.
    copies: tuple[str, ...] = ()
    # The article itself states this figure as part of a whole it gives ("21 people, 14 of them
    # Australians", "including three children"): set against a whole elsewhere, it is no surprise.
    stated_part: bool = False
    # The article itself gives this figure as an earlier report and states a later one of the same count ("The
    # Pentagon had earlier confirmed that two soldiers were killed ... the number killed is now three"): it is
    # not compared.
    superseded: bool = False
    # The words give the figure as a count to come, not one reached ("the toll could exceed 1,000", "is expected
    # to rise to 50"): it is not compared.
    projection: bool = False
    # The words give the figure as a running total over a stretch of more than a month up to the article's day
    # ("over the past decade", "since 2015", "the toll of 15 months of the uprising"), known even where the article
    # is undated: it is not compared with one event's count.
    running: bool = False

    def __post_init__(self):
        if not isinstance(self.copies, tuple):  # a record read back from JSON holds a list
            object.__setattr__(self, "copies", tuple(self.copies))

    def __reduce__(self):
        # Pickled as its values in field order (each worker's claims travel to the main process, and a
        # slotted dataclass's own unpickling looks its fields up again for every claim).
        return _claim_from_values, (_claim_values(self),)

    def as_record(self) -> dict:
        """The claim as a JSON-ready mapping (dates as ISO strings)."""
        record = {name: getattr(self, name) for name in self.__dataclass_fields__}
        for name in ("published", "period_start", "period_end"):
            record[name] = record[name].isoformat() if record[name] else None
        record["copies"] = list(self.copies)
        return record


_CLAIM_FIELDS = tuple(Claim.__dataclass_fields__)
_claim_values = operator.attrgetter(*_CLAIM_FIELDS)
_claim_slots = {name: getattr(Claim, name).__set__ for name in _CLAIM_FIELDS}
_FIELD_AT = {name: at for at, name in enumerate(_CLAIM_FIELDS)}
# A writable twin of Claim: its slots, in their order. A claim is built as one (its __init__ stores each slot
# directly) and then made a Claim, an object of the same layout: filling a frozen claim's slots one descriptor
# call at a time took four times as long, and a batch builds each of its claims three times or more (read back
# from a worker, dated, given its story). (With Claim's defaults, for new_claim.)
_WritableClaim = make_dataclass("_WritableClaim", [(f.name, f.type) if f.default is MISSING else
                                                   (f.name, f.type, field(default=f.default)) for f in fields(Claim)],
                                slots=True, eq=False, repr=False)


def new_claim(**values) -> Claim:
    """Claim(**values), built as _claim_of builds one, without Claim's __init__ (a quarter of its time: extraction
    builds one for each figure). `copies`, if given, must be a tuple."""
    claim = _WritableClaim(**values)
    claim.__class__ = Claim
    return claim


def _claim_of(values: Sequence) -> Claim:
    """The Claim of these values, in field order."""
    claim = _WritableClaim(*values)
    claim.__class__ = Claim
    return claim


# Fields whose values repeat across a batch: its few hundred units, places and sources, its few days, a
# sentence for each of its figures. Read back from a worker, a claim shares them with the claims read
# before it instead of holding its own copies (a third of a batch's claims' memory).
# (An article's claims arrive together and share its id, quantity and qualifier names already.)
_TEXT_AT = tuple(_CLAIM_FIELDS.index(name) for name in ("text", "unit", "place", "source", "sentence", "reading",
                                                         "time_phrase"))
_DATE_AT = tuple(_CLAIM_FIELDS.index(name) for name in ("published", "period_start", "period_end"))
_DATES: dict[dt.date, dt.date] = {}
# And numbers: a batch's figures are a few thousand values (16, 1,000, 8,000) at a few thousand offsets, read
# back as a new float or integer for every claim (its value, bounds, start and end: a fifth of its memory).
_NUMBER_AT = tuple(_CLAIM_FIELDS.index(name) for name in ("value", "low", "high", "start", "end"))
_FLOATS: dict[float, float] = {}
_INTS: dict[int, int] = {}


def _claim_from_values(values: tuple) -> Claim:
    return claims_read_back([(value,) for value in values])[0]


def claim_columns(claims: Sequence[Claim]) -> tuple[tuple, ...]:
    """The claims' values field by field, each field's in one tuple: how a worker sends its claims, for
    claims_read_back to build them all at once (a reduce call for each claim cost a third of their trip)."""
    return tuple(zip(*map(_claim_values, claims)))


def claims_read_back(columns: Sequence[Sequence]) -> tuple[Claim, ...]:
    """The claims of claim_columns(claims), sharing their repeated texts, days and numbers with the claims
    read back before them."""
    if not columns:
        return ()
    columns = list(columns)
    for at in _TEXT_AT:  # interned strings go when no claim holds them
        columns[at] = [sys.intern(text) if text.__class__ is str else text for text in columns[at]]
    for at in _DATE_AT:
        columns[at] = [day if day is None else _DATES.setdefault(day, day) for day in columns[at]]
    for at in _NUMBER_AT:
        # not 0.0, one key with -0.0, nor NaN, which no key equals; 1.0 and 1 are told apart by their dicts
        columns[at] = [_INTS.setdefault(number, number) if number.__class__ is int
                       else _FLOATS.setdefault(number, number) if number.__class__ is float and number and number == number
                       else number for number in columns[at]]
    return tuple(map(_claim_of, zip(*columns)))


def set_story(claim: Claim, story: str | None) -> None:
    """Gives a claim its story in place, where no one else holds the claim yet (a batch's claims as they
    were read, handed over to compare): frozen to every reader after. A copy of each of a large batch's
    million claims, to set one field, held a second set of them while the stories were formed."""
    _claim_slots["story"](claim, story)


def replaced(claim: Claim, **changes) -> Claim:
    """A copy of the claim with `changes`, as dataclasses.replace gives it but about 3 times quicker (each
    batch's claims are copied as they are dated, given their story and their copies): built as _claim_of
    builds one, without Claim's __init__. `copies` must be given as a tuple."""
    values = list(_claim_values(claim))
    for name, value in changes.items():
        values[_FIELD_AT[name]] = value
    return _claim_of(values)


@dataclass(frozen=True, slots=True)
class Finding:
    """A verdict on two figures from different articles about the same quantity."""

    quantity: str
    verdict: str
    claims: tuple[str, str]
    message: str
    group: str
    story: str | None = None

    @property
    def flagged(self) -> bool:
        return self.verdict in FLAGGED

    def as_record(self) -> dict:
        return {"quantity": self.quantity, "verdict": self.verdict, "claims": list(self.claims),
                "message": self.message, "group": self.group, "story": self.story}


@dataclass(frozen=True, slots=True)
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
    story: str | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """Articles, and figures within them, about one event: what ties them and when they were printed."""

    id: str
    label: str                          # what the report heads the story with: its most named places and names
    articles: tuple[str, ...]           # article ids whose main story this is
    places: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    first: dt.date | None = None        # earliest and latest publication date among its articles
    last: dt.date | None = None
    undated: tuple[str, ...] = ()       # its articles with no publication date


@dataclass(frozen=True, slots=True)
class Result:
    """Everything one run produced: what was read, found and decided."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    findings: Sequence[Finding]  # a findings.Findings once made
    groups: tuple[Group, ...] = ()
    errors: tuple[str, ...] = field(default=())
    stories: tuple[Story, ...] = ()
    # Articles that came from the claims ledger rather than this batch (only those a finding cites).
    stored: tuple[str, ...] = ()
    # The `<!-- discrepancy: ignore ... -->` comments of these articles (baseline.Suppression), found
    # while their text was at hand: a checked batch's articles keep no text.
    suppressions: tuple = ()

    def __post_init__(self):
        # Findings are read by their columns (verdicts, groups, stories) wherever only some are wanted;
        # a tuple of them given here (a test's, a filtered copy's) reads the same way.
        from .findings import Findings  # findings.py builds on this module's Finding
        if not isinstance(self.findings, Findings):
            object.__setattr__(self, "findings", Findings.of(self.findings))
