"""Turns number atoms into figures read as intervals: qualifiers, ranges and paired bounds.

"more than 160" is above 160, open-ended; "nearly 8,000" lies just under 8,000; "between
20 and 30" and "four to five thousand" are ranges; "greater than 100 and smaller than 300"
is one range. The phrases come from rules/qualifiers.toml; how they combine is here.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

import regex

from .patterns import LAST_WORD, alternation, compiled, folded, single_spaced

# What may stand between the two ends of a range: a joiner, perhaps after a unit that the
# second end repeats ("252 miles to 287 miles", "5% to 10%").
RANGE_GAP = regex.compile(
    r"""\A\s*
        (?P<unit>%|per\s?cent|percent|[\p{L}]+(?:\s[\p{L}]+)?)??  # a unit after the first end
        \s*(?P<joiner>-|–|—|~|to|up\s+to|through|thru|or|and|-to-|-or-)\s*  # the joiner ("10-to-15-minute")
        (?P<currency>US\s?\$|[$€£¥₹])?\Z                          # the second end's currency sign
    """, regex.X | regex.I)
# A preposition that makes the four digits after it a year: "in 2018 - 300 people ..."
YEAR_BEFORE = regex.compile(r"\b(?:in|since|by|until|till|of|during)\s+\Z", regex.I)
# What every gap RANGE_GAP reads ends in, matched backwards from the second end: most gaps between two
# figures are clauses that end in no joiner, and this says so in one step, without copying the gap.
RANGE_GAP_END = regex.compile(r"(?:-|–|—|~|to|through|thru|or|and|-to-|-or-)\s*(?:US\s?\$|[$€£¥₹])?", regex.I | regex.REVERSE)


class Atom(NamedTuple):
    """One number as written, before qualifiers and ranges: 2,030 / sixteen / a dozen / $1.2bn. A named tuple,
    as a dozen are made for each article and a frozen dataclass takes three times as long to make."""

    start: int
    end: int
    value: float
    unit: str = ""
    scale: float = 1.0  # the scale word or suffix already applied ("thousand" in "five thousand")
    vague_qualifier: str | None = None
    vague_phrase: str = ""
    spelled: bool = False
    integer_digits: bool = False  # plain digits with no decimals, sign, scale or currency


class NumberMention(NamedTuple):
    """A number as written with its qualifier, read as an interval (None where open). A named tuple, as Atom is:
    a dozen are made for each article."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    reading: str
    number_start: int
    number_end: int
    unit: str = ""  # a unit glued to or around the number itself: "%", "$", "km"
    vague: bool = False
    change_from: bool = False  # "rose from 44 to 164": a range that states a change, ending at `high`
    fell: bool = False  # "fell from 57 to 42": the change ended at `low`


# After the second figure of "by A to B": what ends a level, not a unit the two share ("to 57 on Monday", "to 57.";
# not "to 20 percent", "to 15 units").
LEVEL_END = regex.compile(r"\s*(?:[,.;:)]|\Z)|\s+(?:on|in|at|from|since|after|as|and|with|this|last|yesterday|today|"
                          r"following|over|people|dead|deaths)\b", regex.I)
# "by" closing the words before a figure, after a space.
BY_LAST = regex.compile(r"(?<=\s)by\s+\Z", regex.I)


