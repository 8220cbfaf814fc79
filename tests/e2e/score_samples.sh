#!/usr/bin/env bash
# Scores the export of sample_data/ with the project's scorer (a copy lives beside this script so
# the suite runs without ../shared). usage: score_samples.sh AIDLEDGER_BINARY SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" ingest -q --db "$tmp/l.db" "$src/sample_data"
"$bin" export --db "$tmp/l.db" --format csv >"$tmp/export.csv"
python3 "$src/tests/e2e/score_ledger.py" "$src/tests/e2e/seeds_expected.csv" --export "$tmp/export.csv" --min-f1 1.0 --verbose
