"""Finds the numbers in a text that are figures, and reads each with its qualifier as an interval.

The vocabulary (number words, scales, vague amounts, identifier labels, units) comes from
rules/; the grammar is here. Patterns are compiled once per NumberGrammar and run with a
timeout, so hostile text cannot make them backtrack for ever.
"""
from __future__ import annotations

import bisect
import collections
import itertools
import math
import re

import regex

from .intervals import YEAR_BEFORE, Atom, Intervals, NumberMention
from .rules import RuleSet
from .spelled import SpelledNumbers
from .patterns import (LAST_WORD, alternation, compiled, folded, match_start, matches_at, separated_word_starts, spaced,
                       single_spaced, version1)

__all__ = ["NumberGrammar", "NumberMention", "FUNCTION_WORDS", "MATCH_TIMEOUT"]

MATCH_TIMEOUT = 5.0  # seconds a single scan may take before the text is refused
MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
# What every month name above starts with, case and all: a text without any holds no date.
MONTH_STARTS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Signs written before or after a number: dollar, euro, pound, yen, rupee, ruble, naira, peso, won, lira, hryvnia,
# dong, shekel.
CURRENCY_SIGNS = "$€£¥₹₽₦₱₩₺₴₫₪"
# Currency written before the number: signs, "US$", "$US", "HK $", ISO codes, and "PS" (a pound sign
# mangled by text extraction) or "Y=" (a yen sign) glued to digits; not a lone digit, as in "PS5" (a console).
CURRENCY = (r"US\s?\$|\$\s?US|HK\s?\$|S\s?\$|NZ\s?\$|A\$|C\$|R\$|\$A(?=\d)|" rf"[{CURRENCY_SIGNS}]|"
            r"Y=(?=\d)|PS(?=\d)(?!\d(?![\w.,])(?!\s+(?:million|billion|thousand|bn|m)\b))|"
            r"(?<![\w-])(?:USD|EUR|GBP|JPY|CNY|RMB|INR|AUD|CAD|CHF|RUB|KZT|NGN|ZAR|KES|PKR|BDT|TRY|UAH|BRL|MXN|HKD|SGD|"
            r"NZD|RM|Rs\.?|Rp|Ksh|KSh|TSh|USh|Sh|R)\s?(?=\d)")
CURRENCY_BEFORE_DIGIT = CURRENCY.replace(r"(?=\d)", "")
# Currency is kept as written, spaces closed up; only spellings of one sign are made one ("$US" is "US$").
CURRENCY_NAMES = {"Y=": "Y", "$US": "US$", "$ US": "US$"}
# The last character of a lead before the spaces (and after "minus", the hyphens) that close it: of a
# currency sign or code ("US$", "Y=", "USD", "Rs.", "Rp", "Ksh", "$A"), of "a", "an", "minus" or "negative"
# in either case. Past ASCII, any character may be (a space, a letter that folds to an ASCII one).
_LEAD_LAST = frozenset(CURRENCY_SIGNS + "=." "aAnNsSeE" "ABDFHLMNPRSTY" "sph")
_LEAD_CLOSING = " \t\n\r\x0b\x0c-"
# What news writes a fraction over with a slash ("3/4", "5/8 of an inch"); over anything else, or not below
# one, the slash writes a name ("9/11", "24/7").
FRACTION_DENOMINATORS = frozenset({2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 16.0, 32.0, 64.0, 100.0})
ORDINAL_SUFFIX = regex.compile(r"(?:st|nd|rd|th)\Z")
PRONOUN_ONE_AFTER = regex.compile(r"\s+(?:another|another's)\b", regex.I)
# "the same one", "the other one": an adjective between the article and "one" leaves it a pronoun; "not one
# of the 40 passengers", "not one person died": a denial, no count of one
PRONOUN_ONE_BEFORE = regex.compile(r"\b(?:no|not|not\s+(?:a\s+)?single|any|every|each|the|this|that|which|someone|anyone"
                                   r"|such|same|other|next)\s+\Z", regex.I)
# One person named before a number between commas: "the suspect, 34,", "a local man, 52," (not "the dead, 34,", nor
# another plural without an "s": "Most of the dead, 40, were found in Kabul")
AGE_APPOSITION = regex.compile(r"(?<![\w])(?:the|a|an)\s+(?:\p{L}+\s+)?\p{L}+(?<!s)"
                               r"(?<!\b(?:dead|injured|wounded|missing|detained|arrested|displaced|homeless|people|"
                               r"police|children|men|women)),\s\Z", regex.I)
# "Critics, for one, disagree": an aside, not a count
# A preposition of place before a capitalised word and a number: the word is a place, the number its count,
# where a lower-case word follows ("in Turkey 900 died"); names known to label ("in Article 4") are asked first.
PLACE_PREPOSITION_BEFORE = regex.compile(r"\b(?:in|across|throughout)\s+\Z", regex.I)
# Before a capitalised word and a number, the item of a breakdown before it: a figure, perhaps its noun, and a comma
# ("33 deaths, South Carolina 36"; a year of four digits is none: "In 2019, Flight 370").
BREAKDOWN_ITEM_BEFORE = regex.compile(r"(?<![\d.,])(?!(?:1[89]|20)\d\d,)\d[\d,.]*(?:\s+\p{Ll}+){0,2}(?:,\s+(?:and\s+)?|\s+and\s+)"
                                     r"(?:\p{Lu}[\p{L}.'’-]*\s+)*\Z")
FOR_ONE_BEFORE = regex.compile(r"\bfor\s+\Z", regex.I)
# "m" glued to digits is million ("1.2m tons", "£3m") except where it measures a length.
METRE_CONTEXT = regex.compile(r"\A(?:\s*[-(]|\s*(?:long|high|wide|tall|deep|away|thick|across|below|above|under|"
                              r"in|from|of\s+(?:water|rain|snow)|race|sprint|dash|freestyle|hurdles|run|radius|"
                              r"diameter|metres?|meters?)\b|\s*[.,;:!?)]|\s*\Z)", regex.I)
# A word before a number that may name it: "Article 4", "Flight No. 370", "Game: 7". The search's
# leftmost match starts at the first letter of a run of the word's characters (where a later letter
# matches, that one does too), so the look-behind refuses the other letters at once instead of reading
# each to the end: the same match in linear time.
LABEL = regex.compile(r"(?<![\p{L}][&.'’/-]*)([\p{L}][\p{L}&.'’/-]*)[ \t]*(?:[:#№]|No\.?)?[ \t]*\Z")
# The last character no label holds: a label starts after it (found in one backward step, where a
# search for LABEL alone tries every position of the window).
NOT_IN_LABEL = regex.compile(r"[^\p{L}&.'’/:#№ \t-]", regex.REVERSE)
# After a format of one digit and a capital K ("4K TV", "an 8K screen"): a code of capitals or a lower-case word.
FORMAT_NOUN_AFTER = regex.compile(r"[ \t]+(?:\p{Lu}{2,}(?![\p{L}\d])|(?P<noun>\p{Ll}+)(?![\p{L}\d-]))")
# Letters glued to the number before it: "COVID-19", "G20", "F-16".
GLUED_BEFORE = regex.compile(r"(?<![\d.])[A-Za-z]+-?\Z")
# A range's joiner between hyphens after a number ("a 10-to-15-minute walk"): the second end, no code ("F-16").
HYPHENED_JOINER = regex.compile(r"[\p{L}\d]-(?:to|or)-\Z", regex.I)
_SUFFIX_FIRST = frozenset("-snrt")  # what an ordinal suffix ("22nd") or a hyphenated one ("22-nd", "3-D4") starts with
_PERCENT_FIRST = frozenset("%pP")
_LETTERS_OR_HYPHEN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-")
FUNCTION_WORDS = frozenset("""a an the and or but of in on at to for from by with as is was were are be been has have
had that which who when while after before since until during this these those it its their his her per than
then so if not no nor""".split())


