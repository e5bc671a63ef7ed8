"""discrepancy: finds figures that disagree across a batch of news articles.

    import discrepancy
    result = discrepancy.check(["seeds/"])
    for finding in result.findings: ...
"""
from .api import check, extract
from .models import Article, Claim, Finding, Group, Result

__all__ = ["check", "extract", "Article", "Claim", "Finding", "Group", "Result"]
