"""JUnit XML: one test case per group of figures, failing where the group is flagged.

CI systems that read test reports (GitLab, Jenkins, Azure) then list each disagreement as a
failed test. A flagged finding outside any group gets a test case of its own, so none is lost.
"""
from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import regex

from .baseline import Review
from .formats import file_location
from .models import FLAGGED, Finding, Result

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
# Characters XML 1.0 cannot hold at all, not even escaped.
NOT_XML = regex.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def junit_xml(result: Result, review: Review | None = None) -> str:
    """The run as a JUnit XML document with one <testsuite> named discrepancy."""
    return "".join(junit_parts(result, review))


def junit_parts(result: Result, review: Review | None = None) -> Iterator[str]:
    """junit_xml's text in parts, a test case at a time: a large batch's findings are never all made into
    objects at once, nor its document held whole (at 10,000 articles, 150 MB). The cases are counted first,
    by verdict; the suite is laid out as ET.indent lays the whole tree out."""
    claims = {claim.id: claim for claim in result.claims}
    articles = {article.id: article for article in result.articles}
    findings = result.findings
    verdicts = findings.verdicts()
    positions_of: dict[str, list[int]] = {}
    for position, (first, _) in enumerate(findings.claim_pairs()):
        positions_of.setdefault(first, []).append(position)
    owned = [_group_findings(positions_of, set(group.claims)) for group in result.groups]
    grouped = {position for own in owned for position in own}
    alone = [p for p, verdict in enumerate(verdicts) if verdict in FLAGGED and p not in grouped]
    failures = sum(any(verdicts[p] in FLAGGED for p in own) for own in owned) + len(alone)
    counts = {"tests": str(len(owned) + len(alone)), "failures": str(failures), "errors": "0", "skipped": "0"}
    notes = [*result.errors, *(review.notes() if review else [])]
    cases = itertools.chain(
        (_case(group.key, group.quantity, findings.at(own), claims, articles) for group, own in zip(result.groups, owned)),
        (_case(finding.group, finding.quantity, [finding], claims, articles) for finding in findings.at(alone)))
    if not (owned or alone):
        yield XML_DECLARATION + _suite(counts, notes, with_cases=False) + "\n"
        return
    before, _, after = _suite(counts, notes, with_cases=True).partition(f"<{CASES_MARK} />")
    yield XML_DECLARATION + before
    for number, case in enumerate(cases):
        ET.indent(case, level=2)
        yield ("\n    " if number else "") + ET.tostring(case, encoding="unicode")
    yield after + "\n"


def _suite(counts: dict[str, str], notes: list[str], with_cases: bool) -> str:
    """The suite laid out whole around a mark where its cases go (CASES_MARK), or with none."""
    suites = ET.Element("testsuites", {"name": "discrepancy", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "discrepancy", **counts})
    if with_cases:
        ET.SubElement(suite, CASES_MARK)
    if notes:
        ET.SubElement(suite, "system-err").text = _text("\n".join(notes) + "\n")
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode")


# An element name no test case report uses, which marks where the cases go (the suite's other parts are ours).
CASES_MARK = "discrepancy-cases"


def _case(name: str, quantity: str, own: list[Finding], claims: dict, articles: dict) -> ET.Element:
    """The test case of a group (or of a flagged finding in none): failing with its flagged findings, if any."""
    case = ET.Element("testcase", {"classname": _text(quantity), "name": _text(name)})
    flagged = sorted((f for f in own if f.flagged), key=lambda f: FLAGGED.index(f.verdict))
    if flagged:
        failure = ET.SubElement(case, "failure", {
            "type": flagged[0].verdict,
            "message": _text(f"{flagged[0].verdict}: {' '.join(flagged[0].message.split())}")})
        failure.text = "".join(_failure_line(f, claims, articles) for f in flagged)
    return case


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
