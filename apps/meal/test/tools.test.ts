// The meal tools against the real D1 and the real embedding Worker over USDA SR24 foods.
import { env } from "cloudflare:workers";
import type {
  DailyTotalsResult,
  DeleteMealResult,
  GetMealsResult,
  LogMealResult,
  SearchFoodsResult,
} from "../src/tools.ts";
import { beforeAll, describe, expect, it } from "vitest";
import {
  TARGETS,
  TODAY,
  YESTERDAY,
  executorFor,
  failureOf,
  itemRowCount,
  mealRowCount,
  okValue,
  seedUsdaFoods,
  uniqueUser,
  usdaFood,
} from "./helpers.ts";

beforeAll(async () => {
  await seedUsdaFoods();
}, 120_000);

const logged = (result: Parameters<typeof okValue>[0]) => okValue(result) as LogMealResult;
const mealsOf = (result: Parameters<typeof okValue>[0]) => okValue(result) as GetMealsResult;
const totalsOf = (result: Parameters<typeof okValue>[0]) => okValue(result) as DailyTotalsResult;
const deletion = (result: Parameters<typeof okValue>[0]) => okValue(result) as DeleteMealResult;
const searched = (result: Parameters<typeof okValue>[0]) => okValue(result) as SearchFoodsResult;

/** USDA per-100 g value times grams, as the Worker stores it (two decimals). */
function expected(per100g: number, grams: number): number {
  return Math.round(per100g * grams) / 100;
}