class NumberGrammar:
    """Compiled number patterns for one rule set; `find(text)` gives the NumberMentions."""

    def __init__(self, rules: RuleSet):
        numbers = rules.numbers
        self.unit_words = {k: float(v) for k, v in numbers["units"].items()}
        self.ten_words = {k: float(v) for k, v in numbers["tens"].items()}
        self.scale_words = {k: float(v) for k, v in numbers["scales"].items()}
        self.multiplier_verbs = {k: float(v) for k, v in numbers.get("multiplier_verbs", {}).items()}
        self.suffix_scales = {k: float(v) for k, v in numbers["suffix_scales"].items()}
        self.vague = {compiled(r"\s+").sub(" ", v["phrase"].lower()): v for v in numbers["vague"]}
        self.labels = frozenset(w.lower().rstrip(".") for w in numbers["identifier_labels"])
        # the last words of labels of two words ("S P 500", "World Cup 3"): only after one is the word before read
        self.label_last_words = frozenset(w.split()[-1] for w in self.labels if len(w.split()) == 2)
        # labels that are verbs too: after a word of what may be or 'to', the verb ("the toll could top 10,000")
        self.verb_labels = frozenset(numbers.get("verb_labels", ()))
        self.before_verb_labels = frozenset(numbers.get("before_verb_labels", ()))
        # quantulum3's one-letter symbols ("G" for gauss) would make "5G" a quantity: ours decide those
        self.glued_units = frozenset(numbers["glued_units"]) | frozenset(u for u in rules.units["symbols"] if len(u) > 1)
        self.unit_words_after = frozenset(rules.units["surfaces"])
        self.plurals_without_s = frozenset(numbers.get("plurals_without_s", ()))
        self.format_codes = frozenset(numbers.get("format_codes", ()))
        # "2.4Ghz": letters that fold to a unit of three or more letters are that unit
        self.glued_units_folded = frozenset(u.lower() for u in self.glued_units if len(u) >= 3) | {"p", "pc", "hp"}
        self.year_low, self.year_high = numbers["year_range"]
        self.year_nouns = frozenset(numbers.get("year_nouns", ()))
        self.span_year_low = numbers.get("span_year_low", self.year_low)
        self.dated_year_low, self.dated_year_high = numbers.get("dated_year_range", numbers["year_range"])
        prepositions = numbers.get("year_prepositions", ())
        # the preposition and the word before it, read backwards from the number
        self.year_preposition = version1(rf"(?:(?<![\w])(\w+)\s+)?(?<![\w])({alternation(prepositions)})\s+\Z",
                                         regex.I | regex.REVERSE) if prepositions else None
        self.change_words = frozenset(numbers["rises"]) | frozenset(numbers["falls"])
        self.intervals = Intervals(rules.qualifiers, rules.approx_margin,
                                   (set(numbers["rises"]) | set(numbers["falls"])) - set(numbers.get("gathering_verbs", ())),
                                   numbers.get("moving_verbs", ()), numbers.get("change_from_verbs", ()),
                                   numbers.get("handing_over_verbs", ()), numbers.get("passing_verbs", ()),
                                   numbers.get("count_nouns", ()), numbers.get("hedges", ()),
                                   numbers.get("increment_after", ()))
        self.spelled = SpelledNumbers(numbers)
        # one character each: "½", "2½ years"
        self.fractions = {char: numerator / denominator for char, (numerator, denominator)
                          in numbers.get("fractions", {}).items()}
        self.fraction_characters = f"[{regex.escape(''.join(self.fractions))}]" if self.fractions else "(?!)"
        self.fraction_slash = f"[{regex.escape(''.join(numbers.get('fraction_slashes', ['/'])))}]"
        # a spelled age before a noun ("an eight-year-old girl"): the not-figure patterns read digits only.
        # Not "over thirty years old", which states a bound.
        adjectival = [w for w in numbers.get("age_words", ()) if "-" in w]
        self.spelled_age = regex.compile(rf"\s*-?\s*{alternation(adjectival)}(?![\w])", regex.I)
        self.age_bound = _age_bound_pattern(numbers)
        self.age_bound_limit = numbers.get("age_bound_limit", 120)
        self.age_words_before = tuple(f"{words} " for words in numbers.get("age_words_before", ()))
        self.durations = frozenset(numbers.get("durations", ()))
        self.atom_pattern = self._compile_atoms()
        self.atom_groups = _groups_of(self.atom_pattern)
        self.digits_group = self.atom_pattern.groupindex["digits"]  # by number: a group read by name is looked up anew
        # Digits alone, as most figures are ("160 people", "7,939 were", "2.5%"): read by the stdlib engine where the
        # atom pattern would read them and nothing around them, in a fifth of its time.
        self.plain_number = _plain_number_pattern(self.scale_words)
        # A number word alone, as most spelled figures are ("two people", "one of them"): likewise by the stdlib
        # engine, where the atom pattern's word branch would read it alone.
        self.plain_word = _plain_word_pattern(
            {*self.unit_words, *self.ten_words, *self.scale_words} - _vague_first_words(self.vague), self.spelled.words)
        # Where a number may start: a digit or a number word. Scanning for these first and trying the
        # full pattern only there is an order of magnitude faster than running it at every character.
        # A digit after a digit starts nothing (the pattern wants no digit before a number, and no lead
        # ends in one), so a run of digits is one candidate. Vague amounts start at their first word
        # after an article ("couple" of "a couple of"); the lead search finds the article.
        starters = self.word_starters = (
            *self.unit_words, *self.ten_words, *self.scale_words, "quarter", *self.spelled.ordinal_words,
            *(v.split()[1] if v.split()[0] in ("a", "an") else v.split()[0] for v in self.vague),
            "half", "minus", "negative", *self.multiplier_verbs)
        # Digits and words are scanned apart: as one alternation the engine checks both at every
        # character, twice as slow as the two scans. Neither kind of start lies inside the other.
        self.candidate_patterns = (regex.compile(r"(?<!\d)\d"), regex.compile(rf"\b{alternation(starters)}", regex.I))
        # a fraction of one character ("½", "¾ of voters", the "½" of "2½", which _compounds joins to the 2): a
        # scan of its own by the stdlib engine, as a branch of the digits' scan made that three times slower
        self.fraction_starts = re.compile(self.fraction_characters) if self.fractions else None
        # Where a number word may start, for the word pattern to confirm: a third of the cost of its own scan.
        self.word_start_scan = separated_word_starts(starters)
        # searched up to the candidate only, so look-aheads for its digit are dropped
        lead = rf"(?:(?-i:{CURRENCY_BEFORE_DIGIT})\s?|(?:minus|negative)[\s-]+|\b(?:half\s+)?an?\s+|[-−.])"
        self.lead_pattern = version1(rf"{lead}+\Z", regex.I)
        # One piece of a lead, matched backwards from the candidate: what the text before it must end in
        # for the lead pattern to match. Most candidates follow a plain word and a space; this says so in
        # one step where the lead pattern tries every position before them.
        self.lead_end_pattern = version1(lead, regex.I | regex.REVERSE)
        compiled_not_figures = self._compile_not_figures(numbers)
        self.not_figure_patterns = [(needs, pattern, _STARTS.get(type(source))) for needs, pattern, source in compiled_not_figures
                                    if not isinstance(source, at_digit)]
        self.not_figures_at_digit = [(needs, pattern, source) for needs, pattern, source in compiled_not_figures
                                     if isinstance(source, at_digit)]
        # Where a run of digits starts and one of those patterns matches: as one look-ahead the patterns
        # cost a third of what they cost as scans of their own, each over the whole text.
        either = "|".join(f"(?:{source})" for _, _, source in self.not_figures_at_digit)
        self.digit_filter = version1(rf"(?<!\d)(?=\d)(?={either})", regex.X | regex.I)
        # Each of those patterns as a look-ahead of its own, tried in turn and skipped where it does not match: one
        # try where a run of digits starts gives each pattern's match there (the look-ahead's first match is the
        # pattern's), as a group of its own; a dozen and a half tries, each with its timeout, cost four times as much.
        self.digit_patterns = version1("".join(f"(?:(?=(?P<at_digit_{index}>{source}))|)" for index, (_, _, source)
                                               in enumerate(self.not_figures_at_digit)), regex.X | regex.I)
        self.digit_pattern_groups = [self.digit_patterns.groupindex[f"at_digit_{index}"]
                                     for index in range(len(self.not_figures_at_digit))]
        # Where the filter may match: it is tried only there, as most runs of digits are followed by
        # nothing any of its patterns reads next ("160 people", "7,939 were"), which this scan sees faster.
        self.digit_filter_scan = _digit_filter_scan(
            [*numbers.get("age_words", ()), *numbers.get("identifier_labels_after", ()),
             *numbers.get("model_words", ()), *numbers.get("street_words_first", ()), *_CLOCK_ZONES])

    # --- patterns -------------------------------------------------------------------------

    def _compile_atoms(self) -> regex.Pattern:
        spelled = alternation([*self.unit_words, *self.ten_words, *self.scale_words])
        scales = alternation(self.scale_words)
        ordinals = alternation([w for w, (kind, _) in self.spelled.words.items() if kind == "ordinal"])
        run_word = alternation(self.spelled.words)
        pattern = rf"""
        (?P<currency>(?-i:{CURRENCY}))?\s?
        (?P<negative>(?<![\w-])(?:minus|negative)[\s-]+)?
        (?:
            # digits with thousands separators and decimals: 7,939  12,34,567  40 000  2.5  -3  .5
            (?P<digits>(?(currency)|(?<![\w.,]))[-−]?(?:\d{{1,2}}(?:,\d\d)+,\d{{3}}(?![\d,])|\d{{1,3}}(?:,\d{{3}})+
                       |\d{{1,3}}(?:[\u00a0\u202f\u2009]\d{{3}})+(?![\d])|\d{{1,3}}(?:\ \d{{3}})+(?![\d])(?!\ \d)|\d+)
                       (?:\.\d+)?(?![\d])
                       |(?<![\w.,\d])\.\d+|(?P<vulgar>{self.fraction_characters}))
            # a power: 1e10, 1.3x10^6, 1.1^23
            (?P<exponent>[eE][-+]?\d+(?![\w])|\s?[x×]\s?10\^?[-−+]?\d+|\^[-+]*\d+)?
            # letters glued on: a scale (2.3k, $1.2bn), a unit (180ml, 640bhp), or a code (5G, 3D)
            (?P<glued>[A-Za-z]+(?:/[A-Za-z]+\d?)?)?
            (?:
                # a spelled scale after the digits: 1.5 million, 4 hundred million, "a $40-billion company"
                (?:\s+|-)(?P<digit_scale>{scales}(?:\s+{scales})*)(?![\w])
                # or an abbreviated one: 3 bn, 1 mil
              # (a capital B is billions, "8 B people"; a capital M millions only after a currency, "$3 M")
              | \s{{1,2}}(?P<spaced_suffix>bn|bln|mn|mln|mil|tn|trn|tln|k|K|(?-i:B)|(?(currency)(?-i:MM|M)|(?!))
                          |dz|dzs|doz|dozs|dozens?)(?![\w])
            )?
            # a fraction written with a slash: 1/2, 1⁄32
            (?:{self.fraction_slash}(?P<denominator>\d+)(?![\d/]))?
          | # vague amounts: a dozen, dozens of, tens of thousands
            (?P<vague>(?<![\w]){alternation(self.vague)}(?![\w])(?!(?<=\sof)\s+(?:them|whom|those|us)\b))
          | # multipliers: sixfold, two-fold, 3-fold
            (?P<fold>(?<![\w-])(?:{spelled}|\d+(?:\.\d+)?)-?fold(?![\w]))
          | # half on its own: half the condos, more than half
            (?P<fraction>(?<![\w])(?:half(?=\s+(?:of|the|a|an)\b(?!\s+(?:{scales})))
                |(?<=\b(?:than|over|nearly|almost|about|around|under|by)\s)half(?![\w-])
                 (?!\s+(?:an?\s+)?(?:{scales})(?![\w]))))
          | # spelled numbers, fractions and decimals: sixteen, two thousand and thirty, twenty-one,
            # a hundred, three fifths, forty two and a third, nine point nought four, half a million
            (?P<words>(?:(?<![\w-])|(?<=[\p{{L}}\d]-(?:to|or)-))(?<!\bper\s)(?:{spelled}(?![\w])|an?(?=\s+(?:{spelled}|{ordinals})(?![\w]))
                |(?:half|quarter)(?=\s+(?:an?\s+)?{scales}(?![\w])))
                (?:(?:\s*-\s*|\s+){run_word}(?![\w]))*)
          | # a change stated as a multiple: doubled, halved
            (?P<multiplied>(?<![\w-]){alternation(self.multiplier_verbs) if self.multiplier_verbs else "(?!)"}(?![\w-]))
        )
        """
        return version1(pattern, regex.X | regex.I)

    def _compile_not_figures(self, numbers: dict) -> list[regex.Pattern]:
        """Patterns for numbers that are no figures. Compiled one by one: as one alternation they
        defeat the engine's first-character checks and run twenty times slower."""
        age_words = alternation(numbers.get("age_words", ()))
        streets = alternation(numbers["street_words"])
        streets_first = alternation(numbers.get("street_words_first", ()))
        models = alternation(numbers.get("model_words", ()))
        labels_after = alternation(numbers.get("identifier_labels_after", ()))
        scales = alternation(numbers["scales"])
        # an age in digits or spelled: 81, three, twenty-one
        age = rf"""(?:\d{{1,3}}|(?:{alternation(numbers["tens"])})(?:[\s-]+(?:{alternation(numbers["units"])}))?(?![\w-])
                  |(?:{alternation(numbers["units"])})(?![\w-]))"""
        patterns = [  # (characters the text must hold for the pattern to run, or a stdlib pattern it must match; pattern)
            (("://", "www."), rf"""(?:https?://|www\.)\S+"""),  # addresses carry ids and dates
            # numeric dates: 06.01.2022, 2022-01-10; one separator throughout ("1.5-2%" is a range)
            ((), at_digit(rf"""\b\d{{1,4}}(?P<date_separator>[./-])\d{{1,2}}(?P=date_separator)\d{{1,4}}(?:T[\d:.]+Z?)?\b""")),
            ((), at_digit(rf"""\b(?:1[89]|20)\d{{2}}-(?:0[1-9]|1[0-2])\b""")),  # year and month: 1995-01
            ((), at_digit(rf"""\b(?:1[89]|20)\d{{2}}[-–/]\d{{2}}(?![\d.,%])""")),  # seasons, fiscal years: 2014-15, 2019/20
            (("half", "Half"), rf"""\b(?:first|second|final|latter|back|front)\s+half\b"""),  # of a game, a year
            (MONTH_STARTS, at_digit(rf"""\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?-i:{MONTHS})(?:,?\s+\d{{4}})?(?![\w])""")),  # 4 January 2022
            ((), month_digits(rf"""(?<![\w])(?-i:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d])(?:\s*[-–]\s*\d{{1,2}}(?![\d]))? (?:,?\s+\d{{4}})?""")),  # January 4, 2022; Sept. 20-24
            ((), at_digit(rf"""\b\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)(?![\w])""")),  # 10.45pm, 9:30 pm
            ((":",), at_digit(rf"""\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\b""")),  # clock times: 13:54, 4:39
            ((), at_digit(rf"""\b\d{{1,2}}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)""")),  # 10 a.m., 5am
            (("+",), rf"""\+\d[\d\s().-]{{6,}}\d"""),  # phone numbers: +1-222-2222-2222
            ((), at_digit(rf"""\b\d{{3}}[-.]\d{{3}}[-.]\d{{4}}\b""")),  # 555-123-4567
            # not from inside a number ("1,234,567"): the try from its first digit reads the same groups
            ((), at_digit(rf"""(?<!\d,)\b\d{{1,3}}(?:,\d{{3}})*\s*-?\s*{age_words}""")),  # ages: 81-year-old
            # a year of an era, or a span of them: A.D. 1000, 1000 and 1260 AD, 300 BC
            (("AD", "A.D", "BC", "B.C", "CE", "C.E"), era_before(rf"""(?-i:(?<![\w.])(?:A\.?D|B\.?C|C\.?E)\.?\s+\d{{1,4}}(?:\s*(?:-|–|to|and)\s*\d{{1,4}})?\b)""")),
            (("AD", "A.D", "BC", "B.C", "CE", "C.E"), at_digit(rf"""(?-i:\b\d{{1,4}}(?:\s*(?:-|–|to|and)\s*\d{{1,4}})?\s*(?:A\.?D|B\.?C\.?E?|C\.?E)\b\.?)""")),
            # aged 81, aged 18 to 34, aged between 18 and 25, aged three and 13, under the age of five (not "an
            # age of 3 billion users")
            ((), age_phrase(rf"""\b(?:aged|ages|age(?:\s+of)?)\s+(?:between\s+|from\s+)?{age}(?:\s*(?:-|–|to|and)\s*{age})?\b(?!\s+(?:{scales})\b)""")),
            # The two name patterns are case-sensitive as a whole: their letters need no folding, and
            # folded they were 30 times slower (exponential under full folding: "A" + "i" * 30 + "(").
            ((), name_comma_number(rf"""(?-i:\p{{Lu}}[\p{{L}}'’.-]+,\s\d{{1,3}}(?=,\s))""")),  # Jamie Armstrong, 25, said
            (("#",), rf"""\#\d+"""),  # hashtags and numbered items
            (("UPDATE",), rf"""(?-i:\bUPDATE\s\d{{1,2}}\s?[-–])"""),  # a wire story's version: "UPDATE 2-Gunmen kill 7"
            # a 24-hour clock time before its zone: "at around 11 p.m. (2200 GMT)", "0300 local time"
            (_CLOCK_ZONES, at_digit(rf"""(?-i:\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:{_CLOCK_ZONE_ALTERNATIVES})\b)""")),
            # (each of its signs holds "<" or "=", which a text is searched for twice as fast as for the four)
            (("<", "="), rf"""(?:<>|=>|=<|==)\s*\d[\d.,]*"""),  # code, not prose: x <> 30
            (("(",), name_bracketed_number(rf"""(?-i:\p{{Lu}}[\p{{L}}'’.-]+\s\(\d{{1,3}}\))""")),  # a player's number: Brandt (9)
            ((), at_digit(rf"""(?<![\w.,\u00a0\u202f\u2009]|\d\ )0\d+(?![\d.,])""")),  # codes with a leading zero: 0401
            # a phone number dialled from home, in groups: 0800 555 0199, 020 7946 0958, 0161-496-0000
            ((), at_digit(rf"""(?<![\w.,]|\d\ )0\d{{2,4}}(?:[\ -]\d{{3,4}}){{1,2}}(?![\d]|[.,]\d)""")),
            # 27 Willow Creek Road, 9 E 71st St; 22 Avenue Foch
            ((), at_digit(rf"""(?<![\w.,-])\d+(?:[-–]\d+)?(?:\s+(?-i:\p{{Lu}}[\p{{L}}.'’-]*|\d+(?:st|nd|rd|th)\b)){{1,3}}\s+(?-i:{streets})\b""")),
            ((), at_digit(rf"""(?<![\w.,-])\d+(?=\s+(?-i:{streets_first})\s+(?:(?:de|du|del|des|della|la|le)\s+)*(?-i:\p{{Lu}}))""")),
            (tuple(numbers.get("model_words", ())), at_digit(rf"""(?<![\w.,])\d+(?=\s+(?-i:{models})(?![\w-]))""")),  # a model's number: 737 Max, iPhone 15 Pro
            (("code", "Code", "CODE"), at_digit(rf"""(?<![\w.,])\d+(?=\s+{labels_after}(?![\w-]))""")),  # a number named by what follows: the 90210 zip code
            ((), at_digit(rf"""(?<![\w.,])\d+[-–]\d+(?=\s+(?:lead|win|victory|defeat|loss|draw|scoreline|score|down|up|on\s+aggregate)\b)""")),  # a 9-2 lead
        ]
        # A pattern runs only on texts that hold what it needs: most texts hold no '+', '#', '<' or
        # address, and these scans are a large part of the time on short texts.
        return [(needs, version1(pattern, regex.X | regex.I), pattern) for needs, pattern in patterns]

    # --- scanning -------------------------------------------------------------------------

    def find(self, text: str) -> list[NumberMention]:
        """Every figure in `text`, qualified and combined into ranges."""
        # read by both steps: the folded text for their word scans, where runs of digits start for their digit scans
        spaced_text, digit_starts = spaced(text), self._digit_starts(text)
        blocked = _Blocked(self._not_figure_spans(text, spaced_text, digit_starts))
        atoms: list[Atom] = []
        rejected_end = -1
        for match in self._atom_matches(text, spaced_text, digit_starts):
            if blocked.overlaps(match.span()) or not _readable(match.group()):
                continue
            for atom in self._atoms_of(match, text):
                # "ISO 3888-2": what is glued to a rejected number by a hyphen belongs to it
                if atom.start == rejected_end + 1 and text[rejected_end:atom.start] == "-":
                    rejected_end = atom.end
                elif self._is_figure(atom, text):
                    atoms.append(atom)
                else:
                    rejected_end = atom.end
        atoms = _without_scores(atoms, text)
        mentions = self.intervals.combine(_ratios(_compounds(atoms, text, self.fractions), text), text)
        return [m for m in mentions if not self._is_year(m, text) and _finite(m) and not self._is_age(m, text)]

    def _not_figure_spans(self, text: str, spaced_text: str | None = None,
                          digit_starts: list[int] | None = None) -> list[tuple[int, int]]:
        """The spans of every not-figure pattern's finditer, for the patterns whose needs the text holds.
        `spaced_text` and `digit_starts`: spaced(text) and self._digit_starts(text), if already made."""
        held: dict[tuple[str, ...], bool] = {}  # patterns that need the same words ask once
        spaced_text = spaced(text) if spaced_text is None else spaced_text
        digit_starts = self._digit_starts(text) if digit_starts is None else digit_starts
        spans = [m.span() for needs, pattern, starts in self.not_figure_patterns if _holds(text, needs, held)
                 for m in (pattern.finditer(text, timeout=MATCH_TIMEOUT) if starts is None
                           else matches_at(pattern, text, starts(text, spaced_text)))]
        # The patterns that start at a digit are tried together, once, where a run of digits starts and the
        # filter's scan says one of them may match, which in most texts is nowhere; each pattern's match there is
        # its group's. (Where none of them matches, no group does: a failed look-ahead keeps none of its groups.)
        found = [match for match in (self.digit_patterns.match(text, start, timeout=MATCH_TIMEOUT)
                                     for start in digit_starts if self.digit_filter_scan.match(text, start))
                 if match.lastindex is not None]
        if not found:
            return spans
        chosen = [(pattern, group) for (needs, pattern, _), group in zip(self.not_figures_at_digit, self.digit_pattern_groups)
                  if _may_hold(text, needs, held, len(found))]
        if len(found) > _FEW_STARTS:  # a text made of such numbers ("1-1-1-..."): each pattern scans on its own
            return spans + [m.span() for pattern, _ in chosen for m in pattern.finditer(text, timeout=MATCH_TIMEOUT)]
        for _, group in chosen:
            end = 0
            for match in found:
                # as the pattern's own finditer: no match starts inside the one before (an unmatched group starts at -1)
                start, match_end = match.span(group)
                if start >= end:
                    spans.append((start, match_end))
                    end = match_end
        return spans

    def _atom_matches(self, text: str, spaced_text: str | None = None, digit_starts: list[int] | None = None):
        """The full atom pattern, tried only where a candidate starts (and just before it, for '$' or 'a')."""
        consumed = 0
        digit_starts = self._digit_starts(text) if digit_starts is None else digit_starts
        starts = digit_starts + self._word_starts(text, spaced_text)
        # a look for each character first: most texts hold none, which this tells seven times faster than a scan
        if self.fraction_starts is not None and any(map(text.__contains__, self.fractions)):
            starts += [m.start() for m in self.fraction_starts.finditer(text)]
        starts.sort()
        for position in starts:
            if position < consumed:
                continue
            match = self.plain_number.match(text, position) or self.plain_word.match(text, position) \
                or self.atom_pattern.match(text, position, timeout=MATCH_TIMEOUT)
            # The lead searches read at most 14 characters: they need no timeout, which costs more than they do.
            lead = self.lead_pattern.search(text, max(consumed, position - 14), position) \
                if self._may_end_a_lead(text, position) else None
            while lead:
                # a lead that the pattern takes and that reads at least as far: "a £3m", "a dozen";
                # but "a two-fold" reads further from "two"
                led = self.atom_pattern.match(text, lead.start(), timeout=MATCH_TIMEOUT)
                if led and led.end() > position and (not match or led.end() >= match.end()):
                    match = led
                    break
                lead = self.lead_pattern.search(text, lead.start() + 1, position)
            if match and match.end() > match.start():
                consumed = match.end()
                yield match

    def _digit_starts(self, text: str) -> list[int]:
        """Where the digits' candidate pattern (?<!\\d)\\d matches: by the stdlib engine, which reads ASCII digits as
        the regex module does; the regex module is asked only where a character past ASCII stands at the digit or
        before it (a digit only it may know). Neither needs a timeout: each reads a character and the one before it,
        and the regex module reads its clock at each match a scan with one finds, which cost more than the scan."""
        digits = self.candidate_patterns[0]
        return [start for start in map(match_start, _MAY_START_DIGITS.finditer(text))
                if text[start] <= "9" and text[start - 1:start] <= "\x7f" or digits.match(text, start)]

    def _word_starts(self, text: str, spaced_text: str | None = None) -> list[int]:
        """The starts of the word candidate pattern's finditer: its matches confirmed where the fast scan
        finds one may start, each skipped that starts inside the match before, as in the scan. `spaced_text`:
        spaced(text), if already made."""
        words = self.candidate_patterns[1]
        if self.word_start_scan is None:
            return [m.start() for m in words.finditer(text, timeout=MATCH_TIMEOUT)]
        # a match reads one number word at most: it needs no timeout, which costs more than it does
        spaced_text = spaced(text) if spaced_text is None else spaced_text
        found = matches_at(words, text, map(match_start, self.word_start_scan.finditer(spaced_text)))
        return [match.start() for match in found]

    def _may_end_a_lead(self, text: str, position: int) -> bool:
        """Whether the text before `position` can end in a lead. Asked of the lead's end pattern only after a
        space, where most candidates stand and where it mostly says no; after a sign or a dash ("$5",
        "1-2-3") the lead pattern's own search costs less than the two."""
        if text[position - 1:position] != " ":
            return True
        # Before its closing spaces a lead ends as a currency or "a", "an", "minus", "negative" does; most
        # candidates follow a word that ends otherwise ("killed 5"), which a look at its last letter tells.
        last = text[max(0, position - 12):position].rstrip(_LEAD_CLOSING)[-1:]
        if last.isascii() and last and last not in _LEAD_LAST:
            return False
        return self.lead_end_pattern.match(text, 0, position) is not None

    def _atoms_of(self, match: regex.Match | re.Match, text: str) -> list[Atom]:
        if match.re is self.plain_number:  # digits and nothing else: the atom pattern's digits group alone
            raw = match.group()
            return [Atom(match.start(), match.end(), float(raw) if raw.isdigit() else float(_without_separators(raw)),
                         integer_digits=raw.isdigit())]
        if match.re is self.plain_word:  # a number word alone: the atom pattern's words group alone
            return self._spelled_atoms(text, match.start(), match.end(), "", 1.0, None)
        groups = self.atom_groups._make(match.groups())
        currency = groups.currency  # most figures have none, and need no cleaning
        currency = single_spaced(currency.strip()).replace(" ", "") if currency else ""
        unit = CURRENCY_NAMES.get(currency, currency.rstrip("."))
        sign = -1.0 if groups.negative else 1.0
        start = match.start("currency") if currency else (match.start("negative") if sign < 0 else None)
        if groups.digits:
            atom = self._digits_atom(match, groups, unit, text)
            return [_signed(atom, sign, start)] if atom else []
        if groups.vague:
            rule = self.vague[single_spaced(folded(groups.vague))]
            if "words_before" in rule and not _between_words(text, match.start("vague"), match.end(), rule):
                return []  # "test scores were high", "he scores more often": no vague amount
            return [Atom(match.start("vague"), match.end(), float(rule["value"]), unit,
                         vague_qualifier=rule["qualifier"], vague_phrase=single_spaced(groups.vague))]
        if groups.fold:
            number = compiled(r"-?fold\Z", regex.I).sub("", groups.fold)
            value = float(number) if number[:1].isdigit() else self.spelled.read(number, 0)[0].value
            return [Atom(match.start("fold"), match.end(), value, "fold")]
        if groups.fraction:
            return [Atom(match.start("fraction"), match.end(), 0.5, unit, spelled=True)]
        if groups.multiplied:
            value = self.multiplier_verbs[folded(groups.multiplied)]
            return [Atom(match.start("multiplied"), match.end(), value, "fold" if value > 1 else "", spelled=True)]
        return self._spelled_atoms(text, match.start("words"), match.end(), unit, sign, start)

    def _spelled_atoms(self, text: str, start: int, end: int, unit: str, sign: float, lead_start: int | None) -> list[Atom]:
        """The numbers of a run of number words from start to end, the first with the unit, sign and start of what
        leads the run."""
        # one character past the run, so that "a third-party review" shows its hyphen
        numbers = self.spelled.read(text[start:end + 1], start)
        return [_signed(Atom(n.start, n.end, n.value, unit if i == 0 else "", scale=n.scale, spelled=True),
                        sign if i == 0 else 1.0, lead_start if i == 0 else None)
                for i, n in enumerate(numbers)]

    def _digits_atom(self, match: regex.Match, groups: tuple, unit: str, text: str) -> Atom | None:
        raw = groups.digits
        # plain digits (most figures) hold no separator or minus sign to clean
        value = self.fractions[raw] if groups.vulgar else float(raw) if raw.isdigit() else \
            float(_without_separators(raw))
        value = _raised(value, groups.exponent)
        if groups.denominator:
            # (the fraction slash writes nothing but a fraction: "1⁄128 of a gallon")
            if not float(groups.denominator) or not groups.currency and text[match.start("denominator") - 1] != "⁄" \
                    and (float(groups.denominator) not in FRACTION_DENOMINATORS or value >= float(groups.denominator)):
                return None  # "9/11", "24/7": a name, not a share; "$1/0" no number
            value = value / float(groups.denominator)
        scale, glued_unit = 1.0, ""
        glued = groups.glued
        if glued == "K" and len(raw) == 1 and not unit and self._format_before_noun(text, match.end("glued")):
            return None  # "a 4K TV", "an 8K screen": a display format, no 4,000
        if glued and not unit and raw + glued in self.format_codes:
            return None  # "1080p video": a format the rules name
        if glued:
            scale, glued_unit = self._glued(glued, bool(unit), text[match.end("glued"):match.end("glued") + 30])
            if scale is None:
                return None  # an ordinal (22nd) or a code (5G, 3D)
        for group in (groups.spaced_suffix, groups.digit_scale):
            for word in (group or "").split():
                # (the pattern reads the suffixes in any case: "Rs 12 BN", "5 Bn")
                scale *= self.suffix_scales.get(word) or self.suffix_scales.get(word.lower()) \
                    or self.scale_words.get(word.lower()) or self.spelled.words[folded(word)][1]
        # \d+ is isdigit() on ASCII (most figures): the pattern reads only digits past it
        digits_only = raw.isdigit() if raw.isascii() else compiled(r"\d+").fullmatch(raw) is not None
        plain = digits_only and not glued and scale == 1 and not unit and not groups.exponent
        return Atom(match.start(self.digits_group), match.end(), value * scale, unit or glued_unit, scale=scale,
                    integer_digits=plain)

    @staticmethod
    def _format_before_noun(text: str, end: int) -> bool:
        """Whether one digit and a capital K name a display format: before a singular noun or a code ("4K TV",
        "8K screen", "5K resolution"); "4K followers", "8K of debt" count thousands."""
        after = FORMAT_NOUN_AFTER.match(text, end, end + 30)
        if not after:
            return False
        noun = after.group("noun")
        return noun is None or not (noun.endswith("s") and not noun.endswith("ss")) and noun not in FUNCTION_WORDS

    def _glued(self, letters: str, has_currency: bool, after: str) -> tuple[float | None, str]:
        """What letters glued to digits mean: (scale, unit); scale None when the number is no figure."""
        if letters in ("m", "M") and (has_currency or letters == "M" or not METRE_CONTEXT.match(after)) \
                and not after[:1].isdigit():  # "32m2" is square metres
            return 1e6, ""
        if letters in self.suffix_scales and letters not in ("m", "M"):
            return self.suffix_scales[letters], ""
        if letters in self.glued_units or letters.lower() in self.glued_units_folded or after[:1].isdigit():
            return 1.0, letters
        if ORDINAL_SUFFIX.match(letters) or letters.lower() in ("s",):
            return None, ""
        return None, ""

    # --- what is not a figure -------------------------------------------------------------

    def _is_figure(self, atom: Atom, text: str) -> bool:
        before = text[max(0, atom.start - 40):atom.start]
        after = text[atom.end:atom.end + 40]
        # only a text that ends in a letter or a hyphen can (most end in a space)
        if before[-1:] in _LETTERS_OR_HYPHEN and GLUED_BEFORE.search(before) and not atom.unit \
                and not self.intervals.phrase_before(before) and not HYPHENED_JOINER.search(before):
            return False  # glued to letters before: COVID-19, G20, F-16 (but "sub-7" is a qualifier)
        # both patterns want a hyphen or an ordinal suffix first: most figures are followed by neither
        if after[:1] in _SUFFIX_FIRST and (compiled(r"-(?:(?:st|nd|rd|th)\b|[A-Za-z]\d)").match(after)
                                           or compiled(r"(?:st|nd|rd|th)\b").match(after)):
            return False
        if atom.spelled and text[atom.start:atom.end].lower() in ("one", "a", "an") and (
                PRONOUN_ONE_AFTER.match(after) or PRONOUN_ONE_BEFORE.search(before)
                or (FOR_ONE_BEFORE.search(before) and compiled(r"\s*[,;:]").match(after))):
            return False  # "no one", "one another": a pronoun, not a count
        if atom.spelled and "old" in after[:24] and self.spelled_age.match(after):
            return False  # "an eight-year-old girl"
        if after[:2] == ", " and before[-2:] == ", " and atom.integer_digits and atom.value < 150 \
                and AGE_APPOSITION.search(before):
            return False  # an age in apposition to one person: "the suspect, 34, said", "a local man, 52, died"
        if atom.spelled and atom.value < 1 and self._rank_before_noun(text[atom.start:atom.end], after):
            return False  # "for a third month", "a fifth straight day": a rank, not a share
        return not self._is_identifier(atom, text, before, after)

    def _rank_before_noun(self, written: str, after: str) -> bool:
        """Whether 'a third', 'a fifth' is an ordinal before the noun it ranks ('a third term', 'a fifth
        month'); a share is followed by 'of', a function word or a comparison ('a third of', 'a third more').
        Halves and quarters are shares ('a quarter mile')."""
        words = written.lower().split()
        if len(words) != 2 or words[0] not in ("a", "an") or words[1] in ("half", "quarter"):
            return False
        noun = compiled(r"\s+([a-z]+)\b").match(after)
        return bool(noun) and noun.group(1) not in FUNCTION_WORDS and noun.group(1) not in _SHARE_FOLLOWERS

    def _is_identifier(self, atom: Atom, text: str, before: str, after: str) -> bool:
        """'Article 4', 'Flight 370', 'S&P 500 rose', 'Game 7': a number that names, not counts."""
        if atom.unit or self._no_label_before(before):
            return False
        label = LABEL.search(before, _label_run_start(before))
        if not label:
            return False
        word = label.group(1)
        label_word = word.lower().rstrip(".")
        if label_word in self.label_last_words:
            first = LAST_WORD.match(before, 0, label.start())
            pair = f"{first.group(1).lower()} {label_word}" if first else ""
            label_word = pair if pair in self.labels else label_word
        if not word[:1].isupper() and label_word not in self.labels:
            return False  # "killed 30", "at least 30": what every test below ends in for a lower-case word, asked first
        # a percentage starts with '%' or 'p' after any spaces (Python's spaces hold the pattern's)
        if after.lstrip()[:1] in _PERCENT_FIRST and compiled(r"\s*(?:%|per\s?cent|percent)", regex.I).match(after) \
                or word.lower() in FUNCTION_WORDS:
            return False
        if word.endswith(".") and word.count(".") == 1 and label_word not in self.labels:
            return False  # the word ends the previous sentence
        next_word = compiled(r"\s+([\p{L}%]+)").match(after)
        if atom.spelled and text[atom.start].isupper() and word[:1].isupper() \
                and not (next_word and next_word.group(1)[:1].isupper()):
            return True  # "Air Force One crews", "Apple One's plan": a number word capitalised after a name is of it
        if label_word not in self.labels and _title_case(before, after):
            return False  # a headline in title case: "Sudan Strike Kills 43, Wounds 55", "Floods Kill Twenty In Kenya"
        counted = next_word is not None and (next_word.group(1).lower() not in FUNCTION_WORDS) and (
            next_word.group(1).islower() or next_word.group(1) == "%")
        if label_word in self.verb_labels and word.islower():
            before_label = LAST_WORD.match(before, 0, label.start())
            if before_label and before_label.group(1).lower() in self.before_verb_labels:
                return False  # "could top 10,000", "expected to top 500": the verb, no label
        if label_word in self.labels:
            # "last week 30 people died": a lower-case label followed by a counted noun is no label
            return any(ch.isupper() for ch in word) or not counted or self._names_a_kind(atom, next_word.group(1))
        if not word[:1].isupper() or self.intervals.phrase_before(before) or _sentence_initial(text, atom,
                                                                                                         label):
            return False
        if (", " in before[-60:] or " and " in before[-60:]) \
                and BREAKDOWN_ITEM_BEFORE.search(before, max(0, len(before) - 80), label.start()):
            return False  # "Georgia reported 33 deaths, South Carolina 36, Tennessee 17": a breakdown's next item
        if counted and PLACE_PREPOSITION_BEFORE.search(before, 0, label.start()):
            return False  # "In Turkey 900 died", "and in Syria 1,600 people": a place, then its count
        plural = counted and (next_word.group(1).endswith("s") or next_word.group(1) == "%"
                              or next_word.group(1) in self.glued_units or next_word.group(1) in self.unit_words_after
                              or ":" in label.group() and next_word.group(1) in self.plurals_without_s)
        # ("In Syria: 9 people died": a place and a colon; not "a Beech 200 aircraft", a model)
        return not plural and not regex.fullmatch(MONTHS, word)

    def _no_label_before(self, before: str) -> bool:
        """Whether the words before a number end in no label that may name it, as most figures' do, told by string
        methods instead of LABEL's search: in a character no label ends in ("(30", "said, 30"), or in a word of
        lower-case ASCII letters after a space or a tab that is no label nor the last word of one ("killed 30")."""
        words = before.rstrip(" \t")
        last = words[-1:]
        if last.isascii() and last and not last.isalpha() and last not in _LABEL_ENDS:
            return True
        word = words[max(words.rfind(" "), words.rfind("\t")) + 1:]
        return word.isascii() and word.isalpha() and word.islower() and word not in self.labels \
            and word not in self.label_last_words

    def _irregular_plural_counted(self, noun: str, mention: NumberMention, text: str) -> bool:
        """'police arrested 1900 people': a plural with no 's' counts, unless a preposition before
        makes the number a year ('in 2019 police said')."""
        return noun in self.plurals_without_s and not YEAR_BEFORE.search(text, max(0, mention.start - 12), mention.start)

    def _names_a_kind(self, atom: Atom, noun: str) -> bool:
        """'a category 4 hurricane', 'a phase 3 trial': after a label, a number above one before a
        singular noun names a kind of that thing; a count would take the plural ('week 30 people')."""
        noun = noun.lower()
        return atom.value != 1 and not noun.endswith("s") and noun not in self.plurals_without_s \
            and noun not in self.unit_words_after and noun not in self.spelled.words

    def _dated(self, text: str, start: int) -> bool:
        """Whether a preposition of time comes right before `start` ('until 2150'), and no word of change
        before 'by' ('rose by 2150')."""
        found = self.year_preposition.match(text, max(0, start - 40), start) if self.year_preposition else None
        if not found:
            return False
        word_before, preposition = found.groups()
        return preposition.lower() != "by" or (word_before or "").lower() not in self.change_words

    def _is_age(self, mention: NumberMention, text: str) -> bool:
        """Whether the figure is an age said by the words before it ("as young as 10": numbers.toml age_words_before)
        or bounds one ("children under five", "aged over 60", "45 were under 18"), by the words right before its
        number and what follows it (rules: numbers.toml age_bound_words)."""
        if self.age_words_before and text[max(0, mention.number_start - 16):mention.number_start].lower().endswith(
                self.age_words_before):
            return True
        if self.age_bound is None or mention.unit or mention.value is None or None not in (mention.low, mention.high):
            return False  # (a bound's interval is open on one side)
        if not (0 < mention.value <= self.age_bound_limit and mention.value == int(mention.value)):
            return False
        lead = self.age_bound.search(text, max(0, mention.number_start - 40), mention.number_start)
        if lead is None:
            return False
        after = _WORD_AFTER.match(text, mention.end)
        word = after.group("word").lower() if after and after.group("word") else ""
        if word in self.unit_words_after and word not in self.durations or word in self.scale_words \
                or after and after.group("percent") or word in ("year", "years"):
            # "people over 100 miles away", "over 60 million", "under 40%"; and a bound in years is the age words'
            # to read ("He is over thirty years old" states a bound: the number grammar keeps it)
            return False
        if lead.group("group"):
            return True
        # after a verb of being, only an age that ends its clause: "45 were under 18", not "deaths were over 50"
        return mention.value < 100 and (not word or word in ("and", "or", "when", "at"))

    def _is_year(self, mention: NumberMention, text: str) -> bool:
        written = text[mention.number_start:mention.number_end]
        if mention.unit or mention.qualifier != "exact" and mention.qualifier != "range":
            return False
        if len(written) < 4:
            return False  # "30", "160": no four digits to be a year (most figures)
        years = compiled(r"(?<![\d,.])\d{4}(?![\d,.])").findall(written)
        if not years:
            return False
        numbers = compiled(r"\d[\d,.]*").findall(written)
        # a span of two ("between 1600 and 1900") reaches further back than a year alone; two bounds
        # ("above 1000 and below 1500") are no span
        opener = text[mention.start:mention.number_start]
        span = len(years) == 2 and compiled(r"(?:(?:between|from)\s+)?", regex.I).fullmatch(opener)
        year_low = self.span_year_low if span else self.year_low
        if len(years) != len(numbers):
            return False
        if not all(year_low <= int(y) <= self.year_high for y in years):
            # "until 2150", "in 1132": past the usual years only after a preposition of time
            low, high = min(year_low, self.dated_year_low), max(self.year_high, self.dated_year_high)
            if not (all(low <= int(y) <= high for y in years) and self._dated(text, mention.start)):
                return False
        next_word = compiled(r"\s+([a-z]+)").match(text[mention.end:mention.end + 30])
        counted = next_word and next_word.group(1) not in FUNCTION_WORDS and (
            next_word.group(1).endswith("s") or self._irregular_plural_counted(next_word.group(1), mention, text))
        # "its 2018 sales", "2019 earnings": a noun of a period's accounts is dated by the year, not counted
        return not counted or next_word.group(1) in self.year_nouns


