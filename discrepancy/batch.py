"""Compares a batch's figures: with each other and, given a ledger, with every stored figure of their stories.

Claims -> findings: the stories are formed over the batch and the stored articles together, wire
copies are made one witness, the reconciler compares within each story (a pair of two stored
figures was compared when they were new, and is not again), and the batch is stored, all in the
ledger's one transaction.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .baseline import find_suppressions
from .copies import mark_copies
from .ledger import Ledger, Stored
from .memory import return_freed_memory, without_cycle_collection
from .models import Article, Claim, Result, replaced
from .places import Gazetteer
from .reconciler import reconcile
from .rules import RuleSet
from .stories import KnownStories, Sketch, group_stories, sketch


def compare(extracted: Result, rules: RuleSet, gazetteer: Gazetteer | None, ledger: Path | None = None,
            sketches: list[Sketch] | None = None, handed_over: bool = False, workers: int = 1) -> Result:
    """The extracted batch with its stories, findings and groups; stored in `ledger` when given.

    `sketches` (one per extracted article, stories.sketch) stand for the articles' text when the
    articles do not carry it; without them the articles are sketched here.

    `handed_over`: the caller gives up `extracted`'s claims and the `sketches` list (a batch just read):
    its claims are given their story in place rather than copied, and the list is emptied (the
    sketches go once the stories are formed), so that neither is held while the figures are compared
    (at 100,000 articles, the copies and the sketches were a third of the memory).

    With workers > 1 parts of the comparing run in that many processes; the result is the same.
    """
    with without_cycle_collection():
        return _compare(extracted, rules, gazetteer, ledger, sketches, handed_over, workers)


def _compare(extracted: Result, rules: RuleSet, gazetteer: Gazetteer | None, ledger: Path | None,
             sketches: list[Sketch] | None, handed_over: bool, workers: int) -> Result:
    if sketches is None and gazetteer is not None:
        sketches = _sketched(extracted.articles, extracted.claims, gazetteer)
    if ledger is None or not extracted.articles:  # nothing read: nothing to store, and no empty batch
        return _compared(extracted, rules, gazetteer, sketches or [], Stored((), ()), handed_over, workers)[0]
    with Ledger(ledger) as book, book.batch():
        stored = book.stored(extracted.articles)
        result, placed, story_of = _compared(extracted, rules, gazetteer, sketches or [], stored, handed_over, workers)
        new = {a.id for a in extracted.articles}
        book.record(extracted.articles, [c for c in placed if c.article in new], {a: story_of.get(a) for a in new})
        book.restory([c for c in placed if c.article not in new], {a.id: story_of.get(a.id) for a in stored.articles})
        return result


def _sketched(articles: Sequence[Article], claims: Sequence[Claim], gazetteer: Gazetteer) -> list[Sketch]:
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article, []).append(claim)
    return [sketch(article, by_article.get(article.id, ()), gazetteer) for article in articles]


def _compared(extracted: Result, rules: RuleSet, gazetteer: Gazetteer | None, sketches: list[Sketch],
              stored: Stored, handed_over: bool, workers: int) -> tuple[Result, list[Claim], dict[str, str]]:
    """The result to show, every claim (batch and stored) with its story and copies, and the story of
    every article (batch and stored)."""
    articles = [*extracted.articles, *stored.articles]
    claims = [*extracted.claims, *(replaced(c, story=None, copies=()) for c in stored.claims)]
    if gazetteer:
        every = [*sketches, *_sketched(stored.articles, claims[len(extracted.claims):], gazetteer)]
        if handed_over:
            sketches.clear()
        known = KnownStories(stored.story_of, stored.story_since)
        # the stored claims are copies made above: placed in place with the batch's when it is handed over
        stories, claims = group_stories(every, claims, known, in_place=handed_over, workers=workers)
        del every  # the sketches: not needed to compare the figures
        return_freed_memory()
    else:
        stories = []
    story_of = {a: s.id for s in stories if "/" not in s.id for a in s.articles}  # asides are no article's story
    claims = mark_copies(claims, workers)
    relate = gazetteer.relation if gazetteer else (lambda a, b: "unknown")
    new_ids = {c.id for c in extracted.claims}
    findings, groups = reconcile(claims, rules, relate, fresh=new_ids if stored.claims else None)
    return_freed_memory()
    cited = findings.cited() | {i for g in groups for i in g.claims}
    batch_stories = {c.story for c in claims if c.id in new_ids} | {story_of.get(a.id) for a in extracted.articles}
    shown = [c for c in claims if c.id in new_ids or c.id in cited]
    shown_articles = {c.article for c in shown} | {a.id for a in extracted.articles}
    result = Result(articles=tuple(a for a in articles if a.id in shown_articles), claims=tuple(shown),
                    findings=findings, groups=tuple(groups), errors=extracted.errors,
                    stories=tuple(s for s in stories if s.id in batch_stories),
                    stored=tuple(a.id for a in stored.articles if a.id in shown_articles),
                    suppressions=(*extracted.suppressions,
                                  *find_suppressions([a for a in stored.articles if a.id in shown_articles])))
    return result, claims, story_of
