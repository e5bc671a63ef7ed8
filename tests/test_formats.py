"""Machine outputs (finding lines, JSON, JSON Lines, CSV) and atomic file writing."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import math
import os
import stat
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from discrepancy.api import check
from discrepancy.errors import DiscrepancyError
from discrepancy.formats import (CLAIM_COLUMNS, claim_record, claims_csv, claims_json, claims_jsonl,
                                 Streamed, _one_line, csv_cell, json_document, json_ready, laid_out,
                                 laid_out_parts, summary_lines)
from discrepancy.models import FLAGGED, VERDICTS, Article, Claim, Finding, Group, Result
from discrepancy.output import write_atomic

# --- fixture: a wildfire and a jobs report, written by hand --------------------------------

FIRE_KTLA = Article(id="ktla", path="in/ktla.txt", title="Dixie Fire grows", source="KTLA",
                    published=dt.date(2021, 8, 6), url="https://example.org/dixie",
                    text="The fire has burned nearly 447,000 acres.\nCrews said it was 21% contained.\n")
FIRE_AP = Article(id="ap", path="in/ap.txt", title="Dixie Fire update", source="AP",
                  published=dt.date(2021, 8, 7),
                  text="Officials put the burned area at 463,477 acres.\n"
                       "At least 400 structures were destroyed, up from 184.\n")
JOBS = Article(id="bls", path="in/bls.txt", text="Unemployment fell to 5.4 percent.\n")


def claim(claim_id: str, article: Article, text: str, line: int, column: int, **fields) -> Claim:
    defaults = dict(value=None, low=None, high=None, qualifier="exact", unit="", direction=None,
                    quantity="area", scope=None, place=None, source=None, sentence="", start=0,
                    end=len(text), published=article.published)
    return Claim(id=claim_id, article=article.id, text=text, line=line, column=column,
                 **(defaults | fields))


NEARLY_447K = claim("k1", FIRE_KTLA, "nearly 447,000", 1, 21, value=447000.0, low=424650.0,
                    high=447000.0, qualifier="approx", unit="acres", place="California",
                    sentence="The fire has burned nearly 447,000 acres.", reading="'nearly' is just below")
CONTAINED_21 = claim("k2", FIRE_KTLA, "21%", 2, 20, value=21.0, low=21.0, high=21.0, unit="%",
                     quantity="containment", sentence="Crews said it was 21% contained.")
ACRES_463K = claim("a1", FIRE_AP, "463,477", 1, 34, value=463477.0, low=463477.0, high=463477.0,
                   unit="acres", place="California", source="Officials",
                   sentence="Officials put the burned area at 463,477 acres.")
AT_LEAST_400 = claim("a2", FIRE_AP, "At least 400", 2, 1, value=400.0, low=400.0,
                     qualifier="at_least", quantity="structures destroyed", direction="up",
                     sentence="At least 400 structures were destroyed,\nup from 184.")
RATE_5_4 = claim("b1", JOBS, "5.4 percent", 1, 22, value=float("nan"), low=float("-inf"),
                 high=float("inf"), unit="%", quantity="unemployment rate", direction="down",
                 sentence="=HYPERLINK(\"http://x\") fell to 5.4 percent\u2028\x85 today.")

FIXTURES = Path(__file__).parent / "fixtures"
CLAIMS = (NEARLY_447K, CONTAINED_21, ACRES_463K, AT_LEAST_400, RATE_5_4)
FINDINGS = (
    Finding("containment", "different_scope", ("k2", "a1"), "Containment is not area.", "g3"),
    Finding("area", "revision", ("a1", "k1"), "463,477 acres revises nearly 447,000.", "g1"),
    Finding("area", "conflict", ("k1", "a1"), "nearly 447,000 excludes 463,477.", "g1"),
    Finding("structures destroyed", "update", ("a2", "k1"), "Later figure.", "g2"),
    Finding("area", "conflict", ("a2", "b1"), "A message\nover two lines.", "g1"),
    Finding("area", "consistent", ("k1", "k2"), "Agree.", "g1"),
)
GROUPS = (Group("g1", "area", None, "California", ("k1", "a1"), 424650.0, float("nan"), "k1", "a1", True),)
RESULT = Result(articles=(FIRE_KTLA, FIRE_AP, JOBS), claims=CLAIMS, findings=FINDINGS,
                groups=GROUPS, errors=("in/gone.txt: no such file",))


def strict_loads(text: str):
    """json.loads that refuses NaN and Infinity, which Python would otherwise accept."""
    return json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} emitted"))


# --- finding lines -------------------------------------------------------------------------

def test_summary_lines_sorted_most_severe_first_then_article_and_line():
    assert summary_lines(RESULT) == (
        "in/ap.txt:2:1: conflict: area: A message over two lines.\n"
        "in/ktla.txt:1:21: conflict: area: nearly 447,000 excludes 463,477.\n"
        "in/ap.txt:1:34: revision: area: 463,477 acres revises nearly 447,000.\n"
        "in/ktla.txt:2:20: different_scope: containment: Containment is not area.\n")


@pytest.mark.parametrize("findings, expected", [
    ((), ""),
    ((Finding("area", "update", ("k1", "a1"), "Later.", "g1"),), ""),
    ((Finding("area", "conflict", ("gone", "a1"), "Lost claim.", "g1"),), "gone:0:0: conflict: area: Lost claim.\n"),
])
def test_summary_lines_only_flagged_findings(findings, expected):
    assert summary_lines(Result(RESULT.articles, CLAIMS, findings)) == expected


def naive_summary_lines(result: Result) -> str:
    """The finding lines as first written: every flagged finding made, then sorted by its whole key."""
    claims, paths = {c.id: c for c in result.claims}, {a.id: a.path for a in result.articles}

    def place(finding):
        claim = claims.get(finding.claims[0])
        return (finding.claims[0], 0, 0) if claim is None else (paths.get(claim.article, claim.article),
                                                                  claim.line, claim.column)
    located = sorted(((place(f), f) for f in result.findings if f.flagged),
                     key=lambda pair: (FLAGGED.index(pair[1].verdict), *pair[0], pair[1].message))
    return "".join(f"{p}:{line}:{column}: {f.verdict}: {' '.join(f.quantity.split())}: {' '.join(f.message.split())}\n"
                   for (p, line, column), f in located)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(VERDICTS), st.sampled_from([c.id for c in CLAIMS] + ["gone", "lost"]),
                          st.sampled_from(["b", "a", "c", "a"]), st.integers(0, 3)), max_size=30))
def test_summary_lines_order_is_the_whole_key_order(rows):
    """Sorting by packed columns, then by message within a place, gives the order of the whole key: most
    severe, file, line, column, message, and the input order among equal messages."""
    findings = tuple(Finding("area", verdict, (first, "a1"), f"{message} {number}", "g1")
                     for verdict, first, message, number in rows)
    result = Result(RESULT.articles, CLAIMS, findings)
    assert summary_lines(result) == naive_summary_lines(result)


def test_summary_lines_of_a_checked_batch_are_in_the_whole_key_order():
    # The reconciler's findings are read as columns (their first figures by position, not looked up by id).
    result = check([str(FIXTURES / folder) for folder in ("hostile", "floods", "mixed", "batches/quake")])
    assert len(result.findings.flagged()) > 20
    assert summary_lines(result) == naive_summary_lines(result)


# --- JSON ----------------------------------------------------------------------------------

def test_json_document_round_trips_with_every_part():
    document = strict_loads(json_document(RESULT))
    assert list(document) == ["articles", "claims", "findings", "groups", "errors", "stories", "stored"]
    assert document["articles"][0] == {"id": "ktla", "path": "in/ktla.txt", "title": "Dixie Fire grows",
                                       "published": "2021-08-06", "source": "KTLA",
                                       "url": "https://example.org/dixie"}
    assert document["articles"][2]["published"] is None
    assert [record["id"] for record in document["claims"]] == ["k1", "k2", "a1", "a2", "b1"]
    assert document["findings"][2] == {"quantity": "area", "verdict": "conflict", "claims": ["k1", "a1"],
                                       "message": "nearly 447,000 excludes 463,477.", "group": "g1",
                                       "story": None}
    assert document["groups"][0]["claims"] == ["k1", "a1"] and document["groups"][0]["high"] is None
    assert document["errors"] == ["in/gone.txt: no such file"]


@pytest.mark.parametrize("result", [RESULT, Result(articles=(), claims=(), findings=())])
def test_json_document_is_laid_out_as_json_dumps_lays_it_out(result):
    # Written a record at a time, the document must still read as one json.dumps(indent=2) of it.
    text = json_document(result)
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_json_never_emits_nan_or_infinity():
    record = strict_loads(json_document(RESULT))["claims"][4]
    assert (record["value"], record["low"], record["high"]) == (None, None, None)


@pytest.mark.parametrize("value, expected", [
    (float("nan"), None), (float("inf"), None), (2.5, 2.5), (True, True), (None, None),
    (dt.date(2022, 1, 5), "2022-01-05"), (dt.datetime(2022, 1, 5, 13, 54), "2022-01-05T13:54:00"),
    (("a", 1), ["a", 1]), ({1: float("nan")}, {"1": None}), ("bad \udc80 byte", "bad \ufffd byte"),
])
def test_json_ready(value, expected):
    assert json_ready(value) == expected


def test_claims_json_round_trips_to_equal_claims():
    finite = CLAIMS[:4]
    records = strict_loads(claims_json(finite))
    rebuilt = [Claim(**(record | {"published": dt.date.fromisoformat(record["published"])}))
               for record in records]
    assert rebuilt == list(finite)


def test_claims_jsonl_is_one_record_per_line_even_with_unicode_line_breaks():
    lines = claims_jsonl(CLAIMS).splitlines()
    assert len(lines) == len(CLAIMS)
    records = [strict_loads(line) for line in lines]
    assert [record["id"] for record in records] == ["k1", "k2", "a1", "a2", "b1"]
    assert records[4]["sentence"] == RATE_5_4.sentence
    assert set(CLAIM_COLUMNS) <= set(records[0])


def test_claim_record_starts_with_the_named_columns():
    assert list(claim_record(NEARLY_447K))[:16] == [
        "id", "article", "text", "value", "low", "high", "qualifier", "unit", "direction",
        "quantity", "scope", "place", "source", "sentence", "line", "column"]


# --- CSV -----------------------------------------------------------------------------------

def test_claims_csv_header_and_rows_in_claim_order():
    text = claims_csv(CLAIMS)
    assert text.splitlines()[0] == ("id,article,text,value,low,high,qualifier,unit,direction,quantity,"
                                    "scope,place,source,sentence,line,column,start,end,reading,published,"
                                    "story,time_phrase,period_start,period_end,copies,stated_part,superseded,projection,running")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["id"] for row in rows] == ["k1", "k2", "a1", "a2", "b1"]
    assert rows[0]["value"] == "447000" and rows[0]["published"] == "2021-08-06"
    assert rows[3]["high"] == "" and rows[3]["sentence"] == "At least 400 structures were destroyed,\nup from 184."
    assert (rows[4]["value"], rows[4]["low"], rows[4]["high"]) == ("", "", "")


def test_claims_csv_of_no_claims_is_just_the_header():
    assert claims_csv(()) == ",".join(CLAIM_COLUMNS) + "\n"


@pytest.mark.parametrize("value, expected", [
    (None, ""), (float("nan"), ""), (1100.0, "1100"), (5.4, "5.4"), (3, "3"),
    (dt.date(2021, 8, 6), "2021-08-06"), ("plain", "plain"),
    # spreadsheets would run these as formulas
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
])
def test_csv_cell(value, expected):
    assert csv_cell(value) == expected


# --- write_atomic --------------------------------------------------------------------------

def test_write_atomic_creates_parent_directories(tmp_path):
    target = tmp_path / "reports" / "2022" / "report.md"
    write_atomic(target, "# Report\n")
    assert target.read_text(encoding="utf-8") == "# Report\n"
    assert os.listdir(target.parent) == ["report.md"]


def test_write_atomic_replaces_and_keeps_permissions(tmp_path):
    target = tmp_path / "claims.csv"
    target.write_text("old\n")
    target.chmod(0o640)
    write_atomic(target, "new – ünïcode\n")
    assert target.read_text(encoding="utf-8") == "new – ünïcode\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_write_atomic_new_file_is_not_private_to_the_owner(tmp_path):
    old_umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "out.json", "{}\n")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == 0o644


def replace_that_fails(source, destination):
    raise OSError(28, "No space left on device")


def fsync_that_fails(descriptor):
    raise OSError(5, "Input/output error")


@pytest.mark.parametrize("text, broken", [
    ("lone surrogate \udc80 cannot be UTF-8", None),
    ("fine text", ("replace", replace_that_fails)),
    ("fine text", ("fsync", fsync_that_fails)),
])
def test_write_atomic_failure_leaves_old_file_and_no_temporary(tmp_path, monkeypatch, text, broken):
    target = tmp_path / "report.md"
    target.write_text("old report\n")
    if broken:
        monkeypatch.setattr(os, *broken)
    with pytest.raises(DiscrepancyError, match="report.md: cannot write"):
        write_atomic(target, text)
    monkeypatch.undo()
    assert target.read_text() == "old report\n"
    assert os.listdir(tmp_path) == ["report.md"]


def test_write_atomic_writes_text_given_in_parts(tmp_path):
    target = tmp_path / "findings.txt"
    write_atomic(target, (f"line {number} – ü\n" for number in range(3)))
    assert target.read_text(encoding="utf-8") == "line 0 – ü\nline 1 – ü\nline 2 – ü\n"


def parts_that_break(problem: Exception):
    yield "first part, written\n"
    raise problem


@pytest.mark.parametrize("parts, error", [
    (["fine\n", "lone surrogate \udc80 late in the text\n"], DiscrepancyError),
    (parts_that_break(OSError(28, "No space left on device")), DiscrepancyError),
    (parts_that_break(RuntimeError("the output's maker failed")), RuntimeError),
])
def test_write_atomic_a_part_that_fails_leaves_old_file_and_no_temporary(tmp_path, parts, error):
    target = tmp_path / "report.md"
    target.write_text("old report\n")
    with pytest.raises(error):
        write_atomic(target, parts)
    assert target.read_text() == "old report\n"
    assert os.listdir(tmp_path) == ["report.md"]


def test_every_output_can_be_written(tmp_path):
    """Whatever the input, each format's text is something write_atomic accepts."""
    hostile = dataclasses.replace(RATE_5_4, sentence="bad \udc80 byte", value=math.nan)
    result = Result(RESULT.articles, (hostile,), (), ())
    for name, text in [("doc.json", json_document(result)), ("claims.jsonl", claims_jsonl((hostile,))),
                       ("claims.json", claims_json((hostile,))), ("claims.csv", claims_csv((hostile,)))]:
        write_atomic(tmp_path / name, text)
        assert (tmp_path / name).read_text(encoding="utf-8") == text


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(["a", "7", " ", "\n", "\t", "\u00a0", "\u2028", "\x1f", "é", "’"]), max_size=30)
       | st.text(max_size=30))
