// One food search: read the query, ask FTS5 and the vector side in parallel, rank.
import type { FoodSearchReply } from "@ensemble/contracts";
import { type LexicalQuery, type NutrientFilters, lexicalSearch, toFoodRecord } from "../food-store.ts";
import type { SqlDatabase } from "../sql.ts";
import type { VectorMatch, VectorSearch } from "../vectors/vector-index.ts";
import type { Catalog } from "./catalog.ts";
import { type QueryFilters, ftsExpressions, understandQuery } from "./query.ts";
import { rankFoods } from "./rank.ts";

/** FTS candidates that match every required term; BM25 orders them before the prior re-ranks. */
const LEXICAL_CANDIDATES = 250;
/** Foods matching any term, ranked after those matching all (coverage decides), for queries where few match all. */
const PARTIAL_CANDIDATES = 100;
const VECTOR_CANDIDATES = 100;

export interface SearchDependencies {
  database: SqlDatabase;
  catalog: Catalog;
  /** Null when there are no usable vectors (the lexical side then works alone). */
  vectors: VectorSearch | null;
  embed: ((text: string) => Promise<ArrayLike<number>>) | null;
}

export interface SearchRequest {
  query: string;
  limit: number;
  filters?: NutrientFilters | undefined;
}

function smaller(left: number | undefined, right: number | undefined): number | undefined {
  return left === undefined ? right : right === undefined ? left : Math.min(left, right);
}

function larger(left: number | undefined, right: number | undefined): number | undefined {
  return left === undefined ? right : right === undefined ? left : Math.max(left, right);
}

/** The stricter of the caller's filters and those read from the query. */
export function mergeFilters(fromQuery: QueryFilters, fromCaller: NutrientFilters | undefined): QueryFilters {
  const merged: QueryFilters = { ...fromQuery };
  if (!fromCaller) return merged;
  const energy = smaller(merged.maxEnergyKcal, fromCaller.maxEnergyKcal);
  const protein = larger(merged.minProteinG, fromCaller.minProteinG);
  const carbohydrate = smaller(merged.maxCarbohydrateG, fromCaller.maxCarbohydrateG);
  const fat = smaller(merged.maxFatG, fromCaller.maxFatG);
  if (energy !== undefined) merged.maxEnergyKcal = energy;
  if (protein !== undefined) merged.minProteinG = protein;
  if (carbohydrate !== undefined) merged.maxCarbohydrateG = carbohydrate;
  if (fat !== undefined) merged.maxFatG = fat;
  if (fromCaller.group !== undefined && fromCaller.group.trim() !== "") merged.group = fromCaller.group.trim();
  return merged;
}

async function vectorNeighbours(
  dependencies: SearchDependencies,
  text: string,
): Promise<{ matches: VectorMatch[]; note?: string }> {
  if (!dependencies.vectors || !dependencies.embed || text.trim() === "") return { matches: [] };
  try {
    const vector = await dependencies.embed(text);
    return { matches: await dependencies.vectors.query(vector, VECTOR_CANDIDATES) };
  } catch (error) {
    // The lexical side still answers; say why the vector side did not.
    return {
      matches: [],
      note: `vector search unavailable: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export async function searchFoods(dependencies: SearchDependencies, request: SearchRequest): Promise<FoodSearchReply> {
  const understood = understandQuery(request.query, dependencies.catalog.vocabulary);
  understood.filters = mergeFilters(understood.filters, request.filters);
  const expressions = ftsExpressions(understood);

  // Foods with every required word, and (when that is a different set) foods with any word, in
  // one round trip: a second sequential query when the first finds too few costs more than it saves.
  const lexicalQueries: LexicalQuery[] = [];
  if (expressions.all !== null) lexicalQueries.push({ expression: expressions.all, limit: LEXICAL_CANDIDATES });
  if (expressions.any !== null && expressions.any !== expressions.all)
    lexicalQueries.push({ expression: expressions.any, limit: PARTIAL_CANDIDATES });
  const lexicalWork = lexicalSearch(dependencies.database, lexicalQueries, understood.filters).then((lists) =>
    lists.flat(),
  );
  const [lexical, vector] = await Promise.all([lexicalWork, vectorNeighbours(dependencies, understood.embeddingText)]);

  if (vector.note) console.warn(`food search: ${vector.note}`);

  const ranked = rankFoods({
    query: understood,
    lexical,
    vector: vector.matches,
    catalog: dependencies.catalog,
    limit: request.limit,
  });
  return {
    query: request.query,
    understood: {
      text: understood.text,
      filters: understood.filters,
      ...(understood.sort ? { sort: understood.sort } : {}),
    },
    hits: ranked.map((hit) => ({ food: toFoodRecord(hit.food), score: hit.score, why: hit.why })),
  };
}
