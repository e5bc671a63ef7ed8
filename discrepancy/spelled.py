"""Reads spelled-out numbers: 'two thousand and thirty', 'nine point nought four', 'three fifths',
'forty two and a third', 'one hundred thirty fifths', 'six million and two thirds'.

The grammar's regex finds a run of number words; here the run becomes tokens and the tokens
numbers. Vocabulary comes from rules/numbers.toml; an ordinal alone is a rank, not a figure.
"""
from __future__ import annotations

from typing import NamedTuple

import regex

from .patterns import folded

TOKEN = regex.compile(r"(-\s*)?([A-Za-z]+)")
FRACTION_OF_ONE = ("half", "halves", "quarter", "quarters")  # "half million": no numerator needed
# A fraction after "hundred" is a fraction of one ("one hundred and three quarters" is 100.75); after a
# larger scale, of that scale ("six million and two thirds" is 6,666,667).
HUNDRED = 100.0


# Named tuples, not frozen dataclasses: a few are made for every number word, and a named tuple is made in a
# third of the time.
class Token(NamedTuple):
    start: int
    end: int
    word: str
    kind: str  # unit | ten | hundred | scale | ordinal | dozen | and | article | point
    value: float
    hyphen_before: bool


class SpelledNumber(NamedTuple):
    """Where the words stand, their value, and the scale they end in ('five thousand' -> 1000)."""

    start: int
    end: int
    value: float
    scale: float = 1.0


class _Cardinal(NamedTuple):
    tokens: tuple[Token, ...]  # including any 'and' inside ('one hundred and five')
    value: float
    scale: float  # the scale word it ends in, else 1
    after_and: bool  # joined by 'and' to the number before it ('twenty and three fifths')

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


