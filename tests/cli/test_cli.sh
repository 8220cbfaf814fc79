#!/usr/bin/env bash
# The command line as a user meets it: messages, exit codes (0 ok, 1 nothing found, 2 error),
# idempotent re-ingest, bad input next to good input. usage: test_cli.sh AIDLEDGER_BINARY SOURCE_DIR
set -uo pipefail
bin=$(realpath "$1") src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() {  # check NAME EXPECTED_RC ACTUAL_RC [grep-pattern file]
  local name=$1 want=$2 got=$3
  if [ "$want" != "$got" ]; then echo "FAIL $name: exit $got, expected $want"; failed=$((failed + 1)); return; fi
  if [ $# -ge 5 ] && ! grep -q -- "$4" "$5"; then echo "FAIL $name: '$4' not in output:"; sed 's/^/    /' "$5"; failed=$((failed + 1)); return; fi
  passed=$((passed + 1))
}

"$bin" --help >"$tmp/out" 2>&1; check "help" 0 $? "ingest" "$tmp/out"
"$bin" ingest --help >"$tmp/out" 2>&1; check "ingest help" 0 $? "--manifest" "$tmp/out"
"$bin" frobnicate >"$tmp/out" 2>&1; check "unknown command" 2 $?

"$bin" ingest --db "$tmp/l.db" "$src/sample_data" >"$tmp/out" 2>&1
check "ingest samples" 0 $? "5 pages read (5 new, 0 replaced, 0 unchanged, 0 failed)" "$tmp/out"
"$bin" export --db "$tmp/l.db" --format csv >"$tmp/a.csv" 2>&1; check "export csv" 0 $?
check "export header" 0 0 "^event_id,date,date_precision,year,kind,status,donor,recipient,township,amount_yuan,approximate,quantity,unit,item,aggregate,sources$" "$tmp/a.csv"
[ "$(wc -l <"$tmp/a.csv")" -eq 23 ]; check "22 lines and a header" 0 $?

"$bin" ingest --db "$tmp/l.db" "$src/sample_data" >"$tmp/out" 2>&1
check "second ingest skips unchanged" 0 $? "5 unchanged" "$tmp/out"
"$bin" export --db "$tmp/l.db" --format csv >"$tmp/b.csv"
cmp -s "$tmp/a.csv" "$tmp/b.csv"; check "second ingest leaves the export identical" 0 $?

"$bin" export --db "$tmp/l.db" --format json >"$tmp/a.json"; check "export json" 0 $?
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d)==22 and d[0]['amount_yuan'] is not None" "$tmp/a.json"
check "json has the same 22 lines" 0 $?

# Bad input next to good input: the error names the file and the byte; the good file is read.
mkdir -p "$tmp/mixed"
printf 'abc\0def' >"$tmp/mixed/binary.txt"
cp "$src/tests/pages/gb18030_guanpo_pledge.txt" "$tmp/mixed/"
"$bin" ingest --db "$tmp/m.db" "$tmp/mixed" "$tmp/nope.txt" >"$tmp/out" 2>&1
check "bad file is an error" 2 $? "binary.txt: byte 3: contains NUL bytes" "$tmp/out"
check "missing path named" 2 2 "nope.txt: no such file or folder" "$tmp/out"
check "good file still read" 2 2 "1 new" "$tmp/out"
"$bin" export --db "$tmp/m.db" >"$tmp/m.csv"; check "export after partial failure" 0 $? "郑州市金水区" "$tmp/m.csv"

mkdir -p "$tmp/empty"
"$bin" ingest --db "$tmp/e.db" "$tmp/empty" >"$tmp/out" 2>&1; check "empty folder: nothing found" 1 $? "no page files found" "$tmp/out"
"$bin" export --db "$tmp/none.db" >"$tmp/out" 2>&1; check "export without a ledger" 2 $? "no ledger here" "$tmp/out"
AIDLEDGER_DB="$tmp/env.db" "$bin" ingest -q "$src/tests/pages/trad_tanghe_utf8.txt" >"$tmp/out" 2>&1; check "AIDLEDGER_DB" 0 $?
[ -f "$tmp/env.db" ]; check "AIDLEDGER_DB file created" 0 $?

