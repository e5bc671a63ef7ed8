"""When a figure holds (issue 7): time words read against the article's date, and what windows allow."""
import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from discrepancy.extractor import Extractor
from discrepancy.models import Article, Claim
from discrepancy.places import Gazetteer
from discrepancy.reconciler import reconcile
from discrepancy.rules import load_rules
from discrepancy.timeline import SUPERLATIVE_BEFORE, TIME_WORDS, YEAR_WORDS, date_figures, time_words, year_words
from test_properties import pieces_or_text

RULES = load_rules()
EXTRACTOR = Extractor(RULES)
GAZETTEER = Gazetteer.from_rules(RULES.places)
WED_12_JAN = dt.date(2022, 1, 12)  # a Wednesday
D = dt.date


def first_figure(sentence: str, published: dt.date | None = WED_12_JAN) -> Claim:
    article = Article(id="a", path="a.txt", text=sentence, published=published)
    claims = date_figures(article, EXTRACTOR.extract(article))
    return next(c for c in claims if c.quantity != "other")


def test_days_before_count_from_the_day_of_the_figure_compared_with():
    article = Article(id="a", path="a.txt", text="The toll rose to 40 on Tuesday, up from 32 a day earlier. Prices "
                      "rose to $40, up from $32 a day earlier.", published=WED_12_JAN)
    dated = {c.text: (c.time_phrase, c.period_start) for c in date_figures(article, EXTRACTOR.extract(article))}
    assert dated["32"] == ("a day earlier", D(2022, 1, 10))  # the Monday before Tuesday's 40
    assert dated["$32"] == ("a day earlier", D(2022, 1, 11))  # the 40 has no day: the day before the article's


