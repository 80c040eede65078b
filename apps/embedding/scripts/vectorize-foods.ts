// Production vectors: embeds every food name with Workers AI bge-base-en-v1.5 (768-d), writes the
// NDJSON files `wrangler vectorize insert` uploads, and with --run creates and fills the index the
// deployed embedding Worker queries through its VECTORIZE binding (scripts/deploy-worker.ts binds
// index "ensemble-foods", or $VECTORIZE_INDEX).
//
//   CLOUDFLARE_ACCOUNT_ID=... CLOUDFLARE_API_TOKEN=... node apps/embedding/scripts/vectorize-foods.ts --run
//
// Without --run it only writes the files and prints the wrangler commands. --embedder local
// writes the local engine's vectors instead (offline, to try the pipeline; never upload those to
// an index production queries with bge vectors).
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadFoods } from "@ensemble/food-data";
import { createEmbedding } from "../src/embedder.ts";
import { foodEmbeddingText } from "../src/food-rows.ts";
import { vectorizeFiles } from "../src/vectors/vectorize-ndjson.ts";
import { createWorkersAiRestEmbedder } from "../src/vectors/workers-ai-rest.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const { values } = parseArgs({
  options: {
    index: { type: "string", default: process.env.VECTORIZE_INDEX ?? "ensemble-foods" },
    embedder: { type: "string", default: "workers-ai" },
    out: { type: "string", default: path.join(root, ".wrangler/vectorize-foods") },
    run: { type: "boolean", default: false },
  },
});

const foods = loadFoods();
const texts = foods.map(foodEmbeddingText);
let vectors: number[][];
if (values.embedder === "local") {
  vectors = (await createEmbedding({ AI_PROVIDER: "local" }).embed(texts)).vectors;
} else if (values.embedder === "workers-ai") {
  const accountId = process.env.CLOUDFLARE_ACCOUNT_ID;
  const apiToken = process.env.CLOUDFLARE_API_TOKEN;
  if (!accountId || !apiToken) {
    console.error(
      "error: set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (a token with Workers AI read), or pass --embedder local to try the pipeline offline.",
    );
    process.exit(1);
  }
  console.log(`› embedding ${texts.length} food names with Workers AI (${Math.ceil(texts.length / 100)} calls)...`);
  vectors = await createWorkersAiRestEmbedder({ accountId, apiToken })(texts);
} else {
  console.error(`error: --embedder must be workers-ai or local, got "${values.embedder}"`);
  process.exit(2);
}

const directory = path.resolve(values.out!);
mkdirSync(directory, { recursive: true });
const files = vectorizeFiles(
  foods.map((food) => food.id),
  vectors,
).map((text, index) => {
  const file = path.join(directory, `foods-${String(index + 1).padStart(2, "0")}.ndjson`);
  writeFileSync(file, text);
  return file;
});
const dimensions = vectors[0]?.length ?? 0;
console.log(`› wrote ${vectors.length} vectors (${dimensions} dimensions) to ${files.length} files in ${directory}`);

const commands = [
  ["vectorize", "create", values.index!, `--dimensions=${dimensions}`, "--metric=cosine"],
  ...files.map((file) => ["vectorize", "insert", values.index!, `--file=${file}`]),
];
if (!values.run) {
  console.log("› to create and fill the index, run (or pass --run):");
  for (const command of commands) console.log(`  wrangler ${command.join(" ")}`);
  process.exit(0);
}
for (const command of commands) {
  console.log(`› wrangler ${command.join(" ")}`);
  try {
    execFileSync("wrangler", command, { cwd: root, stdio: "inherit" });
  } catch (error) {
    // A second run finds the index already there; inserting again upserts the same ids.
    if (command[1] !== "create") throw error;
    console.log("  (create failed; continuing on the assumption the index exists)");
  }
}
