// The food dataset format: the typed `Food` shape code works with, and the
// compact JSON form it is stored in (one array per food instead of an object,
// which keeps data/foods.json small enough to bundle into a Worker).
// This module uses only zod and Web-standard JavaScript, so it runs in Workers,
// Node and the import scripts alike.
import { z } from "zod";

/** Nutrient amounts per 100 g of the food. `null` means the source has no value, not zero. */
export interface Nutrients {
  energyKcal: number | null;
  proteinG: number | null;
  carbohydrateG: number | null;
  fatG: number | null;
  fiberG: number | null;
  sugarsG: number | null;
  sodiumMg: number | null;
  saturatedFatG: number | null;
}

/**
 * A household measure. `grams` is the weight of ONE unit of `name`
 * ("cup, chopped" -> grams in one cup). The source states the measure as
 * `sourceAmount` units weighing `sourceGrams` (e.g. 0.5 cup = 44 g), kept so
 * the original figure stays reproducible.
 */
export interface FoodMeasure {
  name: string;
  grams: number;
  sourceAmount: number;
  sourceGrams: number;
}

export interface Food {
  /** USDA NDB number (SR) or FDC id. SR numbers are shown zero-padded to 5 digits, e.g. 1001 -> "01001". */
  id: number;
  name: string;
  /** Food group, e.g. "Vegetables and Vegetable Products". */
  group: string;
  /**
   * True for foods USDA had already removed from SR before release 24 but the
   * source still ships (prefer other matches in search).
   */
  deprecated: boolean;
  per100g: Nutrients;
  measures: FoodMeasure[];
}

export const nutrientKeys = [
  "energyKcal",
  "proteinG",
  "carbohydrateG",
  "fatG",
  "fiberG",
  "sugarsG",
  "sodiumMg",
  "saturatedFatG",
] as const satisfies readonly (keyof Nutrients)[];

export const foodFields = ["id", "name", "group", "deprecated", ...nutrientKeys, "measures"] as const;
export const measureFields = ["name", "grams", "sourceAmount", "sourceGrams"] as const;

export type MeasureRow = [name: string, grams: number, sourceAmount: number, sourceGrams: number];
export type FoodRow = [
  id: number,
  name: string,
  group: string,
  deprecated: boolean,
  energyKcal: number | null,
  proteinG: number | null,
  carbohydrateG: number | null,
  fatG: number | null,
  fiberG: number | null,
  sugarsG: number | null,
  sodiumMg: number | null,
  saturatedFatG: number | null,
  measures: MeasureRow[],
];

export interface FoodDatasetHeader {
  source: string;
  license: string;
}

/** Rounds to 2 decimals, the precision the dataset stores. */
export function roundTo2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function toFoodRow(food: Food): FoodRow {
  const nutrients = nutrientKeys.map((key) => food.per100g[key]);
  return [
    food.id,
    food.name,
    food.group,
    food.deprecated,
    nutrients[0] ?? null,
    nutrients[1] ?? null,
    nutrients[2] ?? null,
    nutrients[3] ?? null,
    nutrients[4] ?? null,
    nutrients[5] ?? null,
    nutrients[6] ?? null,
    nutrients[7] ?? null,
    food.measures.map((measure) => [measure.name, measure.grams, measure.sourceAmount, measure.sourceGrams]),
  ];
}

/**
 * Serialises foods deterministically: sorted by id, one food per line so a
 * re-import shows up as a readable diff.
 */
export function serializeDataset(header: FoodDatasetHeader, foods: readonly Food[]): string {
  const rows = [...foods].sort((left, right) => left.id - right.id).map((food) => JSON.stringify(toFoodRow(food)));
  return [
    "{",
    `"source": ${JSON.stringify(header.source)},`,
    `"license": ${JSON.stringify(header.license)},`,
    `"fields": ${JSON.stringify(foodFields)},`,
    `"measureFields": ${JSON.stringify(measureFields)},`,
    `"foods": [`,
    rows.join(",\n"),
    "]",
    "}",
    "",
  ].join("\n");
}

const amount = z.number().finite().nonnegative().nullable();
const positive = z.number().finite().positive();
const measureRowSchema = z.tuple([z.string().min(1), positive, positive, positive]);
const foodRowSchema = z.tuple([
  z.number().int().positive(),
  z.string().min(1),
  z.string().min(1),
  z.boolean(),
  amount,
  amount,
  amount,
  amount,
  amount,
  amount,
  amount,
  amount,
  z.array(measureRowSchema),
]);
const sameList = (expected: readonly string[]) => (actual: string[]) =>
  actual.length === expected.length && actual.every((field, index) => field === expected[index]);

export const foodDatasetSchema = z.object({
  source: z.string(),
  license: z.string(),
  fields: z.array(z.string()).refine(sameList(foodFields), { message: `fields must be ${foodFields.join(", ")}` }),
  measureFields: z
    .array(z.string())
    .refine(sameList(measureFields), { message: `measureFields must be ${measureFields.join(", ")}` }),
  foods: z.array(foodRowSchema),
});

/** Validates a dataset in the compact JSON form (data/foods.json) and expands it to `Food` objects. */
export function parseFoods(json: unknown): Food[] {
  const dataset = foodDatasetSchema.parse(json);
  const seen = new Set<number>();
  return dataset.foods.map((row) => {
    const [
      id,
      name,
      group,
      deprecated,
      energyKcal,
      proteinG,
      carbohydrateG,
      fatG,
      fiberG,
      sugarsG,
      sodiumMg,
      saturatedFatG,
      measures,
    ] = row;
    if (seen.has(id)) throw new Error(`food dataset: duplicate id ${id}`);
    seen.add(id);
    return {
      id,
      name,
      group,
      deprecated,
      per100g: { energyKcal, proteinG, carbohydrateG, fatG, fiberG, sugarsG, sodiumMg, saturatedFatG },
      measures: measures.map(([measureName, grams, sourceAmount, sourceGrams]) => ({
        name: measureName,
        grams,
        sourceAmount,
        sourceGrams,
      })),
    };
  });
}
