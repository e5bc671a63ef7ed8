"""Speed and scale (issue 6): worker processes, streaming and progress change nothing in the result.

Timings and memory are measured by benchmarks/scale.py, not here.
"""
import gc
import importlib.util
import io
import json
import os
import sys
import time
from pathlib import Path

import pytest

import discrepancy
from discrepancy import pool
from discrepancy.memory import _malloc_trim, return_freed_memory, without_cycle_collection
from discrepancy.cli import main

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"


def corpus_module():
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """150 varied articles (more than a few chunks), a bad line among them, a missing file after."""
    folder = tmp_path_factory.mktemp("batch")
    corpus_module().write_corpus(150, folder / "day.jsonl", seed=3)
    lines = (folder / "day.jsonl").read_text("utf-8").splitlines(keepends=True)
    (folder / "day.jsonl").write_text("".join(lines[:70] + ["{not json\n"] + lines[70:]), "utf-8")
    return [str(folder / "day.jsonl"), str(SEEDS), str(folder / "missing.txt")]


def test_extraction_in_two_processes_gives_the_same_figures_in_the_same_order(batch):
    one = discrepancy.extract(batch, workers=1)
    two = discrepancy.extract(batch, workers=2)
    assert len(one.claims) > 1000
    assert two.claims == one.claims and two.articles == one.articles and two.errors == one.errors
    assert [e.split(":")[0] for e in one.errors][-1].endswith("missing.txt")


def test_a_check_in_two_processes_gives_the_same_result(batch):
    assert discrepancy.check(batch, workers=2) == discrepancy.check(batch, workers=1)


def test_a_checked_batch_keeps_no_article_text_but_its_suppressions(tmp_path):
    (tmp_path / "a.txt").write_text("Quake toll\n\n16 people were killed in Almaty, police said.\n"
                                    "<!-- discrepancy: ignore deaths -- checked with the ministry -->\n", "utf-8")
    result = discrepancy.check([str(tmp_path)], workers=2)
    assert [a.text for a in result.articles] == [""]
    assert [(s.article, s.quantity, s.line) for s in result.suppressions] == [("a", "deaths", 4)]


def test_the_command_line_prints_the_same_figures_with_any_number_of_workers(batch, capsys):
    outputs = []
    for workers in ("1", "2", "3"):
        main(["extract", *batch, "--workers", workers, "--no-config"])
        outputs.append(capsys.readouterr())
    assert outputs[0].out and outputs[0] == outputs[1] == outputs[2]


def test_ordered_map_keeps_the_order_with_many_chunks_out():
    items = list(range(1000))
    assert list(pool.ordered_map(abs, (-i for i in items), workers=2, chunk=7)) == items


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("stream, quiet, shown", [(Terminal(), False, True), (Terminal(), True, False),
                                                  (io.StringIO(), False, False)])
def test_progress_shows_on_a_terminal_unless_quiet(monkeypatch, stream, quiet, shown):
    monkeypatch.setattr(pool, "PROGRESS_DELAY", 0)
    assert list(pool.progress(range(300), stream=stream, quiet=quiet)) == list(range(300))
    assert ("articles" in stream.getvalue()) is shown


@pytest.mark.parametrize("stream, quiet, delay, shown", [(Terminal(), False, 0, True), (Terminal(), True, 0, False),
                                                         (io.StringIO(), False, 0, False), (Terminal(), False, 60, False)])
def test_a_step_without_a_bar_is_said_on_a_terminal_when_it_takes_long(monkeypatch, stream, quiet, delay, shown):
    monkeypatch.setattr(pool, "PROGRESS_DELAY", delay)
    with pool.stage("comparing 12 figures", stream=stream, quiet=quiet):
        time.sleep(0.2)
    assert ("comparing 12 figures" in stream.getvalue()) is shown


@pytest.mark.parametrize("flags, shown", [([], True), (["--quiet"], False)])
def test_the_command_line_shows_progress_on_a_terminal_stderr(monkeypatch, capsys, flags, shown):
    monkeypatch.setattr(pool, "PROGRESS_DELAY", 0)
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["extract", str(SEEDS), "--workers", "1", "--no-config", *flags]) == 0
    assert ("articles" in terminal.getvalue()) is shown
    assert capsys.readouterr().out.startswith("{")


@pytest.mark.parametrize("flags, shown", [([], True), (["--quiet"], False)])
def test_check_says_its_steps_on_a_terminal_stderr(monkeypatch, capsys, tmp_path, flags, shown):
    monkeypatch.setattr(pool, "PROGRESS_DELAY", 0)
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    main(["check", str(SEEDS), "--workers", "1", "--no-config", "--report", str(tmp_path / "r.md"), *flags])
    said = terminal.getvalue()
    assert ("comparing" in said and "writing the report" in said) is shown


@pytest.mark.parametrize("flags, said", [(["--timings"], True), ([], False)])
def test_check_says_how_long_each_step_took_when_asked(capsys, tmp_path, flags, said):
    main(["check", str(SEEDS), "--workers", "1", "--no-config", "--report", str(tmp_path / "r.md"), *flags])
    line = next((line for line in capsys.readouterr().err.splitlines() if "timings:" in line), "")
    steps = ["reading and extracting", "comparing", "report and charts", "writing and printing", "peak memory"]
    assert all(step in line for step in steps) is said


@pytest.mark.parametrize("enabled", [True, False])
def test_compare_leaves_the_cycle_collector_as_it_found_it(enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with without_cycle_collection():
            assert not gc.isenabled()
        assert gc.isenabled() == enabled
        with pytest.raises(ValueError), without_cycle_collection():
            raise ValueError("a failed compare")
        assert gc.isenabled() == enabled
    finally:
        gc.enable() if was else gc.disable()


def collector_enabled(_) -> bool:
    return gc.isenabled()


def test_workers_collect_cycles_though_forked_while_collection_was_paused():
    with without_cycle_collection():
        assert set(pool.ordered_map(collector_enabled, range(8), workers=2, chunk=2)) == {True}


def inherited_objects_frozen(_) -> bool:
    return gc.get_freeze_count() > 0


def test_workers_leave_the_objects_they_inherit_to_their_parent():
    # a collection walking them would copy every page the worker shares with its parent
    assert set(pool.ordered_map(inherited_objects_frozen, range(8), workers=2, chunk=2)) == {True}


def _resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.skipif(not sys.platform.startswith("linux") or _malloc_trim() is None, reason="glibc's malloc_trim")
def test_memory_freed_in_pieces_goes_back_to_the_system():
    blocks = [bytearray(100_000) for _ in range(1_000)]   # each below glibc's threshold for a mapping of its own
    del blocks[::2]                                      # freed between live ones: the C library keeps the holes
    before = _resident_bytes()
    return_freed_memory()
    assert before - _resident_bytes() > 25_000_000       # about 50 MB of holes, most of it in whole pages


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="Linux's /proc: the high-water mark is reset")
def test_the_step_memory_benchmark_prints_every_step_of_a_check(tmp_path):
    import subprocess
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "step_memory.py"), str(SEEDS), "--workers", "1",
                          "--no-ledger", "--report", str(tmp_path / "r.md")], capture_output=True, text=True,
                         timeout=300, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    steps = [line.split(":")[1].strip() for line in run.stderr.splitlines() if line.startswith("step_memory:")]
    assert steps == ["_collected", "group_stories", "mark_copies", "reconcile", "_review", "_draw_charts",
                     "markdown_parts", "_write_outputs"]
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# Discrepancy report")
