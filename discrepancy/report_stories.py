"""The report story by story: for a batch of several stories, a part per story with its articles, their
dates, its flagged groups and its consistent ones; for a batch of one story from this batch and the
ledger, the "Stories" section listing its articles.

Kept apart from report.py, whose wording and escaping it builds on: article text passes through the
report's own `escape_markdown`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .findings import NO_FINDINGS, Findings
from .models import Finding, Group, Result, Story
from .report import Page, consistent_section, escape_markdown, flagged_parts


def by_story(page: Page) -> list[str]:
    """The report's body, one part per story (earliest first), then what belongs to no story of the batch;
    [] when the batch has fewer than two stories (report.py then lists the flagged groups together)."""
    result = page.result
    if len(result.stories) < 2:
        return []
    known = {story.id for story in result.stories}
    groups: dict[str | None, list[Group]] = {}
    for group in result.groups:
        groups.setdefault(group.story if group.story in known else None, []).append(group)
    findings = result.findings.by(story if story in known else None for story in result.findings.stories())
    # The batch's strays split by story once, rather than each story's findings searched again for them.
    strays = page.strays.by(story if story in known else None for story in page.strays.stories())
    stored = set(result.stored)
    parts = []
    for number, story in enumerate(result.stories, 1):
        own = findings.get(story.id, NO_FINDINGS)
        parts += [f"## Story {number}: {story_heading(story)}",
                  "\n".join(_article_line(page.articles.get(a), a, a in stored) for a in story.articles),
                  _tally(own),
                  *_story_groups(page, groups.get(story.id, []), strays.get(story.id, NO_FINDINGS))]
    outside = findings.get(None, NO_FINDINGS)
    if groups.get(None) or outside:
        parts += ["## Figures in no story of this batch", _tally(outside),
                  *_story_groups(page, groups.get(None, []), strays.get(None, NO_FINDINGS))]
    return [part for part in parts if part]


def _story_groups(page: Page, groups: Sequence[Group], strays: Sequence[Finding]) -> list[str]:
    """A story's flagged groups, each under its own heading, then its consistent groups in one table."""
    return [*flagged_parts(page, groups, strays, "### Flagged: "),
            consistent_section(page, groups, "### Consistent")]


def story_names(result: Result) -> dict[str, str]:
    """How the report names each story where it points to one: "Story 3 (Karachi; Sindh)"."""
    return {story.id: f"Story {number} ({escape_markdown(story.label)})"
            for number, story in enumerate(result.stories, 1)}


def stories_section(result: Result) -> str:
    """A batch of one story that drew on the ledger: its articles (dated or said to be undated) and what
    was found; "" otherwise (the rest of the report says it all)."""
    if len(result.stories) != 1 or not result.stored:
        return ""
    articles = {article.id: article for article in result.articles}
    stored = set(result.stored)
    story, = result.stories
    own = result.findings.where(found == story.id for found in result.findings.stories())
    flagged = own.by_severity()
    lines = [f"- {f.verdict.replace('_', ' ')}: {escape_markdown(f.message)}" for f in flagged]
    return "\n\n".join(["## Stories", f"### {story_heading(story)}",
                        "\n".join(_article_line(articles.get(a), a, a in stored) for a in story.articles),
                        "\n".join([_tally(own), *lines])])


def story_heading(story: Story) -> str:
    """"Peshawar, Pakistan (2023-02-06 to 2023-02-07, 3 articles)"; an aside says which article it sits in."""
    if story.first and story.last:
        when = story.first.isoformat() if story.first == story.last else \
            f"{story.first.isoformat()} to {story.last.isoformat()}"
    else:
        when = "undated"
    if story.undated and story.first:
        when += f"; undated: {', '.join(escape_markdown(a) for a in story.undated)}"
    if "/" in story.id:
        inside = escape_markdown(story.articles[0])
        return f"{escape_markdown(story.label)}: figures about another event inside {inside} ({when})"
    count = len(story.articles)
    return f"{escape_markdown(story.label)} ({when}, {count} article{'s' if count != 1 else ''})"


def _article_line(article, article_id: str, stored: bool) -> str:
    if article is None:  # a stored article no finding cites: the result does not carry it
        return f"- {escape_markdown(article_id)} (from the ledger)"
    date = article.published.isoformat() if article.published else "undated"
    origin = ", from the ledger" if stored else ""
    return f"- {escape_markdown(article_id)}: {escape_markdown(article.title or article.path)} ({date}{origin})"


def _tally(findings: Findings) -> str:
    """"Findings: 1 consistent, 2 update." (verdicts in alphabetical order)"""
    counts = Counter(findings.verdicts())
    tally = ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in sorted(counts.items())) or "no findings"
    return f"Findings: {tally}."