"$bin" extract "$src/sample_data/001_16ae41943425061d.txt" >"$tmp/out" 2>&1; check "extract" 0 $? "郑州星达医疗设备制造有限公司" "$tmp/out"
"$bin" extract "$src/sample_data/002_fb9efe5851bc9182.txt" >"$tmp/out" 2>&1; check "extract: nothing found" 1 $? "未找到帮扶事件 no aid events found" "$tmp/out"
"$bin" parse money "捐赠5.67万元和图书5000册" >"$tmp/out" 2>&1; check "parse money" 0 $? "money	56700.00	exact" "$tmp/out"
check "parse money quantity" 0 0 "quantity	5000	册" "$tmp/out"
"$bin" parse money "实现年增收" >"$tmp/out" 2>&1; check "parse money: none" 1 $?
[ ! -s "$tmp/out" ]; check "parse money: prints nothing" 0 $?
"$bin" parse date "10月24日~25日" --ref 2021-10-30 >"$tmp/out" 2>&1; check "parse date" 0 $? "^2021-10-24..2021-10-25$" "$tmp/out"
"$bin" parse date "当天" --ref 2021-13-40 >"$tmp/out" 2>&1; check "parse date: bad ref" 2 $? "not a date" "$tmp/out"
"$bin" parse money "捐款十余万元,另有三十五元八角" >"$tmp/out" 2>&1; check "parse money: a floor" 0 $? "^money	100000.00	approx	at-least$" "$tmp/out"
check "parse money: jiao" 0 0 "^money	35.80	exact$" "$tmp/out"
"$bin" parse money "两三万元" >"$tmp/out" 2>&1; check "parse money: digit range" 0 $? "^money	20000.00..30000.00	approx$" "$tmp/out"
"$bin" parse money "9999999999亿元" >"$tmp/out" 2>&1; check "parse money: too large is refused" 1 $?
# Issue 8: amounts that wrapped or lost digits are refused with the reason.
"$bin" parse money "9223372036854775807元,92233720368亿元,1.234567890万元,1.2345678901万元,共5万元" >"$tmp/out" 2>&1
check "parse money: an amount is still read beside refused ones" 0 $? "^money	50000.00	exact$" "$tmp/out"
check "parse money: past int64 is refused, not -1.00" 0 0 "^refused	9223372036854775807元	more than 10^12 yuan, the ceiling of one ledger line$" "$tmp/out"
check "parse money: 亿 past int64 is refused" 0 0 "^refused	92233720368亿元	more than 10^12 yuan" "$tmp/out"
check "parse money: sub-fen is refused" 0 0 "^refused	1.234567890万元	not a whole number of fen$" "$tmp/out"
check "parse money: inexact is refused" 0 0 "^refused	1.2345678901万元	written with more decimal places than can be read exactly$" "$tmp/out"
[ "$(wc -l <"$tmp/out")" -eq 5 ]; check "parse money: nothing else read" 0 $?
mkdir -p "$tmp/huge"
printf '捐赠\n\n本报讯 2024年3月5日,郑州某某有限公司向卢氏县徐家湾乡捐赠9223372036854775807元。\n同日,郑州某某科技有限公司向徐家湾乡捐款5万元。\n郑州某某集团为双龙湾镇200户困难群众每户发放慰问金60000000000元。\n' >"$tmp/huge/h.txt"
"$bin" ingest --db "$tmp/huge.db" "$tmp/huge/h.txt" >"$tmp/out" 2>&1; check "ingest: a refused amount is a warning" 0 $? \
  "h.txt:3: warning: amount 9223372036854775807元 refused (more than 10^12 yuan, the ceiling of one ledger line); no ledger line is made of it: 本报讯" "$tmp/out"
check "ingest: a refused product names both factors" 0 0 "h.txt:5: warning: amount 60000000000元 refused (200 × 60000000000.00 yuan is more than" "$tmp/out"
"$bin" export --db "$tmp/huge.db" >"$tmp/huge.csv" 2>&1
[ "$(wc -l <"$tmp/huge.csv")" -eq 2 ]; check "ingest: only the good amount is a line" 0 $?
check "ingest: the good amount" 0 0 ",50000.00," "$tmp/huge.csv"
printf 'set %s amount=99999999999999999 reason="typo"\n' "$("$bin" explain --db "$tmp/huge.db" 1 | grep -o 'ref h#1@[0-9]*' | head -1 | cut -c5-)" >"$tmp/huge.corrections"
"$bin" ingest --db "$tmp/huge.db" >"$tmp/out" 2>&1
check "corrections: an amount past the ceiling is an error naming the file and line" 2 $? \
  "huge.corrections:1: error: amount '99999999999999999' refused: more than 10^12 yuan" "$tmp/out"
