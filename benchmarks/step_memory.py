"""Where `discrepancy check` holds its memory: each step's seconds, resident memory before and after, and its own peak.

    python benchmarks/step_memory.py CORPUS [check options...]
    python benchmarks/step_memory.py /tmp/discrepancy-scale/corpus-100000-300.jsonl --workers 2 --no-ledger

Runs `check` in this process (Linux only: it reads /proc/self/status), with each step of the main process
wrapped: before a step the kernel's high-water mark of resident memory is reset (/proc/self/clear_refs), so
the peak printed after it is that step's own. The steps run one after another, none inside another, so no
reset hides another step's peak. Standard output (the findings) is thrown away; the report goes where
--report says (by default a temporary file). Memory is in MiB.
"""
from __future__ import annotations

import contextlib
import functools
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from discrepancy import api, batch, cli  # noqa: E402

# (module, function): the main process's steps, in the order they run
STEPS = [(api, "_collected"), (batch, "group_stories"), (batch, "mark_copies"), (batch, "reconcile"),
         (cli, "_review"), (cli, "_draw_charts"), (cli, "markdown_parts"), (cli, "_write_outputs")]


def resident() -> dict[str, int]:
    """The process's resident memory now (VmRSS) and its high-water mark (VmHWM), in MiB."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            found[name] = int(value.split()[0]) // 1024
    return found


def measured(module, name: str) -> None:
    """Replaces module.name with a wrapper that prints the step's figures on standard error."""
    step = getattr(module, name)

    @functools.wraps(step)
    def wrapper(*args, **kwargs):
        before = resident()["VmRSS"]
        Path("/proc/self/clear_refs").write_text("5")   # the high-water mark starts again from here
        start = time.perf_counter()
        try:
            return step(*args, **kwargs)
        finally:
            after = resident()
            print(f"step_memory: {name}: {time.perf_counter() - start:.1f} s, resident {before:,} -> "
                  f"{after['VmRSS']:,} MiB, peak {after['VmHWM']:,} MiB", file=sys.stderr, flush=True)
    setattr(module, name, wrapper)


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        return 0
    for module, name in STEPS:
        measured(module, name)
    arguments = sys.argv[1:]
    with contextlib.ExitStack() as stack:
        if "--report" not in arguments:
            folder = stack.enter_context(tempfile.TemporaryDirectory())
            arguments += ["--report", os.path.join(folder, "report.md")]
        stdout = stack.enter_context(open(os.devnull, "w"))
        stack.enter_context(contextlib.redirect_stdout(stdout))
        return cli.main(["check", *arguments, "--no-config", "--fail-on", "never", "--timings", "--quiet"])


if __name__ == "__main__":  # the worker processes (forkserver) import this module without running it
    sys.exit(main())
