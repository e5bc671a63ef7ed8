"""Runs a function over a stream of items in worker processes, in order and a few chunks at a time.

Articles -> claims is a pure function of one article (and the rules it was built with), so the
batch is cut into chunks that worker processes read while the main process takes the results in
the order the articles came. At most `workers * AHEAD` chunks are out at once: a batch of any size
is never held whole, and a stalled consumer stops the reading.
"""
from __future__ import annotations

import contextlib
import gc
import itertools
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TextIO, TypeVar

Item = TypeVar("Item")
Out = TypeVar("Out")

CHUNK = 32   # items sent to a worker at once: enough to pay for the trip, few enough to keep both cores busy
AHEAD = 4    # chunks out per worker: the next one is ready when a worker finishes
PROGRESS_DELAY = 1.0  # seconds before a bar shows: a short batch shows none
_FUNCTION: Callable | None = None  # each worker's copy, set once when the worker starts
_WHOLE_CHUNKS = False  # whether _FUNCTION takes a whole chunk (ordered_chunks) rather than one item


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def ordered_map(function: Callable[[Item], Out], items: Iterable[Item], workers: int = 1,
                chunk: int = CHUNK, fresh: bool = False) -> Iterator[Out]:
    """function(item) for each item, in the items' order; with workers > 1 in that many processes.

    `function` must be picklable (a module-level function or an object of a module-level class);
    it is sent to each worker once. With `fresh`, the workers start from a small server process with
    only `function`'s module imported, not as copies of this one: work done at the end of a large run
    would otherwise begin in copies of a process holding the whole batch.
    """
    if workers <= 1:
        yield from map(function, items)
        return
    yield from _ordered(function, items, workers, chunk, fresh, whole_chunks=False)


def ordered_chunks(function: Callable[[list[Item]], list[Out]], items: Iterable[Item], workers: int = 1,
                   chunk: int = CHUNK) -> Iterator[Out]:
    """The results of each item, in the items' order, where `function` takes a chunk of items and returns their
    results in order (it may run each of its steps over the whole chunk); with workers > 1 in that many
    processes, as ordered_map."""
    if workers <= 1:
        for part in _chunks(items, chunk):
            yield from function(part)
        return
    yield from _ordered(function, items, workers, chunk, fresh=False, whole_chunks=True)


def _ordered(function: Callable, items: Iterable, workers: int, chunk: int, fresh: bool,
             whole_chunks: bool) -> Iterator:
    context = _context(function, fresh)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_install, initargs=(function, whole_chunks))
    try:
        pending: deque = deque()
        for part in _chunks(items, chunk):
            pending.append(pool.submit(_run, part))
            if len(pending) >= workers * AHEAD:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _context(function: Callable, fresh: bool):
    methods = multiprocessing.get_all_start_methods()
    if fresh and "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([function.__module__])  # imported once, in the server
        return context
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while part := list(itertools.islice(iterator, size)):
        yield part


def _install(function: Callable, whole_chunks: bool) -> None:
    global _FUNCTION, _WHOLE_CHUNKS
    _FUNCTION, _WHOLE_CHUNKS = function, whole_chunks
    # What a forked worker inherits is never collected there: a full collection would write to every object's
    # header, and so copy every page it shares with its parent (a large batch's parent holds a gigabyte).
    gc.freeze()
    gc.enable()  # a worker forked while its parent had the collector paused collects as usual


def _run(part: list) -> list:
    return _FUNCTION(part) if _WHOLE_CHUNKS else [_FUNCTION(item) for item in part]


def progress(items: Iterable[Item], stream: TextIO | None = None, quiet: bool = False,
             unit: str = "article") -> Iterator[Item]:
    """The items, with a progress bar on `stream` (standard error) when it is a terminal and not quiet."""
    stream = stream if stream is not None else sys.stderr
    if quiet or not _is_terminal(stream):
        yield from items
        return
    from tqdm import tqdm  # only a terminal needs it
    with tqdm(items, file=stream, unit=f" {unit}s", unit_scale=True, delay=PROGRESS_DELAY, dynamic_ncols=True,
              leave=False) as bar:
        yield from bar


@contextlib.contextmanager
def stage(words: str, stream: TextIO | None = None, quiet: bool = False) -> Iterator[None]:
    """A step with no bar of its own ("comparing 1,024,276 figures"): said on `stream` (standard error) when it
    is a terminal, not quiet, and the step is still running after PROGRESS_DELAY seconds."""
    stream = stream if stream is not None else sys.stderr
    if quiet or not _is_terminal(stream):
        yield
        return
    timer = threading.Timer(PROGRESS_DELAY, lambda: print(f"discrepancy: {words}…", file=stream, flush=True))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or no such method
        return False
