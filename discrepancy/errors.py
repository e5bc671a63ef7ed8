"""Errors a user can cause: each names the file (and line) and the problem in one line."""
from __future__ import annotations

import re

# What must not reach a terminal or a one-line message: controls (a newline would split the line, an
# escape would drive the terminal), bidirectional overrides, and the lone surrogates Python makes of a
# file name's bytes that are not UTF-8 (printing or writing them as UTF-8 fails).
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` safe to print on one line: controls shown as escapes, undecodable bytes as '\ufffd'."""
    return UNPRINTABLE.sub(_shown, text)


def _shown(match: re.Match) -> str:
    character = match.group()
    return "\ufffd" if "\ud800" <= character <= "\udfff" else character.encode("unicode_escape").decode("ascii")


class DiscrepancyError(Exception):
    """Base of every error the command line turns into one line on stderr."""


class RuleError(DiscrepancyError):
    """A rule file is malformed: `rules/deaths.toml:12: unknown key 'qualifers'`."""

    def __init__(self, path: str, line: int | None, problem: str):
        self.path, self.line, self.problem = path, line, problem
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}")


class InputError(DiscrepancyError):
    """An article could not be read; the rest of the batch goes on."""

    def __init__(self, path: str, problem: str, line: int | None = None):
        self.path, self.line, self.problem = path, line, problem
        where = f"{printable(path)}:{line}" if line else printable(path)
        super().__init__(f"{where}: {printable(problem)}")


class ArticleCut(InputError):
    """An article went past a limit (size, figures): it was checked up to there, and the message says what was cut."""
