"""Properties that hold for any text: nothing crashes, spans point at what they claim, intervals are ordered.

The texts are built from the pieces hostile and ordinary copy is made of (figures, qualifiers, range
words, brackets, line breaks, page furniture) as well as arbitrary Unicode, so that Hypothesis reaches
the number grammar's corners rather than letters it never looks at.
"""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, assume, example, given, settings, strategies as st

from discrepancy.articles import build_article, compile_furniture
from discrepancy.decoding import NotText, bounded_lines, cut_text, decode_bytes
from discrepancy.errors import printable
from discrepancy.extractor import Extractor
from discrepancy.formats import claims_jsonl, json_document
from discrepancy.models import Article, Result
from discrepancy.numbers import NumberGrammar
from discrepancy.report import escape_markdown, render_markdown
from discrepancy.rules import load_rules

RULES = load_rules()
GRAMMAR = NumberGrammar(RULES)
EXTRACTOR = Extractor(RULES)
FURNITURE = compile_furniture(RULES.furniture)

PIECES = [
    # figures as written
    "0", "7", "16", "160", "2,030", "7,939", "1,000,000", "1.5", ".5", "-3", "−4", "1/2", "2.3k", "1.2bn", "3 mln",
    "$", "US$", "€", "£", "%", " per cent", "USD ", "12345678901234567890", "1e5", "0x1F",
    # spelled and vague
    "one", "a", "an", "twenty", "twenty-one", "hundred", "thousand", "million", "billion", "a dozen", "dozens of",
    "half", "a half", "two thirds", "tens of thousands", "one and a half",
    # qualifiers and range words
    "more than ", "more than more than ", "nearly ", "about ", "at least ", "up to ", "fewer than ", " or more",
    "between ", " and ", " to ", "-", "–", "~", " from ", "rose ", "fell ",
    # counted nouns, triggers, speakers, places
    " people", " were killed", " died", " troops", " arrested", " said", "police said ", "according to ",
    "Tokayev", " in Almaty", " Kazakhstan", "among the ", "security forces",
    # dates, times, codes, ages
    "January 4, 2022", "2022-01-10", "06.01.2022", "13:54", "10 a.m.", "COVID-19", "5G", "Article 4", "81-year-old",
    "#1", "+1-222-2222-2222", "http://x.y/1/2",
    # punctuation, brackets, line breaks, furniture
    " ", "  ", ", ", ". ", "! ", "? ", "\n", "\n\n", "\r\n", "\t", "(", ")", "[", "]", "{", "}", "\"", "“", "”", "'",
    "’", ":", ";", "/", "|", "*", "_", "`", "<script>", "Related Stories\n", "Story Code : 972888\n",
    # awkward characters
    "\u00a0", "\u2028", "\u200b", "\u202e", "\x00", "\x85", "\ufeff", "\ud800", "é", "Алматы", "١٢٣", "𝟙𝟚", "½", "²",
]
pieces = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def pieces_or_text(chosen: list[str], most: int, text_size: int):
    """Texts joined from up to `most` of the chosen pieces, or any text of up to `text_size` characters: what a fast
    path is tested on beside its plain call (the pieces reach its gates, any text what they leave out)."""
    return st.one_of(st.lists(st.sampled_from(chosen), max_size=most).map("".join), st.text(max_size=text_size))


texts = st.one_of(pieces, st.text(max_size=200), st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)),
                                                           max_size=30).map("".join))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- number grammar --------------------------------------------------------------------------

@FAST
@given(texts)
@example("between 20 and 30 people")
@example("more than 100 and less than 300")
@example("1,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000")
def test_number_grammar_never_crashes_and_mentions_are_well_formed(text):
    for mention in GRAMMAR.find(text):
        assert 0 <= mention.start <= mention.number_start < mention.number_end <= mention.end <= len(text), mention
        if mention.low is not None and mention.high is not None:
            assert mention.low <= mention.high, (text, mention)


# --- extractor -------------------------------------------------------------------------------

def article_of(text: str) -> Article:
    return build_article("p", "p.txt", text, FURNITURE)


@FAST
@given(texts)
@example("At least 30 people were killed and more than 40 arrested, police said.")
@example("\ufeff16 dead")
def test_extractor_never_crashes_and_each_claim_points_at_its_text(text):
    article = article_of(text)
    for claim in EXTRACTOR.extract(article):
        assert claim.text == article.text[claim.start:claim.end], claim
        assert claim.text, claim
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high, claim


@FAST
@given(texts)
def test_claim_line_and_column_are_those_of_its_offset(text):
    article = article_of(text)
    for claim in EXTRACTOR.extract(article):
        line_start = article.text.rfind("\n", 0, claim.start) + 1
        assert (claim.line, claim.column) == (article.text.count("\n", 0, claim.start) + 1,
                                              claim.start - line_start + 1), claim


# --- decoding and reading --------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.booleans())
def test_any_bytes_decode_to_text_or_say_why_not(data, complete):
    try:
        text, encoding = decode_bytes(data, complete=complete)
    except NotText as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert isinstance(text, str) and encoding


@FAST
@given(st.text(max_size=300), st.integers(min_value=1, max_value=400))
def test_a_cut_text_is_a_start_of_the_text_within_the_limit(text, limit):
    text = text.replace("\ud800", "")
    assume(not re.search("[\ud800-\udfff]", text))
    cut = cut_text(text, limit)
    assert text.startswith(cut) and len(cut.encode()) <= max(limit, len(text.encode()) if cut == text else 0)


@FAST
@given(st.lists(st.binary(max_size=30).map(lambda b: b.replace(b"\n", b"")), max_size=12),
       st.integers(min_value=1, max_value=25))
def test_bounded_lines_keep_short_lines_and_measure_long_ones(lines, limit):
    import io
    data = b"".join(line + b"\n" for line in lines)
    got = list(bounded_lines(io.BytesIO(data), limit))
    expected = [line + b"\n" if len(line) <= limit else len(line) for line in lines]
    assert got == expected


# --- outputs ---------------------------------------------------------------------------------

@FAST
@given(texts, st.text(max_size=40))
def test_any_article_gives_valid_json_and_an_inert_report(text, name):
    article = Article(id=name or "x", path=f"{name}.txt", text=text, title=name or None)
    claims = tuple(EXTRACTOR.extract(article))
    result = Result(articles=(article,), claims=claims, findings=(), errors=(f"{name}: broken",))
    document = json.loads(json_document(result))
    assert len(document["claims"]) == len(claims)
    for line in claims_jsonl(claims).splitlines():
        json.loads(line)
    report = render_markdown(result, title=f"Report: {name}")
    report.encode("utf-8")  # writable
    assert "<script" not in report.lower() and not re.search(r"(?<!\\)\]\(", report)


@given(st.text(alphabet=st.characters(blacklist_categories=())))
def test_escaped_text_has_no_math_bidi_or_surrogates(text):
    escaped = escape_markdown(text)
    assert not re.search(r"(?<!\\)\$", escaped.replace("\\\\", ""))
    assert not re.search("[\u202a-\u202e\u2066-\u2069\ud800-\udfff]", escaped)


@given(st.text(alphabet=st.characters(blacklist_categories=())))
def test_printable_is_one_line_and_encodable(text):
    shown = printable(text)
    assert "\n" not in shown and "\r" not in shown and "\x1b" not in shown
    shown.encode("utf-8")
