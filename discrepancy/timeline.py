"""When each figure holds: the days its sentence's time words mean, read against the article's date.

"16 dead, the ministry said on Monday" in an article of Wednesday 12 January holds on Monday
10 January; "killed last week" holds over the seven days of the week before. A figure with no
such words holds on its article's publication date; an undated article's figures are undated,
unless their words carry a full date of their own.

Relative words are resolved with dateparser against the article's date (RELATIVE_BASE); bare
weekdays and whole weeks and months are resolved here, since dateparser gives "Monday" in an
article of a Monday as the Monday before, and "last week" as a single day.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence

import dateparser
import regex

from .models import Article, Claim, replaced
from .numbers import MONTH_STARTS
from .patterns import folded, folded_word_starts, match_start, matches_at

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|" \
          r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
_DAY_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_TIME_WORDS = rf"""
    (?:
        (?P<weekday>(?:(?:on|last|this|early|late)\s+)?           # on monday, last tuesday
            (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday){_DAY_PART})
      | (?P<date>(?:on\s+)?(?:
            \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}        # 6 january, 6th of jan
          | {_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b                # january 6, jan. 6th
        )(?:,?\s+(?P<year>(?:19|20)\d\d))?)                         # an optional year
      | (?P<span>(?:last|this|past)\s+(?:week|month)               # a whole week or month
            |the\s+(?:past|last)\s+(?:week|month))
      | (?P<relative>yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)
            |(?:\d+|two|three|four|five|six|seven|ten)\s+days\s+ago)
      | (?P<earlier>(?:a|one|\d+|two|three|four|five|six|seven|ten)\s+days?\s+(?:earlier|before)  # a day earlier
            |the\s+(?:previous\s+day|day\s+before(?!\s+yesterday)))
    )\b
    """
TIME_WORDS = regex.compile(rf"\b{_TIME_WORDS}", regex.X | regex.I)
# The first word of each of TIME_WORDS's phrases (a month's by its first three letters; "the" with the word
# after it, as most "the"s start none) and, for a date or a figure of days, a digit or a character that is
# neither ASCII nor a word or space to Python (digits newer than its Unicode data): where a match can start,
# found in the folded text by the stdlib engine (folded_word_starts), three times faster than the regex module
# tries the case-blind alternation at every word. TIME_WORDS is matched at each place found, so that what is
# found is what TIME_WORDS.finditer finds.
_MONTHS_FOLDED = [month.lower() for month in MONTH_STARTS]
_FIRST_WORDS = ("on", "last", "this", "early", "late", "the past", "the last", "past", "yesterday", "today",
                "tonight", *WEEKDAYS, *_MONTHS_FOLDED, "two", "three", "four", "five", "six", "seven", "ten",
                "a day", "one day", "the previous", "the day")
_MONTH_STARTS = "|".join(_MONTHS_FOLDED)
# An ASCII digit starts a match only before a month ("6 January", "21st of Jan.") or "days" ("12 days ago"), which
# few of the digits in a text with figures stand before: the scan looks past the digits (any past ASCII may be
# digits to the regex module), a suffix and the spaces (\W holds both engines' \s) for those words. A run of
# more than eight such characters is let through unread, so that no text makes each start read far.
_DIGIT_START = rf"[0-9](?:[0-9\x80-\U0010ffff]{{8}}|[0-9\x80-\U0010ffff]{{0,7}}(?:st|nd|rd|th)?\W+(?:of\W+)?" \
               rf"(?:{_MONTH_STARTS}|days?))"
TIME_WORD_STARTS = folded_word_starts(_FIRST_WORDS, also=rf"{_DIGIT_START}|[^\x00-\x7f\w\s]|(?![0-9])\d")


def date_figures(article: Article, claims: Sequence[Claim]) -> list[Claim]:
    """The claims with the period each holds over and the words that date it, if any."""
    text = article.text
    found = [(m.start(), m.end(), m) for m in time_words(text)]
    dated = []
    for claim in claims:
        sentence_start = text.find(claim.sentence, max(0, claim.start - len(claim.sentence)))
        span = (sentence_start, sentence_start + len(claim.sentence)) if sentence_start >= 0 else \
            (claim.start, claim.end)
        inside = [item for item in found if span[0] <= item[0] and item[1] <= span[1]]
        nearest = min(inside, key=lambda item: _distance(item, claim), default=None)
        dated.append(_dated(claim, article.published, nearest[2] if nearest else None))
    return dated


def time_words(text: str) -> list[regex.Match]:
    """What TIME_WORDS.finditer(text) gives (see TIME_WORD_STARTS)."""
    return list(matches_at(TIME_WORDS, text, map(match_start, TIME_WORD_STARTS.finditer(folded(text)))))


def _distance(item: tuple[int, int, regex.Match], claim: Claim) -> int:
    start, end, _ = item
    return claim.start - end if end <= claim.start else start - claim.end if start >= claim.end else 0


def _dated(claim: Claim, published: dt.date | None, words: regex.Match | None) -> Claim:
    period = period_of(words, published) if words else None
    if period is None:
        period = (published, published) if published else (None, None)
        words = None
    phrase = " ".join(words.group(0).split()) if words else None
    return replaced(claim, time_phrase=phrase, period_start=period[0], period_end=period[1],
                    published=claim.published or published)


def period_of(words: regex.Match, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day the matched time words mean, or None when they cannot be placed."""
    phrase = " ".join(words.group(0).lower().split())
    if words["date"] and words["year"]:
        day = _parse(phrase.removeprefix("on "), None)
        return (day, day) if day else None
    if published is None:
        return None
    if words["weekday"]:
        return _weekday(phrase, published)
    if words["span"]:
        return _span(phrase, published)
    if words["earlier"]:  # "a day earlier", "the previous day": days before the article's own
        day = published - dt.timedelta(days=_days_back(phrase))
        return day, day
    day = _parse(phrase.removeprefix("on "), published)
    if day and words["date"] and day > published:  # "on 30 December" in an article of 2 January
        day = _parse(f"{phrase.removeprefix('on ')} {published.year - 1}", None)
    return (day, day) if day else None


