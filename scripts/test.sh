#!/usr/bin/env bash
# Every check CI runs, in the order that fails fastest: lint, format, generated types, typecheck,
# then every app's and package's tests through turbo. Installs what it needs first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ROOT"

step() { echo; echo "━━ $*"; }

step "lint (oxlint)"
oxlint --deny-warnings

step "format check (oxfmt)"
oxfmt --check .

step "wrangler types --check (every Worker)"
turbo run types:check --output-logs=errors-only

step "typecheck"
turbo run typecheck --output-logs=errors-only

step "tests"
log="$(mktemp)"
set +e
turbo run test --concurrency=2 --output-logs=full 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
node scripts/test/summarise.ts "$log"
rm -f "$log"
exit "$status"
