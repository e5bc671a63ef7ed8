"""The Markdown report: what needs a look, then flagged groups with their figures side by side and
a chart of each, then the rest; a batch of several stories story by story (report_stories.py).

Article text is untrusted: every piece of it passes through `escape_markdown` before it
reaches the page, so a sentence can neither break a table nor smuggle in HTML or links.
"""
from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from urllib.parse import quote

from tabulate import tabulate

from .findings import NO_FINDINGS, Findings
from .models import FLAGGED, VERDICTS, Article, Claim, Finding, Group, Result

TABLE_FORMAT = "github"
ASCII_PUNCTUATION = frozenset(string.punctuation)

# Characters that would start inline markup, split a table cell or open an HTML tag.
# Angle brackets and ampersands become entities so no tag or entity survives any renderer.
# A dollar sign opens inline math on code hosts: "$5 and $6 million" would render as a formula.
INLINE_ESCAPES = str.maketrans({
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]",
    "|": "\\|", "~": "\\~", "$": "\\$", "&": "&amp;", "<": "&lt;", ">": "&gt;",
})
INLINE_SPECIAL = re.compile("[" + re.escape("".join(map(chr, INLINE_ESCAPES))) + "]")
WHITESPACE_RUN = re.compile(r"\s+")
# Control characters that are not whitespace: invisible on the page, hostile in a terminal; and the
# bidirectional overrides, which can show "16" as "61" (the "Trojan Source" trick); and lone surrogates,
# which no UTF-8 file can hold.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
BLOCK_START = re.compile(r"""
    ^(?P<indent>\s*)                # up to the first visible character
    (?: (?P<mark>[#+\-=])           # heading, bullet, thematic break or setext underline
      | (?P<number>\d+)(?P<dot>[.)])(?=\s|$)  # ordered-list item "1. " (but not "7.5 million")
    )
""", re.VERBOSE)


def escape_markdown(text: str) -> str:
    """The text as inert Markdown on one line: no markup, no HTML, no block start."""
    return escape_one_line(visible_line(text))


def visible_line(text: str) -> str:
    """The text on one line, without control characters, each run of whitespace one space."""
    # Printable text holds no control character and no whitespace but the plain space: where no two
    # spaces meet, the clean-ups would change nothing (and most text is so; a large report escapes
    # hundreds of thousands of pieces).
    if text.isprintable() and "  " not in text:
        return text
    return WHITESPACE_RUN.sub(" ", CONTROL_CHARACTER.sub("", text))


def escape_one_line(line: str) -> str:
    """A visible_line as inert Markdown. Two lines that differ stay different: every escape is a backslash or
    an entity, and the backslashes and ampersands of the line are escaped themselves."""
    # A pattern finds the few characters to escape; str.translate looks up every character.
    return BLOCK_START.sub(_escape_block_start, INLINE_SPECIAL.sub(_escape_inline, line), count=1)


def _escape_inline(match: re.Match) -> str:
    return INLINE_ESCAPES[ord(match.group())]


def _escape_block_start(match: re.Match) -> str:
    if match["mark"]:
        return f"{match['indent']}\\{match['mark']}"
    return f"{match['indent']}{match['number']}\\{match['dot']}"


def render_markdown(result: Result, title: str, charts: Mapping[str, str] | None = None) -> str:
    """The whole report as Markdown; the same result always gives the same bytes.

    `charts` maps a group's key to its chart's path relative to the report (see `charts.py`). A batch
    of several stories is reported story by story (report_stories.py); a batch of one keeps one list
    of flagged groups.
    """
    return "".join(markdown_parts(result, title, charts))


