// Reads of the food tables (migrations/0002_food_search.sql). Plain SQL over SqlDatabase, so
// the Worker (D1) and the benchmark (node:sqlite) run the same statements.
import type { FoodRecord, Nutrients } from "@ensemble/contracts";
import type { SqlDatabase } from "./sql.ts";
import { type EncodedChunk, type QuantisedVectors, decodeChunks } from "./vectors/codec.ts";

export interface FoodRow {
  id: number;
  name: string;
  food_group: string;
  deprecated: number;
  energy_kcal: number | null;
  protein_g: number | null;
  carbohydrate_g: number | null;
  fat_g: number | null;
  fiber_g: number | null;
  sugars_g: number | null;
  sodium_mg: number | null;
  saturated_fat_g: number | null;
  measures: string;
}

export interface StoredFood extends FoodRecord {
  deprecated: boolean;
}

const FOOD_COLUMNS =
  "id, name, food_group, deprecated, energy_kcal, protein_g, carbohydrate_g, fat_g, fiber_g, sugars_g, sodium_mg, saturated_fat_g, measures";

export function toStoredFood(row: FoodRow): StoredFood {
  const per100g: Nutrients = {
    energyKcal: row.energy_kcal,
    proteinG: row.protein_g,
    carbohydrateG: row.carbohydrate_g,
    fatG: row.fat_g,
    fiberG: row.fiber_g,
    sugarsG: row.sugars_g,
    sodiumMg: row.sodium_mg,
    saturatedFatG: row.saturated_fat_g,
  };
  const measures = (JSON.parse(row.measures) as [string, number][]).map(([name, grams]) => ({ name, grams }));
  return { id: row.id, name: row.name, group: row.food_group, deprecated: row.deprecated === 1, per100g, measures };
}

/** The contract's FoodRecord: what crosses RPC (no internal flags). */
export function toFoodRecord(food: StoredFood): FoodRecord {
  return {
    id: food.id,
    name: food.name,
    group: food.group,
    per100g: { ...food.per100g },
    measures: food.measures.map((measure) => ({ ...measure })),
  };
}

export async function readFood(database: SqlDatabase, id: number): Promise<StoredFood | null> {
  const row = await database.prepare(`SELECT ${FOOD_COLUMNS} FROM foods WHERE id = ?`).bind(id).first<FoodRow>();
  return row === null ? null : toStoredFood(row);
}

export async function readAllFoods(database: SqlDatabase): Promise<StoredFood[]> {
  const { results } = await database.prepare(`SELECT ${FOOD_COLUMNS} FROM foods ORDER BY id`).all<FoodRow>();
  return results.map(toStoredFood);
}

export async function readDatasetInfo(database: SqlDatabase): Promise<Map<string, string>> {
  const { results } = await database
    .prepare("SELECT key, value FROM food_dataset")
    .all<{ key: string; value: string }>();
  return new Map(results.map((row) => [row.key, row.value]));
}

/** Every indexed term with the number of foods it occurs in. */
export async function readVocabulary(database: SqlDatabase): Promise<Map<string, number>> {
  const { results } = await database.prepare("SELECT term, doc FROM foods_terms").all<{ term: string; doc: number }>();
  return new Map(results.map((row) => [row.term, row.doc]));
}

export async function readVectors(database: SqlDatabase, dimensions: number): Promise<QuantisedVectors | null> {
  const { results } = await database
    .prepare("SELECT ids, vectors, scales FROM food_vector_chunks ORDER BY chunk")
    .all<EncodedChunk>();
  return results.length === 0 ? null : decodeChunks(results, dimensions);
}

export interface LexicalHit {
  id: number;
  /** FTS5 bm25(), negated so that larger is better. */
  relevance: number;
}

/** Nutrient limits per 100 g, and a food group (matched case-insensitively as a substring). */
export interface NutrientFilters {
  maxEnergyKcal?: number | undefined;
  minProteinG?: number | undefined;
  maxCarbohydrateG?: number | undefined;
  maxFatG?: number | undefined;
  group?: string | undefined;
}

/** SQL conditions on `foods` for the filters, with their parameters. A food without the value is excluded. */
export function filterConditions(filters: NutrientFilters): { sql: string[]; values: unknown[] } {
  const sql: string[] = [];
  const values: unknown[] = [];
  const limits: [number | undefined, string][] = [
    [filters.maxEnergyKcal, "foods.energy_kcal <= ?"],
    [filters.minProteinG, "foods.protein_g >= ?"],
    [filters.maxCarbohydrateG, "foods.carbohydrate_g <= ?"],
    [filters.maxFatG, "foods.fat_g <= ?"],
  ];
  for (const [value, condition] of limits) {
    if (value === undefined) continue;
    sql.push(condition);
    values.push(value);
  }
  if (filters.group !== undefined && filters.group.trim() !== "") {
    sql.push("instr(lower(foods.food_group), lower(?)) > 0");
    values.push(filters.group.trim());
  }
  return { sql, values };
}

/** The first name segment weighs more than the qualifiers (see lexicalSearch). */
export const HEAD_WEIGHT = 2.0;

export interface LexicalQuery {
  /** An FTS5 MATCH expression over the stemmed name terms. */
  expression: string;
  limit: number;
}

/**
 * BM25 matches for each FTS5 expression, best first, among foods that pass the filters, all in
 * one round trip. The first name segment weighs more than the qualifiers: "banana" in
 * "Bananas, raw" says what the food is, in "Pepper, banana, raw" it does not.
 */
export async function lexicalSearch(
  database: SqlDatabase,
  queries: readonly LexicalQuery[],
  filters: NutrientFilters,
): Promise<LexicalHit[][]> {
  if (queries.length === 0) return [];
  const conditions = filterConditions(filters);
  const join = conditions.sql.length > 0 ? " JOIN foods ON foods.id = foods_fts.rowid" : "";
  const where = ["foods_fts MATCH ?", ...conditions.sql].join(" AND ");
  const sql = `SELECT foods_fts.rowid AS id, bm25(foods_fts, ${HEAD_WEIGHT}, 1.0) AS score FROM foods_fts${join} WHERE ${where} ORDER BY score LIMIT ?`;
  const statements = queries.map((query) =>
    database.prepare(sql).bind(query.expression, ...conditions.values, query.limit),
  );
  const results =
    statements.length === 1
      ? [await statements[0]!.all<{ id: number; score: number }>()]
      : await database.batch<{ id: number; score: number }>(statements);
  return results.map((result) => result.results.map((row) => ({ id: row.id, relevance: -row.score })));
}
