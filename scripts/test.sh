#!/usr/bin/env bash
# The whole test suite: unit tests of every module, the test pages, the CLI, and the sample
# ledger scored against its expected lines.
# usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
ctest --test-dir build --output-on-failure --timeout 600
