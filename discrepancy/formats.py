"""Machine outputs of a run: editor-style finding lines, one JSON document, claim and finding tables.

Every output is valid for any input: NaN and infinity become null (or an empty cell),
dates become ISO strings, and claim order is the order the claims came in.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import math
import numbers
import re
from array import array
from collections.abc import Iterable, Iterator

import numpy as np

from .baseline import Review, fingerprint
from .findings import Findings
from .models import FLAGGED, Article, Claim, Finding, Result
from .report import escape_markdown

_NAMED_COLUMNS = ("id", "article", "text", "value", "low", "high", "qualifier", "unit", "direction",
                  "quantity", "scope", "place", "source", "sentence", "line", "column")
# Fields added to Claim later still reach every output, after the named ones.
CLAIM_COLUMNS = _NAMED_COLUMNS + tuple(name for name in Claim.__dataclass_fields__
                                       if name not in _NAMED_COLUMNS)
ARTICLE_FIELDS = ("id", "path", "title", "published", "source", "url")
FINDING_COLUMNS = ("verdict", "quantity", "group", "message", "file", "line", "column", "figure", "article",
                   "other_file", "other_line", "other_column", "other_figure", "other_article", "fingerprint")
# Articles read from these have no line of their own in the file: their lines count within the record.
RECORD_SOURCES = (".jsonl",)

# A lone surrogate (from undecodable bytes) cannot be written as UTF-8.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters json leaves raw that str.splitlines() and some JSONL readers treat as line ends.
JSONL_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --- finding lines -------------------------------------------------------------------------

def summary_lines(result: Result) -> str:
    """One `article:line:column: verdict: quantity: message` line per flagged finding."""
    return "".join(summary_parts(result))


def summary_parts(result: Result) -> Iterator[str]:
    """summary_lines a line at a time: most severe first, then by where the first figure stands, then by
    message. A large batch has a million flagged findings: they are ordered by columns of numbers and each
    is made only to be written, not all held with their messages (nor a tuple or a claim lookup apiece)."""
    paths = {article.id: article.path for article in result.articles}
    flagged = result.findings.flagged()
    if not len(flagged):
        return
    firsts = flagged.first_claims(result.claims)
    places = _places(flagged, firsts, paths)
    order = np.lexsort(places[::-1])  # stable: findings at one place stay in their order
    moves = np.zeros(len(order) - 1, dtype=bool)   # where the next finding stands elsewhere
    for column in places:
        placed = column[order]
        moves |= placed[1:] != placed[:-1]
    starts = [0, *(np.flatnonzero(moves) + 1).tolist(), len(order)]
    del places, placed, moves
    for start, end in zip(starts, starts[1:]):
        findings = sorted((flagged[position] for position in order[start:end].tolist()),
                          key=lambda finding: finding.message)
        path, line, column = _location(findings[0].claims[0], firsts[order[start]], paths)
        for finding in findings:
            yield (f"{path}:{line}:{column}: {finding.verdict}: {_one_line(finding.quantity)}: "
                   f"{_one_line(finding.message)}\n")


def _places(flagged: Findings, firsts: list[Claim | None], paths: dict) -> tuple[np.ndarray, ...]:
    """Each finding's severity rank, then the number of its first figure's file (in sorted order), line and
    column: the columns the lines are sorted by."""
    ranks = np.fromiter(map(FLAGGED.index, flagged.verdicts()), dtype=np.int8, count=len(flagged))
    files: list[str] = []
    lines, columns = array("q"), array("q")
    for position, claim in enumerate(firsts):
        path, line, column = _location(None if claim else flagged[position].claims[0], claim, paths)
        files.append(path)
        lines.append(line)
        columns.append(column)
    number = {path: rank for rank, path in enumerate(sorted(set(files)))}
    file_ranks = np.fromiter(map(number.__getitem__, files), dtype=np.int32, count=len(files))
    del files
    return ranks, file_ranks, np.frombuffer(lines, dtype=np.int64), np.frombuffer(columns, dtype=np.int64)


def _location(claim_id: str | None, claim: Claim | None, paths: dict) -> tuple[str, int, int]:
    """Where an editor should jump: the finding's first figure (`claim`, None when the result does not hold
    the figure `claim_id`), in its article's file."""
    if claim is None:
        return claim_id, 0, 0
    return paths.get(claim.article, claim.article), claim.line, claim.column


def _one_line(text: str) -> str:
    # Printable text holds no whitespace but the plain space: with no two together and none at either end,
    # the split and join would give it back (most messages are so; a large batch writes millions).
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def file_location(claim: Claim, article: Article | None) -> tuple[str, int | None, int | None]:
    """The file a figure was read from and its line and column there.

    A figure from a JSON Lines record has no line in the file (its line counts within the
    record's text), so only the file is given.
    """
    path = article.path if article else claim.article
    return (path, claim.line, claim.column) if has_file_lines(path) else (path, None, None)


def has_file_lines(path: str) -> bool:
    """Whether an article's line numbers are lines of its file (not of a JSON Lines record)."""
    return path != "-" and not path.lower().endswith(RECORD_SOURCES)


# --- JSON ----------------------------------------------------------------------------------

def json_document(result: Result, review: Review | None = None) -> str:
    """The whole run as one JSON document: articles, claims, findings, groups, errors.

    With a review (as the command line gives), each finding carries its fingerprint and a
    "review" part says what was set aside and which suppressions and baseline entries matched nothing.
    """
    return "".join(json_parts(result, review))


