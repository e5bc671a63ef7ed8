"""The bundled sample: what issue 2 says the five seed articles must show, end to end.

These read the seeds through the whole pipeline; no code or rule names a seed sentence.
"""
from pathlib import Path

import pytest

import discrepancy

SEEDS = str(Path(__file__).parent.parent / "seeds")


@pytest.fixture(scope="module")
def result():
    return discrepancy.check([SEEDS])


def claim(result, text, quantity):
    found = [c for c in result.claims if c.text == text and c.quantity == quantity]
    assert found, (text, quantity, sorted({(c.text, c.quantity) for c in result.claims}))
    return found[0]


def verdict(result, a, b):
    return {f.verdict for f in result.findings if set(f.claims) == {a.id, b.id}}


def test_security_force_deaths_against_the_overall_toll_is_flagged_for_review(result):
    sixteen = claim(result, "16", "deaths")
    overall = claim(result, "more than 160", "deaths")
    assert (sixteen.scope, sixteen.source, overall.scope) == ("security forces", "Tokayev", None)
    assert verdict(result, sixteen, overall) == {"different_scope"}


def test_more_than_a_dozen_security_forces_agrees_with_16(result):
    assert verdict(result, claim(result, "16", "deaths"), claim(result, "more than a dozen", "deaths")) == \
        {"consistent"}


def test_almaty_toll_lies_within_the_overall_toll(result):
    almaty = claim(result, "more than 100", "deaths")
    assert almaty.place == "Almaty"
    assert verdict(result, almaty, claim(result, "more than 160", "deaths")) == {"consistent"}


@pytest.mark.parametrize("first,second,quantity", [("A total of 7,939", "nearly 8,000", "arrests"),
                                                   ("2,030", "2,000", "troops")])
def test_rounded_figures_are_consistent(result, first, second, quantity):
    assert verdict(result, claim(result, first, quantity), claim(result, second, quantity)) == {"consistent"}


@pytest.mark.parametrize("text,quantity,scope", [("more than 1,600", "injured", "security forces"),
                                                 ("over 6,000", "fighters", "fighters"),
                                                 ("over 40", "camps", None)])
def test_other_figures_are_typed(result, text, quantity, scope):
    assert claim(result, text, quantity).scope == scope


def test_the_border_clash_is_not_compared_with_the_kazakh_toll(result):
    taliban = claim(result, "over 11", "deaths")
    assert not [f for f in result.findings if taliban.id in f.claims]


@pytest.mark.parametrize("number", ["972888", "2014", "2022", "2023", "1920", "81", "51"])
def test_codes_years_ages_and_furniture_are_not_figures(result, number):
    assert not [c for c in result.claims if number in c.text.replace(",", "")]


def test_nothing_in_the_seeds_is_a_conflict(result):
    assert not [f for f in result.findings if f.verdict == "conflict"]
