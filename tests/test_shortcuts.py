"""The extractor's shortcuts (issue 6) find what the plain scans they stand for find, on any text.

Each shortcut tries a pattern at fewer positions, or skips it where it cannot match; these tests set
each beside the plain call on the property tests' pieces and on arbitrary text.
"""
from __future__ import annotations

import regex
from hypothesis import HealthCheck, example, given, settings, strategies as st

from discrepancy.extractor import WORD, _last_words

from test_properties import EXTRACTOR, GRAMMAR, PIECES, pieces_or_text

SOURCE_PIECES = PIECES + ["said ", " said", "told reporters", "according to ", "According to ", "per ", "the ",
                          "The ", "Police ", "police ", "spokesman ", "Ministry of the Interior ", "of ", "’s ",
                          "Reuters", "as reported by ", "put the toll at ", "McDonald", "ſtate "]
texts = pieces_or_text(SOURCE_PIECES, 40, 120)
CHECKS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def spans(matches) -> list:
    return [(m.span(), m.groups()) for m in matches]


@CHECKS
@given(texts)
@example("In Kenya, 300 people died, the Interior Ministry said on Monday, as reported by Reuters.")
@example("said said said Tokayev said: 5")
@example("xpolice said 5")
def test_source_matches_are_those_of_the_plain_scan(text):
    assert spans(EXTRACTOR._source_matches(text)) == spans(EXTRACTOR.source_pattern.finditer(text))


@CHECKS
@given(texts, st.integers(min_value=1, max_value=12))
@example("a " * 200, 10)
def test_the_last_words_are_those_of_a_reading_from_the_start(text, count):
    assert [m.span() for m in _last_words(text, count)] == [m.span() for m in list(WORD.finditer(text))[-count:]]


@CHECKS
@given(texts)
@example("a £3m, US$ 4, minus 5, half a 6, -.7, Rs. 8")
def test_a_lead_is_looked_for_only_where_the_text_ends_in_one(text):
    for position in range(len(text) + 1):
        for start in {max(0, position - 14), max(0, position - 3), position}:
            plain = GRAMMAR.lead_pattern.search(text, start, position)
            if plain:
                assert GRAMMAR.lead_end_pattern.match(text, 0, position), (text, start, position)


@CHECKS
@given(texts)
@example("5 to 6, 5 people to $6, 5% - 6, between 5 and US$ 6")
def test_a_range_gap_is_read_only_where_it_ends_in_a_joiner(text):
    from discrepancy.intervals import RANGE_GAP, RANGE_GAP_END
    for start in range(len(text) + 1):
        for end in range(start, min(len(text), start + 30) + 1):
            if RANGE_GAP.match(text[start:end]):
                assert RANGE_GAP_END.match(text, start, end), (text, start, end)


NOT_FIGURE_PIECES = PIECES + ["12", "2014", "-15", "555-123-4567", "1995-01", "06.01.2022", "10.45pm", "9:30", " am",
                              "4 January 2022", " of May", "Sept. 20", "81-year-old", " aged ", "AD ", " BC", "0401",
                              "27 Willow Creek Road", " Avenue Foch", " Max", " zip code", " lead", "2-1", ", 25, ",
                              "Jamie Armstrong", "#", "+1-222-2222-2222", "\n", " ", "1-", "May", "Jan.", "\u00a0",
                              "\u0663", "\U00011f55", ",", " 7", "Sept", "uary", "2200", " GMT", "GMT", " local time",
                              " LOCAL\ttime", "UPDATE 2-", "UPDATE", "O'Neill-Smith", "\u00c9lise", "\u00e9", "Mr.",
                              ", \u0663, ", ",\u2003", "A", "a", "-", "\u2019", ", 123,", ",\x1c7, ", "Aged", "AGES", "age of", "page",
                              "ag\u0130", "\u0130",
                              # a player's number, an era's letters
                              "Brandt (9)", " (12)", "(", ")", "\u00e9(3)", "A.D.", "B.C.", "C.E. ", "BCE", "ADBC", "1000 "]
