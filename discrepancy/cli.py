"""The command line: parses, calls the library, writes outputs and sets the exit status.

Exit status: 0 nothing at or above --fail-on was found; 1 something was; 2 a usage, rule or
configuration error, no article could be read, or an internal error (never 1: CI would read
a crash as findings).
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import itertools
import os
import sys
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from tabulate import multiline_formats, tabulate, tabulate_formats

from . import api
from .baseline import Review, baseline_entries, only_quantities, read_baseline, set_aside, write_baseline
from .config import FAIL_ON, FINDING_FORMATS, Settings, check_quantities, describe, resolve, with_tolerance
from .errors import DiscrepancyError
from .formats import (claims_csv_parts, claims_json_parts, claims_jsonl_lines, findings_csv_parts, json_parts,
                      review_section, summary_parts)
from .github import annotation_lines, append_step_summary
from .junit import junit_parts
from .ledger import Ledger
from .models import Result
from .output import write_atomic
from .pool import default_workers, stage
from .report import markdown_parts
from .rules import RuleSet, load_rules
from .sarif import sarif_parts

# format -> the claims' text, in parts as it is written
CLAIM_FORMATS = {"jsonl": claims_jsonl_lines, "csv": claims_csv_parts, "json": claims_json_parts}
# format -> text (whole, or in parts as it is written), from the reviewed result, what was set aside and
# the Markdown report (its parts, end to end).
FINDING_OUTPUTS = {
    "summary": lambda result, review, markdown: summary_parts(result),
    "markdown": lambda result, review, markdown: markdown,
    "json": lambda result, review, markdown: json_parts(result, review),
    "sarif": lambda result, review, markdown: sarif_parts(result, review),
    "github": lambda result, review, markdown: annotation_lines(result, review),
    "csv": lambda result, review, markdown: findings_csv_parts(result),
    "junit": lambda result, review, markdown: junit_parts(result, review),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="discrepancy", description="Find figures that disagree across news articles.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="compare the figures of a batch of articles and write a report",
                                description="Compare the figures of a batch of articles, write the Markdown "
                                            "report and print what --format asks for.")
    _add_inputs(check)
    _add_check_options(check)
    check.add_argument("--timings", action="store_true",
                       help="say on standard error how long each step took and the peak memory of the main process")
    check.add_argument("--write-baseline", type=Path, metavar="FILE",
                       help="record the current flagged findings in FILE as reviewed (then exit 0 unless new)")
    _add_config_options(check)
    extract = commands.add_parser("extract", help="print every figure found, without comparing",
                                  description="Print every figure found in the articles, without comparing.")
    _add_inputs(extract)
    extract.add_argument("--format", choices=list(CLAIM_FORMATS), default="jsonl", help="output format")
    _add_config_options(extract)
    _add_tool_commands(commands)
    _add_ledger_command(commands)
    return parser


def _add_ledger_command(commands) -> None:
    ledger = commands.add_parser("ledger", help="inspect and maintain the claims ledger: stats, export, forget",
                                 description="Inspect and maintain the claims ledger that `check --ledger` keeps.")
    actions = ledger.add_subparsers(dest="action", required=True)
    stats = actions.add_parser("stats", help="count the stored articles, figures, stories and batches",
                               description="Count the stored articles, figures, stories and batches.")
    export = actions.add_parser("export", help="print every stored figure", description="Print every stored figure.")
    export.add_argument("--format", choices=list(CLAIM_FORMATS), default="jsonl", help="output format")
    forget = actions.add_parser("forget", help="remove an article and its figures from the ledger",
                                description="Remove an article and its figures from the ledger.")
    forget.add_argument("article", help="the article's id, as `ledger export` shows it")
    for action in (stats, export, forget):
        action.add_argument("--ledger", type=Path, metavar="PATH",
                            help="the ledger file (default: `ledger` in the configuration)")
        _add_config_options(action)


def _add_check_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--report", type=Path, help="where the Markdown report goes (default reports/<input name>.md)")
    parser.add_argument("--format", choices=FINDING_FORMATS, default=None,
                        help="what to print on standard output (default: summary, one line per flagged finding)")
    parser.add_argument("--output", dest="outputs", metavar="FORMAT=PATH", type=_output, action="append",
                        help="also write FORMAT (" + ", ".join(FINDING_FORMATS) + ") to PATH (may repeat)")
    parser.add_argument("--fail-on", choices=list(FAIL_ON), default=None,
                        help="exit 1 when a finding at this level is found: conflict (default); review adds "
                             "different_scope and revision; never")
    parser.add_argument("--select", type=_names, action="extend", metavar="QUANTITY[,...]",
                        help="check only these quantities (may repeat)")
    parser.add_argument("--ignore", type=_names, action="extend", metavar="QUANTITY[,...]",
                        help="do not check these quantities (may repeat)")
    parser.add_argument("--tolerance", type=_tolerance, action="append", metavar="QUANTITY=SHARE",
                        help="rounding a figure of QUANTITY may have, as a share: deaths=0.1 (may repeat)")
    parser.add_argument("--baseline", type=Path, metavar="FILE",
                        help="report only flagged findings not recorded in this baseline file")
    _add_ledger_options(parser)


def _add_ledger_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--ledger", type=Path, metavar="PATH",
                       help="the claims ledger (SQLite): compare with every stored figure of the same stories, "
                            "then store this batch")
    group.add_argument("--no-ledger", action="store_true", help="use no ledger, even if the configuration sets one")


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--config", type=Path, metavar="FILE",
                       help="read settings from FILE (default: discrepancy.toml or pyproject.toml's "
                            "[tool.discrepancy], found from the working directory upward)")
    group.add_argument("--no-config", action="store_true", help="read no configuration file")


def _add_tool_commands(commands) -> None:
    config = commands.add_parser("config", help="print the effective configuration and where each value came from",
                                 description="Print the effective configuration as TOML, each value with where "
                                             "it came from: the file, the command line or the default.")
    config.add_argument("--rules", type=Path, action="append", default=[],
                        help="a folder of extra rule files, added to the bundled rules (may repeat)")
    _add_check_options(config)
    _add_config_options(config)
    rules = commands.add_parser("rules", help="list the quantity types with their words and tolerance",
                                description="List the quantity types the rules define, with their trigger "
                                            "words and the rounding each tolerates.")
    rules.add_argument("--rules", type=Path, action="append", default=[],
                       help="a folder of extra rule files, added to the bundled rules (may repeat)")
    rules.add_argument("--fmt", choices=tabulate_formats, default="simple", help="table format (default simple)")
    _add_config_options(rules)
    explain = commands.add_parser("explain", help="show one quantity type: its words, tolerance and examples",
                                  description="Show one quantity type: what it counts, its trigger words, the "
                                              "rounding it tolerates and the examples the tests run.")
    explain.add_argument("quantity", help="the quantity's name, as `discrepancy rules` lists it")
    explain.add_argument("--rules", type=Path, action="append", default=[],
                         help="a folder of extra rule files, added to the bundled rules (may repeat)")
    _add_config_options(explain)


def _output(text: str) -> tuple[str, Path]:
    name, equals, path = text.partition("=")
    if not equals or not path or name not in FINDING_FORMATS:
        raise argparse.ArgumentTypeError(f"expected FORMAT=PATH with FORMAT one of {', '.join(FINDING_FORMATS)}, "
                                         f"not {text!r}")
    return name, Path(path)


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


def _tolerance(text: str) -> tuple[str, float]:
    name, equals, share = text.partition("=")
    try:
        value = float(share)
    except ValueError:
        value = -1.0
    if not equals or not name.strip() or not 0 <= value < 1:
        raise argparse.ArgumentTypeError(f"expected QUANTITY=SHARE with a share between 0 and 1, not {text!r}")
    return name.strip(), value


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", help="article files or folders (.txt, .md, .jsonl); - reads JSON Lines")
    parser.add_argument("--rules", type=Path, action="append", default=[],
                        help="a folder of extra rule files, added to the bundled rules (may repeat)")
    _add_limit_options(parser)
    _add_run_options(parser)


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--workers", type=_positive, default=None, metavar="N",
                        help=f"read the articles' figures in N processes (default: the number of cores, "
                             f"{default_workers()} here); the result is the same with any N")
    parser.add_argument("--quiet", action="store_true",
                        help="no progress bar (one shows on a terminal for a batch that takes over a second)")


def _add_limit_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--max-article-bytes", type=_positive, default=api.Limits.article_bytes, metavar="N",
                        help=f"check at most the first N bytes of an article; the rest is cut and said "
                             f"(default {api.Limits.article_bytes:,})")
    parser.add_argument("--max-figures", type=_positive, default=api.Limits.figures, metavar="N",
                        help=f"check at most the first N figures of an article; the rest are cut and said "
                             f"(default {api.Limits.figures:,})")


def _positive(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def _limits(args: argparse.Namespace) -> api.Limits:
    return api.Limits(article_bytes=args.max_article_bytes, figures=args.max_figures)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command in TOOL_COMMANDS:
            return TOOL_COMMANDS[args.command](args)
        settings = settings_for(args)
        rules = rules_for(settings)
        run = {"workers": args.workers or default_workers(), "quiet": args.quiet}
        if args.command == "extract":
            return _run_extract(args, rules, run)
        timings: dict[str, float] = {}
        result = api.check(args.paths, rules=rules, stdin=sys.stdin, limits=_limits(args), ledger=settings.ledger,
                           timings=timings, **run)
        _print_errors(result.errors)
        if not result.articles:
            print("discrepancy: no article could be read", file=sys.stderr)
            return 2
        status = _run_check(args, result, settings, rules, timings)
        if args.timings:
            print(f"discrepancy: timings: {_timings_text(timings)}", file=sys.stderr)
        return status
    except DiscrepancyError as error:
        print(f"discrepancy: {error}", file=sys.stderr)
        return 2
    except StdoutClosed:  # the files were written before standard output: they are whole
        return _stdout_closed()
    except KeyboardInterrupt:  # every output is renamed into place whole: each is the old file or the new
        print("discrepancy: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a crash must never read as "findings" (exit 1) in CI
        return _crashed(error)


def _crashed(error: Exception) -> int:
    """Exit status 2 for a bug: the traceback for the report, then one line saying what happened."""
    traceback.print_exception(error, file=sys.stderr)
    print(f"discrepancy: internal error: {type(error).__name__}: {error} (please report this)", file=sys.stderr)
    return 2


def _run_extract(args: argparse.Namespace, rules: RuleSet, run: dict) -> int:
    """`extract`: each article's figures written once it is read, in the order of the input, never all held
    (api.extract's result holds a batch's million figures). Nothing is written when no article can be read;
    the lines saying what could not be read come after the figures."""
    digests = api.digested(args.paths, api.Digester(rules, _limits(args), keep_text=False), sys.stdin, **run)
    first = list(_until_checked(digests))
    if not first or not first[-1].checked:
        _print_errors(error for digest in first for error in digest.errors)
        print("discrepancy: no article could be read", file=sys.stderr)
        return 2
    errors: list[str] = []

    def claims_of(digest) -> tuple:
        errors.extend(digest.errors)
        return digest.claims if digest.checked else ()
    claims = itertools.chain.from_iterable(map(claims_of, itertools.chain(first, digests)))
    try:
        _print_lines(CLAIM_FORMATS[args.format](claims))
    finally:
        _print_errors(errors)
    return 0


def _until_checked(digests: Iterator) -> Iterator:
    """The digests up to the first whose figures were read, that one included."""
    for digest in digests:
        yield digest
        if digest.checked:
            return


def _print_errors(errors: Iterable[str]) -> None:
    for error in errors:
        print(f"discrepancy: {error}", file=sys.stderr)


def settings_for(args: argparse.Namespace) -> Settings:
    """The configuration file's settings with this command's flags on top."""
    def given(name: str):
        return getattr(args, name, None) or None
    overrides = {
        "select": tuple(given("select")) if given("select") else None,
        "ignore": tuple(given("ignore")) if given("ignore") else None,
        "rules": tuple(given("rules")) if given("rules") else None,
        "fail_on": given("fail_on"),
        "tolerance": dict(given("tolerance")) if given("tolerance") else None,
        "format": given("format") if args.command in ("check", "config") else None,
        "outputs": dict(given("outputs")) if given("outputs") else None,
        "report": given("report"),
        "baseline": given("baseline"),
        "ledger": given("ledger"),
    }
    settings = resolve(Path.cwd(), overrides, config=given("config"), use_files=not given("no_config"))
    if given("no_ledger"):
        settings = dataclasses.replace(settings, ledger=None, origins=settings.origins | {"ledger": "command line"})
    return settings


def rules_for(settings: Settings) -> RuleSet:
    """The bundled rules, the configured rule folders and the tolerance overrides; names checked."""
    rules = load_rules(list(settings.rules))
    check_quantities(settings, rules)
    return with_tolerance(rules, settings.tolerance)


def _timings_text(timings: dict[str, float]) -> str:
    """"reading and extracting 27.6 s, comparing 22.6 s, ...; peak memory of this process 615 MB"."""
    import resource  # POSIX; --timings is a benchmark's option
    steps = ", ".join(f"{step} {seconds:.1f} s" for step, seconds in timings.items())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    return f"{steps}; peak memory of this process {peak:,.0f} MB"


def _run_check(args: argparse.Namespace, result: Result, settings: Settings, rules: RuleSet,
               timings: dict[str, float]) -> int:
    name = report_name(args.paths)
    report_path = settings.report or Path("reports") / f"{name}.md"
    reviewed, review = _review(args, result, settings)
    for note in review.notes():
        print(f"discrepancy: {note}", file=sys.stderr)
    section = review_section(review)
    with stage(f"writing the report, {report_path}", quiet=args.quiet), api.timed(timings, "report and charts"):
        drawing = _draw_charts(reviewed, report_path, rules, args.workers or default_workers())
        # The report is made while the charts are drawn: it needs only their names.
        markdown = markdown_parts(reviewed, title=f"Discrepancy report: {name}", charts=drawing.links) + \
            (["\n", section] if section else [])
    with api.timed(timings, "writing and printing"):
        _write_outputs(reviewed, review, settings, report_path, markdown, drawing)
    if settings.format == "summary":
        print(_tally(reviewed, report_path, review), file=sys.stderr)
    failing = FAIL_ON[settings.fail_on]
    return 1 if any(verdict in failing for verdict in reviewed.findings.verdicts()) else 0


def _write_outputs(reviewed: Result, review: Review, settings: Settings, report_path: Path,
                   markdown: list[str], drawing) -> None:
    """The report (`markdown`, in parts end to end), each --output file, the charts (`drawing`, a ChartDrawing)
    and the GitHub step summary written; the --format printed."""
    write_atomic(report_path, markdown)
    for fmt, path in settings.outputs.items():
        write_atomic(path, FINDING_OUTPUTS[fmt](reviewed, review, markdown))
    # Waited for only now: the charts' workers draw on the second core while this one writes (at 10,000
    # articles, a hundred charts took 7 s, the JSON and CSV outputs 11 s more, each on its own).
    drawing.write()
    summary_note = append_step_summary(markdown, report_path)
    if summary_note:
        print(f"discrepancy: GITHUB_STEP_SUMMARY: {summary_note}", file=sys.stderr)
    # A format also written to a file is printed from that file, not made a second time.
    written = next((path for fmt, path in settings.outputs.items() if fmt == settings.format), None)
    if written:
        with open(written, encoding="utf-8", newline="") as stream:
            _print_lines(iter(lambda: stream.read(1 << 20), ""))
    else:
        _print_lines(FINDING_OUTPUTS[settings.format](reviewed, review, markdown))


class StdoutClosed(Exception):
    """Standard output's reader stopped reading (`discrepancy check | head`): the rest has nowhere to go."""