def markdown_parts(result: Result, title: str, charts: Mapping[str, str] | None = None) -> list[str]:
    """render_markdown's text in parts, end to end. A large batch's report is tens of megabytes, and one
    character past Latin-1 makes Python hold the whole of it at two bytes a character: written a part at
    a time, it is never held whole (nor encoded whole) beside its parts."""
    # Imported here: report_stories builds on this module's wording and escaping.
    from .report_stories import by_story, story_names, stories_section
    page = Page(result, charts or {})
    nested = by_story(page)
    if nested:
        body = nested
    else:
        body = [stories_section(result), flagged_section(page), consistent_section(page)]
    sections = [f"# {escape_markdown(title)}", _needs_a_look(page, story_names(result) if nested else {}),
                "## Summary", _summary(result), *body, _articles_section(result)]
    parts = []
    for section in sections:
        if section:
            parts += [section, "\n\n"]
    parts[-1] = "\n"
    return parts


class Page:
    """What every part of the report looks figures, articles, charts and findings up in, gathered once."""

    def __init__(self, result: Result, charts: Mapping[str, str]):
        self.result, self.charts = result, charts
        self.claims = {claim.id: claim for claim in result.claims}
        self.articles = {article.id: article for article in result.articles}
        # Split once, not once per group: a large batch has thousands of groups and millions of findings.
        self.findings_of: dict[str, Findings] = result.findings.by_group()
        self.group_keys = {group.key for group in result.groups}
        self.strays = self.outside_groups(result.findings)
        self.detailed_left = DETAILED_GROUPS  # flagged groups still to be shown in full

    def outside_groups(self, findings: Findings) -> Findings:
        """The flagged findings whose group is missing: they must never vanish from the report."""
        flagged = findings.flagged()
        return flagged.where(group not in self.group_keys for group in flagged.groups())

    def findings_in(self, group: Group) -> Findings:
        return self.findings_of.get(group.key, NO_FINDINGS)


# --- needs a look ------------------------------------------------------------------------

# Flagged groups shown in full (figures side by side, sentences, chart); the rest in brief. A batch of
# 30,000 articles has thousands, and in full they made a 100 MB page.
DETAILED_GROUPS = 200
BRIEF_REASONS = 3
# Lines of "Needs a look" at most: past this a list is not read first but skimmed; the groups hold the rest.
NEEDS_A_LOOK = 100


def _needs_a_look(page: Page, stories: Mapping[str, str]) -> str:
    """One sentence per flagged finding, most severe first: what an editor checks before anything else.

    With `stories` (story id -> how the report names it), each sentence first says its story.
    """
    flagged = page.result.findings.by_severity()
    if not flagged:
        return "## Needs a look\n\nNothing: no conflict, revision or different scope."
    lines = [f"{number}. {_story_prefix(finding, stories)}{_finding_sentence(finding, page.claims)}"
             for number, finding in enumerate(flagged[:NEEDS_A_LOOK], 1)]
    rest = len(flagged) - NEEDS_A_LOOK
    more = (f"And {rest:,} more flagged findings, less severe or as severe: each is under its group below and "
            "in the JSON, SARIF and CSV outputs.") if rest > 0 else ""
    return "\n\n".join(part for part in ["## Needs a look", "\n".join(lines), more] if part)


def _story_prefix(finding: Finding, stories: Mapping[str, str]) -> str:
    return f"{stories[finding.story]}: " if finding.story in stories else ""


def _finding_sentence(finding: Finding, claims: dict) -> str:
    """The finding as one sentence: quantity, both figures with who, where, whose word and where each
    stands, then the verdict in words ("**different scope**: security forces vs everyone")."""
    quantity = escape_markdown(finding.quantity)
    quantity = quantity[:1].upper() + quantity[1:]
    first, second = (claims.get(claim_id) for claim_id in finding.claims)
    verdict = f"**{finding.verdict.replace('_', ' ')}**"
    if first is None or second is None:  # the finding's own words are all there is
        return f"{quantity}: {verdict}: {escape_markdown(finding.message.rstrip('. '))}."
    return (f"{quantity}: {_figure_in_words(first)} and {_figure_in_words(second)}: "
            f"{verdict}: {_verdict_in_words(finding.verdict, first, second)}.")


