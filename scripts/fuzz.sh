#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14 from Debian, with ASan and UBSan) in build-fuzz/ and runs
# each for SECONDS: the money parser, the date parser and the whole-page extractor.
# Each target starts from its seed corpus (fuzz/corpus/<target>/, never written to) plus what
# earlier runs found (build-fuzz/corpus/<target>/, kept between runs), with the dictionary
# fuzz/<target>.dict. A crash (or a timeout, or running out of memory) stops that target, is
# kept as build-fuzz/crashes/<target>/crash-<sha1> (libFuzzer's name; the log is in
# build-fuzz/logs/), and makes the script exit 1 after the other targets have run. Copy the
# input to fuzz/regressions/<target>/ to make it a test. Replay one: build-fuzz/fuzz/<target> FILE.
# usage: scripts/fuzz.sh [SECONDS]   (default 60 per target)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
case $seconds in ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2 ;; esac
build_dir=build-fuzz
targets=(fuzz_money fuzz_date fuzz_page)

packages=(
  clang-14 libclang-rt-14-dev llvm-14 cmake make pkg-config   # llvm-14: llvm-symbolizer for stacks
  libsqlitecpp-dev libsqlite3-dev libhowardhinnant-date-dev libxlsxwriter-dev
  libcli11-dev libfmt-dev libicu-dev nlohmann-json3-dev libssl-dev zlib1g-dev
)
source scripts/install_missing.sh   # (the script has moved to the repository root)
install_missing "aidledger fuzz" "${packages[@]}"

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
      -DAIDLEDGER_FUZZ=ON -DAIDLEDGER_BUILD_TESTS=OFF -DAIDLEDGER_BUILD_BENCH=OFF >/dev/null
cmake --build "$build_dir" -j"$(nproc)" --target fuzzers

export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-/usr/lib/llvm-14/bin/llvm-symbolizer}
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
failed=()
for t in "${targets[@]}"; do
  corpus=$build_dir/corpus/$t crashes=$build_dir/crashes/$t
  mkdir -p "$corpus" "$crashes" "$build_dir/logs"
  log=$build_dir/logs/$t-$(date +%Y%m%d-%H%M%S).log
  echo "aidledger fuzz: $t for ${seconds}s (log $log)"
  # -max_len: whole pages for the extractor, sentences for the parsers. -timeout: an input that
  # takes longer than 25 s is a finding (a quadratic path), as is one over 2 GB (-rss_limit_mb).
  case $t in fuzz_page) max_len=16384 ;; *) max_len=512 ;; esac
  if "$build_dir/fuzz/$t" -max_total_time="$seconds" -max_len="$max_len" -timeout=25 -rss_limit_mb=2048 \
       -print_final_stats=1 -dict="fuzz/$t.dict" -artifact_prefix="$crashes/" "$corpus" "fuzz/corpus/$t" >"$log" 2>&1; then
    grep -E '^(Done|stat::number_of_executed_units)' "$log" | sed "s/^/  $t: /" || true
  else
    failed+=("$t")
    echo "aidledger fuzz: $t FOUND A CRASH:" >&2
    grep -E 'ERROR:|runtime error|property failed|Test unit written to|^SUMMARY' "$log" | sed 's/^/  /' >&2 || true
    ls -1 "$crashes" | sed "s|^|  kept: $crashes/|" >&2 || true
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "aidledger fuzz: crashes in ${failed[*]}; inputs kept in $build_dir/crashes/" >&2
else
  echo "aidledger fuzz: ${#targets[@]} targets ran ${seconds}s each, no crash"
fi
echo "fuzz: $(( ${#targets[@]} - ${#failed[@]} )) passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
