#!/usr/bin/env bash
# kill -9 at random moments of an ingest: after each kill the ledger is sound (PRAGMA integrity_check
# ok, foreign_key_check empty), and ingesting to the end gives the export of a clean ingest, line for
# line. An ingest that finishes before its kill starts the next round on a new ledger.
# In the suite: 20 kills on a corpus of 75 pages (5 to 15 s). Longer runs by hand, e.g.
#   tests/cli/test_kill.sh build/aidledger . 200 60
# usage: test_kill.sh AIDLEDGER_BINARY SOURCE_DIR [KILLS] [COPIES_OF_EACH_PAGE]
set -uo pipefail
bin=$1 src=$2 kills=${3:-20} copies=${4:-5}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

pages=$(python3 "$here/make_corpus.py" "$src" "$tmp/corpus" "$copies")
start=$(date +%s%N)
"$bin" ingest -q --db "$tmp/clean.db" "$tmp/corpus" 2>/dev/null || { echo "FAIL the clean ingest"; exit 1; }
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
"$bin" export --db "$tmp/clean.db" >"$tmp/clean.csv"
echo "corpus: $pages pages; a clean ingest takes $took_ms ms"

landed=0
for i in $(seq 1 "$kills"); do
  # A moment anywhere in the ingest, from its first milliseconds (opening, creating the schema) on.
  delay_ms=$(( RANDOM % (took_ms + took_ms / 4 + 1) ))
  "$bin" ingest -q --db "$tmp/killed.db" "$tmp/corpus" 2>/dev/null & pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 $pid 2>/dev/null
  { wait $pid; } 2>/dev/null   # (no "Killed" notice from the shell)
  rc=$?
  if [ $rc -eq 137 ]; then
    landed=$((landed + 1))
  elif [ $rc -ne 0 ]; then
    echo "FAIL kill $i: the ingest exited $rc before its kill"; failed=$((failed + 1))
  fi
  if ! got=$(python3 "$here/check_ledger.py" "$tmp/killed.db" 2>&1); then
    echo "FAIL kill $i after ${delay_ms} ms: $got"; failed=$((failed + 1))
  fi
  # Ingested to the end: start again on a new ledger, so later kills land in an ingest too.
  [ $rc -eq 0 ] && rm -f "$tmp"/killed.db*
done

"$bin" ingest -q --db "$tmp/killed.db" "$tmp/corpus" 2>/dev/null || { echo "FAIL the ingest after the kills"; failed=$((failed + 1)); }
"$bin" export --db "$tmp/killed.db" >"$tmp/killed.csv"
if ! cmp -s "$tmp/clean.csv" "$tmp/killed.csv"; then
  echo "FAIL after the kills the ledger differs from a clean ingest:"; diff "$tmp/clean.csv" "$tmp/killed.csv" | head -10
  failed=$((failed + 1))
fi
python3 "$here/check_ledger.py" "$tmp/killed.db" >/dev/null || { echo "FAIL the final ledger is not sound"; failed=$((failed + 1)); }
echo "$kills kills, $landed during an ingest; $failed failures"
# Kills must land inside an ingest, or the test tests nothing (most do: 14 to 17 of 20 here).
[ "$landed" -ge $((kills / 4)) ] || { echo "FAIL only $landed of $kills kills landed during an ingest"; failed=$((failed + 1)); }
[ "$failed" -eq 0 ]
