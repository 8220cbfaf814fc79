#!/usr/bin/env bash
# The workbook of sample_data/: totals against the export, LibreOffice recalculation, CSV output,
# filters; with recalc, LibreOffice's recalculation and the printed PDF.
# usage: test_report.sh AIDLEDGER_BINARY SOURCE_DIR [recalc]
set -euo pipefail
bin=$1 src=$2 mode=${3:-check}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" ingest -q --db "$tmp/l.db" "$src/sample_data"
"$bin" export --db "$tmp/l.db" --format csv --out "$tmp/export.csv"
"$bin" report --db "$tmp/l.db" --out "$tmp/report.xlsx" >/dev/null
"$bin" report --db "$tmp/l.db" --unit wan --out "$tmp/wan.xlsx" >/dev/null
if [ "$mode" = recalc ]; then
  python3 "$src/tests/report/check_recalc.py" "$tmp/report.xlsx"
  python3 "$src/tests/report/check_recalc.py" "$tmp/wan.xlsx"
  # Printed, every figure shows (no ### in a column too narrow for its total).
  python3 "$src/tests/report/check_printed.py" "$tmp/report.xlsx"
  python3 "$src/tests/report/check_printed.py" "$tmp/wan.xlsx"
else
  python3 "$src/tests/report/check_workbook.py" "$tmp/report.xlsx" "$tmp/export.csv"
fi
if [ "$mode" != recalc ]; then
  # A township's report: its own lines in the headline, the JOINT lines it shares apart, so that
  # the two townships' headlines and the shared amount never add up to more than the ledger.
  "$bin" report --db "$tmp/l.db" --format csv --out "$tmp/all" >/dev/null
  total=$(grep -h "^已拨付合计" "$tmp"/all/*ummary*.csv | cut -d, -f2)
  sum=0
  for t in 徐家湾乡 双龙湾镇; do
    "$bin" report --db "$tmp/l.db" --format csv --township "$t" --out "$tmp/$t" >/dev/null
    own=$(grep -h "^已拨付合计" "$tmp/$t"/*ummary*.csv | cut -d, -f2)
    shared=$(grep -h -A1 "Shared with" "$tmp/$t"/*ummary*.csv | grep "已拨付 Disbursed" | cut -d, -f2)
    [ "$own" = "2000000.00" ] || { echo "FAIL $t: headline $own, expected 2000000.00 (its own lines only)"; exit 1; }
    [ "$shared" = "686700.00" ] || { echo "FAIL $t: shared $shared, expected 686700.00"; exit 1; }
    sum=$(python3 -c "print(round($sum + $own, 2))")
  done
  python3 -c "import sys; sys.exit(0 if $sum + $shared <= $total else 1)" ||
    { echo "FAIL townships' headlines plus shared ($sum + $shared) exceed the ledger's total ($total)"; exit 1; }
  echo "township reports: 2000000.00 each, 686700.00 shared, within the ledger's $total"
  # Every township's own lines, the JOINT lines once and the unresolved add up to the whole, in the
  # workbook, the CSV report, query and townships (one totals model).
  python3 "$src/tests/report/check_addup.py" "$bin" "$tmp/l.db" "$tmp"
  # One registry of checks: `check` and the Review sheet show the same findings (level, event).
  "$bin" check --db "$tmp/l.db" --format json > "$tmp/check.json" || true
  python3 - "$tmp/check.json" "$tmp/all/review.csv" <<'PY'
import csv, json, sys
found = json.load(open(sys.argv[1], encoding="utf-8"))["findings"]
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig")))
head = [i for i, r in enumerate(rows) if r and r[0] == "检查 Check"][0]
review = [(r[1].split(" ")[-1], r[2]) for r in rows[head + 1:] if r and r[0]]
want = [(f["level"], str(f["event_id"]) if f["event_id"] else "") for f in found]
if review != want or not want:
    sys.exit(f"FAIL check and Review differ:\n check:  {want}\n review: {review}")
print(f"check and Review: the same {len(want)} findings")
PY
  # --unit wan: the same totals in 万元; a 元 workbook gives the Summary's amounts in 万元 beside.
  python3 "$src/tests/report/check_units.py" "$tmp/report.xlsx" "$tmp/wan.xlsx"
fi
