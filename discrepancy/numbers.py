"""Finds the numbers in a text and reads each with its qualifier as an interval.

The vocabulary (number words, scales, vague amounts, qualifier phrases, identifier labels)
comes from rules/; the grammar that strings it together is here. Every pattern is compiled
once per NumberGrammar and run with a timeout, so hostile text cannot make it backtrack
for ever.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from .rules import RuleSet

MATCH_TIMEOUT = 5.0  # seconds a single scan may take before the text is refused
MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
CURRENCY_SIGNS = {"$": "$", "€": "€", "£": "£", "¥": "¥", "₹": "₹", "₽": "₽", "US$": "$", "A$": "A$", "C$": "C$"}
CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "Rs", "Rs.", "AUD", "CAD", "CHF", "RUB", "KZT",
                  "NGN", "ZAR", "KES", "PKR", "BDT", "TRY", "UAH", "BRL", "MXN")
RANGE_JOINERS = regex.compile(r"\s*(?:-|–|—|~|to|through|thru|until|till)\s*\Z", regex.I)
PRONOUN_ONE_AFTER = regex.compile(r"\s+(?:of|another|who|that|which|day|time|thing|way|side|hand|another's)\b", regex.I)
PRONOUN_ONE_BEFORE = regex.compile(r"\b(?:no|any|every|each|the|this|that|which|some|someone|anyone|such)\s+\Z",
                                   regex.I)
FUNCTION_WORDS = frozenset("""a an the and or but of in on at to for from by with as is was were are be been has have
had that which who when while after before since until during this these those it its their his her per than
then so if not no nor""".split())


@dataclass(frozen=True)
class NumberMention:
    """A number as written with its qualifier, read as an interval (None where open)."""

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


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    value: float
    unit: str
    vague_qualifier: str | None = None
    vague_phrase: str = ""


def _alternation(words) -> str:
    """A regex alternation of phrases, longest first so that 'more than' beats 'more'."""
    escaped = sorted({regex.escape(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(w.replace(r"\ ", r"\s+") for w in escaped) + ")"


class NumberGrammar:
    """Compiled number patterns for one rule set; `find(text)` gives the NumberMentions."""

    def __init__(self, rules: RuleSet):
        numbers = rules.numbers
        self.unit_words = {k: float(v) for k, v in numbers["units"].items()}
        self.ten_words = {k: float(v) for k, v in numbers["tens"].items()}
        self.scale_words = {k: float(v) for k, v in numbers["scales"].items()}
        self.suffix_scales = {k: float(v) for k, v in numbers["suffix_scales"].items()}
        self.fraction_words = {k: float(v) for k, v in numbers.get("fractions", {}).items()}
        self.vague = {regex.sub(r"\s+", " ", v["phrase"].lower()): v for v in numbers["vague"]}
        self.labels = frozenset(w.lower().rstrip(".") for w in numbers["identifier_labels"])
        self.glued_units = frozenset(numbers["glued_units"])
        self.year_low, self.year_high = numbers["year_range"]
        self.approx_margin = rules.approx_margin
        self.before = {p.lower(): q for q in rules.qualifiers if q.position == "before" for p in q.phrases}
        self.after = {p.lower(): q for q in rules.qualifiers if q.position == "after" for p in q.phrases}
        self.atom_pattern = self._compile_atoms(numbers)
        self.not_figure_pattern = self._compile_not_figures(numbers)
        self.before_pattern = regex.compile(r"(?:^|(?<=[^\w]))(" + _alternation(self.before) + r")\s*\Z", regex.I)
        self.after_pattern = regex.compile(r"\A\s*(" + _alternation(self.after) + r")(?![\w])", regex.I)

    # --- patterns -------------------------------------------------------------------------

    def _compile_atoms(self, numbers: dict) -> regex.Pattern:
        spelled = _alternation([*self.unit_words, *self.ten_words, *self.scale_words])
        scales = _alternation(self.scale_words)
        fractions = _alternation(self.fraction_words)
        suffixes = _alternation([s for s in self.suffix_scales if len(s) > 1 or s in "kK"])
        pattern = rf"""
        (?P<currency>US\$|A\$|C\$|[$€£¥₹₽]|\b(?:{'|'.join(map(regex.escape, CURRENCY_CODES))})\s?)?
        (?:
            # digits with thousands separators and decimals: 7,939  2.5  -3  .5
            (?P<digits>(?<![\w.,])[-−]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?![\d])|(?<![\w.,\d])\.\d+)
            (?:
                # a glued or abbreviated scale: 2.3k, 1.2bn, 3 mln ("m" only after a currency sign)
                \s?(?P<suffix>{suffixes}|(?<=\d)[mM](?=\W|$)(?(currency)|(?!)))(?![\w])
                # or a spelled scale: 1.5 million, 2 thousand
                | \s+(?P<digit_scale>{scales})(?![\w])
            )?
            # a fraction written with a slash: 1/2
            (?:/(?P<denominator>\d+)(?![\d/]))?
          | # vague amounts: a dozen, dozens of, tens of thousands
            (?P<vague>(?<![\w]){_alternation(self.vague)}(?![\w]))
          | # fractions of a scale or of one: half a million, two thirds, one and a half
            (?P<fraction>(?<![\w])(?:(?:a|one|{_alternation(self.unit_words)})\s+(?:and\s+a\s+)?)?{fractions}
                (?:\s+(?:a|of\s+a)\s+{scales})?(?![\w]))
          | # spelled numbers: sixteen, two thousand and thirty, twenty-one, a hundred
            (?P<words>(?<![\w-])(?:an?\s+(?={scales}(?![\w])))?{spelled}
                (?:(?:\s*-\s*|\s+|(?<={scales})\s+and\s+){spelled})*(?![\w-]))
        )
        """
        return regex.compile(pattern, regex.X | regex.I | regex.V1)

    def _compile_not_figures(self, numbers: dict) -> regex.Pattern:
        age_words = _alternation(numbers.get("age_words", ()))
        pattern = rf"""
            (?:https?://|www\.)\S+                                   # addresses carry ids and dates
          | \b\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}(?:T[\d:.]+Z?)?\b  # numeric dates: 06.01.2022, 2022-01-10
          | \b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?-i:{MONTHS})(?:,?\s+\d{{4}})?(?![\w])  # 4 January 2022
          | (?<![\w])(?-i:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d])(?:,?\s+\d{{4}})?  # January 4, 2022
          | \b\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?       # clock times: 13:54, 9:30 pm
          | \b\d{{1,2}}(?:\.\d{{2}})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)   # 10 a.m.
          | \+\d[\d\s().-]{{6,}}\d                                   # phone numbers: +1-222-2222-2222
          | \b\d{{3}}[-.]\d{{3}}[-.]\d{{4}}\b                         # 555-123-4567
          | \b\d{{1,3}}\s*-?\s*{age_words}                            # ages: 81-year-old
          | \b(?:aged|ages|age)\s+\d{{1,3}}\b                         # aged 81
          | \#\d+                                                    # hashtags and numbered items
        """
        return regex.compile(pattern, regex.X | regex.I | regex.V1)

    # --- scanning -------------------------------------------------------------------------

    def find(self, text: str) -> list[NumberMention]:
        """Every figure-like number in `text`, qualified and combined into ranges."""
        blocked = [m.span() for m in self.not_figure_pattern.finditer(text, timeout=MATCH_TIMEOUT)]
        atoms = [atom for match in self.atom_pattern.finditer(text, timeout=MATCH_TIMEOUT)
                 if not _overlaps(match.span(), blocked) for atom in self._atoms_of(match, text)]
        atoms = [a for a in atoms if self._is_figure(a, text)]
        return self._qualify(atoms, text)

    def _atoms_of(self, match: regex.Match, text: str) -> list[_Atom]:
        currency = (match.group("currency") or "").strip()
        unit = CURRENCY_SIGNS.get(currency, currency)
        if match.group("digits"):
            return [self._digits_atom(match, unit)]
        if match.group("vague"):
            phrase = regex.sub(r"\s+", " ", match.group("vague").lower())
            rule = self.vague[phrase]
            return [_Atom(match.start("vague"), match.end(), float(rule["value"]), unit,
                          rule["qualifier"], phrase)]
        if match.group("fraction"):
            value = self._fraction_value(match.group("fraction"))
            return [_Atom(match.start("fraction"), match.end(), value, unit)] if value else []
        return [_Atom(s, e, v, unit if s == match.start("words") else "")
                for s, e, v in self._spelled_numbers(match.group("words"), match.start("words"))]

    def _digits_atom(self, match: regex.Match, unit: str) -> _Atom:
        raw = match.group("digits").replace(",", "").replace("−", "-")
        value = float(raw)
        if match.group("denominator"):
            denominator = float(match.group("denominator"))
            value = value / denominator if denominator else value
        if match.group("suffix"):
            suffix = match.group("suffix")
            value *= self.suffix_scales.get(suffix, self.suffix_scales.get(suffix.lower(), 1e6))
        if match.group("digit_scale"):
            value *= self.scale_words[match.group("digit_scale").lower()]
        start = match.start("currency") if match.group("currency") else match.start("digits")
        return _Atom(start, match.end(), value, unit)

    def _fraction_value(self, phrase: str) -> float | None:
        words = regex.findall(r"[a-z]+", phrase.lower())
        whole, numerator, value = 0.0, 1.0, None
        for index, word in enumerate(words):
            if word in self.fraction_words and value is None:
                value = self.fraction_words[word] * numerator + whole
            elif word in self.scale_words and value is not None:
                value *= self.scale_words[word]
            elif word in self.unit_words:
                followed_by_and = index + 1 < len(words) and words[index + 1] == "and"
                whole, numerator = (self.unit_words[word], 1.0) if followed_by_and else (whole, self.unit_words[word])
        return value

    def _spelled_numbers(self, phrase: str, offset: int) -> list[tuple[int, int, float]]:
        """Reads spelled words into numbers, splitting where the grammar restarts ('five six')."""
        tokens = [(m.start() + offset, m.end() + offset, m.group().lower())
                  for m in regex.finditer(r"[A-Za-z]+", phrase)]
        numbers, current = [], _SpelledNumber()
        for start, end, word in tokens:
            if word in ("a", "an"):  # only ever first: "a hundred" is one hundred
                current.start = start
                continue
            if word == "and":
                continue
            if not current.accepts(word, self):
                numbers.append(current.result())
                current = _SpelledNumber()
            current.add(start, end, word, self)
        numbers.append(current.result())
        return [n for n in numbers if n is not None]

    # --- what is not a figure -------------------------------------------------------------

    def _is_figure(self, atom: _Atom, text: str) -> bool:
        before = text[max(0, atom.start - 24):atom.start]
        after = text[atom.end:atom.end + 24]
        if regex.search(r"(?<![\d.])[A-Za-z]+-?\Z", before) and not atom.unit:
            return False  # glued to letters before: COVID-19, G20, F-16
        if regex.match(r"[A-Za-z]", after):
            glued = regex.match(r"[A-Za-z]+", after).group()
            if glued not in self.glued_units:
                return False  # 22nd, 5G, 3D: ordinals and codes
        if regex.match(r"-(?:(?:st|nd|rd|th)\b|[A-Za-z]\d)", after) or regex.match(r"(?:st|nd|rd|th)\b", after):
            return False
        if text[atom.start:atom.end].lower() in ("one", "an", "a") and (PRONOUN_ONE_AFTER.match(after) or
                                                                       PRONOUN_ONE_BEFORE.search(before)):
            return False  # "one of his addresses", "no one": a pronoun, not a count
        if self._is_identifier(before, after):
            return False  # Article 4, Flight 370, Story Code : 972888
        return not self._is_year(atom, text)

    def _is_identifier(self, before: str, after: str) -> bool:
        label = regex.search(r"([A-Za-z][A-Za-z.]*)\s*(?:[:#№]|No\.?)?\s*\Z", before)
        if not label or label.group(1).lower().rstrip(".") not in self.labels:
            return False
        # "last week 30 people died": a lower-case label followed by a counted noun is not a label.
        next_word = regex.match(r"\s+([a-z]+)", after)
        counted = next_word is not None and next_word.group(1) not in FUNCTION_WORDS
        return any(ch.isupper() for ch in label.group(1)) or not counted

    def _is_year(self, atom: _Atom, text: str) -> bool:
        written = text[atom.start:atom.end]
        if atom.unit or not regex.fullmatch(r"\d{4}", written):
            return False
        if not self.year_low <= int(written) <= self.year_high:
            return False
        next_word = regex.match(r"\s+([a-z]+)", text[atom.end:atom.end + 30])
        counted = next_word and next_word.group(1) not in FUNCTION_WORDS and next_word.group(1).endswith("s")
        return not counted

    # --- ranges and qualifiers ------------------------------------------------------------

    def _qualify(self, atoms: list[_Atom], text: str) -> list[NumberMention]:
        mentions: list[NumberMention] = []
        index = 0
        while index < len(atoms):
            atom = atoms[index]
            partner = atoms[index + 1] if index + 1 < len(atoms) else None
            ranged = self._range(atom, partner, text) if partner else None
            if ranged:
                mentions.append(ranged)
                index += 2
                continue
            mentions.append(self._qualified(atom, text))
            index += 1
        return _join_bounds(mentions, text)

    def _range(self, first: _Atom, second: _Atom, text: str) -> NumberMention | None:
        between = text[first.end:second.start]
        lead = text[max(0, first.start - 12):first.start]
        if regex.search(r"\bbetween\s+\Z", lead, regex.I) and regex.fullmatch(r"\s+and\s+", between, regex.I):
            start = first.start - len(regex.search(r"between\s+\Z", lead, regex.I).group())
        elif RANGE_JOINERS.match(between) and "\n" not in between:
            if regex.search(r"\bfrom\s+\Z", lead, regex.I) and not regex.search(r"\bto\b", between, regex.I):
                return None
            from_word = regex.search(r"\bfrom\s+\Z", lead, regex.I)
            if from_word and regex.search(r"(?:rose|fell|grew|increased|decreased|dropped|jumped|climbed|"
                                          r"declined|rising|falling|up|down)\s+from\s+\Z",
                                          text[max(0, first.start - 30):first.start], regex.I):
                return None  # "rose from 5 to 10" states a change, two figures
            start = first.start - (len(from_word.group()) if from_word else 0)
        else:
            return None
        low, high = sorted((first.value, second.value))
        if second.value < first.value and second.value * 1000 >= first.value:
            return None  # "2000-30" or "9-5": not a range written low to high
        unit = first.unit or second.unit
        return NumberMention(start, second.end, None, low, high, "range", f"a range from {_fmt(low)} to {_fmt(high)}",
                             first.start, second.end, unit)

    def _qualified(self, atom: _Atom, text: str) -> NumberMention:
        before = self.before_pattern.search(text[max(0, atom.start - 40):atom.start])
        after = self.after_pattern.match(text[atom.end:atom.end + 30])
        rule = self.before[regex.sub(r"\s+", " ", before.group(1).lower())] if before else None
        start = atom.start - len(before.group()) if before else atom.start
        end = atom.end
        if not rule and after:
            rule = self.after[regex.sub(r"\s+", " ", after.group(1).lower())]
            end = atom.end + after.end()
        if rule:
            low, high = _interval(rule.interval, atom.value, self.approx_margin)
            phrase = (before or after).group(1).lower()
            reading = f"'{phrase}' reads as {_describe(rule.interval, atom.value, low, high)}"
            return NumberMention(start, end, atom.value, low, high, rule.qualifier, reading, atom.start, atom.end,
                                 atom.unit, atom.vague_qualifier is not None)
        return self._plain(atom, start, end)

    def _plain(self, atom: _Atom, start: int, end: int) -> NumberMention:
        if atom.vague_qualifier and atom.vague_qualifier != "exact":
            interval = {"at_least": "at_least", "approx": "around"}.get(atom.vague_qualifier, "exact")
            low, high = _interval(interval, atom.value, self.approx_margin)
            reading = f"'{atom.vague_phrase}' reads as {_describe(interval, atom.value, low, high)}"
            return NumberMention(start, end, atom.value, low, high, atom.vague_qualifier, reading,
                                 atom.start, atom.end, atom.unit, True)
        reading = f"'{atom.vague_phrase}' is {_fmt(atom.value)}" if atom.vague_phrase else "stated exactly"
        return NumberMention(start, end, atom.value, atom.value, atom.value, "exact", reading, atom.start, atom.end,
                             atom.unit, bool(atom.vague_phrase))


class _SpelledNumber:
    """Accumulates spelled number words: 'two thousand and thirty' -> 2030."""

    def __init__(self):
        self.start: int | None = None
        self.end = 0
        self.total = 0.0
        self.current = 0.0
        self.last = ""  # unit | ten | hundred | scale

    def accepts(self, word: str, grammar: NumberGrammar) -> bool:
        if not self.last:
            return True
        if word in grammar.unit_words:
            return self.last in ("hundred", "scale") or (self.last == "ten" and grammar.unit_words[word] < 10)
        if word in grammar.ten_words:
            return self.last in ("hundred", "scale")
        return True  # scales multiply whatever came before

    def add(self, start: int, end: int, word: str, grammar: NumberGrammar) -> None:
        self.start = start if self.start is None else self.start
        self.end = end
        if word in grammar.unit_words or word in grammar.ten_words:
            self.current += grammar.unit_words.get(word, grammar.ten_words.get(word, 0.0))
            self.last = "unit" if word in grammar.unit_words else "ten"
        elif word == "hundred":
            self.current = (self.current or 1.0) * 100
            self.last = "hundred"
        else:
            self.total += (self.current or 1.0) * grammar.scale_words[word]
            self.current, self.last = 0.0, "scale"

    def result(self) -> tuple[int, int, float] | None:
        return None if not self.last else (self.start, self.end, self.total + self.current)


def _interval(kind: str, value: float, margin: float) -> tuple[float | None, float | None]:
    spread = abs(value) * margin
    return {
        "exact": (value, value), "around": (value - spread, value + spread),
        "just_below": (value - spread, value), "just_above": (value, value + spread),
        "above": (value, None), "at_least": (value, None), "below": (None, value), "at_most": (None, value),
    }[kind]


def _describe(kind: str, value: float, low: float | None, high: float | None) -> str:
    if kind in ("above", "at_least"):
        return f"{'above' if kind == 'above' else 'at least'} {_fmt(value)}, open-ended"
    if kind in ("below", "at_most"):
        return f"{'below' if kind == 'below' else 'at most'} {_fmt(value)}"
    if kind == "exact":
        return f"exactly {_fmt(value)}"
    return f"between {_fmt(low)} and {_fmt(high)}"


def _fmt(value: float | None) -> str:
    if value is None:
        return "open"
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def _overlaps(span: tuple[int, int], blocked: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in blocked)


def _join_bounds(mentions: list[NumberMention], text: str) -> list[NumberMention]:
    """'more than 100 and less than 300' is one range: a lower bound then an upper bound joined by and/but."""
    joined: list[NumberMention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if previous and previous.high is None and previous.low is not None and mention.low is None \
                and mention.high is not None and previous.qualifier in ("more_than", "at_least") \
                and regex.fullmatch(r"\s*,?\s*(?:and|but)?\s*", text[previous.end:mention.start], regex.I) \
                and previous.low <= mention.high:
            joined[-1] = NumberMention(previous.start, mention.end, None, previous.low, mention.high, "range",
                                       f"between {_fmt(previous.low)} and {_fmt(mention.high)}",
                                       previous.number_start, mention.number_end, previous.unit or mention.unit)
            continue
        joined.append(mention)
    return joined