_DAY_COUNTS = {"a": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


def _days_back(phrase: str) -> int:
    """How many days before the article's date "a day earlier", "3 days before", "the previous day" mean."""
    first = phrase.split()[0]
    return int(first) if first.isdigit() else _DAY_COUNTS[first]


def _weekday(phrase: str, published: dt.date) -> tuple[dt.date, dt.date]:
    """The named weekday on or before the article's date; "last Monday" is the one before that."""
    name = next(day for day in WEEKDAYS if day in phrase)
    back = (published.weekday() - WEEKDAYS.index(name)) % 7
    if phrase.startswith("last ") and back == 0:
        back = 7
    day = published - dt.timedelta(days=back)
    return day, day


def _span(phrase: str, published: dt.date) -> tuple[dt.date, dt.date]:
    """A whole week (Monday to Sunday) or calendar month; "this" is the current one, "past" the days before."""
    if "week" in phrase:
        if phrase.startswith(("past", "the past", "the last")):
            return published - dt.timedelta(days=7), published
        monday = published - dt.timedelta(days=published.weekday())
        if phrase.startswith("this"):
            return monday, published
        return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    if phrase.startswith(("past", "the past", "the last")):
        return published - dt.timedelta(days=30), published
    first = published.replace(day=1)
    if phrase.startswith("this"):
        return first, published
    last_month_end = first - dt.timedelta(days=1)
    return last_month_end.replace(day=1), last_month_end


@functools.lru_cache(maxsize=4096)
def _parse(phrase: str, base: dt.date | None) -> dt.date | None:
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day"] if base is None else []}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time(12))
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def same_window(a: Claim, b: Claim) -> bool | None:
    """Whether two figures hold over overlapping periods; None when either is undated."""
    if a.period_start is None or b.period_start is None:
        return None
    return a.period_start <= b.period_end and b.period_start <= a.period_end
