"""Fuzzing pass: Hypothesis at scale on every step that reads untrusted input.

    .venv/bin/python benchmarks/fuzz.py [--examples 5000] [--seed 0] [--only NAME] [--slow 2] [--skip-known]

Each target runs its examples and prints either "ok" or the smallest failing input Hypothesis
found (an exception, a broken property, or an input slower than --slow seconds). The extractor
target is steered towards slow inputs with hypothesis.target(), so pathological text is searched
for, not only stumbled on; --slow 0 looks for crashes and broken properties only, and --skip-known
leaves out the inputs of bugs already found so that a run can look for others.

What the runs for issue 5 found is kept in tests/test_hostile.py: digits newer than Python's Unicode
data (float() raised ValueError), a run of over 308 digits (an infinite figure with a NaN bound),
many figures in one sentence and glued dates (quadratic), and "A" + "million" * 10 + "(" (exponential
backtracking under full case folding); in this script, file names with NUL bytes.
"""
from __future__ import annotations

import argparse
import io
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import regex
from hypothesis import HealthCheck, Phase, given, seed, settings, strategies as st, target

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from discrepancy import api  # noqa: E402
from discrepancy.articles import build_article, compile_furniture, read_articles  # noqa: E402
from discrepancy.decoding import NotText, decode_bytes  # noqa: E402
from discrepancy.extractor import Extractor  # noqa: E402
from discrepancy.formats import json_document  # noqa: E402
from discrepancy.models import Article, Result  # noqa: E402
from discrepancy.report import render_markdown  # noqa: E402
from discrepancy.rules import load_rules  # noqa: E402
from tests.test_properties import PIECES  # noqa: E402

RULES = load_rules()
EXTRACTOR = Extractor(RULES)
FURNITURE = compile_furniture(RULES.furniture)

# Longer texts than the unit tests use: runs of one piece are how backtracking is tripped.
runs = st.tuples(st.sampled_from(PIECES), st.integers(1, 400)).map(lambda pair: pair[0] * pair[1])
texts = st.lists(st.one_of(st.sampled_from(PIECES), runs, st.text(max_size=20)), max_size=60).map("".join)


def fuzz_extractor(slow: float, skip_known: bool):
    @given(texts)
    def run(text):
        if skip_known:
            text = _without_known_crashes(text)
        article = build_article("f", "f.txt", text, FURNITURE)
        started = time.perf_counter()
        claims = EXTRACTOR.extract(article)
        elapsed = time.perf_counter() - started
        if slow:
            target(elapsed / (1 + len(text) / 1000), label="seconds per kilo-character")
            assert elapsed < slow, f"{elapsed:.2f} s on {len(text):,} characters"
        for claim in claims:
            assert claim.text == article.text[claim.start:claim.end], claim
            assert claim.low is None or claim.high is None or claim.low <= claim.high, claim
    return run


def _without_known_crashes(text: str) -> str:
    """`text` less the inputs of bugs already found: digits float() cannot read, runs too long for a float."""
    text = "".join(character for character in text if not _unreadable_digit(character))
    return regex.sub(r"\d{300,}", lambda run: run.group()[:300], text)


def _unreadable_digit(character: str) -> bool:
    if not regex.match(r"\d", character, regex.V1):
        return False
    try:
        float(character)
    except ValueError:
        return True
    return False


def fuzz_decoding(slow: float, skip_known: bool):
    @given(st.binary(max_size=2000), st.booleans())
    def run(data, complete):
        try:
            text, _ = decode_bytes(data, complete)
        except NotText:
            return
        assert isinstance(text, str)
    return run


def fuzz_files(slow: float, skip_known: bool):
    @given(st.binary(max_size=600), st.sampled_from([".txt", ".md", ".jsonl"]))
    def run(data, suffix):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder, "f" + suffix)
            path.write_bytes(data)
            for item in read_articles([str(path)], RULES, max_article_bytes=256):
                assert "\n" not in str(item) or isinstance(item, Article)
    return run


def fuzz_jsonl(slow: float, skip_known: bool):
    values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30), texts)
    records = st.dictionaries(st.sampled_from(["id", "text", "title", "published", "source", "url", "x"]), values)
    lines = st.one_of(records.map(json.dumps), st.text(max_size=60),
                      st.lists(st.just("["), max_size=3000).map("".join))

    @given(st.lists(lines, max_size=8))
    def run(lines):
        stdin = io.StringIO("\n".join(lines))
        for item in read_articles(["-"], RULES, stdin=stdin, max_article_bytes=512):
            assert "\n" not in str(item) or isinstance(item, Article)
    return run


def fuzz_outputs(slow: float, skip_known: bool):
    @given(texts, texts, st.text(max_size=30))
    def run(first, second, name):
        if skip_known:
            first, second = _without_known_crashes(first), _without_known_crashes(second)
        articles = [Article(id=f"{name}{n}", path=f"{name}{n}.md", text=text, title=name or None)
                    for n, text in enumerate((first, second))]
        with tempfile.TemporaryDirectory() as folder:
            for number, article in enumerate(articles):
                Path(folder, f"{number}.md").write_text(article.text, encoding="utf-8", errors="surrogatepass")
            result = api.check([folder], rules=RULES)
        json.loads(json_document(result))
        report = render_markdown(result, title=name)
        report.encode("utf-8")
        assert "<script" not in report.lower()
        for table in re.findall(r"(?:^\|.*\n)+", report, re.M):
            widths = {re.sub(r"\\.", "", row).count("|") for row in table.splitlines()}
            assert len(widths) == 1, table
        json.loads(json_document(Result(articles=tuple(articles), claims=result.claims, findings=())))
    return run


TARGETS = {"extractor": fuzz_extractor, "decoding": fuzz_decoding, "files": fuzz_files, "jsonl": fuzz_jsonl,
           "outputs": fuzz_outputs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--slow", type=float, default=2.0, help="seconds an extraction may take (0: no limit)")
    parser.add_argument("--skip-known", action="store_true", help="leave out inputs of the known crashes")
    parser.add_argument("--only", choices=list(TARGETS), action="append")
    args = parser.parse_args()
    failed = 0
    for name in args.only or TARGETS:
        test = settings(max_examples=args.examples, deadline=None, database=None, derandomize=False,
                        phases=[Phase.generate, Phase.target, Phase.shrink],
                        suppress_health_check=list(HealthCheck))(seed(args.seed)(TARGETS[name](args.slow, args.skip_known)))
        started = time.perf_counter()
        try:
            test()
        except BaseException as error:  # noqa: BLE001 - a fuzzer reports whatever it found
            if isinstance(error, KeyboardInterrupt):
                raise
            failed += 1
            notes = "\n".join(getattr(error, "__notes__", []))  # Hypothesis puts the falsifying example here
            print(f"{name}: FAILED after {time.perf_counter() - started:.0f} s:\n{error!r}\n{notes}\n", flush=True)
        else:
            print(f"{name}: ok, {args.examples} examples in {time.perf_counter() - started:.0f} s", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