def json_parts(result: Result, review: Review | None = None) -> Iterator[str]:
    """json_document's text in pieces, one record at a time: a large batch's millions of findings are
    never all held as records (the text is json.dumps's, indent 2, byte for byte)."""
    claims = {claim.id: claim for claim in result.claims}
    members = {
        "articles": ({name: getattr(article, name) for name in ARTICLE_FIELDS} for article in result.articles),
        "claims": (claim_record(claim) for claim in result.claims),
        "findings": (_finding_record(finding, claims, review) for finding in result.findings),
        "groups": (dataclasses.asdict(group) for group in result.groups),
        "errors": iter(result.errors),
        "stories": (dataclasses.asdict(story) for story in result.stories),
        "stored": iter(result.stored),
    }
    yield "{"
    for number, (name, records) in enumerate(members.items()):
        yield f"{',' if number else ''}\n  {_dumps(name)}: "
        yield from _json_list(records)
    if review is not None:
        yield f",\n  {_dumps('review')}: " + _indented(_dumps(_review_record(review, claims), indent=2), "  ")
    yield "\n}\n"


def _json_list(records: Iterable) -> Iterator[str]:
    """A list member of the document, an item at a time, as json.dumps(indent=2) writes it."""
    opened = False
    for record in records:
        yield ",\n    " if opened else "[\n    "
        yield _indented(_dumps(record, indent=2), "    ")
        opened = True
    yield "\n  ]" if opened else "[]"


def _indented(text: str, margin: str) -> str:
    # A JSON string holds no raw line break: every one in `text` starts a line of its layout.
    return text.replace("\n", "\n" + margin)


def _review_record(review: Review, claims: dict) -> dict:
    return {
        "suppressed": [_finding_record(finding, claims, review) for finding in review.suppressed],
        "baselined": [_finding_record(finding, claims, review) for finding in review.baselined],
        "unused_suppressions": [dataclasses.asdict(item) for item in review.unused_suppressions],
        "stale_baseline": [entry.as_record() for entry in review.stale_entries],
    }


def _finding_record(finding: Finding, claims: dict, review: Review | None) -> dict:
    record = finding.as_record()
    return record if review is None else record | {"fingerprint": fingerprint(finding, claims)}


def claims_json(claims: tuple[Claim, ...] | list[Claim]) -> str:
    """The claims as one JSON array of records."""
    return _dumps([claim_record(claim) for claim in claims], indent=2) + "\n"


def claims_jsonl(claims: tuple[Claim, ...] | list[Claim]) -> str:
    """The claims as JSON Lines: one record per line, nothing else on it."""
    return "".join(_dumps(claim_record(claim)).translate(JSONL_LINE_BREAKS) + "\n"
                   for claim in claims)


def claim_record(claim: Claim) -> dict:
    """The claim's record with its fields in CLAIM_COLUMNS order."""
    record = claim.as_record()
    return {name: record[name] for name in CLAIM_COLUMNS if name in record} | record


def _dumps(value, indent: int | None = None) -> str:
    return json.dumps(json_ready(value), ensure_ascii=False, allow_nan=False, indent=indent)


def json_ready(value):
    """The value with only what JSON can hold: no NaN, no dates, no tuples, no odd numbers."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, numbers.Integral):
        return int(value)  # numpy integers are not ints to json
    if isinstance(value, numbers.Real):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): json_ready(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(item) for item in value]
    return LONE_SURROGATE.sub("\ufffd", str(value))


# --- CSV -----------------------------------------------------------------------------------

def claims_csv(claims: tuple[Claim, ...] | list[Claim]) -> str:
    """The claims as CSV: a header row of CLAIM_COLUMNS, then one row per claim."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CLAIM_COLUMNS)
    for claim in claims:
        record = claim_record(claim)
        writer.writerow([csv_cell(record[name]) for name in CLAIM_COLUMNS])
    return buffer.getvalue()


def csv_cell(value) -> str:
    """One cell's text: numbers without a needless ".0", missing and NaN as empty."""
    value = json_ready(value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value  # shown as text by spreadsheets, never evaluated
    return str(value)


def findings_csv(result: Result) -> str:
    """Every finding as a CSV row of FINDING_COLUMNS: where each of its two figures is, and why."""
    claims = {claim.id: claim for claim in result.claims}
    articles = {article.id: article for article in result.articles}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FINDING_COLUMNS)
    for finding in result.findings:
        figures = [_figure_cells(claims.get(claim_id), claim_id, articles) for claim_id in finding.claims]
        row = [finding.verdict, finding.quantity, finding.group, _one_line(finding.message),
               *figures[0], *figures[1], fingerprint(finding, claims)]
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue()


def _figure_cells(claim: Claim | None, claim_id: str, articles: dict) -> list:
    if claim is None:
        return [None, None, None, claim_id, None]
    path, line, column = file_location(claim, articles.get(claim.article))
    return [path, line, column, claim.text, claim.article]


# --- what was set aside ----------------------------------------------------------------------

def review_section(review: Review) -> str:
    """A Markdown section on the findings set aside and the markers that matched nothing; "" if none."""
    lines = []
    if review.suppressed:
        lines.append(f"- {len(review.suppressed)} flagged finding(s) silenced by comments in the articles.")
    if review.baselined:
        lines.append(f"- {len(review.baselined)} flagged finding(s) already reviewed in the baseline "
                     f"{escape_markdown(str(review.baseline))}.")
    lines += [f"- {escape_markdown(note)}" for note in review.notes()]
    return "## Set aside\n\n" + "\n".join(lines) + "\n" if lines else ""