def _figure_in_words(claim: Claim) -> str:
    source = f"according to {escape_markdown(claim.source)}" if claim.source else "no source stated"
    return f"“{escape_markdown(claim.text)}” ({_counted(claim)}, {source}; {_claim_place(claim)})"


def _counted(claim: Claim) -> str:
    return f"{_scope_text(claim.scope)} in {_place_text(claim.place)}"


def _verdict_in_words(verdict: str, first: Claim, second: Claim) -> str:
    if verdict == "revision":
        later = max((first, second), key=lambda claim: claim.published or dt.date.min)
        when = f", {later.published.isoformat()}" if later.published else ""
        return f"a lower count in the later article ({escape_markdown(later.article)}{when})"
    same_scope, same_place = first.scope == second.scope, first.place == second.place
    if verdict == "conflict" and same_scope and same_place:
        return f"both count {_counted(first)} and cannot both be right"
    if same_place:
        differ = f"{_scope_text(first.scope)} vs {_scope_text(second.scope)}"
    elif same_scope:
        differ = f"{_place_text(first.place)} vs {_place_text(second.place)}"
    else:
        differ = f"{_counted(first)} vs {_counted(second)}"
    return f"{differ}, a part larger than its whole" if verdict == "conflict" else differ


# --- summary -----------------------------------------------------------------------------

def _summary(result: Result) -> str:
    found = Counter(result.findings.verdicts())
    counts = ", ".join(f"{found[verdict]} {verdict}" for verdict in VERDICTS)
    stories = f" in {len(result.stories)} stories" if len(result.stories) > 1 else ""
    line = (f"Read {_plural(len(result.articles), 'article')}{stories}, found "
            f"{_plural(len(result.claims), 'figure')}; findings: {counts}; "
            f"skipped {_plural(len(result.errors), 'file')}.")
    skipped = [f"- {escape_markdown(error)}" for error in result.errors]
    return "\n\n".join([line, "\n".join(skipped)]) if skipped else line


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# --- flagged groups ------------------------------------------------------------------------

def flagged_section(page: Page) -> str:
    """Every flagged group of the batch under one heading, and the flagged findings outside any group."""
    parts = flagged_parts(page, page.result.groups, page.strays, "### ")
    return "\n\n".join(["## Flagged", *parts]) if parts else "## Flagged\n\nNothing flagged."


def flagged_parts(page: Page, groups: Sequence[Group], strays: Sequence[Finding], heading: str) -> list[str]:
    """One part per flagged group of `groups`, each headed `heading` and the group's name, then `strays`."""
    parts = []
    for group in groups:
        if not group.flagged:
            continue
        if page.detailed_left == 0:
            parts.append(_group_in_brief(group, page, heading))
            continue
        page.detailed_left -= 1
        parts.append(_flagged_group(group, page, heading))
        if page.detailed_left == 0:
            parts.append(f"The flagged groups after these {DETAILED_GROUPS} are given in brief: each group's figures "
                         "and sentences are in the JSON and CSV outputs.")
    if strays:
        parts.append(_stray_findings(strays, page.claims))
    return parts


def _group_in_brief(group: Group, page: Page, heading: str) -> str:
    """A flagged group past DETAILED_GROUPS: its name, its verdicts and its first reasons."""
    own = page.findings_in(group).flagged()
    present = set(own.verdicts())  # read from the columns, as the messages below: no Finding is made
    verdicts = ", ".join(v.replace("_", " ") for v in FLAGGED if v in present) or "flagged"
    # A group repeats its messages: each is put on one line once (which may join two, so they are told apart
    # again), and only those shown are escaped, as escaping keeps different lines different.
    reasons = list(dict.fromkeys(visible_line(message.rstrip(". ")) for message in dict.fromkeys(own.messages())))
    more = f"; and {len(reasons) - BRIEF_REASONS} more" if len(reasons) > BRIEF_REASONS else ""
    return (f"{heading}{_group_heading(group)}\n\n{_plural(len(group.claims), 'figure')}, {verdicts}: "
            f"{'; '.join(map(escape_one_line, reasons[:BRIEF_REASONS]))}{more}.")