class SpelledNumbers:
    """The vocabulary, and `read(run, offset)` for one run of number words."""

    def __init__(self, numbers: dict):
        self.words: dict[str, tuple[str, float]] = {}
        for word, value in numbers["units"].items():
            self.words[word] = ("unit", float(value))
        for word, value in numbers["tens"].items():
            self.words[word] = ("ten", float(value))
        for word, value in numbers["scales"].items():
            self.words[word] = ("hundred" if value == 100 else "scale", float(value))
        for word, value in numbers["ordinals"].items():
            for form in (word, word + "s"):
                self.words.setdefault(form, ("ordinal", float(value)))
        self.words.update({"halves": ("ordinal", 2.0), "dozen": ("dozen", 12.0), "dozens": ("dozen", 12.0),
                           "dz": ("dozen", 12.0), "dzs": ("dozen", 12.0), "doz": ("dozen", 12.0), "dozs": ("dozen", 12.0),
                           "and": ("and", 0.0), "a": ("article", 1.0), "an": ("article", 1.0),
                           "point": ("point", 0.0)})
        self.compound_only = frozenset(numbers["compound_only_ordinals"])
        self.ordinal_words = [w for w, (kind, _) in self.words.items() if kind == "ordinal"]

    def read(self, run: str, offset: int) -> list[SpelledNumber]:
        # Most runs are one word of a unit or a ten and a character after it ("two ", "Seven,"): its value, at once.
        word = run[:-1]
        if word.isascii() and word.isalpha() and not run[-1:].isalpha():
            kind, value = self.words.get(word.lower(), ("", 0.0))
            if kind == "unit" or kind == "ten":
                return [SpelledNumber(offset, offset + len(word), value)]
        return self._read(run, offset)

    def _read(self, run: str, offset: int) -> list[SpelledNumber]:
        """read(run, offset) from the run's tokens."""
        tokens = self._tokens(run, offset)
        numbers: list[SpelledNumber] = []
        index = 0
        while index < len(tokens):
            ordinal_at = self._next_denominator(tokens, index)
            cardinals = _cardinals(tokens[index:ordinal_at])
            if ordinal_at is None:
                numbers += [_plain(c) for c in cardinals if _is_number(c)]
                break
            numbers += self._fraction(tokens, ordinal_at, cardinals)
            read_to = max(tokens[ordinal_at].end, numbers[-1].end if numbers else 0)
            index = next((i for i, t in enumerate(tokens) if t.start >= read_to), len(tokens))
        return numbers

    def _tokens(self, run: str, offset: int) -> list[Token]:
        tokens = []
        # read folded as the patterns fold case ("ſix" is "six"), which keeps every character's place
        for match in TOKEN.finditer(folded(run)):
            word = match.group(2)
            if word not in self.words or (self.words[word][0] == "ordinal" and run[match.end():match.end() + 1] == "-"):
                break  # "a third-party review", "first-quarter": an adjective, not a fraction
            kind, value = self.words[word]
            tokens.append(Token(match.start(2) + offset, match.end(2) + offset, word, kind, value,
                                bool(match.group(1))))
        return tokens

    def _next_denominator(self, tokens: list[Token], start: int) -> int | None:
        for index in range(start, len(tokens)):
            token = tokens[index]
            compound = index > 0 and tokens[index - 1].kind == "ten"
            if token.kind == "ordinal" and (compound or _singular(token.word) not in self.compound_only):
                return index
        return None

    # --- fractions --------------------------------------------------------------------------

    def _fraction(self, tokens: list[Token], ordinal_at: int, cardinals: list[_Cardinal]) -> list[SpelledNumber]:
        """The numbers before an ordinal and the fraction it closes (with any whole part and scale after)."""
        ordinal = tokens[ordinal_at]
        touching = cardinals and cardinals[-1].end == (tokens[ordinal_at - 1].end if ordinal_at else -1)
        numerator, denominator, whole = _split(cardinals if touching else [], ordinal)
        scale, end = _scale_after(tokens, ordinal_at)
        if numerator is None and ordinal.word in FRACTION_OF_ONE and scale > 1:
            numerator = _Cardinal((ordinal,), 1.0, 1.0, False)  # "half million"
        first = min((c.start for c in (numerator, whole) if c is not None), default=ordinal.start)
        before = [c for c in cardinals if c.end < first and _is_number(c)]
        if numerator is None or (_singular(ordinal.word) == ordinal.word and numerator.value != 1
                                 and ordinal.word not in FRACTION_OF_ONE):
            return [_plain(c) for c in before]  # "the twenty-fifth": a rank
        fraction = numerator.value / denominator
        if whole is None:
            return [_plain(c) for c in before] + [SpelledNumber(numerator.start, end, fraction * scale)]
        if scale > 1:
            # "one billion and three quarters million", but "one and a half million"
            value = whole.value + fraction * scale if whole.scale > 1 else (whole.value + fraction) * scale
        elif whole.scale > HUNDRED and not _power_of_ten(denominator):
            value = (whole.value / whole.scale + fraction) * whole.scale  # "six million and two thirds"
        else:
            value = whole.value + fraction  # "twenty and three fifths", "one hundred and three quarters"
        return [_plain(c) for c in before] + [SpelledNumber(whole.start, end, value)]


def _split(cardinals: list[_Cardinal], ordinal: Token):
    """(numerator, denominator, whole part) for the cardinals before an ordinal.

    The words nearest the ordinal may belong to it: 'one hundred thirty fifths' is 100/35,
    'one one hundred fifth' 1/105 and 'three twenty-firsts' 3/21; 'and' binds to the number
    before ('one hundred and thirty fifths' is 130/5); halves, quarters and hundredths read
    as a mixed number ('one hundred and three quarters' is 100 3/4)."""
    denominator = ordinal.value
    if not cardinals:
        return None, denominator, None
    last = cardinals[-1]
    words = list(last.tokens)
    previous = cardinals[-2] if len(cardinals) >= 2 else None
    if ordinal.value < 10 and len(words) >= 2 and words[-1].kind == "ten" and words[-2].kind != "and":
        denominator += words[-1].value
        last = _cardinal(words[:-1], last.after_and)
    elif ordinal.value < 100 and _absorbs_multiplier(words):
        cut = len(words) - (3 if words[-1].kind == "and" else 2)
        scale_word = words[cut + 1]
        denominator += words[cut].value * scale_word.value
        last = _cardinal(words[:cut], last.after_and)
    elif previous and not last.after_and and _whole_prefix(words, ordinal):
        denominator += last.value  # "three twenty-firsts", "one one hundred fifth": all of it is the ordinal's
        last, previous = previous, cardinals[-3] if len(cardinals) >= 3 else None
    if last is None:
        return None, denominator, None
    whole = previous if last.after_and else None
    mixed = _split_mixed(last, denominator)
    if mixed and whole is None:
        return mixed[1], denominator, mixed[0]
    return last, denominator, whole


