#!/usr/bin/env bash
# Two writers and readers at once: two `aidledger ingest` into one new ledger both finish (they take
# turns) and leave the ledger a single ingest makes; the same files under two paths at once are one
# page each; readers during an ingest never fail. A few seconds.
# usage: test_concurrency.sh AIDLEDGER_BINARY SOURCE_DIR [ROUNDS]
set -uo pipefail
bin=$1 src=$2 rounds=${3:-3}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
pass() { passed=$((passed + 1)); }

mkdir -p "$tmp/a" "$tmp/b"
cp "$src"/sample_data/*.txt "$src"/tests/pages/*.txt "$tmp/a/"
cp "$tmp"/a/* "$tmp/b/"   # the same files under other paths

# What one ingest alone makes.
"$bin" ingest -q --db "$tmp/single.db" "$tmp/a" 2>/dev/null
want=$(python3 "$here/check_ledger.py" "$tmp/single.db")
"$bin" export --db "$tmp/single.db" >"$tmp/single.csv"
[[ $want == ok* ]] || fail "a single ingest: $want"

for round in $(seq 1 "$rounds"); do
  # Two writers into one new ledger, on the same files under two paths.
  rm -f "$tmp"/two.db*
  "$bin" ingest -q --db "$tmp/two.db" "$tmp/a" 2>"$tmp/err1" & p1=$!
  "$bin" ingest -q --db "$tmp/two.db" "$tmp/b" 2>"$tmp/err2" & p2=$!
  wait $p1; r1=$?
  wait $p2; r2=$?
  got=$(python3 "$here/check_ledger.py" "$tmp/two.db")
  if [ $r1 -ne 0 ] || [ $r2 -ne 0 ]; then
    fail "round $round: two writers exit $r1 and $r2:"; cat "$tmp/err1" "$tmp/err2"
  elif [ "$got" != "$want" ]; then
    fail "round $round: two writers on the same files under two paths: '$got', one ingest alone: '$want'"
  else
    pass
  fi

  # Two writers on the very same paths: the same ledger, line for line.
  rm -f "$tmp"/same.db*
  "$bin" ingest -q --db "$tmp/same.db" "$tmp/a" 2>"$tmp/err1" & p1=$!
  "$bin" ingest -q --db "$tmp/same.db" "$tmp/a" 2>"$tmp/err2" & p2=$!
  wait $p1; r1=$?
  wait $p2; r2=$?
  "$bin" export --db "$tmp/same.db" >"$tmp/same.csv"
  if [ $r1 -ne 0 ] || [ $r2 -ne 0 ]; then
    fail "round $round: two writers on one folder exit $r1 and $r2:"; cat "$tmp/err1" "$tmp/err2"
  elif ! cmp -s "$tmp/single.csv" "$tmp/same.csv"; then
    fail "round $round: two writers on one folder: the export differs from one ingest alone"
  else
    pass
  fi
done

# Readers while an ingest writes: every read succeeds (no "database is locked").
python3 "$here/make_corpus.py" "$src" "$tmp/corpus" 8 >/dev/null
"$bin" ingest -q --db "$tmp/busy.db" "$src/sample_data" 2>/dev/null
"$bin" ingest -q --db "$tmp/busy.db" "$tmp/corpus" 2>/dev/null & writer=$!
reads=0 bad=0
while kill -0 $writer 2>/dev/null; do
  "$bin" export --db "$tmp/busy.db" >/dev/null 2>"$tmp/rerr" || { bad=$((bad + 1)); cat "$tmp/rerr"; }
  "$bin" query --db "$tmp/busy.db" --format json >/dev/null 2>"$tmp/rerr"
  [ $? -le 1 ] || { bad=$((bad + 1)); cat "$tmp/rerr"; }
  reads=$((reads + 2))
done
wait $writer || fail "the ingest beside the readers failed"
if [ $bad -eq 0 ]; then pass; else fail "$bad of $reads reads during an ingest failed"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
