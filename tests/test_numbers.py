"""Number phrases -> (value, low, high, qualifier): the grammar and the qualifier rules together."""
import pytest

from discrepancy.numbers import NumberGrammar
from discrepancy.rules import load_rules

GRAMMAR = NumberGrammar(load_rules())
OPEN = None

# (text, figure as written, value, low, high, qualifier); wording from wire copy, local news and reports.
FIGURES = [
    # digits, separators, decimals, scales
    ("A total of 7,939 people were arrested", "A total of 7,939", 7939, 7939, 7939, "exact"),
    ("the deployment included 2,030 troops", "2,030", 2030, 2030, 2030, "exact"),
    ("the budget is 1.5 million dollars", "1.5 million", 1.5e6, 1.5e6, 1.5e6, "exact"),
    ("a deal worth $1.2bn", "$1.2bn", 1.2e9, 1.2e9, 1.2e9, "exact"),
    ("the page had 2.3k shares", "2.3k", 2300, 2300, 2300, "exact"),
    ("a £3m grant", "£3m", 3e6, 3e6, 3e6, "exact"),
    ("temperatures of -5 overnight", "-5", -5, -5, -5, "exact"),
    # spelled numbers
    ("sixteen miners were rescued", "sixteen", 16, 16, 16, "exact"),
    ("two thousand and thirty soldiers", "two thousand and thirty", 2030, 2030, 2030, "exact"),
    ("one hundred and five patients", "one hundred and five", 105, 105, 105, "exact"),
    ("twenty-one schools closed", "twenty-one", 21, 21, 21, "exact"),
    ("a hundred homes were flooded", "a hundred", 100, 100, 100, "exact"),
    ("half a million residents", "half a million", 5e5, 5e5, 5e5, "exact"),
    ("three thousand nine hundred and sixty five votes", "three thousand nine hundred and sixty five", 3965,
     3965, 3965, "exact"),
    # qualifiers
    ("After more than 160 people died in the unrest", "more than 160", 160, 160, OPEN, "more_than"),
    ("over 6,000 fighters are housed there", "over 6,000", 6000, 6000, OPEN, "more_than"),
    ("at least 30 were killed in the blast", "at least 30", 30, 30, OPEN, "at_least"),
    ("nearly 8,000 people were detained", "nearly 8,000", 8000, 7600, 8000, "approx"),
    ("almost 200 flights were cancelled", "almost 200", 200, 190, 200, "approx"),
    ("about 2,000 soldiers", "about 2,000", 2000, 1900, 2100, "approx"),
    # another account set beside one
    ("the real figure is closer to 100", "closer to 100", 100, 95, 105, "approx"),
    ("the toll is nearer 40,000", "nearer 40,000", 40000, 38000, 42000, "approx"),
    ("fewer than 20 people turned up", "fewer than 20", 20, OPEN, 20, "less_than"),
    ("up to 700 contract workers", "up to 700", 700, OPEN, 700, "at_most"),
    ("no less than thirty witnesses", "no less than thirty", 30, 30, OPEN, "at_least"),
    ("500 or more people", "500 or more", 500, 500, OPEN, "at_least"),
    ("just over 100 people", "just over 100", 100, 100, 105, "more_than"),
    # vague amounts
    ("more than a dozen security forces personnel were killed", "more than a dozen", 12, 12, OPEN, "more_than"),
    ("half a dozen cars were torched", "half a dozen", 6, 6, 6, "exact"),
    ("dozens of protesters were detained", "dozens of", 24, 24, OPEN, "at_least"),
    ("hundreds gathered in the square", "hundreds", 200, 200, OPEN, "at_least"),
    ("tens of thousands marched", "tens of thousands", 20000, 20000, OPEN, "at_least"),
    # ranges
    ("between 20 and 30 people were hurt", "between 20 and 30", None, 20, 30, "range"),
    ("20 to 30 homes", "20 to 30", None, 20, 30, "range"),
    ("20-30 vehicles", "20-30", None, 20, 30, "range"),
    ("salaries of 5k-20k", "5k-20k", None, 5000, 20000, "range"),
    ("greater than 100 and smaller than 300", "greater than 100 and smaller than 300", None, 100, 300, "range"),
    ("at most 90 and at least 40 seats", "at most 90 and at least 40", None, 40, 90, "range"),
    ("four to five thousand marchers", "four to five thousand", None, 4000, 5000, "range"),
    ("a bill of $10 to $15 billion", "$10 to $15 billion", None, 1e10, 1.5e10, "range"),
    ("inflation of 5% to 7% a year", "5% to 7", None, 5, 7, "range"),
    ("two or three witnesses", "two or three", None, 2, 3, "range"),
    # qualifiers that combine
    ("about five hundred or more applicants", "about five hundred or more", 500, 500, OPEN, "at_least"),
    ("fewer than 50 or equal", "fewer than 50 or equal", 50, OPEN, 50, "at_most"),
    ("chips at sub-7 nanometre scale", "sub-7", 7, OPEN, 7, "less_than"),
    ("just under 20 percent of voters", "just under 20", 20, 19, 20, "less_than"),
    # fractions, decimals and other written forms
    ("three fifths of the land", "three fifths", 0.6, 0.6, 0.6, "exact"),
    ("forty two and a third kilometres", "forty two and a third", 42 + 1 / 3, 42 + 1 / 3, 42 + 1 / 3, "exact"),
    ("six million and a half voters", "six million and a half", 6.5e6, 6.5e6, 6.5e6, "exact"),
    ("a quarter of the budget", "a quarter", 0.25, 0.25, 0.25, "exact"),
    ("nine point nought four seconds", "nine point nought four", 9.04, 9.04, 9.04, "exact"),
    ("three dozen eggs", "three dozen", 36, 36, 36, "exact"),
    ("a grant of RM79 a month", "RM79", 79, 79, 79, "exact"),
    ("the firm paid PS2.7m", "PS2.7m", 2.7e6, 2.7e6, 2.7e6, "exact"),
    ("1.2m tonnes of grain", "1.2m", 1.2e6, 1.2e6, 1.2e6, "exact"),
    ("a 640bhp engine", "640bhp", 640, 640, 640, "exact"),
    ("a population of 40 000 people", "40 000", 40000, 40000, 40000, "exact"),
    ("output of 1.3e6 barrels", "1.3e6", 1.3e6, 1.3e6, 1.3e6, "exact"),
    ("temperatures of minus 12 degrees", "minus 12", -12, -12, -12, "exact"),
    ("one in five adults", "one in five", 0.2, 0.2, 0.2, "exact"),
    ("a two-fold hike in prices", "two-fold", 2, 2, 2, "exact"),
]