def _flagged_group(group: Group, page: Page, heading: str) -> str:
    members = [page.claims[claim_id] for claim_id in group.claims if claim_id in page.claims]
    rows = [_figure_row(claim) for claim in members]
    quotes = [f"- {_claim_place(claim)}: {_quoted_sentence(claim, page.articles.get(claim.article))}"
              for claim in members if claim.sentence]
    return "\n\n".join(part for part in [
        f"{heading}{_group_heading(group)}",
        # Only the flagged findings are made: the rest would be made for _why_flagged to pass over.
        _why_flagged(group, tuple(page.findings_in(group).flagged())),
        _chart_image(group, page.charts.get(group.key)),
        _table(rows, ["As written", "Interval", "Scope", "Place", "Source", "Article", "Line"]),
        "\n".join(quotes),
        _group_conclusion(group, page.claims),
    ] if part)


def _group_heading(group: Group) -> str:
    return " · ".join([escape_markdown(group.quantity), _scope_text(group.scope),
                       _place_text(group.place)])


def _chart_image(group: Group, chart: str | None) -> str:
    """The chart as a reference-style image with its definition; the path percent-encoded.

    Reference style keeps "](" out of the report altogether: wherever it appears, something got
    past the escaping.
    """
    if not chart:
        return ""
    path = quote(chart, safe="/")
    alt = f"Chart of {_group_heading(group)}: each figure as an interval, in publication order"
    return f"![{alt}][{path}]\n\n[{path}]: {path}"


def _why_flagged(group: Group, findings: tuple[Finding, ...]) -> str:
    """One sentence: the verdicts, most severe first, and what the findings said."""
    own = [finding for finding in findings if finding.group == group.key and finding.flagged]
    verdicts = [verdict for verdict in FLAGGED if any(f.verdict == verdict for f in own)]
    messages = list(dict.fromkeys(escape_markdown(f.message.rstrip(". ")) for f in own))
    if not verdicts:
        return "Flagged by the grouping step; no finding gives a reason."
    return f"Flagged as {', '.join(verdicts).replace('_', ' ')}: {'; '.join(messages)}."


def _figure_row(claim: Claim) -> list[str]:
    return [escape_markdown(claim.text), interval_text(claim), _scope_text(claim.scope),
            _place_text(claim.place), escape_markdown(claim.source or "not stated"),
            escape_markdown(claim.article), str(claim.line)]


def _quoted_sentence(claim: Claim, article: Article | None) -> str:
    """The claim's sentence in quotation marks, with the figure itself in bold."""
    span = figure_span(claim, article)
    if span is None:
        return f"“{escape_markdown(claim.sentence)}”"
    start, end = bold_span(claim.sentence, *span)
    before, figure, after = claim.sentence[:start], claim.sentence[start:end], claim.sentence[end:]
    return f"“{escape_markdown(before)}**{escape_markdown(figure)}**{escape_markdown(after)}”"