# (where the wording comes from, sentence, expected phrase, first day, last day), article of Wednesday 12 January 2022
PERIODS = [
    ("seeds/001: a weekday", "16 people died, the ministry said on Monday.", "on Monday", D(2022, 1, 10),
     D(2022, 1, 10)),
    ("the article's own weekday is that day", "16 people died on Wednesday.", "on Wednesday", WED_12_JAN, WED_12_JAN),
    ("'last' skips the article's own weekday", "16 people died last Wednesday.", "last Wednesday", D(2022, 1, 5),
     D(2022, 1, 5)),
    ("seeds/004: a whole week", "Numerous civilians were killed last week as 8,000 were arrested.", "last week",
     D(2022, 1, 3), D(2022, 1, 9)),
    ("yesterday", "Police arrested 120 people yesterday.", "yesterday", D(2022, 1, 11), D(2022, 1, 11)),
    ("days ago, in words", "Two days ago 40 people were killed.", "Two days ago", D(2022, 1, 10), D(2022, 1, 10)),
    ("a date without a year", "On 6 January, 40 people were killed in Almaty.", "On 6 January", D(2022, 1, 6),
     D(2022, 1, 6)),
    ("a date late in the year before", "On 30 December, 40 people were killed.", "On 30 December", D(2021, 12, 30),
     D(2021, 12, 30)),
    ("month first, with a year", "By January 9th, 2022, 164 people had died.", "January 9th, 2022", D(2022, 1, 9),
     D(2022, 1, 9)),
    ("the nearest words win", "On Monday police said that 40 were killed on Tuesday.", "on Tuesday", D(2022, 1, 11),
     D(2022, 1, 11)),
    ("days earlier", "A day earlier, officials had put the toll at 2,122.", "A day earlier", D(2022, 1, 11),
     D(2022, 1, 11)),
    ("days before, in digits", "3 days before, 40 people were killed.", "3 days before", D(2022, 1, 9), D(2022, 1, 9)),
    # a day after "since" starts a count that runs to the article's day
    ("since a day", "At least 45 people have been killed since Friday.", "Friday", D(2022, 1, 7), WED_12_JAN),
    ("since a date", "More than 300 people have died since 6 January.", "6 January", D(2022, 1, 6), WED_12_JAN),
    ("since a day, when", "It was the first launch since 6 January, when 40 people were killed.", "6 January",
     D(2022, 1, 6), D(2022, 1, 6)),
    ("the previous day", "Police arrested 120 people the previous day.", "the previous day", D(2022, 1, 11),
     D(2022, 1, 11)),
    # years: a past event of the background, or a running total over years
    ("a year with 'when'", "It was the worst crash since 2015, when 69 people died.", "since 2015, when",
     D(2015, 1, 1), D(2015, 12, 31)),
    ("in a year", "A similar blast in 2011 killed 300 people.", "in 2011", D(2011, 1, 1), D(2011, 12, 31)),
    ("in a month of a year", "In March 2019, 12 miners died in a flood.", "In March 2019", D(2019, 3, 1),
     D(2019, 3, 31)),
    ("a year naming an event", "The 2004 tsunami killed 230,000 people.", "The 2004", D(2004, 1, 1), D(2004, 12, 31)),
    ("since a year: a running total", "Since 2015, 40 journalists have been killed.", "Since 2015", D(2015, 1, 1),
     WED_12_JAN),
    ("over the past decade", "More than 1,000 people died in ferry accidents over the past decade.",
     "over the past decade", D(2012, 1, 12), WED_12_JAN),
    ("over the last five years", "Police arrested 900 people over the last five years.", "over the last five years",
     D(2017, 1, 12), WED_12_JAN),
    ("this year", "Twelve climbers have died this year.", "this year", D(2022, 1, 1), WED_12_JAN),
    ("last year", "Last year 300 people died on the roads.", "Last year", D(2021, 1, 1), D(2021, 12, 31)),
    ("since the start of the year", "Since the start of the year, 12 climbers have died.",
     "Since the start of the year", D(2022, 1, 1), WED_12_JAN),
    # a running total from a start no date names: open at its start
    ("since the war began", "More than 15,000 people have been killed since the war began.", "since the war began",
     None, WED_12_JAN),
    ("since the start of the conflict", "Since the start of the conflict, 40 journalists have been killed.",
     "Since the start of the conflict", None, WED_12_JAN),
    # "since" after a superlative compares with a year and dates nothing; a year past a comma after the figure is
    # another clause's; a number in a year's range that is the figure is no year
    ("'worst since' dates nothing", "It was the worst flooding since 2015: 40 people died.", None, WED_12_JAN,
     WED_12_JAN),
    ("a year past a comma after the figure", "40 people died in the protests, which began in 2019.", None,
     WED_12_JAN, WED_12_JAN),
    ("the figure is no year", "The 2000 protesters were arrested.", None, WED_12_JAN, WED_12_JAN),
    ("a word ending in 'in' before a year is no 'in'", "At the Berlin 2019 marathon 12 people were injured.", None,
     WED_12_JAN, WED_12_JAN),
    ("past the clause 'since 2015, when' opens: from then on",
     "Since 2015, when the dam opened, more than 400 people have died on the river.", "Since 2015, when",
     D(2015, 1, 1), WED_12_JAN),
    # a dateline's date is the day the report was filed: the figure's own time words say when it holds
    ("a dateline's date", "ALMATY, Jan 12 (Reuters) - Police arrested 120 people on Monday.", "on Monday",
     D(2022, 1, 10), D(2022, 1, 10)),
    # a day that names an event ("Sunday's crash") dates a figure only where no other time words do
    ("a day naming the event yields", "On Tuesday, the toll from Sunday's crash rose to 70.", "On Tuesday",
     D(2022, 1, 11), D(2022, 1, 11)),
    ("a day naming the event, alone", "Sunday's attack killed 40 people.", "Sunday", D(2022, 1, 9), D(2022, 1, 9)),
    # so does a relative clause that names the event, but not one that holds the figure
    ("a relative clause naming the event yields", "All 72 people aboard the plane that crashed on Sunday are now "
     "confirmed dead, officials said on Tuesday.", "on Tuesday", D(2022, 1, 11), D(2022, 1, 11)),
    ("a relative clause naming the event, alone", "The quake that struck on Sunday killed 70 people.", "on Sunday",
     D(2022, 1, 9), D(2022, 1, 9)),
    # a toll of a stretch of months or years of an event: a running total up to the article's day
    ("a stretch of months of an event", "The killing brings the death toll of 15 months of the uprising to 1,121.",
     "15 months of the uprising", D(2020, 10, 19), D(2022, 1, 12)),
    # time words that say when the words before the figure were said yield to the figure's own
    ("said on a day, of another day", "Police said on Tuesday that 12 people died on Sunday.", "on Sunday",
     D(2022, 1, 9), D(2022, 1, 9)),
    ("said on a day, alone", "Police said on Tuesday that 12 people were arrested.", "on Tuesday",
     D(2022, 1, 11), D(2022, 1, 11)),
    ("a relative clause holding the figure", "Officials said on Tuesday that the blast, which killed 12 people on "
     "Sunday, was an accident.", "on Sunday", D(2022, 1, 9), D(2022, 1, 9)),
    # time words after a figure compared with this one date that one
    ("the figure compared with holds the time words", "The agency said 32,640 people had been displaced, up from "
     "24,000 a day earlier.", None, WED_12_JAN, WED_12_JAN),
    ("time words after an elided second figure date both", "Twelve people were killed and 30 injured on Monday.",
     "on Monday", D(2022, 1, 10), D(2022, 1, 10)),
    # of two year words, the one in the figure's own clause; a comma alone parts no other time words
    ("year words of the figure's own clause", "Violence has surged since 2015, with more than 1,000 police killed "
     "last year alone.", "last year", D(2021, 1, 1), D(2021, 12, 31)),
    ("a year in commas before the figure", "The last disaster of this size, in 1996, left 54 people dead as "
     "rescuers searched on Monday.", "in 1996", D(1996, 1, 1), D(1996, 12, 31)),
    ("no time words: the publication date", "The floods killed 75 people.", None, WED_12_JAN, WED_12_JAN),
    ("time words in another sentence do not count", "The floods killed 75 people. On Monday it rained.", None,
     WED_12_JAN, WED_12_JAN),
]


