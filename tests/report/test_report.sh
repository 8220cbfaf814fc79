#!/usr/bin/env bash
# The workbook of sample_data/: totals against the export, LibreOffice recalculation, CSV output,
# filters. usage: test_report.sh AIDLEDGER_BINARY SOURCE_DIR [recalc]
set -euo pipefail
bin=$1 src=$2 mode=${3:-check}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" ingest -q --db "$tmp/l.db" "$src/sample_data"
"$bin" export --db "$tmp/l.db" --format csv --out "$tmp/export.csv"
"$bin" report --db "$tmp/l.db" --out "$tmp/report.xlsx" >/dev/null
if [ "$mode" = recalc ]; then
  python3 "$src/tests/report/check_recalc.py" "$tmp/report.xlsx"
else
  python3 "$src/tests/report/check_workbook.py" "$tmp/report.xlsx" "$tmp/export.csv"
fi