"$bin" query --db "$tmp/huge.db" >"$tmp/out" 2>&1; check "corrections: the total is unchanged" 0 $? "disbursed ¥50,000.00;" "$tmp/out"
"$bin" parse date "12月28日至1月3日" --ref 2021-12-30 >"$tmp/out" 2>&1; check "parse date: across a year end" 0 $? "^2021-12-28..2022-01-03$" "$tmp/out"
"$bin" parse date "春节期间" --ref 2024-01-20 >"$tmp/out" 2>&1; check "parse date: holiday week" 0 $? "^2024-02-09..2024-02-16$" "$tmp/out"
"$bin" parse date "“十四五”期间" --ref 2024-10-25 >"$tmp/out" 2>&1; check "parse date: five-year plan" 0 $? "^2021..2025	five-year plan$" "$tmp/out"
"$bin" parse date "十四五期间,2023年3月" --ref 2024-10-25 >"$tmp/out" 2>&1; check "parse date: a plan dates nothing" 0 $? "^2023-03$" "$tmp/out"

# A manifest dates a page that names no year; a bad manifest line is named with its line.
printf 'file,published\nno_year_tranche_hengjian.txt,2023-03-10\n' >"$tmp/manifest.csv"
"$bin" ingest --db "$tmp/n.db" --manifest "$tmp/manifest.csv" "$src/tests/pages/no_year_tranche_hengjian.txt" >"$tmp/out" 2>&1
check "manifest" 0 $?
"$bin" export --db "$tmp/n.db" >"$tmp/n.csv"; check "manifest dates the page" 0 $? ",2022-11,month,2022,cash,disbursed,郑州高新区," "$tmp/n.csv"
printf 'x.txt,2023-13-10\n' >"$tmp/bad_manifest.csv"
"$bin" ingest --db "$tmp/n.db" --manifest "$tmp/bad_manifest.csv" "$src/tests/pages" >"$tmp/out" 2>&1
check "bad manifest line" 2 $? "bad_manifest.csv:1: expected FILE,YYYY-MM-DD" "$tmp/out"

# report: the workbook, CSV tables, filters, and errors with suggestions.
"$bin" report --db "$tmp/l.db" --out "$tmp/r.xlsx" >"$tmp/out" 2>&1; check "report xlsx" 0 $? "22 ledger lines reported" "$tmp/out"
[ -s "$tmp/r.xlsx" ]; check "workbook written" 0 $?
"$bin" report --db "$tmp/l.db" --format csv --out "$tmp/csv" >"$tmp/out" 2>&1; check "report csv" 0 $?
[ "$(ls "$tmp/csv" | wc -l)" -eq 9 ]; check "nine CSV tables" 0 $?
check "csv yearly totals" 0 0 "^2019,1500000.00,1500000.00,480000.00,0.00,3480000.00$" "$tmp/csv/yearly_totals.csv"
"$bin" report --db "$tmp/l.db" --format csv --out "$tmp/csv2" --township 徐家灣鄉 --from 2024 >"$tmp/out" 2>&1
check "report filtered by township (Traditional) and year" 0 $? "ledger lines reported" "$tmp/out"
check "filtered totals" 0 0 "^2024,500000.00,0.00,150000.00,0.00,650000.00$" "$tmp/csv2/yearly_totals.csv"
"$bin" report --db "$tmp/l.db" --out "$tmp/x.xlsx" --township 徐家弯 >"$tmp/out" 2>&1
check "unknown township" 2 $? "unknown township '徐家弯' (did you mean 徐家湾乡" "$tmp/out"
"$bin" report --db "$tmp/l.db" --out "$tmp/x.xlsx" --donor "' OR 1=1 --" >"$tmp/out" 2>&1
check "donor text is a bound value, not SQL: no donor matches, refused" 2 $? "unknown donor '' OR 1=1 --': no donor's name or alias contains it" "$tmp/out"
[ ! -e "$tmp/x.xlsx" ]; check "a refused donor writes no workbook" 0 $?
"$bin" report --db "$tmp/l.db" --out "$tmp/x.xlsx" --from 2024 --to 2019 >"$tmp/out" 2>&1; check "from after to" 2 $? "is after" "$tmp/out"

