#!/usr/bin/env bash
# bench/peers.sh still runs (issue 9): on a 2,000-line synthetic ledger, the peer workbook script
# writes the same sheets with the same dimensions as `aidledger report`, and `aidledger donors
# --by-year`, the sqlite3 shell and `hledger bal -Y` give the same totals for every donor and year.
# Skipped (exit 77) when a peer is not installed (Debian: python3-xlsxwriter, hledger, sqlite3, time).
# usage: test_peers.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
missing=()
/usr/bin/python3 -c 'import xlsxwriter' 2>/dev/null || missing+=(python3-xlsxwriter)
command -v hledger >/dev/null || missing+=(hledger)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "SKIPPED: the benchmark peers are not installed (apt-get install ${missing[*]})"
  exit 77
fi
work=$(mktemp -d /tmp/aidledger-test-peers.XXXXXX)
trap 'rm -rf "$work"' EXIT
if ! WORK=$work/bench KEEP=1 TIMEOUT=60 bash "$src/bench/peers.sh" "$build" 2000 >"$work/out" 2>&1; then
  cat "$work/out"
  echo "FAIL: bench/peers.sh on 2,000 lines"
  exit 1
fi
grep -q "totals agree: aidledger donors = sqlite3 shell = hledger bal -Y" "$work/bench/compare_2000.txt" || { cat "$work/out"; echo "FAIL: totals"; exit 1; }
grep -q "sheets: same names and dimensions" "$work/bench/sheets_2000.txt" || { cat "$work/out"; echo "FAIL: sheets"; exit 1; }
grep -q "| 2,000 | workbook" "$work/out" || { cat "$work/out"; echo "FAIL: no table"; exit 1; }
echo "ok: bench/peers.sh on 2,000 lines: totals agree, same sheets"
