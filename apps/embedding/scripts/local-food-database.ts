// An in-memory copy of the embedding Worker's food database (node:sqlite), filled by the same
// statements the loader sends to D1: what the benchmark searches.
import { loadFoods } from "@ensemble/food-data";
import { createEmbedding } from "../src/embedder.ts";
import { datasetStatements, datasetVersion } from "../src/food-rows.ts";
import { foodVectors } from "../src/food-vectors.ts";
import { type NodeDatabase, applyMigrations, openNodeDatabase } from "./node-sqlite.ts";

/** The embedding Worker's own vars (wrangler.jsonc): the local engine. */
export const WORKER_ENV = { AI_PROVIDER: "local" };

export async function createLocalFoodDatabase(): Promise<{
  database: NodeDatabase;
  embeddingModel: string;
  milliseconds: number;
}> {
  const started = performance.now();
  const database = openNodeDatabase();
  applyMigrations(database);
  const foods = loadFoods();
  const embedding = createEmbedding(WORKER_ENV);
  const vectors = await foodVectors(foods, embedding);
  const version = await datasetVersion(foods, embedding.model);
  const statements = datasetStatements(foods, vectors, {
    version,
    embeddingModel: embedding.model,
    dimensions: vectors.dimensions,
    foods: foods.length,
  });
  database.exec(`BEGIN;\n${statements.join("\n")}\nCOMMIT;`);
  return { database, embeddingModel: embedding.model, milliseconds: performance.now() - started };
}