# Control characters from pages never reach the terminal raw (issue 8): ESC, BEL, backspace and
# bidirectional overrides in a page are printed as visible escapes by every command that shows page text.
mkdir -p "$tmp/esc"
printf '捐赠\n\n本报讯 2024年3月5日,郑州\033[2J\033]0;pwned\007某某\010\010有限公司向卢氏县徐家湾乡捐赠5万元\342\200\256\033[31m。\n' >"$tmp/esc/esc.txt"
"$bin" ingest -q --db "$tmp/esc.db" "$tmp/esc/esc.txt" >"$tmp/out" 2>&1; check "ingest a page with control characters" 0 $?
for cmd in "explain 1 --db $tmp/esc.db" "timeline --db $tmp/esc.db" "query --db $tmp/esc.db --width 200" "donors --db $tmp/esc.db --width 200" \
           "townships --db $tmp/esc.db" "check --db $tmp/esc.db" "extract $tmp/esc/esc.txt"; do
  # shellcheck disable=SC2086
  "$bin" $cmd >"$tmp/out" 2>&1
  case $cmd in townships*|check*) ;; *) grep -q "有限公司" "$tmp/out"; check "${cmd%% *}: shows the page's text" 0 $? ;; esac
  ! grep -q -P '[\x00-\x08\x0b-\x1f\x7f]|\xe2\x80[\xaa-\xae]' "$tmp/out"; check "${cmd%% *}: no raw control character" 0 $?
done
"$bin" explain 1 --db "$tmp/esc.db" >"$tmp/out" 2>&1
check "explain shows control characters as escapes" 0 $? 'evidence: 本报讯 2024年3月5日,郑州\\x1b\[2J\\x1b\]0;pwned\\x07某某\\x08\\x08有限公司向卢氏县徐家湾乡捐赠5万元\\u202e\\x1b\[31m。$' "$tmp/out"

# --- Folders and files (issue 8): each bad entry is named with its reason and skipped, the rest read.
mkdir -p "$tmp/walk/sub"
cp "$src/tests/pages/trad_tanghe_utf8.txt" "$tmp/walk/"
cp "$src/tests/pages/gb18030_guanpo_pledge.txt" "$tmp/walk/sub/"
ln -s self "$tmp/walk/self"          # a link to itself
ln -s .. "$tmp/walk/sub/up"          # a link back to a folder it is in
ln -s nowhere "$tmp/walk/dangling"
ln -s /dev/zero "$tmp/walk/zero"
mkfifo "$tmp/walk/fifo"
"$bin" ingest --db "$tmp/walk.db" "$tmp/walk" >"$tmp/out" 2>&1
check "folder: bad entries make exit 2" 2 $? "walk/self: a symlink loop" "$tmp/out"
check "folder: a loop back to a parent folder" 2 2 "walk/sub/up: a symlink loop (it leads back to a folder it is in); skipped" "$tmp/out"
check "folder: a FIFO is refused by name" 2 2 "walk/fifo: is a FIFO (named pipe), not a file; skipped" "$tmp/out"
check "folder: a device is refused by name" 2 2 "walk/zero: is a character device, not a file; skipped" "$tmp/out"
check "folder: a broken link" 2 2 "walk/dangling: a broken symlink (to nowhere, which does not exist); skipped" "$tmp/out"
check "folder: the rest is read" 2 2 "2 pages read (2 new" "$tmp/out"
"$bin" ingest --db "$tmp/walk.db" "$tmp/walk/self/x.txt" >"$tmp/out" 2>&1
check "a path through a loop is called a loop" 2 $? "walk/self/x.txt: a symlink loop" "$tmp/out"
timeout 20 "$bin" ingest --db "$tmp/walk.db" "$tmp/walk/fifo" >"$tmp/out" 2>&1
check "a FIFO named on the command line: refused, no hang" 2 $? "walk/fifo: is a FIFO (named pipe), not a file" "$tmp/out"
timeout 20 "$bin" extract /dev/zero >"$tmp/out" 2>&1
check "/dev/zero is refused without reading" 2 $? "/dev/zero: is a character device, not a file; not read" "$tmp/out"
timeout 20 "$bin" extract "$tmp/walk/fifo" >"$tmp/out" 2>&1
check "extract: a FIFO is refused" 2 $? "is a FIFO (named pipe), not a file; not read" "$tmp/out"
python3 -c "import sys; open(sys.argv[1], 'w').write('卢氏县徐家湾乡。\n' * 60000)" "$tmp/big.txt"
"$bin" ingest --db "$tmp/big.db" --max-page-size 1MiB "$tmp/big.txt" >"$tmp/out" 2>&1
check "a page over --max-page-size is refused with its size" 2 $? "big.txt: 1.4 MiB (1500000 bytes) is over the size limit of 1.0 MiB (1048576 bytes); not read (--max-page-size sets the limit)" "$tmp/out"
"$bin" ingest -q --db "$tmp/big.db" "$tmp/big.txt" >"$tmp/out" 2>&1; check "the same page under the default limit is read" 0 $?

