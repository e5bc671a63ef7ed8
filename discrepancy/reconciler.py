"""Decides, for each pair of figures about the same quantity, whether they agree.

Claims become intervals (the qualifier's interval, widened by the rounding a round number
tolerates); pairs are formed per quantity and story with pandas, their scopes and places related
through the scope hierarchy and the gazetteer, and each pair gets a verdict. Only figures of the
same time window can conflict: across windows a cumulative count is an update or a revision, and
other counts are not compared. Of the copies of one wire sentence only the first is compared.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import replace
from collections.abc import Callable, Collection, Sequence

import numpy as np
import pandas as pd

from .copies import is_witness
from .findings import FindingTable, Findings
from .models import FLAGGED, VERDICTS, Claim, Group
from .rules import RuleSet

OTHER = "other"
SAME, PART, WHOLE, APART = "same", "part", "whole", "apart"
EXTENTS = (SAME, PART, WHOLE, APART)
# The columns of a claim that pairing and deciding read.
PAIR_COLUMNS = ["id", "article", "quantity", "story_key", "scope", "place", "lo", "hi", "since", "until", "stated_part"]
# The fields of a claim its row is made from.
FRAME_FIELDS = ["id", "article", "quantity", "story", "scope", "place", "low", "high", "published",
                "period_start", "period_end", "stated_part"]


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
            return SAME
        if b in self.ancestors(a):
            return PART
        if a in self.ancestors(b):
            return WHOLE
        return APART


def place_relation(relate: Callable[[str | None, str | None], str]) -> Callable[[str | None, str | None], str]:
    """Maps the gazetteer's words (same/within/contains/unrelated/unknown) onto the reconciler's."""
    words = {"same": SAME, "within": PART, "contains": WHOLE, "unrelated": APART, "unknown": SAME}
    return lambda a, b: words[relate(a, b)]


def claims_frame(compared: Sequence[Claim], rules: RuleSet) -> pd.DataFrame:
    """One row per compared claim (compared_claims) with its interval and period: only the fields
    pairing reads, for a batch holds millions of figures."""
    frame = pd.DataFrame([[getattr(c, name) for name in FRAME_FIELDS] for c in compared], columns=FRAME_FIELDS)
    if frame.empty:
        return frame.assign(lo=pd.Series(dtype=float), hi=pd.Series(dtype=float), story_key=pd.Series(dtype=str),
                            since=pd.Series(dtype="datetime64[ns]"), until=pd.Series(dtype="datetime64[ns]"))
    rounding = {q.name: q.rounding for q in rules.quantities}
    tolerance = [_rounding_tolerance(c, rounding.get(c.quantity, 0.0)) for c in compared]
    frame["lo"] = frame["low"].astype(float).fillna(-np.inf) - tolerance
    frame["hi"] = frame["high"].astype(float).fillna(np.inf) + tolerance
    frame["published"] = pd.to_datetime(frame["published"])
    # The period a figure holds over; a claim dated only by its article holds on that day.
    frame["since"] = pd.to_datetime(frame["period_start"]).fillna(frame["published"])
    frame["until"] = pd.to_datetime(frame["period_end"]).fillna(frame["published"])
    frame["story_key"] = frame["story"].fillna("")
    return frame


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


def candidate_pairs(frame: pd.DataFrame, fresh: Collection[str] | None = None) -> pd.DataFrame:
    """Every pair of claims about the same quantity in the same story, each pair once; with `fresh`,
    only pairs with at least one of those claims (the others were compared by an earlier run)."""
    frame = frame[PAIR_COLUMNS]  # a pair carries what deciding needs, not every field of both claims
    if frame.empty:
        return frame.merge(frame, on=["quantity", "story_key"], suffixes=("_a", "_b"))
    indexed = frame.reset_index(names="row")
    pairs = indexed.merge(indexed, on=["quantity", "story_key"], suffixes=("_a", "_b"))
    keep = pairs["row_a"] < pairs["row_b"]
    if fresh is not None:
        keep &= pairs["id_a"].isin(fresh) | pairs["id_b"].isin(fresh)
    return pairs[keep].reset_index(drop=True)


def relate_pairs(pairs: pd.DataFrame, scopes: ScopeTree, places: Callable) -> pd.DataFrame:
    """Adds how the two claims' scopes and places relate (looked up once per distinct pair)."""
    keys = {column: list(zip(_text_or_none(pairs[f"{column}_a"]), _text_or_none(pairs[f"{column}_b"])))
            for column in ("scope", "place")}
    scope_map = {key: scopes.relation(*key) for key in set(keys["scope"])}
    place_map = {key: places(*key) for key in set(keys["place"])}
    pairs = pairs.assign(scope_rel=[scope_map[k] for k in keys["scope"]],
                         place_rel=[place_map[k] for k in keys["place"]])
    pairs["extent"] = [_extent(s, p) for s, p in zip(pairs["scope_rel"], pairs["place_rel"])]
    return pairs


