"""The CI formats of `check`: SARIF 2.1.0, GitHub annotations, JUnit XML, findings CSV, JSON.

Each format is pinned on a hand-made result (exact text out) and validated on a real run:
SARIF against the published OASIS 2.1.0 schema, JSON and CSV against the schemas in docs/.
"""
import csv
import dataclasses
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from discrepancy.baseline import Review, Suppression, fingerprint
from discrepancy.cli import main
from discrepancy.formats import FINDING_COLUMNS, findings_csv, findings_csv_parts, json_document
from discrepancy.github import annotations, escape_data, escape_property, workflow_command
from discrepancy.junit import junit_xml
from discrepancy.models import Article, Claim, Finding, Group, Result
from discrepancy.sarif import artifact_uri, sarif_log

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "ci"
SARIF_SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
REPORT_SCHEMA = json.loads((ROOT / "docs" / "schemas" / "report.schema.json").read_text("utf-8"))
CSV_SCHEMA = json.loads((ROOT / "docs" / "schemas" / "findings-csv.schema.json").read_text("utf-8"))

# --- a hand-made run: a storm toll in two files and one JSON Lines record --------------------

MONDAY = Article("monday", "in/monday.md", "# Storm\n\nExactly 40 people died.\n")
RIVAL = Article("rival", "in/rival report.txt", "Storm\n\nThe storm killed 75, officials said.\n")
WIRE = Article("w1", "in/wire.jsonl", "Nine children were among the dead.")


def claim(claim_id, article, text, line, column, sentence, **fields):
    defaults = dict(value=None, low=None, high=None, qualifier="exact", unit="people", direction=None,
                    quantity="deaths", scope=None, place="Mombasa", source=None, start=0, end=len(text))
    return Claim(id=claim_id, article=article.id, text=text, line=line, column=column, sentence=sentence,
                 **(defaults | fields))


FORTY = claim("monday:3:1", MONDAY, "Exactly 40", 3, 1, "Exactly 40 people died.", value=40.0, low=40.0, high=40.0)
SEVENTY_FIVE = claim("rival:3:18", RIVAL, "75", 3, 18, "The storm killed 75, officials said.",
                     value=75.0, low=75.0, high=75.0)
NINE = claim("w1:1:1", WIRE, "Nine", 1, 1, "Nine children were among the dead.", value=9.0, low=9.0, high=9.0,
             scope="children")
CONFLICT = Finding("deaths", "conflict", (FORTY.id, SEVENTY_FIVE.id), "'Exactly 40' and '75' cannot both be right",
                   "deaths / everyone / Mombasa")
SCOPE = Finding("deaths", "different_scope", (NINE.id, SEVENTY_FIVE.id), "50%, 100% and\nmore: check",
                "deaths / everyone / Mombasa")
AGREE = Finding("deaths", "consistent", (NINE.id, FORTY.id), "agree", "deaths / everyone / Mombasa")
GROUP = Group("deaths / everyone / Mombasa", "deaths", None, "Mombasa", (FORTY.id, SEVENTY_FIVE.id, NINE.id),
              9.0, 75.0, NINE.id, None, True)
RESULT = Result(articles=(MONDAY, RIVAL, WIRE), claims=(FORTY, SEVENTY_FIVE, NINE),
                findings=(CONFLICT, SCOPE, AGREE), groups=(GROUP,), errors=("in/gone.txt: no such file",))
UNUSED = Suppression("monday", "in/monday.md", 1, "injured", "checked")
REVIEW = Review(unused_suppressions=(UNUSED,))
CLAIMS = {c.id: c for c in RESULT.claims}


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """The CI fixture batch copied to a fresh working directory (no configuration file above it)."""
    shutil.copytree(FIXTURES / "desk", tmp_path / "desk")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


# --- GitHub annotations ------------------------------------------------------------------------

@pytest.mark.parametrize("raw, data, prop", [
    ("plain", "plain", "plain"),
    ("50% of 40", "50%25 of 40", "50%25 of 40"),
    ("a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"),
    ("deaths: 40, 75", "deaths: 40, 75", "deaths%3A 40%2C 75"),
    ("%0A is not a newline", "%250A is not a newline", "%250A is not a newline"),
    ("::error::", "::error::", "%3A%3Aerror%3A%3A"),
])
def test_workflow_command_escaping(raw, data, prop):
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_workflow_command_leaves_out_missing_properties():
    assert workflow_command("notice", "x", file=None, title="t,1") == "::notice title=t%2C1::x\n"
    assert workflow_command("notice", "x") == "::notice::x\n"


