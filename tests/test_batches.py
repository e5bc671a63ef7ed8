"""Whole batches of our own about one event each (tests/fixtures/batches, written for these tests in the
way wire copy is written, not taken from any data set): what the check finds, end to end, where the
extractor's places and dates and the reconciler's windows meet.

- ferry: a ferry sinking told over four days, with a toll of an earlier disaster ("since 2015, when 69
  people died") and a running total ("over the past decade") in the background;
- quake: a quake in two countries, whose combined toll ("in Turkey and Syria") holds each country's;
- kid: a school kidnapping whose first count (287, filed under a dateline) a governor corrects to 137;
- plane: a plane crash told over four days: a toll that rises past an earlier level in an aside, bodies found,
  the last ones recovered, a whole "of the 72 people on board", and a count of foreigners corrected from 15 to 14;
- protest: detentions at protests across a country, counted by a monitor and by the police, in the capital and
  "in 50 cities across Russia" and "nationwide";
- outbreak: a cholera outbreak in a Nigerian state told over four days: cases beside deaths ("312 new cases and nine
  deaths"), a toll that moved "by 14 to 62", cases "up from 1,300 on Monday", the state capital's own toll, and a
  speaker whose name holds a country ("the Nigeria Centre for Disease Control");
- riots: arrests after riots told over ten days, beside those charged and those jailed (three counts, each rising),
  a day's arrests "in the last 24 hours", and speakers behind an aside ("The council, which coordinates the
  country's 43 forces, said", "Officials at the Ministry of Justice, speaking on condition of anonymity, said");
- monsoon: monsoon floods told over four days in wire copy whose datelines give the day and not the year
  ("ISLAMABAD, July 6 (Reuters) - ... said on Thursday"), a province's toll beside the nation's, and a count
  "since June 25".
"""
import datetime as dt
import json
from pathlib import Path

import pytest

from discrepancy.cli import main

BATCHES = Path(__file__).parent / "fixtures" / "batches"


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """Each batch's JSON document, checked once."""
    found = {}
    for batch in ("ferry", "quake", "kid", "plane", "protest", "outbreak", "riots", "monsoon"):
        report = tmp_path_factory.mktemp(batch) / "report.md"
        out = tmp_path_factory.mktemp(batch) / "out.json"
        main(["check", str(BATCHES / batch), "--report", str(report), "--output", f"json={out}", "--format", "summary",
              "--no-ledger", "--no-config", "--quiet"])
        found[batch] = json.loads(out.read_text(encoding="utf-8"))
    return found


def claims_by_text(document, article):
    return {c["text"]: c for c in document["claims"] if c["article"] == article}


def pairs(document, quantity):
    """Each finding of a quantity as (verdict, the texts of its two figures)."""
    texts = {c["id"]: c["text"] for c in document["claims"]}
    return [(f["verdict"], tuple(texts[c] for c in f["claims"])) for f in document["findings"] if f["quantity"] == quantity]


def test_a_toll_of_an_earlier_disaster_and_a_running_total_are_never_set_against_the_toll(checked):
    ferry = checked["ferry"]
    background = {"69", "more than 1,000"}
    assert claims_by_text(ferry, "f1")["69"]["period_start"] == "2015-01-01"
    assert claims_by_text(ferry, "f3")["more than 1,000"]["time_phrase"] == "over the past decade"
    assert not [p for p in pairs(ferry, "deaths") if background & set(p[1])]
    # the toll itself still rises from day to day
    assert ("update", ("54", "61")) in pairs(ferry, "deaths")


def test_a_combined_toll_holds_each_countrys_toll(checked):
    quake = checked["quake"]
    assert claims_by_text(quake, "q2")["above 5,000"]["place"] == "Turkey + Syria"
    deaths = pairs(quake, "deaths")
    assert deaths and not [p for p in deaths if p[0] in ("conflict", "revision")]


def test_a_corrected_count_conflicts_with_the_first_one(checked):
    kid = checked["kid"]
    first = claims_by_text(kid, "k1")["at least 287"]
    # the dateline's date and country are where and when the report was filed, not the figure's
    assert (first["place"], first["period_start"]) == ("Kaduna", "2024-03-07")
    assert ("conflict", ("at least 287", "137")) in pairs(kid, "kidnapped") \
        or ("conflict", ("137", "at least 287")) in pairs(kid, "kidnapped")


