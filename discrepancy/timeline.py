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

import bisect
import datetime as dt
import functools
import re
from collections.abc import Sequence

import dateparser
import regex

from .models import Article, Claim, replaced
from .numbers import MONTH_STARTS
from .patterns import folded, match_start, matches_at, separated_word_starts, spaced

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
# found in " " + the folded text by the stdlib engine (separated_word_starts), faster than the regex module
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
TIME_WORD_STARTS = separated_word_starts(_FIRST_WORDS, also=rf"{_DIGIT_START}|[^\x00-\x7f\w\s]|(?![0-9])\d")


# What a running total is counted since the start of, when no date says when that was: "since the war began".
_EVENT_NOUNS = "war|fighting|conflict|violence|unrest|crisis|clashes|protests|uprising|invasion|pandemic|epidemic|" \
               "outbreak|insurgency|offensive|siege|hostilities|crackdown|revolution"
# The spelled counts of years, months or decades the year words read ("over the past two decades", "15 months of
# the uprising"), and the alternation of them and of digits.
_YEAR_WORD_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                     "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18, "twenty": 20}
_COUNT = r"\d+|" + "|".join(_YEAR_WORD_COUNTS)

# Words that put a figure in a year or over years: a past event in an article's background ("since 2015, when 69
# people died", "a similar quake in 2011 killed 300", "the 2004 tsunami killed 230,000") or a running total over a
# stretch of years ("more than 1,000 have died over the past decade", "since 2015, 40 journalists were killed",
# "this year"). "since" after a superlative ("the worst flooding since 2015") compares with that year, dates nothing.
YEAR_WORDS = regex.compile(rf"""
    \b(?:(?P<since_when>since\s+(?:{_MONTHS}\s+)?(?:19|20)\d\d,?\s+when)
  | (?P<in_year>(?:in|during|of|the)\s+(?:(?:early|late|mid-?)\s*)?(?:{_MONTHS}\s+)?(?:19|20)\d\d(?![\d-]|\s*[-–/]\s*\d))
  | (?P<since>since\s+(?:{_MONTHS}\s+)?(?:19|20)\d\d(?![\d-]))
  | (?P<years_back>(?:over|in|during|for|within)\s+the\s+(?:past|last|previous)\s+
        (?:decade|(?P<count>{_COUNT})\s+(?P<unit>years|decades)))
  | (?P<calendar_year>(?:this|last)\s+year|since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year)
  | (?P<stretch>(?P<stretch_count>{_COUNT})
        \s+(?P<stretch_unit>months|years|decades)\s+of\s+(?:the\s+)?(?:[\p{{L}}-]+\s+){{0,3}}?(?:{_EVENT_NOUNS}))
  | (?P<since_began>since\s+(?:the\s+)?(?:{_EVENT_NOUNS})\s+(?:began|begun|started|broke\s+out|erupted)
      | since\s+the\s+(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?(?:[\p{{L}}-]+\s+){{0,2}}?(?:{_EVENT_NOUNS}))\b)
    """, regex.X | regex.I)
# Where a YEAR_WORDS match can start, found in " " + the folded text by the stdlib engine (see TIME_WORD_STARTS): each
# alternative's first word with what must follow it, loosely ("\W" holds both engines' spaces, a month is any
# short word, a year's last two digits any characters), so that YEAR_WORDS is tried at a few places, not at every
# "in" and "the". A whole scan of YEAR_WORDS was a third of the time dating an article took.
YEAR_WORD_STARTS = re.compile(rf"""[^a-z0-9_](?=
    since\W
  | (?:in|during|of|the)\W+(?:(?:early|late|mid)-?\W*)?(?:[a-z]{{3,9}}\.?\W+)?(?:19|20)..
  | (?:over|in|during|for|within)\W+the\W+(?:past|last|previous)\W
  | (?:this|last)\W+year
  | (?:{_COUNT})\W+
        (?:months|years|decades)\W+of\W)""", re.X)
