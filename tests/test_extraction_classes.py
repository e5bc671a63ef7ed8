"""Classes of extraction errors fixed for issue 3, one table each, in wording of our own.

Each row is a sentence and what a careful reader takes from it; the classes are general (a vague
scale, a label naming a kind, a model's number, a range whose ends share a scale or a sign), not any
one benchmark sentence.
"""
import pytest

from discrepancy.extractor import Extractor
from discrepancy.models import Article
from discrepancy.numbers import NumberGrammar
from discrepancy.rules import load_rules

RULES = load_rules()
GRAMMAR = NumberGrammar(RULES)
EXTRACTOR = Extractor(RULES)
OPEN = None


def figures(text: str) -> list[tuple]:
    return [(text[m.start:m.end], m.value, m.low, m.high, m.qualifier) for m in GRAMMAR.find(text)]


def claims_of(text: str):
    return EXTRACTOR.extract(Article(id="a", path="a.txt", text=text))


# A scale counted a vague number of times is a lower bound, never the scale alone: "several
# thousand" is not 1,000. "Several" is at least three of it, "a few" at least two.
VAGUE_SCALES = [
    ("Several thousand protesters filled the square.", "Several thousand", 3000),
    ("A few hundred residents were evacuated.", "A few hundred", 200),
    ("several hundred thousand people fled the region", "several hundred thousand", 300_000),
    ("the quake left a few dozen homes standing", "a few dozen", 24),
    ("Officials expect several million visitors.", "several million", 3_000_000),
]


@pytest.mark.parametrize("text,written,low", VAGUE_SCALES)
def test_a_vague_count_of_a_scale_is_a_lower_bound(text, written, low):
    assert figures(text) == [(written, low, low, OPEN, "at_least")]


def test_a_vague_scale_keeps_what_it_counts():
    [claim] = claims_of("Several thousand protesters were arrested in the capital.")
    assert (claim.low, claim.high, claim.quantity) == (3000, None, "arrests")


# After a label, a number above one before a singular noun names a kind of that noun; a plural
# noun is still counted ("in week 3 30 people died").
NAMES_A_KIND = [
    ("The category 4 hurricane killed 12 people.", [12]),
    ("Results of a phase 3 trial were published.", []),
    ("Forecasters issued a level 2 alert for the coast.", []),
    ("In week 3 30 people died.", [30]),
    ("Last week 12 people died.", [12]),
    ("The school has 40 grade 5 pupils.", [40, 5]),
]


@pytest.mark.parametrize("text,values", NAMES_A_KIND)
def test_a_label_before_a_singular_noun_names_a_kind(text, values):
    assert [f[1] for f in figures(text)] == values


def test_a_category_is_no_death_toll():
    claims = claims_of("A category 5 storm killed 9 people on the island.")
    assert [(c.value, c.quantity) for c in claims] == [(9, "deaths")]


