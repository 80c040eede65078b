#!/usr/bin/env bash
# Starts the whole platform locally on the embedded engine: eight Workers in one wrangler process,
# offline, gateway on http://127.0.0.1:8787. Safe to run again: every step is idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ROOT"

PORT="${PORT:-8787}"
# ENSEMBLE_STATE keeps a second stack (the end-to-end tests) out of your local data.
STATE="${ENSEMBLE_STATE:-$ROOT/.wrangler/state}"
APPS=(gateway router coordinator meal protocol metrics-workout vision embedding)

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  fail "port $PORT is busy: stop whatever listens there, or run with PORT=<another port>."
fi

node scripts/prepare-local.ts --state "$STATE"

# The web client the gateway serves (apps/web -> apps/gateway/public), rebuilt when missing or
# older than its sources.
web_index="apps/gateway/public/index.html"
if [ ! -f "$web_index" ] || [ -n "$(find apps/web/src apps/web/build.ts apps/web/package.json -newer "$web_index" -print -quit)" ]; then
  node apps/web/build.ts
fi

configs=()
for app in "${APPS[@]}"; do configs+=(-c "apps/$app/wrangler.jsonc"); done
echo "› starting ${#APPS[@]} Workers; gateway on http://127.0.0.1:$PORT (Ctrl-C stops)"
exec wrangler dev "${configs[@]}" --ip 127.0.0.1 --port "$PORT" --persist-to "$STATE" --show-interactive-dev-session=false
