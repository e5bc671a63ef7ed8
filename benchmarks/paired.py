"""Two checkouts timed against each other in one process: the way to tell a few per cent on a machine whose
speed drifts by a tenth within the hour (runs minutes apart do not).

    python benchmarks/paired.py OLD_CHECKOUT NEW_CHECKOUT [--articles 1000] [--rounds 4] [--extract-only]

Both packages are loaded side by side; the articles of the scale corpus (benchmarks/corpus.py,
corpus-10000-300.jsonl, built if missing) go through each in alternating batches of 32 (what a worker is
given at once, pool.CHUNK), CPU time per batch; each round reads articles of its own, so that no cache
of either side is warm with a round's articles before it. By default the whole work a worker does on a
batch (reading its JSON lines, extracting, dating, sketching the stories: api.Digester.many, or article by
article where a checkout has no such method); with --extract-only, reading the figures alone
(api.extract_articles, or Extractor.extract article by article).
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

BATCH = 32


def load(root: str, name: str, corpus: Path, count: int, extract_only: bool):
    """The checkout at `root` as package `name`: a function of a batch of items, and its items."""
    spec = importlib.util.spec_from_file_location(name, f"{root}/discrepancy/__init__.py",
                                                  submodule_search_locations=[f"{root}/discrepancy"])
    package = importlib.util.module_from_spec(spec)
    sys.modules[name] = package
    spec.loader.exec_module(package)
    api, rules_module, articles = (importlib.import_module(f"{name}.{part}") for part in ("api", "rules", "articles"))
    rules = rules_module.load_rules()
    digester = api.Digester(rules, keep_text=False, sketch=True)
    items = list(articles.read_articles([str(corpus)], rules, unparsed=not extract_only))[:count]
    return _batch_function(api, digester, extract_only), items


def _batch_function(api, digester, extract_only: bool):
    """What the checkout does with a batch of items, in the way it reads a batch."""
    extractor = digester.extractor
    if extract_only and hasattr(api, "extract_articles"):
        return lambda items: api.extract_articles(extractor, items, api.Limits())
    if extract_only:
        return lambda items: [extractor.extract(item) for item in items]
    if hasattr(digester, "many"):
        return digester.many
    return lambda items: [digester(item) for item in items]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--extract-only", action="store_true")
    args = parser.parse_args()
    import scale  # benchmarks/scale.py builds the corpus
    corpus = scale.build(10000, 300, Path(tempfile.gettempdir()) / "discrepancy-scale")
    wanted = BATCH + args.articles * args.rounds
    old, old_items = load(args.old, "discrepancy_old", corpus, wanted, args.extract_only)
    new, new_items = load(args.new, "discrepancy_new", corpus, wanted, args.extract_only)
    if len(new_items) < wanted:
        sys.exit(f"paired.py: the corpus has {len(new_items):,} articles, fewer than the {wanted:,} asked for")
    for run, items in ((old, old_items), (new, new_items)):
        run(items[:BATCH])  # caches warm, as over a batch
    totals = [0.0, 0.0]
    for round_number in range(args.rounds):
        seconds = [0.0, 0.0]
        first = BATCH + round_number * args.articles
        for start in range(first, first + args.articles, BATCH):
            sides = [(0, old, old_items), (1, new, new_items)]
            if (start // BATCH + round_number) % 2:
                sides.reverse()  # each side goes first as often
            for side, run, items in sides:
                begun = time.process_time()
                run(items[start:min(start + BATCH, first + args.articles)])
                seconds[side] += time.process_time() - begun
        print(f"round {round_number}: old {seconds[0] / args.articles * 1000:.3f} new "
              f"{seconds[1] / args.articles * 1000:.3f} ms an article, x{seconds[0] / seconds[1]:.3f}", flush=True)
        totals = [total + part for total, part in zip(totals, seconds)]
    count = args.articles * args.rounds
    print(f"all rounds: old {totals[0] / count * 1000:.3f} new {totals[1] / count * 1000:.3f} ms an article, "
          f"new x{totals[0] / totals[1]:.3f} as fast")


if __name__ == "__main__":
    main()
