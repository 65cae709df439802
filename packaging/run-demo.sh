#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's first command: install what is missing, build (Release), create the demo workspace, start the
# Argo CD simulator on 127.0.0.1:18080 for it, and open the app.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
demo=${GITOPS_DESK_DEMO_DIR:-$HOME/gitops-desk-demo}
port=18080

"$src/packaging/setup-debian.sh"
cd "$src"
cmake --preset release >/dev/null
cmake --build "$src/build/release" -j "$(nproc)" --target gitops-desk gitops-desk-cli argocd-sim

bin="$src/build/release/src"
"$bin/cli/gitops-desk-cli" demo init "$demo" --force
workspace="$demo/workspace.yaml"

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is in use; stop what listens there (an earlier demo?) and run this again." >&2
    exit 1
fi
# The simulator stands in for Argo CD in the demo only; the token lives in this session's environment.
token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
"$src/build/release/tests/support/argocd-sim/argocd-sim" --workspace "$workspace" --port "$port" --token "$token" \
    --health-delay-ms 4000 --reconcile-ms 2000 &
sim=$!
trap 'kill $sim 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.5
done

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display here: the demo workspace is ready at $workspace."
    echo "Open it from a desktop session with: packaging/run-demo.sh"
    exit 0
fi
ARGOCD_AUTH_TOKEN="$token" "$bin/app/gitops-desk" --workspace "$workspace"
