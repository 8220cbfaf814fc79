#!/usr/bin/env bash
# Outputs are whole or absent (issue 8): export, the workbook and the CSV report are written beside
# their target and renamed only when complete, so a full disk or an error leaves the old file as it
# was and no empty or half-written file; errors name the file and the reason; a text longer than
# Excel's cell limit is cut with a marked ellipsis instead of failing the workbook; CSV text cells
# that look like formulas are neutralised.
# usage: test_outputs.sh AIDLEDGER_BINARY MAKE_LEDGER_BINARY SOURCE_DIR
set -uo pipefail
bin=$(realpath "$1") make_ledger=$(realpath "$2") src=$(realpath "$3")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() {  # check NAME EXPECTED_RC ACTUAL_RC [grep-pattern file]
  local name=$1 want=$2 got=$3
  if [ "$want" != "$got" ]; then echo "FAIL $name: exit $got, expected $want"; failed=$((failed + 1)); return; fi
  if [ $# -ge 5 ] && ! grep -q -- "$4" "$5"; then echo "FAIL $name: '$4' not in output:"; sed 's/^/    /' "$5"; failed=$((failed + 1)); return; fi
  passed=$((passed + 1))
}
no_temporaries() {  # no_temporaries NAME DIR: nothing of ours half-written is left
  local left
  left=$(find "$2" -name '.*.tmp-*' | head -3)
  [ -z "$left" ]; check "$1: no temporary file left" 0 $?
}
# The error is one line: aidledger's, naming the file and why; none of libxlsxwriter's own
# ([ERROR][./src/packager.c:1541]: …), which it prints on standard error before returning an error.
alone() {  # alone FILE: one line, none of libxlsxwriter's (shown when not)
  [ "$(wc -l <"$1")" -eq 1 ] && ! grep -q '^\[ERROR\]' "$1" && return 0
  sed 's/^/    /' "$1"
  return 1
}
# A full disk for one process: files may not grow past LIMIT KiB; writes then fail with EFBIG
# ("File too large") instead of killing the process. (The ledger itself stays under the limit.)
limited() { local limit=$1; shift; (trap '' XFSZ; ulimit -f "$limit"; "$@"); }

"$make_ledger" "$tmp/big.db" 3000 >/dev/null
cd "$tmp" || exit 2

# export: a full disk leaves the old file; /dev/full and standard output are named.
"$bin" export --db big.db --out big.csv; check "export" 0 $?
cp big.csv big.before
limited 200 "$bin" export --db big.db --out big.csv >out 2>&1
check "export on a full disk is an error naming the file and why" 2 $? "^aidledger: error: big.csv: cannot write: File too large$" out
cmp -s big.csv big.before; check "export on a full disk leaves the old file" 0 $?
limited 200 "$bin" export --db big.db --out new.csv >out 2>&1; check "export on a full disk: error" 2 $?
[ ! -e new.csv ]; check "export on a full disk leaves no file where there was none" 0 $?
"$bin" export --db big.db --out /dev/full >out 2>&1
check "export to /dev/full" 2 $? "^aidledger: error: /dev/full: cannot write: No space left on device$" out
"$bin" export --db big.db >/dev/full 2>out
check "export to a full standard output" 2 $? "^aidledger: error: standard output: cannot write: No space left on device$" out
no_temporaries "export" "$tmp"

# The workbook: libxlsxwriter's temporary sheet files and the workbook itself.
"$bin" report --db big.db --out r.xlsx >/dev/null; check "workbook" 0 $?
cp r.xlsx r.before
limited 200 "$bin" report --db big.db --out r.xlsx >out 2>&1
check "workbook on a full disk is an error naming the file and why" 2 $? "^aidledger: error: r.xlsx: cannot write: .*File too large$" out
alone out; check "workbook on a full disk: aidledger's message alone" 0 $?
cmp -s r.xlsx r.before; check "workbook on a full disk leaves the old file" 0 $?
"$bin" report --db big.db --out /dev/full >out 2>&1
check "workbook to /dev/full names the file and libxlsxwriter's reason" 2 $? "^aidledger: error: /dev/full: cannot write: closing the workbook: .*(No space left on device)$" out
alone out; check "workbook to /dev/full: aidledger's message alone, none of libxlsxwriter's" 0 $?
no_temporaries "workbook" "$tmp"

# The CSV report: a write error is an error (it was SIGABRT, an exception from ~Sheet), and the
# folder keeps its old files, all of them.
"$bin" report --db big.db --format csv --out csv >/dev/null; check "csv report" 0 $?
(cd csv && md5sum ./*.csv) >sums
limited 200 "$bin" report --db big.db --format csv --out csv >out 2>&1
check "csv report on a full disk is an error, not an abort" 2 $? "^aidledger: error: csv/ledger.csv: cannot write: File too large$" out
(cd csv && md5sum --quiet -c ../sums); check "csv report on a full disk leaves every old file" 0 $?
limited 200 "$bin" report --db big.db --format csv --out csv_new >out 2>&1; check "csv report on a full disk: error" 2 $?
[ ! -e csv_new ]; check "csv report on a full disk leaves no folder where there was none" 0 $?
no_temporaries "csv report" "$tmp"

# An error while the report is computed (a ledger whose totals pass int64) leaves the old
# workbook: it used to be replaced by a file of the first sheets only.
cp big.db bad.db
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('UPDATE allocations SET amount_fen = 5000000000000000000 WHERE amount_fen IS NOT NULL'); c.commit()" bad.db
"$bin" report --db bad.db --out r.xlsx >out 2>&1
check "workbook of a ledger past int64: an error naming it" 2 $? "^aidledger: error: bad.db: the .* total: the sum leaves the range of a 64-bit integer" out
cmp -s r.xlsx r.before; check "workbook error leaves the old file" 0 $?
"$bin" report --db bad.db --out fresh.xlsx >/dev/null 2>&1; check "workbook error: exit 2" 2 $?
[ ! -e fresh.xlsx ]; check "workbook error leaves no file where there was none" 0 $?
no_temporaries "report errors" "$tmp"

# Excel's cell limit: an event with 400 reports has a Timeline cell far past 32,767 characters.
"$make_ledger" many.db 50 400 >/dev/null
"$bin" report --db many.db --out many.xlsx >out 2>&1; check "workbook of an event with 400 reports" 0 $? "50 ledger lines reported" out
python3 - "$src/tests/report" many.xlsx <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
import xlsx_read
sheets, _ = xlsx_read.read(sys.argv[2])
longest = max((v for cells in sheets.values() for v in cells.values() if isinstance(v, str)), key=len)
units = len(longest.encode("utf-16-le")) // 2
assert units <= 32767, units
assert "…(截断 truncated: " in longest and longest.endswith("more characters; full text: aidledger explain 1)"), longest[-120:]
EOF
check "a cell past Excel's limit is cut with a marked ellipsis naming explain" 0 $?
# README, Limits: a row is at most 28 lines of text tall (406 points, under Excel's 409), so that
# cell is cut at the bottom on screen and in print.
python3 - "$src/tests/report" many.xlsx <<'EOF'
import re, sys, zipfile
import xml.etree.ElementTree as ET
sys.path.insert(0, sys.argv[1])
import xlsx_read
sheets, _ = xlsx_read.read(sys.argv[2])
timeline = sheets["时间线 Timeline"]
longest = max((v for v in timeline.values() if isinstance(v, str)), key=len)
row = next(r for (r, c), v in timeline.items() if v is longest)
z = zipfile.ZipFile(sys.argv[2])
files = sorted((n for n in z.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)), key=lambda n: int(re.findall(r"\d+", n)[0]))
x = ET.fromstring(z.read(files[list(sheets).index("时间线 Timeline")]))
ht = {int(e.get("r")) - 1: float(e.get("ht", 15)) for e in x.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}row")}
assert ht[row] == 14.5 * 28, (row, ht.get(row))
EOF
check "the tallest row is 28 lines of text, under Excel's 409 points (README, Limits)" 0 $?
"$bin" report --db many.db --format csv --out many_csv >/dev/null 2>&1
[ "$(wc -c <many_csv/timeline.csv)" -gt 70000 ]; check "the CSV report keeps the full text" 0 $?

# CSV injection: text cells from pages that begin like a formula are neutralised; numbers are not.
python3 - big.db <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE organisations SET name = '=cmd|'' /C calc''!A0' WHERE id = 1")
c.execute("UPDATE organisations SET name = '=HYPERLINK(\"http://x\",\"y\")' WHERE id = 2")
c.execute("UPDATE organisations SET name = '+1+1' WHERE id = 3")
c.execute("UPDATE organisations SET name = '-2+3' WHERE id = 4")
c.execute("UPDATE organisations SET name = '@SUM(1)' WHERE id = 5")
c.execute("UPDATE organisations SET name = char(9) || 'tab' WHERE id = 6")
c.execute("UPDATE allocations SET recipient = char(13) || 'cr' WHERE event_id = 1")
c.commit()
EOF
"$bin" export --db big.db --out inj.csv; check "export with formula-like text" 0 $?
"$bin" report --db big.db --format csv --out inj_csv >/dev/null; check "csv report with formula-like text" 0 $?
"$bin" query --db big.db --format csv >inj_query.csv; check "query csv with formula-like text" 0 $?
"$bin" export --db big.db --no-neutralise --out raw.csv; check "export --no-neutralise" 0 $?
python3 - inj.csv inj_csv/ledger.csv inj_query.csv raw.csv <<'EOF'
import csv, sys
dangerous = ("=", "+", "-", "@", "\t", "\r")
for path in sys.argv[1:4]:
    rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
    cells = [c for r in rows for c in r]
    bad = [c for c in cells if c.startswith(dangerous)]
    assert not bad, (path, bad[:5])
    for want in ("'=cmd|' /C calc'!A0", "'=HYPERLINK(\"http://x\",\"y\")", "'+1+1", "'-2+3", "'@SUM(1)", "'\ttab", "'\rcr"):
        assert want in cells, (path, want)
# Numbers stay numbers: amount_yuan and quantity parse as numbers in every row of the export.
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
for r in rows:
    if r["amount_yuan"]:
        float(r["amount_yuan"])
    if r["quantity"]:
        int(r["quantity"])
    int(r["event_id"])
# --no-neutralise writes the text as it is.
raw = [c for r in csv.reader(open(sys.argv[4], encoding="utf-8", newline="")) for c in r]
assert "=cmd|' /C calc'!A0" in raw and "-2+3" in raw and "'-2+3" not in raw
EOF
check "CSV outputs neutralise formula-like text cells only; --no-neutralise keeps them" 0 $?

# A negative amount in a text-free numeric column is never prefixed (a machine reads it back).
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('UPDATE allocations SET amount_fen = -150 WHERE event_id = 2'); c.commit()" big.db
"$bin" export --db big.db --out neg.csv; check "export of a negative amount" 0 $?
grep -q '^2,.*,-1.50,' neg.csv; check "a negative amount stays a number" 0 $?

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
