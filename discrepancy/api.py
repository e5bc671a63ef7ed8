"""The library's entry points: extract(paths) and check(paths), usable without the command line."""
from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from . import stories
from .articles import MAX_ARTICLE_BYTES, Furniture, JsonLine, compile_furniture, json_line_articles, read_articles
from .baseline import Suppression, find_suppressions
from .errors import InputError, printable
from .extractor import Extractor, Reading
from .models import Article, Claim, Result, claim_columns, claims_read_back
from .batch import compare
from .memory import without_cycle_collection
from .pool import ordered_chunks, progress, stage
from .stories import Sketch
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
            stdin: TextIO | None = None, limits: Limits = Limits(), workers: int = 1, quiet: bool = True,
            keep_text: bool = True) -> Result:
    """Every figure in the articles at `paths`, with no comparison.

    With workers > 1 the articles are read in that many processes (the same result, in the same
    order); with keep_text=False the result's articles carry no text, so a large batch is never held
    whole; with quiet=False a progress bar shows on standard error when it is a terminal.
    """
    rules = rules or load_rules(list(rule_dirs))
    digester = Digester(rules, limits, keep_text=keep_text)
    return _collected(digested(paths, digester, stdin, workers, quiet))[0]


def digested(paths: Sequence[str], digester: "Digester", stdin: TextIO | None = None, workers: int = 1,
             quiet: bool = True) -> Iterator[Digest]:
    """Each article at `paths` digested (in `workers` processes), in the order read; a file or record
    that could not be read is a Digest with its error line alone."""
    digester.extractor  # built once here: forked workers inherit it
    # Read errors travel with the articles, as lines (exceptions of ours do not survive pickling), so that
    # every line comes out in the order of the input.
    # JSON lines are parsed where they are digested: in the workers, not in the process they all wait on.
    items = (Digest(None, (), (str(item),), checked=False) if isinstance(item, InputError) else item
             for item in read_articles(paths, digester.rules, stdin=stdin,
                                       max_article_bytes=digester.limits.article_bytes, unparsed=workers > 1))
    done = ordered_chunks(digester.many, items, workers)
    return progress(done, quiet=quiet)


def _collected(items: Iterable[Digest]) -> tuple[Result, list[Sketch]]:
    with without_cycle_collection():  # the digests read back make no cycles; the collector walked them all, again and again
        return _gathered(items)


def _gathered(items: Iterable[Digest]) -> tuple[Result, list[Sketch]]:
    articles, claims, errors, sketches, suppressions = [], [], [], [], []
    for item in items:
        errors += item.errors
        if item.checked:
            articles.append(item.article)
            claims += item.claims
            suppressions += item.suppressions
            if item.sketch is not None:
                sketches.append(item.sketch)
    result = Result(articles=tuple(articles), claims=tuple(claims), findings=(), errors=tuple(errors),
                    suppressions=tuple(suppressions))
    return result, sketches


@dataclass(frozen=True)
class Digest:
    """One article once read: its figures, the problems met, and what later steps need of its text."""

    article: Article | None            # without its text unless the Digester keeps it; None for a read error
    claims: tuple[Claim, ...]
    errors: tuple[str, ...]
    checked: bool                      # False when its figures could not be read: it is left out
    sketch: Sketch | None = None       # what story grouping needs of it
    suppressions: tuple[Suppression, ...] = ()

    def __reduce__(self):
        # Its claims travel from a worker as columns (models.claim_columns), built again all at once.
        return _digest_read_back, (self.article, claim_columns(self.claims), self.errors, self.checked, self.sketch,
                                   self.suppressions)


def _digest_read_back(article: Article | None, claim_columns: tuple[tuple, ...], *rest) -> Digest:
    return Digest(article, claims_read_back(claim_columns), *rest)


