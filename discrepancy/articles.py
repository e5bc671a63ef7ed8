"""Reads the batch: text, Markdown and JSON Lines files (or stdin) into Article values.

A problem with one file or one JSON line is yielded as an InputError and the rest of the
batch goes on; nothing here raises for bad input. Each article gets its title, publication
date and page-furniture spans, all found in its text unless a JSON record gives them.
"""
from __future__ import annotations

import datetime as dt
import errno
import functools
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator, Sequence, TextIO

import regex
from dateparser.date import DateDataParser

from .decoding import NotText, bounded_lines, cut_text, decode_bytes, end_at_break, open_article_file, read_head
from .errors import ArticleCut, InputError, RuleError, printable
from .models import Article
from .numbers import MONTH_STARTS
from .rules import BUNDLED_RULES, RuleSet
from .timeline import WEEKDAYS

ARTICLE_SUFFIXES = (".txt", ".md", ".jsonl")  # read from directories; other files there are skipped
HEAD_LINES = 10  # title and dateline sit in the first lines of a page; looking further finds body dates
TITLE_MAX_WORDS = 25
DATELINE_MAX_WORDS = 12  # longer lines are sentences: a date in them is an event, not publication
DATELINE_LEAD_WORDS = 3  # ...unless at most this many words precede it: "ALMATY, Jan 6, 2022 (Reuters) - ..."
LEAD_CHARS = 80  # the words before a date and the date itself fit in this; a paragraph is not scanned whole
HEADING_MAX_CHARS = 80  # a block heading is a short line; longer ones are not looked up
BODY_LINE_MIN_WORDS = 12  # a line this long is a sentence: the article has begun
OPTIONAL_FIELDS = ("title", "source", "url")
# Ten times a long feature: memory stays bounded, and a 50 MB dump is cut there rather than read whole.
MAX_ARTICLE_BYTES = 1_000_000
JSON_LINE_FACTOR = 4  # a JSON line may escape its text ("\u00e9"): it may take this many bytes per byte
LONE_SURROGATE = regex.compile(r"[\ud800-\udfff]")
DATE_MAX_CHARS = 80  # a longer 'published' is no date: dateparser would take seconds over it
FURNITURE_FILE = str(BUNDLED_RULES / "furniture.toml")

MONTH = r"""(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?
               |aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"""

# Substrings that may be a date with a year; dateparser reads them (whole-text search is too slow).
DATE_CANDIDATE = regex.compile(
    rf"""
    (?<!\w)(?:
        \d{{4}}-\d{{2}}-\d{{2}}                              # 2022-01-10, also before T13:54:00Z
      | \d{{1,2}}[.-]\d{{1,2}}[.-]\d{{4}}                     # 06.01.2022: day first (Sputnik, TASS)
      | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+\d{{4}}  # 10 January 2022, 3rd of March, 2021
      | {MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}       # January 4, 2022; Jan 22nd, 2022
      | {MONTH},?\s+\d{{4}}                                   # March 2021: the day is taken as the 1st
    )(?!\d)                                                   # not the start of a longer number
    """,
    regex.IGNORECASE | regex.VERBOSE,
)
# A wire dateline that gives the day and not the year: "MARRAKECH, Sept 9 (Reuters) -", "KYIV, Ukraine, March 3
# (AP) —", "WASHINGTON, Jan. 5 -": the city in capitals (its state or country after it), the month and day, the
# agency perhaps, then a dash.
WIRE_DATELINE = regex.compile(
    rf"""
    \A\p{{Lu}}[\p{{Lu}}.'’ -]*\p{{Lu}}(?:,\s*\p{{Lu}}[\p{{L}}.'’ -]*){{0,2}},\s*
    (?P<month>(?i:{MONTH}))\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)
    \s*(?:\([^()\n]{{1,40}}\)\s*)?[-–—]
    """,
    regex.VERBOSE,
)
WEEKDAY = regex.compile(rf"\b(?:{'|'.join(day.title() for day in WEEKDAYS)})\b")
WIRE_YEARS_BACK = 15  # a day of the year falls on each weekday within 11 years (29 February within 28)
ISO_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}")
MARKDOWN_TITLE = regex.compile(r"^#\s+(.+?)\s*#*\s*$")
# Decoration around a heading line that does not change which heading it is: "## Related:", "Trending »".
HEADING_DECORATION = regex.compile(r"^[#*_\s]+|[\s*_:»›>|]+$")