# The word after a figure, or a percent sign or "per cent" right after it.
_WORD_AFTER = regex.compile(r"\s*(?:(?P<percent>%|per\s?cent\b|percent\b)|(?P<word>[\p{L}-]+))?")


def _age_bound_pattern(numbers: dict) -> regex.Pattern | None:
    """The words before an age's bound, ending where its number starts: a noun of people (group) or a verb of
    being not after a noun of a count, then the bound ("children under ", "45 were under ")."""
    bounds, groups = numbers.get("age_bound_words", ()), numbers.get("age_group_nouns", ())
    if not bounds or not groups:
        return None
    verbs, counts = numbers.get("age_bound_verbs", ()), numbers.get("count_nouns", ())
    not_a_count = rf"(?<!\b(?:{alternation(counts)})\s+)" if counts else ""
    verb = rf"{not_a_count}(?:{alternation(verbs)})" if verbs else "(?!)"
    return regex.compile(rf"(?<![\p{{L}}])(?:(?P<group>{alternation(groups)})|{verb})\s+(?:{alternation(bounds)})\s+\Z",
                         regex.I)


# Where a month's name before a number may start, for the stdlib to find faster than the pattern's own scan (a
# superset of its matches: \W holds both engines' \s; a digit is not a space nor an ASCII letter to either, and past
# ASCII any character may be a digit to the regex module). Most texts hold a month's name, but none before a number.
_MONTH_THEN_DIGIT = re.compile(rf"(?:{'|'.join(MONTH_STARTS)})[a-z]*\.?\W+[0-9\x80-\U0010ffff]")
# A comma before a space, a number of three digits at most and a comma and a space (a superset: any character past
# ASCII may be a digit or a space to the regex module): only the comma is taken, as the next may start another.
_COMMA_BEFORE_NUMBER = re.compile(r",(?=[\s\x80-\U0010ffff][0-9\x80-\U0010ffff]{1,3},[\s\x80-\U0010ffff])")
# A space before a number of three digits at most in brackets (a superset, as above): only the space is taken.
_SPACE_BEFORE_BRACKETED_NUMBER = re.compile(r"[\s\x80-\U0010ffff](?=\([0-9\x80-\U0010ffff]{1,3}\))")
# An era's letters, as the pattern before a year writes them.
_ERA_LETTERS = re.compile(r"A\.?D|B\.?C|C\.?E")
# The letters, dots, hyphens and apostrophes a name is written in, read backwards from where it ends.
_NAME_RUN_BEFORE = regex.compile(r"[\p{L}'’.-]*", regex.REVERSE)
# The letters every age pattern's match starts with, folded.
_AGE = re.compile("age")
# A capital, or a character past ASCII that may be one.
_CAPITAL_OR_NOT_ASCII = re.compile(r"[A-Z\x80-\U0010ffff]")
# The time zones a wire writes after a 24-hour clock time ("(2200 GMT)"): the words that pattern needs.
_CLOCK_ZONES = ("GMT", "UTC", "EST", "EDT", "BST", "CET", "CEST", "IST", "JST", "AEDT", "AEST", "local time")
_CLOCK_ZONE_ALTERNATIVES = "|".join(zone.replace(" ", r"\s+") for zone in _CLOCK_ZONES)  # (the patterns are verbose)