class Digester:
    """Article -> Digest: a pure function of the article, picklable with its rules (worker processes and
    Dask workers each build their own Extractor from them)."""

    def __init__(self, rules: RuleSet, limits: Limits = Limits(), keep_text: bool = True, sketch: bool = False):
        self.rules, self.limits, self.keep_text, self.sketch = rules, limits, keep_text, sketch
        self._extractor: Extractor | None = None
        self._furniture: Furniture | None = None

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_extractor": None, "_furniture": None}  # rebuilt where it is unpickled

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = Extractor(self.rules)
        return self._extractor

    def __call__(self, item: Article | Digest | JsonLine) -> Digest:
        return self.many([item])[0]

    def many(self, items: Sequence[Article | Digest | JsonLine]) -> list[Digest]:
        """Each item digested, in order, as one at a time; but each step (reading the figures: extract_articles;
        dating them; sketching the article's story) run over all of their articles before the next, so that a step's
        patterns stay in the processor's caches from one article to the next."""
        parsed = [self._parsed(item) for item in items]
        articles = [item for _, item in parsed if isinstance(item, Article)]
        problems = [lines for lines, item in parsed if isinstance(item, Article)]
        readings = extract_articles(self.extractor, articles, self.limits)
        claims = list(map(self._dated, articles, readings))
        kept = [article if self.keep_text else replace(article, text="") for article in articles]
        sketches = list(map(self._sketch, articles, kept, readings, claims))
        digests = map(self._digest, articles, kept, problems, readings, claims, sketches)
        return [next(digests) if isinstance(item, Article) else item for _, item in parsed]

    def _parsed(self, item: Article | Digest | JsonLine) -> tuple[tuple[str, ...], Article | Digest]:
        """The item's article, with the lines its JSON line's own read error or cut gave (in the order
        read_articles gives them); a read error, or a line with no article, as its Digest."""
        if not isinstance(item, JsonLine):
            return (), item
        if self._furniture is None:
            self._furniture = compile_furniture(self.rules.furniture)
        *problems, last = json_line_articles(item, self._furniture, self.limits.article_bytes)
        if isinstance(last, InputError):
            return (), Digest(None, (), tuple(str(problem) for problem in (*problems, last)), checked=False)
        return tuple(str(problem) for problem in problems), last

    def _dated(self, article: Article, reading: tuple[Reading | None, list[str]]) -> list[Claim] | None:
        read, errors = reading
        return None if read is None else date_figures(article, _within_limit(read.claims, article, self.limits, errors))

    def _sketch(self, article: Article, kept: Article, reading: tuple[Reading | None, list[str]],
                claims: list[Claim] | None) -> Sketch | None:
        read, _ = reading
        if not self.sketch or read is None:
            return None
        return stories.sketch(article, claims, self.extractor.gazetteer, kept=kept, places=read.places,
                              document=read.document)

    def _digest(self, article: Article, kept: Article, problems: tuple[str, ...],
                reading: tuple[Reading | None, list[str]], claims: list[Claim] | None, sketch: Sketch | None) -> Digest:
        _, errors = reading
        if claims is None:
            return Digest(replace(article, text=""), (), (*problems, *errors), checked=False)
        return Digest(kept, tuple(claims), (*problems, *errors),
                      checked=True, sketch=sketch, suppressions=tuple(find_suppressions([article])))


def extract_articles(extractor: Extractor, articles: Sequence[Article],
                     limits: Limits) -> list[tuple[Reading | None, list[str]]]:
    """Each article's figures, with the places its text names and its Document (Extractor.read), or None where
    they could not be read; and the lines that say why.

    The articles are read a step at a time: the number grammar over every text, then the gazetteer over every
    text, then the rest of each article. The large patterns of a step then stay in the processor's caches from
    one article to the next; read article by article, each step pushes out the one before (about 1.1 times as
    slow). Each article keeps its own deadline over its steps, and a failure in one step leaves the others be.
    """
    with _Deadlines(limits.seconds) as deadlines:
        attempts = [_Attempt(article, limits.seconds, deadlines) for article in articles]
        mentions = [attempt.run(extractor.grammar.find, attempt.article.text) for attempt in attempts]
        named = [attempt.run(extractor.gazetteer.find, attempt.article.text) for attempt in attempts]
        return [(attempt.run(extractor.read, attempt.article, found, places), attempt.errors)
                for attempt, found, places in zip(attempts, mentions, named)]


