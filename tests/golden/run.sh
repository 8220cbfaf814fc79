#!/usr/bin/env bash
# Golden CLI tests: each tests/golden/cases/NAME.sh runs `aidledger ...` commands (a function that
# calls the binary) in one scratch folder shared by all cases, in name order, with sample_data/
# linked in so paths in the output are the same everywhere. Its output (stdout and stderr) and
# exit codes must equal tests/golden/expected/NAME.out.
# usage: run.sh AIDLEDGER_BINARY SOURCE_DIR [--update]
set -uo pipefail
bin=$(realpath "$1") src=$(realpath "$2") update=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export AIDLEDGER_BIN="$bin"
ln -s "$src/sample_data" "$work/sample_data"
cp "$src/tests/golden/fixtures/"* "$work/"
passed=0 failed=0
for case in "$src"/tests/golden/cases/*.sh; do
  name=$(basename "$case" .sh)
  got=$(cd "$work" && bash -c '
    aidledger() { "$AIDLEDGER_BIN" "$@"; local rc=$?; echo "[exit $rc]"; }
    export -f aidledger
    source "$1"' _ "$case" 2>&1 </dev/null)
  want_file="$src/tests/golden/expected/$name.out"
  if [ "$update" = "--update" ]; then
    printf '%s\n' "$got" >"$want_file"
  fi
  if [ "$got" == "$(cat "$want_file" 2>/dev/null)" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name"
    diff <(printf '%s\n' "$got") "$want_file" | head -20 | sed 's/^/    /'
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
