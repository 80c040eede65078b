// Loads the USDA food dataset (packages/food-data) into the embedding Worker's D1: the foods, the
// FTS5 index and, locally, the int8 vectors the in-memory index is built from. Idempotent: when
// D1 already holds this dataset version (dataset + index format + embedding model), it stops
// after one query.
//
//   node apps/embedding/scripts/load-foods.ts --local --persist-to .wrangler/state   (the start command)
//   node apps/embedding/scripts/load-foods.ts --remote -c apps/embedding/wrangler.production.json
//
// --remote loads foods and FTS only: production searches vectors in Vectorize, filled by
// scripts/vectorize-foods.ts. --force reloads even when the version matches.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadFoods } from "@ensemble/food-data";
import { createEmbedding } from "../src/embedder.ts";
import { datasetStatements, datasetVersion } from "../src/food-rows.ts";
import { foodVectors } from "../src/food-vectors.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const { values } = parseArgs({
  options: {
    local: { type: "boolean", default: false },
    remote: { type: "boolean", default: false },
    "persist-to": { type: "string" },
    config: { type: "string", short: "c" },
    database: { type: "string", default: "ensemble-embedding" },
    force: { type: "boolean", default: false },
  },
});
if (values.local === values.remote) {
  console.error("usage: load-foods.ts (--local [--persist-to <dir>] | --remote) [-c <wrangler config>] [--force]");
  process.exit(2);
}

const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const config = values.config ? path.resolve(values.config) : path.join(root, "apps/embedding/wrangler.jsonc");
const target = values.local
  ? ["--local", ...(values["persist-to"] ? ["--persist-to", path.resolve(values["persist-to"])] : [])]
  : ["--remote"];

function wrangler(arguments_: string[], options: { quiet?: boolean } = {}): string {
  return execFileSync("wrangler", ["d1", "execute", values.database!, ...target, "-c", config, ...arguments_], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", options.quiet ? "pipe" : "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The Worker's vars from its wrangler config: they decide which model embeds the queries. */
function workerVars(): Record<string, string> {
  const text = readFileSync(config, "utf8").replace(/^\s*\/\/.*$/gm, "");
  return (JSON.parse(text) as { vars?: Record<string, string> }).vars ?? {};
}

function loadedVersion(): string | null {
  try {
    const output = wrangler(["--command", "SELECT value FROM food_dataset WHERE key = 'version'", "--json"], {
      quiet: true,
    });
    const [result] = JSON.parse(output) as { results: { value: string }[] }[];
    return result?.results[0]?.value ?? null;
  } catch (error) {
    const detail = String((error as { stderr?: string }).stderr ?? error);
    if (/no such table/i.test(detail)) {
      console.error(
        "error: the food tables do not exist; apply the embedding Worker's D1 migrations first (the start command does).",
      );
      process.exit(1);
    }
    throw error;
  }
}

const foods = loadFoods();
// Production (Workers AI) vectors live in Vectorize; only the local engine's go into D1.
const embedding = values.local ? createEmbedding(workerVars()) : null;
const version = await datasetVersion(foods, embedding?.model ?? "vectorize");
const current = loadedVersion();
if (current === version && !values.force) {
  console.log(`› food database up to date (${foods.length} foods, ${version}); checked in ${seconds()}`);
  process.exit(0);
}

console.log(
  `› loading ${foods.length} foods into D1 ${values.database} (${values.local ? "local" : "remote"}), version ${version}${current ? `, replacing ${current}` : ""}`,
);
let vectors = null;
if (embedding) {
  console.log(`  embedding ${foods.length} food names with ${embedding.model}...`);
  vectors = await foodVectors(foods, embedding);
  console.log(
    `  ${vectors.ids.length} vectors of ${vectors.dimensions} dimensions, int8 (${(vectors.values.byteLength / 1024 / 1024).toFixed(1)} MB) - ${seconds()}`,
  );
}
const statements = datasetStatements(foods, vectors, {
  version,
  embeddingModel: embedding?.model ?? "",
  dimensions: vectors?.dimensions ?? 0,
  foods: foods.length,
});
const directory = mkdtempSync(path.join(tmpdir(), "ensemble-foods-"));
const file = path.join(directory, "foods.sql");
writeFileSync(file, statements.join("\n"));
console.log(
  `  wrote ${statements.length} SQL statements (${(readFileSync(file).byteLength / 1024 / 1024).toFixed(1)} MB); executing with wrangler - ${seconds()}`,
);
try {
  wrangler(["--file", file, "--yes"], { quiet: true });
} catch (error) {
  console.error(`error: wrangler d1 execute failed:\n${String((error as { stderr?: string }).stderr ?? error)}`);
  process.exit(1);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
const loaded = loadedVersion();
if (loaded !== version) {
  console.error(`error: after loading, D1 reports version ${loaded ?? "none"} instead of ${version}`);
  process.exit(1);
}
console.log(`› food database loaded: ${foods.length} foods${vectors ? ` with vectors` : ""} in ${seconds()}`);
