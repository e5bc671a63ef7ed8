"""Runs ../shared/benchmarks/score.py on the three suites and writes the figures into README.md.

    python benchmarks/accuracy.py            # prints the figures and updates the README table
    python benchmarks/accuracy.py --print    # prints only

Needs the project installed (`discrepancy` on PATH) and the shared benchmarks beside the repo.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORE = ROOT.parent / "shared" / "benchmarks" / "score.py"
BEGIN, END = "<!-- accuracy:begin -->", "<!-- accuracy:end -->"
PUBLISHED = {"value": "92.0 (CQE), 73.0 (quantulum3)", "value+change": "88.1 (CQE)",
             "value+unit*": "85.6 (CQE, exact unit match)"}


def run(suite: str) -> str:
    command = [sys.executable, str(SCORE), suite]
    return subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT).stdout


def table(outputs: dict[str, str]) -> str:
    rows = ["| benchmark | measure | discrepancy | published |", "|---|---|---|---|"]
    for measure in ("value", "value+change", "value+unit*"):
        found = re.search(rf"^\s+{re.escape(measure)}\s+P\s+([\d.]+)\s+R\s+([\d.]+)\s+F1\s+([\d.]+)",
                          outputs["newsquant"], re.M)
        rows.append(f"| NewsQuant (904 quantities) | {measure} F1 | {found.group(3)} (P {found.group(1)}, "
                    f"R {found.group(2)}) | {PUBLISHED[measure]} |")
    for suite, name, peer in (("ranges", "NumberRangeModel", "quantulum3 4/87"),
                              ("numbers", "NumberModel", "Recognizers-Text Python 177, quantulum3 123")):
        found = re.search(r"(\d+)/(\d+) cases pass \(([\d.]+)%\)", outputs[suite])
        rows.append(f"| Recognizers-Text {name} | cases passed | {found.group(1)}/{found.group(2)} "
                    f"({found.group(3)}%) | {peer} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--print", action="store_true", help="print the figures, leave the README alone")
    args = parser.parse_args()
    outputs = {suite: run(suite) for suite in ("newsquant", "ranges", "numbers")}
    for output in outputs.values():
        print(output)
    rendered = table(outputs)
    print(rendered)
    if not args.print:
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        start, end = readme.index(BEGIN) + len(BEGIN), readme.index(END)
        (ROOT / "README.md").write_text(readme[:start] + "\n" + rendered + "\n" + readme[end:], encoding="utf-8")


if __name__ == "__main__":
    main()
