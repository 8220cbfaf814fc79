#!/usr/bin/env bash
# Big pages at full size (issue 8, case 2): each page made by bench/make_big_page.py is ingested
# into a new ledger under /usr/bin/time; prints wall and CPU time, CPU seconds per MB, peak RSS and
# how many times the page that is, with the machine's state. The suite checks the same at 2 and 8 MB
# (tests/cli/test_big_pages.py); the figures of a run are in docs/PERFORMANCE.md.
#   page-13MB, page-50MB      a paper's page: short articles (headline, dateline, four paragraphs)
#   article-13MB, article-50MB one article: a headline and a dateline, then its paragraphs repeated
#   line-20MB                 one line of 20 MB (the article's sentences, no line break)
#   lines-1M                  1,000,000 lines of 12 characters (a narrow column; about 34 MB)
# usage: bench/big_pages.sh [AIDLEDGER_BINARY]   (default build/aidledger; needs python3 and time)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-build/aidledger}")
[ -x /usr/bin/time ] || { echo "big_pages.sh: needs /usr/bin/time (Debian package time)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/aidledger-big.XXXXXX")
trap 'rm -rf "$work"' EXIT

mem() { awk -v k="$1" '$1 == k":" {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo; }
echo "machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(mem MemTotal) RAM, $(mem MemAvailable) available"
echo "binary: $bin ($("$bin" --version 2>/dev/null || echo '?')), working tree at $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-13s %11s %8s %8s %7s %9s %7s %8s  %s\n' page bytes wall_s cpu_s cpu_s/MB peak_MiB x_page load reports
run() {  # run NAME SHAPE SIZE
  local name=$1 page=$work/$1.txt db=$work/$1.db wall user sys rss bytes reports load
  python3 bench/make_big_page.py "$2" "$3" "$page"
  bytes=$(stat -c %s "$page")
  load=$(cut -d' ' -f1 /proc/loadavg)
  if ! /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$bin" ingest --db "$db" "$page" >"$work/out" 2>&1; then
    echo "$name: ingest failed:" >&2
    cat "$work/out" >&2
    return 1
  fi
  read -r wall user sys rss <"$work/time"
  reports=$(grep -oE '[0-9]+ aid reports? -> [0-9]+ new events?' "$work/out" || echo '?')
  awk -v n="$name" -v b="$bytes" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v l="$load" -v rep="$reports" 'BEGIN {
    cpu = u + s
    printf "%-13s %11d %8.2f %8.2f %7.3f %9.0f %7.1f %8s  %s\n", n, b, w, cpu, cpu / (b / 1e6), r / 1024, r * 1024 / b, l, rep
  }'
  rm -f "$page" "$db" "$db-wal" "$db-shm"
}
run page-13MB articles 13
run page-50MB articles 50
run article-13MB article 13
run article-50MB article 50
run line-20MB line 20
run lines-1M lines 1000000lines
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(MB = 10^6 bytes; cpu_s = user + system; peak_MiB = maximum resident set size; x_page = peak RSS / page bytes;"
echo " load = 1-minute load average as the page started; one ingest each into a new ledger)"
