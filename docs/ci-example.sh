#!/usr/bin/env bash
# The commands of the CI jobs in docs/ci.md; copy this file into the desk's repository
# (for example as ci/discrepancy.sh). It runs the same on a laptop:
#
#     ARTICLES=articles/ bash ci/discrepancy.sh
#
# It checks the batch, prints what FORMAT asks for (GitHub annotations by default), writes
# the Markdown report, SARIF, JUnit and CSV to $OUT, and exits as discrepancy does:
# 0 nothing at or above the fail-on level, 1 something was, 2 a usage or configuration error.
# A baseline file, when the repository has one, sets the findings already reviewed aside.
set -euo pipefail

ARTICLES="${ARTICLES:-articles}"           # one or more folders or files, separated by spaces
OUT="${OUT:-discrepancy-out}"
BASELINE="${BASELINE:-.discrepancy-baseline.json}"
FORMAT="${FORMAT:-github}"                 # github annotates a pull request; summary reads best elsewhere

read -r -a paths <<< "$ARTICLES"
args=(check "${paths[@]}" --format "$FORMAT"
      --report "$OUT/report.md"
      --output "sarif=$OUT/discrepancy.sarif"
      --output "junit=$OUT/junit.xml"
      --output "csv=$OUT/findings.csv")
if [ -f "$BASELINE" ]; then
  args+=(--baseline "$BASELINE")
fi

status=0
discrepancy "${args[@]}" || status=$?
if [ "$status" -eq 2 ]; then
  echo "discrepancy did not run: a usage or configuration error (the line above says which)" >&2
fi
exit "$status"