def _print_lines(text: str | Iterable[str]) -> None:
    """Writes an output's text (whole or in parts) to standard output, ending it with a newline."""
    last = ""
    try:
        for part in [text] if isinstance(text, str) else text:
            sys.stdout.write(part)
            last = part or last
        if last and not last.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError as error:
        raise StdoutClosed from error


def _stdout_closed() -> int:
    """Exit status 141, as a shell reports a command a closed pipe stopped (128 + SIGPIPE), with no traceback:
    standard output points at /dev/null so that the interpreter's last flush at exit finds nothing to fail."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 141


def _draw_charts(result: Result, report_path: Path, rules: RuleSet, workers: int):
    """Each flagged group's chart, being drawn for reports/<name>/ beside reports/<name>.md (a ChartDrawing)."""
    from .charts import ChartDrawing, chart_folder  # matplotlib takes 0.4 s to import: only `check` pays
    return ChartDrawing(result, chart_folder(report_path), {q.name: q.rounding for q in rules.quantities}, workers)


def _review(args: argparse.Namespace, result: Result, settings: Settings) -> tuple[Result, Review]:
    """The findings left once quantities not checked, suppressed ones and baselined ones are set aside."""
    kept = only_quantities(result, settings.keeps)
    suppressions = list(kept.suppressions)  # found while each article's text was at hand
    if args.write_baseline:
        unsuppressed, _ = set_aside(kept, suppressions)
        entries = baseline_entries(unsuppressed.findings, {claim.id: claim for claim in kept.claims})
        write_baseline(args.write_baseline, entries)
        print(f"discrepancy: wrote {len(entries)} flagged findings to {args.write_baseline}", file=sys.stderr)
        return set_aside(kept, suppressions, entries, args.write_baseline)
    baseline = read_baseline(settings.baseline) if settings.baseline else None
    return set_aside(kept, suppressions, baseline, settings.baseline)