# UTF-32 with a byte-order mark is read (little- and big-endian).
python3 - "$src/tests/pages/trad_tanghe_utf8.txt" "$tmp/u32" <<'PY'
import os, sys
text = open(sys.argv[1], encoding="utf-8").read()
os.makedirs(sys.argv[2], exist_ok=True)
open(f"{sys.argv[2]}/le.txt", "wb").write(b"\xff\xfe\x00\x00" + text.encode("utf-32-le"))
open(f"{sys.argv[2]}/be.txt", "wb").write(b"\x00\x00\xfe\xff" + text.encode("utf-32-be"))
PY
"$bin" extract "$tmp/u32/le.txt" >"$tmp/out" 2>&1; check "UTF-32LE with BOM" 0 $? "le.txt: UTF-32LE, Hant 文字 script" "$tmp/out"
check "UTF-32LE: the events are read" 0 0 "50000.00" "$tmp/out"
"$bin" extract "$tmp/u32/be.txt" >"$tmp/out" 2>&1; check "UTF-32BE with BOM" 0 $? "be.txt: UTF-32BE, Hant 文字 script" "$tmp/out"

# A page stored under a wrong --encoding (0 reports) is read again without it, not "unchanged".
"$bin" ingest --db "$tmp/enc.db" --encoding ISO-8859-1 "$src/tests/pages/trad_tanghe_utf8.txt" >"$tmp/out" 2>&1
check "a wrong --encoding gives no reports" 0 $? "0 aid reports" "$tmp/out"
"$bin" ingest --db "$tmp/enc.db" "$src/tests/pages/trad_tanghe_utf8.txt" >"$tmp/out" 2>&1
check "read again with the encoding detected" 0 $? "(0 new, 1 replaced, 0 unchanged, 0 failed); 1 article, 1 about the paired county; 3 aid reports" "$tmp/out"

# A manifest date outside 1949–2100 is refused with the file and line, never printed as -001-….
printf 'trad_tanghe_utf8.txt,0000-10-24\n' >"$tmp/manifest0.csv"
"$bin" ingest --db "$tmp/m0.db" --manifest "$tmp/manifest0.csv" "$src/tests/pages/trad_tanghe_utf8.txt" >"$tmp/out" 2>&1
check "manifest year 0000" 2 $? "manifest0.csv:1: the date 0000-10-24 is outside the years 1949 to 2100" "$tmp/out"
[ ! -e "$tmp/m0.db" ]; check "a bad manifest stops before the ledger is touched" 0 $?
"$bin" extract "$src/tests/pages/trad_tanghe_utf8.txt" --published 0000-10-24 >"$tmp/out" 2>&1
check "extract --published 0000" 2 $? "published 0000-10-24 is outside the years 1949 to 2100" "$tmp/out"
"$bin" parse date "10月24日" --ref 0000-10-30 >"$tmp/out" 2>&1; check "parse date --ref 0000" 2 $? "ref 0000-10-30 is outside the years" "$tmp/out"
! grep -q -- "-001-" "$tmp/out"; check "no year -001 printed" 0 $?

