"""Pairs of claims -> verdict: rounding, qualifiers, scope and place hierarchy, time."""
import datetime as dt
import random
from dataclasses import replace

import numpy as np
import pytest

from discrepancy.models import UNNAMED_PART, Claim
from discrepancy.places import Gazetteer
from discrepancy import reconciler
from discrepancy.reconciler import _first_appearance_codes, reconcile
from discrepancy.rules import load_rules

RULES = load_rules()
GAZETTEER = Gazetteer.from_rules(RULES.places)
JAN_5, JAN_10 = dt.date(2022, 1, 5), dt.date(2022, 1, 10)


def claim(article, text, low, high, qualifier="exact", quantity="deaths", scope=None, place="Kazakhstan",
          published=None, value=None, stated_part=False):
    value = value if value is not None else (low if low is not None else high)
    return Claim(id=f"{article}:{text}", article=article, text=text, value=value, low=low, high=high,
                 qualifier=qualifier, unit="people", direction=None, quantity=quantity, scope=scope, place=place,
                 source=None, sentence=text, line=1, column=1, start=0, end=len(text), published=published,
                 stated_part=stated_part)


def verdicts(*claims):
    findings, _ = reconcile(list(claims), RULES, GAZETTEER.relation)
    return sorted(f.verdict for f in findings)


PAIRS = [
    # rounding: a round number tolerates the rounding of its last place, within the quantity's share
    ("2,030 and 2,000 troops", claim("a", "2,030", 2030, 2030, quantity="troops"),
     claim("b", "2,000", 2000, 2000, quantity="troops"), ["consistent"]),
    ("7,939 and nearly 8,000", claim("a", "7,939", 7939, 7939, quantity="arrests"),
     claim("b", "nearly 8,000", 7600, 8000, "approx", quantity="arrests", value=8000), ["consistent"]),
    ("8,100 is not nearly 8,000", claim("a", "8,100", 8100, 8100, quantity="arrests"),
     claim("b", "nearly 8,000", 7600, 8000, "approx", quantity="arrests", value=8000), ["conflict"]),
    ("16 and more than a dozen", claim("a", "16", 16, 16, scope="security forces"),
     claim("b", "more than a dozen", 12, None, "more_than", scope="security forces"), ["consistent"]),
    ("16 and more than 160, same scope", claim("a", "16", 16, 16), claim("b", "more than 160", 160, None, "more_than"),
     ["conflict"]),
    ("12 and 15 dead", claim("a", "12", 12, 12), claim("b", "15", 15, 15), ["conflict"]),
    # scope: a part of the whole is flagged for review; a part larger than the whole conflicts
    ("16 security forces within more than 160 overall", claim("a", "16", 16, 16, scope="security forces"),
     claim("b", "more than 160", 160, None, "more_than"), ["different_scope"]),
    ("part exceeds whole", claim("a", "200", 200, 200, scope="police"), claim("b", "150", 150, 150),
     ["conflict"]),
    ("civilians and police are not compared", claim("a", "40", 40, 40, scope="civilians"),
     claim("b", "3", 3, 3, scope="police"), []),
    # parts that name no group: each is a part of everyone, but two of them need not be the same people
    ("seven others and three guides are not compared", claim("a", "seven", 7, 7, scope=UNNAMED_PART),
     claim("b", "three", 3, 3, scope=UNNAMED_PART), []),
    ("an unnamed part above its whole", claim("a", "30", 30, 30, scope=UNNAMED_PART), claim("b", "21", 21, 21),
     ["conflict"]),
    # an unnamed part belongs to the whole its article names, not to another part ("five more died" beside "two from
    # Dhubri", an item of a breakdown), in its own article or another
    ("an unnamed part beside an item of a breakdown", claim("a", "five", 5, 5, scope=UNNAMED_PART, stated_part=True),
     claim("a", "two", 2, 2, stated_part=True), []),
    ("an unnamed part beside another article's item", claim("a", "12", 12, 12, scope=UNNAMED_PART, stated_part=True),
     claim("b", "eight", 8, 8, stated_part=True), []),
    ("an unnamed part above another article's whole", claim("a", "12", 12, 12, scope=UNNAMED_PART, stated_part=True),
     claim("b", "eight", 8, 8), ["conflict"]),
    # place: a city within its country; unrelated places are not compared
    ("Almaty within Kazakhstan", claim("a", "40", 40, 40, place="Almaty"), claim("b", "164", 164, 164),
     ["different_scope"]),
    ("Almaty's open-ended toll within a larger national one", claim("a", "more than 100", 100, None, "more_than",
                                                                     place="Almaty"),
     claim("b", "more than 160", 160, None, "more_than"), ["consistent"]),
    ("Almaty part exceeding Kazakhstan", claim("a", "300", 300, 300, place="Almaty"), claim("b", "164", 164, 164),
     ["conflict"]),
    ("another country's clash", claim("a", "over 11", 11, None, "more_than", place="Afghanistan", scope="fighters"),
     claim("b", "more than 160", 160, None, "more_than"), []),
    # different quantities are never compared
    ("deaths and injured", claim("a", "16", 16, 16), claim("b", "1,600", 1600, 1600, quantity="injured"), []),
    # time: a cumulative toll that rises later is an update, one that falls is a revision
    ("toll rose", claim("a", "44", 44, 44, published=JAN_5), claim("b", "164", 164, 164, published=JAN_10),
     ["update"]),
    ("toll fell", claim("a", "225", 225, 225, published=JAN_5), claim("b", "164", 164, 164, published=JAN_10),
     ["revision"]),
    ("same day is a conflict", claim("a", "44", 44, 44, published=JAN_10), claim("b", "164", 164, 164,
                                                                                 published=JAN_10), ["conflict"]),
    # only figures of one time window can conflict (issue 7): troops on two days are two counts
    ("troops of different days are not compared", claim("a", "2,000", 2000, 2000, quantity="troops",
                                                         published=JAN_5),
     claim("b", "3,500", 3500, 3500, quantity="troops", published=JAN_10), []),
    ("troops of one day conflict", claim("a", "2,000", 2000, 2000, quantity="troops", published=JAN_10),
     claim("b", "3,500", 3500, 3500, quantity="troops", published=JAN_10), ["conflict"]),
    ("troops of different days that agree", claim("a", "2,000", 2000, 2000, quantity="troops", published=JAN_5),
     claim("b", "2,030", 2030, 2030, quantity="troops", published=JAN_10), ["consistent"]),
]