@pytest.mark.parametrize("source,sentence,phrase,first,last", PERIODS, ids=[row[0] for row in PERIODS])
def test_figure_period(source, sentence, phrase, first, last):
    claim = first_figure(sentence)
    assert (claim.time_phrase, claim.period_start, claim.period_end) == (phrase, first, last)


@pytest.mark.parametrize("sentence,phrase,day", [
    ("16 people died on Monday.", None, None),           # no date to count back from: undated
    ("By January 9th, 2022, 164 people had died.", "January 9th, 2022", D(2022, 1, 9)),  # a full date needs none
])
def test_an_undated_article_is_undated_unless_the_words_carry_a_full_date(sentence, phrase, day):
    claim = first_figure(sentence, published=None)
    assert (claim.time_phrase, claim.period_start, claim.period_end, claim.published) == (phrase, day, day, None)


# --- what windows allow -------------------------------------------------------------------------

def claim(article, text, value, quantity="deaths", start=None, end=None, published=None, story=None):
    return Claim(id=f"{article}:{text}", article=article, text=text, value=value, low=value, high=value,
                 qualifier="exact", unit="people", direction=None, quantity=quantity, scope=None, place="Kazakhstan",
                 source=None, sentence=text, line=1, column=1, start=0, end=len(text), published=published,
                 period_start=start, period_end=end or start, story=story)


