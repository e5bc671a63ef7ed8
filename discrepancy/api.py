"""The library's entry points: extract(paths) and check(paths), usable without the command line."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .articles import read_articles
from .errors import InputError
from .extractor import Extractor
from .models import Article, Result
from .reconciler import reconcile
from .rules import RuleSet, load_rules


def read(paths: Sequence[str], rules: RuleSet, stdin: TextIO | None = None) -> tuple[list[Article], list[str]]:
    """The articles that could be read, and one line for each that could not."""
    articles, errors = [], []
    for item in read_articles(paths, rules, stdin=stdin):
        if isinstance(item, InputError):
            errors.append(str(item))
        else:
            articles.append(item)
    return articles, errors


def extract(paths: Sequence[str], rules: RuleSet | None = None, rule_dirs: Sequence[Path] = (),
            stdin: TextIO | None = None) -> Result:
    """Every figure in the articles at `paths`, with no comparison."""
    rules = rules or load_rules(list(rule_dirs))
    articles, errors = read(paths, rules, stdin)
    extractor = Extractor(rules)
    claims = tuple(claim for article in articles for claim in extractor.extract(article))
    return Result(articles=tuple(articles), claims=claims, findings=(), errors=tuple(errors))


def check(paths: Sequence[str], rules: RuleSet | None = None, rule_dirs: Sequence[Path] = (),
          stdin: TextIO | None = None) -> Result:
    """Figures, findings and groups for the articles at `paths`."""
    rules = rules or load_rules(list(rule_dirs))
    extracted = extract(paths, rules=rules, stdin=stdin)
    extractor_gazetteer = Extractor(rules).gazetteer if extracted.claims else None
    relate = extractor_gazetteer.relation if extractor_gazetteer else (lambda a, b: "unknown")
    findings, groups = reconcile(extracted.claims, rules, relate)
    return Result(articles=extracted.articles, claims=extracted.claims, findings=tuple(findings),
                  groups=tuple(groups), errors=extracted.errors)
