#!/usr/bin/env bash
# The whole test suite built with AddressSanitizer and UndefinedBehaviorSanitizer (g++): every
# library, the program and the tests, in build-asan/. Any finding (out-of-bounds access,
# use-after-free, leak, signed overflow, misaligned access, ...) aborts the process and fails
# its test.
# usage: scripts/sanitize.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build-asan -DAIDLEDGER_SANITIZE=ON -DAIDLEDGER_BUILD_BENCH=OFF

# halt on the first finding, with a stack; leaks are findings too. Both are set only when the
# caller has not set them.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
ctest --test-dir build-asan --output-on-failure --timeout 1200