class Intervals:
    """Qualifier phrases compiled once; `combine(atoms, text)` gives the NumberMentions."""

    def __init__(self, qualifiers, approx_margin: float, change_words=(), moving_verbs=(), change_from_verbs=(),
                 handing_over_verbs=(), passing_verbs=(), count_nouns=(), hedges=(), increments_after=()):
        self.approx_margin = approx_margin
        # "Dozens, if not hundreds,", "200 or even 300", "Forty—perhaps 50—": a count, then a larger it may reach
        self.hedged_gap = regex.compile(rf"\s*(?:[,–—]\s*|\s-\s+|,?\s+or\s+){alternation(hedges)}\s+",
                                        regex.I) if hedges else None
        # "killed 12, possibly 15 more": the second adds to the first, no end of it
        self.increment_after = regex.compile(rf"\s+{alternation(increments_after)}\b",
                                             regex.I) if increments_after else None
        # "fell $2 to $81": after a word of change, an amount then "to" is the change, then the level
        self.change_words = frozenset(w.lower() for w in change_words)
        # "edged up to 4.2%": a verb whose "up" moves to a level, no bound
        self.moving_verbs = frozenset(w.lower() for w in moving_verbs)
        # "handed over 30 weapons": a verb whose "over" is its particle, no bound
        self.handing_over_verbs = frozenset(w.lower() for w in handing_over_verbs)
        # "the toll passed 100", "Deaths top 500": a verb of passing a mark after a count's noun is "more than"
        self.passing_endings = tuple(f"{verb} " for verb in passing_verbs)
        self.passing = regex.compile(rf"(?<![\p{{L}}])(?:{alternation(count_nouns)})\s+(?P<verb>{alternation(passing_verbs)})\s+\Z",
                                     regex.I) if passing_verbs and count_nouns else None
        self.passing_rule = next((q for q in qualifiers if q.position == "before" and q.qualifier == "more_than"), None)
        # "rose from 44 to 164": a word of change before "from" (perhaps a word between) makes the range a change
        self.change_before_from = regex.compile(
            rf"{alternation(change_from_verbs)}\W+(?:\w+\W+)?from\s+\Z", regex.I) if change_from_verbs else None
        self.before = {p.lower(): q for q in qualifiers if q.position == "before" for p in q.phrases}
        self.after = {p.lower(): q for q in qualifiers if q.position == "after" for p in q.phrases}
        self.before_pattern = _before_pattern(self.before)
        # The before-phrases by their last word: a text can end only in a phrase whose last word it ends in
        # (most texts before a figure end in none), and a search among those phrases alone tries a few
        # where before_pattern tries them all at every position.
        self._phrases_by_last_word: dict[str, list[str]] = {}
        for phrase in self.before:
            self._phrases_by_last_word.setdefault(phrase.split()[-1], []).append(phrase)
        # the lengths of the last words by the character they end in ('n': 'than', 'on'), shortest first, each once
        # ('less' and 'tops' end in a tail of four characters that is either or neither)
        self._last_word_lengths: dict[str, list[int]] = {}
        for word in sorted(self._phrases_by_last_word, key=len):
            lengths = self._last_word_lengths.setdefault(word[-1], [])
            if len(word) not in lengths:
                lengths.append(len(word))
        self._patterns_by_last_words: dict[tuple[str, ...], regex.Pattern] = {}
        # The last words a tail of a text ends in, by the tail as written (as long as the longest last word): the words
        # before figures repeat ("killed at least ", "more than "), and a look-up costs a fifth of a reading.
        self._longest_last_word = max(map(len, self._phrases_by_last_word), default=0)
        self._last_words_of_tails: dict[str, tuple[str, ...]] = {}
        # A match holds at most as many runs of non-spaces as the longest phrase: the search starts at the
        # first of that many runs before the end (found in one backward step) instead of trying every
        # position of the text.
        runs = max((len(regex.findall(r"\S+", p)) for p in self.before), default=1)
        self._last_runs = regex.compile(rf"\S+(?:\s+\S+){{0,{max(runs, 1) - 1}}}\s*", regex.REVERSE)
        # an after-phrase followed by a number qualifies that number: "5000 or less than 6000"
        # joined by a hyphen, too: "300-odd fighters", "1,000-plus people"
        self.after_pattern = regex.compile(
            r"\A(?:\s*|-)(?>(" + alternation(self.after) + r")(?![\w]))(?!\s*[-−$€£¥]?\d)", regex.I)
        # What a text that the after pattern matches starts with past its spaces, folded: a hyphen, or the first
        # character of a phrase (most figures are followed by a word that starts none)
        self._after_firsts = frozenset(folded(p[:1]) for p in self.after) | {"-"}

    def phrase_before(self, text: str) -> regex.Match | None:
        """before_pattern.search(text): the qualifier phrase that `text` ends in ('more than '), if any."""
        last_words = self._last_words_ending(text)
        if not last_words:
            return None
        runs = self._last_runs.match(text)
        return self._pattern_ending_in(last_words).search(text, runs.start() if runs else 0)

    def _last_words_ending(self, text: str) -> tuple[str, ...]:
        """The phrases' last words that the text ends in (before its closing spaces), read case-blind."""
        # most texts before a figure close with one space after a word
        end = len(text) - 1 if text[-1:] == " " and not text[-2:-1].isspace() else _CLOSING_SPACES.match(text).start()
        tail = text[max(0, end - self._longest_last_word):end]  # all that the last words are read from
        found = self._last_words_of_tails.get(tail)
        if found is None:
            if len(self._last_words_of_tails) >= _TAILS_REMEMBERED:
                self._last_words_of_tails.clear()  # a bound on memory over a long batch
            found = self._last_words_of_tails[tail] = self._last_words_of_tail(tail)
        return found

    def _last_words_of_tail(self, tail: str) -> tuple[str, ...]:
        """The phrases' last words that end the tail of a text, read case-blind."""
        lengths = self._last_word_lengths.get(folded(tail[-1])) if tail else None
        if not lengths:
            return ()
        tail = folded(tail[-lengths[-1]:])
        return tuple([tail[-length:] for length in lengths
                      if length <= len(tail) and tail[-length:] in self._phrases_by_last_word])

    def _after_phrase(self, text: str, end: int) -> regex.Match | None:
        """after_pattern.match(text[end:end + 30]): the qualifier phrase that follows a figure ('or more'), if any.
        The pattern is tried only where what follows past its spaces may start one (Python's spaces hold the
        pattern's): a character past ASCII may fold to a phrase's first letter."""
        after = text[end:end + 30]
        first = after.lstrip()[:1]
        if first.isascii() and first.lower() not in self._after_firsts:
            return None
        return self.after_pattern.match(after)

    def _pattern_ending_in(self, last_words: tuple[str, ...]) -> regex.Pattern:
        """before_pattern for the phrases with these last words only: the same matches where the text ends
        in no other last word, as a phrase's place among the alternatives does not depend on the others."""
        pattern = self._patterns_by_last_words.get(last_words)
        if pattern is None:
            phrases = [p for word in last_words for p in self._phrases_by_last_word[word]]
            pattern = self._patterns_by_last_words[last_words] = _before_pattern(phrases)
        return pattern

    def combine(self, atoms: list[Atom], text: str) -> list[NumberMention]:
        mentions: list[NumberMention] = []
        index = 0
        while index < len(atoms):
            partner = atoms[index + 1] if index + 1 < len(atoms) else None
            ranged = (self._hedged(atoms[index], partner, text) or self._range(atoms[index], partner, text)) \
                if partner else None
            mentions.append(ranged or self._qualified(atoms[index], text))
            index += 2 if ranged else 1
        return _join_bounds(mentions, text)

    # --- ranges -----------------------------------------------------------------------------

    def _hedged(self, first: Atom, second: Atom, text: str) -> NumberMention | None:
        """'Dozens, if not hundreds,', '40, perhaps 50,', '200 or even 300': one figure from the first's least to
        the second's most, open where the second is a magnitude with no end (each alone would be a count of its
        own: 'hundreds' of the dead beside another's 40 would be a conflict)."""
        if self.hedged_gap is None or second.start - first.end > 24 \
                or first.unit != second.unit and first.unit and second.unit \
                or not self.hedged_gap.fullmatch(text, first.end, second.start) \
                or _year_like(text[first.start:first.end]):  # "In 2019, perhaps 3,000 crossed"
            return None
        # "Three, perhaps four million": the second's scale is the first's too
        scale = second.scale if _shares_scale(first, second) else 1.0
        least = self._qualified(first, text)
        if least.low is None or second.value <= first.value * scale \
                or self.increment_after is not None and self.increment_after.match(text, second.end):
            return None  # "up to 40, if not 50": no least; "12, perhaps 2 more": a second count
        high = None if second.vague_qualifier == "at_least" else second.value
        reading = f"a range from {fmt(least.low * scale)} to {fmt(high)}" if high is not None \
            else f"at least {fmt(least.low * scale)}, perhaps far more"
        # "Dozens, if not hundreds, of people": through the "of" after the aside, as "dozens of people"
        closing = _ASIDE_THEN_OF.match(text, second.end) if second.vague_qualifier else None
        end = closing.end() if closing else second.end
        value = None if high is not None else least.value * scale
        return NumberMention(least.start, end, value, least.low * scale, high,
                             "range" if high is not None else "at_least", reading, first.start, second.end,
                             first.unit or second.unit, vague=least.vague or second.vague_qualifier is not None)

    def _range(self, first: Atom, second: Atom, text: str) -> NumberMention | None:
        gap = RANGE_GAP.match(text[first.end:second.start]) \
            if RANGE_GAP_END.match(text, first.end, second.start) else None
        if not gap or "\n" in gap.group():
            return None
        lead = text[max(0, first.start - 40):first.start]
        joiner = gap.group("joiner").lower()
        opener = compiled(r"\b(between|from)\s+\Z", regex.I).search(lead)
        if not self._joined(joiner, opener, first, second, gap, text):
            return None
        if first.unit and second.unit and not _same_unit(first.unit, second.unit):
            return None  # "sixfold to HK $3.7 billion": two different things
        if _year_like(text[first.start:first.end]) and not _year_like(text[second.start:second.end]) \
                and not (_hyphen_range(joiner, first, second) and not YEAR_BEFORE.search(lead)):
            return None  # "rose 60% in 2018 to 3.9 million": a year, then a figure
        if (first.unit or first.scale > 1) and (compiled(r"\bby\s+\Z", regex.I).search(lead)
                                                or self._ends_in_change_word(lead)):
            return None  # "increased by $43.6 billion to $419.2 billion", "fell $2 to $81": a change, then a level
        if not first.unit and not second.unit and self._changed_by(lead) and LEVEL_END.match(text, second.end):
            return None  # "has risen by 14 to 57.": a change, then a level (but "cut by 10 to 20 percent")
        if first.unit == "fold" != second.unit or second.unit and not first.unit and not _starts_a_number(
                text[second.start]) and not (joiner != "or" and self._lends_currency(first, lead)):
            return None  # "doubled to 9.1%", "fell by a third to $40bn": a change, then a level
        first_value = first.value * second.scale if _shares_scale(first, second) else first.value
        change = bool(opener and opener.group(1).lower() == "from" and self.change_before_from is not None
                      and self.change_before_from.search(lead))
        fell = second.value < first_value
        if fell and not change:
            return None  # "weighed from 208 pounds to 193", "2-1": no change stated, two figures
        start = first.start - len(opener.group()) if opener else first.start
        before = self.phrase_before(text[max(0, start - 40):start])
        # "about 2,000 - 2,500": an approximate range keeps its stated ends
        interval = before and self.before[_phrase(before.group(1))].interval in ("around", "just_below")
        low, high = sorted((first_value, second.value))
        start = start - len(before.group()) if interval else start
        reading = f"a {'change' if fell else 'range'} from {fmt(first_value)} to {fmt(second.value)}"
        return NumberMention(start, second.end, None, low, high, "approx" if interval else "range",
                             reading + (", approximately" if interval else ""), first.start, second.end,
                             first.unit or second.unit, change_from=change, fell=fell)

    def _lends_currency(self, first: Atom, lead: str) -> bool:
        """Whether a bare whole number takes the currency of the second end of a range written before it ('8 to
        $9', '300-€400', 'between 8 and $9'): not after a word of change or 'by', where it is a change and the
        second a level ('fell 2 to $81'). ('about 8 or $9' is read as two figures, as NewsQuant's annotators
        read it: two prices offered, the first approximate.)"""
        return first.value >= 1 and first.value % 1 == 0 and not first.vague_phrase \
            and not compiled(r"\bby\s+\Z", regex.I).search(lead) and not self._ends_in_change_word(lead)

    def _passed(self, lead: str) -> regex.Match | None:
        """A verb of passing a mark after a count's noun, right before the figure: "the toll passed 100", "Deaths top
        500" (asked only where the lead ends in such a verb: most do not)."""
        if self.passing is None or self.passing_rule is None or not lead.lower().endswith(self.passing_endings):
            return None
        return self.passing.search(lead)

    def _moved_up(self, lead: str, at: int) -> bool:
        """Whether 'up' before a figure is the particle of a verb of movement ('edged up to'), not 'up to'."""
        verb = LAST_WORD.match(lead, 0, at)
        if verb and verb.group(1).lower() == "back":  # "inching back up to 4.8%"
            verb = LAST_WORD.match(lead, 0, verb.start())
        return bool(verb) and verb.group(1).lower() in self.moving_verbs

    def _handed_over(self, lead: str, at: int) -> bool:
        """Whether 'over' before a figure is the particle of a verb ('handed over 30 weapons'), not 'more than'."""
        verb = LAST_WORD.match(lead, 0, at)
        return bool(verb) and verb.group(1).lower() in self.handing_over_verbs

    def _changed_by(self, lead: str) -> bool:
        """Whether the words before a figure are a word of change and "by": "has risen by", "fell by"."""
        by = BY_LAST.search(lead)
        return by is not None and self._ends_in_change_word(lead[:by.start()])

    def _ends_in_change_word(self, lead: str) -> bool:
        words = lead[-20:].split()
        return lead[-1:].isspace() and bool(words) and words[-1].lower() in self.change_words

    @staticmethod
    def _joined(joiner: str, opener, first: Atom, second: Atom, gap, text: str) -> bool:
        unit = gap.group("unit")
        if unit:
            # a unit between the ends must be repeated after the second: "252 miles to 287 miles",
            # "5% to 10%"; "rose 6.5% to 164p" is a change and a level
            percent = r"(?:%|per\s?cent|percent)" if compiled(r"%|per\s?cent|percent", regex.I).match(unit) \
                else regex.escape(unit)
            if not regex.match(rf"\s*{percent}(?!\w)", text[second.end:second.end + 40], regex.I):
                return False
        if joiner == "and":
            return bool(opener and opener.group(1).lower() == "between")
        if joiner in ("-to-", "-or-"):
            return second.value > first.value  # "a 10-to-15-minute walk"; "a one-to-one meeting" is no range
        if compiled(r"up\s+to").fullmatch(joiner):
            return bool(opener and opener.group(1).lower() == "from")  # "from 450 up to 900 sq ft"
        if joiner == "or":
            # neighbouring small counts: "three or four years", "5 or 6 people", "three or four million" (the
            # second's scale shared)
            second_value = second.value / second.scale if _shares_scale(first, second) else second.value
            return first.value < second_value <= 100 and not first.vague_phrase
        if joiner == "-" and not gap.group().strip(" -") and first.integer_digits and second.integer_digits \
                and second.value <= first.value:
            return False  # "2-1", "89-89": a score
        return True

    # --- qualifiers -------------------------------------------------------------------------

    def _qualified(self, atom: Atom, text: str) -> NumberMention:
        lead = text[max(0, atom.start - 40):atom.start]
        # "at least another 30", "up to a further 3,000": the qualifier before the word that adds
        added = ADDED.search(lead) if lead.endswith(_ADDED_ENDINGS) else None
        before = self.phrase_before(lead[:added.start()] if added else lead)
        after = self._after_phrase(text, atom.end)
        if before and before.group(1)[:1] in "uU" and self._moved_up(lead, before.start()):
            before = None  # "edged up to 4.2%", "went up to 30": the level reached, no bound
        elif before and before.group(1).lower() == "over" and self._handed_over(lead, before.start()):
            before = None  # "handed over 30 weapons": 30
        rule_before = self.before[_phrase(before.group(1))] if before else None
        rule_after = self.after[_phrase(after.group(1))] if after else None
        start = atom.start - len(before.group()) - (len(added.group()) if added else 0) if before else atom.start
        passed = self._passed(lead) if before is None else None
        if passed:  # "the toll passed 100"
            before, rule_before, start = passed, self.passing_rule, atom.start - (len(lead) - passed.start("verb"))
        end = atom.end + after.end() if rule_after else atom.end
        rule, phrase = rule_before, (before.group("verb") if passed else before.group(1)).lower() if before else ""
        if rule_after and rule_after.interval == "closes":
            if not rule_before or rule_before.interval not in ("above", "below"):
                return self._qualified_by(rule_before, phrase, atom, start, atom.end)
            rule = replace(rule_before, qualifier="at_least" if rule_before.interval == "above" else "at_most",
                           interval="at_least" if rule_before.interval == "above" else "at_most")
            phrase = f"{phrase} {after.group(1).lower()}"
        elif rule_after and (not rule_before or rule_before.interval in ("around", "exact")):
            # "about five hundred or more", "equal to 5000 or less": the bound after decides
            rule, phrase = rule_after, after.group(1).lower()
        elif rule_after is not None:
            end = atom.end
        return self._qualified_by(rule, phrase, atom, start, end)

    def _qualified_by(self, rule, phrase: str, atom: Atom, start: int, end: int) -> NumberMention:
        if not rule or rule.interval == "around" and atom.vague_qualifier == "at_least":
            # ("some tens of thousands", "perhaps hundreds": an estimate of a magnitude with no end, which an
            # estimate's margin around its least would make a count of about 20,000 or 200)
            return self._plain(atom, start, end)
        low, high = interval_of(rule.interval, atom.value, self.approx_margin)
        reading = f"'{phrase}' reads as {_describe(rule.interval, atom.value, low, high)}"
        return NumberMention(start, end, atom.value, low, high, rule.qualifier, reading, atom.start, atom.end,
                             atom.unit, atom.vague_qualifier is not None)

    def _plain(self, atom: Atom, start: int, end: int) -> NumberMention:
        if atom.vague_qualifier and atom.vague_qualifier != "exact":
            interval = {"at_least": "at_least", "approx": "around"}.get(atom.vague_qualifier, "exact")
            low, high = interval_of(interval, atom.value, self.approx_margin)
            reading = f"'{atom.vague_phrase}' reads as {_describe(interval, atom.value, low, high)}"
            return NumberMention(start, end, atom.value, low, high, atom.vague_qualifier, reading,
                                 atom.start, atom.end, atom.unit, True)
        reading = f"'{atom.vague_phrase}' is {fmt(atom.value)}" if atom.vague_phrase else "stated exactly"
        return NumberMention(start, end, atom.value, atom.value, atom.value, "exact", reading, atom.start, atom.end,
                             atom.unit, bool(atom.vague_phrase))