not_figure_texts = st.one_of(st.lists(st.sampled_from(NOT_FIGURE_PIECES), max_size=40).map("".join),
                             st.text(max_size=120))


def plain_not_figure_spans(text: str) -> list:
    """Every not-figure pattern's own finditer, as the grammar once ran them: on every text but those without
    the words it needs (a pattern's needs written as a stdlib pattern are a shortcut: it runs on every text)."""
    patterns = [(needs, p) for needs, p, _ in GRAMMAR.not_figure_patterns + GRAMMAR.not_figures_at_digit]
    return sorted(m.span() for needs, pattern in patterns
                  if not isinstance(needs, tuple) or not needs or any(n in text for n in needs)
                  for m in pattern.finditer(text))


@CHECKS
@given(not_figure_texts)
@example("12-34-5678 1995-01-02, 2014-15 and 4 January 2022 at 10.45pm, 27 Main Street, a 9-2 lead")
@example("1-" * 40)
@example("UPDATE 2-Gunmen at 2200 GMT, 1500 local time, 0300\u00a0local  time, 2360 GMT")
@example("Sept.\u00a020, January\t\u0663, May \U00011f55, Jamie Armstrong,\u00a0\u0663\u0663, said; Lee, 7,")
@example("Brandt (9) and O’Neill-Smith\u00a0(12), Ab\u00e9 (\u0663); in 300 BCE, A.D. 1000 and 1260, ADBC 5, C.E 12")
def test_the_not_figure_spans_are_those_of_each_pattern_scanning_on_its_own(text):
    assert sorted(GRAMMAR._not_figure_spans(text)) == plain_not_figure_spans(text)


@CHECKS
@given(not_figure_texts)
def test_the_not_figure_spans_are_the_same_where_each_pattern_scans_on_its_own(text):
    from discrepancy import numbers
    saved, numbers._FEW_STARTS = numbers._FEW_STARTS, 0  # the branch for texts made of such numbers
    try:
        assert sorted(GRAMMAR._not_figure_spans(text)) == plain_not_figure_spans(text)
    finally:
        numbers._FEW_STARTS = saved


@CHECKS
@given(texts)
@example("Flight No. 370, A-No. 5, x, No. 6, S&P 500, Game: 7")
def test_the_label_is_that_of_the_plain_search(text):
    from discrepancy.numbers import LABEL, _label_run_start
    plain = regex.compile(r"([\p{L}][\p{L}&.'’/-]*)[ \t]*(?:[:#№]|No\.?)?[ \t]*\Z")
    for end in range(len(text) + 1):
        before = text[max(0, end - 40):end]
        found, wanted = LABEL.search(before, _label_run_start(before)), plain.search(before, _label_run_start(before))
        assert (found and (found.span(), found.groups())) == (wanted and (wanted.span(), wanted.groups()))


@CHECKS
@given(texts)
@example("killed 30 people, including at least ")
@example("INCLUDING ")
def test_a_part_is_looked_for_only_where_the_lead_names_one(text):
    from discrepancy.extractor import STATED_PART_BEFORE, _states_part_before
    for end in range(len(text) + 1):
        lead = text[max(0, end - 30):end]
        assert _states_part_before(lead) == bool(STATED_PART_BEFORE.search(lead))


# Number words, with the characters around a word that the two engines read differently: letters that
# fold to ASCII ones, a combining accent and a superscript digit (a word character to one engine only).
WORD_START_PIECES = PIECES + ["ten", "tenants", "often", "Seven", "SEVEN", "ſeven", "\u212aILO", "\u0130", "\u0301",
                              "\u00b2", "_", "9", "fifty", "couple", "a few", "quarter", "minus", "negative", "é"]
word_start_texts = st.one_of(st.lists(st.sampled_from(WORD_START_PIECES), max_size=40).map("".join),
                             st.text(max_size=120))


@CHECKS
@given(word_start_texts)
@example("twenty-one tenants, often seven or ſeven, \u00b2one e\u0301ight")
def test_the_word_starts_are_those_of_the_word_candidate_scan(text):
    assert GRAMMAR._word_starts(text) == [m.start() for m in GRAMMAR.candidate_patterns[1].finditer(text)]


