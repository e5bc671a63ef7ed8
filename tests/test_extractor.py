"""Sentences -> the claims extracted from them: quantity, scope, place, source, unit."""
import pytest

from discrepancy.extractor import Extractor
from discrepancy.models import Article
from discrepancy.rules import load_rules

RULES = load_rules()
EXTRACTOR = Extractor(RULES)


def claims_of(text: str, **article):
    return EXTRACTOR.extract(Article(id="a", path="a.txt", text=text, **article))


def only(text: str):
    claims = claims_of(text)
    assert len(claims) == 1, [(c.text, c.quantity) for c in claims]
    return claims[0]


# (sentence, figure as written, quantity, scope); wording from wires, local news, NGO reports.
TYPED = [
    ("After more than 160 people died in the unrest, the president spoke.", "more than 160", "deaths", None),
    ("According to the governor, there were 16 dead among the security forces.", "16", "deaths", "security forces"),
    ("Gunmen killed at least nine villagers on Sunday.", "at least nine", "deaths", "civilians"),
    ("The death toll rose to 44 on Tuesday.", "44", "deaths", None),
    ("Four people lost their lives in the fire.", "Four", "deaths", None),
    ("Three police officers were shot dead overnight.", "Three", "deaths", "police"),
    ("The blast wounded 23 people in the market.", "23", "injured", None),
    ("Twelve people were hospitalised with burns.", "Twelve", "injured", None),
    ("Police detained 45 protesters outside parliament.", "45", "arrests", "protesters"),
    ("Nearly 8,000 people were arrested during the unrest.", "Nearly 8,000", "arrests", None),
    ("The alliance sent 2,030 troops to the capital.", "2,030", "troops", "soldiers"),
    ("There are over 6,000 fighters near the border.", "over 6,000", "fighters", "fighters"),
    ("Intelligence counts over 40 camps and training centres.", "over 40", "camps", None),
    ("More than 20,000 residents were evacuated from the valley.", "More than 20,000", "displaced", "civilians"),
    # families are another unit than people (a scope of their own): no revision of a toll counted in people
    ("Hundreds of families have been forced to vacate their homes.", "Hundreds of", "displaced", "families"),
    ("Some 900 villagers have left their homes for the coast.", "Some 900", "displaced", "civilians"),
    ("At least 30 people are still missing after the landslide.", "At least 30", "missing", None),
    ("The government spent 250 pieces of equipment.", "250", "other", None),
    ("The country's independence came more than 30 years ago.", "more than 30", "other", None),
    ("Eleven Taliban fighters were killed in the clash.", "Eleven", "deaths", "fighters"),
    ("Nine children were among the dead.", "Nine", "deaths", "children"),
]


@pytest.mark.parametrize("sentence,written,quantity,scope", TYPED, ids=[t[0][:40] for t in TYPED])
def test_quantity_and_scope(sentence, written, quantity, scope):
    claim = only(sentence)
    assert (claim.text, claim.quantity, claim.scope) == (written, quantity, scope)


def test_coordinated_figures_each_get_their_own_type():
    claims = claims_of("There were 16 dead and more than 1,600 injured among the security forces.")
    assert [(c.text, c.quantity, c.scope) for c in claims] == [
        ("16", "deaths", "security forces"), ("more than 1,600", "injured", "security forces")]


def test_nearest_verb_decides_between_two_events():
    claims = claims_of("The attackers killed 3 people and injured 20 others.")
    assert [(c.value, c.quantity) for c in claims] == [(3, "deaths"), (20, "injured")]


SOURCES = [
    ("According to Tokayev, there were 16 dead.", "Tokayev"),
    ("A total of 7,939 people were arrested, the Interior Ministry announced on Monday.", "the Interior Ministry"),
    ("At least 12 died, said Rahmon.", "Rahmon"),
    ("Police said 40 people were detained.", "Police"),
    ("Local officials said 40 people were detained.", "Local officials"),
    ("Some 300 homes were destroyed.", None),
    ("At least 70 people died, the health ministry reported.", "the health ministry"),
    ("The state news agency said 12 soldiers were killed.", "The state news agency"),
    ("Hospital officials in Sindh said 31 people were injured.", "Hospital officials in Sindh"),
    ("Police in Almaty said 40 people were detained.", "Police in Almaty"),
    ("Five people were killed police said.", "police"),
    # a speaker after the verb, a common noun without a capital, a bound after the verb
    ('"We have found 87 bodies so far," the mayor told reporters.', "the mayor"),
    ("State television reported that 225 people had died.", "State television"),
    ("Officials said roughly 2,000 troops would be sent.", "Officials"),
    ("The protests left 227 people dead, according to prosecutors.", "prosecutors"),
    ("Rights groups say at least 300 people have died.", "Rights groups"),
    ("Local officials put the death toll at between 150 and 200.", "Local officials"),
    ("The governor told AFP that 12 people were missing.", "The governor"),
    # who was told is not who said it
    ("In Malatya alone, 112 people died, the provincial governor told state broadcaster TRT.", "the provincial governor"),
    ("Twelve people died, a witness told the BBC.", "a witness"),
    # names of bodies joined by 'for' or 'on' as well as 'of'
    ("At least 61 migrants drowned, the International Organization for Migration said.",
     "the International Organization for Migration"),
    ("According to the Committee on Human Rights, 300 people were detained.", "the Committee on Human Rights"),
]