def _before_pattern(phrases) -> regex.Pattern:
    # a word phrase starts a word; a symbol may be glued to a variable name ("x>10")
    return regex.compile(r"(?:(?<![\w])|(?=[<>=≤≥~]))(" + alternation(phrases) + r")\s*\Z", regex.I)


# What closes a hedge set as an aside before the noun it counts: "Dozens, if not hundreds, of people".
_ASIDE_THEN_OF = regex.compile(r"\s*(?:,|\s-|[–—])\s*of(?=\s)", regex.I)
# The tails of texts before figures remembered with the last words they end in: a bound on memory.
_TAILS_REMEMBERED = 50_000
# The spaces a text closes with, read backwards from its end.
_CLOSING_SPACES = regex.compile(r"\s*", regex.REVERSE)
# Words that add a number to one stated before, between a qualifier and it: "at least another 30".
_ADDED_ENDINGS = ("another ", "further ", "additional ")
ADDED = regex.compile(r"(?<![\p{L}])(?:another|(?:a\s+)?further|(?:an\s+)?additional)\s+\Z", regex.I)


def _starts_a_number(character: str) -> bool:
    """Whether a figure's first character is of its number, not a currency written before it."""
    return character.isdigit() or character in "-−.+"


def _same_unit(first: str, second: str) -> bool:
    """'US $89 to $93 billion': a bare sign on the second end repeats the first's currency."""
    return first == second or (len(second) == 1 and not second.isalnum() and first.endswith(second))


