"""The Markdown report: content and order, bold figures, and escaping of hostile article text."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from hypothesis import given, settings, strategies as st
from tabulate import tabulate

from discrepancy.models import Article, Claim, Finding, Group, Result
from discrepancy.report import (BLOCK_START, CONTROL_CHARACTER, INLINE_ESCAPES, WHITESPACE_RUN, _escape_block_start,
                                escape_markdown, figure_span, format_number, interval_text,
                                range_text, render_markdown)

# --- fixture: hand-written articles, one sentence per line ---------------------------------

FLOOD_A = Article(
    id="flood-a", path="batch/flood-a.txt", title="Pakistan floods: toll rises",
    published=dt.date(2022, 8, 29), source="Dawn",
    text="Pakistan floods: toll rises\n"
         "Officials said more than 1,100 people have died since June.\n"
         "About 33 million people were affected.\n")
FLOOD_B = Article(
    id="flood-b", path="batch/flood-b.txt", title="Disaster authority revises count",
    published=dt.date(2022, 8, 30),
    text="Disaster authority revises count\n"
         "The NDMA put the death toll at 1,061 on Tuesday.\n"
         "Aid agencies said 33 million people were affected.\n")
QUAKE = Article(
    id="quake", path="batch/quake.txt", title=None, published=None,
    text="Of the 24 injured, 24 were rescue workers.\n"
         "Sixteen children were among the dead, the governor said.\n")
HOSTILE = Article(
    id="hostile", path="batch/<img src=x>.txt", title="<script>alert(1)</script>",
    published=dt.date(2022, 9, 1),
    text="# heading\n"
         "<script>alert(1)</script> said | a | b | 12 ``` people [x](javascript:alert(1)) died.\n")


def figure(article: Article, text: str, claim_id: str, quantity: str, occurrence: int = 0,
           **fields) -> Claim:
    """A claim for the `occurrence`-th `text` in the article, its sentence being its line."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(text, start + 1)
    line_start = article.text.rfind("\n", 0, start) + 1
    sentence = article.text[line_start:article.text.index("\n", start)]
    defaults = dict(value=None, low=None, high=None, qualifier="exact", unit="people",
                    direction=None, scope=None, place=None, source=None)
    return Claim(id=claim_id, article=article.id, text=text, quantity=quantity, sentence=sentence,
                 line=article.text.count("\n", 0, start) + 1, column=start - line_start + 1,
                 start=start, end=start + len(text), published=article.published,
                 **(defaults | fields))


MORE_THAN_1100 = figure(FLOOD_A, "more than 1,100", "a1", "deaths", value=1100, low=1100,
                        qualifier="more_than", place="Pakistan", source="officials")
TOLL_1061 = figure(FLOOD_B, "1,061", "b1", "deaths", value=1061, low=1061, high=1061,
                   place="Pakistan", source="NDMA")
ABOUT_33M = figure(FLOOD_A, "About 33 million", "a2", "affected", value=33e6, low=31.35e6,
                   high=34.65e6, qualifier="approx", place="Pakistan")
AGENCIES_33M = figure(FLOOD_B, "33 million", "b2", "affected", value=33e6, low=33e6, high=33e6,
                      place="Pakistan", source="aid agencies")
SECOND_24 = figure(QUAKE, "24", "q1", "injuries", occurrence=1, value=24, low=24, high=24,
                   scope="rescue workers")
SIXTEEN = figure(QUAKE, "Sixteen", "q2", "deaths", value=16, low=16, high=16, scope="children",
                 source="the governor")
HOSTILE_12 = figure(HOSTILE, "12", "h1", "deaths", value=12, low=12, high=12,
                    scope="`code`", place="[x](javascript:alert(1))", source="![img](http://x)")

