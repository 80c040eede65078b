// Loads the full USDA food dataset into the embedding Worker's database in a test: foods, the FTS5
// index and the vectors, through the same statements the start command's loader uses. Any app's
// tests can use it on their shared binding, before calling the embedding Worker:
//
//   import { seedFoods } from "../../embedding/test/seed-foods.ts";
//   beforeAll(() => seedFoods(env.EMBEDDING_DB));   // in apps/embedding itself: env.DB
//
// It skips the work when the same dataset version is already there. With vitest's isolated
// storage, call it in beforeAll: writes made there last for the whole test file.
import { loadFoods } from "@ensemble/food-data";
import { createEmbedding } from "../src/embedder.ts";
import { datasetStatements, datasetVersion } from "../src/food-rows.ts";
import { foodVectors } from "../src/food-vectors.ts";

/** The embedding Worker's own vars (apps/embedding/wrangler.jsonc): the local engine. */
const EMBEDDING_WORKER_ENV = { AI_PROVIDER: "local" };

export interface SeedResult {
  /** False when the dataset was already loaded and nothing was written. */
  seeded: boolean;
  version: string;
  foods: number;
  milliseconds: number;
}

// The same for every database, so a test file seeding twice computes them once.
let version: Promise<string> | undefined;
let statements: Promise<string[]> | undefined;

async function buildStatements(datasetVersionText: string): Promise<string[]> {
  const foods = loadFoods();
  const embedding = createEmbedding(EMBEDDING_WORKER_ENV);
  const vectors = await foodVectors(foods, embedding);
  return datasetStatements(foods, vectors, {
    version: datasetVersionText,
    embeddingModel: embedding.model,
    dimensions: vectors.dimensions,
    foods: foods.length,
  });
}

async function loadedVersion(database: D1Database): Promise<string | null> {
  try {
    return (
      (await database.prepare("SELECT value FROM food_dataset WHERE key = 'version'").first<string>("value")) ?? null
    );
  } catch {
    // No food tables yet: the migrations have not run on this database.
    return null;
  }
}

export async function seedFoods(database: D1Database): Promise<SeedResult> {
  const started = performance.now();
  version ??= datasetVersion(loadFoods(), createEmbedding(EMBEDDING_WORKER_ENV).model);
  const current = await version;
  const foods = loadFoods().length;
  if ((await loadedVersion(database)) === current)
    return { seeded: false, version: current, foods, milliseconds: performance.now() - started };
  statements ??= buildStatements(current);
  const sql = await statements;
  await database.batch(sql.map((statement) => database.prepare(statement)));
  return { seeded: true, version: current, foods, milliseconds: performance.now() - started };
}