describe("log_meal", () => {
  it("logs several items with macros computed from USDA foods and household measures", async () => {
    const user = uniqueUser("log");
    const execute = executorFor(user, { targets: TARGETS });
    const result = logged(
      await execute("log_meal", {
        items: [
          { food: "eggs", foodId: 1123, quantity: 2, unit: "large" },
          { food: "brown rice", foodId: 20037, quantity: 1, unit: "cup" },
          { food: "roast chicken breast", foodId: 5064, quantity: 150, unit: "g" },
        ],
        mealType: "lunch",
        time: "12:30",
      }),
    );
    const egg = await usdaFood(1123);
    const rice = await usdaFood(20037);
    const chicken = await usdaFood(5064);
    // SR24: a large egg is 50 g, a cup of cooked long-grain brown rice 195 g.
    expect(result.meal.items.map((item) => item.grams)).toEqual([100, 195, 150]);
    const [eggItem, riceItem, chickenItem] = result.meal.items;
    expect(eggItem?.energyKcal).toBe(Math.round(expected(egg.per100g.energyKcal, 100)));
    expect(eggItem?.proteinG).toBeCloseTo(expected(egg.per100g.proteinG, 100), 1);
    expect(riceItem?.carbohydrateG).toBeCloseTo(expected(rice.per100g.carbohydrateG, 195), 1);
    expect(chickenItem?.fatG).toBeCloseTo(expected(chicken.per100g.fatG, 150), 1);

    // What is stored, to two decimals: per item, and the meal's totals as their sum.
    const stored = await env.DB.prepare(
      "SELECT food_id, grams, energy_kcal, protein_g, carbohydrate_g, fat_g FROM meal_items WHERE user_id = ? ORDER BY position",
    )
      .bind(user)
      .all<{
        food_id: number;
        grams: number;
        energy_kcal: number;
        protein_g: number;
        carbohydrate_g: number;
        fat_g: number;
      }>();
    const foods = [egg, rice, chicken];
    const grams = [100, 195, 150];
    stored.results.forEach((row, index) => {
      const food = foods[index]!;
      expect(row.energy_kcal).toBeCloseTo(expected(food.per100g.energyKcal, grams[index]!), 2);
      expect(row.protein_g).toBeCloseTo(expected(food.per100g.proteinG, grams[index]!), 2);
      expect(row.carbohydrate_g).toBeCloseTo(expected(food.per100g.carbohydrateG, grams[index]!), 2);
      expect(row.fat_g).toBeCloseTo(expected(food.per100g.fatG, grams[index]!), 2);
    });
    const meal = await env.DB.prepare(
      "SELECT energy_kcal, protein_g, meal_type, eaten_on, eaten_time FROM meals WHERE user_id = ?",
    )
      .bind(user)
      .first<{ energy_kcal: number; protein_g: number; meal_type: string; eaten_on: string; eaten_time: string }>();
    const energySum = stored.results.reduce((sum, row) => sum + row.energy_kcal, 0);
    expect(meal).toMatchObject({ meal_type: "lunch", eaten_on: TODAY, eaten_time: "12:30" });
    expect(meal?.energy_kcal).toBeCloseTo(energySum, 2);
    // 143 + 216.45 + 247.5 kcal from SR24's per-100 g values.
    expect(meal?.energy_kcal).toBeCloseTo(606.95, 2);

    expect(result.day).toMatchObject({ date: TODAY, mealCount: 1, targets: TARGETS });
    expect(result.day.remaining?.energyKcal).toBe(Math.round(TARGETS.energyKcal - 606.95));
    expect(result.day.percentOfTarget?.energyKcal).toBe(Math.round((606.95 / TARGETS.energyKcal) * 100));
  });

  it("resolves free-text items through food search and portion words", async () => {
    const user = uniqueUser("free-text");
    const result = logged(
      await executorFor(user)("log_meal", {
        items: [{ food: "a cup of brown rice" }, { food: "6 oz salmon" }, { food: "a banana" }],
      }),
    );
    const [rice, salmon, banana] = result.meal.items;
    expect(rice?.match).toMatch(/^Rice, brown/);
    // Logged food is cooked food: the cup is of cooked rice, not of dry grains.
    expect(rice?.match).toMatch(/cooked/);
    expect(salmon?.match).toMatch(/salmon/i);
    expect(salmon?.grams).toBeCloseTo(170.1, 1);
    expect(banana?.match).toMatch(/^Bananas?, raw/);
    expect(banana?.grams).toBeGreaterThan(80);
    expect(banana?.grams).toBeLessThan(160);
    const salmonFood = await usdaFood(salmon?.foodId ?? 0);
    expect(salmon?.energyKcal).toBe(Math.round(expected(salmonFood.per100g.energyKcal, 170.1)));
  });

  it("defaults the date to today and the meal type to the time of day", async () => {
    const user = uniqueUser("defaults");
    const result = logged(
      await executorFor(user)("log_meal", { items: [{ food: "banana", foodId: 9040, quantity: 1, unit: "medium" }] }),
    );
    // 14:00 UTC is after lunch time, so a meal with no type or time is a lunch eaten now.
    expect(result.meal).toMatchObject({ date: TODAY, time: "14:00", mealType: "lunch" });
    const breakfast = logged(
      await executorFor(user)("log_meal", {
        items: [{ food: "banana", foodId: 9040 }],
        mealType: "breakfast",
        date: YESTERDAY,
      }),
    );
    expect(breakfast.meal).toMatchObject({ date: YESTERDAY, time: "08:00", mealType: "breakfast" });
  });

  it("never logs a retried request twice", async () => {
    const user = uniqueUser("retry");
    const first = executorFor(user, { requestId: "same-request" });
    const retry = executorFor(user, { requestId: "same-request" });
    const args = { items: [{ food: "egg", foodId: 1123, quantity: 3, unit: "large" }], mealType: "breakfast" };
    const original = logged(await first("log_meal", args));
    const again = logged(await retry("log_meal", args));
    expect(original.alreadyLogged).toBe(false);
    expect(again.alreadyLogged).toBe(true);
    expect(again.meal.id).toBe(original.meal.id);
    expect(await mealRowCount(user)).toBe(1);
    expect(await itemRowCount(user)).toBe(1);
    // Two retries racing each other: still one meal.
    const racing = await Promise.all([
      executorFor(user, { requestId: "race" })("log_meal", args),
      executorFor(user, { requestId: "race" })("log_meal", args),
    ]);
    expect(racing.every((result) => result.ok)).toBe(true);
    expect(await mealRowCount(user)).toBe(2);
    expect(await itemRowCount(user)).toBe(2);
  });

  it("logs a second meal of the same request under its own key", async () => {
    const user = uniqueUser("two-meals");
    const execute = executorFor(user);
    logged(await execute("log_meal", { items: [{ food: "egg", foodId: 1123 }], mealType: "breakfast" }));
    logged(await execute("log_meal", { items: [{ food: "banana", foodId: 9040 }], mealType: "snack" }));
    expect(await mealRowCount(user)).toBe(2);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["no items", { items: [] }, /at least one food/],
    ["a missing food name", { items: [{ quantity: 2 }] }, /food/],
    ["a negative amount", { items: [{ food: "rice", quantity: -1, unit: "cup" }] }, /more than 0/],
    ["an unknown meal type", { items: [{ food: "rice" }], mealType: "elevenses" }, /breakfast, lunch, dinner, snack/],
    ["a malformed date", { items: [{ food: "rice" }], date: "20/11/2026" }, /YYYY-MM-DD/],
    ["a future date", { items: [{ food: "rice" }], date: "2026-11-21" }, /in the future/],
    ["a date long ago", { items: [{ food: "rice" }], date: "2020-01-01" }, /more than a year ago/],
    ["a bad time", { items: [{ food: "rice" }], time: "25:00" }, /HH:MM/],
    ["a user id smuggled in", { items: [{ food: "rice" }], userId: "someone-else" }, /userId|Unrecognized/i],
    ["an unknown food id", { items: [{ food: "mystery", foodId: 99999999 }] }, /no USDA food has id 99999999/],
    ["an absurd amount", { items: [{ food: "rice", foodId: 20037, quantity: 400, unit: "cup" }] }, /more than 5000 g/],
  ])("rejects %s with bad_request and writes nothing", async (_label, args, message) => {
    const user = uniqueUser("bad");
    const error = failureOf(await executorFor(user)("log_meal", args));
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(message);
    expect(await mealRowCount(user)).toBe(0);
    expect(await itemRowCount(user)).toBe(0);
  });

  it("writes nothing when one item of several cannot be resolved", async () => {
    const user = uniqueUser("partial");
    const result = await executorFor(user)("log_meal", {
      items: [
        { food: "egg", foodId: 1123 },
        { food: "nothing", foodId: 424242 },
      ],
    });
    expect(result.ok).toBe(false);
    expect(failureOf(result).message).toMatch(/nothing was logged: item 2/);
    expect(await mealRowCount(user)).toBe(0);
  });
});

