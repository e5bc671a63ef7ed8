"""Scores discrepancy on real news nobody here wrote: 36 ABC news articles of the Lee corpus, annotated by hand.

    python benchmarks/lee_evaluation.py          # the figures, then every finding with its judgement

The articles are lines of gensim/test/test_data/lee_background.cor in the installed gensim wheel
(a test dependency); tests/fixtures/lee/annotations.json holds, per line, its story and each figure
with the fact it counts. Nothing is downloaded. tests/test_lee_evaluation.py runs the same scoring
and holds the results to at least what is measured here.
"""
from __future__ import annotations

import hashlib
import importlib.util
import itertools
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "tests" / "fixtures" / "lee" / "annotations.json"
FLAGGED = ("conflict", "revision", "different_scope")


def corpus_lines() -> list[str] | None:
    """The corpus, one article a line, from the installed gensim package; None when gensim is not installed."""
    spec = importlib.util.find_spec("gensim")  # finds the package without importing it (and numpy, scipy)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / "test" / "test_data" / "lee_background.cor"
    return path.read_text(encoding="latin-1").splitlines() if path.is_file() else None


@dataclass(frozen=True)
class Gold:
    """One annotated figure."""

    article: str
    start: int
    text: str
    quantity: str
    facts: frozenset[str]
    story: str

    def same_fact(self, other: Gold) -> bool:
        return bool({f.split("@")[0] for f in self.facts} & {f.split("@")[0] for f in other.facts})

    def same_time(self, other: Gold) -> bool:
        return bool(self.facts & other.facts)


@dataclass
class Evaluation:
    """What was checked and how it came out; `judged` says why for each finding."""

    articles: int = 0
    gold_figures: int = 0
    found: int = 0
    right_quantity: int = 0
    spurious: int = 0
    findings: int = 0
    verdicts: Counter = field(default_factory=Counter)
    judged: list[tuple[str, str, str]] = field(default_factory=list)  # (judgement, verdict, message)
    crossing: int = 0
    crossing_flagged: int = 0
    missed_pairs: int = 0
    same_fact_pairs: int = 0
    stories_gold: int = 0
    stories_found: int = 0
    impure_stories: int = 0
    copies_gold: int = 0
    copies_found: int = 0
    missed_figures: list[str] = field(default_factory=list)


def article_id(line: int) -> str:
    return f"lee{line:03d}"


def load(lines: list[str]) -> tuple[list, list[Gold], list[list[int]]]:
    """The annotated articles, their figures and the reprinted pairs; a changed corpus line is an error."""
    from discrepancy.models import Article
    annotations = json.loads(ANNOTATIONS.read_text("utf-8"))
    articles, gold = [], []
    for entry in annotations["articles"]:
        text = lines[entry["line"]]
        digest = hashlib.sha256(text.encode("latin-1")).hexdigest()[:16]
        if digest != entry["sha256"]:
            raise ValueError(f"lee_background.cor line {entry['line']} is not the annotated text")
        articles.append(Article(id=article_id(entry["line"]), path=f"lee_background.cor:{entry['line']}", text=text))
        for figure in entry["figures"]:
            gold.append(Gold(article_id(entry["line"]), text.index(figure["context"]), figure["text"],
                             figure["quantity"], frozenset(figure["fact"].split()), entry["story"]))
    return articles, gold, annotations["copies"]


def evaluate(lines: list[str], stories: bool = True) -> Evaluation:
    """The scores; with stories=False, every figure is compared with every other (the tool before issue 7)."""
    import dataclasses

    from discrepancy.batch import compare
    from discrepancy.extractor import Extractor
    from discrepancy.models import Result
    from discrepancy.rules import load_rules
    from discrepancy.timeline import date_figures

    articles, gold, copies = load(lines)
    rules = load_rules()
    extractor = Extractor(rules)
    claims = [c for a in articles for c in date_figures(a, extractor.extract(a))]
    result = compare(Result(tuple(articles), tuple(claims), ()), rules, extractor.gazetteer)
    if not stories:
        from discrepancy.reconciler import reconcile
        unsorted = [dataclasses.replace(c, story=None) for c in result.claims]
        findings, groups = reconcile(unsorted, rules, extractor.gazetteer.relation)
        result = dataclasses.replace(result, claims=tuple(unsorted), findings=tuple(findings), groups=tuple(groups))
    typed = [c for c in result.claims if c.quantity != "other"]
    at = {(g.article, g.start): g for g in gold}
    match = {c.id: at[(c.article, c.start)] for c in typed if (c.article, c.start) in at}
    story_of = {a.id: g.story for a in articles for g in gold if g.article == a.id} | \
        {article_id(e["line"]): e["story"] for e in json.loads(ANNOTATIONS.read_text("utf-8"))["articles"]}

    ev = Evaluation(articles=len(articles), gold_figures=len(gold))
    ev.found = len(match)
    ev.right_quantity = sum(1 for c in typed if c.id in match and match[c.id].quantity == c.quantity)
    ev.spurious = len(typed) - len(match)
    found_at = {(c.article, c.start) for c in typed}
    ev.missed_figures = [f"{g.article}: {g.text!r} ({g.quantity})" for g in gold
                         if (g.article, g.start) not in found_at]
    claims_by_id = {c.id: c for c in result.claims}
    for finding in result.findings:
        a, b = (claims_by_id[i] for i in finding.claims)
        judgement = judge(finding, match.get(a.id), match.get(b.id), a, b)
        ev.judged.append((judgement, finding.verdict, finding.message))
        ev.verdicts[judgement] += 1
        if story_of[a.article] != story_of[b.article]:
            ev.crossing += 1
            ev.crossing_flagged += finding.verdict in FLAGGED
    ev.findings = len(result.findings)
    ev.same_fact_pairs, ev.missed_pairs = _missed(result, gold, match, copies)
    ev.stories_gold = len(set(story_of.values()))
    main_stories = [s for s in result.stories if "/" not in s.id]
    ev.stories_found = len(main_stories)
    ev.impure_stories = sum(1 for s in main_stories if len({story_of[a] for a in s.articles}) > 1)
    ev.copies_gold = len(copies)
    printed_in = [{i.rsplit(":", 2)[0] for i in c.copies} for c in typed]
    ev.copies_found = sum(1 for pair in copies if any({article_id(n) for n in pair} <= where for where in printed_in))
    return ev


