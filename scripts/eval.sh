#!/usr/bin/env bash
# The eval suite: routing, tool-call and answer quality of the whole pipeline (docs/EVAL.md).
#   pnpm eval                      every case in-process on the local engine, with the HTML report
#   pnpm eval --gate               the CI gate: exits 1 on a significant regression or a threshold
#   pnpm eval --url http://127.0.0.1:8787   against a running gateway instead
# In-process runs use each Worker's built dist/index.js; turbo rebuilds only what changed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ROOT"

remote=false
for argument in "$@"; do
  case "$argument" in --url | --url=* | --help) remote=true ;; esac
done
if [ "$remote" = false ]; then
  turbo run build --filter='./apps/*' --output-logs=errors-only >&2 || fail "building the Workers failed (see above)."
fi

exec node packages/eval/src/cli.ts "$@"
