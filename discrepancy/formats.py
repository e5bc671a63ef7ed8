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
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from .baseline import Fingerprints, Review
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
    """summary_lines a place at a time (the lines of the findings whose first figure stands there): most severe
    first, then by where the first figure stands, then by message. A large batch has a million flagged findings:
    they are ordered by columns of numbers and each is made only to be written, not all held with their messages
    (nor a tuple or a claim lookup apiece)."""
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
        positions = order[start:end].tolist()
        claim = firsts[positions[0]]   # the findings at one place share it (or, without it, its id)
        path, line, column = _location(None if claim else flagged[positions[0]].claims[0], claim, paths)
        # read as columns, not as a Finding apiece: the line needs only these three
        here = flagged.at(positions)
        where = f"{path}:{line}:{column}: "
        # A place's lines in one part: a part a line cost each writer a call for each of a million lines.
        yield "".join([f"{where}{verdict}: {_one_line(quantity)}: {_one_line(message)}\n" for message, verdict, quantity
                       in sorted(zip(here.messages(), here.verdicts(), here.quantities()), key=_message_of)])


def _message_of(line: tuple[str, str, str]) -> str:
    return line[0]


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
    fingerprints = Fingerprints(claims)
    members = {
        "articles": ({name: getattr(article, name) for name in ARTICLE_FIELDS} for article in result.articles),
        "claims": (claim_record(claim) for claim in result.claims),
        "findings": (_finding_record(finding, fingerprints, review) for finding in result.findings),
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
        yield f",\n  {_dumps('review')}: " + laid_out(_review_record(review, fingerprints), "  ")
    yield "\n}\n"


def _json_list(records: Iterable) -> Iterator[str]:
    """A list member of the document, an item at a time, as json.dumps(indent=2) writes it."""
    opened = False
    for record in records:
        yield ",\n    " if opened else "[\n    "
        yield laid_out(record, "    ")
        opened = True
    yield "\n  ]" if opened else "[]"


def laid_out(value, margin: str = "") -> str:
    """json.dumps(json_ready(value), ensure_ascii=False, allow_nan=False, indent=2), byte for byte, each line
    after the first starting with `margin`. json lays out an indented document in Python, a value at a time
    through generators, after json_ready has copied it: here a value's members are written in one loop,
    strings and numbers as json writes them (its C string encoder, float's and int's repr). At 10,000 articles
    the JSON output's 250,000 findings and 100,000 figures took 15 s that way."""
    kind = type(value)
    scalar = _SCALAR_TEXT.get(kind)
    if scalar is not None:
        return scalar(value)
    inner = margin + "  "
    if kind is dict:
        if not value:
            return "{}"
        try:
            texts = [(_KEY_TEXT.get(key) or _key_text(key)) + _member_text(item, inner) for key, item in value.items()]
        except _KeyNotString:  # keys json_ready writes as strings, perhaps two as one ({"1": a, 1: b})
            return laid_out(_string_keyed(value), margin)
    elif kind is list or kind is tuple:
        if not value:
            return "[]"
        texts = [_member_text(item, inner) for item in value]
    else:
        return laid_out(json_ready(value), margin)  # a date, a numpy number, a str subclass: as json_ready makes it
    opening, closing = ("{", "}") if kind is dict else ("[", "]")
    return opening + "\n" + inner + (",\n" + inner).join(texts) + "\n" + margin + closing


class Streamed:
    """A list in a document laid out in parts (laid_out_parts): its items made and laid out one at a time."""

    def __init__(self, items: Iterable):
        self.items = items


def laid_out_parts(value, margin: str = "") -> Iterator[str]:
    """laid_out(value)'s text in parts, each Streamed list in it written an item at a time as its items come,
    never all held (a SARIF log's 100,000 results). Laid out with the Streamed lists given as lists, the text
    is the same."""
    kind = type(value)
    if kind is Streamed:
        inner, opened = margin + "  ", False
        for item in value.items:
            yield (",\n" if opened else "[\n") + inner + laid_out(item, inner)
            opened = True
        yield "\n" + margin + "]" if opened else "[]"
    elif (kind is dict or kind is list or kind is tuple) and value:
        if kind is dict and not all(type(key) is str for key in value):
            value = _string_keyed(value)
        inner = margin + "  "
        members = value.items() if kind is dict else ((None, item) for item in value)
        for number, (key, item) in enumerate(members):
            yield ("{" if kind is dict else "[") + "\n" + inner if number == 0 else ",\n" + inner
            if kind is dict:
                yield _KEY_TEXT.get(key) or _key_text(key)
            yield from laid_out_parts(item, inner)
        yield "\n" + margin + ("}" if kind is dict else "]")
    else:
        yield laid_out(value, margin)


def _member_text(value, margin: str) -> str:
    # an ASCII string without a call of its own: most members of most records are one
    if type(value) is str and value.isascii():
        return _encode_string(value)
    return laid_out(value, margin)


class _KeyNotString(Exception):
    """A member's name that is no string: the mapping is laid out as json_ready makes it."""


def _key_text(key) -> str:
    """A member's name as json writes it, with the colon: the few names records share are kept written."""
    if type(key) is not str:
        raise _KeyNotString
    text = _string_text(key) + ": "
    if len(_KEY_TEXT) < 4096:
        _KEY_TEXT[key] = text
    return text


def _string_keyed(mapping: dict) -> dict:
    """The mapping with its names as json_ready writes them: str(name), the last value of names alike."""
    return {str(key): item for key, item in mapping.items()}


def _string_text(text: str) -> str:
    return _encode_string(text if text.isascii() else LONE_SURROGATE.sub("\ufffd", text))


_encode_string = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) writes a string with
_KEY_TEXT: dict[str, str] = {}
_SCALAR_TEXT = {
    str: _string_text,
    int: int.__repr__,
    float: lambda number: float.__repr__(number) if math.isfinite(number) else "null",
    bool: lambda truth: "true" if truth else "false",
    type(None): lambda _: "null",
}