def _whole_prefix(words: list[Token], ordinal: Token) -> bool:
    """Whether these words can all lead the ordinal: 'twenty' (-first), 'one hundred' (fifth), 'one hundred and'."""
    kinds = [w.kind for w in words]
    if ordinal.value < 10 and kinds == ["ten"]:
        return True
    return ordinal.value < 100 and kinds in (["unit", "hundred"], ["unit", "hundred", "and"], ["unit", "scale"]) \
        and not words[0].hyphen_before


def _split_mixed(cardinal: _Cardinal, denominator: float) -> tuple[_Cardinal, _Cardinal] | None:
    """The last 'and' parts whole from fraction after a scale word ('six million and two thirds'), and for
    halves, quarters and powers of ten after 'hundred' too ('one hundred and three quarters')."""
    cuts = [i for i, t in enumerate(cardinal.tokens) if t.kind == "and"
            and (cardinal.tokens[i - 1].kind == "scale" or denominator in (2, 4) or _power_of_ten(denominator))]
    if not cuts:
        return None
    whole = _cardinal(list(cardinal.tokens[:cuts[-1]]), cardinal.after_and)
    part = _cardinal(list(cardinal.tokens[cuts[-1] + 1:]), True)
    return (whole, part) if whole and part else None


def _absorbs_multiplier(words: list[Token]) -> bool:
    """'one one hundred fifth' ends in a multiplier and a scale that the ordinal takes (1/105);
    'ninety-five hundred fifths' does not (9500/5), nor does a number with nothing left before it."""
    offset = 3 if words and words[-1].kind == "and" else 2
    if len(words) < offset + 1 or words[-offset + 1].kind not in ("hundred", "scale"):
        return False
    multiplier = words[-offset]
    return multiplier.kind in ("unit", "article") and not multiplier.hyphen_before


def _scale_after(tokens: list[Token], ordinal_at: int) -> tuple[float, int]:
    """The scale words right after a fraction ('three quarters million') and where the fraction ends."""
    scale, index = 1.0, ordinal_at + 1
    if index + 1 < len(tokens) and tokens[index].kind == "article" and tokens[index + 1].kind == "scale":
        index += 1  # "half a million"
    while index < len(tokens) and tokens[index].kind in ("scale", "hundred"):
        scale *= tokens[index].value
        index += 1
    return scale, tokens[index - 1].end if scale > 1 else tokens[ordinal_at].end


# --- whole numbers -------------------------------------------------------------------------

