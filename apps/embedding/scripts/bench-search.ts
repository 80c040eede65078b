// Food search benchmark: recall@5 on the labelled queries (packages/food-data/data/food-queries.json),
// searchFoods latency over all 8,858 foods, and the memory of what a Worker isolate holds.
//
// Runs the Worker's search code (src/search/*, src/search-state.ts, the same SQL with FTS5 and
// bm25()) in Node against node:sqlite instead of D1, with the local engine's embeddings.
//
//   node --expose-gc apps/embedding/scripts/bench-search.ts [--runs 5] [--misses dev|holdout|all] [--markdown]
import { loadFoodQueries } from "@ensemble/food-data/queries";
import { parseArgs } from "node:util";
import { createEmbedding } from "../src/embedder.ts";
import { type SearchState, loadSearchState } from "../src/search-state.ts";
import { searchFoods } from "../src/search/search.ts";
import { WORKER_ENV, createLocalFoodDatabase } from "./local-food-database.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    misses: { type: "string" },
    markdown: { type: "boolean", default: false },
  },
});
const runs = Math.max(1, Number(values.runs));

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

const setup = await createLocalFoodDatabase();
const before = heapUsed();
const state: SearchState = await loadSearchState(setup.database, { embeddingModel: setup.embeddingModel });
const after = heapUsed();
const embedding = createEmbedding(WORKER_ENV);
const dependencies = {
  database: setup.database,
  catalog: state.catalog,
  vectors: state.vectors,
  embed: async (text: string) => (await embedding.embed([text])).vectors[0]!,
};

const queries = loadFoodQueries();
const recall = { all: [0, 0], dev: [0, 0], holdout: [0, 0] } as Record<string, [number, number]>;
const misses: string[] = [];
const latencies: number[] = [];
for (let run = 0; run < runs; run += 1) {
  for (const labelled of queries) {
    const started = performance.now();
    const reply = await searchFoods(dependencies, { query: labelled.query, limit: 5 });
    latencies.push(performance.now() - started);
    if (run > 0) continue;
    const acceptable = new Set(labelled.acceptableIds);
    const found = reply.hits.some((hit) => acceptable.has(hit.food.id));
    for (const split of ["all", labelled.split]) {
      recall[split]![1] += 1;
      if (found) recall[split]![0] += 1;
    }
    if (!found && (values.misses === "all" || values.misses === labelled.split)) {
      misses.push(
        `${labelled.query} [${labelled.split}]\n${reply.hits.map((hit) => `    ${hit.food.id} ${hit.food.name} | ${hit.score} | ${hit.why.join("; ")}`).join("\n")}`,
      );
    }
  }
}
latencies.sort((left, right) => left - right);

const rate = ([hit, total]: [number, number]) => `${(hit / total).toFixed(3)} (${hit}/${total})`;
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const results = {
  foods: state.catalog.size,
  queries: queries.length,
  recallAt5: rate(recall.all!),
  recallAt5Dev: rate(recall.dev!),
  recallAt5Holdout: rate(recall.holdout!),
  searches: latencies.length,
  p50Ms: percentile(latencies, 0.5).toFixed(2),
  p95Ms: percentile(latencies, 0.95).toFixed(2),
  maxMs: latencies.at(-1)!.toFixed(2),
  vectorIndex: state.index ? megabytes(state.index.bytes) : "none",
  heapAfterLoad: megabytes(after - before),
  stateLoadMs: state.loadMilliseconds.toFixed(0),
  databaseBuildMs: setup.milliseconds.toFixed(0),
  embeddingModel: setup.embeddingModel,
};
if (misses.length > 0) console.log(`misses:\n${misses.join("\n")}\n`);
if (values.markdown) {
  console.log(
    `| metric | value |\n| --- | --- |\n${Object.entries(results)
      .map(([key, value]) => `| ${key} | ${value} |`)
      .join("\n")}`,
  );
} else {
  console.log(results);
}
