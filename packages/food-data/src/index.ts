// @ensemble/food-data: the USDA SR24 food dataset (8,858 foods) with per-100 g
// macros and household measures. Works in Workers and Node: the JSON is
// imported as a module, so bundlers (wrangler/esbuild, vite) inline it and
// no file system access is needed.
import foodsJson from "../data/foods.json" with { type: "json" };
import { parseFoods, type Food } from "./food.ts";

export {
  foodDatasetSchema,
  foodFields,
  measureFields,
  nutrientKeys,
  parseFoods,
  roundTo2,
  serializeDataset,
  toFoodRow,
} from "./food.ts";
export type { Food, FoodDatasetHeader, FoodMeasure, FoodRow, MeasureRow, Nutrients } from "./food.ts";

let cachedFoods: readonly Food[] | undefined;

/** All foods of the bundled dataset, sorted by id. Parsed and validated once, then memoised. */
export function loadFoods(): readonly Food[] {
  cachedFoods ??= Object.freeze(parseFoods(foodsJson));
  return cachedFoods;
}