def bold_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span to put in bold: the figure, widened to its whole word where it is glued to one.

    CommonMark does not open "**" between a letter and a symbol nor close it between a symbol and
    a letter: "US**$5**" would show its asterisks. Bolding "US$5" whole keeps the figure in bold.
    """
    while start < end and sentence[start].isspace():
        start += 1
    while end > start and sentence[end - 1].isspace():
        end -= 1
    if _glued(sentence[start - 1:start] if start else "", sentence[start:start + 1]):
        while start > 0 and not sentence[start - 1].isspace():
            start -= 1
    if _glued(sentence[end:end + 1], sentence[end - 1:end] if end > start else ""):
        while end < len(sentence) and not sentence[end].isspace():
            end += 1
    return start, end


def _glued(outside: str, inside: str) -> bool:
    """Whether a character that may not count as punctuation (a letter, a digit, "€" for older
    CommonMark) outside the bold touches a character that may (anything but a letter or digit) inside."""
    outside_may_be_word = bool(outside) and not outside.isspace() and not _is_punctuation(outside)
    return outside_may_be_word and bool(inside) and not inside.isalnum() and not inside.isspace()


def _is_punctuation(character: str) -> bool:
    return character in ASCII_PUNCTUATION or unicodedata.category(character).startswith("P")


def figure_span(claim: Claim, article: Article | None) -> tuple[int, int] | None:
    """Where the figure stands within its sentence, or None when it cannot be found.

    The article's offsets are preferred: the same figure may appear twice in one sentence.
    """
    length = len(claim.sentence)
    if article is not None and length:
        at = article.text.find(claim.sentence, max(0, claim.end - length), claim.start + length)
        if 0 <= at <= claim.start and claim.end <= at + length and claim.end > claim.start:
            return claim.start - at, claim.end - at
    at = claim.sentence.find(claim.text) if claim.text else -1
    return (at, at + len(claim.text)) if at >= 0 else None


def _group_conclusion(group: Group, claims: dict) -> str:
    """What is claimed, the most conservative and the latest figure; no winner is picked."""
    return (f"Claimed: {range_text(group.low, group.high)}. "
            f"Most conservative: {_claim_reference(claims.get(group.most_conservative))}. "
            f"Latest: {_claim_reference(claims.get(group.latest))}.")


def _stray_findings(findings: list[Finding], claims: dict) -> str:
    rows = [[finding.verdict.replace("_", " "), escape_markdown(finding.quantity),
             *(_claim_reference(claims.get(claim_id)) for claim_id in finding.claims),
             escape_markdown(finding.message)] for finding in findings]
    return "\n\n".join(["### Flagged findings outside any group",
                        _table(rows, ["Verdict", "Quantity", "Figure", "Other figure", "Why"])])


# --- consistent groups ---------------------------------------------------------------------

def consistent_section(page: Page, groups: Sequence[Group] | None = None, heading: str = "## Consistent") -> str:
    """One table row per consistent group of `groups` (the batch's by default); "" when there is none."""
    rows = [_consistent_row(group, page.claims) for group in (page.result.groups if groups is None else groups)
            if not group.flagged]
    if not rows:
        return ""
    return "\n\n".join([heading, _table(
        rows, ["Quantity", "Scope", "Place", "Figures", "As written", "Claimed", "Latest"])])


def _consistent_row(group: Group, claims: dict) -> list[str]:
    written = dict.fromkeys(claims[claim_id].text for claim_id in group.claims if claim_id in claims)
    return [escape_markdown(group.quantity), _scope_text(group.scope), _place_text(group.place),
            str(len(group.claims)), " / ".join(escape_markdown(text) for text in written),
            range_text(group.low, group.high), _claim_reference(claims.get(group.latest))]


# --- figures by article --------------------------------------------------------------------

# Articles whose figures the report lists one by one, at most: a batch of thousands is read through its
# findings, and every figure of every article is in the JSON, CSV and JSON Lines outputs.
ARTICLE_TABLES = 200


def _articles_section(result: Result) -> str:
    if not result.articles:
        return ""
    listed = _articles_listed(result)
    # The figures of the listed articles alone, gathered once (not once per article): a large batch lists
    # 200 of its articles, and its other figures are not read.
    by_article: dict[str, list[Claim]] = {article.id: [] for article in listed}
    for claim in result.claims:
        if claim.article in by_article:
            by_article[claim.article].append(claim)
    parts = ["## Figures by article"]
    for article in listed:
        parts += [f"### {_article_heading(article)}", _article_table(by_article.get(article.id, []))]
    if len(listed) < len(result.articles):
        parts.append(f"The figures of the other {len(result.articles) - len(listed):,} articles are in the "
                     "JSON, CSV and JSON Lines outputs (`--format json`, `discrepancy extract`); the "
                     f"{len(listed)} above are the first with a flagged figure, then the first of the batch.")
    return "\n\n".join(parts)


def _articles_listed(result: Result) -> list[Article]:
    """Every article, or in a batch of more than ARTICLE_TABLES those with a flagged figure first."""
    if len(result.articles) <= ARTICLE_TABLES:
        return list(result.articles)
    # The figures the flagged findings cite, each looked up once (a large batch has millions of such findings,
    # and a few thousand figures in them).
    flagged = result.findings.flagged().cited()
    with_flagged = {claim.article for claim in result.claims if claim.id in flagged}
    first_flagged = [i for i, article in enumerate(result.articles) if article.id in with_flagged][:ARTICLE_TABLES]
    others = itertools.islice((i for i, article in enumerate(result.articles) if article.id not in with_flagged),
                              ARTICLE_TABLES - len(first_flagged))
    return [result.articles[i] for i in sorted([*first_flagged, *others])]


def _article_heading(article: Article) -> str:
    date = article.published.isoformat() if article.published else "undated"
    name = article.title or article.path
    return f"{escape_markdown(article.id)}: {escape_markdown(name)} ({date})"


def _article_table(claims: list[Claim]) -> str:
    if not claims:
        return "No figures found."
    rows = [[escape_markdown(claim.text), _quantity_text(claim), _scope_text(claim.scope),
             _place_text(claim.place), escape_markdown(claim.source or "not stated"),
             f"{claim.line}:{claim.column}"] for claim in claims]
    return _table(rows, ["As written", "Quantity", "Scope", "Place", "Source", "Line:Column"])


# --- shared wording ------------------------------------------------------------------------

def _table(rows: list[list[str]], headers: list[str]) -> str:
    # Cells are already escaped strings; numparse would realign "16" and drop "1,000"'s text.
    return tabulate(rows, headers=headers, tablefmt=TABLE_FORMAT, disable_numparse=True)


def _quantity_text(claim: Claim) -> str:
    """The quantity, and why a figure its own article supersedes, or gives as a count to come, is in no finding."""
    quantity = escape_markdown(claim.quantity)
    if claim.superseded:
        return f"{quantity} (an earlier report, superseded here)"
    return f"{quantity} (a count to come, not compared)" if claim.projection else quantity


def _scope_text(scope: str | None) -> str:
    return escape_markdown(scope) if scope else "everyone"


def _place_text(place: str | None) -> str:
    return escape_markdown(place) if place else "no place stated"


def _claim_place(claim: Claim) -> str:
    return f"{escape_markdown(claim.article)}, line {claim.line}"


def _claim_reference(claim: Claim | None) -> str:
    if claim is None:
        return "not determined"
    date = f", {claim.published.isoformat()}" if claim.published else ""
    return f"“{escape_markdown(claim.text)}” ({_claim_place(claim)}{date})"


def interval_text(claim: Claim) -> str:
    """The claim's interval as a reader scans it: "16", "> 160", "≥ 24", "[7,600, 8,000]"."""
    low, high = claim.low, claim.high
    if low is not None and high is not None:
        return format_number(low) if low == high else f"[{format_number(low)}, {format_number(high)}]"
    if low is not None:
        return ("> " if claim.qualifier == "more_than" else "≥ ") + format_number(low)
    if high is not None:
        return ("< " if claim.qualifier == "less_than" else "≤ ") + format_number(high)
    return format_number(claim.value)


def range_text(low: float | None, high: float | None) -> str:
    """What a group's figures claim between them, in words."""
    if low is not None and high is not None:
        return format_number(low) if low == high else f"from {format_number(low)} to {format_number(high)}"
    if low is not None:
        return f"{format_number(low)} or more"
    if high is not None:
        return f"up to {format_number(high)}"
    return "no bounds stated"


def format_number(number: float | None) -> str:
    """A figure with thousands separators and no trailing ".0": 7600.0 -> "7,600"."""
    if number is None or math.isnan(number):
        return "?"
    if math.isinf(number):
        return "∞" if number > 0 else "-∞"
    rounded = round(float(number), 6)  # float noise (0.30000000000000004) is not part of a figure
    return f"{int(rounded):,}" if rounded.is_integer() else f"{rounded:,}"
