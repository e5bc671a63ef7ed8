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
    cases = [(group.key, group.quantity, _group_findings(result.findings, set(group.claims)))
             for group in result.groups]
    grouped = {id(f) for _, _, own in cases for f in own}
    cases += [(finding.group, finding.quantity, [finding]) for finding in result.findings
              if finding.flagged and id(finding) not in grouped]
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


def _group_findings(findings: tuple[Finding, ...], members: set[str]) -> list[Finding]:
    # The reconciler flags a group by its findings' first figures; the same rule is used here.
    return [finding for finding in findings if finding.claims[0] in members]


def _failure_line(finding: Finding, claims: dict, articles: dict) -> str:
    claim = claims.get(finding.claims[0])
    where = finding.claims[0]
    if claim is not None:
        path, line, column = file_location(claim, articles.get(claim.article))
        where = ":".join(str(part) for part in (path, line, column) if part is not None)
    return _text(f"{where}: {finding.verdict}: {finding.quantity}: {' '.join(finding.message.split())}\n")


def _text(value: str) -> str:
    return NOT_XML.sub("\ufffd", value)
