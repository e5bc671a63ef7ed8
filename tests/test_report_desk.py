"""The report as a desk reads it: "Needs a look" first, a chart per flagged group, bold figures that
render bold, and the same bytes for the same input (issue 8)."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from markdown_it import MarkdownIt

from discrepancy.cli import main
from discrepancy.models import Article, Claim, Finding, Group, Result
from discrepancy.report import bold_span, render_markdown

ROOT = Path(__file__).resolve().parent.parent
FLOODS = Path(__file__).parent / "fixtures" / "floods"
SEEDS = ROOT / "seeds"
MARKDOWN = MarkdownIt("commonmark").enable("table")


def figure(claim_id: str, article: str, text: str, low: float | None, high: float | None, *, line: int,
           published: dt.date | None = None, qualifier: str = "exact", **fields) -> Claim:
    return Claim(id=claim_id, article=article, text=text, value=low if low is not None else high, low=low, high=high,
                 qualifier=qualifier, unit="people", direction=None, quantity=fields.pop("quantity", "deaths"),
                 scope=fields.pop("scope", None), place=fields.pop("place", "Kazakhstan"),
                 source=fields.pop("source", None), sentence=f"{text} people died.", line=line, column=1, start=0,
                 end=len(text), published=published, **fields)


JAN = {day: dt.date(2022, 1, day) for day in (6, 10, 22)}
SIXTEEN = figure("t16", "001", "16", 16, 16, line=19, scope="security forces", source="Tokayev")
OVER_160 = figure("o160", "004", "more than 160", 160, None, line=5, qualifier="more_than", published=JAN[22])
ALMATY_100 = figure("a100", "004", "more than 100", 100, None, line=27, qualifier="more_than", place="Almaty",
                    published=JAN[22])
ARRESTS_EARLY = figure("e8k", "002", "nearly 8,000", 7600, 8000, line=3, quantity="arrests", published=JAN[6],
                       qualifier="approx", source="the interior ministry")
ARRESTS_LATER = figure("l5k", "000", "5,000", 5000, 5000, line=8, quantity="arrests", published=JAN[10])
RIOTERS = figure("r9k", "003", "9,000", 9000, 9000, line=2, quantity="arrests", scope="rioters")
CLAIMS = (SIXTEEN, OVER_160, ALMATY_100, ARRESTS_EARLY, ARRESTS_LATER, RIOTERS)
DEATHS, ARRESTS = "deaths / everyone / Kazakhstan", "arrests / everyone / Kazakhstan"
# In the reverse of severity on purpose: the report puts conflict, revision, different_scope in that order.
FINDINGS = (
    Finding("deaths", "different_scope", ("t16", "o160"), "a part and its whole", DEATHS),
    Finding("deaths", "consistent", ("o160", "a100"), "overlap", DEATHS),
    Finding("deaths", "different_scope", ("o160", "a100"), "a city within its country", DEATHS),
    Finding("arrests", "revision", ("e8k", "l5k"), "lower later", ARRESTS),
    Finding("arrests", "conflict", ("e8k", "l5k"), "apart", ARRESTS),
    Finding("arrests", "conflict", ("r9k", "l5k"), "a part larger than its whole", ARRESTS),
)
GROUPS = (Group(DEATHS, "deaths", None, "Kazakhstan", ("t16", "o160", "a100"), 16, None, "t16", "o160", True),
          Group(ARRESTS, "arrests", None, "Kazakhstan", ("e8k", "l5k", "r9k"), 5000, 9000, "l5k", "l5k", True))
RESULT = Result(articles=(), claims=CLAIMS, findings=FINDINGS, groups=GROUPS)


def needs_a_look(report: str) -> list[str]:
    start = report.index("## Needs a look\n\n") + len("## Needs a look\n\n")
    return report[start:report.index("\n\n", start)].splitlines()


# --- needs a look --------------------------------------------------------------------------

def test_needs_a_look_comes_first_then_the_summary_counts():
    report = render_markdown(RESULT, "t")
    assert report.startswith("# t\n\n## Needs a look\n\n1. ")
    positions = [report.index(heading) for heading in ("## Needs a look", "## Summary", "## Flagged")]
    assert positions == sorted(positions)
    assert "findings: 2 conflict, 1 revision, 2 different_scope, 0 update, 1 consistent" in report


def test_one_sentence_per_flagged_finding_most_severe_first():
    assert needs_a_look(render_markdown(RESULT, "t")) == [
        "1. Arrests: “nearly 8,000” (everyone in Kazakhstan, according to the interior ministry; 002, line 3) and "
        "“5,000” (everyone in Kazakhstan, no source stated; 000, line 8): **conflict**: both count everyone in "
        "Kazakhstan and cannot both be right.",
        "2. Arrests: “9,000” (rioters in Kazakhstan, no source stated; 003, line 2) and “5,000” (everyone in "
        "Kazakhstan, no source stated; 000, line 8): **conflict**: rioters vs everyone, a part larger than its whole.",
        "3. Arrests: “nearly 8,000” (everyone in Kazakhstan, according to the interior ministry; 002, line 3) and "
        "“5,000” (everyone in Kazakhstan, no source stated; 000, line 8): **revision**: a lower count in the later "
        "article (000, 2022-01-10).",
        "4. Deaths: “16” (security forces in Kazakhstan, according to Tokayev; 001, line 19) and “more than "
        "160” (everyone in Kazakhstan, no source stated; 004, line 5): **different scope**: security forces vs "
        "everyone.",
        "5. Deaths: “more than 160” (everyone in Kazakhstan, no source stated; 004, line 5) and “more than "
        "100” (everyone in Almaty, no source stated; 004, line 27): **different scope**: Kazakhstan vs Almaty.",
    ]


def test_scope_and_place_both_different_are_both_named():
    finding = Finding("deaths", "different_scope", ("t16", "a100"), "m", DEATHS)
    line, = needs_a_look(render_markdown(Result((), CLAIMS, (finding,), GROUPS), "t"))
    assert line.endswith("**different scope**: security forces in Kazakhstan vs everyone in Almaty.")


def test_a_finding_whose_figures_are_missing_is_still_a_line():
    finding = Finding("deaths", "revision", ("gone", "t16"), "A <b>lower</b> count | later.", "lost")
    assert needs_a_look(render_markdown(Result((), CLAIMS, (finding,), ()), "t")) == [
        "1. Deaths: **revision**: A &lt;b&gt;lower&lt;/b&gt; count \\| later."]


def test_a_long_list_stops_at_its_limit_and_says_how_many_more_are_below():
    from discrepancy.report import NEEDS_A_LOOK
    many = tuple(Finding("arrests", "conflict", ("e8k", "l5k"), "apart", ARRESTS) for _ in range(NEEDS_A_LOOK + 7))
    report = render_markdown(Result((), CLAIMS, (*many, FINDINGS[0]), GROUPS), "t")
    lines = needs_a_look(report)
    assert len(lines) == NEEDS_A_LOOK and lines[-1].startswith(f"{NEEDS_A_LOOK}. Arrests")
    assert "And 8 more flagged findings" in report   # the 7 conflicts past the limit and the different scope


def test_a_list_within_its_limit_has_no_more_line():
    assert "more flagged findings" not in render_markdown(RESULT, "t")


def test_a_large_batch_lists_the_figures_of_its_flagged_articles_first_and_says_where_the_rest_are():
    from discrepancy.report import ARTICLE_TABLES
    quiet = [Article(id=f"q{i:03}", path=f"q{i:03}.txt", text="") for i in range(ARTICLE_TABLES)]
    flagged = [Article(id=f"{i:03}", path=f"{i:03}.txt", text="") for i in range(5)]  # the flagged figures'
    report = render_markdown(Result((*quiet, *flagged), CLAIMS, FINDINGS, GROUPS), "t")
    listed = re.findall(r"^### (q?\d{3}): ", report.split("## Figures by article")[1], re.M)
    assert listed == [f"q{i:03}" for i in range(ARTICLE_TABLES - 5)] + [a.id for a in flagged]  # batch order
    assert "The figures of the other 5 articles are in the JSON, CSV and JSON Lines outputs" in report


def test_a_batch_within_the_limit_lists_every_article():
    articles = tuple(Article(id=f"{i:03}", path=f"{i:03}.txt", text="") for i in range(7))
    report = render_markdown(Result(articles, CLAIMS, FINDINGS, GROUPS), "t")
    assert len(re.findall(r"^### \d{3}: ", report.split("## Figures by article")[1], re.M)) == 7
    assert "The figures of the other" not in report


def test_flagged_groups_past_the_detailed_ones_are_given_in_brief():
    from discrepancy.report import DETAILED_GROUPS
    keys = [f"deaths / everyone / place {i:03}" for i in range(DETAILED_GROUPS + 3)]
    groups = tuple(Group(key, "deaths", None, "Kazakhstan", ("t16", "o160"), 16, None, "t16", "o160", True)
                   for key in keys)
    findings = tuple(Finding("deaths", "conflict", ("t16", "o160"), f"reason {i}", key) for i, key in enumerate(keys))
    report = render_markdown(Result((), CLAIMS, findings, groups), "t")
    flagged = report.split("## Flagged")[1]
    assert flagged.count("| As written") == DETAILED_GROUPS          # a table of figures for each in full
    assert flagged.count("2 figures, conflict: reason ") == 3       # the rest in one line each
    assert f"The flagged groups after these {DETAILED_GROUPS} are given in brief" in report
    assert "reason 202" in flagged                                    # none is left out


def test_nothing_flagged_says_so():
    report = render_markdown(Result((), CLAIMS, FINDINGS[1:2], ()), "t")
    assert "## Needs a look\n\nNothing: no conflict, revision or different scope.\n\n## Summary" in report


def test_hostile_figures_stay_on_one_inert_line():
    hostile = figure("h", "a|b", "12 <script>", 12, 12, line=2, scope="`code`\n# x", place="[x](javascript:1)",
                     source="![i](http://x) | y")
    finding = Finding("deaths", "conflict", ("h", "t16"), "m", DEATHS)
    line, = needs_a_look(render_markdown(Result((), (hostile, SIXTEEN), (finding,), ()), "t"))
    assert line.startswith("1. Deaths: “12 &lt;script&gt;” (\\`code\\` # x in \\[x\\](javascript:1), according "
                           "to !\\[i\\](http://x) \\| y; a\\|b, line 2) and “16”")
    html = MARKDOWN.render(line)
    assert set(re.findall(r"</?(\w+)", html)) == {"ol", "li", "strong"}


def test_needs_a_look_on_the_seeds_names_the_scopes(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    main(["check", str(SEEDS), "--no-config"])
    report = (tmp_path / "reports" / "seeds.md").read_text(encoding="utf-8")
    verdicts = [line.split(": **")[1] for line in needs_a_look(report)]
    assert verdicts == ["different scope**: security forces vs everyone."]
    assert "\n\n[seeds/deaths-" in report and len(list((tmp_path / "reports" / "seeds").glob("*.svg"))) == 1


# --- charts in the report -----------------------------------------------------------------

def test_each_flagged_group_links_its_chart_after_saying_why():
    report = render_markdown(RESULT, "t", charts={DEATHS: "my report (v2)/deaths-0123456789.svg"})
    group = report[report.index("### deaths · everyone · Kazakhstan"):report.index("### arrests")]
    why, image, definition = group.split("\n\n")[1:4]
    assert why.startswith("Flagged as different scope")
    assert image == ("![Chart of deaths · everyone · Kazakhstan: each figure as an interval, in publication order]"
                     "[my%20report%20%28v2%29/deaths-0123456789.svg]")
    assert definition == "[my%20report%20%28v2%29/deaths-0123456789.svg]: my%20report%20%28v2%29/deaths-0123456789.svg"
    assert report.count("![") == 1  # no chart given, none linked
    assert '<img src="my%20report%20%28v2%29/deaths-0123456789.svg"' in MARKDOWN.render(report)
    assert "](" not in report  # reference style: an inline link anywhere would mean text got through unescaped


def test_chart_alt_text_is_escaped():
    group = Group("k", "deaths", "a] [b", "](x)", ("t16",), 16, 16, "t16", "t16", True)
    report = render_markdown(Result((), CLAIMS, (), (group,)), "t", charts={"k": "r/deaths-0123456789.svg"})
    assert "![Chart of deaths · a\\] \\[b · \\](x): each figure" in report
    assert MARKDOWN.render(report).count("<img ") == 1


# --- bold figures -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, figure, bold", [
    ("The toll rose to 1,061 on Tuesday.", "1,061", "1,061"),
    ("It pledged US$5 million in aid.", "$5 million", "US$5 million"),    # ** cannot open after "S" before "$"
    ("Turnout was 45%of voters.", "45%", "45%of"),                        # nor close after "%" before "o"
    ("About 33 million were affected.", "About 33 million", "About 33 million"),
    ("(16) died", "16", "16"),
    ("A gift of €€5 each", "€5", "€€5"),                                # "€" may or may not be punctuation
])
def test_bold_covers_the_figure_or_the_word_it_is_glued_to(sentence, figure, bold):
    start = sentence.index(figure)
    low, high = bold_span(sentence, start, start + len(figure))
    assert sentence[low:high] == bold


def quoted_html(before: str, figure: str, after: str) -> str:
    sentence = before + figure + after
    claim = Claim(id="x", article="a", text=figure, value=1, low=1, high=1, qualifier="exact", unit="", direction=None,
                  quantity="deaths", scope=None, place=None, source=None, sentence=sentence, line=1, column=1,
                  start=len(before), end=len(before) + len(figure))
    group = Group("k", "deaths", None, None, ("x",), 1, 1, "x", "x", True)
    report = render_markdown(Result((), (claim,), (), (group,)), "t")
    quote = next(line for line in report.splitlines() if line.startswith("- a, line 1: "))
    return MARKDOWN.render(quote)


WORDS = st.text(st.sampled_from("ab1 $%*_[]()<>&#|`~-.!\\“€😀"), max_size=8)


@given(WORDS, st.text(st.sampled_from("ab19$%.,-()[]&<€"), min_size=1, max_size=6).filter(str.strip), WORDS)
def test_the_figure_renders_bold_whatever_surrounds_it(before, figure, after):
    html = quoted_html(before, figure, after)
    strong = re.findall(r"<strong>(.*?)</strong>", html)
    assert len(strong) == 1, html
    shown = figure.strip().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert shown in strong[0], html
    assert set(re.findall(r"</?(\w+)", html)) <= {"ul", "li", "strong"}, html


# --- the command line: files beside the report, the same bytes every time --------------------

@pytest.fixture(scope="module")
def floods(tmp_path_factory) -> Path:
    """A checkout with the floods batch, checked once: reports/floods.md and reports/floods/."""
    root = tmp_path_factory.mktemp("desk")
    shutil.copytree(FLOODS, root / "floods")
    assert run_check(root, "floods").returncode == 1  # a conflict
    return root


def run_check(cwd: Path, batch: str, seed: str = "0") -> subprocess.CompletedProcess:
    env = os.environ | {"PYTHONHASHSEED": seed}
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run([sys.executable, "-m", "discrepancy", "check", batch, "--no-config"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def outputs(root: Path, name: str) -> dict[str, bytes]:
    files = [root / "reports" / f"{name}.md", *sorted((root / "reports" / name).glob("*"))]
    return {str(path.relative_to(root)): path.read_bytes() for path in files}


def test_report_links_each_chart_it_wrote(floods):
    report = (floods / "reports" / "floods.md").read_text(encoding="utf-8")
    links = re.findall(r"^\[([^\]\n]+)\]: \1$", report, re.MULTILINE)
    charts = sorted(p.relative_to(floods / "reports").as_posix() for p in (floods / "reports" / "floods").iterdir())
    assert links == charts and len(charts) == 1 and re.fullmatch(r"floods/deaths-[0-9a-f]{10}\.svg", charts[0])
    assert needs_a_look(report)[0].startswith("1. Deaths: “Exactly 40” (everyone in Kenya, according to the "
                                              "Interior Ministry; early, line 4) and “75”")


def test_same_input_same_bytes_in_a_new_process_with_another_hash_seed(floods, tmp_path):
    shutil.copytree(FLOODS, tmp_path / "floods")
    assert run_check(tmp_path, "floods", seed="4242").returncode == 1
    assert outputs(tmp_path, "floods") == outputs(floods, "floods")


def test_running_again_changes_nothing(floods, monkeypatch, capsys):
    before = outputs(floods, "floods")
    monkeypatch.chdir(floods)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert main(["check", "floods", "--no-config"]) == 1
    assert outputs(floods, "floods") == before


def test_no_timestamp_in_report_or_charts(floods):
    for text in outputs(floods, "floods").values():
        assert dt.date.today().isoformat().encode() not in text
        assert not re.search(rb"\d\d:\d\d:\d\d", text)
