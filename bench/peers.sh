#!/usr/bin/env bash
# Issue 9, benchmarks against what users would pick instead. For each size, a synthetic ledger
# (build/aidledger_make_ledger, deterministic) is measured side by side, one program at a time,
# each under /usr/bin/time -v (wall time, peak RSS):
#   workbook:      aidledger report --db L --out X.xlsx
#                  against bench/peer_workbook.py (Debian's python3-xlsxwriter, constant_memory,
#                  the same nine sheets from the same queries; no charts)
#   yearly totals: aidledger donors --by-year --format csv
#                  against the sqlite3 shell running one GROUP BY over aidledger's join and line
#                  filter (bench/peer_totals.py sql), the sqlite3 shell running aidledger's own row
#                  query (Reader::each_total_row, rows to /dev/null), and hledger bal -Y -O csv on an
#                  equivalent journal (bench/peer_totals.py journal; writing it is not timed as hledger)
# then checks that the three give the same totals for every donor and year (exit 1 if not) and that
# the two workbooks have the same sheets with the same dimensions (exit 1 if not). Prints a
# markdown table and the machine's state. A benchmark, not a test: nothing fails on slow figures.
#
# usage: bench/peers.sh AIDLEDGER_BUILD_DIR [LINES ...]     (default lines: 200000 1000000)
# env:   WORK (folder for ledgers and outputs; default a new one under /tmp)  KEEP=1 (keep WORK)
#        TIMEOUT (seconds allowed to one program; default 600: past it the figure is "> TIMEOUT s")
#        PYTHON (default /usr/bin/python3, Debian's, which has python3-xlsxwriter)
#        DOC=FILE (also write the report into FILE between "<!-- peers begin -->" and
#        "<!-- peers end -->", or append them; e.g. DOC=docs/PERFORMANCE.md)
# Run it under nice on a shared machine: nice bench/peers.sh build
set -euo pipefail
build_arg=$1
build=$(realpath "$1")
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200000 1000000)
here=$(cd "$(dirname "$0")" && pwd)
bin=$build/aidledger
make_ledger=$build/aidledger_make_ledger
python=${PYTHON:-/usr/bin/python3}
timeout_s=${TIMEOUT:-600}
work=${WORK:-$(mktemp -d /tmp/aidledger-peers.XXXXXX)}
mkdir -p "$work"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

need() { echo "peers.sh: $1 is needed ($2)" >&2; exit 2; }
[ -x "$bin" ] || need "$bin" "build aidledger first"
[ -x "$make_ledger" ] || need "$make_ledger" "cmake --build $build_arg --target aidledger_make_ledger"
[ -x /usr/bin/time ] || need /usr/bin/time "Debian package 'time'"
command -v sqlite3 >/dev/null || need sqlite3 "Debian package 'sqlite3'"
command -v hledger >/dev/null || need hledger "Debian package 'hledger'"
"$python" -c 'import xlsxwriter' 2>/dev/null || need "$python with xlsxwriter" "Debian package 'python3-xlsxwriter'"

doc=${DOC:-}
[ -z "$doc" ] || [ -w "$doc" ] || [ ! -e "$doc" ] || { echo "peers.sh: $doc: cannot write" >&2; exit 2; }
command_line="bench/peers.sh $build_arg ${sizes[*]}"
report=$(mktemp /tmp/peers_report.XXXXXX)
exec 3>&1 4>&2 1> >(tee -a "$report" >&3) 2> >(tee -a "$report" >&4)

field() { grep -F "$1" "$2" | head -1 | sed 's/.*: //'; }
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"; }
version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo '?'; }

echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo), $(awk '/MemAvailable/ {printf "%.1f GiB available", $2/1048576}' /proc/meminfo)"
echo "nproc: $(nproc); uptime before: $(uptime)"
echo "aidledger: $("$bin" --version) at $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?'), $(grep -m1 CMAKE_BUILD_TYPE:STRING "$build/CMakeCache.txt" 2>/dev/null | sed 's/.*=//') build"
echo "packages: python3 $(version python3.11 | sed 's/-.*//') ($python), python3-xlsxwriter $(version python3-xlsxwriter), hledger $(version hledger), sqlite3 $(version sqlite3), libsqlite3-0 $(version libsqlite3-0), libxlsxwriter $(version libxlsxwriter-dev)"
echo

