#!/usr/bin/env bash
# Starts pid1 from a fresh clone: makes sure a Docker engine runs, installs and builds the code,
# builds small sample images locally (no registry needed), then runs `pid1 serve`. Without Slack
# credentials and with a terminal, that is the local console.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
bash scripts/ensure-engine.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund >/dev/null
fi
npm run --silent build
bash scripts/build-fixtures.sh
if [ -z "${PID1_DEMO_IMAGE:-}" ] && ! docker image inspect ubuntu:24.04 >/dev/null 2>&1; then
  # The demos' default image cannot be pulled without a registry; busybox shows the same effects.
  export PID1_DEMO_IMAGE=pid1-fixture/base
fi
cat >&2 <<'TEXT'

Sample images are ready: pid1-fixture/drops-sigterm, pid1-fixture/tini-front,
pid1-fixture/wraps-app, pid1-fixture/shell-form and more (docker images 'pid1-fixture/*').
Try first:   /pid1 check pid1-fixture/drops-sigterm
TEXT
exec node dist/src/cli/main.js serve "$@"
