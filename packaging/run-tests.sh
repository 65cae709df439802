#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's second command: install what is missing, build everything with warnings as errors, run every test
# with ctest (offscreen). Screenshots of the main views land in build/screenshots/.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)

"$src/packaging/setup-debian.sh"
cd "$src"
# Relative paths in ccache's keys let a fresh clone in another folder reuse earlier compilations.
export CCACHE_BASEDIR="$src" CCACHE_NOHASHDIR=1
cmake --preset ci >/dev/null
cmake --build "$src/build" -j "$(nproc)"
cd "$src/build"
ctest --output-on-failure -j "$(nproc)" --timeout 300
