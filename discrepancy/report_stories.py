"""The report's "Stories" section: each story with its articles, their dates, and its findings.

Kept apart from report.py so the story grouping can be placed in the report in one line; article
text passes through the report's own `escape_markdown`.
"""
from __future__ import annotations

from .models import FLAGGED, Finding, Result, Story
from .report import escape_markdown


def stories_section(result: Result) -> str:
    """One part per story, earliest first: its articles (dated or said to be undated) and what was found; ""
    when the batch is one story with nothing from the ledger (the rest of the report says it all)."""
    if len(result.stories) < 2 and not result.stored:
        return ""
    articles = {article.id: article for article in result.articles}
    by_story: dict[str | None, list[Finding]] = {}
    for finding in result.findings:  # once, not once per story
        by_story.setdefault(finding.story, []).append(finding)
    stored = set(result.stored)
    parts = ["## Stories"]
    for story in result.stories:
        parts.append(f"### {story_heading(story)}")
        parts.append("\n".join(_article_line(articles.get(a), a, a in stored) for a in story.articles))
        parts.append(_story_findings(by_story.get(story.id, [])))
    return "\n\n".join(part for part in parts if part)


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


def _story_findings(own: list[Finding]) -> str:
    flagged = [f for f in own if f.flagged]
    counts = {}
    for finding in own:
        counts[finding.verdict] = counts.get(finding.verdict, 0) + 1
    tally = ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in sorted(counts.items())) or "no findings"
    lines = [f"Findings: {tally}."]
    lines += [f"- {f.verdict.replace('_', ' ')}: {escape_markdown(f.message)}"
              for f in sorted(flagged, key=lambda f: FLAGGED.index(f.verdict))]
    return "\n".join(lines)
