"""The report story by story (issue 7): each story's flagged and consistent groups under its own heading.

A batch of several stories gets a part per story ("## Story 2: Karachi; Sindh (...)"); "Needs a look"
stays first and says which story each finding is in. A batch of one story keeps one "Flagged" list.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import discrepancy
from discrepancy.cli import main
from discrepancy.models import Article, Claim, Finding, Group, Result, Story
from discrepancy.report import render_markdown

MIXED = Path(__file__).parent / "fixtures" / "mixed"
FLOODS = Path(__file__).parent / "fixtures" / "floods"


def story_parts(report: str) -> dict[int, str]:
    """Story number -> its part of the report, from its heading to the next level-2 heading."""
    parts = re.findall(r"^## Story (\d+): (.*?)(?=^## )", report, re.M | re.S)
    return {int(number): text for number, text in parts}


def needs_a_look(report: str) -> list[str]:
    return report.split("## Needs a look\n\n", 1)[1].split("\n\n", 1)[0].splitlines()


# --- the mixed fixture: four stories, checked for real ------------------------------------------

@pytest.fixture(scope="module")
def mixed() -> tuple[Result, str]:
    result = discrepancy.check([str(MIXED)])
    return result, render_markdown(result, "mixed")


def test_each_story_has_its_part_in_the_order_of_the_stories(mixed):
    result, report = mixed
    parts = story_parts(report)
    assert sorted(parts) == list(range(1, len(result.stories) + 1)) and len(parts) == 4
    for number, story in enumerate(result.stories, 1):
        assert all(f"\n- {article}: " in parts[number] for article in story.articles)
    positions = [report.index(heading) for heading in ("## Needs a look", "## Summary", "## Story 1:", "## Story 4:",
                                                       "## Figures by article")]
    assert positions == sorted(positions)
    assert "\n## Flagged\n" not in report and "\n## Consistent\n" not in report and "\n## Stories\n" not in report


def test_each_group_is_under_its_own_story_and_no_other(mixed):
    result, report = mixed
    parts = story_parts(report)
    number_of = {story.id: number for number, story in enumerate(result.stories, 1)}
    claims = {claim.id: claim for claim in result.claims}
    assert result.groups and any(group.flagged for group in result.groups)
    for group in result.groups:
        latest = claims[group.latest]
        # The group's latest figure, as its row or its conclusion cites it: one article, one story.
        cited = f"“{latest.text}” ({latest.article}, line {latest.line}"
        holders = [number for number, text in parts.items() if cited in text]
        assert holders == [number_of[group.story]], group.key
    flagged = [line for line in report.splitlines() if line.startswith("### Flagged: ")]
    karachi = number_of[next(s.id for s in result.stories if "unrest-karachi-1" in s.articles)]
    assert flagged == ["### Flagged: deaths · everyone · Karachi"]
    assert flagged[0] in parts[karachi]


def test_needs_a_look_names_the_story_of_each_finding(mixed):
    result, report = mixed
    karachi = next(number for number, s in enumerate(result.stories, 1) if "unrest-karachi-1" in s.articles)
    line, = needs_a_look(report)
    assert line.startswith(f"1. Story {karachi} (Karachi, Sindh): Deaths: “eight” (protesters in Karachi")


def test_the_json_points_every_finding_and_group_at_a_story_of_the_batch(tmp_path, capsys):
    main(["check", str(MIXED), "--format", "json", "--report", str(tmp_path / "r.md"), "--no-config"])
    document = json.loads(capsys.readouterr().out)
    stories = {story["id"] for story in document["stories"]}
    articles = {story["id"]: set(story["articles"]) for story in document["stories"]}
    claims = {claim["id"]: claim for claim in document["claims"]}
    for item in [*document["findings"], *document["groups"]]:
        assert item["story"] in stories
        assert {claims[i]["article"] for i in item["claims"]} <= articles[item["story"]]


def test_a_batch_of_one_story_keeps_one_list_of_flagged_groups():
    report = render_markdown(discrepancy.check([str(FLOODS)]), "floods")
    assert "\n## Flagged\n\n### deaths · everyone · Kenya" in report
    assert "## Story" not in report and not needs_a_look(report)[0].startswith("1. Story")


# --- hand-made stories: the same group name in two stories --------------------------------------

def figure(claim_id: str, article: str, value: int, story: str | None, day: int) -> Claim:
    return Claim(id=claim_id, article=article, text=str(value), value=value, low=value, high=value,
                 qualifier="exact", unit="people", direction=None, quantity="deaths", scope=None, place="Kenya",
                 source=None, sentence=f"{value} people died.", line=1, column=1, start=0, end=len(str(value)),
                 published=dt.date(2024, 5, day), story=story)


CLAIMS = (figure("m1", "may-a", 40, "may", 1), figure("m2", "may-b", 75, "may", 1),
          figure("j1", "june-a", 12, "june", 20), figure("j2", "june-b", 19, "june", 21),
          figure("x1", "lost-a", 3, "gone", 2), figure("x2", "lost-b", 9, "gone", 2))
KEY = "deaths / everyone / Kenya"
FINDINGS = (Finding("deaths", "conflict", ("m1", "m2"), "40 or 75", f"{KEY} (may)", "may"),
            Finding("deaths", "conflict", ("j1", "j2"), "12 or 19", f"{KEY} (june)", "june"),
            Finding("deaths", "conflict", ("x1", "x2"), "3 or 9", "nowhere", "gone"))
GROUPS = (Group(f"{KEY} (may)", "deaths", None, "Kenya", ("m1", "m2"), 40, 75, "m1", "m2", True, "may"),
          Group(f"{KEY} (june)", "deaths", None, "Kenya", ("j1", "j2"), 12, 19, "j1", "j2", True, "june"))
STORIES = (Story("may", "Kenya <b>floods</b> | May", ("may-a", "may-b"), first=dt.date(2024, 5, 1),
                 last=dt.date(2024, 5, 1)),
           Story("june", "# Kenya, June", ("june-a", "june-b"), first=dt.date(2024, 5, 20), last=dt.date(2024, 5, 21)))
ARTICLES = tuple(Article(id=name, path=f"{name}.txt", text="") for name in ("may-a", "may-b", "june-a", "june-b"))
RESULT = Result(ARTICLES, CLAIMS, FINDINGS, GROUPS, stories=STORIES)


def test_groups_named_alike_in_two_stories_each_stay_in_their_own():
    parts = story_parts(render_markdown(RESULT, "t"))
    for number, own, other in ((1, "may-a", "june-a"), (2, "june-a", "may-a")):
        assert parts[number].count("### Flagged: deaths · everyone · Kenya") == 1
        assert f"| {own} " in parts[number] and f"| {other} " not in parts[number]


def test_a_finding_of_no_story_of_the_batch_still_has_its_place():
    report = render_markdown(RESULT, "t")
    outside = report.split("\n## Figures in no story of this batch\n", 1)[1].split("\n## ", 1)[0]
    assert "### Flagged findings outside any group" in outside and "3 or 9" in outside
    # Most severe first, all conflicts here: in the findings' order; the last one has no story to name.
    assert [line.split("Deaths:")[0].rstrip(": ") for line in needs_a_look(report)] == [
        "1. Story 1 (Kenya &lt;b&gt;floods&lt;/b&gt; \\| May)", "2. Story 2 (\\# Kenya, June)", "3."]


def test_story_labels_are_inert_in_headings_and_in_needs_a_look():
    report = render_markdown(RESULT, "t")
    assert "## Story 1: Kenya &lt;b&gt;floods&lt;/b&gt; \\| May (2024-05-01, 2 articles)" in report
    assert "## Story 2: \\# Kenya, June (2024-05-20 to 2024-05-21, 2 articles)" in report
    html = MarkdownIt("commonmark").enable("table").render(report)
    assert "<b>" not in html
    assert html.count("<h2>") == 6  # needs a look, summary, two stories, no story, figures by article
    assert all(re.match(r"#{1,3} \S", line) for line in report.splitlines() if line.startswith("#"))


def test_the_same_stories_give_the_same_bytes():
    assert render_markdown(RESULT, "t") == render_markdown(RESULT, "t")
    shuffled = Result(ARTICLES, CLAIMS[::-1], FINDINGS, GROUPS, stories=STORIES)
    assert story_parts(render_markdown(shuffled, "t")).keys() == story_parts(render_markdown(RESULT, "t")).keys()