@CHECKS
@given(word_start_texts)
@example("twenty-one tenants, often seven or ſeven, \u00b2one e\u0301ight")
def test_a_separated_scan_finds_the_word_starts_the_folded_scan_finds(text):
    from discrepancy.patterns import folded, folded_word_starts, separated_word_starts
    for words in (["one", "seven", "twenty", "dozens", "e"], ["one", "seven", "a couple", "tens of"]):
        assert [m.start() for m in separated_word_starts(words).finditer(" " + folded(text))] \
            == [m.start() for m in folded_word_starts(words).finditer(folded(text))]


PHRASES = ["according to", "as reported by", "reported", "per", "a report by", "the toll at", "put the toll at"]


@CHECKS
@given(st.one_of(st.lists(st.sampled_from(WORD_START_PIECES + PHRASES + [" ", "\u00a0", "\u2003"]), max_size=30)
                 .map("".join), st.text(max_size=120)))
@example("put the toll at, as reported by the Police per\u00a0reported A\u2003REPORT BY")
def test_a_folded_scan_finds_every_place_a_phrase_matches(text):
    from discrepancy.patterns import alternation, folded, folded_word_starts
    plain = regex.compile(rf"\b{alternation(PHRASES)}", regex.I)
    wanted = {m.start() for m in plain.finditer(text, overlapped=True)}
    assert wanted <= {m.start() for m in folded_word_starts(PHRASES).finditer(folded(text))}


TRIGGER_PIECES = SOURCE_PIECES + [" killed", " KILLED", " ki\u212aLED", "-killed", "killedx", " dead", " injured", "ſ",
                                  " abandoned their homes", " abandoned\u00a0THEIR homes", "\u0301", "\u0130", "x"]