# --- config, rules, explain --------------------------------------------------------------------

def _show_config(args: argparse.Namespace) -> int:
    settings = settings_for(args)
    rules_for(settings)  # a quantity the rules lack is an error here too
    sys.stdout.write(describe(settings, Path.cwd()))
    return 0


def _list_rules(args: argparse.Namespace) -> int:
    settings = settings_for(args)
    rules = rules_for(settings)
    rows = [[q.name, q.description, _tolerance_text(q.rounding, q.name in settings.tolerance),
             "yes" if q.cumulative else "no", q.priority, ", ".join(q.words)]
            for q in sorted(rules.quantities, key=lambda q: q.name)]
    widths = [None, 28, None, None, None, 60] if args.fmt in multiline_formats else None
    print(tabulate(rows, headers=["quantity", "description", "tolerance", "cumulative", "priority", "words"],
                   tablefmt=args.fmt, maxcolwidths=widths, disable_numparse=True))
    return 0


def _explain(args: argparse.Namespace) -> int:
    settings = settings_for(args)
    rules = rules_for(settings)
    quantity = rules.quantity(args.quantity)
    if quantity is None:
        known = ", ".join(sorted(q.name for q in rules.quantities))
        raise DiscrepancyError(f"unknown quantity '{args.quantity}'; known: {known}")
    sys.stdout.write(explanation(quantity, quantity.name in settings.tolerance))
    return 0