@pytest.mark.parametrize("sentence,source", SOURCES)
def test_source(sentence, source):
    assert claims_of(sentence)[0].source == source


PLACES = [
    ("More than 100 people were killed in Almaty.", "Almaty"),
    ("In Kenya, 14 people died when the bridge collapsed.", "Kenya"),
]


@pytest.mark.parametrize("sentence,place", PLACES)
def test_place_in_sentence(sentence, place):
    assert only(sentence).place == place


def test_place_carries_from_earlier_in_the_paragraph_but_not_across_paragraphs():
    text = ("Nigeria's army said calm returned to Nigeria.\n"
            "Fighting flared in Chad. Over 11 fighters were killed there.\n"
            "Police said 30 people were arrested.")
    by_value = {c.value: c for c in claims_of(text)}
    assert (by_value[11].place, by_value[30].place) == ("Chad", "Nigeria")


def test_positions_are_one_based_and_point_at_the_figure():
    text = "Headline\nYesterday 12 people died."
    claim = only(text)
    assert (claim.line, claim.column) == (2, 11)
    assert text[claim.start:claim.end] == claim.text


def test_direction_of_a_stated_change():
    claims = claims_of("Prices rose 5% while exports fell by 2 points.")
    assert [(c.value, c.direction) for c in claims] == [(5, "up"), (2, "down")]


def test_figures_inside_page_furniture_are_skipped():
    text = "Police said 40 people were detained.\nRelated Stories\n51 officials blacklisted"
    furniture_start = text.index("Related Stories")
    claims = claims_of(text, furniture=((furniture_start, len(text)),))
    assert [c.value for c in claims] == [40]


def test_every_rule_example_is_typed_as_its_quantity():
    for quantity in RULES.quantities:
        for example in quantity.examples:
            claims = claims_of(example["text"])
            assert any(c.quantity == quantity.name and c.value == example.get("value", c.value) for c in claims), \
                (quantity.name, example["text"], [(c.text, c.quantity) for c in claims])


def test_no_rule_counter_example_is_typed_as_its_quantity():
    for quantity in RULES.quantities:
        for text in quantity.counter_examples:
            assert all(c.quantity != quantity.name for c in claims_of(text)), (quantity.name, text)


def test_a_toll_that_rose_from_one_figure_to_another_counts_the_level_it_reached():
    claim = only("The death toll rose from 44 to 164 on Sunday.")
    assert (claim.quantity, claim.value, claim.low, claim.high) == ("deaths", 164, 164, 164)


@pytest.mark.parametrize("sentence,unit", [("a 6.1-inch display", "inch"), ("it weighs 40 kg", "kg"),
                                           ("13000 workers went on strike", "workers"), ("prices rose 5%", "%"),
                                           ("a 640bhp engine", "bhp"), ("costs $6 each", "$")])
def test_unit_or_counted_noun(sentence, unit):
    assert only(sentence).unit == unit


@pytest.mark.parametrize("sentence,direction", [
    ("Exports fell 7% in March.", "down"),
    ("The index closed -1.3% lower.", "down"),
    ("On Wall St: Dow +0.2% by noon.", "up"),
    ("Officials reported a 40 percent increase in admissions.", "up"),
    ("The yen saw a steep 2 per cent slide.", "down"),
    ("Turnout was 64 per cent.", None),
    # the verb's vocabulary: rallies and plunges in market reports
    ("Copper futures rallied 4% on Friday.", "up"),
    ("Shares in the airline plummeted 22 per cent.", "down"),
    ("The bank shed 3% in early trade.", "down"),
    ("Its forecast was revised upward by 10 percent.", "up"),
    # the verb's object stands between it and "by"
    ("The council will cut its budget by 12 per cent.", "down"),
    ("The chain hopes to grow revenue by 8% next year.", "up"),
    # "from ... to ...": where a change began and ended, two levels, not the size of the change
    ("Rents climbed from 900 to 1,100 pounds a month.", None),
    ("Output was increased from 40 to 55 tonnes.", None),
    # "up" or "down" that belongs to its verb states no change; market "ended up" does
    ("Migrants made up 18% of the city's workforce.", None),
    ("The navy shot down 6 missiles.", None),
    ("The striker racked up 31 goals.", None),
    ("The index ended up 1.2% on the week.", "up"),
    # a basketball "rebound" is no rise
    ("He averaged 9 rebounds a game.", None),
])
def test_direction_table(sentence, direction):
    assert only(sentence).direction == direction


