#!/usr/bin/env bash
# Ingest throughput on generated corpora: for each size, `aidledger generate --size` writes a
# corpus, `aidledger ingest` reads it into a new ledger (MB/s, events/s, peak RSS from
# /usr/bin/time -v), the same corpus is ingested again unchanged (re-ingest time, as a share of the
# first), and the export is scored against the corpus's expected lines. Prints a markdown table
# and the machine's state. A benchmark, not a test: nothing fails on slow figures.
#
# usage: bench/gen_bench.sh AIDLEDGER_BINARY [SIZE_MB ...]        (default sizes: 10 100)
# env:   SEED (default 1)  WORK (folder for corpora and ledgers; default a new one under /tmp)
#        KEEP=1 (keep WORK)  TIMEOUT (seconds allowed to one ingest; default 7200)
#        SCORER (default: tests/e2e/score_ledger.py beside this script's repository)
#        DOC=FILE (also write the report into FILE, replacing what stands between the lines
#        "<!-- gen_bench begin -->" and "<!-- gen_bench end -->", or appending them; e.g.
#        DOC=docs/PERFORMANCE.md)
set -euo pipefail
bin_arg=$1
bin=$(realpath "$1")
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100)
here=$(cd "$(dirname "$0")/.." && pwd)
scorer=${SCORER:-$here/tests/e2e/score_ledger.py}
seed=${SEED:-1}
timeout_s=${TIMEOUT:-7200}
work=${WORK:-$(mktemp -d /tmp/aidledger-bench.XXXXXX)}
mkdir -p "$work"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "gen_bench.sh: /usr/bin/time is needed (Debian package 'time')" >&2; exit 2; }

# field NAME FILE: a value from /usr/bin/time -v output
field() { grep -F "$1" "$2" | head -1 | sed 's/.*: //'; }
# seconds from h:mm:ss or m:ss.ss
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"; }

doc=${DOC:-}
[ -z "$doc" ] || [ -w "$doc" ] || [ ! -e "$doc" ] || { echo "gen_bench.sh: $doc: cannot write" >&2; exit 2; }
command_line="bench/gen_bench.sh $bin_arg ${sizes[*]} (SEED=$seed)"
report=$(mktemp /tmp/gen_bench_report.XXXXXX)
exec 3>&1 4>&2 1> >(tee -a "$report" >&3) 2> >(tee -a "$report" >&4)

machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)"
echo "machine: $machine"
echo "nproc: $(nproc); uptime before: $(uptime)"
echo "binary: $bin ($("$bin" --version))"
echo

rows=()
for mb in "${sizes[@]}"; do
  dir="$work/corpus_${mb}MB" db="$work/ledger_${mb}MB.db"
  rm -rf "$dir" "$db" "$db"-wal "$db"-shm
  gen_start=$(date +%s.%N)
  "$bin" generate -q --size "${mb}MB" --seed "$seed" --out "$dir"
  gen_s=$(awk -v a="$gen_start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  bytes=$(du -sb "$dir/pages" | cut -f1)
  pages=$(find "$dir/pages" -type f | wc -l)
  expected=$(($(wc -l <"$dir/expected.csv") - 1))
  echo "${mb} MB: generated $pages pages, $bytes bytes, $expected expected lines in ${gen_s}s; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

  # First ingest.
  set +e
  timeout "$timeout_s" /usr/bin/time -v "$bin" ingest --db "$db" "$dir/pages" >"$work/ingest.out" 2>"$work/ingest.time"
  rc=$?
  set -e
  if [ $rc -eq 124 ]; then
    done_pages=$(sqlite3 "file:$db?mode=ro" 'SELECT count(*) FROM pages' 2>/dev/null || echo '?')
    rows+=("| ${mb} MB | $pages | $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') | did not finish in ${timeout_s} s ($done_pages pages stored) | | | | | | | |")
    echo "${mb} MB: ingest did not finish in ${timeout_s} s; $done_pages of $pages pages stored" >&2
    continue
  fi
  [ $rc -eq 0 ] || { echo "ingest failed ($rc):" >&2; tail -5 "$work/ingest.time" >&2; exit 2; }
  wall=$(seconds "$(field 'Elapsed (wall clock)' "$work/ingest.time")")
  cpu=$(awk -v u="$(field 'User time' "$work/ingest.time")" -v s="$(field 'System time' "$work/ingest.time")" 'BEGIN{printf "%.2f", u+s}')
  rss_kb=$(field 'Maximum resident set size' "$work/ingest.time")
  summary=$(grep -m1 "new events" "$work/ingest.out" || true)
  events=$(sed -n 's/.*-> \([0-9]*\) new events.*/\1/p' <<<"$summary")
  reports=$(sed -n 's/.* \([0-9]*\) aid reports.*/\1/p' <<<"$summary")
  echo "${mb} MB: ingest ${wall}s wall, ${cpu}s CPU, $rss_kb KB peak: $summary" >&2

  # Re-ingest of the unchanged corpus.
  /usr/bin/time -v "$bin" ingest -q --db "$db" "$dir/pages" >/dev/null 2>"$work/reingest.time"
  rewall=$(seconds "$(field 'Elapsed (wall clock)' "$work/reingest.time")")
  rerss_kb=$(field 'Maximum resident set size' "$work/reingest.time")

  # The ledger against the corpus's answers.
  "$bin" export --db "$db" --format csv >"$work/export.csv"
  f1=$( (python3 "$scorer" "$dir/expected.csv" --export "$work/export.csv" --min-f1 0 || true) | tail -1 | sed 's/.* F1 //')

  row=$(awk -v mb="$mb" -v pages="$pages" -v bytes="$bytes" -v wall="$wall" -v cpu="$cpu" -v ev="$events" -v rep="$reports" \
            -v rss="$rss_kb" -v rewall="$rewall" -v rerss="$rerss_kb" -v f1="$f1" 'BEGIN {
      printf "| %s MB | %d | %.1f | %.1f (%.1f CPU) | %.2f | %d | %.0f | %.0f | %.0f | %.2f (%.1f %%, %.0f MiB) | %s |",
        mb, pages, bytes/1e6, wall, cpu, bytes/1e6/wall, ev, ev/wall, rep/wall, rss/1024, rewall, 100*rewall/wall, rerss/1024, f1 }')
  rows+=("$row")
done

echo
echo "| corpus | pages | MB | ingest s | MB/s | events | events/s | reports/s | peak RSS MiB | re-ingest s (share, RSS) | F1 |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(MB = 10^6 bytes of page files; corpora: aidledger generate --size N MB --seed $seed; one ingest each into a new ledger)"

echo "uptime after: $(uptime)"

if [ -n "$doc" ]; then
  exec 1>&3 2>&4
  sleep 0.2  # let tee finish writing the report
  python3 "$here/bench/write_doc_section.py" gen_bench "$doc" "$report" "$command_line" "$(date -u '+%Y-%m-%d %H:%M UTC')"
fi
rm -f "$report"
