#!/usr/bin/env bash
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh" >&2
exec node "$ROOT/scripts/dev-token.ts" "$@"