def _text_or_none(column: pd.Series) -> list[str | None]:
    """pandas turns a missing scope into NaN; the relations want None."""
    return [value if isinstance(value, str) else None for value in column]


def _extent(scope_rel: str, place_rel: str) -> str:
    """Whether claim a counts the same as b, a part of it, the whole of it, or something apart."""
    relations = {scope_rel, place_rel}
    if APART in relations or relations == {PART, WHOLE}:
        return APART
    if relations == {SAME}:
        return SAME
    return PART if PART in relations else WHOLE


def _stated_in_whole(pairs: pd.DataFrame, agree_elsewhere: pd.Series) -> np.ndarray:
    """For each pair of a part and a whole: whether the whole's own article states that part too ("Twenty-one
    people, including 14 Australians" beside another article's "14 Australians"), which explains it."""
    restated = set()  # (article, claim id): the article states, as a part, a figure agreeing with the claim
    for flag, article, other in (("stated_part_a", "article_a", "id_b"), ("stated_part_b", "article_b", "id_a")):
        chosen = agree_elsewhere & pairs[flag].astype(bool)
        restated.update(zip(pairs.loc[chosen, article], pairs.loc[chosen, other]))
    if not restated:
        return np.zeros(len(pairs), dtype=bool)
    a_is_part = (pairs["extent"] == PART).to_numpy()
    part_id = np.where(a_is_part, pairs["id_a"], pairs["id_b"])
    whole_article = np.where(a_is_part, pairs["article_b"], pairs["article_a"])
    return np.fromiter(((w, p) in restated for w, p in zip(whole_article, part_id)), dtype=bool, count=len(pairs))


def decide(pairs: pd.DataFrame, cumulative: dict[str, bool]) -> pd.DataFrame:
    """Gives each comparable pair its verdict; pairs about things apart are dropped."""
    pairs = pairs[pairs["extent"] != APART].copy()
    if pairs.empty:
        return pairs.assign(verdict=pd.Series(dtype=str))
    overlap = (pairs["lo_a"] <= pairs["hi_b"]) & (pairs["lo_b"] <= pairs["hi_a"])
    same_article = pairs["article_a"] == pairs["article_b"]
    part_exceeds = ((pairs["extent"] == PART) & (pairs["lo_a"] > pairs["hi_b"])) | \
                   ((pairs["extent"] == WHOLE) & (pairs["lo_b"] > pairs["hi_a"]))
    # Two figures are of different time windows when both are dated and their periods do not meet.
    dated = pairs["since_a"].notna() & pairs["since_b"].notna() & \
        ((pairs["until_a"] < pairs["since_b"]) | (pairs["until_b"] < pairs["since_a"]))
    counts_up = pairs["quantity"].map(cumulative).fillna(False).astype(bool)
    later_a = pairs["since_a"] > pairs["until_b"]
    a_higher = pairs["lo_a"] > pairs["hi_b"]
    rose = np.where(later_a, a_higher, ~a_higher)
    same = pairs["extent"] == SAME
    # A cumulative part counted in a later window may exceed an earlier whole: the toll rose since.
    part_later = np.where(pairs["extent"] == PART, later_a, ~later_a)
    part_grew = part_exceeds & dated & counts_up & part_later
    # A part that its own article ties to a whole ("14 of them Australians") explains itself.
    stated_part = np.where(pairs["extent"] == PART, pairs["stated_part_a"], pairs["stated_part_b"]).astype(bool)
    stated_in_whole = _stated_in_whole(pairs, overlap & same & ~same_article)
    cross_article = np.select(
        [overlap, part_exceeds & ~part_grew, part_grew, ~same & (stated_part | stated_in_whole), ~same,
         dated & counts_up & rose,
         dated & counts_up],
        ["consistent", "conflict", "update", "consistent", "different_scope", "update", "revision"],
        default="conflict",
    )
    # An article's own breakdown (100 in one city within its national toll) is compared only to
    # catch a part that exceeds its whole; a figure repeated within one article is no finding.
    within_article = np.where(part_exceeds & ~part_grew, "conflict", "consistent")
    pairs["verdict"] = np.where(same_article, within_article, cross_article)
    # Counts that do not only grow, of different windows, are not compared: a crowd on Monday and on Friday.
    apart_in_time = dated & ~counts_up & ~overlap
    return pairs[~(same_article & same) & ~apart_in_time]