def _review_record(review: Review, fingerprints: Fingerprints) -> dict:
    return {
        "suppressed": [_finding_record(finding, fingerprints, review) for finding in review.suppressed],
        "baselined": [_finding_record(finding, fingerprints, review) for finding in review.baselined],
        "unused_suppressions": [dataclasses.asdict(item) for item in review.unused_suppressions],
        "stale_baseline": [entry.as_record() for entry in review.stale_entries],
    }


def _finding_record(finding: Finding, fingerprints: Fingerprints, review: Review | None) -> dict:
    record = finding.as_record()
    return record if review is None else record | {"fingerprint": fingerprints(finding)}


def claims_json(claims: tuple[Claim, ...] | list[Claim]) -> str:
    """The claims as one JSON array of records."""
    return "".join(claims_json_parts(claims))


def claims_json_parts(claims: Iterable[Claim]) -> Iterator[str]:
    """claims_json's text a record at a time."""
    yield from laid_out_parts(Streamed(map(claim_record, claims)))
    yield "\n"


def claims_jsonl(claims: tuple[Claim, ...] | list[Claim]) -> str:
    """The claims as JSON Lines: one record per line, nothing else on it."""
    return "".join(claims_jsonl_lines(claims))


def claims_jsonl_lines(claims: Iterable[Claim]) -> Iterator[str]:
    """claims_jsonl's lines one at a time."""
    for claim in claims:
        line = _dumps(claim_record(claim))
        yield (line if line.isascii() else line.translate(JSONL_LINE_BREAKS)) + "\n"


def claim_record(claim: Claim) -> dict:
    """The claim's record with its fields in CLAIM_COLUMNS order."""
    record = claim.as_record()
    return {name: record[name] for name in CLAIM_COLUMNS if name in record} | record


def _dumps(value) -> str:
    return _ONE_LINE_JSON(json_ready(value))


# json.dumps(value, ensure_ascii=False, allow_nan=False), without the encoder it makes for each call
_ONE_LINE_JSON = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode


def json_ready(value):
    """The value with only what JSON can hold: no NaN, no dates, no tuples, no odd numbers."""
    kind = type(value)  # the common types first, without the number ABCs' slow isinstance tests
    if kind is str:
        return value if value.isascii() else LONE_SURROGATE.sub("\ufffd", value)
    if kind is float:
        return value if math.isfinite(value) else None
    if kind is int or kind is bool or value is None:
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
    return "".join(claims_csv_parts(claims))


def claims_csv_parts(claims: Iterable[Claim], rows_per_part: int = 2000) -> Iterator[str]:
    """claims_csv's text in parts of `rows_per_part` rows: a large batch's table is never held whole."""
    def row(claim: Claim) -> list[str]:
        record = claim.as_record()
        return [csv_cell(record[name]) for name in CLAIM_COLUMNS]
    return _csv_parts(CLAIM_COLUMNS, map(row, claims), rows_per_part)


def _csv_parts(header: Sequence[str], rows: Iterable[list], rows_per_part: int) -> Iterator[str]:
    """A CSV table, written a part of `rows_per_part` rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for number, row in enumerate(rows, 1):
        writer.writerow(row)
        if number % rows_per_part == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_cell(value) -> str:
    """One cell's text: numbers without a needless ".0", missing and NaN as empty."""
    value = json_ready(value)
    kind = type(value)  # what json_ready gives: str, float, int, bool or None, a list or a dict
    if kind is str:
        return "'" + value if value.startswith(FORMULA_START) else value  # "'=1+1": text to a spreadsheet
    if value is None:
        return ""
    if kind is float and value.is_integer():
        return str(int(value))
    return str(value)


def findings_csv(result: Result) -> str:
    """Every finding as a CSV row of FINDING_COLUMNS: where each of its two figures is, and why."""
    return "".join(findings_csv_parts(result))


def findings_csv_parts(result: Result, rows_per_part: int = 2000) -> Iterator[str]:
    """findings_csv's text in parts of `rows_per_part` rows: a large batch's table is never held whole (at
    10,000 articles its 250,000 rows took 350 MB in one buffer and its copy)."""
    claims = {claim.id: claim for claim in result.claims}
    articles = {article.id: article for article in result.articles}
    fingerprints = Fingerprints(claims)
    cells = _FigureCells(claims, articles)

    def row(finding: Finding) -> list[str]:
        return [*map(csv_cell, (finding.verdict, finding.quantity, finding.group, _one_line(finding.message))),
                *cells(finding.claims[0]), *cells(finding.claims[1]), csv_cell(fingerprints(finding))]
    return _csv_parts(FINDING_COLUMNS, map(row, result.findings), rows_per_part)


class _FigureCells:
    """A figure's five cells of a finding's row (file, line, column, figure, article), written once for the
    findings near each other: a figure is in many findings, those of its group, which come together (at
    10,000 articles, 100,000 figures in 250,000 rows). The last KEPT figures' cells are kept, not a batch's
    million."""

    KEPT = 50_000

    def __init__(self, claims: dict[str, Claim], articles: dict[str, Article]):
        self.claims, self.articles = claims, articles
        self.kept: dict[str, list[str]] = {}

    def __call__(self, claim_id: str) -> list[str]:
        cells = self.kept.get(claim_id)
        if cells is None:
            if len(self.kept) >= self.KEPT:
                self.kept.clear()
            cells = self.kept[claim_id] = [*map(csv_cell, _figure_cells(self.claims.get(claim_id), claim_id,
                                                                        self.articles))]
        return cells


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
