// The food dataset as SQL for the embedding Worker's D1: one function shared by the start
// command's loader (scripts/load-foods.ts, which hands the statements to `wrangler d1 execute`)
// and the test seeding helper (test/seed-foods.ts, which runs them through a D1 binding).
// Web-standard code only: it runs in Node and in workerd.
import type { Food } from "@ensemble/food-data";
import { nameSegments } from "./search/text.ts";
import { type QuantisedVectors, encodeChunks } from "./vectors/codec.ts";

/**
 * Bumped when what is stored changes shape (the stemmer, the FTS columns, the vector layout), so a
 * database loaded by an older version is reloaded instead of silently searched wrongly.
 */
export const INDEX_FORMAT = 1;

/** Foods per vector chunk: 48 x 768 int8 is 49 KB of base64, under D1's 100 KB statement limit. */
export const VECTOR_CHUNK_SIZE = 48;

/** D1 rejects statements over 100,000 bytes; stay well under it. */
const MAX_STATEMENT_BYTES = 90_000;

export interface DatasetInfo {
  /** Identifies the dataset, the index format and the embedding model together. */
  version: string;
  /** `${provider}:${model}` of the vectors, e.g. "local:@cf/baai/bge-base-en-v1.5". */
  embeddingModel: string;
  dimensions: number;
  foods: number;
}

/** SHA-256 of the dataset, the index format and the embedding model, shortened. */
export async function datasetVersion(foods: readonly Food[], embeddingModel: string): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([INDEX_FORMAT, embeddingModel, foods]));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest.subarray(0, 8), (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `sr24-${hex}-f${INDEX_FORMAT}`;
}

export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function sqlNumber(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "NULL" : String(value);
}

/** The FTS5 row of a food: its first name segment and the rest, as stemmed terms. */
export function searchColumns(name: string): { head: string; rest: string } {
  const [head = [], ...rest] = nameSegments(name);
  return { head: head.join(" "), rest: rest.flat().join(" ") };
}

/** Multi-row INSERTs of `rows` (each already SQL), cut so no statement passes the size limit. */
function inserts(prefix: string, rows: string[]): string[] {
  const statements: string[] = [];
  let current: string[] = [];
  let size = prefix.length;
  for (const row of rows) {
    if (current.length > 0 && size + row.length + 2 > MAX_STATEMENT_BYTES) {
      statements.push(`${prefix}${current.join(",\n")};`);
      current = [];
      size = prefix.length;
    }
    current.push(row);
    size += row.length + 2;
  }
  if (current.length > 0) statements.push(`${prefix}${current.join(",\n")};`);
  return statements;
}

function foodRow(food: Food): string {
  const nutrients = food.per100g;
  const measures = JSON.stringify(food.measures.map((measure) => [measure.name, measure.grams]));
  return `(${[
    String(food.id),
    sqlString(food.name),
    sqlString(food.group),
    food.deprecated ? "1" : "0",
    sqlNumber(nutrients.energyKcal),
    sqlNumber(nutrients.proteinG),
    sqlNumber(nutrients.carbohydrateG),
    sqlNumber(nutrients.fatG),
    sqlNumber(nutrients.fiberG),
    sqlNumber(nutrients.sugarsG),
    sqlNumber(nutrients.sodiumMg),
    sqlNumber(nutrients.saturatedFatG),
    sqlString(measures),
  ].join(", ")})`;
}

/**
 * Every statement that replaces the food tables' contents with `foods` (and their vectors, when
 * given). The dataset-info rows come last: a load that stops half-way leaves no version row, so
 * the next run loads again instead of trusting a partial table.
 */
export function datasetStatements(
  foods: readonly Food[],
  vectors: QuantisedVectors | null,
  info: DatasetInfo,
): string[] {
  const statements = [
    "DELETE FROM food_dataset;",
    "DELETE FROM foods;",
    "DELETE FROM foods_fts;",
    "DELETE FROM food_vector_chunks;",
  ];
  statements.push(
    ...inserts(
      "INSERT INTO foods (id, name, food_group, deprecated, energy_kcal, protein_g, carbohydrate_g, fat_g, fiber_g, sugars_g, sodium_mg, saturated_fat_g, measures) VALUES\n",
      foods.map(foodRow),
    ),
  );
  statements.push(
    ...inserts(
      "INSERT INTO foods_fts (rowid, head, rest) VALUES\n",
      foods.map((food) => {
        const columns = searchColumns(food.name);
        return `(${food.id}, ${sqlString(columns.head)}, ${sqlString(columns.rest)})`;
      }),
    ),
  );
  if (vectors !== null) {
    statements.push(
      ...encodeChunks(vectors, VECTOR_CHUNK_SIZE).map(
        (chunk, index) =>
          `INSERT INTO food_vector_chunks (chunk, ids, vectors, scales) VALUES (${index}, ${sqlString(chunk.ids)}, ${sqlString(chunk.vectors)}, ${sqlString(chunk.scales)});`,
      ),
    );
  }
  const entries: [string, string][] = [
    ["embedding_model", vectors === null ? "" : info.embeddingModel],
    ["dimensions", String(vectors === null ? 0 : info.dimensions)],
    ["foods", String(foods.length)],
    ["version", info.version],
  ];
  statements.push(
    `INSERT INTO food_dataset (key, value) VALUES ${entries.map(([key, value]) => `(${sqlString(key)}, ${sqlString(value)})`).join(", ")};`,
  );
  return statements;
}

/** The text each food is embedded as; queries are embedded the same way (search/search.ts). */
export function foodEmbeddingText(food: Pick<Food, "name">): string {
  return food.name;
}