# Above this many starts of not-figure matches in a text, a try of each pattern at each start costs
# more than its own scan; news articles hold a few.
_FEW_STARTS = 32


class at_digit(str):  # noqa: N801 - a marker, written where the patterns are
    """A not-figure pattern every match of which starts where a run of digits does."""


class name_bracketed_number(str):  # noqa: N801 - a marker, as at_digit
    """A not-figure pattern every match of which starts at a capital of the run of letters, dots, hyphens and
    apostrophes right before a space and a number of three digits at most in brackets ("Brandt (9)")."""


class era_before(str):  # noqa: N801 - a marker, as at_digit
    """A not-figure pattern every match of which starts with the letters of an era, case and all: "AD", "A.D",
    "BC", "B.C", "CE", "C.E"."""


class month_digits(str):  # noqa: N801 - a marker, as at_digit
    """A not-figure pattern every match of which starts where _MONTH_THEN_DIGIT matches: a month's name before
    digits."""


class age_phrase(str):  # noqa: N801 - a marker, as at_digit
    """A not-figure pattern every match of which starts with the letters "age", in any case ("aged 81", "Ages 18")."""


class name_comma_number(str):  # noqa: N801 - a marker, as at_digit
    """A not-figure pattern every match of which starts at a capital of the run of letters, dots, hyphens and
    apostrophes right before a comma, a space and a number of three digits at most ("Jamie Armstrong, 25, said")."""


