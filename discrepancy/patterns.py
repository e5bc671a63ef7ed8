"""compiled(pattern, flags): one compiled pattern per distinct source, cached for the run.

The regex module caches patterns too, but each lookup there costs flag arithmetic on enums;
on the extraction path it was a third of the time.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import regex


@functools.lru_cache(maxsize=None)
def compiled(pattern: str, flags: int = 0) -> regex.Pattern:
    return regex.compile(pattern, flags)


def version1(pattern: str, flags: int = 0) -> regex.Pattern:
    """pattern compiled as regex's version 1 (nested sets, set operations) but with simple case folding.

    Version 1 folds case fully by default ('ß' matches 'ss', 'ﬁ' matches 'fi'): on news text that makes a
    scan two to thirty times slower, and lets a run of letters backtrack exponentially."""
    return regex.compile("(?-f)" + pattern, flags | regex.V1)


_SPACES = regex.compile(r"\s+")


def single_spaced(text: str) -> str:
    """The text with each run of whitespace made one space (\\s+ -> ' '). Most phrases are plain ASCII
    with single spaces, returned as they are without a pattern's substitution."""
    # Printable ASCII holds no space but ' ' (\t, \n, \x0b, \x0c and \r are control characters): one C call
    # where a look for each of them cost five; a text that is not printable is substituted, as before.
    if text.isascii() and text.isprintable() and "  " not in text:
        return text
    return _SPACES.sub(" ", text)


# The letters outside ASCII that the patterns' case folding reads as ASCII ones (K, the Kelvin sign, is
# lower-cased to k by Python too): tests/test_extraction_shortcuts.py checks that there are no others.
_TO_ASCII = str.maketrans({"\u0130": "i", "\u017f": "s"})


def folded(text: str) -> str:
    """The text lower-cased as the patterns fold case, character for character (its length kept): an ASCII
    word matches a case-blind pattern's where it is in the folded text."""
    return (text.translate(_TO_ASCII) if "\u0130" in text or "\u017f" in text else text).lower()


def alternation(words, space: str = r"\s+") -> str:
    """A regex alternation of phrases, longest first so that 'more than' beats 'more'; a space in a phrase is
    `space`.

    Written as a prefix tree ('t(?:en(?:s|th)?|wo)'): the same matches tried in the same order, but
    the engine gives up on a position after a letter or two instead of trying every phrase there."""
    tree: dict = {}
    for word in set(words):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here
    return f"(?:{_branches(tree, space)})"


def _branches(node: dict, space: str) -> str:
    branches = [(space if char == " " else regex.escape(char)) + _branches(child, space)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # greedy: a longer phrase is tried before the phrase it extends
    return f"(?:{body})?" if "" in node else body


def folded_word_starts(words, also: str = "") -> re.Pattern | None:
    """A stdlib pattern that matches in folded(text) wherever the case-blind pattern \\b(?:words) (simple
    case folding) matches in text, and perhaps elsewhere: where to try that pattern. None unless every word
    is ASCII and starts with a letter or digit. `also`: a stdlib pattern of more places to find where no
    ASCII word character comes before, looked for in one look-ahead with the words (as an alternative of
    its own, each place would be tried twice).

    Python's re engine reads lower-cased text two to three times faster than regex reads text case-blind.
    The engines' \\w differ outside ASCII, so the look-behind refuses only what a boundary does: an ASCII
    word character before the word (no other character folds to one)."""
    words_pattern = _folded_words(words)
    if words_pattern is None:
        return None
    # A match of single words holds no place where another may start, as each word follows a letter: it can
    # take its characters. A phrase's later words can start one: a look-ahead takes none.
    if also:
        words_pattern = f"(?={words_pattern}|{also})"
    elif any(not word.isalnum() for word in words):
        words_pattern = f"(?={words_pattern})"
    return re.compile(r"(?<![a-z0-9_])" + words_pattern)


def spaced(text: str) -> str:
    """The folded text after a space: what a separated_word_starts scan reads, each of its matches starting where a
    word may start in the text."""
    return " " + folded(text)


def separated_word_starts(words, also: str = "") -> re.Pattern | None:
    """folded_word_starts(words, also) matching the character before each start instead of looking behind at it: run
    on " " + folded(text), each match starts where a word may start in the text. The engine skips to the next
    character that is no ASCII word character at once, where a look-behind is tried at every position: a third
    faster. None where folded_word_starts is."""
    words_pattern = _folded_words(words)
    if words_pattern is None:
        return None
    return re.compile(rf"[^a-z0-9_](?={words_pattern}|{also})" if also else rf"[^a-z0-9_](?={words_pattern})")


def _folded_words(words) -> str | None:
    """The words as a stdlib alternation of their folded forms, or None unless every word is ASCII and starts with a
    letter or digit."""
    words = [word.lower() for word in words]
    if not all(word.isascii() and word[:1].isalnum() for word in words):
        return None
    # a space in a phrase is \\s+, which the engines read alike but for Unicode versions; \\W+ holds both
    return alternation(words).replace(r"\s+", r"\W+")


def matches_at(pattern: regex.Pattern, text: str, starts: Iterable[int], endpos: int | None = None) -> Iterator[regex.Match]:
    """What pattern.finditer(text, 0, endpos) gives when every match starts at one of `starts` (in order, as a
    folded_word_starts scan finds them): the pattern tried only there, and not inside the match before, as
    finditer steps past each match. The pattern must match no empty text."""
    reached = 0
    for start in starts:
        if start >= reached:
            match = pattern.match(text, start, endpos)
            if match:
                reached = match.end()
                yield match


def ascii_view(text: str, stand_ins: dict[str, str]) -> str | None:
    """The text with each character past ASCII made one ASCII character, each in its place: its stand-in in
    `stand_ins`, else NUL for one that is no letter, mark, number or word character to the regex module; None
    where the text holds another (a letter past ASCII). A pattern that names no character past ASCII but the
    stand-ins' (each playing the part of its stand-in) matches the view where it matches the text, and written
    with ASCII classes for its Unicode ones it is read by the stdlib engine, two to three times faster."""
    if text.isascii():
        return text
    for char in set(_PAST_ASCII.findall(text)):  # news text holds a few: quotes, dashes, currency signs
        stand_in = stand_ins.get(char) or ("\x00" if _no_word_character(char) else None)
        if stand_in is None:
            return None
        text = text.replace(char, stand_in)
    return text


def ascii_pattern(source: str, classes: tuple[tuple[str, str], ...], flags: int = 0) -> re.Pattern:
    """A regex module pattern's source as the stdlib pattern that reads a text's ascii_view as that one reads
    the text: each of its Unicode classes replaced by what it holds in ASCII (`classes`, sets first)."""
    for unicode_class, ascii_class in classes:
        source = source.replace(unicode_class, ascii_class)
    if r"\p" in source:
        raise ValueError(f"a class of the pattern has no ASCII form: {source}")
    return re.compile(source, flags)


_PAST_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD_CHARACTER = regex.compile(r"[\p{L}\p{M}\p{N}\w]")


@functools.lru_cache(maxsize=None)
def _no_word_character(char: str) -> bool:
    return _WORD_CHARACTER.match(char) is None


# Where a stdlib match starts, mapped over a scan's matches without a generator's frame per match.
match_start = re.Match.start


# The word a text ends in, before its closing spaces; read backwards from the end, in one try (match, not search).
LAST_WORD = regex.compile(r"(?<!\p{L})((?>[\p{L}]+))\s+\Z", regex.REVERSE)
