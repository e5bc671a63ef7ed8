"""Decides, for each pair of figures about the same quantity, whether they agree.

Claims become intervals (the qualifier's interval, widened by the rounding a round number
tolerates); pairs are formed per quantity and story with numpy, their scopes and places related
through the scope hierarchy and the gazetteer, and each pair gets a verdict. Only figures of the
same time window can conflict: across windows a cumulative count is an update or a revision, and
other counts are not compared. Of the copies of one wire sentence only the first is compared.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
from array import array
from dataclasses import replace
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from .copies import is_witness
from .findings import POSITION, FindingTable, Findings
from .memory import return_freed_memory
from .models import FLAGGED, UNNAMED_PART, VERDICTS, Claim, Group
from .rules import RuleSet

OTHER = "other"
SAME, PART, WHOLE, APART = "same", "part", "whole", "apart"
EXTENTS = (SAME, PART, WHOLE, APART)
# Candidate pairs related and decided at once: a pair's columns take about 150 bytes, and a batch of
# 100,000 articles has millions of pairs; decided a few stories at a time, they are never all held.
PAIRS_AT_ONCE = 500_000
POSITIONS = np.dtype(POSITION)  # the findings table's columns, as numpy reads them
FLAGGED_CODES = [VERDICTS.index(verdict) for verdict in FLAGGED]


class ScopeTree:
    """The scope hierarchy from rules/scopes.toml: which group of people lies within which."""

    def __init__(self, rules: RuleSet):
        self.root = rules.scope_root
        self.parent = {s.name: s.within for s in rules.scopes}

    def ancestors(self, scope: str | None) -> list[str]:
        chain, current = [], scope or self.root
        while current in self.parent and current not in chain:
            chain.append(current)
            current = self.parent[current]
        return chain + [self.root]

    def relation(self, a: str | None, b: str | None) -> str:
        """same, part (a within b), whole (b within a) or apart (siblings such as civilians and police)."""
        a, b = a or self.root, b or self.root
        if a == b:
            # two parts that name no group ("seven others", "three guides") are not known to be the same people
            return APART if a == UNNAMED_PART else SAME
        if b in self.ancestors(a):
            return PART
        if a in self.ancestors(b):
            return WHOLE
        return APART


def place_relation(relate: Callable[[str | None, str | None], str]) -> Callable[[str | None, str | None], str]:
    """Maps the gazetteer's words (same/within/contains/unrelated/unknown) onto the reconciler's."""
    words = {"same": SAME, "within": PART, "contains": WHOLE, "unrelated": APART, "unknown": SAME}
    return lambda a, b: words[relate(a, b)]


class Figures:
    """The compared claims (compared_claims) as columns: what pairing and deciding read, names as codes
    (a batch holds millions of figures, and a string column read in Python costs most of the pairing)."""

    def __init__(self, compared: Sequence[Claim], rules: RuleSet):
        self.claims = compared
        self.article, _ = _codes(c.article for c in compared)
        self.quantity, self.quantities = _codes(c.quantity for c in compared)
        self.story, _ = _codes(c.story for c in compared)
        self.scope, self.scopes = _codes(c.scope for c in compared)
        self.place, self.places = _codes(c.place for c in compared)
        rounding = {q.name: q.rounding for q in rules.quantities}
        tolerance = np.array([_rounding_tolerance(c, rounding.get(c.quantity, 0.0)) for c in compared], dtype=float)
        self.lo = _numbers((c.low for c in compared), -np.inf) - tolerance
        self.hi = _numbers((c.high for c in compared), np.inf) + tolerance
        # The period a figure holds over; a claim dated only by its article holds on that day, or for a count
        # of one event (a crowd) on any of the days before it that its quantity's rule allows.
        self.since = _days(c.period_start or c.published for c in compared)
        self.until = _days(c.period_end or c.published for c in compared)
        # a running total from a day no date names ("since the war began"): open at its start
        self.since[np.array([c.period_start is None and c.period_end is not None for c in compared], dtype=bool)] = -np.inf
        reach = {q.name: q.days_before_article for q in rules.quantities}
        self.since -= np.array([0 if c.time_phrase else reach.get(c.quantity, 0) for c in compared], dtype=float)
        self.stated_part = np.array([c.stated_part for c in compared], dtype=bool)
        self.running = np.array([c.running for c in compared], dtype=bool)
        # the sentence of each figure, as a number: two of one article's figures said in one sentence are of one
        # account (a hash: a batch's sentences are not kept twice; figures of different articles never meet here)
        self.sentence = np.fromiter((hash(c.sentence) for c in compared), dtype=np.int64, count=len(compared))

    def __len__(self) -> int:
        return len(self.claims)


# A figure holding over more days than this is a running total (a year's, a decade's), not one event's count.
LONG_PERIOD_DAYS = 31
# Figures of days further apart than this are of different events, even of a toll that only grows.
EVENT_GAP_DAYS = 60


def _codes(values: Iterable) -> tuple[np.ndarray, list]:
    """Each value as the number of its first appearance, and the values so numbered."""
    numbers: dict = {}
    codes = np.fromiter((numbers.setdefault(v, len(numbers)) for v in values), dtype=np.int64)
    return codes, list(numbers)


def _numbers(values: Iterable[float | None], missing: float) -> np.ndarray:
    return np.array([missing if v is None else float(v) for v in values], dtype=float)


def _days(dates: Iterable[dt.date | None]) -> np.ndarray:
    """Dates as day numbers; NaN where undated, which compares false with any day, as pandas' NaT does."""
    return np.array([d.toordinal() if d else np.nan for d in dates], dtype=float)