def test_annotations_conflict_is_an_error_review_verdicts_warnings():
    assert annotations(RESULT, REVIEW) == (
        "::error file=in/monday.md,line=3,col=1,title=conflict%3A deaths::'Exactly 40' and '75' cannot both be right\n"
        "::warning file=in/wire.jsonl,title=different_scope%3A deaths::50%25, 100%25 and%0Amore: check\n"
        "::warning file=in/monday.md,line=1,title=unused suppression::in/monday.md:1: unused suppression of "
        "'injured': no flagged finding to silence\n")


def test_cli_github_format(desk, capsys):
    status, out, _ = run(capsys, "check", "desk", "--format", "github")
    assert status == 1
    assert out == (
        "::error file=desk/monday.md,line=4,col=1,title=conflict%3A deaths::'Exactly 40' (everyone in Mombasa, "
        "monday) and '75' (everyone in Mombasa, rival) count the same thing and cannot both be right\n"
        "::warning file=desk/monday.md,line=4,col=1,title=revision%3A deaths::'Exactly 40' (everyone in Mombasa, "
        "monday) and '30' (everyone in Mombasa, wednesday): the later article gives a lower count, a toll that "
        "fell; check the revision\n"
        "::warning file=desk/rival.txt,line=4,col=18,title=revision%3A deaths::'75' (everyone in Mombasa, rival) "
        "and '30' (everyone in Mombasa, wednesday): the later article gives a lower count, a toll that fell; "
        "check the revision\n"
        "::warning file=desk/wednesday.md,line=4,title=unused suppression::desk/wednesday.md:4: unused "
        "suppression of 'injured': no flagged finding to silence\n")


# --- SARIF ---------------------------------------------------------------------------------------

def test_sarif_of_the_hand_made_run_is_valid_and_complete():
    log = json.loads(sarif_log(RESULT, REVIEW))
    jsonschema.validate(log, SARIF_SCHEMA)
    run_ = log["runs"][0]
    assert [rule["id"] for rule in run_["tool"]["driver"]["rules"]] == [
        "conflict", "revision", "different_scope", "update", "consistent"]
    assert [(r["ruleId"], r["level"]) for r in run_["results"]] == [("conflict", "error"),
                                                                     ("different_scope", "warning")]
    first = run_["results"][0]
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "in/monday.md"},
        "region": {"startLine": 3, "startColumn": 1, "endColumn": 11, "snippet": {"text": "Exactly 40"}}}
    related = first["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "in/rival%20report.txt"
    assert related["physicalLocation"]["region"]["startLine"] == 3 and related["message"]["text"].startswith(
        "the other figure: '75'")
    assert first["partialFingerprints"] == {"discrepancy/v1": fingerprint(CONFLICT, CLAIMS)}
    # a figure in a JSON Lines record has no line of the file: the file alone, and the record by name
    wire = run_["results"][1]["locations"][0]
    assert wire["physicalLocation"] == {"artifactLocation": {"uri": "in/wire.jsonl"}}
    assert wire["logicalLocations"] == [{"name": "w1", "kind": "element"}]
    notes = [n["message"]["text"] for n in run_["invocations"][0]["toolExecutionNotifications"]]
    assert notes == ["skipped: in/gone.txt: no such file", UNUSED.describe()]


def test_sarif_schema_rejects_what_it_should():
    """The shipped schema is the strict one: a result without a message, or a bad level, fails."""
    log = json.loads(sarif_log(RESULT, REVIEW))
    del log["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, SARIF_SCHEMA)
    log = json.loads(sarif_log(RESULT))
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, SARIF_SCHEMA)


@pytest.mark.parametrize("path, uri", [
    ("in/monday.md", "in/monday.md"),
    ("in/rival report.txt", "in/rival%20report.txt"),
    ("desk/50%.md", "desk/50%25.md"),
    ("/srv/desk/a b.md", "file:///srv/desk/a%20b.md"),
])
def test_artifact_uri(path, uri):
    assert artifact_uri(path) == uri


def test_cli_sarif_validates_and_fingerprints_survive_moved_text(desk, capsys):
    status, out, _ = run(capsys, "check", "desk", "--format", "sarif")
    assert status == 1
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA)
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results] == [
        ("conflict", 4), ("revision", 4), ("revision", 4)]
    before = [r["partialFingerprints"]["discrepancy/v1"] for r in results]
    # unrelated paragraphs added above and its spacing changed: lines move, fingerprints stay
    monday = desk / "desk" / "monday.md"
    monday.write_text(monday.read_text().replace(
        "Exactly 40 people were killed when the storm hit Mombasa,",
        "Roads were closed along the coast.\n\nExactly  40 people were killed when the storm hit Mombasa,"),
        encoding="utf-8")
    log = json.loads(run(capsys, "check", "desk", "--format", "sarif")[1])
    moved = log["runs"][0]["results"]
    assert moved[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 6
    assert [r["partialFingerprints"]["discrepancy/v1"] for r in moved] == before


# --- JUnit ---------------------------------------------------------------------------------------

def test_junit_one_case_per_group_failure_for_flagged():
    text = junit_xml(RESULT, REVIEW)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text)
    suite = root.find("testsuite")
    assert (root.tag, suite.get("tests"), suite.get("failures")) == ("testsuites", "1", "1")
    case = suite.find("testcase")
    assert (case.get("classname"), case.get("name")) == ("deaths", "deaths / everyone / Mombasa")
    failure = case.find("failure")
    assert failure.get("type") == "conflict"
    assert failure.text.splitlines() == [
        "in/monday.md:3:1: conflict: deaths: 'Exactly 40' and '75' cannot both be right",
        "in/wire.jsonl: different_scope: deaths: 50%, 100% and more: check"]
    assert suite.find("system-err").text.splitlines() == ["in/gone.txt: no such file", UNUSED.describe()]


