#!/usr/bin/env bash
# Installs the Debian packages aidledger needs that are missing, then configures and builds it.
# Safe to run again: installed packages are skipped and the build is incremental.
# usage: scripts/setup.sh [BUILD_DIR [CMAKE_ARGS...]]   (default: build; scripts/sanitize.sh passes
#        -DAIDLEDGER_SANITIZE=ON)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
shift $(( $# > 0 ? 1 : 0 ))

packages=(
  g++ cmake make pkg-config python3
  libsqlitecpp-dev libsqlite3-dev libhowardhinnant-date-dev libxlsxwriter-dev doctest-dev
  libcli11-dev libfmt-dev libicu-dev nlohmann-json3-dev libssl-dev zlib1g-dev
  libreoffice-calc-nogui   # the test suite recalculates the workbook's formulas with LibreOffice
  poppler-utils            # pdftotext: the test suite checks the printed workbook shows every figure
  fonts-wqy-microhei       # a Chinese font, so that the workbook renders (PDF, PNG) with its characters
  fonts-crosextra-carlito  # Calibri's metrics: LibreOffice measures column widths as Excel does
  sqlite3 time python3-xlsxwriter hledger  # bench/peers.sh's peers, run on 2,000 lines by the test bench_peers_run
)
source scripts/install_missing.sh   # (the script has moved to the repository root)
install_missing "aidledger" "${packages[@]}"

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