def date_figures(article: Article, claims: Sequence[Claim]) -> list[Claim]:
    """The claims with the period each holds over and the words that date it, if any."""
    if not claims:  # no need to look for time words
        return []
    text = article.text
    spaced_text = spaced(text)
    found = [(m.start(), m.end(), m) for m in (*time_words(text, spaced_text), *year_words(text, spaced_text))]
    compared = _Compared(text, claims)
    dated = []
    for claim in claims:
        sentence_start = text.find(claim.sentence, max(0, claim.start - len(claim.sentence)))
        span = (sentence_start, sentence_start + len(claim.sentence)) if sentence_start >= 0 else \
            (claim.start, claim.end)
        inside = [item for item in found if span[0] <= item[0] and item[1] <= span[1]
                  and (item[2].re is not YEAR_WORDS or _year_of_figure(text, item, claim))
                  and not _dateline_date(text, item) and not compared.dates_another(item, claim)]
        if not inside:  # most figures: none of the article's time words stand in their sentence
            dated.append(_dated(claim, article.published, None))
            continue
        nearest = min(_in_own_clause(text, _unless_naming_event(text, inside, claim), claim),
                      key=lambda item: _distance(item, claim))
        words = nearest[2]
        dated.append(_dated(claim, _base_day(article.published, words, compared, claim, dated),
                            words, running=_past_the_when_clause(text, words, claim) or _since_day(text, words)))
    return dated


def _base_day(published: dt.date | None, words: regex.Match, compared: _Compared, claim: Claim,
              dated: list[Claim]) -> dt.date | None:
    """The day the figure's time words count from: the article's, but for days before the one of the figure it is
    compared with ("The toll rose to 40 on Tuesday, up from 32 a day earlier": the 32 holds on Monday)."""
    if words.re is YEAR_WORDS or not words["earlier"]:
        return published
    compared_with = compared.compared_with(claim)
    if compared_with is None:
        return published
    before = next((c for c in reversed(dated) if c.id == compared_with.id), None)
    return before.period_start if before is not None and before.time_phrase and before.period_start else published


# Before a figure that another is compared with: "32,640 displaced, up from 24,000 a day earlier".
COMPARED_WITH = regex.compile(r"\b(?:from|than|compared\s+(?:with|to)|against|versus|vs\.?)\s+\Z", regex.I)


class _Compared:
    """An article's figures in text order, asked whether time words date another figure than the one asked of."""

    def __init__(self, text: str, claims: Sequence[Claim]):
        self.text, self.claims = text, sorted(claims, key=lambda c: c.start)
        self.starts = [c.start for c in self.claims]

    def compared_with(self, claim: Claim) -> Claim | None:
        """The figure before this one in its sentence that it is compared with ("40, up from 32"), if any."""
        at = bisect.bisect_left(self.starts, claim.start)
        before = self.claims[at - 1] if at > 0 else None
        if before is None or before.sentence != claim.sentence:
            return None
        return before if COMPARED_WITH.search(self.text, before.end, claim.start) is not None else None

    def dates_another(self, item: tuple[int, int, regex.Match], claim: Claim) -> bool:
        """Whether time words after the figure follow another that it is compared with, and date that one
        ("32,640 people had been displaced, up from 24,000 a day earlier": the 32,640 holds on the article's day)."""
        if item[0] < claim.end:
            return False
        between = self.claims[bisect.bisect_left(self.starts, claim.end):bisect.bisect_left(self.starts, item[0])]
        return any(other.end <= item[0] and COMPARED_WITH.search(self.text, claim.end, other.start) is not None
                   for other in between)


POSSESSIVE = ("'s", "’s")
# Before time words, in their clause: a relative clause that tells which event ("the plane that crashed in Nepal on
# Sunday"). Read backwards from the time words, in one try.
EVENT_CLAUSE = regex.compile(r"\b(?:that|which)\s+[^,;:.()]{0,60}\Z", regex.I | regex.REVERSE)


# Before time words: a verb of saying, perhaps with whom it was told ("said on Monday", "told reporters on Monday").
# Read backwards from the time words, in one try.
SAID_BEFORE = regex.compile(r"\b(?:said|says|told|reported|announced|confirmed|added)\s+(?:[\p{L}]+\s+)?\Z",
                            regex.I | regex.REVERSE)


