"""Reviewed discrepancies: findings set aside by a baseline file or by a comment in an article.

A finding's fingerprint is made of what it is about, not where: its quantity, its verdict
and, for each of its two figures, the figure as written and its sentence, normalised. Moving
a paragraph, adding lines above it or re-wrapping the text leaves the fingerprint as it was.

Only flagged findings (conflict, revision, different_scope) are set aside: they are the ones
a desk reviews. A baseline entry or a suppression that sets nothing aside is reported.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from .errors import DiscrepancyError
from .findings import Findings
from .models import FLAGGED, Article, Claim, Finding, Result
from .output import write_atomic

BASELINE_VERSION = 1
FINGERPRINT_KEY = "discrepancy/v1"  # the SARIF partialFingerprints key: a new recipe gets a new key
NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")
# What NOT_WORD leaves between its runs in ASCII text once lower-cased: NFKC changes no ASCII character, and
# casefold reads ASCII as lower() does.
ASCII_WORD = re.compile(r"[a-z0-9]+")
# <!-- discrepancy: ignore deaths, injured -- why the desk accepts it -->
SUPPRESSION = regex.compile(r"""
    <!--\s*discrepancy:\s*ignore\s+    # the marker
    (?P<names>.*?)                     # quantity names, comma-separated
    (?:\s+--\s*(?P<reason>.*?))?       # the reason after a double dash, optional
    \s*-->                             # the end of the comment
""", regex.VERBOSE | regex.DOTALL)


class BaselineError(DiscrepancyError):
    """A baseline file cannot be read or is not one: `baseline.json: not a baseline file`."""


# --- fingerprints ----------------------------------------------------------------------------

def normalise(text: str) -> str:
    """The words and numbers of `text` in one case, single-spaced: what survives re-wrapping."""
    if text.isascii():  # most sentences: read by the stdlib engine, a third of the time (wire copies shingle 30,000)
        return " ".join(ASCII_WORD.findall(text.lower()))
    return " ".join(NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


def fingerprint(finding: Finding, claims: dict[str, Claim]) -> str:
    """A stable id of the finding from its content; the same for either order of its two figures."""
    return Fingerprints(claims)(finding)


class Fingerprints:
    """fingerprint(finding, claims) for the findings of one batch: a figure's part of it worked out once for
    the findings near each other (a figure is in many findings, those of its group, which come together: at
    10,000 articles, 100,000 figures in 250,000 findings). The parts kept are the last KEPT_KEYS figures',
    not a batch's million."""

    KEPT_KEYS = 50_000

    def __init__(self, claims: dict[str, Claim]):
        self.claims = claims
        self.keys: dict[str, tuple[list[str], str]] = {}

    def __call__(self, finding: Finding) -> str:
        if len(finding.claims) != 2 or type(finding.quantity) is not str or type(finding.verdict) is not str:
            figures = sorted(self._key(claim_id)[0] for claim_id in finding.claims)
            payload = _PAYLOAD([finding.quantity, finding.verdict, figures])
        else:
            # _PAYLOAD's text for a pair, byte for byte, from each figure's part already written: a batch's
            # findings are a million pairs, and json encoded each anew.
            first, second = self._key(finding.claims[0]), self._key(finding.claims[1])
            if second[0] < first[0]:
                first, second = second, first
            payload = f"[{_json_string(finding.quantity)}, {_json_string(finding.verdict)}, [{first[1]}, {second[1]}]]"
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]

    def _key(self, claim_id: str) -> tuple[list[str], str]:
        """The figure's part of a fingerprint, and that part as _PAYLOAD writes it."""
        key = self.keys.get(claim_id)
        if key is None:
            if len(self.keys) >= self.KEPT_KEYS:
                self.keys.clear()
            figure = _figure_key(self.claims.get(claim_id), claim_id)
            key = self.keys[claim_id] = figure, _PAYLOAD(figure)
        return key


# json.dumps(..., ensure_ascii=False), without the encoder it makes for each call
_PAYLOAD = json.JSONEncoder(ensure_ascii=False).encode
_json_string = json.encoder.encode_basestring  # how _PAYLOAD writes a string