@CHECKS
@given(pieces_or_text(TRIGGER_PIECES, 30, 120))
@example("5 people were killed, 3 ki\u212aLED and 2 abandoned\u00a0their homes")
def test_triggers_are_those_of_the_plain_scan_where_the_folded_scan_finds_none(text):
    def triggers(start, end, before):
        return [(distance, tuple(quantities)) for distance, quantities, *_ in
                EXTRACTOR._triggers(text, start, end, 10, before)]
    windows = [(start, end, before) for start in {0, len(text) // 3} for end in range(start, len(text) + 1, 3)
               for before in (False, True)]
    fast = [triggers(*window) for window in windows]
    saved, EXTRACTOR.trigger_starts = EXTRACTOR.trigger_starts, None
    try:
        assert fast == [triggers(*window) for window in windows]
    finally:
        EXTRACTOR.trigger_starts = saved


# What may follow a run of digits, for the scan that says where the digit filter may match.
AFTER_DIGIT_PIECES = NOT_FIGURE_PIECES + ["5 May", " of ", " OF ", "5pm", " a.m.", " P.M.", " - year-old", " YEARS OLD",
                                          "\u00a0", "\u2009", "\u2013", "\u0663", "\U00011f50", "\u0130", "\u017f",
                                          "\u212a", " Avenue Foch", " GT", " zip code", " ZIP CODE", "1,200", "06.01",
                                          "0", "07", " people", " were", ",", ".",
                                          # what follows a run of digits after a dot or a comma
                                          "51.2 million", "1,000-year-old", "1,000,000 years old", "1,000 - YEAR-OLD",
                                          "10.45 pm", "10.45\u00a0PM", "10.45:30am", "555.123-4567", "555.123.4567",
                                          "6.1.2022", "1/2/2022", "2019/20", "1.5", "1,\u0660\u0660\u0660 year-old",
                                          "1,23", "1,2345", "12", " ", "\t", "a.m.", " p.m.", "\u0663", ".\u0663", "9:30",
                                          "123,",
                                          # the span of an era's years
                                          " and ", " to ", " AND ", "AD", " BC", "1260"]


@CHECKS
@given(pieces_or_text(AFTER_DIGIT_PIECES, 40, 120))
@example("81 - YEAR-OLD, 5\u00a0May, 90210 ZIP CODE, 22 Avenue Foch, 737 Max, 2014\u201315, 1,200 were, 0401")
@example("the 90210 zip code at 5 a.m. on the 4 of May, at \u0661\u0660:\u0664\u0665 and 1\u0660:45")
@example("51,729 households, 51.2 million, 1,000,000-year-old, 10.45 pm, 555.123-4567 and 6.1.2022")
@example("1,\u0660\u0660\u0660 year-old and 1.\u0663\u0663.2022 at 10.45\u00a0pm")
@example("0 and 0AD ")  # the scan missed the span of an era's years: "1000 and 1260 AD"
def test_the_digit_filter_is_tried_wherever_it_matches(text):
    everywhere = [m.start() for m in GRAMMAR.digit_filter.finditer(text)]
    assert everywhere == [found.start() for found in GRAMMAR.digit_filter_scan.finditer(text)
                          if GRAMMAR.digit_filter.match(text, found.start())]


@CHECKS
@given(st.one_of(st.lists(st.sampled_from(AFTER_DIGIT_PIECES + NOT_FIGURE_PIECES), max_size=30).map("".join),
                 st.text(max_size=80)))
@example("06.01.2022 at 10.45pm, the 81-year-old, 4 January 2022, 300 BC, 0800 555 0199, 1995-01, 2014-15, a 9-2 lead")
def test_each_group_of_the_digit_patterns_is_its_patterns_own_match(text):
    groups = GRAMMAR.digit_pattern_groups
    for start in range(len(text) + 1):
        found = GRAMMAR.digit_patterns.match(text, start)
        own = [pattern.match(text, start) for _, pattern, _ in GRAMMAR.not_figures_at_digit]
        assert [found.span(group) for group in groups] == [m.span() if m else (-1, -1) for m in own], (text, start)
        if GRAMMAR.candidate_patterns[0].match(text, start):  # where a run of digits starts, as the filter asks
            assert (found.lastindex is not None) == (GRAMMAR.digit_filter.match(text, start) is not None)


def test_every_digit_past_ascii_may_start_a_run_to_the_digit_filter_scan():
    """The scan takes what the regex module knows as a digit from the ranges it may lie in: a new Unicode
    version that puts a digit elsewhere would show here."""
    from discrepancy.numbers import _MAY_BE_DIGIT
    digits = regex.compile(r"\d")
    outside = regex.compile(f"[^{_MAY_BE_DIGIT}]")
    assert not [hex(code) for code in range(128, 0x110000) if digits.match(chr(code)) and outside.match(chr(code))]


def _currency_tokens() -> list[str]:
    """Every currency the lead pattern reads before a figure, as written in CURRENCY: signs and codes."""
    from discrepancy.numbers import CURRENCY_BEFORE_DIGIT
    codes = regex.findall(r"[A-Z][A-Za-z]*", CURRENCY_BEFORE_DIGIT.split("(?:")[-1])
    return codes + ["Rs.", "US$", "US $", "$US", "$ US", "HK $", "S$", "NZ$", "A$", "C$", "R$", "$A", "Y=", "PS",
                    "$", "€", "£", "¥", "₹", "₽"]


LEAD_PIECES = PIECES + _currency_tokens() + [" ", "  ", "\t", "-", " - ", "\u00a0", "minus", "MINUS", "negative",
                                             "NEGATIVE", "minu\u017f", "A", "AN", "an", "half an", "x", "killed", "5"]


@CHECKS
@given(pieces_or_text(LEAD_PIECES, 30, 60))
@example("killed 5, paid USD 6, Rs. 7, KSh  8, Y= 9, minus- 10, NEGATIVE 11, an 12, $A 13, x-\u00a0 14")
def test_a_lead_is_looked_for_where_the_last_letter_before_its_spaces_may_end_one(text):
    for position in range(1, len(text) + 1):
        plain = text[position - 1:position] != " " or GRAMMAR.lead_end_pattern.match(text, 0, position) is not None
        assert GRAMMAR._may_end_a_lead(text, position) == plain, (text, position)


# --- the place runs, read in a text's ASCII view ---------------------------------------------------------

RUN_PIECES = ["Sri Lanka", "’s ", "N’Djamena", "d’Ivoire", "Tajik–Afghan border", "Nur-Sultan", "\u00a0", " ", "\t",
              "St. Kitts", "U.S.", "Rio de Janeiro", "Isle of Man", "phố", "Almatý", "€", "“", "”", "—", "…", "é",
              "\u0301", "\u0663", "²", "\x00", "\u200d", "said ", ", ", ".", "Kazakhstan", "l’Aquila", "’", "O’Neill"]
run_texts = pieces_or_text(RUN_PIECES, 30, 80)


@CHECKS
@given(run_texts)
@example("In Sri Lanka’s Colombo\u00a0“N’Djamena” and the Tajik–Afghan border, €5 — St. Kitts")
def test_the_place_runs_of_an_ascii_view_are_those_of_the_run_pattern_in_the_text(text):
    from discrepancy.patterns import ascii_view
    from discrepancy.places import _RUN_STAND_INS
    gazetteer = EXTRACTOR.gazetteer
    view = ascii_view(text, _RUN_STAND_INS)
    if view is not None:
        assert len(view) == len(text)
        assert [m.span() for m in gazetteer.ascii_run_pattern.finditer(view)] == \
            [m.span() for m in gazetteer.run_pattern.finditer(text)]


@CHECKS
@given(st.lists(run_texts, min_size=1, max_size=4))
@example(["In Almaty and the Tajik–Afghan border", "Almaty’s mayor, in Almaty", "The Tajik-Afghan Border"])
def test_the_places_of_remembered_runs_are_those_of_each_run_read_anew(texts):
    from discrepancy.places import _tokens
    gazetteer = EXTRACTOR.gazetteer
    for text in texts:  # the later texts find runs the earlier ones left remembered
        plain = [place for run in gazetteer.run_pattern.finditer(text)
                 for place in gazetteer._places_in_run(text, _tokens(run.group(), run.start()))]
        unnamed = gazetteer._named_by_kind(text, plain) if gazetteer.kind_noun_scan is not None else []
        assert gazetteer.find(text) == (sorted(plain + unnamed) if unnamed else plain), text


def test_the_run_pattern_reads_each_character_past_ascii_it_does_not_name_as_it_reads_nul():
    """What ascii_view stands on: a character past ASCII that is no letter, mark, number or word character is
    to the run pattern what NUL is, but for the stand-ins, which are what their ASCII characters are."""
    from discrepancy.patterns import _no_word_character
    from discrepancy.places import _RUN_STAND_INS
    pattern = EXTRACTOR.gazetteer.run_pattern
    probes = ["Paris{}Lyon", "St{} Kitts", "d{}Ivoire", "{}Almaty", "Rio de{}Janeiro", "Tajik{}Afghan", "A{}s B",
              "U.S{}A. Lyon", "Sri{}Lanka{}", "O{}Neill"]
    for code in range(0x80, 0x30000):
        char = chr(code)
        if 0xD800 <= code < 0xE000 or not _no_word_character(char):
            continue
        stand_in = _RUN_STAND_INS.get(char, "\x00")
        for probe in probes:
            assert [m.span() for m in pattern.finditer(probe.format(char, char))] == \
                [m.span() for m in pattern.finditer(probe.format(stand_in, stand_in))], (hex(code), probe)


@CHECKS
@given(st.one_of(st.lists(st.sampled_from(AFTER_DIGIT_PIECES + ["\u0663", "\u0663\u0664", "5\u0663", "\u06635", "\u2019",
                                                                 "\u00e9", "\U0001d7d9", "\uff15", "_", "a"]),
                          max_size=40).map("".join), st.text(max_size=120)))
@example("12 and 1,200, \u0663\u0664 and 5\u0663 and \u06635, \uff15\uff15 and \u20195")
def test_runs_of_digits_start_where_the_digits_candidate_pattern_matches(text):
    assert GRAMMAR._digit_starts(text) == [m.start() for m in GRAMMAR.candidate_patterns[0].finditer(text)]