def _two_groups_and_one_alone() -> Result:
    alone = Finding("deaths", "revision", (NINE.id, SEVENTY_FIVE.id), "fell", "elsewhere")
    groups = (*RESULT.groups, dataclasses.replace(RESULT.groups[0], key="deaths / everyone / Kisumu"))
    return dataclasses.replace(RESULT, findings=(*RESULT.findings, alone), groups=groups)


@pytest.mark.parametrize("result, review", [
    (RESULT, REVIEW), (RESULT, None), (_two_groups_and_one_alone(), REVIEW), (_two_groups_and_one_alone(), None),
    (dataclasses.replace(_two_groups_and_one_alone(), groups=()), REVIEW),
    (Result((MONDAY,), (FORTY,), ()), None), (Result((MONDAY,), (FORTY,), (), errors=("in/gone.txt: gone",)), None)])
def test_junit_written_a_case_at_a_time_is_laid_out_as_element_tree_lays_it_out(result, review):
    # Written in parts, the document must still read as ET.indent lays out the whole tree.
    text = junit_xml(result, review)
    root = ET.fromstring(text)
    ET.indent(root)
    assert text == '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def test_junit_stays_valid_xml_with_hostile_text():
    hostile = Finding("deaths", "conflict", (FORTY.id, SEVENTY_FIVE.id), "<b>&amp;</b> \x00\x1b]0; \"quoted\"",
                      "g")
    root = ET.fromstring(junit_xml(Result((MONDAY, RIVAL), (FORTY, SEVENTY_FIVE), (hostile,))))
    case = root.find("testsuite/testcase")  # a flagged finding outside any group is a case of its own
    assert case.get("name") == "g"
    assert case.find("failure").get("message") == "conflict: <b>&amp;</b> \ufffd\ufffd]0; \"quoted\""


def test_junit_of_a_clean_batch_has_passing_cases(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURES / "clean", tmp_path / "clean")
    status, out, _ = run(capsys, "check", "clean", "--format", "junit")
    assert status == 0
    suite = ET.fromstring(out).find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("1", "0")
    assert suite.find("testcase/failure") is None


# --- CSV and JSON --------------------------------------------------------------------------------

def test_findings_csv_rows():
    rows = list(csv.reader(io.StringIO(findings_csv(RESULT))))
    assert tuple(rows[0]) == FINDING_COLUMNS
    assert rows[1][:14] == ["conflict", "deaths", "deaths / everyone / Mombasa",
                            "'Exactly 40' and '75' cannot both be right", "in/monday.md", "3", "1", "Exactly 40",
                            "monday", "in/rival report.txt", "3", "18", "75", "rival"]
    assert rows[2][3:7] == ["50%, 100% and more: check", "in/wire.jsonl", "", ""]
    assert len(rows) == 4


@pytest.mark.parametrize("rows_per_part", [1, 2, 3, 1000])
def test_findings_csv_in_parts_is_the_table_cut_between_rows(rows_per_part):
    parts = list(findings_csv_parts(RESULT, rows_per_part))
    assert "".join(parts) == findings_csv(RESULT)
    assert len(parts) == 3 // rows_per_part + 1
    assert all(part.endswith("\n") for part in parts if part)
    assert [len(list(csv.reader(io.StringIO(part)))) for part in parts[1:-1]] == [rows_per_part] * (len(parts) - 2)


def test_cli_csv_rows_match_the_documented_schema(desk, capsys):
    status, out, _ = run(capsys, "check", "desk", "--format", "csv", "--fail-on", "never")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == CSV_SCHEMA["required"] == list(FINDING_COLUMNS)
    for row in rows:
        jsonschema.validate(row, CSV_SCHEMA)
    assert [row["verdict"] for row in rows] == ["conflict", "revision", "revision"]