DATE_PARSER = DateDataParser(
    languages=["en"],
    settings={
        "DATE_ORDER": "DMY",  # 06.01.2022 is 6 January on the sites that print dotted dates
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["month", "year"],  # "Monday" alone is no publication date
        "PARSERS": ["custom-formats", "absolute-time"],  # no "2 days ago", no bare timestamps
        "RETURN_AS_TIMEZONE_AWARE": False,
    },
)


@dataclass(frozen=True)
class Furniture:
    """Compiled furniture rules: headings that open a block to the end, patterns that mark one line."""

    headings: frozenset[str]
    patterns: tuple[regex.Pattern, ...]  # each rule pattern as written, for tests and messages
    # For speed the same patterns are tried in two ways: those anchored at the line start as one
    # alternation (it fails at the first character), the others one by one (joined, they are slower).
    line_start: regex.Pattern
    elsewhere: tuple[regex.Pattern, ...]

    def opens_block(self, line: str) -> bool:
        return len(line) < HEADING_MAX_CHARS and heading_key(line) in self.headings

    def marks_line(self, line: str) -> bool:
        line = line.strip()
        return self.line_start.search(line) is not None or any(p.search(line) for p in self.elsewhere)

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """Character spans of furniture in `text`: marked lines, then the block to the end."""
        spans, article_begun = [], False
        for start, line in lines_of(text):
            if not line or line.isspace():
                continue
            # A heading above the first sentence is a menu label ("Latest", "Trending"): one line, no block.
            if article_begun and self.opens_block(line):
                return (*spans, (start, len(text)))
            if self.marks_line(line) or self.opens_block(line):
                spans.append((start, start + len(line)))
            article_begun = article_begun or line.count(" ") + 1 >= BODY_LINE_MIN_WORDS
        return tuple(spans)


@dataclass(frozen=True, slots=True)
class JsonLine:
    """One line of a JSON Lines file, not parsed yet: `json_line_articles` makes it an article (worker
    processes parse a large batch's lines, so the main process only splits the file into them)."""

    text: str
    path: str
    number: int


def read_articles(paths: Sequence[str], rules: RuleSet, stdin: TextIO | None = None,
                  max_article_bytes: int = MAX_ARTICLE_BYTES,
                  unparsed: bool = False) -> Iterator[Article | InputError | JsonLine]:
    """Each article read from `paths` ('-' is JSON Lines on stdin), or an InputError per problem.

    An article longer than `max_article_bytes` is cut there; an ArticleCut says so. With `unparsed`,
    each non-blank JSON line comes as a JsonLine, for `json_line_articles` to read where it is sent.
    """
    reading = _Reading(compile_furniture(rules.furniture), max_article_bytes, unparsed)
    for path in paths:
        path = os.fspath(path)
        if path == "-":
            stream = sys.stdin if stdin is None else stdin
            yield from _jsonl_articles("-", getattr(stream, "buffer", stream), reading)
        elif os.path.isdir(path):
            yield from _read_directory(path, reading)
        else:
            yield from _read_file(path, reading)


def compile_furniture(rule: dict) -> Furniture:
    """The furniture rule compiled once; a bad heading or pattern is a RuleError naming the file."""
    for heading in rule["block_headings"]:
        if not isinstance(heading, str):
            raise RuleError(FURNITURE_FILE, None, f"block heading {heading!r} is not a string")
    patterns = tuple(map(_compile_pattern, rule["line_patterns"]))
    at_start = [p.pattern for p in patterns if p.pattern.startswith("^")]
    # A pattern anchored at the line end is searched backwards from there: one try, not one per character.
    elsewhere = tuple(_compile_pattern(p.pattern, reverse=p.pattern.endswith("$"))
                      for p in patterns if not p.pattern.startswith("^"))
    line_start = _join_patterns(at_start)
    return Furniture(frozenset(map(heading_key, rule["block_headings"])), patterns, line_start, elsewhere)