describe("get_meals and get_daily_totals", () => {
  it("reads a day, a range and a meal type", async () => {
    const user = uniqueUser("ranges");
    const execute = executorFor(user);
    for (const [date, mealType, foodId] of [
      ["2026-11-16", "dinner", 5064],
      [YESTERDAY, "breakfast", 1123],
      [YESTERDAY, "lunch", 20037],
      [TODAY, "breakfast", 9040],
    ] as const) {
      logged(
        await execute("log_meal", { items: [{ food: "a food", foodId, quantity: 100, unit: "g" }], mealType, date }),
      );
    }
    const today = mealsOf(await execute("get_meals", {}));
    expect(today).toMatchObject({ from: TODAY, to: TODAY, mealCount: 1 });
    const yesterday = mealsOf(await execute("get_meals", { date: YESTERDAY }));
    expect(yesterday.meals.map((meal) => meal.mealType)).toEqual(["breakfast", "lunch"]);
    const week = mealsOf(await execute("get_meals", { from: "2026-11-16", to: TODAY }));
    expect(week.mealCount).toBe(4);
    expect(week.days.map((day) => [day.date, day.mealCount])).toEqual([
      ["2026-11-16", 1],
      [YESTERDAY, 2],
      [TODAY, 1],
    ]);
    const egg = await usdaFood(1123);
    const rice = await usdaFood(20037);
    expect(week.days[1]?.totals.energyKcal).toBe(Math.round(egg.per100g.energyKcal + rice.per100g.energyKcal));
    const lunches = mealsOf(await execute("get_meals", { from: "2026-11-16", to: TODAY, mealType: "lunch" }));
    expect(lunches.meals.map((meal) => meal.date)).toEqual([YESTERDAY]);
    const before = mealsOf(await execute("get_meals", { from: "2026-11-01", to: "2026-11-15" }));
    expect(before.mealCount).toBe(0);
  });

  it("rejects bad ranges", async () => {
    const execute = executorFor(uniqueUser("bad-range"));
    for (const args of [
      { from: TODAY },
      { from: TODAY, to: "2026-11-01" },
      { date: TODAY, from: TODAY, to: TODAY },
      { from: "2026-01-01", to: TODAY },
    ]) {
      const result = await execute("get_meals", args);
      expect(result.ok).toBe(false);
      expect(failureOf(result).code).toBe("bad_request");
    }
  });

  it("sums the day against the user's targets", async () => {
    const user = uniqueUser("totals");
    const execute = executorFor(user, { targets: TARGETS });
    logged(
      await execute("log_meal", {
        items: [{ food: "eggs", foodId: 1123, quantity: 2, unit: "large" }],
        mealType: "breakfast",
        time: "08:00",
      }),
    );
    logged(
      await execute("log_meal", {
        items: [{ food: "chicken", foodId: 5064, quantity: 200, unit: "g" }],
        mealType: "lunch",
        time: "13:00",
      }),
    );
    logged(
      await execute("log_meal", {
        items: [{ food: "rice", foodId: 20037, quantity: 100, unit: "g" }],
        mealType: "dinner",
        date: YESTERDAY,
      }),
    );
    const totals = totalsOf(await execute("get_daily_totals", {}));
    const egg = await usdaFood(1123);
    const chicken = await usdaFood(5064);
    const protein = expected(egg.per100g.proteinG, 100) + expected(chicken.per100g.proteinG, 200);
    const energy = expected(egg.per100g.energyKcal, 100) + expected(chicken.per100g.energyKcal, 200);
    expect(totals).toMatchObject({ date: TODAY, mealCount: 2, hasTargets: true, targets: TARGETS });
    expect(totals.totals.proteinG).toBeCloseTo(protein, 1);
    expect(totals.totals.energyKcal).toBe(Math.round(energy));
    expect(totals.remaining?.proteinG).toBeCloseTo(TARGETS.proteinG - protein, 1);
    expect(totals.percentOfTarget?.proteinG).toBe(Math.round((protein / TARGETS.proteinG) * 100));
    expect(totals.meals.map((meal) => meal.mealType)).toEqual(["breakfast", "lunch"]);

    const withoutProfile = totalsOf(await executorFor(user)("get_daily_totals", {}));
    expect(withoutProfile.hasTargets).toBe(false);
    expect(withoutProfile.targets).toBeUndefined();
    const empty = totalsOf(await execute("get_daily_totals", { date: "2026-11-01" }));
    expect(empty).toMatchObject({ mealCount: 0, totals: { energyKcal: 0, proteinG: 0, carbohydrateG: 0, fatG: 0 } });
  });
});