# run NAME OUTFILE CMD...: one program under /usr/bin/time -v with the timeout; sets wall, rss_mib, ok
run() {
  local name=$1 out=$2
  shift 2
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  set +e
  timeout "$timeout_s" /usr/bin/time -v "$@" >"$out" 2>"$work/$name.time"
  local rc=$?
  set -e
  if [ $rc -eq 124 ]; then
    wall="> $timeout_s" rss_mib="—" ok=0
    echo "  $name: stopped after $timeout_s s (load $load)" >&2
    return
  fi
  if [ $rc -ne 0 ]; then
    echo "peers.sh: $name failed ($rc): $*" >&2
    grep -v '^\s' "$work/$name.time" | tail -5 >&2
    exit 2
  fi
  wall=$(seconds "$(field 'Elapsed (wall clock)' "$work/$name.time")")
  rss_mib=$(awk -v k="$(field 'Maximum resident set size' "$work/$name.time")" 'BEGIN{printf "%.0f", k/1024}')
  ok=1
  echo "  $name: ${wall} s, ${rss_mib} MiB peak (load $load, $(awk '/MemAvailable/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) available)" >&2
}
ratio() { [ "$3" = 1 ] && [ "$4" = 1 ] && awk -v a="$1" -v b="$2" 'BEGIN{ if (a > 0) printf "%.2f×", b/a; else print "—" }' || echo "—"; }

"$python" "$here/peer_totals.py" sql >"$work/groupby.sql"
# aidledger's own row query for donors (Reader::each_total_row with no filter: the parameters
# are unbound, so NULL, in the sqlite3 shell as in aidledger).
cat >"$work/rows.sql" <<'SQL'
.output /dev/null
SELECT e.id, e.kind, e.status, e.aggregate, e.date_text, COALESCE(e.date_first, ''), COALESCE(e.date_last, ''), COALESCE(o.name, ''), COALESCE(o.category, 'other'), a.township, COALESCE(a.covers, ''), a.amount_fen, a.quantity, e.unit FROM allocations a JOIN events e ON e.id = a.event_id LEFT JOIN organisations o ON o.id = e.donor_id WHERE e.excluded = 0 AND a.excluded = 0 AND (:from IS NULL OR (e.date_text != '' AND CAST(substr(e.date_text, 1, 4) AS INTEGER) >= :from)) AND (:to IS NULL OR (e.date_text != '' AND CAST(substr(e.date_text, 1, 4) AS INTEGER) <= :to)) AND (:township IS NULL OR a.township = :township OR instr('、' || a.covers || '、', '、' || :township || '、') > 0) AND (:donor IS NULL OR instr(COALESCE(o.name, ''), :donor) > 0 OR EXISTS (SELECT 1 FROM organisation_aliases x WHERE x.organisation_id = e.donor_id AND instr(x.alias, :donor) > 0)) AND (:kind IS NULL OR e.kind = :kind) AND (:status IS NULL OR e.status = :status) ORDER BY e.date_first IS NULL, e.date_first, e.id, a.id;
SQL