CLAIMS = (MORE_THAN_1100, ABOUT_33M, TOLL_1061, AGENCIES_33M, SECOND_24, SIXTEEN, HOSTILE_12)
FINDINGS = (
    Finding("deaths", "conflict", ("a1", "b1"), "“more than 1,100” cannot be squared with “1,061”.",
            "deaths|everyone|Pakistan"),
    Finding("affected", "consistent", ("a2", "b2"), "Both say about 33 million.",
            "affected|everyone|Pakistan"),
    Finding("deaths", "different_scope", ("q2", "h1"), "Sixteen counts children | not <b>all</b>.",
            "deaths|children|"),
    Finding("deaths", "revision", ("h1", "b1"), "A finding whose group was lost.", "missing"),
)
GROUPS = (
    Group("deaths|everyone|Pakistan", "deaths", None, "Pakistan", ("a1", "b1"), 1061, None,
          most_conservative="b1", latest="b1", flagged=True),
    Group("affected|everyone|Pakistan", "affected", None, "Pakistan", ("a2", "b2"), 31.35e6,
          34.65e6, most_conservative="a2", latest="b2", flagged=False),
    Group("deaths|children|", "deaths", "children", None, ("q2", "h1"), 12, 16,
          most_conservative="h1", latest="h1", flagged=True),
)
ERRORS = ("batch/broken.txt: cannot decode as UTF-8", "batch/<b>x</b>.txt: | not found")
RESULT = Result(articles=(FLOOD_A, FLOOD_B, QUAKE, HOSTILE), claims=CLAIMS, findings=FINDINGS,
                groups=GROUPS, errors=ERRORS)


@pytest.fixture(scope="module")
def report() -> str:
    return render_markdown(RESULT, "Batch of 1 September")