/** Yesterday's lunch, then today's breakfast and snack, logged in that order; their ids. */
async function logThree(user: string): Promise<string[]> {
  const execute = executorFor(user);
  const ids: string[] = [];
  for (const [mealType, date, food, foodId] of [
    ["lunch", YESTERDAY, "roast chicken", 5064],
    ["breakfast", TODAY, "egg", 1123],
    ["snack", TODAY, "banana", 9040],
  ] as const) {
    ids.push(logged(await execute("log_meal", { items: [{ food, foodId }], mealType, date })).meal.id);
  }
  return ids;
}

describe("delete_meal", () => {
  it("deletes the last meal logged, and only that one", async () => {
    const user = uniqueUser("delete-last");
    const [, , snack] = await logThree(user);
    const result = deletion(await executorFor(user)("delete_meal", { last: true }));
    expect(result.deleted.id).toBe(snack);
    expect(await mealRowCount(user)).toBe(2);
    expect(await itemRowCount(user)).toBe(2);
    expect(result.day).toMatchObject({ date: TODAY, mealCount: 1 });
  });

  it("deletes a named meal by type and date, or by id", async () => {
    const user = uniqueUser("delete-named");
    const [lunch, breakfast] = await logThree(user);
    const byName = deletion(await executorFor(user)("delete_meal", { mealType: "lunch", date: YESTERDAY }));
    expect(byName.deleted.id).toBe(lunch);
    const byId = deletion(await executorFor(user)("delete_meal", { mealId: breakfast }));
    expect(byId.deleted.id).toBe(breakfast);
    expect(await mealRowCount(user)).toBe(1);
  });

  it("asks instead of guessing when several meals match", async () => {
    const user = uniqueUser("delete-ambiguous");
    await logThree(user);
    logged(await executorFor(user)("log_meal", { items: [{ food: "egg", foodId: 1123 }], mealType: "snack" }));
    const result = await executorFor(user)("delete_meal", { mealType: "snack" });
    expect(result.ok).toBe(false);
    expect(failureOf(result).code).toBe("conflict");
    expect(failureOf(result).message).toMatch(/2 meals match/);
    expect(await mealRowCount(user)).toBe(4);
  });

  it("finds a meal by a food it holds", async () => {
    const user = uniqueUser("delete-containing");
    await logThree(user);
    const result = deletion(await executorFor(user)("delete_meal", { containing: "chicken", last: true }));
    expect(result.deleted.description).toMatch(/^lunch on 2026-11-19/);
  });

  it("never deletes several meals: the schema has no way to ask for it", async () => {
    const user = uniqueUser("delete-bulk");
    await logThree(user);
    for (const args of [{}, { all: true }, { date: TODAY }, { last: false }]) {
      const result = await executorFor(user)("delete_meal", args);
      expect(result.ok).toBe(false);
      expect(failureOf(result).code).toBe("bad_request");
    }
    expect(await mealRowCount(user)).toBe(3);
  });

  it("does not delete a second meal when a delete is retried", async () => {
    const user = uniqueUser("delete-retry");
    await logThree(user);
    const first = deletion(await executorFor(user, { requestId: "delete-once" })("delete_meal", { last: true }));
    const retry = deletion(await executorFor(user, { requestId: "delete-once" })("delete_meal", { last: true }));
    expect(retry).toMatchObject({ alreadyDeleted: true, deleted: { id: first.deleted.id } });
    expect(await mealRowCount(user)).toBe(2);
  });

  it("says so when there is nothing to delete", async () => {
    const result = await executorFor(uniqueUser("delete-empty"))("delete_meal", { last: true });
    expect(result.ok).toBe(false);
    expect(failureOf(result).code).toBe("not_found");
  });
});

