"""Reviewed discrepancies: content fingerprints, baseline files and inline suppressions."""
import json
import shutil
from pathlib import Path

import pytest

import discrepancy
from discrepancy.baseline import (BaselineError, Suppression, _regrouped, baseline_entries, find_suppressions,
                                  fingerprint, normalise, read_baseline, set_aside)
from discrepancy.cli import main
from discrepancy.models import Article, Claim, Finding, Group, Result

FIXTURES = Path(__file__).parent / "fixtures" / "ci"


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def desk(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "desk", tmp_path / "desk")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def claim(claim_id, article, text, sentence, line=1, quantity="deaths"):
    return Claim(id=claim_id, article=article, text=text, value=1.0, low=1.0, high=1.0, qualifier="exact",
                 unit="people", direction=None, quantity=quantity, scope=None, place=None, source=None,
                 sentence=sentence, line=line, column=1, start=0, end=len(text))


# --- fingerprints --------------------------------------------------------------------------------

A = claim("a:3:1", "a", "40", "Exactly 40 people died.", line=3)
B = claim("b:9:5", "b", "75", "The storm killed 75.", line=9)
CONFLICT = Finding("deaths", "conflict", (A.id, B.id), "apart", "g")


@pytest.mark.parametrize("change, same", [
    (dict(line=30), True),                                   # moved down the file
    (dict(sentence="exactly  40 PEOPLE died"), True),        # spacing, case and punctuation
    (dict(sentence="Exactly 40 people died on Monday."), False),  # the sentence itself changed
    (dict(text="41"), False),                                # the figure changed
])
def test_fingerprint_depends_on_content_not_position(change, same):
    moved = claim(**({"claim_id": "a:30:1", "article": "a", "text": A.text, "sentence": A.sentence} | change))
    finding = Finding("deaths", "conflict", (moved.id, B.id), "apart", "g")
    assert (fingerprint(finding, {moved.id: moved, B.id: B}) == fingerprint(CONFLICT, {A.id: A, B.id: B})) is same


def test_fingerprint_ignores_the_order_of_the_pair_but_not_the_verdict_or_quantity():
    claims = {A.id: A, B.id: B}
    base = fingerprint(CONFLICT, claims)
    assert fingerprint(Finding("deaths", "conflict", (B.id, A.id), "x", "g"), claims) == base
    assert fingerprint(Finding("deaths", "revision", (A.id, B.id), "apart", "g"), claims) != base
    assert fingerprint(Finding("injured", "conflict", (A.id, B.id), "apart", "g"), claims) != base


@pytest.mark.parametrize("text, normal", [
    ("Exactly 40 people\ndied.", "exactly 40 people died"),
    ("“Seventy-five,” he said", "seventy five he said"),
    ("ＦＵＬＬ width 7,939", "full width 7 939"),
])
def test_normalise(text, normal):
    assert normalise(text) == normal


# --- inline suppressions -------------------------------------------------------------------------

@pytest.mark.parametrize("text, found", [
    ("<!-- discrepancy: ignore deaths -- wire copy, checked -->", [("deaths", "wire copy, checked")]),
    ("<!--discrepancy:ignore deaths-->", [("deaths", "")]),
    ("intro\n\n<!-- discrepancy: ignore deaths, injured -- both checked -->", [("deaths", "both checked"),
                                                                              ("injured", "both checked")]),
    ("<!-- discrepancy: ignore\n  displaced people -- two\n lines -->", [("displaced people", "two lines")]),
    ("<!-- an ordinary comment -->", []),
    ("discrepancy: ignore deaths", []),  # not in a comment
])
def test_find_suppressions(text, found):
    got = find_suppressions([Article("a", "a.md", text)])
    assert [(s.quantity, s.reason) for s in got] == found


def test_suppression_line_is_that_of_the_comment():
    text = "# Title\n\nBody.\n<!-- discrepancy: ignore deaths -- ok -->\n"
    assert find_suppressions([Article("a", "a.md", text)]) == [Suppression("a", "a.md", 4, "deaths", "ok")]


def test_set_aside_silences_only_flagged_findings_of_that_quantity_in_that_article():
    c = claim("c:1:1", "c", "9", "Nine injured.", quantity="injured")
    d = claim("d:1:1", "d", "12", "Twelve injured.", quantity="injured")
    findings = (CONFLICT, Finding("injured", "conflict", (c.id, d.id), "apart", "h"),
                Finding("deaths", "consistent", (A.id, B.id), "agree", "g"))
    group = Group("g", "deaths", None, None, (A.id, B.id), 1.0, 1.0, A.id, None, True)
    result = Result((), (A, B, c, d), findings, (group,))
    used = Suppression("b", "b.md", 2, "deaths", "checked")
    unused = Suppression("b", "b.md", 3, "injured", "not in b")
    kept, review = set_aside(result, [used, unused])
    assert kept.findings == findings[1:]
    assert review.suppressed == (CONFLICT,) and review.unused_suppressions == (unused,)
    # the group's only flagged finding was reviewed: it leaves the report rather than turn 'consistent'
    assert kept.groups == ()


@pytest.mark.parametrize("batch", ["mixed", "floods", "ci/desk"])
def test_nothing_set_aside_leaves_the_reconcilers_groups_as_regrouping_would(batch):
    # set_aside returns a result it sets nothing aside from as it is: the reconciler's groups and flags are
    # those regrouping by the findings gives (a group flagged when a flagged finding's first figure is in it)
    result = discrepancy.check([str(FIXTURES.parent / batch)])
    assert result.groups and any(group.flagged for group in result.groups)
    assert tuple(_regrouped(result, result.findings)) == tuple(result.groups)
    assert set_aside(result, [])[0] is result


