"""Shortcuts of issue 6's second extraction pass: each gives what the plain call it stands for gives.

In the style of test_shortcuts.py: each shortcut set beside the plain call on the property tests'
pieces, on the characters that fold to ASCII letters, and on arbitrary text.
"""
from __future__ import annotations

import regex
from hypothesis import HealthCheck, example, given, settings, strategies as st

from discrepancy.extractor import STATED_PART_AFTER, STATED_PART_AFTER_REACH, WORD, _last_words, _states_part_after
from discrepancy.intervals import interval_of
from discrepancy.text import Document, Span

from test_properties import PIECES

# Letters outside ASCII that match ASCII letters under the patterns' case folding (İ ~ i, ſ ~ s, K ~ k).
FOLDING = ["\u0130", "\u017f", "\u212a", "OTHER", "ThEm", "WHOM", "o\u017f", "\u017feven", "\u212aILLED"]
PART_PIECES = PIECES + FOLDING + [" of them", " of whom", " among them", " and seven others", " and 3 other",
                                  " Australians", " and", " of", " them", " ", "\n", "\t", ", "]
texts = st.one_of(st.lists(st.sampled_from(PART_PIECES), max_size=40).map("".join), st.text(max_size=120))
CHECKS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@CHECKS
@given(texts)
@example("21 people, 14 of them Australians")
@example("14 Australians and seven OTHERS")
@example("6 " + "x" * (STATED_PART_AFTER_REACH + 10) + " of them")
def test_a_part_after_is_looked_for_only_where_its_words_stand(text):
    for end in range(len(text) + 1):
        for sentence_end in {len(text), min(len(text), end + 25)}:
            assert _states_part_after(text, end, sentence_end) == bool(STATED_PART_AFTER.match(text, end, sentence_end))


@CHECKS
@given(texts, st.integers(min_value=1, max_value=12))
@example("a " * 40, 10)
@example("a" * 199 + " b c", 10)
def test_the_last_words_of_a_short_window_are_those_of_a_reading_from_the_start(text, count):
    for end in range(0, len(text) + 1, 7):
        window = text[:end]
        assert [m.span() for m in _last_words(window, count)] == [m.span() for m in list(WORD.finditer(window))[-count:]]


# (kind, value, margin) -> interval: the table interval_of read as a literal.
INTERVALS = [
    ("exact", 10.0, 0.1, (10.0, 10.0)), ("around", 10.0, 0.1, (9.0, 11.0)),
    ("just_below", 10.0, 0.1, (9.0, 10.0)), ("just_above", 10.0, 0.1, (10.0, 11.0)),
    ("above", 10.0, 0.1, (10.0, None)), ("at_least", 10.0, 0.1, (10.0, None)),
    ("below", 10.0, 0.1, (None, 10.0)), ("at_most", 10.0, 0.1, (None, 10.0)),
    ("around", -20.0, 0.05, (-21.0, -19.0)), ("just_below", -20.0, 0.05, (-21.0, -20.0)),
]


def test_each_kind_gives_its_interval():
    for kind, value, margin, interval in INTERVALS:
        assert interval_of(kind, value, margin) == interval, kind


def test_a_sentence_is_a_span_that_keys_its_figures_results():
    document = Document("Officials said 5 people died. Police said 6 more.\nA second paragraph.")
    first, second = document.sentence_at(16), document.sentence_at(35)
    assert (first, second) == (Span(0, 29), Span(30, 49)) and first.start == 0 and second.end == 49
    assert {first: "a", second: "b"}[document.sentence_at(20)] == "a"
    assert document.paragraph_at(55) == Span(50, 69)


def test_only_the_known_letters_fold_to_ascii():
    """The shortcuts that look for lower-cased ASCII words rely on this list: a new Unicode version of
    the regex module that folds another letter to an ASCII one would show here."""
    folding = [chr(code) for code in range(128, 0x30000)
               if regex.match(r"(?i)[a-z]", chr(code)) and not chr(code).isascii()]
    assert folding == ["\u0130", "\u017f", "\u212a"]


QUALIFIER_PIECES = PART_PIECES + ["more than ", "MORE THAN ", "at least ", "AT LEA\u017fT ", "no more than ", "as many as ",
                                  "has ", "photo ", "approx. ", "ca. ", "sub-", "x>", ">= ", "\u2264", "~", "\u0130",
                                  "nearly\u00a0", "ALMO\u017fT ", "\u212a", "over\u2003 ", "up to "]
qualifier_texts = st.one_of(st.lists(st.sampled_from(QUALIFIER_PIECES), max_size=30).map("".join), st.text(max_size=80))


@CHECKS
@given(qualifier_texts)
@example("killed no more than ")
@example("AT LEA\u017fT ")
@example("\u0130\u0130 about ")
def test_the_phrase_before_is_found_among_the_phrases_ending_in_the_texts_last_word(text):
    from test_properties import GRAMMAR
    intervals = GRAMMAR.intervals
    for end in range(len(text) + 1):
        window = text[max(0, end - 40):end]
        found, plain = intervals.phrase_before(window), intervals.before_pattern.search(window)
        assert (found and (found.span(), found.groups())) == (plain and (plain.span(), plain.groups()))
