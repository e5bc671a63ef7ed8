"""Speed and scale (issue 6): extraction throughput against quantulum3, and `discrepancy check` at 10k to 100k.

    pip install -e '.[bench]'     # quantulum3's classifier extra, to time it as it ships
    python benchmarks/scale.py [--sizes 10000,30000,100000] [--per-day 300] [--workers 2] [--readme] [--no-extraction]

Builds the corpora with benchmarks/corpus.py (an archive of --per-day articles a day; --per-day 0
for its default month of few events), then prints in one run:
- `discrepancy extract` on the smallest corpus in one process: articles/s and MB/s of article text;
- the same for a sample of its articles in this process, and quantulum3's parser on the same
  sample (`parser.parse(text)`), with the ratio between them;
- `discrepancy check --workers N --timings` on every corpus: seconds (and of each step), peak resident memory (the largest
  process's RSS, and all processes' together as their PSS: a worker forked from the main process shares its pages,
  which RSS would count again in each) and the figures and findings it reported.
With --readme the table replaces the one between the scale markers in README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402  benchmarks/corpus.py

DISCREPANCY = [sys.executable, "-m", "discrepancy"]
TALLY = re.compile(r"^(\d+) articles.*?, (\d+) figures, (.*?); report:", re.M)
STEPS = re.compile(r"^discrepancy: timings: (.*?); peak memory", re.M)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,30000,100000", help="corpus sizes for check (comma-separated)")
    parser.add_argument("--per-day", type=int, default=300, help="articles a day in the archive corpora (0: "
                        "corpus.py's default, one month)")
    parser.add_argument("--workers", type=int, default=2, help="--workers for check")
    parser.add_argument("--sample", type=int, default=300, help="articles timed with quantulum3")
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "discrepancy-scale",
                        help="where the corpora and reports go (corpora are kept and reused)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds after which a check is stopped")
    parser.add_argument("--readme", action="store_true", help="write the table into README.md")
    parser.add_argument("--no-extraction", action="store_true", help="only the check rows (the extraction rows "
                        "read the smallest corpus in one process, which takes long when that is 100,000 articles)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    args.dir.mkdir(parents=True, exist_ok=True)
    corpora = {size: build(size, args.per_day, args.dir) for size in sizes}
    lines = [f"Machine: {machine()}", f"Corpus: benchmarks/corpus.py, "
             + (f"an archive of {args.per_day} articles a day" if args.per_day else "its default month"), ""]
    if not args.no_extraction:
        lines += extraction_rows(corpora[min(sizes)], args.sample)
    lines += ["", "| `discrepancy check --workers %d` | articles | MB | seconds | articles/s | peak RSS, largest "
              "process | peak PSS, all processes | figures | findings | steps (s) |" % args.workers,
              "|---|---|---|---|---|---|---|---|---|---|"]
    for size in sizes:
        lines.append(check_row(corpora[size], size, args))
        print(lines[-1], flush=True)
    table = "\n".join(lines)
    print("\n" + table)
    if args.readme:
        write_readme(table, " ".join(["python benchmarks/scale.py", *sys.argv[1:]]))


def build(size: int, per_day: int, folder: Path) -> Path:
    path = folder / f"corpus-{size}-{per_day or 'month'}.jsonl"
    if not path.exists():
        # written aside and renamed once whole: a run cut short leaves no half corpus to be taken for a built one
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        corpus.write_corpus(size, partial, per_day=per_day or None)
        partial.replace(path)
    return path


def texts(path: Path, limit: int | None = None) -> list[str]:
    found = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            found.append(json.loads(line)["text"])
            if limit and len(found) == limit:
                break
    return found


def megabytes(items: list[str]) -> float:
    return sum(len(text.encode("utf-8")) for text in items) / 1e6


def extraction_rows(path: Path, sample: int) -> list[str]:
    """`discrepancy extract` in one process on the corpus; then a sample in this process, and quantulum3."""
    everything = texts(path)
    size = megabytes(everything)
    run = measure([*DISCREPANCY, "extract", str(path), "--workers", "1", "--quiet", "--no-config"], 3600)
    rows = ["| extraction, one process | articles | MB | seconds | articles/s | MB/s |", "|---|---|---|---|---|---|",
            _rate_row("`discrepancy extract` (command, whole corpus)", len(everything), size, run["seconds"])]
    print(rows[-1], flush=True)
    chosen = everything[:sample]
    ours = _in_process_seconds(chosen)
    theirs = _quantulum_seconds(chosen, path.parent)
    mb = megabytes(chosen)
    rows.append(_rate_row(f"discrepancy, first {len(chosen)} articles, in process", len(chosen), mb, ours))
    rows.append(_rate_row(f"quantulum3 `parser.parse`, the same {len(chosen)} articles", len(chosen), mb, theirs))
    rows.append(f"| ratio (discrepancy / quantulum3, same text) | | | | **{theirs / ours:.1f}x** | |")
    print("\n".join(rows[-3:]), flush=True)
    return rows


def _rate_row(name: str, count: int, mb: float, seconds: float) -> str:
    return f"| {name} | {count:,} | {mb:.1f} | {seconds:.1f} | {count / seconds:,.0f} | {mb / seconds:.2f} |"


def _in_process_seconds(chosen: list[str]) -> float:
    """Reading the figures as `discrepancy extract` does: a worker's chunk of articles at a time, a step at a time."""
    from discrepancy.api import Limits, extract_articles
    from discrepancy.extractor import Extractor
    from discrepancy.models import Article
    from discrepancy.pool import CHUNK
    from discrepancy.rules import load_rules
    extractor = Extractor(load_rules())
    articles = [Article(id=str(i), path="-", text=text) for i, text in enumerate(chosen)]
    start = time.perf_counter()
    for first in range(0, len(articles), CHUNK):
        extract_articles(extractor, articles[first:first + CHUNK], Limits())
    return time.perf_counter() - start