def _age_starts(text: str, spaced: str):
    """Where "age" stands in the folded text, that no other character folds to: a search for those letters alone
    finds them faster than the pattern's search, and news text holds a few."""
    return (found.start() - 1 for found in _AGE.finditer(spaced))


def _month_starts(text: str, spaced: str):
    """Where a month's name stands before digits: _MONTH_THEN_DIGIT holds no such place but where it starts (its
    letters follow a letter, its marks are no month's first letter)."""
    return map(match_start, _MONTH_THEN_DIGIT.finditer(text))


def _name_comma_number_starts(text: str, spaced: str):
    """Where a name before a comma and a number may start, in text order (each run lies before its comma, and
    no run holds a comma). A try at each capital of a run reads to its comma at most, and the first that
    matches reaches past the others: one text costs a read of each run."""
    return _capitals_of_names_before(text, _COMMA_BEFORE_NUMBER)


def _name_bracketed_number_starts(text: str, spaced: str):
    """Where a name before a space and a number in brackets may start, in text order: as for a name before a
    comma, each run lies before its space, and no run holds the bracket after it."""
    return _capitals_of_names_before(text, _SPACE_BEFORE_BRACKETED_NUMBER)


def _capitals_of_names_before(text: str, scan: re.Pattern):
    """The capitals (or characters past ASCII) of each run of a name's characters that ends where `scan` matches."""
    for found in scan.finditer(text):
        run = _NAME_RUN_BEFORE.match(text, 0, found.start())
        yield from map(match_start, _CAPITAL_OR_NOT_ASCII.finditer(text, run.start(), found.start()))