@pytest.mark.parametrize("name,first,second,expected", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair_verdict(name, first, second, expected):
    assert verdicts(first, second) == expected


def test_figures_of_one_article_are_not_compared_with_each_other():
    assert verdicts(claim("a", "12", 12, 12), claim("a", "15", 15, 15)) == []


def test_a_figure_its_own_article_supersedes_is_not_compared():
    # "had earlier confirmed that two ... is now three" (a): the two is no account of its own beside b's three
    earlier = replace(claim("a", "two", 2, 2, scope="soldiers"), superseded=True)
    assert verdicts(earlier, claim("a", "three", 3, 3, scope="soldiers"), claim("b", "three", 3, 3, scope="soldiers")) \
        == ["consistent"]
    assert verdicts(replace(earlier, superseded=False), claim("b", "three", 3, 3, scope="soldiers")) == ["conflict"]


def test_a_running_total_its_words_name_is_not_compared_with_one_events_count_even_undated():
    total = replace(claim("a", "865", 865, 865, scope="Palestinians"), running=True,
                    time_phrase="15 months of the Palestinian uprising")
    event = claim("b", "three", 3, 3, scope="Palestinians")
    assert verdicts(total, event) == []
    assert verdicts(replace(total, running=False), event) == ["conflict"]
    assert verdicts(total, replace(event, running=True)) == ["conflict"]


def test_a_count_to_come_is_not_compared():
    projected = replace(claim("a", "exceed 1,000", 1000, None, "more_than"), projection=True)
    assert verdicts(projected, claim("b", "800", 800, 800)) == []
    assert verdicts(replace(projected, projection=False), claim("b", "800", 800, 800)) == ["conflict"]


def test_a_part_exceeding_its_whole_in_one_article_is_a_conflict_where_the_article_ties_them():
    sentence = "164 people died across Kazakhstan, 300 of them in Almaty."
    part, whole = claim("a", "300", 300, 300, place="Almaty"), claim("a", "164", 164, 164)
    assert verdicts(replace(part, sentence=sentence), replace(whole, sentence=sentence)) == ["conflict"]
    assert verdicts(replace(part, stated_part=True), whole) == ["conflict"]
    # in sentences apart, its undated words may tell of two days: "killed the three gunmen" beside "Two gunmen
    # also killed a settler on December 2 before being killed by the army"
    assert verdicts(part, whole) == []


def test_group_shows_range_most_conservative_and_latest():
    first = claim("a", "more than 160", 160, None, "more_than", published=JAN_5)
    second = claim("b", "16", 16, 16, scope="security forces", published=JAN_10)
    _, groups = reconcile([first, second], RULES, GAZETTEER.relation)
    assert len(groups) == 1
    group = groups[0]
    assert (group.quantity, group.scope, group.flagged) == ("deaths", None, True)
    assert (group.low, group.high) == (16, None)
    assert group.most_conservative == second.id
    assert group.latest == second.id


def test_finding_message_names_both_scopes():
    findings, _ = reconcile([claim("a", "16", 16, 16, scope="security forces"),
                             claim("b", "more than 160", 160, None, "more_than")], RULES, GAZETTEER.relation)
    assert "security forces" in findings[0].message and "everyone" in findings[0].message


def verdict_between(first, second, *others):
    findings, _ = reconcile([first, second, *others], RULES, GAZETTEER.relation)
    return next(f.verdict for f in findings if set(f.claims) == {first.id, second.id})


def stated_part(article, text, value, scope):
    return replace(claim(article, text, value, value, scope=scope), stated_part=True)


@pytest.mark.parametrize("part_in_whole_article,expected", [
    (stated_part("b", "14 police", 14, "police"), "consistent"),        # "21 people, including 14 police"
    (stated_part("b", "nine police", 9, "police"), "different_scope"),  # another part: 14 is still unexplained
    (stated_part("b", "14 civilians", 14, "civilians"), "different_scope"),
    (claim("b", "14 police", 14, 14, scope="police"), "different_scope"),  # not stated as the whole's part
])
def test_a_part_whose_whole_states_it_too_is_explained(part_in_whole_article, expected):
    part, whole = claim("a", "14", 14, 14, scope="police"), claim("b", "21", 21, 21)
    assert verdict_between(part, whole, part_in_whole_article) == expected


# --- pairing a batch a few stories at a time (issue 6) --------------------------------------------

def _batch(seed: int, count: int) -> list[Claim]:
    """Claims of a few stories, quantities, articles, scopes and places, undated and dated, in any order."""
    rng = random.Random(seed)
    claims = []
    for i in range(count):
        low = rng.choice([None, 5, 12, 16, 100, 160, 2000])
        made = claim(rng.choice("abcdef"), f"{i}", low, rng.choice([low, None, 20, 170]) if low else 30,
                     quantity=rng.choice(["deaths", "injured", "arrests"]),
                     scope=rng.choice([None, "civilians", "security forces"]),
                     place=rng.choice([None, "Kazakhstan", "Almaty", "Peru"]),
                     published=rng.choice([None, JAN_5, JAN_10]))
        claims.append(replace(made, story=rng.choice([None, "s1", "s2", "s3"]),
                              stated_part=rng.random() < 0.2))
    return claims


def _naive_pairs(claims: list[Claim]) -> list[tuple[int, int]]:
    return [(i, j) for i in range(len(claims)) for j in range(i + 1, len(claims))
            if (claims[i].story, claims[i].quantity) == (claims[j].story, claims[j].quantity)]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("at_once", [1, 7, 500_000])
def test_candidate_pairs_are_every_pair_of_one_story_and_quantity_once(monkeypatch, seed, at_once):
    monkeypatch.setattr(reconciler, "PAIRS_AT_ONCE", at_once)
    claims = _batch(seed, 60)
    figures = reconciler.Figures(claims, RULES)
    found = [(int(a), int(b)) for part in reconciler.candidate_pairs(figures) for a, b in zip(*part)]
    assert sorted(found) == _naive_pairs(claims) and len(set(found)) == len(found)
    fresh = {c.id for c in claims[::3]}
    kept = [(int(a), int(b)) for part in reconciler.candidate_pairs(figures, fresh) for a, b in zip(*part)]
    assert sorted(kept) == [(i, j) for i, j in _naive_pairs(claims) if {claims[i].id, claims[j].id} & fresh]


@pytest.mark.parametrize("seed", range(3))
def test_findings_are_the_same_whatever_number_of_pairs_is_decided_at_once(monkeypatch, seed):
    claims = _batch(seed, 80)
    whole = reconcile(claims, RULES, GAZETTEER.relation)
    monkeypatch.setattr(reconciler, "PAIRS_AT_ONCE", 5)
    in_pieces = reconcile(claims, RULES, GAZETTEER.relation)
    assert list(in_pieces[0]) == list(whole[0]) and in_pieces[1] == whole[1]
    assert whole[0]  # the batch has findings to compare


@pytest.mark.parametrize("values, codes, coded", [
    ([5, 3, 5, 9, 3], [0, 1, 0, 2, 1], [5, 3, 9]),
    ([7], [0], [7]),
    ([2, 2, 2], [0, 0, 0], [2]),
    ([0, 1, 2], [0, 1, 2], [0, 1, 2]),
    ([4, 1, 0, 1], [0, 1, 2, 1], [4, 1, 0]),
])
def test_values_are_coded_in_the_order_they_first_appear(values, codes, coded):
    found_codes, found_values = _first_appearance_codes(np.array(values))
    assert found_codes.tolist() == codes and found_values.tolist() == coded