def _figure_key(claim: Claim | None, claim_id: str) -> list[str]:
    if claim is None:
        return [claim_id, ""]
    return [normalise(claim.text), normalise(claim.sentence)]


# --- inline suppressions -----------------------------------------------------------------------

@dataclass(frozen=True)
class Suppression:
    """A comment in an article that silences one quantity's flagged findings involving it."""

    article: str
    path: str
    line: int
    quantity: str
    reason: str

    def describe(self) -> str:
        return f"{self.path}:{self.line}: unused suppression of '{self.quantity}': no flagged finding to silence"


def find_suppressions(articles: tuple[Article, ...] | list[Article]) -> list[Suppression]:
    """Every `<!-- discrepancy: ignore QUANTITY -- reason -->` comment, one entry per quantity named."""
    found = []
    for article in articles:
        for match in SUPPRESSION.finditer(article.text):
            line = article.text.count("\n", 0, match.start()) + 1
            reason = " ".join((match["reason"] or "").split())
            for name in match["names"].split(","):
                if " ".join(name.split()):
                    found.append(Suppression(article.id, article.path, line, " ".join(name.split()), reason))
    return found


# --- baseline files ----------------------------------------------------------------------------

@dataclass(frozen=True)
class BaselineEntry:
    """A reviewed finding as the baseline file records it."""

    fingerprint: str
    quantity: str
    verdict: str
    figures: tuple[str, ...]
    articles: tuple[str, ...]

    def describe(self, path: Path | str) -> str:
        figures = " / ".join(f"'{figure}'" for figure in self.figures)
        return (f"{path}: baseline entry {self.fingerprint[:12]} ({self.verdict}: {self.quantity}: {figures}) "
                f"no longer matches any finding")

    def as_record(self) -> dict:
        return {"fingerprint": self.fingerprint, "quantity": self.quantity, "verdict": self.verdict,
                "figures": list(self.figures), "articles": list(self.articles)}


def baseline_entries(findings, claims: dict[str, Claim]) -> list[BaselineEntry]:
    """The flagged findings as baseline entries, in fingerprint order (stable diffs)."""
    entries, fingerprints = [], Fingerprints(claims)
    for finding in Findings.of(findings).flagged():
        members = [claims.get(claim_id) for claim_id in finding.claims]
        entries.append(BaselineEntry(
            fingerprints(finding), finding.quantity, finding.verdict,
            tuple(c.text if c else i for c, i in zip(members, finding.claims)),
            tuple(c.article if c else "" for c in members)))
    return sorted(entries, key=lambda entry: (entry.fingerprint, entry.articles))


def write_baseline(path: Path, entries: list[BaselineEntry]) -> None:
    """Writes the baseline file (JSON) in one step."""
    document = {"version": BASELINE_VERSION, "tool": "discrepancy",
                "findings": [entry.as_record() for entry in entries]}
    write_atomic(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def read_baseline(path: Path) -> list[BaselineEntry]:
    """The entries of a baseline file; a missing or malformed file is a BaselineError."""
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (write one with --write-baseline)") from None
    except (OSError, UnicodeError) as error:
        raise BaselineError(f"{path}: cannot read: {error}") from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"{path}:{error.lineno}: not valid JSON: {error.msg}") from None
    if not isinstance(document, dict) or document.get("version") != BASELINE_VERSION \
            or not isinstance(document.get("findings"), list):
        raise BaselineError(f"{path}: not a discrepancy baseline (version {BASELINE_VERSION})")
    try:
        return [BaselineEntry(record["fingerprint"], record["quantity"], record["verdict"],
                              tuple(record["figures"]), tuple(record.get("articles", ())))
                for record in document["findings"]]
    except (KeyError, TypeError) as error:
        raise BaselineError(f"{path}: a baseline entry lacks {error}") from None


# --- setting findings aside --------------------------------------------------------------------

