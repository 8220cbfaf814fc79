#!/usr/bin/env bash
# Scores every blind page set (tests/blind/SET/pages against SET/expected.csv) and fails when one
# falls below the F1 it reached when this floor was last raised (tests/blind/floors.txt). A floor
# is a guard against regressions, not the honest figure: that is in docs/BLIND.md.
# usage: score_blind.sh AIDLEDGER_BINARY SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
while read -r set floor; do
  case "$set" in ''|'#'*) continue ;; esac
  "$bin" ingest -q --db "$tmp/$set.db" "$src/tests/blind/$set/pages" </dev/null
  "$bin" export --db "$tmp/$set.db" --format csv >"$tmp/$set.csv" </dev/null
  # (The scorer exits 1 below its own default bar; the floor here decides.)
  line=$( (python3 "$src/tests/e2e/score_ledger.py" "$src/tests/blind/$set/expected.csv" --export "$tmp/$set.csv" || true) | tail -n 1)
  f1=${line##* F1 }
  if python3 -c "import sys; sys.exit(0 if float('$f1') + 1e-9 >= float('$floor') else 1)"; then
    echo "$set: $line (floor $floor)"
  else
    echo "$set: $line: below its floor $floor" >&2
    status=1
  fi
done <"$src/tests/blind/floors.txt"
exit $status
