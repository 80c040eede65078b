#!/usr/bin/env bash
# Every check CI runs, in the order that fails fastest: lint, format, generated types, typecheck,
# then every app's and package's tests through turbo, then the web client's end-to-end tests in
# headless Chromium (SKIP_E2E=1 leaves them out). Installs what it needs first.
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
summary="$(node scripts/test/summarise.ts "$log")"
echo "$summary"
rm -f "$log"
if [ "$status" -ne 0 ]; then exit "$status"; fi

step "eval gate (the whole pipeline on the local engine, against packages/eval/baseline.json)"
bash scripts/eval.sh --gate --no-cache --no-blame

step "end-to-end (web client in headless Chromium against the local stack)"
if [ "${SKIP_E2E:-}" = "1" ]; then
  echo "skipped: SKIP_E2E=1"
else
  # The end-to-end tests drive Debian's Chromium (apps/web/e2e/run.ts); install it when missing.
  if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
    echo "› installing Debian's chromium for the end-to-end tests (once)"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    ($sudo apt-get update -qq && $sudo apt-get install -y -qq chromium >/dev/null) || fail "could not install chromium; set CHROMIUM_PATH or SKIP_E2E=1."
  fi
  pnpm --filter @ensemble/web run test:e2e
fi

# The suite's count again, as the last line a reader (or CI) sees.
echo "$summary"
