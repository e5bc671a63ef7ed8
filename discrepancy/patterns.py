"""compiled(pattern, flags): one compiled pattern per distinct source, cached for the run.

The regex module caches patterns too, but each lookup there costs flag arithmetic on enums;
on the extraction path it was a third of the time.
"""
from __future__ import annotations

import functools

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
# What \s matches in ASCII besides the space.
_ASCII_SPACES_BUT_SPACE = ("\t", "\n", "\x0b", "\x0c", "\r")


def single_spaced(text: str) -> str:
    """The text with each run of whitespace made one space (\\s+ -> ' '). Most phrases are plain ASCII
    with single spaces, returned as they are without a pattern's substitution."""
    if text.isascii() and "  " not in text and not any(space in text for space in _ASCII_SPACES_BUT_SPACE):
        return text
    return _SPACES.sub(" ", text)


# The letters outside ASCII that the patterns' case folding reads as ASCII ones (K, the Kelvin sign, is
# lower-cased to k by Python too): tests/test_extraction_shortcuts.py checks that there are no others.
_TO_ASCII = str.maketrans({"\u0130": "i", "\u017f": "s"})


def folded(text: str) -> str:
    """The text lower-cased as the patterns fold case, character for character (its length kept): an ASCII
    word matches a case-blind pattern's where it is in the folded text."""
    return (text.translate(_TO_ASCII) if "\u0130" in text or "\u017f" in text else text).lower()