def _unless_naming_event(text: str, inside: list[tuple[int, int, regex.Match]],
                         claim: Claim) -> list[tuple[int, int, regex.Match]]:
    """The time words of a figure's sentence, but for those that name an event by its day or say when the words
    before the figure were said, where others are there to date it: "the toll from Sunday's crash rose to 70 on
    Tuesday", "All 72 people aboard the plane that crashed on Sunday are now confirmed dead, the authority said on
    Wednesday": each count holds on the later day; "Police said on Monday that 12 people died on Sunday": on Sunday."""
    plain = [item for item in inside if not text.startswith(POSSESSIVE, item[1]) and not _in_event_clause(text, item, claim)
             and not _when_said_before(text, item, claim)]
    return plain or inside


def _when_said_before(text: str, item: tuple[int, int, regex.Match], claim: Claim) -> bool:
    """Whether the time words say when the words before the figure were said: "Police said on Monday that 12
    people died on Sunday" (the 12 died on Sunday)."""
    return item[1] <= claim.start and SAID_BEFORE.match(text, max(0, item[0] - 40), item[0]) is not None


def _in_event_clause(text: str, item: tuple[int, int, regex.Match], claim: Claim) -> bool:
    """Whether the time words end a relative clause that names an event, one that does not hold the figure."""
    clause = EVENT_CLAUSE.match(text, max(0, item[0] - 80), item[0])
    return clause is not None and not clause.start() <= claim.start < item[0]


def _in_own_clause(text: str, inside: list[tuple[int, int, regex.Match]], claim: Claim) -> list[tuple[int, int, regex.Match]]:
    """The time words, but for year words past a comma where year words stand in the figure's own clause: "a surge
    in violence since 2021, with more than 1,000 security personnel killed last year alone" (last year, not since
    2021). (A comma alone parts no other time words: "The last disaster of this size, in 1996, left 54 dead".)"""
    years = [item for item in inside if item[2].re is YEAR_WORDS]
    if len(years) < 2:
        return inside
    apart = [item for item in years if "," in (text[item[1]:claim.start] if item[1] <= claim.start
                                               else text[claim.end:item[0]])]
    return [item for item in inside if item not in apart] if len(apart) < len(years) else inside


def time_words(text: str, spaced_text: str | None = None) -> list[regex.Match]:
    """What TIME_WORDS.finditer(text) gives (see TIME_WORD_STARTS). `spaced_text`: spaced(text), where the caller has it."""
    starts = TIME_WORD_STARTS.finditer(spaced_text or spaced(text))
    return list(matches_at(TIME_WORDS, text, map(match_start, starts)))


# After a date, what makes it a dateline's ("KADUNA, Nigeria, March 8 (Reuters) - Gunmen abducted ... on
# Thursday"): the day the report was filed, the article's own, not the day its figures hold on.
DATELINE_DATE = regex.compile(r"(?:,?\s*(?:19|20)\d\d)?\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]\s")


# What stands before a dateline's date on its line: "KADUNA, Nigeria, ", "ALMATY, ".
DATELINE_LEAD = regex.compile(r"\p{Lu}[\p{L} .'’-]*(?:,\s*\p{Lu}[\p{L} .'’-]*)*,\s*")


def _dateline_date(text: str, item: tuple[int, int, regex.Match]) -> bool:
    """Whether time words are a dateline's date: after the city (and country) that open a line, before the
    agency and the dash."""
    start, end, _ = item
    if not DATELINE_DATE.match(text, end):  # most time words are followed by no dash
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return DATELINE_LEAD.fullmatch(text, line_start, start) is not None


def _year_of_figure(text: str, item: tuple[int, int, regex.Match], claim: Claim) -> bool:
    """Whether year words may date a figure of their sentence: not its own digits ("the 2000 protesters"), nor
    from past a comma after it ("40 died in the protests, which began in 2019")."""
    start, end, _ = item
    if start < claim.end and claim.start < end:
        return False
    return end <= claim.start or "," not in text[claim.end:start]