def section(report: str, heading: str) -> str:
    """The text from `heading` to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    start = report.index(heading + "\n")
    following = re.compile(rf"^#{{1,{len(level)}}} ", re.MULTILINE)
    end = following.search(report, start + len(heading))
    return report[start:end.start() if end else len(report)]


# --- content and order ---------------------------------------------------------------------

def test_report_starts_with_title_then_needs_a_look_then_summary(report):
    assert report.startswith("# Batch of 1 September\n\n## Needs a look\n\n1. ")
    assert section(report, "## Summary").startswith(
        "## Summary\n\n"
        "Read 4 articles, found 7 figures; findings: 1 conflict, 1 revision, 1 different_scope, "
        "0 update, 1 consistent; skipped 2 files.\n\n"
        "- batch/broken.txt: cannot decode as UTF-8\n"
        "- batch/&lt;b&gt;x&lt;/b&gt;.txt: \\| not found\n")


def test_sections_come_in_order(report):
    positions = [report.index(f"\n## {name}\n") for name in ("Flagged", "Consistent", "Figures by article")]
    assert positions == sorted(positions)


def test_conflict_group_shows_both_figures_side_by_side(report):
    group = section(report, "### deaths · everyone · Pakistan")
    assert "Flagged as conflict: “more than 1,100” cannot be squared with “1,061”." in group
    assert "| more than 1,100 | > 1,100    | everyone | Pakistan | officials | flood-a   | 2      |" in group
    assert "| 1,061           | 1,061      | everyone | Pakistan | NDMA      | flood-b   | 2      |" in group


@pytest.mark.parametrize("quoted", [
    "- flood-a, line 2: “Officials said **more than 1,100** people have died since June.”",
    "- flood-b, line 2: “The NDMA put the death toll at **1,061** on Tuesday.”",
])
def test_each_figure_is_quoted_in_bold_within_its_sentence(report, quoted):
    assert quoted in section(report, "### deaths · everyone · Pakistan").splitlines()


def test_group_gives_range_most_conservative_and_latest_without_a_winner(report):
    assert ("Claimed: 1,061 or more. Most conservative: “1,061” (flood-b, line 2, 2022-08-30). "
            "Latest: “1,061” (flood-b, line 2, 2022-08-30).") in report


def test_several_verdicts_and_hostile_messages_are_escaped_in_why_sentence(report):
    group = section(report, "### deaths · children · no place stated")
    assert "Flagged as different scope: Sixteen counts children \\| not &lt;b&gt;all&lt;/b&gt;." in group
    assert "- quake, line 2: “**Sixteen** children were among the dead, the governor said.”" in group


def test_flagged_finding_without_its_group_is_still_reported(report):
    strays = section(report, "### Flagged findings outside any group")
    assert "| revision  | deaths     | “12” (hostile, line 2, 2022-09-01) |" in strays
    assert "A finding whose group was lost." in strays


def test_consistent_groups_get_one_row_each(report):
    consistent = section(report, "## Consistent")
    rows = [line for line in consistent.splitlines() if line.startswith("| affected")]
    assert rows == ["| affected   | everyone | Pakistan | 2         | About 33 million / 33 million "
                    "| from 31,350,000 to 34,650,000 | “33 million” (flood-b, line 3, 2022-08-30) |"]
    assert "deaths" not in consistent


def test_figures_by_article_lists_each_article_with_its_figures(report):
    by_article = section(report, "## Figures by article")
    assert "### flood-a: Pakistan floods: toll rises (2022-08-29)" in by_article
    assert "### quake: batch/quake.txt (undated)" in by_article
    assert "| more than 1,100  | deaths     | everyone | Pakistan | officials  | 2:16          |" in by_article
    assert "| 24           | injuries   | rescue workers | no place stated | not stated   | 1:20          |" in by_article


def test_a_superseded_figure_says_why_it_is_in_no_finding():
    earlier = dataclasses.replace(SIXTEEN, superseded=True)
    report = render_markdown(Result(articles=(QUAKE,), claims=(earlier,), findings=()), "t")
    assert "| deaths (an earlier report, superseded here) |" in report


def test_article_without_figures_says_so():
    empty = Article(id="empty", path="empty.txt", text="No numbers here.\n")
    report = render_markdown(Result(articles=(empty,), claims=(), findings=()), "t")
    assert "### empty: empty.txt (undated)\n\nNo figures found." in report
    assert "## Flagged\n\nNothing flagged." in report


def test_report_is_byte_identical_for_the_same_input():
    copy = Result(*(tuple(items) for items in (RESULT.articles, RESULT.claims, RESULT.findings,
                                               RESULT.groups, RESULT.errors)))
    assert render_markdown(RESULT, "t") == render_markdown(copy, "t")


# --- figure placement and number wording ---------------------------------------------------

def test_bold_marks_the_occurrence_the_offsets_point_at():
    injuries = Group("injuries", "injuries", "rescue workers", None, ("q1",), 24, 24, "q1", "q1", True)
    report = render_markdown(Result((QUAKE,), (SECOND_24,), (), (injuries,)), "t")
    assert "- quake, line 1: “Of the 24 injured, **24** were rescue workers.”" in report


@pytest.mark.parametrize("article, span", [
    (QUAKE, (19, 21)),  # the offsets say: the second "24"
    (None, (7, 9)),     # without the article, the first "24" is all there is to go on
])
def test_figure_span_prefers_offsets_to_text(article, span):
    assert figure_span(SECOND_24, article) == span


def test_figure_found_by_text_when_sentence_is_not_in_article():
    reworded = dataclasses.replace(SIXTEEN, sentence="Sixteen  children died.")
    assert figure_span(reworded, QUAKE) == (0, 7)
    assert figure_span(reworded, None) == (0, 7)


def test_figure_missing_from_sentence_is_quoted_without_bold():
    lost = dataclasses.replace(SIXTEEN, sentence="The dead included children.")
    report = render_markdown(Result((QUAKE,), (lost,), (), (GROUPS[2],)), "t")
    assert "“The dead included children.”" in report


@pytest.mark.parametrize("fields, expected", [
    (dict(value=16, low=16, high=16, qualifier="exact"), "16"),
    (dict(value=160, low=160, high=None, qualifier="more_than"), "> 160"),
    (dict(value=24, low=24, high=None, qualifier="at_least"), "≥ 24"),
    (dict(value=50, low=None, high=50, qualifier="less_than"), "< 50"),
    (dict(value=50, low=None, high=50, qualifier="at_most"), "≤ 50"),
    (dict(value=None, low=7600, high=8000, qualifier="range"), "[7,600, 8,000]"),
    (dict(value=2.5, low=2.375, high=2.625, qualifier="approx"), "[2.375, 2.625]"),
    (dict(value=float("nan"), low=None, high=None, qualifier="exact"), "?"),
])
def test_interval_text(fields, expected):
    assert interval_text(dataclasses.replace(SIXTEEN, **fields)) == expected


@pytest.mark.parametrize("low, high, expected", [
    (1061, None, "1,061 or more"), (None, 50, "up to 50"), (16, 16, "16"),
    (7600, 8000, "from 7,600 to 8,000"), (None, None, "no bounds stated"),
])
def test_range_text(low, high, expected):
    assert range_text(low, high) == expected


@pytest.mark.parametrize("number, expected", [
    (7600.0, "7,600"), (0.1 + 0.2, "0.3"), (2.5, "2.5"), (1234567.25, "1,234,567.25"),
    (None, "?"), (float("nan"), "?"), (float("inf"), "∞"), (-3.0, "-3"),
])
def test_format_number(number, expected):
    assert format_number(number) == expected


# --- escaping ------------------------------------------------------------------------------

HOSTILE_STRINGS = [
    # (what an article may contain, how it must reach the page)
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("| a | b |", "\\| a \\| b \\|"),
    ("```", "\\`\\`\\`"),
    ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
    ("![img](http://x)", "!\\[img\\](http://x)"),
    ("# heading", "\\# heading"),
    ("> quoted", "&gt; quoted"),
    ("- item", "\\- item"),
    ("+ item", "\\+ item"),
    ("1. item", "1\\. item"),
    ("12) item", "12\\) item"),
    ("---", "\\---"),
    ("*bold* and _em_ and ~strike~", "\\*bold\\* and \\_em\\_ and \\~strike\\~"),
    ("AT&T says &lt;", "AT&amp;T says &amp;lt;"),
    ("back\\slash \\|", "back\\\\slash \\\\\\|"),
    ("line one\nline two\r\n\tthree", "line one line two three"),
    ("bell\x07 and escape\x1b[31m", "bell and escape\\[31m"),
    # ordinary figures and sentences pass unchanged
    ("more than 1,100", "more than 1,100"),
    ("7.5 million", "7.5 million"),
    ("Tokayev said 164 people died.", "Tokayev said 164 people died."),
]


@pytest.mark.parametrize("text, expected", HOSTILE_STRINGS)
def test_escape_markdown(text, expected):
    assert escape_markdown(text) == expected


def cells(row: str) -> int:
    """How many cells a pipe-table row has, escaped pipes and backslashes not splitting."""
    return re.sub(r"\\.", "", row).count("|") - 1


def tables(report: str) -> list[list[str]]:
    blocks, current = [], []
    for line in report.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            blocks, current = blocks + [current], []
    return blocks


def test_hostile_article_keeps_every_table_row_the_same_width(report):
    assert len(tables(report)) >= 5
    for table in tables(report):
        assert len({cells(row) for row in table}) == 1, table


def test_hostile_article_leaves_no_raw_html_links_or_headings(report):
    assert "<script" not in report.lower() and "<img" not in report and "<b>" not in report
    assert not re.search(r"(?<!\\)\]\(", report)  # no "](" that could close a link
    assert "\n# heading" not in report and "\n\\# heading" not in report
    assert "### hostile: &lt;script&gt;alert(1)&lt;/script&gt; (2022-09-01)" in report
    assert ("“&lt;script&gt;alert(1)&lt;/script&gt; said \\| a \\| b \\| **12** \\`\\`\\` "
            "people \\[x\\](javascript:alert(1)) died.”") in report
    assert "| 12           | deaths     | \\`code\\` | \\[x\\](javascript:alert(1)) | !\\[img\\](http://x) |" in report


@given(st.text())
def test_escaped_text_is_one_inert_line(text):
    escaped = escape_markdown(text)
    assert "\n" not in escaped and "\r" not in escaped and "<" not in escaped
    assert re.sub(r"\\.", "", escaped).count("|") == 0


def escaped_the_long_way(text: str) -> str:
    """escape_markdown without its shortcuts: every clean-up run, every character looked up."""
    one_line = WHITESPACE_RUN.sub(" ", CONTROL_CHARACTER.sub("", text))
    return BLOCK_START.sub(_escape_block_start, one_line.translate(INLINE_ESCAPES), count=1)


@settings(max_examples=500)
@given(st.text(st.sampled_from("ab 1.#-+=|\\`*_[]~$&<>\t\n\r\x0b\x1c\x85\xa0\u2028\u202e\u3000\ud800é")) | st.text())
def test_escape_markdown_shortcuts_change_nothing(text):
    assert escape_markdown(text) == escaped_the_long_way(text)


@given(st.lists(st.text(), min_size=3, max_size=3), st.lists(st.text(), min_size=3, max_size=3))
def test_any_escaped_cells_make_rows_of_equal_width(first, second):
    rows = [[escape_markdown(text) for text in row] for row in (first, second)]
    table = tabulate(rows, headers=["a", "b", "c"], tablefmt="github", disable_numparse=True)
    assert {cells(line) for line in table.splitlines()} == {3}


MARKDOWN_PIECES = st.lists(st.sampled_from(["#", "+", "-", "=", ".", ")", "1", "22", " ", "  ", "\\", "`", "*", "_", "[",
                                           "]", "|", "~", "$", "&", "<", ">", "&lt;", "\\#", "a", "\t", "\n", "\x00",
                                           "\u202e", "\u2028"]), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(MARKDOWN_PIECES, max_size=8))
def test_escaping_keeps_different_lines_different(texts):
    # A brief group counts its distinct reasons before escaping, and escapes only those it shows.
    from discrepancy.report import escape_one_line, visible_line

    lines = list(dict.fromkeys(map(visible_line, texts)))
    assert [escape_one_line(line) for line in lines] == list(dict.fromkeys(map(escape_markdown, texts)))