def explanation(quantity, configured: bool = False) -> str:
    """One quantity type in words: what it counts, how it is compared, its words and examples."""
    cumulative = ("yes: a toll that only grows; a higher count in a later article is an update, a lower one "
                  "a revision" if quantity.cumulative else "no: figures are compared whatever their dates")
    lines = [
        f"{quantity.name}: {quantity.description}",
        f"rule file: {quantity.path}",
        f"tolerance: {_tolerance_text(quantity.rounding, configured)}: a round figure stated exactly may be off "
        f"by half its last significant place, at most this share of it",
        f"cumulative: {cumulative}",
        f"priority: {quantity.priority} (the higher wins when words of two quantities are near a figure)",
        f"words: {', '.join(quantity.words)}",
        "examples:",
        *(f"  {example['text']!r}" + (f" -> {example['value']}" if "value" in example else "")
          for example in quantity.examples),
    ]
    if quantity.counter_examples:
        lines += ["not this quantity:", *(f"  {text!r}" for text in quantity.counter_examples)]
    return "\n".join(lines) + "\n"


def _tolerance_text(rounding: float, configured: bool) -> str:
    return f"{rounding * 100:g}%" + (" (configured)" if configured else "")


# --- ledger ------------------------------------------------------------------------------------

def _ledger(args: argparse.Namespace) -> int:
    path = settings_for(args).ledger
    if path is None:
        raise DiscrepancyError("no ledger: give --ledger PATH or set `ledger` in the configuration")
    if not path.is_file():
        raise DiscrepancyError(f"{path}: no ledger there yet (`discrepancy check --ledger {path} ...` starts one)")
    with Ledger(path) as ledger:
        if args.action == "stats":
            print("\n".join(f"{key}: {'none' if value is None else value}" for key, value in ledger.stats().items()))
        elif args.action == "export":
            _print_lines(CLAIM_FORMATS[args.format](ledger.claims()))
        elif not ledger.forget(args.article):
            raise DiscrepancyError(f"{path}: no article '{args.article}' in the ledger")
        else:
            print(f"discrepancy: forgot article {args.article} and its figures", file=sys.stderr)
    return 0


TOOL_COMMANDS = {"config": _show_config, "rules": _list_rules, "explain": _explain, "ledger": _ledger}


def report_name(paths: list[str]) -> str:
    """The report is named after the (first) input folder or file: seeds/ -> seeds."""
    first = paths[0]
    return "stdin" if first == "-" else (Path(first).resolve().stem or "report")


def _tally(result: Result, report_path: Path, review: Review | None = None) -> str:
    counts = Counter(result.findings.verdicts())
    verdicts = ", ".join(f"{n} {v}" for v, n in sorted(counts.items())) or "no findings"
    aside = ""
    if review and (review.suppressed or review.baselined):
        aside = f"; set aside: {len(review.suppressed)} suppressed, {len(review.baselined)} in the baseline"
    stored = f" (of them {len(result.stored)} from the ledger)" if result.stored else ""
    return f"{len(result.articles)} articles{stored}, {len(result.claims)} figures, {verdicts}{aside}; " \
           f"report: {report_path}"


if __name__ == "__main__":
    sys.exit(main())