# --- Databases (issue 8).
python3 -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1]); db.execute('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)')
db.execute(\"INSERT INTO customers (name) VALUES ('x')\"); db.commit()" "$tmp/foreign.db"
sum_before=$(sha256sum <"$tmp/foreign.db")
for cmd in query export donors townships timeline check "explain 1" "report --out $tmp/foreign.xlsx" ingest; do
  # shellcheck disable=SC2086
  "$bin" $cmd --db "$tmp/foreign.db" >"$tmp/out" 2>&1
  check "another program's database: $cmd refuses it" 2 $? "foreign.db: not an aidledger ledger: a SQLite database of another program (it holds customers); it was left as it was" "$tmp/out"
done
[ "$(sha256sum <"$tmp/foreign.db")" = "$sum_before" ]; check "another program's database: its bytes are unchanged" 0 $?
[ ! -e "$tmp/foreign.db-wal" ] && [ ! -e "$tmp/foreign.xlsx" ]; check "another program's database: nothing made beside it" 0 $?
printf 'hello\n' >"$tmp/text.db"
"$bin" query --db "$tmp/text.db" >"$tmp/out" 2>&1; check "a file that is no database" 2 $? "text.db: not an aidledger ledger: not a SQLite database at all" "$tmp/out"

cp "$tmp/l.db" "$tmp/ro.db"; chmod 444 "$tmp/ro.db"
"$bin" export --db "$tmp/ro.db" >"$tmp/ro.csv" 2>&1; check "export reads a read-only ledger" 0 $?
cmp -s "$tmp/a.csv" "$tmp/ro.csv"; check "read-only ledger: the same export" 0 $?
"$bin" query --db "$tmp/ro.db" >"$tmp/out" 2>&1; check "query reads a read-only ledger" 0 $? "total: 22 lines" "$tmp/out"

cp "$tmp/l.db" "$tmp/newer.db"
python3 -c "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); db.execute('PRAGMA user_version = 99'); db.commit()" "$tmp/newer.db"
"$bin" query --db "$tmp/newer.db" >"$tmp/out" 2>&1; check "a newer schema is refused" 2 $? "newer.db: made by a newer aidledger (schema 99" "$tmp/out"
"$bin" ingest --db "$tmp/newer.db" >"$tmp/out" 2>&1; check "a newer schema is refused by ingest" 2 $? "made by a newer aidledger" "$tmp/out"

# set donor= (no name) marks the donor unknown; later ingests keep working (no FOREIGN KEY failure).
"$bin" ingest -q --db "$tmp/d.db" "$src/sample_data/000_8606990f79117e30.txt" >/dev/null 2>&1
ref=$("$bin" explain --db "$tmp/d.db" 1 | grep -o 'ref [^)]*' | head -1 | cut -d' ' -f2)
printf 'set %s donor= reason="the giver is not known"\n' "$ref" >"$tmp/d.corrections"
"$bin" ingest --db "$tmp/d.db" >"$tmp/out" 2>&1; check "set donor= is applied" 0 $? "d.corrections: 1 correction read: 1 matched and applied, 0 unmatched" "$tmp/out"
"$bin" ingest --db "$tmp/d.db" "$src/sample_data" >"$tmp/out" 2>&1; check "ingest after set donor=" 0 $? "1 matched and applied" "$tmp/out"
"$bin" explain --db "$tmp/d.db" 1 >"$tmp/out" 2>&1; check "the donor is unknown" 0 $? "（未知）Unknown" "$tmp/out"

# --- Messages name their subject and the reason.
"$bin" ingest --db "$tmp/nodir/x.db" "$src/sample_data" >"$tmp/out" 2>&1
check "a database that cannot be opened" 2 $? "nodir/x.db: cannot open the database: its folder $tmp/nodir does not exist" "$tmp/out"
"$bin" export --db "$tmp/l.db" --out "$tmp/nodir/x.csv" >"$tmp/out" 2>&1
check "cannot write: with the reason" 2 $? "nodir/x.csv: cannot write: No such file or directory" "$tmp/out"
if [ -w /dev/full ]; then
  "$bin" export --db "$tmp/l.db" --out /dev/full >"$tmp/out" 2>&1
  check "cannot write: a full disk" 2 $? "/dev/full: cannot write: No space left on device" "$tmp/out"
fi
cp "$tmp/l.db" "$tmp/locked.db"
python3 -c "
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None); db.execute('BEGIN IMMEDIATE')
open(sys.argv[2], 'w').close(); time.sleep(5)" "$tmp/locked.db" "$tmp/locked.flag" &
holder=$!
for _ in $(seq 1 100); do [ -e "$tmp/locked.flag" ] && break; sleep 0.05; done
"$bin" ingest --db "$tmp/locked.db" --wait 0.5 "$src/tests/pages" >"$tmp/out" 2>&1
check "a locked ledger: named, and said so" 2 $? "locked.db: the ledger is locked by another program (another aidledger ingest?) and stayed locked for 0.5 s" "$tmp/out"
"$bin" export --db "$tmp/locked.db" >/dev/null 2>"$tmp/out"; check "a locked ledger can still be read" 0 $?
kill $holder 2>/dev/null; wait $holder 2>/dev/null