class _Deadlines:
    """Stops the step that runs once its article's steps together have taken `seconds` (wall clock), where a timer
    signal can do it (POSIX, the main thread, no other SIGALRM handler); elsewhere steps run unbounded.

    One timer ticks over a whole batch's steps, each tick asking whether the step running is past its article's
    deadline, so that a step is stopped at most a quarter of `seconds` late. A timer set and cleared around each
    step instead costs some 3% of reading time, more than its system calls' own 8 us a step. (So SIGALRM comes
    every quarter of `seconds` while a batch's figures are read, in the process that reads them: a program that
    embeds the library sees its slow system calls interrupted and, as Python does, retried.)"""

    def __init__(self, seconds: float):
        self.seconds = seconds
        # (a limit past any batch's length, infinity too, is none: setitimer takes no such value)
        self.usable = (0 < seconds < NO_LIMIT and hasattr(signal, "setitimer")
                       and threading.current_thread() is threading.main_thread()
                       and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None))
        self.running: _Attempt | None = None  # whose step runs now, and since when
        self.begun = 0.0

    def __enter__(self) -> "_Deadlines":
        if self.usable:
            self._previous = signal.signal(signal.SIGALRM, self._tick)
            signal.setitimer(signal.ITIMER_REAL, self.seconds / 4, self.seconds / 4)
        return self

    def __exit__(self, *exception) -> None:
        if self.usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)

    def _tick(self, signum, frame) -> None:
        running = self.running
        if running is not None and time.perf_counter() - self.begun >= running.left:
            raise ArticleTooSlow(f"over {self.seconds:g} s")


NO_LIMIT = 1e8  # seconds (three years)


class _Attempt:
    """Reading one article's figures over several steps: the seconds left of its deadline, and the line that
    says why it failed, once it has."""

    def __init__(self, article: Article, seconds: float, deadlines: _Deadlines):
        self.article, self.seconds, self.left, self.deadlines = article, seconds, seconds, deadlines
        self.errors: list[str] = []

    def run(self, step: Callable, *arguments):
        """step(*arguments) within what is left of the deadline; None once the article has failed."""
        if self.errors:
            return None
        if self.deadlines.usable and self.left <= 0:  # its step before ended past the deadline
            self._failed(f"reading its figures took over {self.seconds:g} s")
            return None
        begun = time.perf_counter()
        try:
            try:
                self.deadlines.begun = begun
                self.deadlines.running = self  # (after: a tick asks how long it has run)
                return step(*arguments)
            finally:  # a tick that comes before this is caught below; one after, finds no step running
                self.deadlines.running = None
        except ArticleTooSlow:
            self._failed(f"reading its figures took over {self.seconds:g} s")
        except TimeoutError:  # a pattern's own timeout: text built to make it backtrack
            self._failed("its text made the number patterns time out")
        except Exception as error:  # noqa: BLE001 - a bug met on one article must not end the batch
            self._failed(f"internal error while reading its figures ({type(error).__name__}: "
                         f"{printable(str(error))}); please report it with this article")
        finally:
            self.left -= time.perf_counter() - begun
        return None

    def _failed(self, why: str) -> None:
        self.errors.append(f"{_where(self.article)}: skipped: {why}")


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
          stdin: TextIO | None = None, limits: Limits = Limits(), ledger: Path | None = None, workers: int = 1,
          quiet: bool = True, timings: dict[str, float] | None = None) -> Result:
    """Figures, stories, findings and groups for the articles at `paths`; with `ledger` (a SQLite file),
    compared with every stored figure of the same stories too, and stored.

    Articles stream through extraction (in `workers` processes) and only their figures and a sketch
    of each go on: the result's articles carry no text, except with a ledger, which stores it. Given
    `timings`, the seconds each step took go in it ("reading and extracting", "comparing").
    """
    rules = rules or load_rules(list(rule_dirs))
    digester = Digester(rules, limits, keep_text=ledger is not None, sketch=True)
    timings = {} if timings is None else timings
    with timed(timings, "reading and extracting"):
        extracted, sketches = _collected(digested(paths, digester, stdin, workers, quiet))
    gazetteer = digester.extractor.gazetteer if extracted.articles else None
    with stage(f"comparing {len(extracted.claims):,} figures of {len(extracted.articles):,} articles", quiet=quiet), \
            timed(timings, "comparing"):
        return compare(extracted, rules, gazetteer, ledger, sketches=sketches, handed_over=True, workers=workers)


@contextlib.contextmanager
def timed(timings: dict[str, float], step: str) -> Iterator[None]:
    """Adds the seconds (wall clock) the block takes to timings[step]."""
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[step] = timings.get(step, 0.0) + time.perf_counter() - start