def _cardinals(tokens: list[Token]) -> list[_Cardinal]:
    """Whole numbers in order; an 'and' the grammar does not allow, or a word that cannot follow, starts a new one."""
    cardinals: list[_Cardinal] = []
    current: list[Token] = []
    after_and = False
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "point" and current:
            digits, next_index = _decimal_digits(tokens, index + 1)
            if digits:
                base = _cardinal(current, after_and)
                value = (base.value if base else 0.0) + float("0." + digits)
                scale = 1.0
                while next_index < len(tokens) and tokens[next_index].kind == "scale":
                    scale *= tokens[next_index].value  # "three point five billion"
                    next_index += 1
                cardinals.append(_Cardinal(tuple(current) + tuple(tokens[index:next_index]), value * scale, scale,
                                           after_and))
                current, after_and, index = [], False, next_index
                continue
        if token.kind == "ordinal":  # a rank inside a run ("a first-quarter loss") ends the number before it
            if current:
                cardinals.append(_cardinal(current, after_and))
            current, after_and = [], False
        elif token.kind == "and" and not (current and current[-1].kind in ("hundred", "scale")):
            if current:
                cardinals.append(_cardinal(current, after_and))
            current, after_and = [], True
        elif current and not _continues(current[-1], token):
            cardinals.append(_cardinal(current, after_and))
            current, after_and = ([token], False) if token.kind != "point" else ([], False)
        elif token.kind != "point":
            current.append(token)
        index += 1
    if current:
        cardinals.append(_cardinal(current, after_and))
    return [c for c in cardinals if c is not None]


def _continues(last: Token, token: Token) -> bool:
    """Whether `token` can extend a whole number whose last word is `last`."""
    if token.kind in ("scale", "hundred", "dozen"):
        return last.kind not in ("and", "dozen")
    if token.kind == "unit":
        return last.kind in ("hundred", "scale", "and") or (last.kind == "ten" and token.value < 10)
    if token.kind == "ten":
        return last.kind in ("hundred", "scale", "and")
    return token.kind == "and"


def _cardinal(tokens: list[Token], after_and: bool) -> _Cardinal | None:
    """The value of cardinal words: 'two thousand and thirty' -> 2030, 'three lakh crore' -> 3e12."""
    words = [t for t in tokens if t.kind != "and"]
    if not words:
        return None
    total = current = 0.0
    since_hundred = 0.0  # the units and tens after the last "hundred": what a "dozen" after them multiplies
    last_scale = 1.0
    for token in words:
        if token.kind in ("unit", "ten", "article"):
            current += token.value
            since_hundred += token.value
        elif token.kind == "hundred":
            current, since_hundred = (current or 1.0) * 100, 0.0
        elif token.kind == "dozen":
            # "three hundred and two dozens" is 300 + 24; "five hundred dozen" 500 dozen
            current = current - since_hundred + since_hundred * token.value if since_hundred \
                else (current or 1.0) * token.value
            since_hundred = 0.0
        elif token.kind == "scale":
            if current == 0 and total and token.value > last_scale:
                total *= token.value  # "three lakh crore"
            else:
                total += (current or 1.0) * token.value
            current, since_hundred, last_scale = 0.0, 0.0, token.value
    ends_in = words[-1].kind
    scale = 100.0 if ends_in == "hundred" else last_scale if ends_in == "scale" else 1.0
    return _Cardinal(tuple(tokens), total + current, scale, after_and)


def _decimal_digits(tokens: list[Token], index: int) -> tuple[str, int]:
    """The digits after 'point': 'nought four' -> '04', 'seventy-one' -> '71', 'eleven' -> '11'."""
    digits = ""
    while index < len(tokens) and tokens[index].kind in ("unit", "ten"):
        token = tokens[index]
        follows = index + 1 < len(tokens) and tokens[index + 1].kind == "unit" and tokens[index + 1].value < 10
        if token.kind == "ten" and follows:
            digits += str(int(token.value + tokens[index + 1].value))
            index += 2
            continue
        digits += str(int(token.value))
        index += 1
    return digits, index


def _is_number(cardinal: _Cardinal) -> bool:
    """An article or a dangling 'and' alone is no number."""
    return any(t.kind in ("unit", "ten", "hundred", "scale", "point") for t in cardinal.tokens)


def _plain(cardinal: _Cardinal) -> SpelledNumber:
    last = next(t for t in reversed(cardinal.tokens) if t.kind != "and")
    return SpelledNumber(cardinal.start, last.end, cardinal.value, cardinal.scale)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and word not in ("halves",) else word


def _power_of_ten(value: float) -> bool:
    return value >= 10 and float(value).is_integer() and str(int(value)).strip("0") == "1"