def judge(finding, gold_a: Gold | None, gold_b: Gold | None, a, b) -> str:
    """right: one fact, agreeing; needs dates: one fact at two times, flagged as it cannot tell the order;
    harmless: different things said to agree; false alarm: a flag on different things or on agreeing ones."""
    flagged = finding.verdict in FLAGGED
    known = gold_a and gold_b and gold_a.quantity == a.quantity and gold_b.quantity == b.quantity
    if known and gold_a.same_fact(gold_b):
        if gold_a.same_time(gold_b):
            return "right" if finding.verdict == "consistent" else "false alarm"
        if finding.verdict in ("update", "revision") or "undated" in finding.message:
            return "needs dates" if flagged else "right"
        return "right" if finding.verdict == "consistent" else "false alarm"
    return "false alarm" if flagged else "harmless"


def _missed(result, gold: list[Gold], match: dict, copies: list[list[int]]) -> tuple[int, int]:
    """Pairs of figures of one fact in different articles (not reprints of each other), and how many the tool
    never compared (a story split, a figure missed or mistyped)."""
    reprints = {frozenset(article_id(n) for n in pair) for pair in copies}
    witness = {c.id: (c.copies[0] if c.copies else c.id) for c in result.claims}
    compared = {frozenset(f.claims) for f in result.findings}
    claim_at = {(c.article, c.start): c for c in result.claims if c.quantity != "other"}
    pairs = missed = 0
    for g, h in itertools.combinations(gold, 2):
        if g.article == h.article or frozenset({g.article, h.article}) in reprints or not g.same_fact(h) \
                or g.quantity != h.quantity:
            continue
        pairs += 1
        a, b = claim_at.get((g.article, g.start)), claim_at.get((h.article, h.start))
        if a is None or b is None or match.get(a.id) is None or match.get(b.id) is None or \
                frozenset({witness[a.id], witness[b.id]}) not in compared:
            missed += 1
    return pairs, missed


def report(ev: Evaluation) -> str:
    lines = [
        f"articles: {ev.articles}; gold stories: {ev.stories_gold}; stories found: {ev.stories_found} "
        f"({ev.impure_stories} mixing two gold stories)",
        f"figures annotated: {ev.gold_figures}; found: {ev.found} (quantity right: {ev.right_quantity}); "
        f"typed figures not annotated: {ev.spurious}",
        f"findings: {ev.findings}: " + ", ".join(f"{n} {k}" for k, n in sorted(ev.verdicts.items())),
        "  by verdict: " + "; ".join(f"{judgement} {verdict} {n}" for (judgement, verdict), n in
                                     sorted(Counter((j, v) for j, v, _ in ev.judged).items())),
        f"findings across gold stories: {ev.crossing} ({ev.crossing_flagged} flagged)",
        f"pairs of one fact in two articles: {ev.same_fact_pairs}; never compared: {ev.missed_pairs}",
        f"reprinted articles: {ev.copies_gold}; their figures made one witness: {ev.copies_found}",
        "missed figures: " + "; ".join(ev.missed_figures),
    ]
    return "\n".join(lines)


def main() -> int:
    lines = corpus_lines()
    if lines is None:
        print("gensim is not installed: pip install -e '.[test]'", file=sys.stderr)
        return 2
    ev = evaluate(lines)
    print(report(ev))
    alone = evaluate(lines, stories=False)
    print(f"without stories: {alone.findings} findings, {alone.crossing} across gold stories "
          f"({alone.crossing_flagged} flagged); " + ", ".join(f"{n} {k}" for k, n in sorted(alone.verdicts.items())))
    print()
    for judgement, verdict, message in sorted(ev.judged):
        print(f"{judgement:12} {verdict:16} {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