def test_cli_json_matches_the_documented_schema(desk, capsys):
    status, out, _ = run(capsys, "check", "desk", "--format", "json")
    document = json.loads(out)
    jsonschema.validate(document, REPORT_SCHEMA)
    assert status == 1
    assert document["review"]["unused_suppressions"] == [
        {"article": "wednesday", "path": "desk/wednesday.md", "line": 4, "quantity": "injured",
         "reason": "the desk checked the hospital figures"}]
    assert all(len(finding["fingerprint"]) == 32 for finding in document["findings"])


def test_json_schema_rejects_a_wrong_verdict():
    document = json.loads(json_document(RESULT, REVIEW))
    jsonschema.validate(document, REPORT_SCHEMA)
    document["findings"][0]["verdict"] = "contradiction"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, REPORT_SCHEMA)


# --- several outputs in one run ------------------------------------------------------------------

def test_output_may_repeat_and_each_file_holds_its_format(desk, capsys):
    status, out, err = run(capsys, "check", "desk", "--output", "sarif=out/d.sarif", "--output", "junit=out/j.xml",
                           "--output", "csv=out/f.csv", "--output", "json=out/d.json", "--output", "github=out/a.txt",
                           "--output", "summary=out/s.txt", "--output", "markdown=out/r.md", "--report", "r.md")
    assert status == 1
    out_dir = desk / "out"
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.txt", "d.json", "d.sarif", "f.csv", "j.xml", "r.md",
                                                         "s.txt"]
    jsonschema.validate(json.loads((out_dir / "d.sarif").read_text("utf-8")), SARIF_SCHEMA)
    jsonschema.validate(json.loads((out_dir / "d.json").read_text("utf-8")), REPORT_SCHEMA)
    ET.fromstring((out_dir / "j.xml").read_text("utf-8"))
    assert (out_dir / "s.txt").read_text("utf-8") == out  # stdout still prints the summary
    assert (out_dir / "r.md").read_text("utf-8") == (desk / "r.md").read_text("utf-8")
    assert (out_dir / "a.txt").read_text("utf-8").startswith("::error file=desk/monday.md,line=4,col=1,")


@pytest.mark.parametrize("fmt", ["json", "summary", "markdown"])
def test_a_format_printed_and_written_is_the_same_text_either_way(desk, capsys, fmt):
    _, printed, _ = run(capsys, "check", "desk", "--format", fmt, "--report", "r.md")
    _, printed_too, _ = run(capsys, "check", "desk", "--format", fmt, "--output", f"{fmt}=out/{fmt}.txt",
                            "--report", "r.md")
    written = (desk / "out" / f"{fmt}.txt").read_text("utf-8")
    assert printed == printed_too == (written if written.endswith("\n") else written + "\n")


def test_every_configurable_format_has_an_output():
    from discrepancy.cli import FINDING_OUTPUTS
    from discrepancy.config import FINDING_FORMATS
    assert tuple(FINDING_OUTPUTS) == FINDING_FORMATS


@pytest.mark.parametrize("spec", ["sarif", "pdf=out.pdf", "sarif=", "=x.sarif"])
def test_a_bad_output_spec_is_a_usage_error(desk, capsys, spec):
    with pytest.raises(SystemExit) as stop:
        main(["check", "desk", "--output", spec])
    assert stop.value.code == 2
    assert "FORMAT=PATH" in capsys.readouterr().err


# --- GITHUB_STEP_SUMMARY -------------------------------------------------------------------------

def test_step_summary_gets_the_report_appended(desk, capsys, monkeypatch):
    summary = desk / "summary.md"
    summary.write_text("# Earlier step output\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run(capsys, "check", "desk", "--report", "r.md")
    report = (desk / "r.md").read_text("utf-8")
    assert summary.read_text("utf-8") == "# Earlier step output\n" + report


def test_step_summary_is_cut_below_one_mebibyte_and_says_so(desk, capsys, monkeypatch):
    summary = desk / "summary.md"
    filler = ("x" * 99 + "\n") * ((1024 * 1024 - 600) // 100)  # an earlier step left little room
    summary.write_text(filler, encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    status, _, err = run(capsys, "check", "desk", "--report", "r.md")
    assert status == 1
    written = summary.read_bytes()
    assert len(written) <= 1024 * 1024
    added = written[len(filler):].decode("utf-8")
    assert added.startswith("# Discrepancy report: desk\n")
    assert added.endswith("> **Report cut here**: GitHub shows at most 1024 KiB of step summary. "
                          "The full report is `r.md`.\n")
    assert "discrepancy: GITHUB_STEP_SUMMARY: the step summary holds only the first" in err


def test_step_summary_already_full_is_left_alone(desk, capsys, monkeypatch):
    summary = desk / "summary.md"
    summary.write_bytes(b"y" * (1024 * 1024))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _, _, err = run(capsys, "check", "desk", "--report", "r.md")
    assert summary.stat().st_size == 1024 * 1024
    assert "discrepancy: GITHUB_STEP_SUMMARY: step summary is full; the report was not added (it is in r.md)" in err