def test_a_message_on_one_line_is_what_splitting_and_joining_its_words_gives(text):
    assert _one_line(text) == " ".join(text.split())


# Values as the JSON output meets them: JSON's own, and what json_ready turns into them (NaN and infinity,
# dates, tuples, numpy numbers, keys that are no strings, lone surrogates, a str subclass), nested.
_JSON_LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(), st.text(st.characters(blacklist_categories=())),
    st.dates(), st.datetimes(), st.integers(-2**40, 2**40).map(np.int64), st.floats(width=32).map(np.float32),
    st.text(max_size=5).map(lambda text: type("Named", (str,), {})(text)))
_JSON_VALUES = st.recursive(_JSON_LEAVES, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.lists(inner, max_size=3).map(tuple),
    st.dictionaries(st.one_of(st.text(max_size=6), st.integers(), st.booleans()), inner, max_size=4)), max_leaves=20)


@given(_JSON_VALUES, st.sampled_from(["", "  ", "    "]))
@example({"False": None, False: None}, "")  # two names json_ready writes as one (Hypothesis found it)
@example({"x": {1: "a", "1": "b"}}, "  ")
def test_laid_out_is_json_dumps_indented_byte_for_byte(value, margin):
    dumped = json.dumps(json_ready(value), ensure_ascii=False, allow_nan=False, indent=2)
    assert laid_out(value, margin) == dumped.replace("\n", "\n" + margin)


@given(_JSON_VALUES, st.lists(_JSON_VALUES, max_size=3), st.sampled_from(["", "  "]))
def test_laid_out_parts_lay_a_streamed_list_out_as_the_list(value, items, margin):
    # the streamed list in a document, first, last and alone, as SARIF's results are
    for document in ({"head": value, "items": Streamed(iter(items))}, [Streamed(iter(items)), value],
                     Streamed(iter(items))):
        expected = laid_out(_with_lists(document, items), margin)
        assert "".join(laid_out_parts(document, margin)) == expected


def _with_lists(document, items):
    if isinstance(document, Streamed):
        return list(items)
    if isinstance(document, dict):
        return {key: _with_lists(value, items) for key, value in document.items()}
    return [_with_lists(value, items) for value in document] if isinstance(document, list) else document