WEEK_BEFORE = (D(2022, 1, 3), D(2022, 1, 9))
WINDOWS = [
    ("one day, apart: conflict", claim("a", "16", 16, start=D(2022, 1, 10)), claim("b", "40", 40, start=D(2022, 1, 10)),
     ["conflict"]),
    ("a day within last week overlaps it: conflict", claim("a", "16", 16, start=WEEK_BEFORE[0], end=WEEK_BEFORE[1]),
     claim("b", "40", 40, start=D(2022, 1, 5)), ["conflict"]),
    ("toll on Monday below the toll last week: revision", claim("a", "40", 40, start=D(2022, 1, 10)),
     claim("b", "164", 164, start=WEEK_BEFORE[0], end=WEEK_BEFORE[1]), ["revision"]),
    ("toll on Monday above the toll last week: update", claim("a", "164", 164, start=D(2022, 1, 10)),
     claim("b", "40", 40, start=WEEK_BEFORE[0], end=WEEK_BEFORE[1]), ["update"]),
    ("published on different days but about the same Monday: conflict",
     claim("a", "16", 16, start=D(2022, 1, 10), published=D(2022, 1, 10)),
     claim("b", "40", 40, start=D(2022, 1, 10), published=D(2022, 1, 12)), ["conflict"]),
    ("troops of different windows are not compared", claim("a", "2,000", 2000, "troops", start=D(2022, 1, 6)),
     claim("b", "3,500", 3500, "troops", start=D(2022, 1, 10)), []),
    ("undated figures may conflict", claim("a", "16", 16), claim("b", "40", 40), ["conflict"]),
    # a toll of another event in the background, or a running total over years, is not one event's toll
    ("a past event's toll is not compared", claim("a", "69", 69, start=D(2015, 1, 1), end=D(2015, 12, 31)),
     claim("b", "54", 54, start=D(2022, 1, 10)), []),
    ("nor are tolls of days months apart", claim("a", "69", 69, start=D(2021, 6, 2)),
     claim("b", "54", 54, start=D(2022, 1, 10)), []),
    ("a decade's total is not compared with one day's toll",
     claim("a", "1,000", 1000, start=D(2012, 1, 12), end=D(2022, 1, 12)), claim("b", "54", 54, start=D(2022, 1, 10)),
     []),
    # a crowd dated by nothing but its article may be of the two days before it; a toll holds as of that day
    ("a crowd dated only by its article, against Monday's crowd: conflict",
     claim("a", "30,000", 30000, "crowd", start=D(2022, 1, 12), published=D(2022, 1, 12)),
     replace(claim("b", "150,000", 150000, "crowd", start=D(2022, 1, 10)), time_phrase="on Monday"), ["conflict"]),
    ("but not against last week's crowd",
     claim("a", "30,000", 30000, "crowd", start=D(2022, 1, 12), published=D(2022, 1, 12)),
     replace(claim("b", "150,000", 150000, "crowd", start=D(2022, 1, 7)), time_phrase="on Friday"), []),
    ("a toll dated only by its article holds on that day: an update",
     claim("a", "54", 54, start=D(2022, 1, 12), published=D(2022, 1, 12)),
     replace(claim("b", "40", 40, start=D(2022, 1, 10)), time_phrase="on Monday"), ["update"]),
    ("two tolls of one past year are compared", claim("a", "69", 69, start=D(2015, 1, 1), end=D(2015, 12, 31)),
     claim("b", "96", 96, start=D(2015, 1, 1), end=D(2015, 12, 31)), ["conflict"]),
    ("a running total since the war began is not compared with one day's toll",
     claim("a", "15,000", 15000, end=D(2022, 1, 12)), claim("b", "54", 54, start=D(2022, 1, 10)), []),
    ("but with another running total", claim("a", "15,000", 15000, end=D(2022, 1, 12)),
     claim("b", "150,000", 150000, start=D(2021, 4, 1), end=D(2022, 1, 11)), ["conflict"]),
    ("a toll of the month within it is compared", claim("a", "69", 69, start=D(2015, 3, 1), end=D(2015, 3, 31)),
     claim("b", "96", 96, start=D(2015, 3, 10)), ["conflict"]),
]


@pytest.mark.parametrize("name,first,second,expected", WINDOWS, ids=[row[0] for row in WINDOWS])
def test_only_figures_of_one_window_conflict(name, first, second, expected):
    findings, _ = reconcile([first, second], RULES, GAZETTEER.relation)
    assert [f.verdict for f in findings] == expected