def _era_starts(text: str, spaced: str):
    """Where an era's letters stand ("AD", "B.C", "CE"): the pattern's look-behind refuses a letter or a dot before
    them, so no match starts inside letters the scan found, which it steps past."""
    return map(match_start, _ERA_LETTERS.finditer(text))


# Where the matches of a not-figure pattern of each marked kind may start, in text order, from the text and " " +
# folded(text): its scan is a search of the whole text at every position, and news text holds a few such places.
# A try at each costs less, with no timeout: each reads a few words from where it starts.
_STARTS = {month_digits: _month_starts, name_comma_number: _name_comma_number_starts, age_phrase: _age_starts,
           name_bracketed_number: _name_bracketed_number_starts, era_before: _era_starts}


# What the atom pattern reads after digits and a space besides a scale word, case-blind: an abbreviated scale
# ("3 bn", "4 K", "$3 M", "2 dozens") or the "x" of a power ("3 x 10^6").
_WORDS_AFTER_DIGITS = ("bn", "bln", "mn", "mln", "mil", "tn", "trn", "tln", "k", "b", "mm", "m", "dz", "dzs", "doz",
                       "dozs", "dozen", "dozens", "x")


def _plain_number_pattern(scale_words) -> re.Pattern:
    """A stdlib pattern that matches at a digit only where the atom pattern matches the same digits and nothing
    else: a run, thousands with commas, decimals, with no currency, sign, power, letters, scale or slash. It asks
    for ASCII around them, where the two engines read alike, and leaves the rest to the atom pattern."""
    words = "|".join(sorted({word.lower() for word in [*scale_words, *_WORDS_AFTER_DIGITS]}, key=len, reverse=True))
    return re.compile(rf"""
        (?<![0-9A-Za-z_.,\x80-\U0010ffff])             # no word character, dot or comma before (the pattern's look-behind)
        (?>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?:\.[0-9]+)?+  # 7,939 / 160 / 2.5: the first of the pattern's forms that fits
        (?= \Z                                          # then the end, or
          | [,.](?![0-9\x80-\U0010ffff])               # a comma or a dot before no digit ("in 2019.", "160, said")
          | [!"#$%&'()*+:;<=>?@\[\\\]`{{|}}~]          # a mark that starts nothing the pattern reads ("5%", "(160)")
          | [ \t\n\r\x0b\x0c]                          # one space, then the end, a mark, or a word of ASCII letters
            (?: \Z | [!-/:-@\[-`{{-~]                    # that is no scale ("160 people", not "5 million", "3 x 10^6")
              | (?!(?i:{words})(?![A-Za-z]))[A-Za-z]++(?![\x80-\U0010ffff]) ))
        """, re.X)