describe("cross-user isolation", () => {
  it("keeps one user's meals out of another's reads and deletes", async () => {
    const alice = uniqueUser("alice");
    const bob = uniqueUser("bob");
    const aliceMeal = logged(
      await executorFor(alice)("log_meal", { items: [{ food: "egg", foodId: 1123 }], mealType: "breakfast" }),
    ).meal.id;

    expect(mealsOf(await executorFor(bob)("get_meals", {})).mealCount).toBe(0);
    expect(totalsOf(await executorFor(bob)("get_daily_totals", {})).mealCount).toBe(0);
    const byId = await executorFor(bob)("delete_meal", { mealId: aliceMeal });
    expect(failureOf(byId).code).toBe("not_found");
    const last = await executorFor(bob)("delete_meal", { last: true });
    expect(failureOf(last).code).toBe("not_found");
    const named = await executorFor(bob)("delete_meal", { mealType: "breakfast" });
    expect(failureOf(named).code).toBe("not_found");
    expect(await mealRowCount(alice)).toBe(1);

    // The same request id for two users keys two different meals.
    const args = { items: [{ food: "banana", foodId: 9040 }] };
    logged(await executorFor(alice, { requestId: "shared" })("log_meal", args));
    const bobs = logged(await executorFor(bob, { requestId: "shared" })("log_meal", args));
    expect(bobs.alreadyLogged).toBe(false);
    expect(await mealRowCount(bob)).toBe(1);
  });
});

describe("search_foods", () => {
  it("answers with per-100 g macros and the macros of a portion", async () => {
    const result = searched(
      await executorFor(uniqueUser("search"))("search_foods", { query: "brown rice", quantity: 100, unit: "g" }),
    );
    const best = result.hits[0];
    expect(best?.name).toMatch(/^Rice, brown, .*cooked/);
    const food = await usdaFood(best?.foodId ?? 0);
    expect(best?.per100g.energyKcal).toBe(Math.round(food.per100g.energyKcal));
    expect(best?.portion).toMatchObject({ grams: 100, energyKcal: Math.round(food.per100g.energyKcal) });
  });

  it("rejects an empty query", async () => {
    const result = await executorFor(uniqueUser("search-bad"))("search_foods", { query: "  " });
    expect(failureOf(result).code).toBe("bad_request");
  });
});
