"""GitHub Actions: workflow-command annotations, and the report in the job's step summary.

`::error file=F,line=L,col=C,title=T::message` lines become annotations on the pull request.
Conflicts are errors, the verdicts a desk should review (different_scope, revision) warnings.
The runner reads a message up to the line's end and a property up to the next comma, so both
are escaped as the runner's own toolkit does.
"""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from .baseline import Review
from .formats import file_location, has_file_lines
from .models import Result

COMMANDS = {"conflict": "error", "revision": "warning", "different_scope": "warning"}
STEP_SUMMARY_LIMIT = 1024 * 1024  # GitHub refuses a step summary over 1 MiB
DATA_ESCAPES = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
PROPERTY_ESCAPES = DATA_ESCAPES + ((":", "%3A"), (",", "%2C"))


def escape_data(text: str) -> str:
    """A message as the runner reads it back: % first, so the escapes themselves survive."""
    for raw, escaped in DATA_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def escape_property(text: str) -> str:
    """A property value (file, title): also no ':' or ',', which end it."""
    for raw, escaped in PROPERTY_ESCAPES:
        text = text.replace(raw, escaped)
    return text


def workflow_command(command: str, message: str, **properties) -> str:
    """One `::command key=value,...::message` line; properties that are None are left out."""
    given = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items()
                     if value is not None)
    return f"::{command}{' ' + given if given else ''}::{escape_data(message)}\n"


def annotations(result: Result, review: Review | None = None) -> str:
    """One annotation per flagged finding, most severe first; then the unused markers as warnings."""
    return "".join(annotation_lines(result, review))


def annotation_lines(result: Result, review: Review | None = None) -> Iterator[str]:
    """annotations' lines one at a time: a large batch's are never all held."""
    claims = {claim.id: claim for claim in result.claims}
    articles = {article.id: article for article in result.articles}
    for finding in result.findings.by_severity():
        claim = claims.get(finding.claims[0])
        path, line, column = file_location(claim, articles.get(claim.article)) if claim else (None, None, None)
        yield workflow_command(COMMANDS[finding.verdict], finding.message, file=path, line=line,
                               col=column, title=f"{finding.verdict}: {finding.quantity}")
    for suppression in review.unused_suppressions if review else ():
        line = suppression.line if has_file_lines(suppression.path) else None
        yield workflow_command("warning", suppression.describe(), file=suppression.path, line=line,
                               title="unused suppression")
    for entry in review.stale_entries if review else ():
        yield workflow_command("notice", entry.describe(review.baseline), title="stale baseline entry")


# --- step summary ------------------------------------------------------------------------------

def append_step_summary(markdown: str | Sequence[str], report_path: Path, summary: str | None = None,
                        limit: int = STEP_SUMMARY_LIMIT) -> str | None:
    """Appends the report (whole, or its parts end to end) to $GITHUB_STEP_SUMMARY (or `summary`); returns a
    note when it was cut or skipped."""
    target = summary if summary is not None else os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    markdown = markdown if isinstance(markdown, str) else "".join(markdown)
    path = Path(target)
    used = path.stat().st_size if path.exists() else 0
    text, note = fit_summary(markdown, limit - used, report_path)
    if text:
        with path.open("a", encoding="utf-8") as stream:
            stream.write(text)
    return note


def fit_summary(markdown: str, budget: int, report_path: Path) -> tuple[str, str | None]:
    """The report cut to whole lines within `budget` bytes, saying where it was cut; and a note if cut."""
    data = markdown.encode("utf-8")
    if len(data) <= budget:
        return markdown, None
    notice = (f"\n\n> **Report cut here**: GitHub shows at most {STEP_SUMMARY_LIMIT // 1024} KiB of step "
              f"summary. The full report is `{report_path}`.\n")
    room = budget - len(notice.encode("utf-8"))
    if room <= 0:
        return "", f"step summary is full; the report was not added (it is in {report_path})"
    kept = data[:room].decode("utf-8", errors="ignore")  # a cut character is dropped whole
    kept = kept[:kept.rfind("\n") + 1]  # whole lines only: half a table row would break the table
    return kept + notice, f"the step summary holds only the first {len(kept.encode('utf-8'))} bytes of the report"
