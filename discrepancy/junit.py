"""JUnit XML: one test case per group of figures, failing where the group is flagged.

CI systems that read test reports (GitLab, Jenkins, Azure) then list each disagreement as a
failed test. A flagged finding outside any group gets a test case of its own, so none is lost.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

import regex

from .baseline import Review
from .formats import file_location
from .models import FLAGGED, Finding, Result

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
# Characters XML 1.0 cannot hold at all, not even escaped.
NOT_XML = regex.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def junit_xml(result: Result, review: Review | None = None) -> str:
    """The run as a JUnit XML document with one <testsuite> named discrepancy."""
    claims = {claim.id: claim for claim in result.claims}
    articles = {article.id: article for article in result.articles}
    findings = result.findings
    positions_of: dict[str, list[int]] = {}
    for position, (first, _) in enumerate(findings.claim_pairs()):
        positions_of.setdefault(first, []).append(position)
    owned = [_group_findings(positions_of, set(group.claims)) for group in result.groups]
    cases = [(group.key, group.quantity, findings.at(own)) for group, own in zip(result.groups, owned)]
    grouped = {position for own in owned for position in own}
    flagged = [p for p, verdict in enumerate(findings.verdicts()) if verdict in FLAGGED and p not in grouped]
    cases += [(finding.group, finding.quantity, [finding]) for finding in findings.at(flagged)]
    failures = sum(1 for _, _, own in cases if any(f.flagged for f in own))
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0", "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "discrepancy", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "discrepancy", **counts})
    for name, quantity, own in cases:
        case = ET.SubElement(suite, "testcase", {"classname": _text(quantity), "name": _text(name)})
        flagged = sorted((f for f in own if f.flagged), key=lambda f: FLAGGED.index(f.verdict))
        if flagged:
            failure = ET.SubElement(case, "failure", {
                "type": flagged[0].verdict,
                "message": _text(f"{flagged[0].verdict}: {' '.join(flagged[0].message.split())}")})
            failure.text = "".join(_failure_line(f, claims, articles) for f in flagged)
    notes = [*result.errors, *(review.notes() if review else [])]
    if notes:
        ET.SubElement(suite, "system-err").text = _text("\n".join(notes) + "\n")
    ET.indent(suites)
    return XML_DECLARATION + ET.tostring(suites, encoding="unicode") + "\n"


def _group_findings(positions_of: dict[str, list[int]], members: set[str]) -> list[int]:
    """The positions of the findings whose first figure is in the group, in order."""
    # The reconciler flags a group by its findings' first figures; the same rule is used here.
    return sorted(position for claim_id in members for position in positions_of.get(claim_id, ()))


def _failure_line(finding: Finding, claims: dict, articles: dict) -> str:
    claim = claims.get(finding.claims[0])
    where = finding.claims[0]
    if claim is not None:
        path, line, column = file_location(claim, articles.get(claim.article))
        where = ":".join(str(part) for part in (path, line, column) if part is not None)
    return _text(f"{where}: {finding.verdict}: {finding.quantity}: {' '.join(finding.message.split())}\n")


def _text(value: str) -> str:
    return NOT_XML.sub("\ufffd", value)
