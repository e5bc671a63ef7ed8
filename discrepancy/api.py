"""The library's entry points: extract(paths) and check(paths), usable without the command line."""
from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .articles import MAX_ARTICLE_BYTES, read_articles
from .errors import InputError, printable
from .extractor import Extractor
from .models import Article, Claim, Result
from .batch import compare
from .timeline import date_figures
from .rules import RuleSet, load_rules


@dataclass(frozen=True)
class Limits:
    """How much of each article is checked; what goes past a limit is cut, and a line in errors says so."""

    article_bytes: int = MAX_ARTICLE_BYTES
    figures: int = 1_000  # a dense statistics page has a few hundred; pairing them grows with the square
    # A full-size article takes a few seconds; one built to be slow is skipped past this, and the batch goes on.
    seconds: float = 30.0


class ArticleTooSlow(TimeoutError):
    """Reading one article's figures went past Limits.seconds."""


def read(paths: Sequence[str], rules: RuleSet, stdin: TextIO | None = None,
         limits: Limits = Limits()) -> tuple[list[Article], list[str]]:
    """The articles that could be read, and one line for each that could not (or was cut)."""
    articles, errors = [], []
    for item in read_articles(paths, rules, stdin=stdin, max_article_bytes=limits.article_bytes):
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            articles.append(item)
    return articles, errors


def extract(paths: Sequence[str], rules: RuleSet | None = None, rule_dirs: Sequence[Path] = (),
            stdin: TextIO | None = None, limits: Limits = Limits()) -> Result:
    """Every figure in the articles at `paths`, with no comparison."""
    rules = rules or load_rules(list(rule_dirs))
    articles, errors = read(paths, rules, stdin, limits)
    extractor = Extractor(rules)
    checked, claims = [], []
    for article in articles:
        try:
            with _deadline(limits.seconds):
                found = extractor.extract(article)
        except ArticleTooSlow:
            errors.append(f"{_where(article)}: skipped: reading its figures took over {limits.seconds:g} s")
            continue
        except TimeoutError:  # a pattern's own timeout: text built to make it backtrack
            errors.append(f"{_where(article)}: skipped: its text made the number patterns time out")
            continue
        except Exception as error:  # noqa: BLE001 - a bug met on one article must not end the batch
            errors.append(f"{_where(article)}: skipped: internal error while reading its figures "
                          f"({type(error).__name__}: {printable(str(error))}); please report it with this article")
            continue
        checked.append(article)
        claims += date_figures(article, _within_limit(found, article, limits, errors))
    return Result(articles=tuple(checked), claims=tuple(claims), findings=(), errors=tuple(errors))


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raises ArticleTooSlow in the block once `seconds` have passed, where a timer signal can do it
    (POSIX, the main thread, no other SIGALRM handler); elsewhere the block runs unbounded."""
    usable = (seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
              and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None))
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise ArticleTooSlow(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _within_limit(claims: list[Claim], article: Article, limits: Limits, errors: list[str]) -> list[Claim]:
    if len(claims) <= limits.figures:
        return claims
    errors.append(f"{_where(article)}: cut: {len(claims):,} figures, over the limit of {limits.figures:,} "
                  f"(--max-figures); only the first {limits.figures:,} were checked")
    return claims[:limits.figures]


def _where(article: Article) -> str:
    """The article's file, and its id when the file holds several (JSON Lines)."""
    several = article.path == "-" or article.path.lower().endswith(".jsonl")
    return f"{article.path}: article {article.id}" if several else article.path


def check(paths: Sequence[str], rules: RuleSet | None = None, rule_dirs: Sequence[Path] = (),
          stdin: TextIO | None = None, limits: Limits = Limits(), ledger: Path | None = None) -> Result:
    """Figures, stories, findings and groups for the articles at `paths`; with `ledger` (a SQLite file),
    compared with every stored figure of the same stories too, and stored."""
    rules = rules or load_rules(list(rule_dirs))
    extracted = extract(paths, rules=rules, stdin=stdin, limits=limits)
    gazetteer = Extractor(rules).gazetteer if extracted.articles else None
    return compare(extracted, rules, gazetteer, ledger)