def reconcile(claims: Sequence[Claim], rules: RuleSet, place_relation_of: Callable,
              fresh: Collection[str] | None = None) -> tuple[Findings, list[Group]]:
    """Findings for every comparable pair and the groups they form.

    Claims are compared within their story (Claim.story; claims without one form one story).
    With `fresh` (claim ids), a pair of two claims outside it is not compared: a ledger's stored
    claims were compared with each other when they were new.
    """
    compared = compared_claims(claims)
    frame = claims_frame(compared, rules)
    scopes = ScopeTree(rules)
    pairs = relate_pairs(candidate_pairs(frame, fresh), scopes, place_relation(place_relation_of))
    cumulative = {q.name: q.cumulative for q in rules.quantities}
    decided = decide(pairs, cumulative)
    table = FindingTable(compared, functools.partial(_described, scopes, cumulative), EXTENTS)
    if decided.empty:
        return Findings(table), []
    order = _paired(table, decided)
    links = list(zip(_ids(compared, table.first), _ids(compared, table.second)))
    flagged_firsts = {first for (first, _), code in zip(links, table.verdict) if VERDICTS[code] in FLAGGED}
    groups = _groups(links, flagged_firsts, {c.id: c for c in claims}, scopes)
    # A finding belongs to the group its figures ended up in, named after the group's broadest figure.
    key_of = {claim_id: group.key for group in groups for claim_id in group.claims}
    stories = [table.story_names[code] for code in table.story]
    groups = _named_groups(table, [key_of[first] for first, _ in links], stories, groups)
    return Findings(table, order), groups


def compared_claims(claims: Sequence[Claim]) -> list[Claim]:
    """The claims compared: typed, and the witness of their copies (the rows of claims_frame)."""
    return [c for c in claims if c.quantity != OTHER and is_witness(c)]


def _paired(table: FindingTable, decided: pd.DataFrame) -> list[int]:
    """Fills the table with the decided pairs, the earlier figure first; gives the rows in report order
    (most severe verdict first, then by quantity and the figures' ids)."""
    claims = table.claims
    row_a, row_b = decided["row_a"].to_numpy(), decided["row_b"].to_numpy()
    when = np.array([_when(c).toordinal() for c in claims])
    a_first = when[row_a] <= when[row_b]
    table.first.extend(np.where(a_first, row_a, row_b).tolist())
    table.second.extend(np.where(a_first, row_b, row_a).tolist())
    table.verdict.extend(decided["verdict"].map(VERDICTS.index).tolist())
    table.extent.extend(decided["extent"].map(EXTENTS.index).tolist())
    story_code: dict[str | None, int] = {}
    table.story.extend(story_code.setdefault(claims[a].story, len(story_code)) for a in row_a.tolist())
    table.story_names.extend(story_code)
    # VERDICTS lists the verdicts most severe first: a verdict's code is its severity.
    return sorted(range(len(table)), key=lambda row: (table.verdict[row], claims[table.first[row]].quantity,
                                                      claims[table.first[row]].id, claims[table.second[row]].id))


def _ids(claims: Sequence[Claim], positions) -> list[str]:
    return [claims[position].id for position in positions]


def _named_groups(table: FindingTable, keys: list[str], stories: list, groups: list[Group]) -> list[Group]:
    """Gives each finding its group's name; group keys named alike in two stories ("deaths / everyone /
    Australia") gain their story's id, for groups and findings both."""
    found: dict[str, set] = {}
    for key, story in [*zip(keys, stories), *((g.key, g.story) for g in groups)]:
        found.setdefault(key, set()).add(story)
    shared = {key for key, in_stories in found.items() if len(in_stories) > 1}
    group_code: dict[str, int] = {}
    for key, story in zip(keys, stories):
        name = f"{key} ({story})" if key in shared else key
        table.group.append(group_code.setdefault(name, len(group_code)))
    table.group_names.extend(group_code)
    return [replace(g, key=f"{g.key} ({g.story})") if g.key in shared else g for g in groups]


