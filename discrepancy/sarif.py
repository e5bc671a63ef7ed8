"""SARIF 2.1.0: the flagged findings as results code-scanning tools show beside the articles.

One rule per verdict kind. Each result points at its first figure (the article's file, line
and column), names the other figure of the pair as a related location and carries a
content-based fingerprint, so a result keeps its identity when unrelated text moves.
Suppressions and baseline entries that matched nothing become tool notifications.
"""
from __future__ import annotations

import importlib.metadata
import urllib.parse
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from .baseline import FINGERPRINT_KEY, Fingerprints, Review
from .formats import Streamed, file_location, has_file_lines, laid_out_parts
from .models import VERDICTS, Claim, Finding, Result

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"conflict": "error", "revision": "warning", "different_scope": "warning", "update": "note",
          "consistent": "none"}
RULE_TEXT = {
    "conflict": ("Two figures count the same thing and cannot both be right.",
                 "The figures count the same people in the same place, yet their intervals (with the rounding "
                 "and qualifiers allowed for) do not meet; or a part is larger than its whole."),
    "revision": ("A cumulative count is lower in the later article.",
                 "A toll that should only rise is lower in the later-dated article: check whether it was revised."),
    "different_scope": ("The figures differ but one counts a part of the other.",
                        "One figure counts a part of the other's scope or place (children among the dead, a city "
                        "within a country): check which one is meant."),
    "update": ("A cumulative count rose in the later article.",
               "A toll that rises over time is higher in the later-dated article: an update, not a conflict."),
    "consistent": ("The figures agree.",
                   "The intervals overlap once rounding and qualifiers are allowed for."),
}


def sarif_log(result: Result, review: Review | None = None) -> str:
    """The SARIF 2.1.0 log of the run, as JSON text."""
    return "".join(sarif_parts(result, review))


def sarif_parts(result: Result, review: Review | None = None) -> Iterator[str]:
    """sarif_log's text in parts, a result at a time: a large batch's results are never all held (at 10,000
    articles its 130,000 flagged findings as one log took 1.6 GB)."""
    claims = {claim.id: claim for claim in result.claims}
    articles = {article.id: article for article in result.articles}
    fingerprints = Fingerprints(claims)
    results = (_result(finding, claims, articles, review, fingerprints) for finding in result.findings.flagged())
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "discrepancy", "version": _version(),
                                "rules": [_rule(verdict) for verdict in VERDICTS]}},
            "invocations": [{"executionSuccessful": True,
                             "toolExecutionNotifications": _notifications(result, review)}],
            "columnKind": "unicodeCodePoints",
            "results": Streamed(results),
        }],
    }
    # json.dumps(json_ready(log), ensure_ascii=False, allow_nan=False, indent=2), the results given as a list
    yield from laid_out_parts(log)
    yield "\n"


def _version() -> str:
    try:
        return importlib.metadata.version("discrepancy")
    except importlib.metadata.PackageNotFoundError:
        return "0"


def _rule(verdict: str) -> dict:
    short, full = RULE_TEXT[verdict]
    return {"id": verdict, "name": "".join(word.title() for word in verdict.split("_")),
            "shortDescription": {"text": short}, "fullDescription": {"text": full},
            "defaultConfiguration": {"level": LEVELS[verdict]},
            "properties": {"tags": ["discrepancy", "review" if verdict != "conflict" else "conflict"]}}


def _result(finding: Finding, claims: dict[str, Claim], articles: dict, review: Review | None,
            fingerprints: Fingerprints) -> dict:
    first, other = (claims.get(claim_id) for claim_id in finding.claims)
    result = {
        "ruleId": finding.verdict,
        "ruleIndex": VERDICTS.index(finding.verdict),
        "level": LEVELS[finding.verdict],
        "message": {"text": f"{finding.quantity}: {' '.join(finding.message.split())}"},
        "locations": [_location(first, finding.claims[0], articles)] if first else [],
        "relatedLocations": [_location(other, finding.claims[1], articles, related=True)] if other else [],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprints(finding)},
        "properties": {"quantity": finding.quantity, "group": finding.group, "story": finding.story,
                       "claims": list(finding.claims)},
    }
    if review is not None and review.baseline is not None:
        result["baselineState"] = "new"  # everything the baseline held was set aside before this
    return result


def _location(claim: Claim, claim_id: str, articles: dict, related: bool = False) -> dict:
    path, line, column = file_location(claim, articles.get(claim.article))
    physical: dict = {"artifactLocation": {"uri": artifact_uri(path)}}
    if line is not None:
        region = {"startLine": line, "startColumn": column, "snippet": {"text": claim.text}}
        if "\n" not in claim.text:
            region["endColumn"] = column + len(claim.text)
        physical["region"] = region
    location: dict = {"physicalLocation": physical,
                      "logicalLocations": [{"name": claim.article, "kind": "element"}]}
    if related:
        location["id"] = 1
        location["message"] = {"text": f"the other figure: '{claim.text}' in {claim.article}"}
    return location


def artifact_uri(path: str) -> str:
    """The file as a URI reference: relative paths stay relative (percent-encoded), absolute ones are file: URIs."""
    if Path(path).is_absolute():
        return Path(path).as_uri()
    return urllib.parse.quote(PurePosixPath(Path(path).as_posix()).as_posix())


def _notifications(result: Result, review: Review | None) -> list[dict]:
    notes = [{"level": "warning", "message": {"text": f"skipped: {error}"}} for error in result.errors]
    if review is None:
        return notes
    for suppression in review.unused_suppressions:
        physical: dict = {"artifactLocation": {"uri": artifact_uri(suppression.path)}}
        if has_file_lines(suppression.path):
            physical["region"] = {"startLine": suppression.line}
        notes.append({"level": "warning", "message": {"text": suppression.describe()},
                      "locations": [{"physicalLocation": physical}]})
    notes += [{"level": "note", "message": {"text": entry.describe(review.baseline)}}
              for entry in review.stale_entries]
    return notes