# --- baseline files ------------------------------------------------------------------------------

def test_write_then_check_reports_only_new_findings(desk, capsys):
    status, out, err = run(capsys, "check", "desk", "--write-baseline", "baseline.json")
    assert status == 0 and out == ""
    assert "discrepancy: wrote 3 flagged findings to baseline.json\n" in err
    document = json.loads((desk / "baseline.json").read_text("utf-8"))
    assert document["version"] == 1
    assert [(e["verdict"], e["figures"]) for e in sorted(document["findings"], key=lambda e: e["verdict"])] == [
        ("conflict", ["Exactly 40", "75"]), ("revision", ["Exactly 40", "30"]), ("revision", ["75", "30"])]
    # unchanged batch: nothing new, exit 0
    assert run(capsys, "check", "desk", "--baseline", "baseline.json")[:2] == (0, "")
    # a new article brings a new conflict; the old ones stay set aside
    (desk / "desk" / "friday.txt").write_text("Published 6 May 2024\n\nThe storm killed 90 people in Mombasa, "
                                              "a hospital said.\n", encoding="utf-8")
    status, out, err = run(capsys, "check", "desk", "--baseline", "baseline.json")
    assert status == 1
    assert all("'90'" in line for line in out.splitlines()) and out.count("\n") >= 1
    assert "set aside: 0 suppressed, 3 in the baseline" in err


def test_baseline_entries_that_no_longer_match_are_named(desk, capsys):
    run(capsys, "check", "desk", "--write-baseline", "baseline.json")
    rival = desk / "desk" / "rival.txt"
    rival.write_text(rival.read_text().replace("killed 75 people", "killed 40 people"), encoding="utf-8")
    status, out, err = run(capsys, "check", "desk", "--baseline", "baseline.json", "--format", "json")
    stale = json.loads(out)["review"]["stale_baseline"]
    assert sorted(e["figures"][0] for e in stale) == ["75", "Exactly 40"]
    lines = [line for line in err.splitlines() if "no longer matches" in line]
    assert len(lines) == 2
    assert lines[0].startswith("discrepancy: baseline.json: baseline entry ")
    # 40 in rival, then 30 two days later: a revision the baseline has not seen (a revision fails only --fail-on review)
    assert [(f["verdict"], f["claims"][0].split(":")[0]) for f in json.loads(out)["findings"]
            if f["verdict"] != "consistent"] == [("revision", "rival")]
    assert status == 0


def test_baseline_survives_moved_text(desk, capsys):
    run(capsys, "check", "desk", "--write-baseline", "baseline.json")
    monday = desk / "desk" / "monday.md"
    monday.write_text(monday.read_text().replace("Published 6 May 2024\n",
                                                 "Published 6 May 2024\n\nRoads were closed.\n\n"), encoding="utf-8")
    status, out, err = run(capsys, "check", "desk", "--baseline", "baseline.json")
    assert (status, out) == (0, "")
    assert "no longer matches" not in err


@pytest.mark.parametrize("content, message", [
    (None, "baseline file not found (write one with --write-baseline)"),
    ("{", "baseline.json:1: not valid JSON: Expecting property name enclosed in double quotes"),
    ('{"version": 9, "findings": []}', "baseline.json: not a discrepancy baseline (version 1)"),
    ('{"version": 1, "findings": [{"quantity": "deaths"}]}', "baseline.json: a baseline entry lacks 'fingerprint'"),
])
def test_a_bad_baseline_exits_2_with_one_line(desk, capsys, content, message):
    if content is not None:
        (desk / "baseline.json").write_text(content, encoding="utf-8")
    status, out, err = run(capsys, "check", "desk", "--baseline", "baseline.json")
    assert (status, out) == (2, "")
    expected = f"discrepancy: {message}\n" if message.startswith("baseline.json") else \
        f"discrepancy: baseline.json: {message}\n"
    assert err == expected


def test_read_baseline_round_trips(tmp_path):
    from discrepancy.baseline import write_baseline
    entries = baseline_entries([CONFLICT], {A.id: A, B.id: B})
    write_baseline(tmp_path / "b.json", entries)
    assert read_baseline(tmp_path / "b.json") == entries
    with pytest.raises(BaselineError):
        read_baseline(tmp_path / "none.json")


# --- inline suppressions on the command line -------------------------------------------------------

def test_a_suppression_comment_silences_its_article_and_an_unused_one_is_reported(desk, capsys):
    rival = desk / "desk" / "rival.txt"
    rival.write_text(rival.read_text() + "\n<!-- discrepancy: ignore deaths -- Red Cross toll, confirmed -->\n",
                     encoding="utf-8")
    status, out, err = run(capsys, "check", "desk", "--report", "r.md")
    assert status == 0  # the conflict (40 against 75) involved rival: silenced; a revision is not a conflict
    assert out == ("desk/monday.md:4:1: revision: deaths: 'Exactly 40' (everyone in Mombasa, monday) and '30' "
                   "(everyone in Mombasa, wednesday): the later article gives a lower count, a toll that fell; "
                   "check the revision\n")
    assert err.splitlines() == [
        "discrepancy: desk/wednesday.md:4: unused suppression of 'injured': no flagged finding to silence",
        "3 articles, 3 figures, 1 revision; set aside: 2 suppressed, 0 in the baseline; report: r.md"]
    report = (desk / "r.md").read_text("utf-8")
    assert report.endswith("## Set aside\n\n- 2 flagged finding(s) silenced by comments in the articles.\n"
                           "- desk/wednesday.md:4: unused suppression of 'injured': no flagged finding to silence\n")
