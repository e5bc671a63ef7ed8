"""The command line: parses, calls the library, writes outputs and sets the exit status.

Exit status: 0 nothing at or above --fail-on was found; 1 something was; 2 a usage or
rule error, or no article could be read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import api
from .errors import DiscrepancyError
from .formats import claims_csv, claims_json, claims_jsonl, json_document, summary_lines
from .models import Result
from .output import write_atomic
from .report import render_markdown
from .rules import load_rules

FAIL_ON = {"conflict": {"conflict"}, "review": {"conflict", "different_scope", "revision"}, "never": set()}
CLAIM_FORMATS = {"jsonl": claims_jsonl, "csv": claims_csv, "json": claims_json}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="discrepancy", description="Find figures that disagree across news articles.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="compare the figures of a batch of articles and write a report")
    _add_inputs(check)
    check.add_argument("--report", type=Path, help="where the Markdown report goes (default reports/<input name>.md)")
    check.add_argument("--format", choices=["summary", "markdown", "json"], default="summary",
                       help="what to print on standard output (default: one line per flagged finding)")
    check.add_argument("--fail-on", choices=list(FAIL_ON), default="conflict",
                       help="exit 1 when a finding at this level is found: conflict; review adds different_scope "
                            "and revision; never")
    extract = commands.add_parser("extract", help="print every figure found, without comparing")
    _add_inputs(extract)
    extract.add_argument("--format", choices=list(CLAIM_FORMATS), default="jsonl", help="output format")
    return parser


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", help="article files or folders (.txt, .md, .jsonl); - reads JSON Lines")
    parser.add_argument("--rules", type=Path, action="append", default=[],
                        help="a folder of extra rule files, added to the bundled rules (may repeat)")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        rules = load_rules(args.rules)
        result = api.extract(args.paths, rules=rules, stdin=sys.stdin) if args.command == "extract" \
            else api.check(args.paths, rules=rules, stdin=sys.stdin)
        for error in result.errors:
            print(f"discrepancy: {error}", file=sys.stderr)
        if not result.articles:
            print("discrepancy: no article could be read", file=sys.stderr)
            return 2
        return _run_extract(args, result) if args.command == "extract" else _run_check(args, result)
    except DiscrepancyError as error:
        print(f"discrepancy: {error}", file=sys.stderr)
        return 2


def _run_extract(args: argparse.Namespace, result: Result) -> int:
    sys.stdout.write(CLAIM_FORMATS[args.format](result.claims))
    return 0


def _run_check(args: argparse.Namespace, result: Result) -> int:
    name = report_name(args.paths)
    report_path = args.report or Path("reports") / f"{name}.md"
    markdown = render_markdown(result, title=f"Discrepancy report: {name}")
    write_atomic(report_path, markdown)
    printed = {"summary": lambda: summary_lines(result), "markdown": lambda: markdown,
               "json": lambda: json_document(result)}[args.format]()
    sys.stdout.write(printed if printed.endswith("\n") or not printed else printed + "\n")
    if args.format == "summary":
        print(_tally(result, report_path), file=sys.stderr)
    failing = FAIL_ON[args.fail_on]
    return 1 if any(f.verdict in failing for f in result.findings) else 0


def report_name(paths: list[str]) -> str:
    """The report is named after the (first) input folder or file: seeds/ -> seeds."""
    first = paths[0]
    return "stdin" if first == "-" else (Path(first).resolve().stem or "report")


def _tally(result: Result, report_path: Path) -> str:
    counts: dict[str, int] = {}
    for finding in result.findings:
        counts[finding.verdict] = counts.get(finding.verdict, 0) + 1
    verdicts = ", ".join(f"{n} {v}" for v, n in sorted(counts.items())) or "no findings"
    return f"{len(result.articles)} articles, {len(result.claims)} figures, {verdicts}; report: {report_path}"


if __name__ == "__main__":
    sys.exit(main())