def _compile_pattern(pattern: object, reverse: bool = False) -> regex.Pattern:
    if not isinstance(pattern, str):
        raise RuleError(FURNITURE_FILE, None, f"line pattern {pattern!r} is not a string")
    try:
        return regex.compile(pattern, regex.IGNORECASE | (regex.REVERSE if reverse else 0))
    except regex.error as error:
        raise RuleError(FURNITURE_FILE, None, f"line pattern {pattern!r} is not a valid regex: {error}") from None


def _join_patterns(patterns: list[str]) -> regex.Pattern:
    try:
        return regex.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", regex.IGNORECASE)
    except regex.error as error:  # each compiles alone: a named group repeated, or a global inline flag
        raise RuleError(FURNITURE_FILE, None, f"line patterns starting with '^' cannot be joined: {error}") from None


def heading_key(line: str) -> str:
    """A heading line reduced to what identifies it: trimmed, one case, no decoration."""
    return " ".join(HEADING_DECORATION.sub("", line).split()).casefold()


def lines_of(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for each line of `text`, without its newline."""
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


# --- files -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    furniture: Furniture
    max_bytes: int
    unparsed: bool = False  # JSON lines left as JsonLine

    @property
    def max_line_bytes(self) -> int:
        return self.max_bytes * JSON_LINE_FACTOR


def _read_directory(directory: str, reading: _Reading) -> Iterator[Article | InputError]:
    files, problems = article_files(Path(directory))
    yield from problems
    if not files and not problems:
        yield InputError(directory, "no .txt, .md or .jsonl files in this directory")
    for path in files:
        yield from _read_file(str(path), reading)


def article_files(directory: Path) -> tuple[list[Path], list[InputError]]:
    """Article files under `directory`, recursively, in a stable order, hidden ones left out; and
    an InputError for each folder that could not be listed.

    Links to folders are not followed (a loop of them would never end); links to files are, and
    a broken one is kept so that reading it names the problem.
    """
    found, problems = [], []

    def unlisted(error: OSError) -> None:
        problems.append(InputError(error.filename, f"cannot list this directory: {_os_problem(error)}"))

    for folder, subfolders, names in os.walk(directory, onerror=unlisted):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found += [Path(folder, name) for name in names
                  if not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES]
    return sorted(found), problems


def _read_file(path: str, reading: _Reading) -> Iterator[Article | InputError]:
    try:
        stream, size = open_article_file(path)
    except OSError as error:
        yield InputError(path, _os_problem(error))
        return
    with stream:
        try:
            if Path(path).suffix.lower() == ".jsonl":
                yield from _jsonl_articles(path, stream, reading)
            else:
                yield from _text_article(path, read_head(stream, reading.max_bytes), size, reading)
        except OSError as error:  # EIO, or the file became unreadable while read
            yield InputError(path, _os_problem(error))


def _text_article(path: str, data: bytes, size: int | None, reading: _Reading) -> Iterator[Article | InputError]:
    cut = len(data) > reading.max_bytes
    try:
        text, _ = decode_bytes(data[:reading.max_bytes], complete=not cut)
    except NotText as error:
        yield InputError(path, str(error))
        return
    text = unix_newlines(end_at_break(text) if cut else text)
    if not text.strip():
        yield InputError(path, "empty file")
        return
    if cut:
        yield ArticleCut(path, _cut_message(size, len(text), reading.max_bytes))
    markdown = Path(path).suffix.lower() == ".md"
    yield build_article(Path(path).stem, path, text, reading.furniture, markdown=markdown)


def _cut_message(size: int | None, kept: int, limit: int) -> str:
    total = f"{size:,} bytes" if size else "more"
    return (f"cut: {total} is over the {limit:,}-byte limit (--max-article-bytes); "
            f"only its first {kept:,} characters were checked")


def _os_problem(error: OSError) -> str:
    if error.errno == errno.ENOENT:
        link = error.filename and os.path.islink(error.filename)
        return "broken symbolic link (its target does not exist)" if link else "no such file or directory"
    if error.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of symbolic links)"
    if error.errno == errno.EISDIR:
        return "is a directory, not a file"
    return (error.strerror or str(error)).lower()


def unix_newlines(text: str) -> str:
    """`text` with Windows and old Mac line ends as '\\n', as Python's text mode reads files."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- JSON Lines --------------------------------------------------------------------------


def _jsonl_articles(path: str, stream: BinaryIO | TextIO, reading: _Reading) -> Iterator[Article | InputError]:
    # Line by line: a file of 100,000 records is never held whole, and one bad line stays one error.
    empty = True
    for number, line in enumerate(bounded_lines(stream, reading.max_line_bytes), start=1):
        if isinstance(line, int):
            empty = False
            yield InputError(path, f"line of {line:,} bytes skipped: over the {reading.max_line_bytes:,}-byte limit "
                                   f"for a JSON line ({JSON_LINE_FACTOR} × --max-article-bytes)", number)
            continue
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                empty = False
                yield InputError(path, "not UTF-8 text", number)
                continue
        if line.strip():
            empty = False
            if reading.unparsed:
                yield JsonLine(line, path, number)
            else:
                yield from _article_from_json(line, path, number, reading)
    if empty:
        yield InputError(path, "empty input" if path == "-" else "empty file")


def json_line_articles(line: JsonLine, furniture: Furniture,
                       max_article_bytes: int = MAX_ARTICLE_BYTES) -> list[Article | InputError]:
    """What read_articles would have given for the line: its article, an InputError, or an ArticleCut
    then the article."""
    return list(_article_from_json(line.text, line.path, line.number, _Reading(furniture, max_article_bytes)))


def _article_from_json(line: str, path: str, number: int, reading: _Reading) -> Iterator[Article | InputError]:
    try:
        record = json.loads(line.rstrip("\r\n"))  # an unclosed string then says so, not "control character"
    except json.JSONDecodeError as error:
        yield InputError(path, f"not valid JSON at column {error.colno}: {error.msg.removesuffix(' at')}", number)
        return
    except RecursionError:
        yield InputError(path, "not valid JSON: nested too deeply", number)
        return
    except ValueError:  # the one other way json.loads fails: an integer too long to convert
        yield InputError(path, "not valid JSON: a number with too many digits", number)
        return
    problem = record_problem(record)
    if problem:
        yield InputError(path, problem, number)
        return
    record = {name: _valid_unicode(value) for name, value in record.items()}
    written = record.get("published")
    published = parse_date(written) if written and len(written) <= DATE_MAX_CHARS else None
    if written and published is None:
        shown = written if len(written) <= DATE_MAX_CHARS else written[:DATE_MAX_CHARS] + "..."
        yield InputError(path, f"'published' is not a date: {shown!r}", number)
        return
    whole = unix_newlines(record["text"])
    text = cut_text(whole, reading.max_bytes)
    if len(text) < len(whole):
        yield ArticleCut(path, _cut_message(len(whole.encode()), len(text), reading.max_bytes), number)
    fields = {name: record.get(name) or None for name in OPTIONAL_FIELDS}
    yield build_article(str(record["id"]), path, text, reading.furniture, published=published, **fields)


def _valid_unicode(value: object) -> object:
    # JSON may escape half a surrogate pair ("\ud800"): no UTF-8 file could hold it.
    return LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def record_problem(record: object) -> str | None:
    """What makes a JSON record unusable as an article, or None."""
    if not isinstance(record, dict):
        return "a record must be a JSON object"
    if not isinstance(record.get("id"), (str, int)) or isinstance(record["id"], bool) or record["id"] == "":
        return "record needs an 'id' (a string or an integer)"
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        return "record needs a non-empty 'text' string"
    for name in (*OPTIONAL_FIELDS, "published"):
        if record.get(name) is not None and not isinstance(record[name], str):
            return f"'{name}' must be a string"
    return None


# --- title, date, furniture of one article -----------------------------------------------


def build_article(id: str, path: str, text: str, furniture: Furniture, *, markdown: bool = False,
                  title: str | None = None, published: dt.date | None = None,
                  source: str | None = None, url: str | None = None) -> Article:
    """An Article with what the caller knows, the rest (title, date, furniture) found in its text."""
    spans = furniture.spans(text)
    head = head_lines(text[:spans[-1][0]] if spans and spans[-1][1] == len(text) else text)
    spans = tuple(sorted(set(spans) | set(dateline_spans(text))))
    return Article(
        id=printable(id), path=printable(path), text=text,
        title=title or find_title(text, head, furniture, markdown),
        published=published or find_published(head),
        source=source, url=url, furniture=spans,
    )


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Short date lines at the top ("date 2022-01-10 0", "Monday 10 January 2022 - 13:54"): page furniture,
    so that their stray numbers are not read as figures."""
    spans, seen = [], 0
    for offset, line in lines_of(text):
        if seen == HEAD_LINES:
            break
        if line.strip():
            seen += 1
            if len(line.split()) <= DATELINE_MAX_WORDS and dateline_date(line.strip()):
                spans.append((offset, offset + len(line)))
    return spans


def head_lines(text: str) -> list[str]:
    """The first non-empty lines of `text` (which stops before any furniture block), trimmed."""
    head = []
    for _, line in lines_of(text):
        if len(head) == HEAD_LINES:
            break
        if line.strip():
            head.append(line.strip())
    return head


def find_title(text: str, head: list[str], furniture: Furniture, markdown: bool) -> str | None:
    """The Markdown '# ' heading, else the first head line that reads like a headline."""
    if markdown:
        heading = next(filter(None, map(MARKDOWN_TITLE.match, text.split("\n"))), None)
        if heading:
            return heading.group(1)
    return next((line for line in head if looks_like_headline(line, furniture)), None)


def looks_like_headline(line: str, furniture: Furniture) -> bool:
    words = len(line.split())
    return (2 <= words <= TITLE_MAX_WORDS and dateline_date(line) is None
            and not furniture.marks_line(line) and not furniture.opens_block(line))


def find_published(head: list[str], today: dt.date | None = None) -> dt.date | None:
    """The date of the first dateline among the head lines; else the day a wire dateline gives, in the latest
    year that does not put it after `today` (the day the batch is read: wire copy leaves the year out)."""
    return next(filter(None, map(dateline_date, head)), None) \
        or next(filter(None, (wire_dateline_day(line, today or dt.date.today()) for line in head)), None)


def wire_dateline_day(line: str, today: dt.date) -> dt.date | None:
    """The day a wire dateline without a year names ("MARRAKECH, Sept 9 (Reuters) - ..."), in the latest year
    that does not put it after `today` (a day's slack for time zones) and in which it falls on a weekday the lead
    names ("... the ministry said on Saturday": 9 September was a Saturday in 2023), else None. Where the lead
    names no weekday, or none fits within WIRE_YEARS_BACK years, the latest year."""
    found = WIRE_DATELINE.match(line)
    if found is None:
        return None
    month, day = MONTH_STARTS.index(found.group("month")[:3].title()) + 1, int(found.group("day"))
    named = {WEEKDAYS.index(w.group().lower()) for w in WEEKDAY.finditer(line, found.end())}
    days = []
    for year in range(today.year, today.year - WIRE_YEARS_BACK, -1):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue  # 29 February of a common year
        if date <= today + dt.timedelta(days=1):
            days.append(date)
    return next((date for date in days if date.weekday() in named), days[0] if days else None)


def dateline_date(line: str) -> dt.date | None:
    """The date a dateline gives: a short line with a date, or a date opening a longer one."""
    short = len(line.split()) <= DATELINE_MAX_WORDS
    searched = line if short else line[:LEAD_CHARS]
    for candidate in DATE_CANDIDATE.finditer(searched):
        if short or len(searched[:candidate.start()].split()) <= DATELINE_LEAD_WORDS:
            date = parse_date(candidate.group())
            if date:
                return date
    return None


def parse_date(text: str) -> dt.date | None:
    """The date `text` names (ISO, or any form dateparser reads with a month and year), or None."""
    iso = ISO_DATE.match(text.strip())
    if iso:
        try:
            return dt.date.fromisoformat(iso.group())
        except ValueError:
            return None
    return _parse_with_dateparser(" ".join(text.split()).casefold())


@functools.lru_cache(maxsize=8192)
def _parse_with_dateparser(text: str) -> dt.date | None:
    # Cached: a batch repeats the same few dates, and dateparser takes about a millisecond each.
    parsed = DATE_PARSER.get_date_data(text).date_obj
    return parsed.date() if parsed else None