# Permissions: run as an unprivileged user (root reads and writes anything).
as_user() { if [ "$(id -u)" -eq 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi; }
chmod 755 "$tmp"
if as_user "$bin" --version >/dev/null 2>&1; then
  mkdir -p "$tmp/locked_folder/inner" "$tmp/rodir" "$tmp/rwdir"
  cp "$src/tests/pages/trad_tanghe_utf8.txt" "$tmp/locked_folder/"
  cp "$src/tests/pages/gb18030_guanpo_pledge.txt" "$tmp/locked_folder/inner/"
  chmod 000 "$tmp/locked_folder/inner"
  chmod 777 "$tmp/rwdir"
  as_user "$bin" ingest --db "$tmp/rwdir/p.db" "$tmp/locked_folder" >"$tmp/out" 2>&1
  check "an unreadable folder is named and skipped, exit 2" 2 $? "locked_folder/inner: cannot read the folder: Permission denied; skipped" "$tmp/out"
  check "the rest of the folder is read" 2 2 "1 page read (1 new" "$tmp/out"
  chmod 755 "$tmp/locked_folder/inner"
  cp "$tmp/l.db" "$tmp/rodir/l.db"; chmod 444 "$tmp/rodir/l.db"; chmod 555 "$tmp/rodir"
  as_user "$bin" export --db "$tmp/rodir/l.db" >"$tmp/ro2.csv" 2>"$tmp/out"
  check "a read-only ledger in a read-only folder is read" 0 $?
  cmp -s "$tmp/a.csv" "$tmp/ro2.csv"; check "…with the same export" 0 $?
  as_user "$bin" ingest --db "$tmp/rodir/l.db" "$src/tests/pages" >"$tmp/out" 2>&1
  check "ingest into a read-only ledger: named, and why" 2 $? "rodir/l.db: cannot write the ledger: the file is read-only" "$tmp/out"
  chmod 755 "$tmp/rodir"
else
  echo "skipped: the permission cases (cannot run as an unprivileged user here)"
fi

# Pages are recorded with absolute paths, so findings name files that open from where check runs
# (issue 10). A ledger of an older aidledger holds paths relative to where it was ingested; the next
# ingest from there anchors them (the pages are then unchanged, not new).
mkdir -p "$tmp/legacy" && cp -r "$src/sample_data" "$tmp/legacy/pages"
real=$(cd "$tmp" && pwd -P)
(cd "$tmp/legacy" && "$bin" ingest -q --db legacy.db pages) >/dev/null 2>&1
(cd "$tmp" && "$bin" check --db legacy/legacy.db --check unresolved-place) >"$tmp/out" 2>&1
check "check names a page relative to where it runs" 0 $? "^legacy/pages/000_8606990f79117e30.txt:53: unresolved-place" "$tmp/out"
mkdir -p "$tmp/other"
(cd "$tmp/other" && "$bin" check --db "$tmp/legacy/legacy.db" --check unresolved-place) >"$tmp/out" 2>&1
check "…and in full from a folder it is not under" 0 $? "^$real/legacy/pages/000_8606990f79117e30.txt:53: unresolved-place" "$tmp/out"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE pages SET path = substr(path, length(?) + 1)\", (sys.argv[2],)); c.commit()" \
  "$tmp/legacy/legacy.db" "$real/legacy/"
(cd "$tmp" && "$bin" check --db legacy/legacy.db --check unresolved-place) >"$tmp/out" 2>&1
check "an older ledger's relative path is shown as recorded" 0 $? "^pages/000_8606990f79117e30.txt:53: unresolved-place" "$tmp/out"
(cd "$tmp/legacy" && "$bin" ingest --db legacy.db pages) >"$tmp/out" 2>&1
check "ingest from where the relative paths resolve: the pages are unchanged" 0 $? "5 pages read (0 new, 0 replaced, 5 unchanged, 0 failed)" "$tmp/out"
(cd "$tmp" && "$bin" check --db legacy/legacy.db --check unresolved-place) >"$tmp/out" 2>&1
check "…and anchored: named from anywhere" 0 $? "^legacy/pages/000_8606990f79117e30.txt:53: unresolved-place" "$tmp/out"

# Pages are read on a second thread and stored in order: a folder ingested at once gives the ledger
# that ingesting its files one by one gives (same events, ids, reports and merge reasons).
"$bin" generate -q --pages 60 --seed 5 --out "$tmp/gen" >/dev/null 2>&1
"$bin" ingest -q --db "$tmp/gen_all.db" "$tmp/gen/pages" >/dev/null 2>&1
check "ingest of a generated folder" 0 $?
for f in "$tmp"/gen/pages/*; do "$bin" ingest -q --db "$tmp/gen_one.db" "$f" >/dev/null 2>&1 || echo "failed: $f"; done >"$tmp/out"
check "…and of its files one by one" 0 $? 
! grep -q failed "$tmp/out"
check "…every file stored" 0 $?
python3 - "$tmp/gen_all.db" "$tmp/gen_one.db" <<'PY'
import sqlite3, sys
def rows(path):
    c = sqlite3.connect(path)
    return [c.execute(q).fetchall() for q in (
        "SELECT * FROM events ORDER BY id",
        "SELECT event_id, township, covers, amount_fen, quantity FROM allocations ORDER BY id",
        "SELECT id, event_id, article_id, byte_start, merge_reason FROM mentions ORDER BY id")]
a, b = rows(sys.argv[1]), rows(sys.argv[2])
assert a[0] and a == b, "the two ledgers differ"
PY
check "…the same ledger" 0 $?

# The table's width comes from the terminal (TIOCGWINSZ) when standard output is one.
if command -v script >/dev/null 2>&1; then
  script -qc "stty cols 90 rows 40; '$bin' query --db '$tmp/l.db'" /dev/null >"$tmp/out" 2>&1
  check "a terminal 90 columns wide: the table fits it" 0 $? "hidden at width 90: " "$tmp/out"
  python3 - "$tmp/out" <<'PY'
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8").read().replace("\r", "").splitlines():
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    assert w <= 90, (w, line)
PY
  check "…every line at most 90 columns" 0 $?
  # Ingest on a terminal: a progress line on standard error (pages, MB, MB/s, time left).
  rm -f "$tmp/p.db"
  script -qc "'$bin' ingest --db '$tmp/p.db' '$src/sample_data'" /dev/null >"$tmp/out" 2>&1
  check "ingest on a terminal shows its progress" 0 $? "ingest: 5/5 pages, .* MB/s" "$tmp/out"
  rm -f "$tmp/p.db"
  script -qc "'$bin' ingest --quiet --db '$tmp/p.db' '$src/sample_data'" /dev/null >"$tmp/out" 2>&1
  ! grep -q "pages, " "$tmp/out"
  check "…and none with --quiet" 0 $?
  rm -f "$tmp/p.db"
  script -qc "'$bin' ingest --db '$tmp/p.db' '$src/sample_data' 2>'$tmp/err'" /dev/null >"$tmp/out" 2>&1
  ! grep -q "ingest: " "$tmp/err" "$tmp/out"
  check "…and none when standard error is not a terminal" 0 $?
fi

# A village one page places is placed on pages ingested after it, in this run or a later one.
mkdir -p "$tmp/places1" "$tmp/places2"
printf '结对帮扶\n\n本报讯 4月12日，高新区教育局到卢氏县徐家湾乡桃坪沟村小学调研。\n' >"$tmp/places1/2021-04-14_a.txt"
printf '爱心助学\n\n本报讯 5月20日，高新区到卢氏县徐家湾乡、双龙湾镇开展助学活动。区总工会为桃坪沟村捐赠帮扶资金3万元。\n' >"$tmp/places2/2021-05-22_b.txt"
"$bin" ingest --db "$tmp/places.db" "$tmp/places1" >/dev/null 2>&1 && "$bin" ingest --db "$tmp/places.db" "$tmp/places2" >/dev/null 2>&1
"$bin" export --db "$tmp/places.db" --format csv >"$tmp/places.csv" 2>&1
check "a village placed by a page ingested earlier" 0 $? ",桃坪沟村,徐家湾乡,30000.00," "$tmp/places.csv"
"$bin" explain --db "$tmp/places.db" 1 >"$tmp/out" 2>&1
check "…and the note says which page placed it" 0 $? "桃坪沟村 placed in 徐家湾乡 as page 2021-04-14_a.txt names it" "$tmp/out"
check "…in Chinese first, the English beside" 0 0 "备注 notes: 桃坪沟村 归入徐家湾乡（页面 2021-04-14_a.txt 所写） 桃坪沟村 placed in 徐家湾乡 as page 2021-04-14_a.txt names it$" "$tmp/out"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