def _rounding_tolerance(claim: Claim, rounding: float) -> float:
    """How far a figure stated exactly may lie from the truth through rounding: '2,000' may be 2,030.

    A round number tolerates half its last significant place, capped by the quantity's
    relative rounding; a figure with a qualifier already says how loose it is.
    """
    if claim.qualifier != "exact" or claim.value is None or claim.value == 0:
        return 0.0
    value = abs(claim.value)
    if not float(value).is_integer():
        return 0.0
    digits = str(int(value))
    place = 10 ** (len(digits) - len(digits.rstrip("0")))
    return min(place / 2, value * rounding) if place > 1 else 0.0


def candidate_pairs(figures: Figures, fresh: Collection[str] | None = None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Every pair (a, b), a < b, of figures about the same quantity in the same story, a few stories at a
    time; with `fresh`, only pairs with at least one of those claims (the others were compared by an
    earlier run)."""
    # Each (story, quantity) is a run of figures, in their order; runs are taken whole.
    order = np.lexsort((np.arange(len(figures)), figures.quantity, figures.story))
    key = figures.story[order] * (len(figures.quantities) or 1) + figures.quantity[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(order) else np.zeros(0, np.int64)
    sizes = np.diff(np.r_[starts, len(order)])
    is_fresh = None if fresh is None else np.array([c.id in fresh for c in figures.claims], dtype=bool)
    pairs_before = np.r_[0, np.cumsum(sizes * (sizes - 1) // 2)]
    first = 0
    while first < len(starts):
        last = max(first + 1, int(np.searchsorted(pairs_before, pairs_before[first] + PAIRS_AT_ONCE, "right")) - 1)
        a, b = _pairs_within(order[starts[first]:starts[last - 1] + sizes[last - 1]],
                             starts[first:last] - starts[first], sizes[first:last])
        if is_fresh is not None:
            keep = is_fresh[a] | is_fresh[b]
            a, b = a[keep], b[keep]
        yield a, b
        first = last


def _pairs_within(members: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of members of each run (members[start:start + size]), each once, in the runs' order."""
    position = np.arange(len(members))
    after = np.repeat(starts + sizes, sizes) - position - 1       # how many members of its run follow each
    first = np.repeat(position, after)
    step = np.arange(len(first)) - np.repeat(np.cumsum(after) - after, after)
    return members[first], members[first + 1 + step]


def relate_pairs(figures: Figures, a: np.ndarray, b: np.ndarray, scopes: ScopeTree, places: Callable) -> np.ndarray:
    """The extent of each pair (how a's scope and place relate to b's), as a position in EXTENTS (each
    distinct pair of scopes or places looked up once)."""
    scope_rel = _related(figures.scope[a], figures.scope[b], figures.scopes, scopes.relation)
    place_rel = _related(figures.place[a], figures.place[b], figures.places, places)
    return EXTENT_OF[scope_rel, place_rel]


def _related(a: np.ndarray, b: np.ndarray, names: list, relation: Callable) -> np.ndarray:
    """relation(names[a[k]], names[b[k]]) for each k, as a position in EXTENTS."""
    if not len(a):
        return np.zeros(0, dtype=np.int64)
    distinct, at = np.unique(a * len(names) + b, return_inverse=True)
    found = [EXTENTS.index(relation(names[key // len(names)], names[key % len(names)])) for key in distinct.tolist()]
    return np.array(found, dtype=np.int64)[at.ravel()]


def _extent(scope_rel: str, place_rel: str) -> str:
    """Whether claim a counts the same as b, a part of it, the whole of it, or something apart."""
    relations = {scope_rel, place_rel}
    if APART in relations or relations == {PART, WHOLE}:
        return APART
    if relations == {SAME}:
        return SAME
    return PART if PART in relations else WHOLE


# The extent of a pair by how its scopes relate and how its places relate (positions in EXTENTS).
EXTENT_OF = np.array([[EXTENTS.index(_extent(s, p)) for p in EXTENTS] for s in EXTENTS], dtype=np.int64)


def _stated_in_whole(figures: Figures, a: np.ndarray, b: np.ndarray, extent: np.ndarray,
                     agree_elsewhere: np.ndarray) -> np.ndarray:
    """For each pair of a part and a whole: whether the whole's own article states that part too ("Twenty-one
    people, including 14 Australians" beside another article's "14 Australians"), which explains it."""
    # (article, figure) as one number: the article states, as a part, a figure agreeing with that figure.
    def stated(article: np.ndarray, figure: np.ndarray) -> np.ndarray:
        return article * len(figures) + figure
    a_stated, b_stated = agree_elsewhere & figures.stated_part[a], agree_elsewhere & figures.stated_part[b]
    restated = np.concatenate([stated(figures.article[a[a_stated]], b[a_stated]),
                               stated(figures.article[b[b_stated]], a[b_stated])])
    if not len(restated):
        return np.zeros(len(a), dtype=bool)
    a_is_part = extent == EXTENTS.index(PART)
    part, whole = np.where(a_is_part, a, b), np.where(a_is_part, b, a)
    return np.isin(stated(figures.article[whole], part), restated)


def _part_of_a_part(figures: Figures, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For each pair: whether one is a part that names no group ("five more died", "of whom 90") and the other a
    part of a whole too ("two from Dhubri"). The first belongs to the whole its article names, not to another part:
    set beside the second as a part of it, "five more" would be a part larger than its whole."""
    if UNNAMED_PART not in figures.scopes:
        return np.zeros(len(a), dtype=bool)
    unnamed = figures.scope == figures.scopes.index(UNNAMED_PART)
    return (unnamed[a] & figures.stated_part[b]) | (unnamed[b] & figures.stated_part[a])


def decide(figures: Figures, a: np.ndarray, b: np.ndarray, extent: np.ndarray,
           cumulative: dict[str, bool]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The comparable pairs among (a, b) with their verdicts: (a, b, verdict, extent), verdicts and extents
    as positions in VERDICTS and EXTENTS; pairs about things apart are dropped."""
    comparable = (extent != EXTENTS.index(APART)) & ~_part_of_a_part(figures, a, b)
    a, b, extent = a[comparable], b[comparable], extent[comparable]
    lo_a, hi_a, lo_b, hi_b = figures.lo[a], figures.hi[a], figures.lo[b], figures.hi[b]
    since_a, until_a, since_b, until_b = figures.since[a], figures.until[a], figures.since[b], figures.until[b]
    is_part, is_whole = extent == EXTENTS.index(PART), extent == EXTENTS.index(WHOLE)
    overlap = (lo_a <= hi_b) & (lo_b <= hi_a)
    same_article = figures.article[a] == figures.article[b]
    part_exceeds = (is_part & (lo_a > hi_b)) | (is_whole & (lo_b > hi_a))
    # Two figures are of different time windows when both are dated and their periods do not meet.
    dated = ~np.isnan(since_a) & ~np.isnan(since_b) & ((until_a < since_b) | (until_b < since_a))
    counts_up = np.array([cumulative.get(q, False) for q in figures.quantities], dtype=bool)[figures.quantity[a]]
    later_a = since_a > until_b
    a_higher = lo_a > hi_b
    rose = np.where(later_a, a_higher, ~a_higher)
    same = extent == EXTENTS.index(SAME)
    # A cumulative part counted in a later window may exceed an earlier whole: the toll rose since.
    part_later = np.where(is_part, later_a, ~later_a)
    part_grew = part_exceeds & dated & counts_up & part_later
    # A part that its own article ties to a whole ("14 of them Australians") explains itself.
    stated_part = np.where(is_part, figures.stated_part[a], figures.stated_part[b])
    stated_in_whole = _stated_in_whole(figures, a, b, extent, overlap & same & ~same_article)
    code = VERDICTS.index
    cross_article = np.select(
        [overlap, part_exceeds & ~part_grew, part_grew, ~same & (stated_part | stated_in_whole), ~same,
         dated & counts_up & rose,
         dated & counts_up],
        [code("consistent"), code("conflict"), code("update"), code("consistent"), code("different_scope"),
         code("update"), code("revision")],
        default=code("conflict"),
    )
    # An article's own breakdown (100 in one city within its national toll) is compared only to
    # catch a part that exceeds its whole; a figure repeated within one article is no finding. The article ties
    # the two in one sentence or by stating the part ("including 100 in Almaty"); figures of its sentences apart
    # may be of other days its undated words do not tell ("killed the three gunmen" beside "Two gunmen ... on
    # December 2").
    tied = same_article & (stated_part | (figures.sentence[a] == figures.sentence[b]))
    within_article = np.where(part_exceeds & ~part_grew, code("conflict"), code("consistent"))
    verdict = np.where(same_article, within_article, cross_article)
    # Counts that do not only grow, of different windows, are not compared: a crowd on Monday and on Friday.
    # Nor are a running total over years and one event's count ("1,000 over the past decade", "54 on Saturday"),
    # or counts of days far apart: an event of the background ("in 2015, when 69 died") is another event.
    # (a running total its words name is one, dated or not: "the toll of 15 months of the uprising" beside an
    # undated article's "three Palestinians were killed")
    running_a, running_b = figures.running[a], figures.running[b]
    long_a, long_b = (until_a - since_a > LONG_PERIOD_DAYS) | running_a, (until_b - since_b > LONG_PERIOD_DAYS) | running_b
    far_apart = (since_b - until_a > EVENT_GAP_DAYS) | (since_a - until_b > EVENT_GAP_DAYS)
    apart_in_time = dated & ~counts_up & ~overlap \
        | (long_a != long_b) & (~np.isnan(since_a) & ~np.isnan(since_b) | running_a | running_b) | far_apart
    kept = ~(same_article & same) & ~apart_in_time & ~(same_article & part_exceeds & ~tied)
    return a[kept], b[kept], verdict[kept], extent[kept]


def reconcile(claims: Sequence[Claim], rules: RuleSet, place_relation_of: Callable,
              fresh: Collection[str] | None = None) -> tuple[Findings, list[Group]]:
    """Findings for every comparable pair and the groups they form.

    Claims are compared within their story (Claim.story; claims without one form one story).
    With `fresh` (claim ids), a pair of two claims outside it is not compared: a ledger's stored
    claims were compared with each other when they were new.
    """
    compared = compared_claims(claims)
    figures = Figures(compared, rules)
    scopes = ScopeTree(rules)
    places = place_relation(place_relation_of)
    cumulative = {q.name: q.cumulative for q in rules.quantities}
    decided = [_compact(*decide(figures, a, b, relate_pairs(figures, a, b, scopes, places), cumulative))
               for a, b in candidate_pairs(figures, fresh)]
    table = FindingTable(compared, functools.partial(_described, scopes, cumulative), EXTENTS)
    if not sum(len(part[0]) for part in decided):
        return Findings(table), []
    columns = [np.concatenate(column) for column in zip(*decided)]
    del decided
    order = _paired(table, *columns)
    del columns
    return_freed_memory()  # ordering the pairs freed their sorted copies in pieces, which grouping cannot reuse
    first, second = np.frombuffer(table.first, dtype=POSITIONS), np.frombuffer(table.second, dtype=POSITIONS)
    flagged_first = np.zeros(len(compared), dtype=bool)  # the figures first in a flagged finding
    flagged_first[first[np.isin(np.frombuffer(table.verdict, dtype=np.uint8), FLAGGED_CODES)]] = True
    groups, members = _groups(compared, _linked(compared, first, second), flagged_first, scopes)
    # A finding belongs to the group its figures ended up in, named after the group's broadest figure.
    group_of = np.full(len(compared), -1, dtype=np.int64)  # each compared figure's group, by number
    for number, positions in enumerate(members):
        group_of[positions] = number
    groups = _named_groups(table, group_of[first], groups)
    return Findings(table, order), groups


def compared_claims(claims: Sequence[Claim]) -> list[Claim]:
    """The claims compared: typed, not superseded in their own article nor a count to come, and the witness of their
    copies (the rows of Figures)."""
    return [c for c in claims if c.quantity != OTHER and not c.superseded and not c.projection and is_witness(c)]


def _compact(a: np.ndarray, b: np.ndarray, verdict: np.ndarray, extent: np.ndarray) -> tuple[np.ndarray, ...]:
    """Decided pairs in the smallest types that hold them, positions in 32 bits and codes in bytes: a large
    batch decides millions, held until all are ordered (in 64 bits, hundreds of megabytes at 100,000 articles)."""
    return a.astype(np.int32), b.astype(np.int32), verdict.astype(np.uint8), extent.astype(np.uint8)


def _paired(table: FindingTable, a: np.ndarray, b: np.ndarray, verdict: np.ndarray, extent: np.ndarray) -> array:
    """Fills the table with the decided pairs (a, b), the earlier figure first; gives the rows in report order
    (most severe verdict first, then by quantity and the figures' ids)."""
    claims = table.claims
    # In the order of the figures (a, then b), whichever stories they were decided with.
    by_figures = np.lexsort((b, a))
    row_a, row_b, verdict, extent = a[by_figures], b[by_figures], verdict[by_figures], extent[by_figures]
    when = np.array([_when(c).toordinal() for c in claims])
    a_first = when[row_a] <= when[row_b]
    first, second = np.where(a_first, row_a, row_b), np.where(a_first, row_b, row_a)
    # Copied in as bytes: a list of millions of Python ints on the way held four times the array.
    table.first.frombytes(_raw(first.astype(POSITIONS)))
    table.second.frombytes(_raw(second.astype(POSITIONS)))
    table.verdict.extend(_raw(verdict))
    table.extent.extend(_raw(extent))
    story_of_claim, stories = _story_numbers(claims)
    codes, numbers = _first_appearance_codes(story_of_claim[row_a])  # coded in the order of the findings
    table.story.frombytes(_raw(codes.astype(POSITIONS, copy=False)))
    table.story_names.extend(stories[number] for number in numbers.tolist())
    # VERDICTS lists the verdicts most severe first: a verdict's code is its severity. Names sort by their
    # rank among the compared figures' (equal names, equal ranks), as many findings share each figure.
    quantity, ident = (_ranks([getattr(c, name) for c in claims]).astype(np.int32) for name in ("quantity", "id"))
    order = array(POSITION)
    in_report_order = np.lexsort((ident[second], ident[first], quantity[first], verdict))
    order.frombytes(_raw(in_report_order.astype(POSITIONS, copy=False)))
    return order


def _raw(values: np.ndarray) -> memoryview:
    """The array's bytes, not copied (as tobytes() would): what array.frombytes and bytearray.extend take."""
    return memoryview(np.ascontiguousarray(values)).cast("B")


def _story_numbers(claims: Sequence[Claim]) -> tuple[np.ndarray, list[str | None]]:
    """Each claim's story as a number, in an array (read for millions of findings: as a list of Python ints
    they held four times what the array does), and the story of each number."""
    numbers: dict[str | None, int] = {}
    found = np.array([numbers.setdefault(claim.story, len(numbers)) for claim in claims], dtype=np.int64)
    return found, list(numbers)


def _first_appearance_codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The values renumbered 0, 1, 2... in the order each first appears, and the value of each number."""
    distinct, first_at, inverse = np.unique(values, return_index=True, return_inverse=True)
    order = np.argsort(first_at, kind="stable")
    rank = np.empty(len(distinct), dtype=np.int64)
    rank[order] = np.arange(len(distinct))
    return rank[inverse.ravel()], distinct[order]


def _ranks(names: list[str]) -> np.ndarray:
    """Each name's place among the distinct names in order."""
    return np.unique(np.array(names, dtype=object), return_inverse=True)[1].ravel()


def _named_groups(table: FindingTable, group_of_row: np.ndarray, groups: list[Group]) -> list[Group]:
    """Gives each finding (row) the name of its group (`group_of_row`: numbers in `groups`); group keys named
    alike in two stories ("deaths / everyone / Australia") gain their story's id, for groups and findings
    both. A name's code is its order of first appearance among the rows.

    Worked out once for each distinct key and story of the rows, not for each of their millions."""
    key_code: dict[str, int] = {}
    key_of_group = np.array([key_code.setdefault(g.key, len(key_code)) for g in groups], dtype=np.int64)
    keys, stories = list(key_code), table.story_names
    pair_of_row, pairs = _first_appearance_codes(key_of_group[group_of_row] * len(stories)
                                                 + np.frombuffer(table.story, dtype=POSITIONS))
    named = [(keys[pair // len(stories)], stories[pair % len(stories)]) for pair in pairs.tolist()]
    found: dict[str, set] = {}
    for key, story in [*named, *((g.key, g.story) for g in groups)]:
        found.setdefault(key, set()).add(story)
    shared = {key for key, in_stories in found.items() if len(in_stories) > 1}
    group_code: dict[str, int] = {}
    code_of_pair = np.array([group_code.setdefault(f"{key} ({story})" if key in shared else key, len(group_code))
                             for key, story in named], dtype=np.int64)
    table.group.frombytes(_raw(code_of_pair[pair_of_row].astype(POSITIONS, copy=False)))
    table.group_names.extend(group_code)
    return [replace(g, key=f"{g.key} ({g.story})") if g.key in shared else g for g in groups]


def _when(claim: Claim) -> dt.date:
    return claim.period_start or claim.published or dt.date.min


def _described(scopes: ScopeTree, cumulative: dict[str, bool], verdict: str, first: Claim, second: Claim,
               extent: str) -> str:
    """A finding's message: the verdict in words on its two figures, the earlier first."""
    message = _message(verdict, first, second, extent, scopes)
    # The notes' own tests, asked here first: a large batch's report and summary write millions of messages,
    # and most have neither note.
    if verdict in _UNDATED_VERDICTS and (first.published is None or second.published is None):
        message += _undated_note(verdict, first, second, cumulative.get(first.quantity, False))
    if len(first.copies) > 1 or len(second.copies) > 1:
        message += _copies_note(first, second)
    return message


_UNDATED_VERDICTS = frozenset(VERDICTS) - {"consistent", "update", "revision"}  # those _undated_note may speak on


def _undated_note(verdict: str, first: Claim, second: Claim, cumulative: bool) -> str:
    """A conflict over a toll that grows may be an update when an article has no date: say so."""
    if verdict in ("consistent", "update", "revision"):
        return ""
    undated = [c.article for c in (first, second) if c.period_start is None and c.published is None]
    if not undated:
        return ""
    which = " and ".join(dict.fromkeys(undated))
    return f" ({which} undated{': it may be a later update' if cumulative else ''})"


def _copies_note(first: Claim, second: Claim) -> str:
    """Where each wire sentence was also printed: one witness, all its places."""
    if len(first.copies) < 2 and len(second.copies) < 2:  # most figures were printed once
        return ""
    notes = [f"'{c.text}' ({c.article}) printed alike in {', '.join(_article_of(i) for i in c.copies)}"
             for c in (first, second) if len(c.copies) > 1]
    return f"; {'; '.join(notes)}" if notes else ""


def _article_of(claim_id: str) -> str:
    return claim_id.rsplit(":", 2)[0]


@functools.lru_cache(maxsize=4096)
def _scope_in_place(scope: str | None, place: str | None) -> str:
    """"civilians in Kabul": a few hundred distinct, said twice in each of a batch's findings."""
    return " in ".join(x for x in (scope, place) if x)


def _message(verdict: str, first: Claim, second: Claim, extent: str, scopes: ScopeTree) -> str:
    # who each figure counts, where: written out, not a call of its own (millions of messages are written)
    first_who = _scope_in_place(first.scope or scopes.root, first.place)
    second_who = _scope_in_place(second.scope or scopes.root, second.place)
    pair = f"'{first.text}' ({first_who}, {first.article}) and '{second.text}' ({second_who}, {second.article})"
    if verdict == "consistent":
        if extent != SAME:
            return f"{pair}: one counts a part of the other and the part does not exceed the whole"
        return f"{pair} agree once rounding and qualifiers are allowed for"
    if verdict == "conflict" and extent != SAME:
        return f"{pair}: the part is larger than the whole it belongs to"
    if verdict == "conflict":
        return f"{pair} count the same thing and cannot both be right"
    if verdict == "different_scope":
        return f"{pair} differ, but count different scopes ({first_who} vs {second_who}): check which is meant"
    if verdict == "update":
        return f"{pair}: the later article gives a higher count, a toll that rose"
    return f"{pair}: the later article gives a lower count, a toll that fell; check the revision"


def _groups(compared: Sequence[Claim], members: list[np.ndarray], flagged_first: np.ndarray,
            scopes: ScopeTree) -> tuple[list[Group], list[np.ndarray]]:
    """Claims linked by findings (`members`: each group's positions in `compared`) form one group, named after
    its broadest figure; a group is flagged when a flagged finding's first claim (`flagged_first`, one entry
    a compared claim) is in it. The groups in report order, and the members of each."""
    groups = []
    for positions in members:
        claims = sorted((compared[p] for p in positions.tolist()), key=lambda c: (c.article, c.start))
        widest = min(claims, key=lambda c: (len(scopes.ancestors(c.scope)), c.place is not None))
        quantity = claims[0].quantity
        flagged = bool(flagged_first[positions].any())
        lows = [c.low for c in claims if c.low is not None]
        highs = [c.high if c.high is not None else math.inf for c in claims]
        dated = [c for c in claims if c.period_start or c.published]
        groups.append(Group(
            key=" / ".join([quantity, widest.scope or scopes.root, widest.place or "anywhere"]),
            quantity=quantity, scope=widest.scope, place=widest.place, claims=tuple(c.id for c in claims),
            low=min(lows) if lows else None, high=None if math.inf in highs else max(highs),
            most_conservative=min(claims, key=lambda c: (c.low if c.low is not None else -math.inf)).id,
            latest=max(dated, key=_when).id if dated else None, flagged=flagged, story=claims[0].story,
        ))
    order = sorted(range(len(groups)), key=lambda k: (not groups[k].flagged, groups[k].quantity, groups[k].key))
    return _numbered([groups[k] for k in order]), [members[k] for k in order]


def _numbered(groups: list[Group]) -> list[Group]:
    """Groups of one story named alike (a crowd counted on Monday, another on Friday) gain a number: "#2"."""
    seen: dict[tuple, int] = {}
    numbered = []
    for group in groups:
        seen[(group.story, group.key)] = count = seen.get((group.story, group.key), 0) + 1
        numbered.append(group if count == 1 else replace(group, key=f"{group.key} #{count}"))
    return numbered


def _linked(claims: Sequence[Claim], first: np.ndarray, second: np.ndarray) -> list[np.ndarray]:
    """The groups of claims joined by findings (first[k], second[k]: positions in `claims`), as their positions
    in order, the groups in the order of their least claim id."""
    graph = sparse.coo_matrix((np.ones(len(first), np.int8), (first, second)), shape=(len(claims), len(claims)))
    component = connected_components(graph, directed=False)[1]
    linked = np.zeros(len(claims), dtype=bool)
    linked[first] = linked[second] = True
    positions = np.flatnonzero(linked)
    positions = positions[np.argsort(component[positions], kind="stable")]
    groups = np.split(positions, np.flatnonzero(np.diff(component[positions])) + 1)
    return sorted(groups, key=lambda group: min(claims[p].id for p in group.tolist()))
