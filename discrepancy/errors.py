"""Errors a user can cause: each names the file (and line) and the problem in one line."""
from __future__ import annotations


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
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}")