def test_findings_order_their_figures_by_when_they_hold():
    later = claim("a", "164", 164, start=D(2022, 1, 10))
    earlier = claim("b", "40", 40, start=WEEK_BEFORE[0], end=WEEK_BEFORE[1])
    [finding] = reconcile([later, earlier], RULES, GAZETTEER.relation)[0]
    assert finding.claims == (earlier.id, later.id)


@pytest.mark.parametrize("first,second,note", [
    (claim("a", "16", 16), claim("b", "40", 40, start=D(2022, 1, 10)), "(a undated: it may be a later update)"),
    (claim("a", "16", 16), claim("b", "40", 40), "(a and b undated: it may be a later update)"),
    (claim("a", "2,000", 2000, "troops"), claim("b", "3,500", 3500, "troops"), "(a and b undated)"),
])
def test_a_conflict_with_an_undated_figure_says_so(first, second, note):
    [finding] = reconcile([first, second], RULES, GAZETTEER.relation)[0]
    assert finding.message.endswith(note)


# --- the time words' scan (issue 6) -------------------------------------------------------------

TIME_PIECES = ["on ", "On ", "last ", "LAST ", "this ", "early ", "late ", "Monday", "sunday", " morning", " night",
               "6", "21st", " of ", "January", "Jan.", "sept", "Sept.", ", 2022", " 1999", "the past week", "past ",
               "month", "yesterday", "Today", "tonight", "three days ago", "12 days ago", " ", ", ", ". ", "-", "x",
               "İ", "ſ", "\u212a", "é", "’", "—", "\u00a0", "٣", "\U00011f55", "²", "\u0301", "\u200d", "\x1c", "_",
               "\n", "the ", "The ", "last", "the last month", " days", "days ago", "123456789", "1", "\U0001f600",
               "a day", "A ", " day", " earlier", " before", "one", "the previous day", "the day before", " yesterday"]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces_or_text(TIME_PIECES, 30, 80))
@example("Police said on Monday morning, 6 January 2022, that 16 died; last week 3 days ago, this evening.")
@example("Mondays, Sunday-night, on monday8, Jan 6th, 2022's toll")
@example("on\x1c6 January 2022, x\u0301on Monday, ²on Monday, \U00011f55 days ago")
@example("the last monday, The past week, 1\U00011f55 January, 12345678901 days ago, 3rd\u00a0of\x1cmay")
def test_the_time_words_are_those_of_the_plain_scan(text):
    assert [(m.span(), m.groups()) for m in time_words(text)] == \
        [(m.span(), m.groups()) for m in TIME_WORDS.finditer(text)]


YEAR_PIECES = ["since ", "Since ", "SINCE ", "in ", "In ", "during ", "of ", "the ", "The ", "over ", "for ", "within ",
               "this ", "last ", "year", "years", "decade", "decades", "past ", "previous ", "early ", "late ", "mid-",
               "mid ", "March ", "Sept. ", "2015", "1999", "20", "19", "-", "/", ", when", "when", "the war ", "began",
               "the start of ", "the outbreak of ", "fighting ", "worst ", "two ", "twenty ", "3 ", " ", "\n", ".",
               "Berl", "convince ", "proof ", "x", "İ", "ſ", "é", "\u00a0", "\x1c", "٣", "\U00011f55", "_", "’"]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces_or_text(YEAR_PIECES, 30, 80))
@example("Since 2015, when 69 died, and in early 2011, during mid-2004, of March 2019; over the past two decades")
@example("the worst since 1999 this year, since the war began, since the start of the year, ſince 2015, İn 2015")
@example("Berlin 2015, convince 2015, proof 2015, in\x1c2015, in\u00a0Sept. 2015, in 20\U00011f55\U00011f55")
def test_the_year_words_are_those_of_the_plain_scan(text):
    plain = [m for m in YEAR_WORDS.finditer(text)
             if not (m["since"] and SUPERLATIVE_BEFORE.search(text, max(0, m.start() - 80), m.start()))]
    assert [(m.span(), m.groups()) for m in year_words(text)] == [(m.span(), m.groups()) for m in plain]