def _when(claim: Claim) -> dt.date:
    return claim.period_start or claim.published or dt.date.min


def _described(scopes: ScopeTree, cumulative: dict[str, bool], verdict: str, first: Claim, second: Claim,
               extent: str) -> str:
    """A finding's message: the verdict in words on its two figures, the earlier first."""
    return _message(verdict, first, second, extent, scopes) + \
        _undated_note(verdict, first, second, cumulative.get(first.quantity, False)) + _copies_note(first, second)


def _undated_note(verdict: str, first: Claim, second: Claim, cumulative: bool) -> str:
    """A conflict over a toll that grows may be an update when an article has no date: say so."""
    undated = [c.article for c in (first, second) if c.period_start is None and c.published is None]
    if not undated or verdict in ("consistent", "update", "revision"):
        return ""
    which = " and ".join(dict.fromkeys(undated))
    return f" ({which} undated{': it may be a later update' if cumulative else ''})"


def _copies_note(first: Claim, second: Claim) -> str:
    """Where each wire sentence was also printed: one witness, all its places."""
    notes = [f"'{c.text}' ({c.article}) printed alike in {', '.join(_article_of(i) for i in c.copies)}"
             for c in (first, second) if len(c.copies) > 1]
    return f"; {'; '.join(notes)}" if notes else ""


def _article_of(claim_id: str) -> str:
    return claim_id.rsplit(":", 2)[0]


def _who(claim: Claim, scopes: ScopeTree) -> str:
    return _scope_in_place(claim.scope or scopes.root, claim.place)


@functools.lru_cache(maxsize=4096)
def _scope_in_place(scope: str | None, place: str | None) -> str:
    """"civilians in Kabul": a few hundred distinct, said twice in each of a batch's findings."""
    return " in ".join(x for x in (scope, place) if x)


def _message(verdict: str, first: Claim, second: Claim, extent: str, scopes: ScopeTree) -> str:
    pair = f"'{first.text}' ({_who(first, scopes)}, {first.article}) and '{second.text}' ({_who(second, scopes)}, " \
           f"{second.article})"
    if verdict == "consistent":
        if extent != SAME:
            return f"{pair}: one counts a part of the other and the part does not exceed the whole"
        return f"{pair} agree once rounding and qualifiers are allowed for"
    if verdict == "conflict" and extent != SAME:
        return f"{pair}: the part is larger than the whole it belongs to"
    if verdict == "conflict":
        return f"{pair} count the same thing and cannot both be right"
    if verdict == "different_scope":
        return f"{pair} differ, but count different scopes ({_who(first, scopes)} vs {_who(second, scopes)}): " \
               f"check which is meant"
    if verdict == "update":
        return f"{pair}: the later article gives a higher count, a toll that rose"
    return f"{pair}: the later article gives a lower count, a toll that fell; check the revision"


def _groups(links: list[tuple[str, str]], flagged_firsts: set[str], by_id: dict[str, Claim],
            scopes: ScopeTree) -> list[Group]:
    """Claims linked by any finding (`links`: its two claims' ids) form one group, named after its broadest
    figure; a group is flagged when a flagged finding's first claim is in it."""
    members = _linked_claims(links)
    groups = []
    for claim_ids in members:
        claims = sorted((by_id[i] for i in claim_ids), key=lambda c: (c.article, c.start))
        widest = min(claims, key=lambda c: (len(scopes.ancestors(c.scope)), c.place is not None))
        quantity = claims[0].quantity
        flagged = not flagged_firsts.isdisjoint(claim_ids)
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
    groups.sort(key=lambda g: (not g.flagged, g.quantity, g.key))
    return _numbered(groups)


def _numbered(groups: list[Group]) -> list[Group]:
    """Groups of one story named alike (a crowd counted on Monday, another on Friday) gain a number: "#2"."""
    seen: dict[tuple, int] = {}
    numbered = []
    for group in groups:
        seen[(group.story, group.key)] = count = seen.get((group.story, group.key), 0) + 1
        numbered.append(group if count == 1 else replace(group, key=f"{group.key} #{count}"))
    return numbered


def _linked_claims(links: list[tuple[str, str]]) -> list[set[str]]:
    """Connected components of claims joined by findings (union-find)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        parent[root(a)] = root(b)
    components: dict[str, set[str]] = {}
    for node in list(parent):
        components.setdefault(root(node), set()).add(node)
    return sorted(components.values(), key=lambda s: sorted(s))
