// Food search, owned by the embedding Worker.
import { z } from "zod";
import type { Health, Result } from "./common.ts";

export const nutrientsSchema = z.object({
  energyKcal: z.number().nullable(),
  proteinG: z.number().nullable(),
  carbohydrateG: z.number().nullable(),
  fatG: z.number().nullable(),
  fiberG: z.number().nullable(),
  sugarsG: z.number().nullable(),
  sodiumMg: z.number().nullable(),
  saturatedFatG: z.number().nullable(),
});
export type Nutrients = z.infer<typeof nutrientsSchema>;

export interface FoodRecord {
  id: number;
  name: string;
  group: string;
  /** Per 100 g of the food as USDA lists it. */
  per100g: Nutrients;
  /** Household measures: grams in one of the measure ("1 cup, chopped" -> 91). */
  measures: { name: string; grams: number }[];
}

export const foodFiltersSchema = z.object({
  maxEnergyKcal: z.number().positive().optional(),
  minProteinG: z.number().min(0).optional(),
  maxCarbohydrateG: z.number().min(0).optional(),
  maxFatG: z.number().min(0).optional(),
  group: z.string().optional(),
});

export const searchFoodsRequestSchema = z.object({
  query: z.string().trim().min(1, "query must not be empty").max(500, "query must be at most 500 characters"),
  limit: z.number().int().optional(),
  filters: foodFiltersSchema.optional(),
});
export type SearchFoodsRequest = z.input<typeof searchFoodsRequestSchema>;

export interface FoodSearchHit {
  food: FoodRecord;
  score: number;
  /** Why it matched: "lexical rank 1", "vector 0.82", "protein 31 g/100 g (high protein)". */
  why: string[];
}

export interface FoodSearchReply {
  query: string;
  /** What the query was understood to ask, beyond words: filters and sort. */
  understood: { text: string; filters: z.infer<typeof foodFiltersSchema>; sort?: string };
  hits: FoodSearchHit[];
  /** Where the query's vector came from: a prefetch or an earlier search ("cached"), or a model call now. Absent without vector search. */
  queryVector?: "cached" | "computed";
}

export const resolvePortionRequestSchema = z.object({
  foodId: z.number().int().positive(),
  quantity: z.number().positive().max(100_000),
  unit: z.string().trim().min(1).max(40),
});
export type ResolvePortionRequest = z.input<typeof resolvePortionRequestSchema>;

export interface PortionReply {
  grams: number;
  /** How grams were found: the food's own measure, a unit conversion, or a default serving. */
  method: "food-measure" | "unit-conversion" | "default-serving";
  measure: string;
}

export interface EmbeddingRpc {
  health(): Promise<Health>;
  embed(texts: string[]): Promise<Result<{ vectors: number[][]; dimensions: number; model: string }>>;
  searchFoods(request: SearchFoodsRequest): Promise<Result<FoodSearchReply>>;
  /** Embeds likely queries ahead of their searches (see the embedding Worker). */
  prefetchQueries(queries: string[]): Promise<Result<{ texts: string[]; computed: number; cached: number }>>;
  getFood(id: number): Promise<Result<FoodRecord>>;
  resolvePortion(request: ResolvePortionRequest): Promise<Result<PortionReply>>;
}
