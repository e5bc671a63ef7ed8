"""discrepancy: finds figures that disagree across a batch of news articles.

    import discrepancy
    result = discrepancy.check(["seeds/"])
    for finding in result.findings: ...
"""
from .models import Article, Claim, Finding, Group, Result

__all__ = ["check", "extract", "Article", "Claim", "Finding", "Group", "Result"]


def __getattr__(name: str):
    # check and extract are imported when first asked for: a process that needs one step alone (the charts'
    # workers, whose server imports discrepancy.charts) does not import every other step's libraries.
    if name in ("check", "extract"):
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