@dataclass(frozen=True)
class Review:
    """What was set aside after reconciling, and what set nothing aside."""

    suppressed: tuple[Finding, ...] = ()
    unused_suppressions: tuple[Suppression, ...] = ()
    baselined: tuple[Finding, ...] = ()
    stale_entries: tuple[BaselineEntry, ...] = ()
    baseline: Path | None = None  # the baseline file compared with, if any

    def notes(self) -> list[str]:
        """One line for each suppression and baseline entry that matched nothing."""
        return [s.describe() for s in self.unused_suppressions] + \
               [e.describe(self.baseline) for e in self.stale_entries]


def only_quantities(result: Result, keeps) -> Result:
    """The result with findings and groups of the quantities `keeps(name)` refuses left out."""
    quantities = result.findings.quantities()
    kept = {quantity: keeps(quantity) for quantity in set(quantities)}
    return dataclasses.replace(result, findings=result.findings.where(kept[q] for q in quantities),
                               groups=tuple(g for g in result.groups if keeps(g.quantity)))


def set_aside(result: Result, suppressions: list[Suppression], baseline: list[BaselineEntry] | None = None,
              baseline_path: Path | None = None) -> tuple[Result, Review]:
    """The result without suppressed and baselined findings, and a Review of what was set aside."""
    claims = {claim.id: claim for claim in result.claims}
    findings = result.findings
    # Only flagged findings are set aside: the others are never made into objects here.
    flagged = [p for p, verdict in enumerate(findings.verdicts()) if verdict in FLAGGED] \
        if suppressions or baseline else []
    used: set[Suppression] = set()
    unsilenced, suppressed = [], []
    for position in flagged:
        finding = findings[position]
        silencing = [s for s in suppressions if _silences(s, finding, claims)]
        used.update(silencing)
        (suppressed if silencing else unsilenced).append((position, finding))
    baselined, stale = _against_baseline(unsilenced, baseline or [], claims)
    aside = {position for position, _ in suppressed} | {position for position, _ in baselined}
    review = Review(tuple(f for _, f in suppressed), tuple(s for s in suppressions if s not in used),
                    tuple(f for _, f in baselined), tuple(stale), baseline_path)
    if not aside:  # the groups stand as the reconciler made them (regrouping read every finding's pair again)
        return result, review
    kept = findings.where(position not in aside for position in range(len(findings)))
    return dataclasses.replace(result, findings=kept, groups=_regrouped(result, kept)), review


def _silences(suppression: Suppression, finding: Finding, claims: dict[str, Claim]) -> bool:
    articles = {claims[i].article for i in finding.claims if i in claims}
    return suppression.quantity == finding.quantity and suppression.article in articles


def _against_baseline(flagged: list[tuple[int, Finding]], entries: list[BaselineEntry], claims: dict[str, Claim]):
    """The (position, finding) pairs of `flagged` in the baseline, and the entries that matched none (each
    entry once)."""
    remaining = Counter(entry.fingerprint for entry in entries)
    baselined, fingerprints = [], Fingerprints(claims)
    for position, finding in flagged if entries else ():  # no baseline: nothing to match
        key = fingerprints(finding)
        if key and remaining[key] > 0:
            remaining[key] -= 1
            baselined.append((position, finding))
    stale = []
    for entry in entries:
        if remaining[entry.fingerprint] > 0:
            remaining[entry.fingerprint] -= 1
            stale.append(entry)
    return baselined, stale


def _regrouped(result: Result, findings: Findings):
    """The groups still backed by a finding; a group flagged before keeps the flag only if a flag remains.

    A group whose every flagged finding was set aside has been reviewed: it leaves the report
    rather than reappear among the consistent ones. A finding backs the group of its first figure.
    """
    firsts, flagged_firsts = set(), set()
    for (first, _), verdict in zip(findings.claim_pairs(), findings.verdicts()):  # once, not once per group
        firsts.add(first)
        if verdict in FLAGGED:
            flagged_firsts.add(first)
    groups = []
    for group in result.groups:
        flagged = not flagged_firsts.isdisjoint(group.claims)
        if not firsts.isdisjoint(group.claims) and (flagged or not group.flagged):
            groups.append(dataclasses.replace(group, flagged=flagged))
    return tuple(groups)
