"""Where NewsQuant and the extractor part: its failures grouped, to read before chasing them (issue 3).

    python benchmarks/newsquant_failures.py            # the groups and their counts
    python benchmarks/newsquant_failures.py --list     # and every failing sentence under its group

Matches figures to the annotation as ../shared/benchmarks/score.py does (the same functions, imported), then
groups what is left: annotated quantities no figure matched, figures no annotation matched, and matched
figures whose change (= ~ > < up down) differs, by the pair (ours, annotated). Needs `discrepancy` on PATH.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks"
sys.path.insert(0, str(SHARED))
import score  # noqa: E402  (the shared scorer: its matching, not a copy of it)


def matches(figure: dict, gold: dict) -> bool:
    """Whether a figure is the annotated quantity, as score.py's NewsQuant scoring decides it."""
    written = str(gold["value"])
    if "-" in written[1:] and "E" not in written:
        low, high = written[1:].split("-", 1) if written.startswith("-") else written.split("-", 1)
        return score.close(figure.get("low"), float(low)) and score.close(figure.get("high"), float(high))
    return figure.get("value") is not None and score.close(figure["value"], float(written))


def failures(data: list[dict], predicted: dict[str, list[dict]]) -> dict[str, list[str]]:
    """Each group's failing sentences, with the figure or annotation that failed."""
    groups: dict[str, list[str]] = defaultdict(list)
    for index, item in enumerate(data):
        left = list(predicted.get(f"nq{index:04d}", []))
        for gold in item["quantities"]:
            figure = next((f for f in left if matches(f, gold)), None)
            if figure is None:
                groups["annotated, not found"].append(f"{gold['value']} ({gold['unit']}) | {item['text']}")
                continue
            left.remove(figure)
            change = figure.get("direction") or score.CHANGE_OF.get(figure.get("qualifier"), "=")
            if change != gold["change"]:
                groups[f"change: ours {change}, annotated {gold['change']}"].append(
                    f"{figure['text']!r} | {item['text']}")
        for figure in left:
            groups["found, not annotated"].append(f"{figure['text']!r} | {item['text']}")
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list", action="store_true", help="print every failing sentence under its group")
    arguments = parser.parse_args()
    data = json.loads((SHARED / "newsquant" / "NewsQuant.json").read_text(encoding="utf-8"))
    articles = [{"id": f"nq{i:04d}", "text": x["text"]} for i, x in enumerate(data)]
    predicted, _ = score.run_extractor(score.DEFAULT_CMD, articles)
    groups = failures(data, predicted)
    for name, rows in sorted(groups.items(), key=lambda group: -len(group[1])):
        print(f"{len(rows):4}  {name}")
        for row in rows if arguments.list else ():
            print(f"        {row}")


if __name__ == "__main__":
    main()
