// Shared by the meal Worker's integration tests: the real embedding Worker (an auxiliary Worker
// built from apps/embedding/dist) over the USDA foods seeded into its database, and the meal D1.
import { env } from "cloudflare:workers";
import { type RunToolsOptions, runTools } from "@ensemble/ai";
import type { Failure, Macros, Result, Targets } from "@ensemble/contracts";
import { mealTools } from "@ensemble/tools";
import { seedFoods } from "../../embedding/test/seed-foods.ts";
import type { FoodSource } from "../src/foods.ts";
import { type MealToolContext, createMealToolExecutor } from "../src/tools.ts";

export const NOW = new Date("2026-11-20T14:00:00Z");
export const TODAY = "2026-11-20";
export const YESTERDAY = "2026-11-19";
export const TARGETS: Targets = { energyKcal: 2200, proteinG: 150, carbohydrateG: 250, fatG: 70 };

let seeded: Promise<unknown> | undefined;

/** Loads the USDA foods into the embedding Worker's database once per test file. */
export function seedUsdaFoods(): Promise<unknown> {
  seeded ??= seedFoods(env.EMBEDDING_DB);
  return seeded;
}

export function foodSource(): FoodSource {
  return env.EMBEDDING as unknown as FoodSource;
}

let requestCounter = 0;

export function executorFor(userId: string, options: Partial<MealToolContext> = {}) {
  requestCounter += 1;
  return createMealToolExecutor({
    database: env.DB,
    foods: foodSource(),
    userId,
    requestId: `request-${requestCounter}`,
    now: NOW,
    ...options,
  });
}

/**
 * One message through the tool loop with the meal tools, `client` playing the model. A failed tool
 * throws, which is how the runner records the call as failed and tells the model why.
 */
export function runMealTools(
  client: RunToolsOptions["client"],
  message: string,
  execute: ReturnType<typeof executorFor>,
) {
  return runTools({
    client,
    domain: "meal",
    messages: [{ role: "user", content: message }],
    tools: [...mealTools],
    execute: async (name, args) => {
      const result = await execute(name, args);
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    },
    userMessage: message,
  });
}

/** Per-100 g macros of a food straight from the embedding Worker's copy of USDA SR24. */
export async function usdaFood(id: number): Promise<{ per100g: Macros; measures: [string, number][] }> {
  const row = await env.EMBEDDING_DB.prepare(
    "SELECT energy_kcal, protein_g, carbohydrate_g, fat_g, measures FROM foods WHERE id = ?",
  )
    .bind(id)
    .first<{ energy_kcal: number; protein_g: number; carbohydrate_g: number; fat_g: number; measures: string }>();
  if (row === null) throw new Error(`USDA food ${id} is not seeded`);
  return {
    per100g: {
      energyKcal: row.energy_kcal,
      proteinG: row.protein_g,
      carbohydrateG: row.carbohydrate_g,
      fatG: row.fat_g,
    },
    measures: JSON.parse(row.measures) as [string, number][],
  };
}

export async function mealRowCount(userId?: string): Promise<number> {
  const statement =
    userId === undefined
      ? env.DB.prepare("SELECT count(*) AS n FROM meals")
      : env.DB.prepare("SELECT count(*) AS n FROM meals WHERE user_id = ?").bind(userId);
  return (await statement.first<{ n: number }>())?.n ?? 0;
}

export async function itemRowCount(userId?: string): Promise<number> {
  const statement =
    userId === undefined
      ? env.DB.prepare("SELECT count(*) AS n FROM meal_items")
      : env.DB.prepare("SELECT count(*) AS n FROM meal_items WHERE user_id = ?").bind(userId);
  return (await statement.first<{ n: number }>())?.n ?? 0;
}

export function uniqueUser(label: string): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}`;
}

/** The value of a success; a failure fails the test with its message. */
export function okValue<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error of a failure; a success fails the test. */
export function failureOf(result: Result<unknown>): Failure {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}