def _plain_word_pattern(words, run_words) -> re.Pattern:
    """A stdlib pattern that matches at a number word only where the atom pattern matches that word and nothing
    else: its word branch, with nothing before the word that leads another branch (no word character, hyphen or
    "per " before it; no vague amount starts with it) and nothing after it that the run goes on with (a mark that
    ends it, or a space and a word of ASCII letters that is no number word). It asks for ASCII around the word, in
    any case but for the letters that fold to ASCII ones, and leaves the rest to the atom pattern."""
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    run = "|".join(sorted(map(re.escape, run_words), key=len, reverse=True))
    return re.compile(rf"""
        (?<![A-Za-z0-9_\-\x80-\U0010ffff])(?<![Pp][Ee][Rr][\s\x1c-\x1f])  # no word character or hyphen before, nor "per "
        (?:{alternatives})                                     # the number word
        (?= [,.;:!?)"\]]                                      # then a mark that no run goes on after
          | \ (?!(?:{run})(?![A-Za-z]))[A-Za-z]+(?![0-9_\x80-\U0010ffff]) )  # or a space and a word that is no number word
        """, re.X | re.I | re.A)


def _vague_first_words(vague) -> set[str]:
    """The words the vague amounts start with, after "a" or "an": the atom pattern reads a vague amount before a
    number word."""
    return {phrase.split()[1] if phrase.split()[0] in ("a", "an") and len(phrase.split()) > 1 else phrase.split()[0]
            for phrase in vague}


# The characters past ASCII that may be digits to the regex module: every decimal digit Unicode has (or
# may add) lies outside Latin, Greek, Cyrillic, Hebrew and the block of punctuation, spaces and currency.
_MAY_BE_DIGIT = "\u0660-\u1fff\u20d0-\U0010ffff"
# Where a run of digits may start: a character that may be a digit, but for an ASCII digit after another. The first
# character is matched, not looked ahead at, so that the engine skips to the next such character at once.
_MAY_START_DIGITS = re.compile(f"[0-9{_MAY_BE_DIGIT}](?<![0-9][0-9])")


def _digit_filter_scan(words_after: list[str]) -> re.Pattern:
    """A stdlib pattern that matches where a run of digits starts and a not-figure pattern that starts at a
    digit may match: where what follows the run may be what one of them reads next (a superset). The
    rules' `words_after` may follow the run after a space (ages, labels, models, streets): where one is
    not ASCII, any word may."""
    # after the run and a space: "of May", "5 am", "5 a.m.", the span of an era's years ("1000 and 1260 AD", "300 to
    # 200 BC"), and each word by its first three letters
    prefixes = ["of", "am", "a.", "pm", "p.", "to", "and", *{word.lower()[:3] for word in words_after}]
    word = "|".join(map(re.escape, prefixes)) if all(p.isascii() for p in prefixes) else "[a-z]"
    # The run's first character is matched, so that the engine skips to the next digit at once instead of trying
    # every position; the rest is a look-ahead, so that no match hides the start of the next run, and each run is
    # read once (a look at the thousands after it would read "123,123,123..." to its end from every run).
    return re.compile(rf"""
        [0-9{_MAY_BE_DIGIT}](?<![0-9][\s\S])
        (?:
            (?<=[^0-9])                              # perhaps a digit only the regex module knows
          | (?<=0)(?=[0-9])                          # a code with a leading zero, a date: 0401, 06.01.2022
          | (?<=[0-9])(?=[0-9]*+ (?:,[0-9]{{3}})?+    # thousands: only an age follows them (1,000-year-old)
            (?: [,/:][0-9\x80-\U0010ffff]             # more thousands, a date, a time: 1,000,000-year-old, 1/2/2022, 9:30
              | \.[0-9]++ (?: [-.:aApP\x80-\U0010ffff]  # after a dot and digits, a date, a phone number or a time:
                          | [ \t\n\r\x0b\x0c]++[aApP\x80-\U0010ffff])  # 6.1.2022, 555.123.4567, 10.45pm, 10.45 am
              | [,.][0-9]*+[\x80-\U0010ffff]         # perhaps a digit only the regex module knows (no decimals: 51.2)
              | [-a-zA-Z\x80-\U0010ffff]             # 1995-01, 81-year-old, 22nd, 5pm, 2014\u201315
              | [ \t\n\r\x0b\x0c]++                  # a space, then: a capital, a digit or a sign (4 May,
                (?: [^a-z]                           # 27 Willow Road, 81 - year-old); a word with letters
                  | [a-z]{{1,2}}[^\x00-\x7f]          # past ASCII (the regex module folds some to ASCII
                  | (?i:{word})                      # ones); or a word named above
                )
            ))
        )""", re.X)


def _holds(text: str, needs: tuple[str, ...] | re.Pattern, held: dict[tuple[str, ...] | re.Pattern, bool]) -> bool:
    """Whether the text holds any of `needs` (none needed: it does) or, for a stdlib pattern, a match of it,
    remembered in `held` for the text."""
    if not needs:
        return True
    if needs not in held:
        held[needs] = needs.search(text) is not None if isinstance(needs, re.Pattern) \
            else any(map(text.__contains__, needs))  # no generator's frame per need
    return held[needs]


def _may_hold(text: str, needs: tuple[str, ...] | re.Pattern, held: dict, tries: int) -> bool:
    """_holds(text, needs, held) where a look for each need costs less than `tries` tries of the pattern that needs
    them, else True: the pattern is tried, and finds nothing where they are not held. A text holds a start of a
    not-figure number or two, where a pattern of dates needs a dozen month names and one of models forty names."""
    if needs in held or not isinstance(needs, tuple) or len(needs) <= tries:
        return _holds(text, needs, held)
    return True


def _groups_of(pattern: regex.Pattern) -> type:
    """A named tuple of the pattern's groups, filled from match.groups() in one call: the regex module
    looks a group read by name up anew, and an atom reads a dozen."""
    names = sorted(pattern.groupindex, key=pattern.groupindex.get)
    if len(names) != pattern.groups:
        raise ValueError("every group of the atom pattern is named")
    return collections.namedtuple("AtomGroups", names)


def _title_case(before: str, after: str) -> bool:
    """Whether the words around a number are a headline's in title case, where a capitalised word before a number
    says nothing of names: most of the longer words (four letters and more) on both sides capitalised."""
    before, after = SENTENCE_BREAK.split(before)[-1], SENTENCE_BREAK.split(after, 1)[0]  # this sentence's words
    following = TITLE_WORD.findall(after)
    words = TITLE_WORD.findall(before) + following
    capitalised = sum(1 for word in words if word[0].isupper())
    return len(words) >= 4 and capitalised >= 0.8 * len(words) and (not following or following[0][0].isupper())


SENTENCE_BREAK = regex.compile(r"[.!?;:]\s|\n")
TITLE_WORD = regex.compile(r"(?<![\p{L}'’-])\p{L}[\p{L}'’-]{3,}")


def _label_run_start(before: str) -> int:
    """Where LABEL's search may start: past the last character no label holds, and in the last word at the
    latest, or the word before it where the last is a mark ("Flight No. ", "Game : "). A match is a word, then
    perhaps a mark, with spaces or tabs between and after them; a run of words and spaces ("police killed ")
    had the search try every position of it."""
    outside = NOT_IN_LABEL.search(before)
    words = before.rstrip(" \t")
    last = max(words.rfind(" "), words.rfind("\t")) + 1
    if words[last:] in _LABEL_MARKS:
        words = words[:last].rstrip(" \t")
        last = max(words.rfind(" "), words.rfind("\t")) + 1
    return max(outside.end() if outside else 0, last)


_LABEL_MARKS = ("No.", "No", ":", "#", "№")  # what LABEL reads after its word
_LABEL_ENDS = "&.'/-:#"  # the characters of ASCII but letters a match of LABEL may end in, before its spaces