@pytest.mark.parametrize("text,written,value,low,high,qualifier", FIGURES, ids=[f[0] for f in FIGURES])
def test_figure_reads_as_interval(text, written, value, low, high, qualifier):
    mentions = GRAMMAR.find(text)
    assert len(mentions) == 1, [text[m.start:m.end] for m in mentions]
    m = mentions[0]
    assert text[m.start:m.end] == written
    assert (m.value, m.qualifier) == (pytest.approx(value) if value is not None else None, qualifier)
    assert m.low == (pytest.approx(low) if low is not None else None)
    assert m.high == (pytest.approx(high) if high is not None else None)


# Numbers that are not figures: dates, years, times, ages, ordinals, codes, phone numbers.
NOT_FIGURES = [
    "The riots turned violent on 4 January.",
    "Protesters attend a rally on January 4, 2022.",
    "Sat. Jan 22nd, 2022",
    "- Sputnik International, 1920, 06.01.2022",
    "date 2022-01-10",
    "Monday 10 January 2022 - 13:54",
    "A color revolution rocked Ukraine in February 2014, when the president fled.",
    "This year, in 2023, the council meets again.",
    "the former president, 81-year-old Nursultan Nazarbayev",
    "a man aged 45 was charged",
    "Story Code : 972888",
    "Article 4 of the treaty",
    "Flight 370 vanished",
    "the 22nd round of talks",
    "COVID-19 restrictions",
    "5G masts",
    "the G20 summit",
    "the iPhone 12 launch",
    "Call +1-222-2222-2222 now",
    "the meeting starts at 10 a.m. sharp",
    "the F-16 jets",
    "shares of Tencent rose",           # no 'ten' inside a word
    "the tender closed",
    "the hunt runs Sept. 20-24",        # a date range
    "Tesla's Model 3s sold well",       # a model name
    "the S&P 500 rose",                 # an index name
    "the FTSE 100 closed lower",         # an index named by its size
    "a Fortune 500 firm",
    "relegated to the bottom three",
    "the 2017-18 season",                # a season or fiscal year
    "goals in the second half",          # a half of a game, not a fraction
    "the Big 12 conference",
    "Bristol beat Charlton 2-1",        # a score
    "the twenty-first century",         # an ordinal is a rank
    "in 1995-01 figures",               # a year and month
    "a value <> 30 in the code",
    "Okafor, 58, has stepped down",     # an age in apposition
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_a_figure(text):
    assert [text[m.start:m.end] for m in GRAMMAR.find(text)] == []


def test_figures_keep_their_order_and_spans():
    text = "16 dead and more than 1,600 injured"
    assert [text[m.start:m.end] for m in GRAMMAR.find(text)] == ["16", "more than 1,600"]


def test_a_counted_noun_after_a_year_like_number_makes_it_a_figure():
    assert [m.value for m in GRAMMAR.find("2000 protesters marched")] == [2000]


def test_a_rise_stated_as_from_to_is_a_range_marked_as_a_change():
    [mention] = GRAMMAR.find("the toll rose from 12 to 30 overnight")
    assert (mention.low, mention.high, mention.change_from) == (12, 30, True)


def test_a_fall_stated_as_from_to_is_a_change_ending_at_its_low_end():
    [mention] = GRAMMAR.find("output fell from 30 to 12 tonnes")
    assert (mention.low, mention.high, mention.change_from, mention.fell) == (12, 30, True, True)


def test_a_falling_from_to_with_no_word_of_change_is_two_figures():
    assert [m.value for m in GRAMMAR.find("scores from 30 to 12 in the last round")] == [30, 12]


@pytest.mark.parametrize("text,not_read", [
    ("27 Willow Creek Road was sold", [27]),                 # a street address
    ("the depot at 12-14 Harbour Street", [12, 14]),
    ("the 0401 heading of the tariff", [401]),              # leading zero: a code
    ("a 5-1 lead at half-time", [5, 1]),                    # a score
    ("striker Lena Brandt (9) scored", [9]),                # a player's number
    ("a third-party review", [1 / 3]),                      # an ordinal in a compound adjective
    ("ozone at 80 parts per million", [1e6]),               # 'million' inside a unit
])
def test_numbers_that_name_or_score_are_not_read(text, not_read):
    values = [m.value for m in GRAMMAR.find(text)]
    assert not [v for v in values if any(v == pytest.approx(n) for n in not_read)], values


# Characters that the patterns fold to an ASCII letter ("ſ", the long s, folds to "s") match the number words; the
# words are then read folded the same way, not looked up as written (each of these raised KeyError or IndexError).
FOLDED_LETTERS = [
    ("MILLIONſ", 2_000_000.0),   # a vague amount: "millions"
    ("There were ſcores of dead.", 40.0),
    ("a ſix-fold rise", 6.0),
    ("TWENTY-ſIX", 26.0),
    ("one hundred and ſix", 106.0),
]


@pytest.mark.parametrize("text, value", FOLDED_LETTERS, ids=[t for t, _ in FOLDED_LETTERS])
def test_letters_folded_as_the_patterns_fold_them_read_as_the_words(text, value):
    assert [m.value for m in GRAMMAR.find(text)] == [value]