# Numbers that name rather than count: a model ("737 Max"), a postal code, a street address
# written with an ordinal street or with the street word first, a year of an era, a year dating
# a period's accounts.
NOT_FIGURES = [
    "The carrier grounded its 737 Max fleet.",
    "Reviewers tested the new 15 Pro for a week.",
    "Homes in the 10001 zip code sold fastest.",
    "The 2040 postcode had the most claims.",
    "The gallery at 14 W 57th St reopened.",
    "The embassy at 2 Avenue Gabriel was closed.",
    "Tourists crowded 8 Rue de la Paix.",
    "The fort was built in 1200 AD by the king.",
    "The city was founded around A.D. 900.",
    "The walls date from 300 BC.",
    "Acme said its 2019 earnings were restated.",
    "The 2019 floods destroyed the old bridge.",
    "The attackers stormed the village at around 11 p.m. (2200 GMT).",
    "The strike came at 1500 local time on Friday.",
    "UPDATE 2-Gunmen storm village in central Mexico",
    "Memories of the 2011 protests remain raw.",
    "using the same one every day",
    "Unions, for one, rejected the offer.",
    "For one, the plan costs too much.",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_a_number_that_names_is_no_figure(text):
    assert figures(text) == []


# ... but a count is kept next to the same words.
STILL_FIGURES = [
    ("Over 3 Pro-Russian groups marched.", [3]),
    ("Deliveries were spread over 3 zip codes.", [3]),
    ("2000 protesters marched downtown.", [2000]),
    ("Police arrested 12 people on 3rd Street.", [12]),
    ("The firm sold 2000 cars in May.", [2000]),
]


@pytest.mark.parametrize("text,values", STILL_FIGURES)
def test_a_count_beside_naming_words_is_kept(text, values):
    assert [f[1] for f in figures(text)] == values


# Ranges: the second end's bare sign repeats the first's currency and lends its scale; a dash
# joins two whole numbers of as many digits even where the first could be a year; "from ... up
# to ..." is a range.
RANGES = [
    ("Analysts expect US $40 to $45 billion in sales.", 40e9, 45e9, "range"),
    ("The bonds raised HK$2 to $3 billion.", 2e9, 3e9, "range"),
    ("Adults need 2000 - 2500 calories a day.", 2000, 2500, "range"),
    ("Adults need about 2000 - 2500 calories a day.", 2000, 2500, "approx"),
    ("Flats measure from 500 sq ft up to 800 sq ft.", 500, 800, "range"),
    ("Tickets cost from 10 up to 25 euros.", 10, 25, "range"),
]


@pytest.mark.parametrize("text,low,high,qualifier", RANGES)
def test_range(text, low, high, qualifier):
    [(_, _, got_low, got_high, got_qualifier)] = figures(text)
    assert (got_low, got_high, got_qualifier) == (pytest.approx(low), pytest.approx(high), qualifier)


NOT_RANGES = [
    ("In 2018 - 3000 people came to the fair.", [3000]),
    ("Sales rose 12% in 2019 to 4.1 million units.", [12, 4.1e6]),
    ("Stock was 450 up to 900 last year.", [450, 900]),
]


@pytest.mark.parametrize("text,values", NOT_RANGES)
def test_not_a_range(text, values):
    assert [f[1] for f in figures(text)] == pytest.approx(values)


# "raised" right before an amount collects it; with "by", in the passive, or before its
# object it changes something.
GATHERED = [
    ("The charity raised $40,000 at the gala.", None),
    ("The start-up has raised 12 million euros so far.", None),
    ("The club is raising 2 million of the 5 million it needs.", None),
    ("The central bank raised its rate by 0.5%.", "up"),
    ("Fares were raised 4% in January.", "up"),
    ("Wages rose 3% this year.", "up"),
]


@pytest.mark.parametrize("text,direction", GATHERED)
def test_money_raised_is_no_rise(text, direction):
    assert claims_of(text)[0].direction == direction


# A pronoun ends the noun phrase a figure counts: "the 2 million euros he needs" counts euros.
@pytest.mark.parametrize("text,unit", [
    ("He still needs the 2 million euros he was promised.", "euros"),
    ("They have 40 tickets they cannot sell.", "tickets"),
])
def test_a_pronoun_ends_the_counted_noun(text, unit):
    assert claims_of(text)[0].unit == unit


# A four-digit number is a year unless it counts something; a plural without an "s" counts too
# ("1900 people"), unless a preposition makes it a year ("in 2019 police said"). A span of two
# reaches back further ("between 1600 and 1900"), since counts that large carry separators.
YEARS_OR_COUNTS = [
    ("Police arrested 1900 people overnight.", [1900]),
    ("Some 1850 men died in the siege.", [1850]),
    ("In 2019 police said the case was closed.", []),
    ("Since 2015 people have left the valley.", []),
    ("Between 1600 and 1900 the glaciers advanced.", []),
    ("From 1550 to 1850 the winters were harsher.", []),
    ("Between 1,600 and 1,900 people were evacuated.", [None]),
    ("The crowd was above 1200 and below 1500 all day.", [None]),
]


@pytest.mark.parametrize("text,values", YEARS_OR_COUNTS)
def test_year_or_count(text, values):
    assert [f[1] for f in figures(text)] == values


def test_a_count_written_like_a_year_keeps_its_quantity():
    [claim] = claims_of("Security forces arrested 2000 people after the protest.")
    assert (claim.value, claim.quantity) == (2000, "arrests")
