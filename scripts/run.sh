#!/usr/bin/env bash
# The main job on sample_data/: install what is missing, build, ingest the pages into a fresh
# ledger, write the ledger out and the Excel report under reports/.
# usage: scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
mkdir -p reports
db=reports/aidledger.db
rm -f "$db" "$db-wal" "$db-shm"
build/aidledger ingest --db "$db" sample_data/
build/aidledger export --db "$db" --format csv --out reports/ledger.csv
build/aidledger export --db "$db" --format json --out reports/ledger.json
build/aidledger report --db "$db" --out reports/aid_report.xlsx
echo "aidledger: ledger in $db; $(($(wc -l <reports/ledger.csv) - 1)) allocation lines in reports/ledger.csv and .json; workbook reports/aid_report.xlsx"
