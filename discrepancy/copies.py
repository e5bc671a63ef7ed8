"""Wire copy: the same sentence printed by several articles is one witness, not several.

Two figures are copies when they read the same (text, quantity, interval) in sentences whose words
are near-identical in different articles: most word trigrams of the shorter sentence are in the
other (a dateline or "told AP" added is still a copy), and the two share half their trigrams in all
(a short sentence inside a long one is not). Every copy lists all of them, earliest first; the first
is the witness the reconciler compares.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .baseline import normalise
from .models import Claim, replaced
from .pool import ordered_map

CONTAINED = 0.7   # the least share of the shorter sentence's trigrams found in the other
SHARED = 0.5      # the least Jaccard similarity of the two sentences' trigrams
SHINGLE = 3
STORIES_AT_ONCE = 16  # stories sent to a worker at once: most have a bucket or two, looked through in microseconds


def mark_copies(claims: Sequence[Claim], workers: int = 1) -> list[Claim]:
    """The claims, each copy carrying the ids of every copy of its sentence (the witness first).

    Copies are looked for within a story, where the witness is compared: a bucket then holds a story's
    printings of one figure, not the whole batch's, and a large batch costs no more per figure. With
    workers > 1 the stories are looked through in that many processes (forked: they read the claims
    where they lie, and send back only the ids of the copies they find).
    """
    stories = _buckets(claims)
    copies: dict[str, tuple[str, ...]] = {}
    for found in ordered_map(StoryCopies(stories), stories, workers if len(stories) > 1 else 1,
                             chunk=STORIES_AT_ONCE):
        for ids in found:
            copies.update(dict.fromkeys(ids, ids))
    return [replaced(c, copies=copies[c.id]) if c.id in copies else c for c in claims]


def _buckets(claims: Sequence[Claim]) -> dict[str | None, list[list[Claim]]]:
    """Each story's buckets of claims that may be copies of each other: the same (quantity, text, interval),
    two or more of them (most figures are the only one of their text in their story)."""
    # Normalised once for each text: a batch's figures repeat a few thousand texts.
    normalised: dict[str, str] = {}
    stories: dict[str | None, dict[tuple, list[Claim]]] = {}
    for claim in claims:
        text = normalised.get(claim.text)
        if text is None:
            text = normalised[claim.text] = normalise(claim.text)
        stories.setdefault(claim.story, {}).setdefault((claim.quantity, text, claim.low, claim.high), []).append(claim)
    return {story: kept for story, buckets in stories.items()
            if (kept := [bucket for bucket in buckets.values() if len(bucket) > 1])}


class StoryCopies:
    """A story -> the ids of each set of copies among its claims, the witness first (picklable: sent to worker
    processes, where the buckets are the parent's, inherited)."""

    def __init__(self, stories: dict[str | None, list[list[Claim]]]):
        self.stories = stories

    def __call__(self, story: str | None) -> list[tuple[str, ...]]:
        shingled: dict[str, frozenset] = {}  # a sentence with several figures is in several of its story's buckets
        return [tuple(c.id for c in sorted(group, key=_witness_order))
                for bucket in self.stories[story] if len({c.article for c in bucket}) > 1
                for group in _copy_groups(bucket, shingled)]


def is_witness(claim: Claim) -> bool:
    """Whether the reconciler compares this claim: it is no copy, or the first of its copies."""
    return not claim.copies or claim.copies[0] == claim.id


def _witness_order(claim: Claim) -> tuple:
    return (claim.period_start or claim.published or dt.date.max, claim.article, claim.start)


def _copy_groups(bucket: list[Claim], shingled: dict[str, frozenset]) -> list[list[Claim]]:
    """Claims of one bucket joined when their sentences are near-identical (union-find); `shingled` keeps
    each sentence's shingles for the next bucket.

    Sentences that read exactly alike are compared once: a wire sentence reprinted a hundred times is
    one comparison with each other sentence, not a hundred.
    """
    alike: dict[frozenset, list[int]] = {}
    for i, claim in enumerate(bucket):
        shingles = shingled.get(claim.sentence)
        if shingles is None:
            shingles = shingled[claim.sentence] = _shingles(claim.sentence)
        alike.setdefault(shingles, []).append(i)
    parent = list(range(len(bucket)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(members: list[int]) -> None:
        for i in members[1:]:
            parent[root(i)] = root(members[0])

    readings = list(alike.items())
    # Each reading's articles, once: the pairs of a bucket's readings grow with their square.
    articles = [{bucket[i].article for i in members} for _, members in readings]
    for (shingles, members), own in zip(readings, articles):
        if shingles and len(own) > 1:
            join(members)  # the same words in two articles: every printing is one copy
    for x, (shingles_x, members_x) in enumerate(readings):
        for y in range(x + 1, len(readings)):
            shingles_y, members_y = readings[y]
            # two readings of one article alone are not copies of each other
            if (len(articles[x]) > 1 or articles[x] != articles[y]) and _alike(shingles_x, shingles_y):
                join(members_x + members_y)
    groups: dict[int, list[Claim]] = {}
    for i, claim in enumerate(bucket):
        groups.setdefault(root(i), []).append(claim)
    # One article may repeat a sentence; a copy across articles needs two articles.
    return [g for g in groups.values() if len({c.article for c in g}) > 1]


def _shingles(sentence: str) -> frozenset[tuple[str, ...]]:
    words = normalise(sentence).split()
    if len(words) < SHINGLE:
        return frozenset([tuple(words)])
    # each run of SHINGLE words, the words zipped with those after them (a slice a shingle cost three times more)
    return frozenset(zip(*(words[i:] for i in range(SHINGLE))))


def _alike(a: frozenset, b: frozenset) -> bool:
    if not a or not b:
        return False
    if min(len(a), len(b)) < SHARED * max(len(a), len(b)):
        return False  # they share at most the smaller's shingles: too few of all theirs, whichever those are
    shared = len(a & b)
    return shared / min(len(a), len(b)) >= CONTAINED and shared / len(a | b) >= SHARED