# A figure that restates the one before it keeps its direction and, in brackets, its bound.
@pytest.mark.parametrize("sentence,figure,qualifier,direction", [
    ("The FTSE lost 120 points, or 1.6%, by noon.", "1.6", "exact", "down"),
    ("Payrolls grew by 41,000 jobs or 0.3 per cent in May.", "0.3", "exact", "up"),
    ("The storm front covered more than 300 kilometres (186 miles) of coast.", "186", "more_than", None),
    ("The engine makes just under 150 hp (112 kW / 152 PS).", "152", "less_than", None),
    ("He was fined more than 2 million kronor (US$190,000).", "US$190,000", "more_than", None),
    ("The lake dropped by 2 to 3 metres (6.5 to 10 feet) over the summer.", "6.5 to 10", "range", "down"),
    # the verb left out for the next name
    ("Oil rose 2%, Brent Crude 1.5% and copper 1%.", "1.5", "exact", "up"),
    ("Banks were down 3%, Lloyds by 2.2% by noon.", "2.2", "exact", "down"),
    ("Sales fell 4% and Norway bought 3 ships.", "3", "exact", None),
    # people counted in brackets are a part, not a restatement
    ("More than 60 people (12 children) were hurt.", "12", "exact", None),
    ("The river rose 2 metres (the highest in years) and 40 homes flooded.", "40", "exact", None),
])
def test_restated_figure(sentence, figure, qualifier, direction):
    claim = next(c for c in claims_of(sentence) if c.text == figure)
    assert (claim.qualifier, claim.direction) == (qualifier, direction)


def test_a_restated_bound_scales_with_its_figure():
    claim = next(c for c in claims_of("The drone has a range of more than 100 kilometres (62 miles).") if c.value == 62)
    assert (claim.low, claim.high) == (62, None)


@pytest.mark.parametrize("text,figure,scope,stated_part", [
    ("The fire killed 21 people, 14 of them Australians.", "14", "Australians", True),
    ("Dozens of Israelis were killed this month.", "Dozens of", "Israelis", False),
    ("The blast killed 30 people, including nine children.", "nine", "children", True),
    ("There were 16 dead among the security forces.", "16", "security forces", False),
    # a part among a whole said after it
    ("Three police officers were among the 40 people killed.", "Three", "police", True),
    ("Four foreigners are among the 112 injured, officials said.", "Four", "foreigners", True),
])
def test_parts_and_nationalities(text, figure, scope, stated_part):
    claim = next(c for c in claims_of(text) if c.text == figure)
    assert (claim.scope, claim.stated_part) == (scope, stated_part)


# A figure the article gives as an earlier report, beside a later figure of the same count, is superseded.
SUPERSEDED = [
    ("Officials had earlier confirmed that four miners were killed. The number of miners killed is now seven.",
     {"four": True, "seven": False}),
    ("Police initially said 12 people died. The toll has since risen to 19.", {"12": True, "19": False}),
    ("The toll rose to 57, up from an earlier toll of 42, officials said.", {"57": False, "42": True}),
    ("At least 30 people were killed, the army said earlier. The toll later rose to 41.",
     {"At least 30": True, "41": False}),
    ("Preliminary figures put the number of injured at 80; 65 people were killed.", {"80": False, "65": False}),
    # given by a verb other than one of saying
    ("The toll, initially put at 40, was later revised to 28.", {"40": True, "28": False}),
    ("The number of dead, first estimated at 300, has risen to 450.", {"300": True, "450": False}),
    # an earlier report with no later figure of its count stands; an earlier event is no earlier report
    ("Initial reports said 40 people were injured.", {"40": False}),
    ("Earlier, troops shot dead six gunmen. Later, police arrested 11 people.", {"six": False, "11": False}),
    ("Earlier, gunmen killed six people. Later, a bomb killed 11 people.", {"six": False, "11": False}),
]


@pytest.mark.parametrize("text,superseded", SUPERSEDED, ids=[t for t, _ in SUPERSEDED])
def test_an_earlier_report_beside_a_later_figure_is_superseded(text, superseded):
    assert {c.text: c.superseded for c in claims_of(text) if c.text in superseded} == superseded


def test_a_trigger_in_another_nouns_clause_does_not_type_the_figure():
    text = "A court found six of the eight employees guilty after the accident which killed 21 people."
    by_text = {c.text: c.quantity for c in claims_of(text)}
    assert by_text["eight"] != "deaths" and by_text["21"] == "deaths"


# A whole whose part is set inside it before the verb: the verb says what both count.
WHOLE_AND_ITS_PART = [
    ("At least four people, including two policemen, have been killed.", [("At least four", "deaths"), ("two", "deaths")]),
    ("Twenty-one people including 14 Australians died in the flood.", [("Twenty-one", "deaths"), ("14", "deaths")]),
    ("Some 40 people, including five children, were questioned.", [("Some 40", "other"), ("five", "other")]),
    ("Some 40 people were questioned, including five children. Police said 12 were killed.",  # not past the sentence
     [("Some 40", "other"), ("five", "other"), ("12", "deaths")]),
]


@pytest.mark.parametrize("sentence,expected", WHOLE_AND_ITS_PART)
def test_a_whole_is_typed_by_the_verb_after_its_part(sentence, expected):
    assert [(c.text, c.quantity) for c in claims_of(sentence)] == expected
