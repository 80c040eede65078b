// The labelled food-search queries (data/food-queries.json): what a coach-app
// user types, and which SR24 foods would be a correct match. Used to measure
// search recall; "holdout" queries are kept out of tuning.
import { z } from "zod";
import queriesJson from "../data/food-queries.json" with { type: "json" };

export const foodQuerySchema = z.object({
  query: z.string().min(1),
  acceptableIds: z.array(z.number().int().positive()).min(1),
  split: z.enum(["dev", "holdout"]),
  note: z.string().optional(),
});

export type FoodQuery = z.infer<typeof foodQuerySchema>;

export function parseFoodQueries(json: unknown): FoodQuery[] {
  return z.array(foodQuerySchema).parse(json);
}

let cachedQueries: readonly FoodQuery[] | undefined;

export function loadFoodQueries(): readonly FoodQuery[] {
  cachedQueries ??= Object.freeze(parseFoodQueries(queriesJson));
  return cachedQueries;
}
