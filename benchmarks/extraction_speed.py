"""Extraction throughput on news text: the seeds and the NewsQuant sentences, best of three runs.

    python benchmarks/extraction_speed.py [REPO]   # REPO: another checkout to time (default: this one)

Used to check that accuracy work does not slow extraction (issue 3 allows 20%).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

from discrepancy.extractor import Extractor  # noqa: E402
from discrepancy.models import Article  # noqa: E402
from discrepancy.rules import load_rules  # noqa: E402


def corpus() -> list[Article]:
    sentences = json.loads((SHARED / "benchmarks" / "newsquant" / "NewsQuant.json").read_text(encoding="utf-8"))
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    texts = [s["text"] for s in sentences] * 3 + seeds * 20
    return [Article(id=str(i), path="-", text=t) for i, t in enumerate(texts)]


def main() -> None:
    extractor = Extractor(load_rules())
    articles = corpus()
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    best = min(_timed(extractor, articles) for _ in range(3))
    print(f"{REPO}: {len(articles)} texts, {size / 1e6:.2f} MB, best of 3 {best:.2f} s, "
          f"{size / best / 1e3:.0f} KB/s, {len(articles) / best:.0f} texts/s")


def _timed(extractor: Extractor, articles: list[Article]) -> float:
    start = time.perf_counter()
    for article in articles:
        extractor.extract(article)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