def test_a_running_total_is_known_by_its_words_even_in_an_undated_article():
    for published in (WED_12_JAN, None):
        article = Article(id="a", path="a.txt", published=published,
                          text="The killing brings the death toll of 15 months of the uprising to 1,121. Separately, "
                               "more than 1,000 people have died over the past decade. In 2015, 69 people died.")
        running = {c.text: c.running for c in date_figures(article, EXTRACTOR.extract(article)) if c.quantity != "other"}
        assert running == {"1,121": True, "more than 1,000": True, "69": False}


MONTH_WORDS = ["january", "February", "feb", "Feb.", "march", "apr", "may", "june", "jul.", "aug", "sept", "Sept.", "oct",
               "nov", "December", "dec."]
RELATIVE_WORDS = st.one_of(st.sampled_from(["today", "Yesterday", "tonight", "last night", "this morning", "this afternoon",
                                            "this evening", "two days ago", "ten days ago", "3 days ago"]),
                           st.integers(0, 5000).map("{} days ago".format))
DATES_WITHOUT_YEAR = st.builds(lambda day, month, form: form.format(day=day, month=month), st.integers(1, 32),
                               st.sampled_from(MONTH_WORDS),
                               st.sampled_from(["{day} {month}", "on {month} {day}", "{day}th of {month}", "{month} {day}rd"]))


@settings(max_examples=300, deadline=None)
@given(st.one_of(RELATIVE_WORDS, DATES_WITHOUT_YEAR), st.dates(D(1890, 1, 1), D(2100, 12, 31)))
@example("29 February", D(2024, 3, 1))
@example("february 29", D(2023, 3, 1))
@example("31 December", D(2022, 12, 31))
@example("1 january", D(2023, 1, 1))
@example("3650 days ago", D(1910, 1, 1))
@example("3651 days ago", D(2022, 1, 1))
@example("yesterday", D(1900, 1, 1))
def test_days_read_from_one_day_for_each_phrase_are_those_read_from_each_articles_day(words, published):
    from unittest import mock
    from discrepancy import timeline
    found, = TIME_WORDS.finditer(words)

    def plain(phrase, published):  # dateparser asked from the article's own day
        return timeline._parse(phrase, published)
    with mock.patch.object(timeline, "_relative_day", plain), mock.patch.object(timeline, "_date_before", plain):
        expected = timeline.period_of(found, published)
    assert timeline.period_of(found, published) == expected


DATING_PIECES = ["16 people died", "Police arrested 40", "up from 32", " a day earlier", " on Monday", " in 2015",
                 " since 2015, when", " last week", ". ", ", ", " ", "\n\n", "the toll rose to 70", "x"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces_or_text(DATING_PIECES, 16, 80), st.one_of(st.none(), st.just(WED_12_JAN)))
@example("16 people died. Police arrested 40 on Monday", WED_12_JAN)
@example("16 people died in 2015up from 32 a day earlier", None)
def test_a_figure_whose_sentence_has_no_time_words_holds_on_the_articles_day(text, published):
    article = Article(id="a", path="a.txt", text=text, published=published)
    claims = EXTRACTOR.extract(article)
    for claim, dated in zip(claims, date_figures(article, claims)):
        assert dated.id == claim.id
        start = text.find(claim.sentence, max(0, claim.start - len(claim.sentence)))
        sentence = (start, start + len(claim.sentence)) if start >= 0 else (claim.start, claim.end)
        words = [m.span() for pattern in (TIME_WORDS, YEAR_WORDS) for m in pattern.finditer(text)
                 if sentence[0] <= m.start() and m.end() <= sentence[1]]
        if not words:
            assert (dated.time_phrase, dated.period_start, dated.period_end, dated.running, dated.published) == \
                (None, published, published, False, claim.published or published)