def test_a_rising_toll_is_an_update_and_only_a_corrected_count_a_revision(checked):
    plane = checked["plane"]
    deaths = pairs(plane, "deaths")
    # the toll of the day before, in an aside, and the toll two days later: a rise ("from Sunday's crash" dates
    # no toll); bodies found and the last two recovered are no tolls of their own
    assert ("update", ("40", "70")) in deaths or ("update", ("70", "40")) in deaths
    assert [p for p in deaths if p[0] in ("conflict", "revision")] == [("revision", ("15", "14"))]
    bodies = claims_by_text(plane, "p1")["12"]
    assert (bodies["qualifier"], bodies["high"], bodies["place"]) == ("at_least", None, "Nepal")
    assert claims_by_text(plane, "p4")["two"]["stated_part"]
    assert claims_by_text(plane, "p3")["14"]["scope"] == "foreigners"


def test_a_national_count_is_the_countrys_and_two_accounts_of_the_capital_conflict(checked):
    protest = checked["protest"]
    assert claims_by_text(protest, "r2")["More than 1,400"]["place"] == "Russia"
    assert claims_by_text(protest, "r3")["1,412"]["place"] == "Russia"
    arrests = pairs(protest, "arrests")
    assert ("consistent", ("More than 1,400", "1,412")) in arrests
    # the monitor's count in Moscow and the police's: two accounts that cannot both be right
    assert ("conflict", ("520", "300")) in arrests


def test_an_outbreaks_cases_and_deaths_rise_and_its_capital_is_a_part_of_its_state(checked):
    outbreak = checked["outbreak"]
    o1, o2 = claims_by_text(outbreak, "o1"), claims_by_text(outbreak, "o2")
    # cases are a count of their own, beside deaths; new ones are a part of the count said elsewhere
    assert (o1["more than 1,300"]["quantity"], o1["312"]["quantity"], o1["312"]["stated_part"]) == \
        ("infected", "infected", True)
    # how far the toll moved is a part of the level it reached, in the state, whatever the speaker's name holds
    assert (o2["14"]["stated_part"], o2["62"]["quantity"], o2["62"]["place"]) == (True, "deaths", "Borno")
    assert o2["1,300"]["superseded"]
    deaths, cases = pairs(outbreak, "deaths"), pairs(outbreak, "infected")
    assert ("update", ("48", "62")) in deaths
    assert not [p for p in deaths + cases if p[0] in ("conflict", "revision")]
    # the state capital's toll is the state's part, flagged for a look, not a place apart
    assert ("different_scope", ("48", "41")) in deaths or ("different_scope", ("41", "48")) in deaths


def test_arrests_charges_and_jailings_are_three_counts_and_a_days_arrests_a_part(checked):
    riots = checked["riots"]
    r2, r3 = claims_by_text(riots, "r2"), claims_by_text(riots, "r3")
    assert [(r2[t]["quantity"], r2[t]["stated_part"]) for t in ("741", "302", "120", "Twelve")] == \
        [("arrests", False), ("charged", False), ("arrests", True), ("convicted", False)]
    # each count rises on its own, and none is set beside another's
    assert ("update", ("741", "More than 1,000")) in pairs(riots, "arrests")
    assert ("update", ("302", "nearly 600")) in pairs(riots, "charged")
    assert ("update", ("Twelve", "94")) in pairs(riots, "convicted")
    # the day's arrests are a part of the count, no conflict with it
    assert not [p for p in pairs(riots, "arrests") if "120" in p[1] and p[0] not in ("consistent", "update")]
    # the speaker behind an aside, and a name that holds a plural owner
    assert (r2["120"]["source"], r3["94"]["source"], r2["741"]["source"]) == \
        ("The council", "Ministry of Justice", "the National Police Chiefs' Council")


def test_wire_copy_dated_by_its_datelines_day_and_leads_weekday_rises_without_revision(checked):
    monsoon = checked["monsoon"]
    published = {a["id"]: dt.date.fromisoformat(a["published"]) for a in monsoon["articles"]}
    # each article is dated by its dateline's day, in a year whose calendar puts it on the weekday its lead names
    assert {a: (d.month, d.day, d.strftime("%A")) for a, d in published.items()} == {
        "m1": (7, 6, "Thursday"), "m2": (7, 8, "Saturday"), "m3": (7, 9, "Sunday"), "m4": (7, 9, "Sunday")}
    assert len({d.year for d in published.values()}) == 1
    # a count "since June 25" runs to its article's day
    since = claims_by_text(monsoon, "m4")["At least 45"]
    assert (since["period_start"][5:], since["period_end"]) == ("06-25", published["m4"].isoformat())
    deaths = pairs(monsoon, "deaths")
    # the national and the provincial tolls rise from day to day; two accounts of one day differ
    assert ("update", ("37", "55")) in deaths and ("update", ("8", "11")) in deaths
    assert ("conflict", ("55", "45")) in deaths
    assert not [p for p in deaths if p[0] == "revision"]