rows=()
status=0
for n in "${sizes[@]}"; do
  db=$work/ledger_$n.db
  rm -f "$db" "$db"-wal "$db"-shm
  "$make_ledger" "$db" "$n" >/dev/null
  sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
  echo "$n lines: ledger $(du -m "$db" | cut -f1) MB" >&2

  run "report_$n" "$work/report_$n.out" "$bin" report --db "$db" --out "$work/aidledger_$n.xlsx"
  a_wall=$wall a_rss=$rss_mib a_ok=$ok
  run "peer_workbook_$n" "$work/peer_workbook_$n.out" "$python" "$here/peer_workbook.py" "$db" "$work/peer_$n.xlsx"
  p_wall=$wall p_rss=$rss_mib p_ok=$ok
  sheets="not compared (a workbook is missing)"
  if [ $a_ok = 1 ] && [ $p_ok = 1 ]; then
    if "$python" "$here/peer_totals.py" sheets "$work/aidledger_$n.xlsx" "$work/peer_$n.xlsx" >"$work/sheets_$n.txt"; then
      sheets="same sheet names and dimensions"
    else
      sheets="DIFFERENT sheets"; status=1; cat "$work/sheets_$n.txt" >&2
    fi
    sizes_mb="$(du -m "$work/aidledger_$n.xlsx" | cut -f1) MB / $(du -m "$work/peer_$n.xlsx" | cut -f1) MB"
  else
    sizes_mb="—"
  fi
  rm -f "$work/aidledger_$n.xlsx" "$work/peer_$n.xlsx"

  run "donors_$n" "$work/donors_$n.csv" "$bin" donors --db "$db" --by-year --format csv
  d_wall=$wall d_rss=$rss_mib d_ok=$ok
  run "sqlite3_groupby_$n" "$work/sqlite_$n.csv" sqlite3 -readonly -csv -header "$db" ".read $work/groupby.sql"
  s_wall=$wall s_rss=$rss_mib s_ok=$ok
  run "sqlite3_rows_$n" /dev/null sqlite3 -readonly "$db" ".read $work/rows.sql"
  r_wall=$wall r_rss=$rss_mib r_ok=$ok
  journal_start=$(date +%s.%N)
  "$python" "$here/peer_totals.py" journal "$db" "$work/journal_$n.journal" 2>"$work/journal_$n.log"
  journal_s=$(awk -v a="$journal_start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  echo "  journal: $(cat "$work/journal_$n.log") ($(du -m "$work/journal_$n.journal" | cut -f1) MB, written in ${journal_s} s, not timed below)" >&2
  run "hledger_$n" "$work/hledger_$n.csv" hledger -f "$work/journal_$n.journal" bal -Y -O csv
  h_wall=$wall h_rss=$rss_mib h_ok=$ok
  rm -f "$work/journal_$n.journal"
  totals="not compared (a peer was stopped)"
  if [ $d_ok = 1 ] && [ $s_ok = 1 ] && [ $h_ok = 1 ]; then
    if "$python" "$here/peer_totals.py" compare "$work/donors_$n.csv" "$work/sqlite_$n.csv" "$work/hledger_$n.csv" >"$work/compare_$n.txt"; then
      totals="agree"
    else
      totals="DIFFER"; status=1
    fi
    sed 's/^/  /' "$work/compare_$n.txt" >&2
  fi
  nfmt=$(sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$n")
  rows+=("| $nfmt | workbook (9 sheets) | \`aidledger report\` | $a_wall s, $a_rss MiB | \`peer_workbook.py\` (xlsxwriter) | $p_wall s, $p_rss MiB | $(ratio "$a_wall" "$p_wall" "$a_ok" "$p_ok") | $sheets; xlsx $sizes_mb |")
  rows+=("| $nfmt | yearly totals by donor | \`aidledger donors --by-year\` | $d_wall s, $d_rss MiB | \`hledger bal -Y\` | $h_wall s, $h_rss MiB | $(ratio "$d_wall" "$h_wall" "$d_ok" "$h_ok") | totals $totals |")
  rows+=("| $nfmt | yearly totals by donor | 〃 | 〃 | sqlite3 shell, GROUP BY | $s_wall s, $s_rss MiB | $(ratio "$d_wall" "$s_wall" "$d_ok" "$s_ok") | totals $totals |")
  rows+=("| $nfmt | yearly totals by donor | 〃 | 〃 | sqlite3 shell, aidledger's row query | $r_wall s, $r_rss MiB | $(ratio "$d_wall" "$r_wall" "$d_ok" "$r_ok") | rows to /dev/null |")
  rm -f "$db" "$db"-wal "$db"-shm
done

echo
echo "| lines | task | aidledger | time, peak RSS | peer | time, peak RSS | peer ÷ aidledger | check |"
echo "|---:|---|---|---|---|---|---:|---|"
printf '%s\n' "${rows[@]}"
echo
echo "uptime after: $(uptime)"

if [ -n "$doc" ]; then
  exec 1>&3 2>&4
  sleep 0.2  # let tee finish writing the report
  "$python" "$here/write_doc_section.py" peers "$doc" "$report" "$command_line" "$(date -u '+%Y-%m-%d %H:%M UTC')"
fi
rm -f "$report"
exit $status
