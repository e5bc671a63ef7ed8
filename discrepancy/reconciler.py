"""Decides, for each pair of figures about the same quantity, whether they agree.

Claims become intervals (the qualifier's interval, widened by the rounding a round number
tolerates); pairs are formed per quantity with pandas, their scopes and places related
through the scope hierarchy and the gazetteer, and each pair gets a verdict.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from .models import Claim, Finding, Group
from .rules import RuleSet

OTHER = "other"
SAME, PART, WHOLE, APART = "same", "part", "whole", "apart"
SEVERITY = {"conflict": 0, "revision": 1, "different_scope": 2, "update": 3, "consistent": 4}


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


def claims_frame(claims: Sequence[Claim], rules: RuleSet) -> pd.DataFrame:
    """One row per typed claim with the interval it is compared on."""
    rows = [c.as_record() for c in claims if c.quantity != OTHER]
    frame = pd.DataFrame(rows, columns=list(Claim.__dataclass_fields__))
    if frame.empty:
        return frame.assign(lo=pd.Series(dtype=float), hi=pd.Series(dtype=float))
    rounding = {q.name: q.rounding for q in rules.quantities}
    tolerance = [_rounding_tolerance(c, rounding.get(c.quantity, 0.0)) for c in claims if c.quantity != OTHER]
    frame["lo"] = frame["low"].astype(float).fillna(-np.inf) - tolerance
    frame["hi"] = frame["high"].astype(float).fillna(np.inf) + tolerance
    frame["published"] = pd.to_datetime(frame["published"])
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


def candidate_pairs(frame: pd.DataFrame) -> pd.DataFrame:
    """Every pair of claims about the same quantity, each pair once."""
    if frame.empty:
        return frame.merge(frame, on="quantity", suffixes=("_a", "_b"))
    indexed = frame.reset_index(names="row")
    pairs = indexed.merge(indexed, on="quantity", suffixes=("_a", "_b"))
    return pairs[pairs["row_a"] < pairs["row_b"]].reset_index(drop=True)


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


def decide(pairs: pd.DataFrame, cumulative: dict[str, bool]) -> pd.DataFrame:
    """Gives each comparable pair its verdict; pairs about things apart are dropped."""
    pairs = pairs[pairs["extent"] != APART].copy()
    if pairs.empty:
        return pairs.assign(verdict=pd.Series(dtype=str))
    overlap = (pairs["lo_a"] <= pairs["hi_b"]) & (pairs["lo_b"] <= pairs["hi_a"])
    same_article = pairs["article_a"] == pairs["article_b"]
    part_exceeds = ((pairs["extent"] == PART) & (pairs["lo_a"] > pairs["hi_b"])) | \
                   ((pairs["extent"] == WHOLE) & (pairs["lo_b"] > pairs["hi_a"]))
    dated = pairs["published_a"].notna() & pairs["published_b"].notna() & \
        (pairs["published_a"] != pairs["published_b"])
    counts_up = pairs["quantity"].map(cumulative).fillna(False).astype(bool)
    later_a = pairs["published_a"] > pairs["published_b"]
    a_higher = pairs["lo_a"] > pairs["hi_b"]
    rose = np.where(later_a, a_higher, ~a_higher)
    same = pairs["extent"] == SAME
    cross_article = np.select(
        [overlap, part_exceeds, ~same, dated & counts_up & rose, dated & counts_up],
        ["consistent", "conflict", "different_scope", "update", "revision"],
        default="conflict",
    )
    # An article's own breakdown (100 in one city within its national toll) is compared only to
    # catch a part that exceeds its whole; a figure repeated within one article is no finding.
    within_article = np.where(part_exceeds, "conflict", "consistent")
    pairs["verdict"] = np.where(same_article, within_article, cross_article)
    return pairs[~(same_article & same)]


def reconcile(claims: Sequence[Claim], rules: RuleSet, place_relation_of: Callable) -> tuple[list[Finding], list[Group]]:
    """Findings for every comparable pair and the groups they form."""
    frame = claims_frame(claims, rules)
    scopes = ScopeTree(rules)
    pairs = relate_pairs(candidate_pairs(frame), scopes, place_relation(place_relation_of))
    decided = decide(pairs, {q.name: q.cumulative for q in rules.quantities})
    by_id = {c.id: c for c in claims}
    findings = [_finding(row, by_id, scopes) for row in decided.itertuples(index=False)]
    findings.sort(key=lambda f: (SEVERITY[f.verdict], f.quantity, f.claims))
    return findings, _groups(findings, by_id, scopes)


def _finding(row, by_id: dict[str, Claim], scopes: ScopeTree) -> Finding:
    a, b = by_id[row.id_a], by_id[row.id_b]
    first, second = (a, b) if (a.published or dt.date.min) <= (b.published or dt.date.min) else (b, a)
    message = _message(row.verdict, first, second, row.extent, scopes)
    return Finding(quantity=row.quantity, verdict=row.verdict, claims=(first.id, second.id), message=message,
                   group=_group_key(row.quantity, a, b, scopes))


def _who(claim: Claim, scopes: ScopeTree) -> str:
    return " in ".join(x for x in (claim.scope or scopes.root, claim.place) if x)


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


def _group_key(quantity: str, a: Claim, b: Claim, scopes: ScopeTree) -> str:
    """Named after the broader of the two: deaths / everyone / Kazakhstan."""
    relation = scopes.relation(a.scope, b.scope)
    broader = b if relation == PART else a
    return " / ".join([quantity, broader.scope or scopes.root, broader.place or "anywhere"])


def _groups(findings: list[Finding], by_id: dict[str, Claim], scopes: ScopeTree) -> list[Group]:
    """Claims linked by any finding form one group, named after its broadest figure."""
    members = _linked_claims(findings)
    groups = []
    for claim_ids in members:
        claims = sorted((by_id[i] for i in claim_ids), key=lambda c: (c.article, c.start))
        widest = min(claims, key=lambda c: (len(scopes.ancestors(c.scope)), c.place is not None))
        quantity = claims[0].quantity
        flagged = any(f.flagged for f in findings if f.claims[0] in claim_ids)
        lows = [c.low for c in claims if c.low is not None]
        highs = [c.high if c.high is not None else math.inf for c in claims]
        dated = [c for c in claims if c.published]
        groups.append(Group(
            key=" / ".join([quantity, widest.scope or scopes.root, widest.place or "anywhere"]),
            quantity=quantity, scope=widest.scope, place=widest.place, claims=tuple(c.id for c in claims),
            low=min(lows) if lows else None, high=None if math.inf in highs else max(highs),
            most_conservative=min(claims, key=lambda c: (c.low if c.low is not None else -math.inf)).id,
            latest=max(dated, key=lambda c: c.published).id if dated else None, flagged=flagged,
        ))
    groups.sort(key=lambda g: (not g.flagged, g.quantity, g.key))
    return groups


def _linked_claims(findings: list[Finding]) -> list[set[str]]:
    """Connected components of claims joined by findings (union-find)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for finding in findings:
        a, b = finding.claims
        parent[root(a)] = root(b)
    components: dict[str, set[str]] = {}
    for node in list(parent):
        components.setdefault(root(node), set()).add(node)
    return sorted(components.values(), key=lambda s: sorted(s))
