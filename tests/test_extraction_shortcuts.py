"""Shortcuts of issue 6's second extraction pass: each gives what the plain call it stands for gives.

In the style of test_shortcuts.py: each shortcut set beside the plain call on the property tests'
pieces, on the characters that fold to ASCII letters, and on arbitrary text.
"""
from __future__ import annotations

import regex
from hypothesis import HealthCheck, example, given, settings, strategies as st

from discrepancy.extractor import (STATED_PART_AFTER, STATED_PART_AFTER_REACH, WORD, _last_words, _speaker,
                                   _states_part_after, _verb_between)
from discrepancy.intervals import interval_of
from discrepancy.text import Document, Span

from test_properties import PIECES, pieces_or_text

# Letters outside ASCII that match ASCII letters under the patterns' case folding (İ ~ i, ſ ~ s, K ~ k).
FOLDING = ["\u0130", "\u017f", "\u212a", "OTHER", "ThEm", "WHOM", "o\u017f", "\u017feven", "\u212aILLED"]
PART_PIECES = PIECES + FOLDING + [" of them", " of whom", " among them", " and seven others", " and 3 other",
                                  " Australians", " and", " of", " them", " ", "\n", "\t", ", "]
texts = pieces_or_text(PART_PIECES, 40, 120)
CHECKS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@CHECKS
@given(texts)
@example("21 people, 14 of them Australians")
@example("14 Australians and seven OTHERS")
@example(" were killed and seven others")
@example("6 " + "x" * (STATED_PART_AFTER_REACH + 10) + " of them")
def test_a_part_after_is_looked_for_only_where_its_words_stand(text):
    for end in range(len(text) + 1):
        for sentence_end in {len(text), min(len(text), end + 25)}:
            plain = STATED_PART_AFTER.match(text, end, sentence_end)
            assert _states_part_after(text, end, sentence_end) == (plain is not None and not _verb_between(plain))


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
qualifier_texts = pieces_or_text(QUALIFIER_PIECES, 30, 80)


@CHECKS
@given(qualifier_texts)
@example("killed no more than ")
@example("AT LEA\u017fT ")
@example("\u0130\u0130 about ")
@example("x>")
@example("sub-")
def test_the_phrase_before_is_found_among_the_phrases_ending_in_the_texts_last_word(text):
    from test_properties import GRAMMAR
    intervals = GRAMMAR.intervals
    for end in range(len(text) + 1):
        window = text[max(0, end - 40):end]
        found, plain = intervals.phrase_before(window), intervals.before_pattern.search(window)
        assert (found and (found.span(), found.groups())) == (plain and (plain.span(), plain.groups()))


AFTER_PIECES = PART_PIECES + ["or more", " or more ", "OR LESS", "-odd", " odd", "-plus", "plus", " PLU\u017f", " or \u017fo",
                              "or equal to it", "and up", " and above", "\u00a0", "\x1c", "\u2003", " -", "- ", "5", "$"]
after_texts = pieces_or_text(AFTER_PIECES, 12, 40)


@CHECKS
@given(after_texts)
@example(" or more people")
@example("-odd fighters")
@example("\x1c\u00a0\u2003or so")
@example(" \u017fo")
@example("  -plus")
def test_the_phrase_after_is_looked_for_only_where_its_first_character_stands(text):
    from test_properties import GRAMMAR
    intervals = GRAMMAR.intervals
    for start in range(len(text) + 1):
        found, plain = intervals._after_phrase(text, start), intervals.after_pattern.match(text[start:start + 30])
        assert (found and (found.span(), found.groups())) == (plain and (plain.span(), plain.groups()))


WORD_PIECES = PART_PIECES + ["by ", " by", "BY ", "rose ", "grew sales ", "its ", "the ", "cut its workforce ", "by by ",
                             "x, by ", "\u00e9t\u00e9 ", "d\u2019", "-", "up ", "made up "]
word_texts = pieces_or_text(WORD_PIECES, 20, 60)


