#!/usr/bin/env bash
# Every benchmark; docs/BENCHMARKS.md reports their numbers and says how each is measured.
#   pnpm bench                      all of them (about 8 minutes: the HTTP one starts the stack)
#   pnpm bench http cost            only the named ones: ai, embedding, bundles, cost, http
#   BENCH_DURATION=10 BENCH_MEMORY_SECONDS=60 pnpm bench http
#   BENCH_SNAPSHOT=1 pnpm bench http  the stack runs from a copy of the last commit, so saving a file
#                                     meanwhile cannot make wrangler reload it mid-run
# Numbers depend on the machine and on what else runs on it: the HTTP benchmark prints the load
# average with its results. Exits 1 when any benchmark fails or misses its target; runs them all.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$ROOT"

ALL=(ai embedding bundles cost http)
selected=("$@")
if [ ${#selected[@]} -eq 0 ]; then selected=("${ALL[@]}"); fi
for name in "${selected[@]}"; do
  case " ${ALL[*]} " in *" $name "*) ;; *) fail "unknown benchmark '$name' (choose from: ${ALL[*]})" ;; esac
done

missed=()
run() {
  local name="$1"
  shift
  echo
  echo "━━ $name"
  if ! "$@"; then missed+=("$name"); fi
}

for name in "${selected[@]}"; do
  case "$name" in
    ai) run "local engine (packages/ai)" pnpm --silent --filter @ensemble/ai bench ;;
    embedding) run "food search (apps/embedding)" pnpm --silent --filter @ensemble/embedding bench ;;
    bundles) run "bundle size of each Worker" node scripts/bench-bundles.ts ;;
    cost)
      # The eval runs each Worker's built dist/index.js; turbo rebuilds only what changed.
      turbo run build --filter='./apps/*' --output-logs=errors-only >&2 || fail "building the Workers failed (see above)."
      run "cost per request on the eval suite" node scripts/bench/cost.ts
      ;;
    http)
      run "HTTP throughput, latency, overhead per hop and memory (local stack)" node scripts/bench/http.ts \
        --duration "${BENCH_DURATION:-10}" --memory-seconds "${BENCH_MEMORY_SECONDS:-60}" --trace-requests "${BENCH_TRACE_REQUESTS:-200}" \
        ${BENCH_SNAPSHOT:+--snapshot}
      ;;
  esac
done

echo
if [ ${#missed[@]} -gt 0 ]; then
  echo "failed or missed a target: ${missed[*]}"
  exit 1
fi
echo "every benchmark ran and met its targets"