def _sentence_initial(text: str, atom: Atom, label: regex.Match) -> bool:
    """Whether the capitalised word before the number opens its sentence ('Yesterday 12 people died')."""
    word_start = atom.start - (len(text[max(0, atom.start - 40):atom.start]) - label.start())
    lead = text[max(0, word_start - 3):word_start]
    return word_start == 0 or not lead.strip() and "\n" in lead or bool(compiled(r"[.!?:\"“(\n]\s*\Z").search(lead)) \
        or lead == ""


def _readable(written: str) -> bool:
    """Whether Python can read the digits: the regex module knows digits newer than Python's Unicode
    data (Kawi, Nag Mundari), which float() refuses."""
    return written.isascii() or all(digit.isdecimal() for digit in compiled(r"\d").findall(written))


def _without_separators(raw: str) -> str:
    """The digits as float() reads them: [,\\s] taken out and the minus sign made ASCII. ASCII digits (most
    figures) by a translation table, where the pattern's substitution cost twice as much."""
    if raw.isascii():
        return raw.translate(_ASCII_SEPARATORS)
    return compiled(r"[,\s]").sub("", raw).replace("−", "-")


# What [,\s] matches in ASCII, for str.translate to delete: the comma and the six ASCII spaces.
_ASCII_SEPARATORS = dict.fromkeys(map(ord, ",\t\n\x0b\x0c\r "))


def _finite(mention: NumberMention) -> bool:
    """A run of over 308 digits, or a scale on a scale on a scale, is past what a float holds: no figure."""
    # each bound tested inline: a generator over the three cost twice as much, once a figure
    value, low, high = mention.value, mention.low, mention.high
    return (value is None or math.isfinite(value)) and (low is None or math.isfinite(low)) \
        and (high is None or math.isfinite(high))


def _raised(value: float, exponent: str | None) -> float:
    """1e10, 1.3x10^6, 1.1^23 (an even count of minus signs before the power is none)."""
    if not exponent:
        return value
    power = compiled(r"([-−+]*)(\d+)\Z").search(exponent)
    sign = -1 if power.group(1).replace("+", "").replace("−", "-").count("-") % 2 else 1
    try:
        if exponent.startswith("^"):
            return value ** (sign * int(power.group(2)))
        return value * 10.0 ** (sign * int(power.group(2)))
    except (OverflowError, ZeroDivisionError):
        return value


def _signed(atom: Atom, sign: float, start: int | None) -> Atom:
    if sign > 0 and start is None:
        return atom
    return Atom(start if start is not None else atom.start, atom.end, atom.value * sign, atom.unit, atom.scale,
                atom.vague_qualifier, atom.vague_phrase, atom.spelled, atom.integer_digits and sign > 0)


def _without_scores(atoms: list[Atom], text: str) -> list[Atom]:
    """'beat Charlton 2-1', 'tied at 89-89', 'a 9-2 lead': a score is two numbers that count nothing; so is
    a ratio or a vote joined by hyphens ('a two-to-one margin', 'a one-to-one meeting', 'a 5-to-3 vote')."""
    dropped: set[int] = set()
    for index in range(len(atoms) - 1):
        first, second = atoms[index], atoms[index + 1]
        gap = text[first.end:second.start]
        if second.value <= first.value and (
                first.integer_digits and second.integer_digits and gap in ("-", "–") and first.value < 1000
                or gap.lower() in ("-to-", "-or-")):
            dropped |= {index, index + 1}
    return [a for i, a in enumerate(atoms) if i not in dropped]


def _ratios(atoms: list[Atom], text: str) -> list[Atom]:
    """'one in five', 'two out of three', '1 over 3': one figure, the share."""
    merged: list[Atom] = []
    for atom in atoms:
        previous = merged[-1] if merged else None
        gap = text[previous.end:atom.start] if previous else ""
        # the words between, split at Python's spaces (which hold the patterns'), show at once most gaps
        # that are neither "in", "out of" nor "over"
        between = _gap_words(gap) if previous else ()
        share = previous and 0 < previous.value < atom.value <= 1000 and not previous.unit and not atom.unit \
            and between in _SHARE_WORDS and compiled(r"\s+(?:in|out\s+of)\s+", regex.I).fullmatch(gap) \
            and not compiled(r"\s*(?:%|per\s?cent)").match(text[atom.end:atom.end + 10])
        # "one over three" divides only where nothing is counted after it ("won 3 over 2 rivals" does not)
        over = previous and atom.value and not previous.unit and between == ["over"] \
            and compiled(r"\s+over\s+", regex.I).fullmatch(gap) \
            and compiled(r"\s*(?:[.,;:!?)]|\Z)").match(text[atom.end:atom.end + 3])
        if share or over:
            merged[-1] = Atom(previous.start, atom.end, previous.value / atom.value)
            continue
        merged.append(atom)
    return merged


def _gap_words(gap: str) -> list[str] | None:
    """folded(gap).split() where the gap holds at most two words, else None: "in", "out of" and "over" hold
    no more, and most gaps between figures are clauses, split and folded no further than their third word."""
    words = gap.split(None, 2)
    return [folded(word) for word in words] if len(words) < 3 else None


_SHARE_WORDS = (["in"], ["out", "of"])
# Words after "a third" that keep it a share: "a third more", "a fifth lower", "a third less".
_SHARE_FOLLOWERS = frozenset("more less fewer higher lower up down off smaller larger bigger".split())
_SPACE_OR_TAB = frozenset(" \t")  # what the gap between two atoms of one number starts with
_JOINING_GAP_STARTS = ("", "and", "of ", "of\t")  # and what it goes on with past its spaces


def _compounds(atoms: list[Atom], text: str, fractions: dict[str, float]) -> list[Atom]:
    """Neighbouring atoms that write one number: '4 thousand 3 hundred and 21', '2 1/4', '3 dozens',
    '3 million and a half'."""
    merged: list[Atom] = []
    for atom in atoms:
        previous = merged[-1] if merged else None
        combined = _compound(previous, atom, text, fractions) if previous else None
        if combined:
            merged[-1] = combined
        else:
            merged.append(atom)
    return merged


def _compound(previous: Atom, atom: Atom, text: str, fractions: dict[str, float]) -> Atom | None:
    gap = text[previous.end:atom.start]
    if not gap and text[atom.start] in fractions \
            and previous.scale == 1 and previous.value % 1 == 0 and not previous.spelled and not previous.vague_phrase:
        # a fraction of one character glued to the digits before it, and the scale or unit after it: "2½",
        # "2½ million", "$1½ billion", "3½kg"
        value = (previous.value + atom.value / atom.scale) * atom.scale
        return previous._replace(end=atom.end, value=value, unit=previous.unit or atom.unit, scale=atom.scale,
                       integer_digits=False)
    # past its spaces a gap that joins one number ends or goes on with 'and': most gaps are clauses
    if atom.unit or previous.vague_phrase or gap[:1] not in _SPACE_OR_TAB \
            or gap.lstrip(" \t")[:3] not in _JOINING_GAP_STARTS or not compiled(r"[ \t]+(?:(?:and|of)[ \t]+)?").fullmatch(gap):
        return None
    if "of" in gap:
        # "two thirds of a million", "a quarter of a billion": a share of a scale alone is that much of it
        if 0 < previous.value < 1 and atom.scale > 1 and atom.value == atom.scale and not atom.vague_phrase:
            return previous._replace(end=atom.end, value=previous.value * atom.value, scale=atom.scale)
        return None
    if atom.vague_phrase.lower() in ("dozens", "dozen") and not compiled("and").search(gap):
        return previous._replace(end=atom.end, value=previous.value * 12, scale=12.0)  # "3 dozens"
    if previous.scale > 1 and 0 < atom.value < 1 and "and" in gap:
        value = (previous.value / previous.scale + atom.value) * previous.scale  # "3 million and a half"
        return previous._replace(end=atom.end, value=value)
    if previous.scale > 1 and previous.value % previous.scale == 0 and 1 <= atom.value < previous.scale \
            and atom.value == int(atom.value) and not atom.vague_phrase:
        return previous._replace(end=atom.end, value=previous.value + atom.value, scale=atom.scale)  # "4 thousand 3"
    if previous.integer_digits and _written_fraction(text[atom.start:atom.end]) and 0 < atom.value < 1 \
            and "and" not in gap:
        return previous._replace(end=atom.end, value=previous.value + atom.value, integer_digits=False)  # "2 1/4", "2 ½"
    return None


def _between_words(text: str, start: int, end: int, rule: dict) -> bool:
    """Whether a vague amount that stands only between some words does: after one of its `words_before` (or
    a sentence's start, a comma) and before one of its `words_after` ('and scores were wounded')."""
    before = LAST_WORD.match(text, max(0, start - 20), start)
    # (the text before read back a little way only: a text of many such amounts would cost its square)
    opened = before.group(1).lower() in rule["words_before"] if before else \
        not text[max(0, start - 3):start].strip() or text[max(0, start - 200):start].rstrip()[-1:] in ",;:.!?\"“"
    after = compiled(r"\s+(\p{L}+)").match(text, end, end + 20)
    return opened and bool(after) and after.group(1).lower() in rule["words_after"]


def _written_fraction(written: str) -> bool:
    """Whether a number below one is written as a fraction: over a slash ("1/4", "1⁄32") or as one character ("½")."""
    return len(written) == 1 or "/" in written or "⁄" in written


class _Blocked:
    """Spans of text that are no figures, asked whether a span overlaps one in logarithmic time: a
    text of thousands of dates or hashtags would otherwise cost the square of its length."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans.sort()
        self.starts = [start for start, _ in spans]
        self.reach = list(itertools.accumulate((end for _, end in spans), max, initial=-1))[1:]

    def overlaps(self, span: tuple[int, int]) -> bool:
        before_end = bisect.bisect_left(self.starts, span[1])  # the spans that start before this one ends
        return before_end > 0 and self.reach[before_end - 1] > span[0]