@CHECKS
@given(word_texts)
@example("grew its sales by ")
@example("rose by by ")
@example("fell, by ")
def test_the_words_before_a_figure_read_backwards_are_those_of_the_plain_search(text):
    from discrepancy import extractor
    plain = {extractor.WORD_BEFORE: r"([\p{L}]+)(?:\s+by)?\s*\Z", extractor.LAST_WORD: r"([\p{L}]+)\s+\Z",
             extractor.VERB_OBJECT_BY: r"([\p{L}]+)\s+(?:(?:its|their|the|his|her|our|your)\s+)?[\p{L}]+\s+by\s*\Z"}
    for pattern, source in plain.items():
        for end in range(len(text) + 1):
            lead = text[max(0, end - 40):end]
            for stop in {len(lead), len(lead) // 2}:
                found, wanted = pattern.match(lead, 0, stop), regex.compile(source).search(lead, 0, stop)
                assert (found and (found.span(), found.groups())) == (wanted and (wanted.span(), wanted.groups()))


@CHECKS
@given(st.one_of(st.text(max_size=30), st.lists(st.sampled_from(["a", " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c",
                                                                 "\u00a0", "\u2003", "\u0085", "US", "$", "é"]),
                                                max_size=12).map("".join)))
def test_single_spacing_is_that_of_the_plain_substitution(text):
    from discrepancy.patterns import single_spaced
    assert single_spaced(text) == regex.sub(r"\s+", " ", text)


CLAUSE_PIECES = PART_PIECES + [" which", " who", " whom", " WHOSE", " that", " after", " when", " whenever", " if",
                               " thatif", " people", " died", " the tragedy", "-", "\u212a", " \u017fince", " \u0130F",
                               " unle\u017f\u017f", "\u00b2which", "e\u0301if"]


def plain_clause_end(text: str, start: int, end: int, unit: str) -> int:
    """_clause_end as two scans: the first subordinate word, then the relatives before it (but one after "among
    those", which says what the whole counts)."""
    from discrepancy.extractor import RELATIVE, SUBORDINATE, FUNCTION_WORDS, WHOLE_OF_RELATIVE
    window = text[start:end]
    subordinate = SUBORDINATE.search(window)
    cut = subordinate.start() if subordinate else len(window)
    for relative in RELATIVE.finditer(window, 0, cut):
        between = [w for w in WORD.findall(window[:relative.start()]) if w.lower() not in FUNCTION_WORDS]
        if len(between) > len(unit.split()) and not WHOLE_OF_RELATIVE.search(window[:relative.start()]):
            return start + relative.start()
    return start + cut


@CHECKS
@given(pieces_or_text(CLAUSE_PIECES, 25, 80),
       st.sampled_from(["", "people", "Taliban fighters", "a b c"]))
@example("30 people who died after the tragedy which killed 21", "people")
def test_a_clause_ends_where_the_two_plain_scans_say(text, unit):
    from discrepancy.extractor import _clause_end
    for start in range(0, len(text) + 1, 3):
        for end in {len(text), min(len(text), start + 20), max(0, start - 2)}:
            assert _clause_end(text, start, end, unit) == plain_clause_end(text, start, end, unit)


@CHECKS
@given(st.one_of(st.lists(st.sampled_from(PART_PIECES + ["%", " %", " per cent", " PCT", "pct", "\u20ac", " $", "  $",
                                                          " of the", "\tof its", " of Kenya's ", "\x1c%", "\u2003%"]),
                          max_size=8).map("".join), st.text(max_size=30)))
def test_the_patterns_after_a_figure_are_tried_only_where_their_first_character_stands(rest):
    from discrepancy.extractor import _PERCENT_FIRST, _SIGNS
    from discrepancy.patterns import compiled
    first = rest.lstrip()[:1]
    if compiled(r"\s*(%|per\s?cent|percent|pct)(?!\w)", regex.I).match(rest) \
            or compiled(r"\s*(?:%|per\s?cent|percent)", regex.I).match(rest):
        assert first in _PERCENT_FIRST
    if compiled(r"\s?([€£¥$₹₽])").match(rest):
        assert rest[:1] in _SIGNS or rest[1:2] in _SIGNS
    if compiled(r"\s+of\s+").match(rest):
        assert first == "o"


GAP_PIECES = [" ", "  ", "\t", "\n", "\x1c", "\u00a0", "\u2003", "in", "IN", "\u0130n", "out", "OUT", "of", "o\u017f",
              "over", "OVER", "and", "AND", "x", ",", "-", "\u03a3", "\u03a3\u03a3", "A\u03a3", "\u0301"]


@CHECKS
@given(pieces_or_text(GAP_PIECES, 8, 20))
def test_the_gaps_between_atoms_are_read_only_where_their_words_allow(gap):
    from discrepancy.numbers import _SHARE_WORDS, _SPACE_OR_TAB, _gap_words
    from discrepancy.patterns import compiled, folded
    between = folded(gap).split()
    if compiled(r"\s+(?:in|out\s+of)\s+", regex.I).fullmatch(gap):
        assert between in _SHARE_WORDS
    if compiled(r"\s+over\s+", regex.I).fullmatch(gap):
        assert between == ["over"]
    # the words read up to the third say the same of the gap as all its words
    assert (_gap_words(gap) in _SHARE_WORDS, _gap_words(gap) == ["over"]) == (between in _SHARE_WORDS, between == ["over"])
    if compiled(r"[ \t]+(?:and[ \t]+)?").fullmatch(gap):
        assert gap[:1] in _SPACE_OR_TAB and gap.lstrip(" \t")[:1] in ("", "a")


@CHECKS
@given(st.text(max_size=40))
def test_folding_keeps_each_character_in_its_place(text):
    from discrepancy.patterns import folded
    assert len(folded(text)) == len(text)
    for index, char in enumerate(text):
        for letter in "iksz":
            assert bool(regex.fullmatch(f"(?i){letter}", char)) == (folded(text)[index] == letter)


@CHECKS
@given(st.one_of(st.lists(st.sampled_from(PART_PIECES + ["among the children", "AMONG ", "\u0130NCLUDING 3 police",
                                                         "including", " of them women", " OF WHOM soldiers",
                                                         " civilians", " children", "amongst "]),
                          max_size=12).map("".join), st.text(max_size=60)))
def test_a_sentence_is_searched_for_a_group_only_where_its_words_stand(sentence):
    from discrepancy.extractor import AMONG_WORDS
    from discrepancy.patterns import folded
    from test_properties import EXTRACTOR
    if EXTRACTOR.among_pattern.search(sentence):
        assert any(word in folded(sentence) for word in AMONG_WORDS)


def plain_counted_noun(extractor, rest: str, share_end: int) -> str:
    """_counted_noun's words as a scan of the rest read them, each kept while it follows the one before: a
    model's code glued to a word joins it ("F-35 jets"), a unit takes its "/h", a plural ends the phrase
    unless our vocabulary knows the next word and it is no participle, and a word hyphened to the figure is read
    alone."""
    from discrepancy.extractor import AUXILIARIES, FUNCTION_WORDS, PREPOSITIONS, _plural, _remembered
    rest = rest[:80]  # _counted_noun reads the 80 characters after the figure, no further
    words = []
    most = 1 if rest.lstrip()[:1] == "-" else 3
    added = regex.match(r"\s+(?:more|fewer)(?=\s+\p{L})", rest, regex.I) if not share_end else None
    end = added.end() if added else share_end
    while len(words) < most:
        # the scan from where the phrase has come to ("F-35" is read past before the next word)
        match = next(regex.compile(r"[\s-]*([\p{L}][\p{L}'’-]*)").finditer(rest, pos=end), None)
        if not match or match.start() != end:
            break
        written, word = match.group(1), match.group(1).lower()
        code = regex.compile(r"-?\d[\p{L}\d-]*(?![^\s,.;:)])").match(rest, match.end()) \
            if written.endswith("-") or rest[match.end():match.end() + 1].isdigit() else None
        if code:
            words.append(written + code.group())
            end = code.end()
            continue
        if word in FUNCTION_WORDS or word in AUXILIARIES or word in PREPOSITIONS or word in extractor.phrase_stops:
            break
        last = words[-1].lower() if words else ""
        if words and (_plural(last) and (not extractor._known_word(written) or word.endswith("ed"))
                      or last in extractor.plurals_without_s and extractor._participle(word)):
            break  # "people lack water", "people died", "12 staff taken hostage"
        words.append(written)
        end = match.end()
        if len(words) == 1 and not share_end and (word in extractor.unit_words or written in extractor.unit_symbols):
            per = regex.compile(r"/\p{L}+\b").match(rest, end)
            words[-1] += per.group() if per else ""
            break
    while words and not _remembered(extractor._noun_like_words, words[-1], extractor._noun_like):
        words.pop()
    return " ".join(words)


NOUN_PIECES = PART_PIECES + [" people", " Taliban fighters", "-inch", " inch", " display", " died", " quickly", " were",
                             " of the", " of its ", "1", ",", "  ", "\u00a0", "-", "--", " km", " kg", "\u0301", "é"]


@CHECKS
@given(pieces_or_text(NOUN_PIECES, 10, 40))
@example(" Taliban fighters were killed")
@example(" of the best speakers said")
@example("-inch display")
@example(" arrested81-year-old" + "0123456789" * 7)  # a code running past the 80 characters read
@example(" people people3 mln")  # a code after a plural: the next word follows the code, not the plural
def test_the_counted_noun_is_that_of_a_scan_of_the_words_after(rest):
    from test_properties import EXTRACTOR
    share = regex.compile(r"\s+of\s+(?:(?:the|its|his|her|their|our|these|those|a|an)\s+|[\p{Lu}][\p{L}]*['’]s\s+"
                          r"|(?=\p{L}+(?<![siau'’])s\b))")
    text = "5" + rest
    found = share.match(rest) if rest.lstrip()[:1] == "o" else None
    whole = regex.match(r"\d[\d,.]*\s+(?=\p{L})", rest[found.end():]) if found else None
    plain = plain_counted_noun(EXTRACTOR, rest, found.end() + (whole.end() if whole else 0) if found else 0)
    counted = EXTRACTOR._counted_noun(text, 1, len(text))
    # a percentage or a sign after the figure is read before its words
    assert counted == plain or counted in ("%", "percent", "percentage points") or counted[:1] in "€£¥$₹₽₦₱₩₺₴₫₪"


def test_a_speaker_is_read_from_the_source_patterns_three_groups_in_order():
    """_speaker unpacks match.groups(): the pattern holds these three groups, in this order, and no other."""
    from test_properties import EXTRACTOR
    assert EXTRACTOR.source_pattern.groupindex == {"after_marker": 1, "before_verb": 2, "after_verb": 3}
    assert EXTRACTOR.source_pattern.groups == 3
    match = EXTRACTOR.source_pattern.search("7,939 people were arrested, the Interior Ministry announced")
    assert _speaker(match) == "the Interior Ministry"


def test_the_word_pattern_reads_no_letter_or_digit_in_ascii_but_the_ascii_words():
    """ASCII_WORD stands for WORD on ASCII text: \\p{L} and \\d match there what [A-Za-z] and [0-9] do."""
    ascii_chars = [chr(code) for code in range(128)]
    assert [c for c in ascii_chars if regex.match(r"[\p{L}]", c)] == [c for c in ascii_chars if c.isalpha()]
    assert [c for c in ascii_chars if regex.match(r"\d", c)] == list("0123456789")


@CHECKS
@given(st.one_of(st.lists(st.sampled_from([p for p in PART_PIECES if p.isascii()] + ["'", "-", "5,000.5", "x1"]),
                          max_size=40).map("".join),
                 st.text(alphabet=st.characters(max_codepoint=127), max_size=120), texts))
@example("people's 1,200.5 well-known -- o'clock")
def test_the_words_of_a_window_are_those_of_the_word_pattern(text):
    from discrepancy.extractor import _words
    assert [m.span() for m in _words(text)] == [m.span() for m in WORD.finditer(text)]


def test_the_separators_taken_out_of_ascii_digits_are_those_the_pattern_matches():
    from discrepancy.numbers import _ASCII_SEPARATORS
    assert sorted(_ASCII_SEPARATORS) == [code for code in range(128) if regex.match(r"[,\s]", chr(code))]


@CHECKS
@given(st.one_of(st.lists(st.sampled_from(["7", "939", ",", " ", "\u00a0", "\u202f", "\u2009", "\t", ".", "5", "-", "\u2212",
                                           "\u0663", "\x1c"]), max_size=12).map("".join), st.text(max_size=20)))
def test_digits_lose_the_separators_the_pattern_substitution_takes_out(raw):
    from discrepancy.numbers import _without_separators
    assert _without_separators(raw) == regex.sub(r"[,\s]", "", raw).replace("\u2212", "-")


LABEL_PIECES = PART_PIECES + ["Flight", " No", "No.", " No. ", ":", " : ", "#", "\u2116", "\t", "  ", "Game", " (", "S&P",
                              "a-b", "x.", "\u2019", "/", "killed ", "police ", "Article ", "\u00a0", "\n"]


@CHECKS
@given(pieces_or_text(LABEL_PIECES, 16, 60))
@example("people died in the floods, and police killed ")
@example("the flight was Flight No. ")
@example("Game : ")
@example("Game\t:\t")
@example("x No No. ")
def test_the_label_search_from_its_last_words_finds_what_a_search_of_the_whole_lead_finds(text):
    from discrepancy.numbers import LABEL, _label_run_start
    for end in range(len(text) + 1):
        before = text[max(0, end - 40):end]
        found, plain = LABEL.search(before, _label_run_start(before)), LABEL.search(before)
        assert (found and (found.span(), found.groups())) == (plain and (plain.span(), plain.groups()))


EARLIER_PIECES = PART_PIECES + ["earlier ", "EARLIER", "initially ", "first ", "fir\u017ft ", "preliminary ", "said ",
                                "had earlier confirmed ", "initial reports ", "an earlier toll of ", "reported ",
                                "said earlier", "toll", "figures", "5", "\u0130nitial "]


@CHECKS
@given(pieces_or_text(EARLIER_PIECES, 14, 60))
@example("police had earlier said 12 and then said 5")
@example("30 died, police said earlier")
@example("an INITIAL toll of 42")
def test_an_earlier_report_is_looked_for_only_where_its_words_stand(text):
    from collections import namedtuple
    from test_properties import EXTRACTOR
    before, after = EXTRACTOR.earlier_report
    figure = namedtuple("Figure", "start end")
    for start in range(0, len(text) + 1, 3):
        for end in {start, min(len(text), start + 2)}:
            for previous_end, next_start in {(0, len(text)), (max(0, start - 15), min(len(text), end + 15)), (start, end)}:
                plain = before.search(text, previous_end, start) is not None \
                    or after is not None and after.search(text, end, next_start) is not None
                assert EXTRACTOR._reported_earlier(text, previous_end, figure(start, end), next_start) == plain


RATE_PIECES = PART_PIECES + ["each year", "EVERY DAY", "per\tweek", "a  month", "annually", "5annually", "on average",
                             "on an average day", "Monday", "today", "years", "in a week", "a year ago", "\u017f", ", ",
                             "yearly", "the day", "Every day, "]


@CHECKS
@given(pieces_or_text(RATE_PIECES, 14, 60))
@example("40,000 die each year")
@example("Every day, 12 migrants drown")
@example("12 5annually")
def test_a_rate_is_looked_for_only_where_a_phrase_may_end(text):
    from collections import namedtuple
    from test_properties import EXTRACTOR
    figure = namedtuple("Figure", "start end")
    for start in range(0, len(text) + 1, 2):
        for end in {start, min(len(text), start + 2)}:
            for sentence in {Span(0, len(text)), Span(min(start, 5), max(end, len(text) - 5))}:
                for next_start in {len(text), min(len(text), end + 10)}:
                    lead = text[max(sentence.start, start - 30):start]
                    last = list(EXTRACTOR.rate.finditer(lead))[-1:]
                    plain = EXTRACTOR.rate.search(text, end, min(next_start, sentence.end)) is not None \
                        or bool(last) and not lead[last[0].end():].strip(" ,")
                    assert EXTRACTOR._rate(text, figure(start, end), sentence, next_start) == plain


BETWEEN_FIGURES_PIECES = PART_PIECES + [" km (", "(US$", " (", " / ", ", ", ";", " or ", " OR ", ", or ", " and ", " AND ",
                                        ", and ", " points", " per cent", "%", " Microsoft ", " by ", "\u00a0", "\x1c",
                                        "\u2003", "Ford", "or", "and", ",", "(", "/"]


@CHECKS
@given(pieces_or_text(BETWEEN_FIGURES_PIECES, 10, 40))
@example(" km (")
@example(" points, or ")
@example("%, Microsoft ")
@example(" in Texas, ")
@example(" in Texas and\u2003")
def test_the_gaps_between_figures_are_read_only_where_they_hold_what_each_pattern_needs(gap):
    from discrepancy.extractor import CONVERSION_GAP, GAPPED, IN_BRACKETS_GAP, LIST_GAP, OR_GAP
    ending = gap.rstrip()
    if CONVERSION_GAP.match(gap):
        assert "(" in gap
    if IN_BRACKETS_GAP.match(gap):
        assert ending[-1:] in ("/", ",", ";")
    if OR_GAP.match(gap):
        assert ending[-2:].lower() == "or"
    if GAPPED.match(gap):
        assert "," in gap or "and" in gap
    for start in range(len(gap) + 1):
        if LIST_GAP.match(gap, start):
            assert ending[-1:] == "," or ending[-3:].lower() == "and"


REFERENCE_PIECES = PART_PIECES + ["south of ", "SOUTH OF THE ", "north-east of ", "outside ", "outside of the ", "the south of ",
                                  "\u017fouth of ", "at least ", "in ", "east", "-", "\t", "of the "]


@CHECKS
@given(pieces_or_text(REFERENCE_PIECES, 10, 50))
@example("struck 50 km south of ")
@example("the south of ")
@example("outside the ")
def test_a_point_of_reference_is_looked_for_only_where_its_words_stand(lead):
    from test_properties import EXTRACTOR
    from discrepancy.places import PlaceMention
    text = lead + "Kabul"
    place = PlaceMention(len(lead), len(text), "Kabul", "Afghanistan")
    plain = EXTRACTOR.reference_point.search(text, max(0, place.start - 40), place.start)
    assert EXTRACTOR._beyond_reference(place, text) == (place._replace(name="Afghanistan") if plain else place)


SENTENCE_PIECES = PART_PIECES + [". ", "! ", "? ", ".\" ", ".\u2019 ", ".) ", ".] ", "Mr. ", "U.S. ", "\u00a0", "\u2003", "\x1c",
                                 "\u0085", "The ", "\u201cThe ", "(5 ", "5 ", "\u00c9", "\u03a3", ".\t", "'", "\u201d", "0 people."]


@CHECKS
@given(pieces_or_text(SENTENCE_PIECES, 30, 80))
@example("Police said 5 died. Mr. Smith said 6.\" The toll rose.) (7 more.")
@example("0 people. 1,000,0001,000,000")
def test_sentence_ends_are_those_of_the_plain_scan(text):
    from discrepancy.text import SENTENCE_END, _sentence_ends
    for start, end in {(0, len(text)), (len(text) // 3, len(text) - len(text) // 4), (len(text) // 2, len(text))}:
        found = [m.span() for m in _sentence_ends(text, Span(start, end))]
        assert found == [m.span() for m in SENTENCE_END.finditer(text, start, end)]


# Digits and what may follow or lead them: separators, spaces of every kind, digits past ASCII, letters that fold to
# ASCII ones, scales, abbreviated scales and powers in every case, marks and slashes.
PLAIN_NUMBER_PIECES = ["0", "7", "16", "160", "2,030", "7,939", "1,000,000", "12,34,567", "1,2345", "1.5", "1.", ".5",
                       ",", ".", ",5", "1,23", " ", "  ", "\t", "\n", "\x1c", "\u00a0", "\u2009", "\u202f", "\u0663",
                       "\u00bd", "x", "X", "\u00d7", " x 10^6", "x10", "^2", "/", "\u2044", "/4", "-", "\u2212", "e5",
                       "E", "k", "K", "\u212a", "bn", "Bn", "B", "b", "M", "MM", " million", " Million", " MILLION",
                       " millions", " hundred", " lakh", " dozen", " dozens", " doz", " mil", " mn", " k", " K", " x",
                       " people", " per cent", "%", "$", "US$", "(", ")", "_", "a", "\u0130", "\u017f", "\u00e9",
                       "m\u0130llion", " \u017fix", "5-fold", "fold", " killed"]


@CHECKS
@given(pieces_or_text(PLAIN_NUMBER_PIECES, 20, 60))
@example("160 people, 7,939 were arrested and 2.5% rose in 2019.")
@example("5 million, 3 x 10^6, 4 K, 2 dozens, 1,234,5678 and 5\u00a0k")
def test_a_plain_number_is_the_atom_patterns_match_of_its_digits_alone(text):
    from test_properties import GRAMMAR
    groups = GRAMMAR.atom_pattern.groupindex
    for candidate in GRAMMAR.candidate_patterns[0].finditer(text):
        plain = GRAMMAR.plain_number.match(text, candidate.start())
        if plain:
            full = GRAMMAR.atom_pattern.match(text, candidate.start())
            assert full.span() == plain.span()
            assert {name for name in groups if full.group(name) is not None} == {"digits"}


def test_most_figures_are_plain_numbers():
    from test_properties import GRAMMAR
    text = "160 people, 7,939 were arrested, 2.5% fewer (40) in 2019. Then 12 died"
    plain = [GRAMMAR.plain_number.match(text, m.start()) for m in GRAMMAR.candidate_patterns[0].finditer(text)]
    assert [m.group() for m in plain if m] == ["160", "7,939", "2.5", "40", "2019", "12"]


LABEL_PIECES = ["killed", "Flight", "flight", "No.", "No", "no", "#", ":", "№", "S&P", "s&p", "P", "Air Force", "world cup",
                "cup", "week", "Week", "article", " ", "  ", "\t", "\n", ",", "(", "-", "/", ".", "'", "\u2019", "&", "5",
                "\u00e9", "\u0130", "\u017f", "\u212a", "at least", "more than", "said", "the", "game"]


@CHECKS
@given(st.one_of(st.lists(st.sampled_from(LABEL_PIECES), max_size=12).map(" ".join),
                 st.lists(st.sampled_from(LABEL_PIECES), max_size=12).map("".join), st.text(max_size=50)))
@example("police killed ")
@example("said, ")
@example("Flight No. ")
@example("the world cup ")
@example("in 1,\t")
def test_no_label_is_found_where_string_methods_say_the_words_hold_none(before):
    from discrepancy.numbers import LABEL, _label_run_start
    from test_properties import GRAMMAR
    if GRAMMAR._no_label_before(before):
        label = LABEL.search(before, _label_run_start(before))
        # what _is_identifier goes on to ask of a label first: a word that is no label, not capitalised, says no
        assert label is None or (not label.group(1)[:1].isupper() and label.group(1).lower().rstrip(".")
                                 not in GRAMMAR.labels | GRAMMAR.label_last_words)



SPELLED_PIECES = ["two", "Two", "TWO", "twenty", "one", "a", "an", "hundred", "thousand", "third", "thirds", "half", "and",
                  "point", "dozen", "zero", "\u017fix", "\u212aILO", "x", "seven", " ", "-", "- ", ",", ".", "5", "\u00e9"]


@CHECKS
@given(st.lists(st.sampled_from(SPELLED_PIECES), min_size=1, max_size=5).map("".join), st.integers(0, 100))
@example("two ", 3)
@example("Seven,", 0)
@example("third-", 0)
@example("twenty-", 0)
def test_a_run_of_one_number_word_reads_as_its_tokens_do(run, offset):
    from test_properties import GRAMMAR
    assert GRAMMAR.spelled.read(run, offset) == GRAMMAR.spelled._read(run, offset)


WHOLE_COUNTRY_PIECES = PART_PIECES + ["nationwide", "NATIONWIDE", "countrywide", "across the country", "ACROSS  THE\tNATION",
                                      "acro\u017fs the country", "nat\u0130onwide", "all over the country", "around ",
                                      "the whole country", "in the whole country", "country", "nation", "-", "_"]


@CHECKS
@given(pieces_or_text(WHOLE_COUNTRY_PIECES, 10, 60))
@example("Protests spread nationwide")
@example("xnationwide")
@example("acro\u017fs the country")
def test_a_sentence_is_searched_for_the_whole_country_only_where_its_words_stand(sentence):
    from discrepancy.patterns import folded
    from test_properties import EXTRACTOR
    words = EXTRACTOR.place_words
    if words.whole_country.search(sentence):
        assert words.whole_country_starts.search(folded(sentence))


ATTRIBUTE_PIECES = PART_PIECES + ["-based", "\u2010led", "\u2011backed", "\u2013born", "-BASED", "-ba\u017fed", " based",
                                  "based", "-", "\u2014led", "-led by"]


@CHECKS
@given(pieces_or_text(ATTRIBUTE_PIECES, 6, 30))
@example("-based monitor")
@example("\u2013led coalition")
def test_an_attribute_after_a_place_is_looked_for_only_after_a_dash(after):
    from discrepancy.extractor import _ATTRIBUTE_DASHES
    from test_properties import EXTRACTOR
    if EXTRACTOR.attribute_place.match(after):
        assert after[:1] in _ATTRIBUTE_DASHES and after[:1]


def test_a_sentence_printed_again_names_its_speakers_where_it_stands_now():
    """The speakers of a sentence are kept by its words for the next article that prints it (wire copy): read
    from the kept ones, each is where a fresh reading of the article puts it."""
    from discrepancy.extractor import Extractor
    from test_properties import RULES, article_of
    sentence = "Police said 12 people were killed, while the health ministry put the toll at 15."
    first, again = article_of(sentence), article_of("A storm hit on Monday. " + sentence + " Officials said 3 died.")
    kept = Extractor(RULES)
    kept.extract(first)
    assert kept.extract(again) == Extractor(RULES).extract(again)
    assert [c.source for c in kept.extract(again)] == ["Police", "the health ministry", "Officials"]


# Number words and what may lead or follow them: words that go on with a run, vague amounts, folds, halves, marks,
# spaces of every kind, letters that fold to ASCII ones, "per", hyphens and digits.
PLAIN_WORD_PIECES = ["two", "Two", "TWO", "one", "three", "twenty", "hundred", "thousand", "million", "lakh", "ten", "tens",
                     "\u017fix", "\u212aILO", "six", "seven", "a", "an", "and", "point", "half", "quarter", "third",
                     "second", "dozen", "dozens", "of", "fold", "-fold", "people", "men", "ones", " ", "  ", "\t", "\n",
                     "\x1c", "\u00a0", "-", ",", ".", ";", ")", "\"", "'", "\u2019", "per ", "PER\t", "super ", "5",
                     "$", "US$", "minus ", "Rs", "R", "\u00e9", "_", "several ", "a few ", "scores", "doubled"]


@CHECKS
@given(pieces_or_text(PLAIN_WORD_PIECES, 20, 60))
@example("killed two people and one of them, Two, said; two hundred and three-fold per two")
@example("two ones, two\u00a0men, two a5, seven \u017fix, PER\x1ctwo men")
def test_a_plain_number_word_is_the_atom_patterns_match_of_the_word_alone(text):
    from test_properties import GRAMMAR
    groups = GRAMMAR.atom_pattern.groupindex
    for start in range(len(text) + 1):
        plain = GRAMMAR.plain_word.match(text, start)
        if plain:
            full = GRAMMAR.atom_pattern.match(text, start)
            assert full is not None and full.span() == plain.span(), (text, start)
            assert {name for name in groups if full.group(name) is not None} == {"words"}


TRIGGER_PIECES = PART_PIECES + [" killed", " were killed", " died", "KILLED", " wounded", " injured", " dead", " people", " and",
                                " arrested", " \u017fhot", " hostage", " taken hostage", "5 ", ", ", ". "]


@CHECKS
@given(st.lists(st.sampled_from(TRIGGER_PIECES), max_size=12).map("".join),
       st.lists(st.sampled_from(TRIGGER_PIECES), max_size=6).map("".join), st.integers(1, 12), st.booleans())
@example(" were killed and 5 injured", "Police said ", 12, False)
@example("the attack killed ", "", 3, True)
def test_the_triggers_of_a_window_are_kept_by_its_words_wherever_it_stands(window, lead, limit, before):
    """The triggers of a window of words are kept by its words for the next figure or article that reads it: read
    again at another place, or after the words before it changed, each is where a fresh reading puts it."""
    from test_properties import EXTRACTOR
    EXTRACTOR._triggers_of_windows.clear()
    fresh = EXTRACTOR._triggers(lead + window, len(lead), len(lead) + len(window), limit, before)
    kept = EXTRACTOR._triggers("x" + window + " 5", 1, 1 + len(window), limit, before)
    assert [(d, q, w, at - len(lead)) for d, q, w, at in fresh] == [(d, q, w, at - 1) for d, q, w, at in kept]
    EXTRACTOR._triggers_of_windows.clear()
    assert EXTRACTOR._triggers("x" + window + " 5", 1, 1 + len(window), limit, before) == kept
