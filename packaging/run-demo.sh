#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's first command: install what is missing, build (Release), create the demo workspace, open the app.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
demo=${GITOPS_DESK_DEMO_DIR:-$HOME/gitops-desk-demo}

"$src/packaging/setup-debian.sh"
cd "$src"
cmake --preset release >/dev/null
cmake --build "$src/build/release" -j "$(nproc)"

bin="$src/build/release/src"
"$bin/cli/gitops-desk-cli" demo init "$demo" --force
workspace="$demo/workspace.yaml"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display here: the demo workspace is ready at $workspace."
    echo "Open it from a desktop session with: $bin/app/gitops-desk --workspace $workspace"
    exit 0
fi
exec "$bin/app/gitops-desk" --workspace "$workspace"
