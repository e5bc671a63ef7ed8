"""Extraction throughput on news text: the seeds and the NewsQuant sentences, best of three runs.

    python benchmarks/extraction_speed.py [REPO]              # REPO: another checkout to time (default: this one)
    python benchmarks/extraction_speed.py [REPO] --corpus N   # N articles of benchmarks/corpus.py, CPU time

Used to check that accuracy work does not slow extraction (issue 3 allows 20%). With --corpus the
text is that of the scale benchmark (seed 7), timed in CPU seconds of this process, as issue 6 compares
extraction with quantulum3 on it; on a shared machine, compare checkouts in runs side by side.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ARGS = [a for a in sys.argv[1:] if not a.startswith("--") and not a.isdigit()]
REPO = Path(ARGS[0]).resolve() if ARGS else Path(__file__).resolve().parent.parent
CORPUS = int(sys.argv[sys.argv.index("--corpus") + 1]) if "--corpus" in sys.argv else None
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


def generated(count: int) -> list[Article]:
    """The first `count` articles benchmarks/corpus.py writes with its default seed."""
    import random

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus as generator  # benchmarks/corpus.py

    rng, seeds = random.Random(7), generator.seed_sentences()
    return [Article(id=str(i), path="-", text=generator.article(rng, i, seeds)["text"]) for i in range(count)]


def main() -> None:
    extractor = Extractor(load_rules())
    articles = generated(CORPUS) if CORPUS else corpus()
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    for article in articles[:50] if CORPUS else ():
        extractor.extract(article)  # the gazetteer's run cache warms, as over a batch
    best = min(_timed(extractor, articles) for _ in range(3))
    print(f"{REPO}: {len(articles)} texts, {size / 1e6:.2f} MB, best of 3 {best:.2f} s, "
          f"{size / best / 1e3:.0f} KB/s, {len(articles) / best:.0f} texts/s")


def _timed(extractor: Extractor, articles: list[Article]) -> float:
    clock = time.process_time if CORPUS else time.perf_counter
    start = clock()
    for article in articles:
        extractor.extract(article)
    return clock() - start


if __name__ == "__main__":
    main()