def year_words(text: str, spaced_text: str | None = None) -> list[regex.Match]:
    """The YEAR_WORDS of a text (what its finditer gives, tried only where YEAR_WORD_STARTS finds a start), but
    for "since" a year after a superlative ("the worst flooding since 2015"). `spaced_text`: spaced(text)."""
    found = matches_at(YEAR_WORDS, text, map(match_start, YEAR_WORD_STARTS.finditer(spaced_text or spaced(text))))
    return [m for m in found
            if not (m["since"] and SUPERLATIVE_BEFORE.search(text, max(0, m.start() - 80), m.start()))]


# Before "since" and a year in its clause: a superlative that compares with the year.
SUPERLATIVE_BEFORE = regex.compile(r"\b(?:\w+est|worst|first|most|best)\b[^.;:!?]*\Z", regex.I)


def _distance(item: tuple[int, int, regex.Match], claim: Claim) -> int:
    start, end, _ = item
    return claim.start - end if end <= claim.start else start - claim.end if start >= claim.end else 0


def _past_the_when_clause(text: str, words: regex.Match, claim: Claim) -> bool:
    """Whether the figure comes after the clause "since 2014, when ..." opens: "Since 2014, when Boko Haram
    seized 276 schoolgirls, more than 1,500 students have been kidnapped" (1,500 since 2014, 276 in 2014)."""
    if words.re is not YEAR_WORDS or not words["since_when"]:
        return False
    comma = text.find(",", words.end(), claim.start)
    return comma >= 0


# The year words of a running total up to the article's day (not "in 2015", a year of the past).
_RUNNING_KINDS = ("since", "years_back", "calendar_year", "since_began", "stretch")


def _since_day(text: str, words: regex.Match) -> bool:
    """Whether time words that name a day follow "since": a count from that day to the article's ("killed 45
    people since June 25"), not one of that day."""
    return words.re is not YEAR_WORDS and SINCE_BEFORE.search(text, max(0, words.start() - 8), words.start()) is not None \
        and WHEN_AFTER.match(text, words.end()) is None


# Right before the time words of a day a count runs from: "since June 25", "since Friday".
SINCE_BEFORE = regex.compile(r"\bsince\s+\Z", regex.I)
# After them, a clause that says what happened that day, whose figures are of it: "since September 11, when
# hijacked airliners left 3,000 people dead".
WHEN_AFTER = regex.compile(r",?\s+when\b", regex.I)


def _dated(claim: Claim, published: dt.date | None, words: regex.Match | None, running: bool = False) -> Claim:
    total = words is not None and words.re is YEAR_WORDS and any(words[kind] for kind in _RUNNING_KINDS) \
        and not (words["calendar_year"] and folded(words.group(0)).startswith("last"))
    period = period_of(words, published) if words else None
    if running and period is not None:  # from the year named to the article's date
        period = (period[0], published) if published and published >= period[0] else None
    if period is None:
        period = (published, published) if published else (None, None)
        words = None
    phrase = " ".join(words.group(0).split()) if words else None
    return replaced(claim, time_phrase=phrase, period_start=period[0], period_end=period[1],
                    published=claim.published or published, running=total)


def period_of(words: regex.Match, published: dt.date | None) -> tuple[dt.date | None, dt.date] | None:
    """The first and last day the matched time words mean, or None when they cannot be placed."""
    phrase = " ".join(folded(words.group(0)).split())  # as the patterns fold case: "Tueſday" is "tuesday"
    if words.re is YEAR_WORDS:
        return _years(words, published)
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
    if words["relative"]:  # "yesterday", "this morning", "3 days ago"
        day = _relative_day(phrase, published)
        return (day, day) if day else None
    day = _date_before(phrase.removeprefix("on "), published)  # a date without its year: "on 6 January"
    if day and words["date"] and day > published:  # "on 30 December" in an article of 2 January
        day = _parse(f"{phrase.removeprefix('on ')} {published.year - 1}", None)
    return (day, day) if day else None