def _quantulum_seconds(chosen: list[str], folder: Path) -> float:
    from quantulum3 import parser
    classifier = _quantulum_classifier(folder)
    parser.parse(chosen[0], classifier_path=classifier)  # loads its classifier once, outside the timing
    start = time.perf_counter()
    for text in chosen:
        parser.parse(text, classifier_path=classifier)
    return time.perf_counter() - start


def _quantulum_classifier(folder: Path) -> str | None:
    """quantulum3's own classifier, or one trained here from its shipped training set when the pickled one
    does not load under this scikit-learn (its wheel's pickle names modules newer releases renamed)."""
    from quantulum3 import classifier, parser
    try:
        parser.parse("It weighs 3 pounds.")
        return None
    except (ImportError, AttributeError, ValueError):
        path = folder / "quantulum3-classifier.joblib"
        if not path.exists():
            print("quantulum3: its classifier does not load with this scikit-learn; training it once "
                  f"from its own training set into {path}", file=sys.stderr, flush=True)
            classifier.train_classifier(store=True, output_path=str(path))
        return str(path)


def check_row(path: Path, size: int, args: argparse.Namespace) -> str:
    report = args.dir / f"report-{size}.md"
    run = measure([*DISCREPANCY, "check", str(path), "--workers", str(args.workers), "--quiet", "--no-config",
                   "--fail-on", "never", "--timings", "--report", str(report)], args.timeout)
    mb = path.stat().st_size / 1e6
    if run["status"] is None:
        return (f"| {path.name} | {size:,} | {mb:.0f} | stopped after {args.timeout:.0f} | | "
                f"{run['largest'] / 1e6:,.0f} MB | {run['total'] / 1e6:,.0f} MB | | |")
    tally = TALLY.search(run["stderr"])
    figures, findings = (tally.group(2), tally.group(3)) if tally else ("?", run["stderr"].strip()[-200:])
    return (f"| {path.name} | {size:,} | {mb:.0f} | {run['seconds']:.0f} | {size / run['seconds']:,.0f} | "
            f"{run['largest'] / 1e6:,.0f} MB | {run['total'] / 1e6:,.0f} MB | {int(figures):,} | {findings} | "
            f"{_steps(run['stderr'])} |"
            if figures != "?" else f"| {path.name} | {size:,} | {mb:.0f} | failed: {findings} | | | | | | |")


def _steps(stderr: str) -> str:
    """The seconds of each step, from the line `check --timings` prints: "extracting 27.6, comparing 22.6, ..."."""
    found = STEPS.search(stderr)
    return found.group(1).replace(" s,", ",").removesuffix(" s") if found else "?"


def measure(command: list[str], timeout: float) -> dict:
    """Runs `command`; its wall time, exit status (None if stopped), standard error and peak resident memory:
    of its largest process (RSS) and of all its processes together (PSS, each shared page counted once between its
    sharers), read from /proc every 0.1 s."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        largest = total = 0
        while process.poll() is None:
            tree = _tree(process.pid)
            largest = max(largest, max(map(_rss, tree), default=0))
            total = max(total, sum(map(_pss, tree)))
            if time.perf_counter() - start > timeout:
                process.kill()
                process.wait()
                return {"status": None, "seconds": timeout, "largest": largest, "total": total, "stderr": ""}
            time.sleep(0.1)
        seconds = time.perf_counter() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return {"status": process.returncode, "seconds": seconds, "largest": largest, "total": total, "stderr": stderr}


def _tree(pid: int) -> list[int]:
    """The process and its descendants, those started from any of its threads too (the charts' and the printed
    output's workers are started from threads of their own: /proc lists a child under the thread that made it)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                todo += [int(child) for child in (task / "children").read_text().split()]
            except OSError:
                continue
    return found


def _rss(pid: int) -> int:
    return _kilobytes(f"/proc/{pid}/status", "VmRSS") * 1024


def _pss(pid: int) -> int:
    return _kilobytes(f"/proc/{pid}/smaps_rollup", "Pss") * 1024


def _kilobytes(path: str, field: str) -> int:
    """A "Field:   123 kB" line's number in a /proc file; 0 when the process has gone."""
    try:
        text = Path(path).read_text()
    except OSError:
        return 0
    found = re.search(rf"^{field}:\s+(\d+) kB", text, re.M)
    return int(found.group(1)) if found else 0


def machine() -> str:
    cpu = "unknown CPU"
    try:
        cpu = re.search(r"^model name\s*:\s*(.*)$", Path("/proc/cpuinfo").read_text(), re.M).group(1)
    except (OSError, AttributeError):
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores ({cpu}), {memory:.0f} GiB, {platform.system()} {platform.release()}, " \
           f"Python {platform.python_version()}"


def write_readme(table: str, command: str) -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    begin, end = "<!-- scale:begin -->", "<!-- scale:end -->"
    if begin not in text:
        raise SystemExit("README.md has no scale markers")
    head, rest = text.split(begin, 1)
    readme.write_text(f"{head}{begin}\n`{command}`\n\n{table}\n{end}{rest.split(end, 1)[1]}", encoding="utf-8")


if __name__ == "__main__":
    main()
