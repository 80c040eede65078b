#!/usr/bin/env bash
# Sourced by the start, test, bench and eval scripts. Makes sure Node >= 22 and the pinned pnpm
# are on PATH and the workspace is installed. Wrangler, workerd and vitest refuse Node 20, and a
# fresh machine may have only that, so we install Node 22 from the npm registry into .tools/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PNPM_VERSION="10.34.9"
TOOLS="$ROOT/.tools"

fail() { echo "error: $*" >&2; exit 1; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

command -v npm >/dev/null 2>&1 || fail "npm is missing: install Node.js (any version) with npm first."

if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$TOOLS/node/node_modules/node/bin/node" ]; then
    echo "› Node $(node -v 2>/dev/null || echo none) is older than 22: installing node@22 into .tools/ (once)"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/node" node@22 >/dev/null 2>&1 \
      || fail "could not install node@22 from the npm registry."
  fi
  export PATH="$TOOLS/node/node_modules/node/bin:$PATH"
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  if [ ! -x "$TOOLS/pnpm/node_modules/.bin/pnpm" ]; then
    echo "› installing pnpm@$PNPM_VERSION into .tools/ (once)"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/pnpm" "pnpm@$PNPM_VERSION" >/dev/null 2>&1 \
      || fail "could not install pnpm@$PNPM_VERSION from the npm registry."
  fi
  export PATH="$TOOLS/pnpm/node_modules/.bin:$PATH"
fi

# Install when node_modules is missing or older than the lockfile.
if [ ! -f "$ROOT/node_modules/.modules.yaml" ] || [ "$ROOT/pnpm-lock.yaml" -nt "$ROOT/node_modules/.modules.yaml" ]; then
  echo "› installing workspace dependencies"
  (cd "$ROOT" && pnpm install --frozen-lockfile --reporter=silent) || fail "pnpm install failed (see above)."
fi

export PATH="$ROOT/node_modules/.bin:$PATH"