def _hyphen_range(joiner: str, first: Atom, second: Atom) -> bool:
    """'2000 - 2500 calories': two whole numbers of as many digits, rising, joined by a dash are a
    range, even where the first could be a year ('in 2018 to 3.9 million' is a year, then a figure)."""
    return joiner in ("-", "–") and first.integer_digits and second.integer_digits \
        and len(str(int(first.value))) == len(str(int(second.value))) and second.value > first.value


def _year_like(written: str) -> bool:
    return bool(compiled(r"(?:1[89]|20)\d\d").fullmatch(written))


def _shares_scale(first: Atom, second: Atom) -> bool:
    """'four to five thousand', 'from $10 to $15 billion': the second end's scale belongs to both."""
    return second.scale > 1 and first.scale == 1 and not first.vague_phrase \
        and first.value * second.scale <= second.value


def _join_bounds(mentions: list[NumberMention], text: str) -> list[NumberMention]:
    """'more than 100 and less than 300' is one range: a lower bound then an upper bound joined by and/but."""
    joined: list[NumberMention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        bounds = _bounds(previous, mention, text) if previous else None
        if bounds and compiled(r"\s*,?\s*(?:and|but)?\s*", regex.I).fullmatch(text[previous.end:mention.start]):
            lower, upper = bounds
            joined[-1] = previous._replace(end=mention.end, value=None, low=lower.low, high=upper.high,
                                 qualifier="range", reading=f"between {fmt(lower.low)} and {fmt(upper.high)}",
                                 number_end=mention.number_end, unit=previous.unit or mention.unit)
            continue
        joined.append(mention)
    return joined


def _bounds(previous: NumberMention, mention: NumberMention, text: str) -> tuple[NumberMention, NumberMention] | None:
    """(lower, upper) when one figure is a lower bound and the other an upper bound that fit together."""
    for lower, upper in ((previous, mention), (mention, previous)):
        if lower.qualifier in ("more_than", "at_least") and lower.high is None and lower.low is not None \
                and upper.qualifier in ("less_than", "at_most") and upper.low is None and upper.high is not None \
                and lower.low <= upper.high:
            # the bounds first: most pairs of figures are none, and need no look at the words between
            if lower is mention and not compiled(r"\band\s*\Z").search(text[previous.end:mention.start]):
                continue  # "at most 100 and at least 20"; a comma alone separates two statements
            return lower, upper
    return None


def interval_of(kind: str, value: float, margin: float) -> tuple[float | None, float | None]:
    """The interval a qualifier kind gives a value (None where open)."""
    return _INTERVALS[kind](value, abs(value) * margin)


# Each kind's interval of (value, spread), built once rather than as a table of every kind per figure.
_INTERVALS = {
    "exact": lambda value, spread: (value, value), "around": lambda value, spread: (value - spread, value + spread),
    "just_below": lambda value, spread: (value - spread, value), "just_above": lambda value, spread: (value, value + spread),
    "above": lambda value, spread: (value, None), "at_least": lambda value, spread: (value, None),
    "below": lambda value, spread: (None, value), "at_most": lambda value, spread: (None, value),
}


def _describe(kind: str, value: float, low: float | None, high: float | None) -> str:
    if kind in ("above", "at_least"):
        return f"{'above' if kind == 'above' else 'at least'} {fmt(value)}, open-ended"
    if kind in ("below", "at_most"):
        return f"{'below' if kind == 'below' else 'at most'} {fmt(value)}"
    if kind == "exact":
        return f"exactly {fmt(value)}"
    return f"between {fmt(low)} and {fmt(high)}"


def fmt(value: float | None) -> str:
    """A number as a reader writes it: 7,939 / 2.5 / open."""
    if value is None:
        return "open"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def _phrase(text: str) -> str:
    # folded as the patterns fold case: "ſ" matches an "s" of a phrase
    return single_spaced(folded(text))