def _years(words: regex.Match, published: dt.date | None) -> tuple[dt.date | None, dt.date] | None:
    """The days of a year or month named ("in 2015", "in March 2015"), from a year to the article's date
    ("since 2015"), or of the years before the article ("over the past decade", "this year", "last year"); from an
    open start to the article's date ("since the war began")."""
    if words["in_year"] or words["since_when"] or words["since"]:
        named = regex.search(rf"(?:(?P<month>{_MONTHS})\s+)?(?P<year>(?:19|20)\d\d)", words.group(0), regex.I)
        year = int(named["year"])
        first = _parse(f"1 {named['month']} {year}", None) if named["month"] else dt.date(year, 1, 1)
        if first is None:
            return None
        last = dt.date(year, 12, 31) if not named["month"] else \
            (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        if words["since"]:
            return (first, published) if published and published >= first else None
        return first, last
    if published is None:
        return None
    if words["stretch"]:  # "the death toll of 15 months of the uprising": the months before the article's date
        count = words["stretch_count"]
        number = int(count) if count.isdigit() else _YEAR_WORD_COUNTS[folded(count)]
        unit = folded(words["stretch_unit"])
        days = number * (30 if unit == "months" else 365 if unit == "years" else 3650)
        return published - dt.timedelta(days=days), published
    if words["since_began"]:  # a running total from a day no date names: an open start
        return None, published
    if words["calendar_year"]:
        if not folded(words.group(0)).startswith("last"):  # "this year", "since the start of the year"
            return dt.date(published.year, 1, 1), published
        return dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31)
    count = words["count"]
    years = 10 if count is None else int(count) if count.isdigit() else _YEAR_WORD_COUNTS[folded(count)]
    years *= 10 if folded(words["unit"] or "") == "decades" else 1
    day = min(published.day, 28) if published.month == 2 else published.day  # (29 February, years before)
    return published.replace(year=published.year - years, day=day), published


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


# Relative words and dates without a year are read by dateparser once for each phrase, from two reference days, not
# from each article's day: it took a millisecond for each phrase and day of a batch. A phrase read alike from both (as
# many days back; as the same day and month, each in the reference day's year) is read alike from any day. They are
# near the ends of leap years, on different days of the month: a reading that takes the reference's day is told apart.
_REFERENCE_DAYS = (dt.date(2000, 12, 30), dt.date(2004, 12, 31))
# Further back than this, or from a day this near the calendar's start, a phrase is read from the article's own date.
_MOST_DAYS_BACK = 3650
_EARLIEST_YEAR = 1900


def _relative_day(phrase: str, published: dt.date) -> dt.date | None:
    """The day relative words mean ("yesterday", "3 days ago"), as dateparser reads them from the article's date
    (_parse): as many days back as it counts from the reference days."""
    back = _days_back_read(phrase)
    if back is None or not 0 <= back <= _MOST_DAYS_BACK or published.year < _EARLIEST_YEAR or not phrase.isascii():
        return _parse(phrase, published)
    return published - dt.timedelta(days=back)


def _date_before(phrase: str, published: dt.date) -> dt.date | None:
    """The day a date without its year means ("6 january", "jan. 6th"), as dateparser reads it from the article's date
    (_parse): the day and month it reads from the reference days, in the article's year unless that is later than its
    day, else in the year before. (29 February, in no year of three in four, is read from the article's date.)"""
    named = _day_and_month_read(phrase)
    if named is None or named == (29, 2) or published.year < _EARLIEST_YEAR or not phrase.isascii():
        return _parse(phrase, published)
    day, month = named
    this_year = dt.date(published.year, month, day)
    return this_year if this_year <= published else dt.date(published.year - 1, month, day)


@functools.lru_cache(maxsize=1024)
def _days_back_read(phrase: str) -> int | None:
    """How many days back from both reference days dateparser reads the phrase as; None unless as many from each."""
    read = [_parse(phrase, reference) for reference in _REFERENCE_DAYS]
    back = {None if day is None else (reference - day).days for reference, day in zip(_REFERENCE_DAYS, read)}
    return back.pop() if len(back) == 1 else None


@functools.lru_cache(maxsize=1024)
def _day_and_month_read(phrase: str) -> tuple[int, int] | None:
    """The day and month dateparser reads the phrase as from both reference days, in each one's year; else None
    ("32 january" is read as January 1932, on the reference day's day of the month)."""
    read = [_parse(phrase, reference) for reference in _REFERENCE_DAYS]
    named = {(day.day, day.month) if day is not None and day.year == reference.year else None
             for reference, day in zip(_REFERENCE_DAYS, read)}
    return named.pop() if len(named) == 1 else None


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
