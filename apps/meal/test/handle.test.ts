// The meal Worker over RPC, end to end: the local engine with the meal skill, the write guard, the
// tools, D1 and the embedding Worker over USDA SR24.
import { env, exports } from "cloudflare:workers";
import type { MealDaySummary, MealsReply, Result, SpecialistReply, SpecialistRequest } from "@ensemble/contracts";
import { Trace } from "@ensemble/ai";
import { mockChatResponse, mockToolCall } from "@ensemble/ai/testing";
import { beforeAll, describe, expect, it } from "vitest";
import {
  NOW,
  TARGETS,
  TODAY,
  YESTERDAY,
  executorFor,
  failureOf,
  itemRowCount,
  mealRowCount,
  okValue,
  seedUsdaFoods,
  runMealTools,
  uniqueUser,
} from "./helpers.ts";

beforeAll(async () => {
  await seedUsdaFoods();
}, 120_000);

let requests = 0;

function request(userId: string, message: string, extra: Partial<SpecialistRequest> = {}): SpecialistRequest {
  requests += 1;
  return { userId, requestId: `handle-${requests}`, message, now: NOW.toISOString(), ...extra };
}

// RPC stubs widen `ok: true` to boolean in their types; these restore the Worker's own types.
async function rpcHandle(input: SpecialistRequest): Promise<Result<SpecialistReply>> {
  return (await exports.default.handle(input)) as Result<SpecialistReply>;
}

async function rpcGetMeals(input: Parameters<typeof exports.default.getMeals>[0]): Promise<Result<MealsReply>> {
  return (await exports.default.getMeals(input)) as Result<MealsReply>;
}

async function rpcDaySummary(input: Parameters<typeof exports.default.daySummary>[0]): Promise<Result<MealDaySummary>> {
  return (await exports.default.daySummary(input)) as Result<MealDaySummary>;
}

async function handle(
  userId: string,
  message: string,
  extra: Partial<SpecialistRequest> = {},
): Promise<SpecialistReply> {
  const result = await rpcHandle(request(userId, message, extra));
  if (!result.ok) throw new Error(`handle failed: ${result.error.code}: ${result.error.message}`);
  return result.value as SpecialistReply;
}

function toolNames(reply: SpecialistReply): string[] {
  return reply.toolCalls.map((call) => call.name);
}

async function storedMeal(userId: string) {
  return env.DB.prepare(
    "SELECT id, meal_type, eaten_on, energy_kcal, protein_g FROM meals WHERE user_id = ? ORDER BY logged_at DESC, rowid DESC LIMIT 1",
  )
    .bind(userId)
    .first<{ id: string; meal_type: string; eaten_on: string; energy_kcal: number; protein_g: number }>();
}

function thousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

describe("logging through handle()", () => {
  it("logs a multi-item meal and replies with per-item, meal and day numbers", async () => {
    const user = uniqueUser("handle-log");
    const reply = await handle(user, "I had 2 large eggs and a cup of brown rice for breakfast", { targets: TARGETS });
    expect(toolNames(reply)).toEqual(["log_meal"]);
    expect(reply.toolCalls[0]?.ok).toBe(true);
    const meal = await storedMeal(user);
    expect(meal).toMatchObject({ meal_type: "breakfast", eaten_on: TODAY });
    expect(await itemRowCount(user)).toBe(2);
    expect(reply.reply).toMatch(/^Logged: Breakfast today/);
    expect(reply.reply).toContain(`Meal total: ${thousands(meal!.energy_kcal)} kcal`);
    expect(reply.reply).toContain(
      `Today so far: ${thousands(meal!.energy_kcal)} kcal of ${thousands(TARGETS.energyKcal)}`,
    );
    // Eggs are logged cooked unless the user says raw.
    expect(reply.reply).toMatch(/• 2 large eggs → Egg, whole, cooked.*100 g: 155 kcal/);
  });

  it("logs yesterday's lunch from relative words", async () => {
    const user = uniqueUser("handle-yesterday");
    const reply = await handle(user, "yesterday for lunch I had a turkey sandwich and an apple");
    expect(reply.reply).toMatch(/^Logged: Lunch yesterday/);
    expect(await storedMeal(user)).toMatchObject({ meal_type: "lunch", eaten_on: YESTERDAY });
    expect(await itemRowCount(user)).toBe(2);
  });

  it("never logs a retried request twice", async () => {
    const user = uniqueUser("handle-retry");
    const same = request(user, "just ate a cup of rice with 6 oz salmon");
    const first = await rpcHandle(same);
    const second = await rpcHandle(same);
    expect(first.ok && second.ok).toBe(true);
    expect(await mealRowCount(user)).toBe(1);
    expect(await itemRowCount(user)).toBe(2);
    expect(second.ok && second.value.reply).toMatch(/^Already logged \(not added twice\)/);
  });

  it.each([
    "this morning I had oatmeal with a handful of blueberries",
    "1 scoop whey with 300ml milk",
    "a slice of pizza",
    "for dinner I ate 6 oz steak, a baked potato and broccoli",
    "Breakfast was two boiled eggs and a slice of whole wheat toast",
    "grabbed a couple of apples",
    "drank a glass of orange juice at 7am",
    "snacked on a handful of almonds",
    "2 slices of pepperoni pizza and a beer for dinner",
    "coffee with milk this morning",
    "150g chicken breast, 1 cup brown rice, broccoli",
    "I've just had a big plate of pasta",
    "Late night snack: a bowl of ice cream",
    "had a couple of slices of toast with butter and jam at 8am",
    "lunch: chicken caesar salad and a diet coke",
    "I ate half an avocado and 3 tbsp peanut butter",
  ])("logs %j with every item matched to a USDA food", async (message) => {
    const user = uniqueUser("phrasing");
    const reply = await handle(user, message);
    expect(toolNames(reply)).toContain("log_meal");
    const call = reply.toolCalls.find((candidate) => candidate.name === "log_meal");
    expect(call).toMatchObject({ ok: true });
    expect(await mealRowCount(user)).toBeGreaterThanOrEqual(1);
    expect(await itemRowCount(user)).toBe(((call?.arguments.items ?? []) as unknown[]).length);
    expect(reply.reply).toMatch(/^Logged: /);
  });
});

describe("the write guard", () => {
  it.each([
    ["what if I ate a whole pizza tonight?", "hypothetical"],
    ["should I have a burger for dinner?", "hypothetical"],
    ["I'm going to eat a steak later", "plan"],
    ["I didn't eat breakfast today", "negated"],
    ["I skipped lunch", "negated"],
    ["no snacks today", "negated"],
    ["my wife had a burger and fries", "third person"],
    ["my son ate 3 cookies", "third person"],
  ])("%j (%s) writes no rows", async (message) => {
    const user = uniqueUser("guard");
    const reply = await handle(user, message);
    expect(toolNames(reply)).not.toContain("log_meal");
    expect(toolNames(reply)).not.toContain("delete_meal");
    expect(await mealRowCount(user)).toBe(0);
    expect(reply.reply).not.toMatch(/^Logged/);
  });

  it("answers a hypothetical with a USDA estimate and the day so far", async () => {
    const user = uniqueUser("estimate");
    const reply = await handle(user, "what if I ate a whole pizza tonight?", { targets: TARGETS });
    expect(toolNames(reply)).toEqual(["search_foods", "get_daily_totals"]);
    const search = reply.toolCalls[0]?.result as { hits: { name: string; portion?: { energyKcal: number } }[] };
    const best = search.hits[0];
    expect(best?.name).toMatch(/pizza/i);
    expect(best?.portion?.energyKcal).toBeGreaterThan(1000);
    expect(reply.reply).toMatch(/^Here's the estimate \(nothing logged\):/);
    expect(reply.reply).toContain(`${thousands(best!.portion!.energyKcal)} kcal`);
  });

  it.each(["my wife had a burger", "what if I had a burger?", "I didn't have a burger"])(
    "refuses a write a careless model makes anyway for %j",
    async (message) => {
      // The skill never plans this write, so play a model that does: it calls log_meal regardless.
      const user = uniqueUser("careless-model");
      let step = 0;
      const client = {
        trace: new Trace("meal"),
        chat: async () =>
          step++ === 0
            ? mockChatResponse({ toolCalls: [mockToolCall("log_meal", { items: [{ food: "a burger" }] })] })
            : mockChatResponse({ text: "Done." }),
      };
      const execute = executorFor(user);
      const outcome = await runMealTools(client, message, execute);
      expect(outcome.toolCalls[0]).toMatchObject({
        name: "log_meal",
        ok: false,
        error: expect.stringMatching(/^refused: /),
      });
      expect(await mealRowCount(user)).toBe(0);
    },
  );
});

describe("questions through handle()", () => {
  it("quotes real totals, meals and food facts", async () => {
    const user = uniqueUser("questions");
    await handle(user, "I had 2 large eggs for breakfast", { targets: TARGETS });
    await handle(user, "150g chicken breast and a cup of brown rice for lunch", { targets: TARGETS });
    await handle(user, "yesterday for dinner I had 6 oz salmon", { targets: TARGETS });

    const protein = await handle(user, "how much protein have I had today?", { targets: TARGETS });
    expect(toolNames(protein)).toEqual(["get_daily_totals"]);
    const totals = protein.toolCalls[0]?.result as { totals: { proteinG: number }; mealCount: number };
    expect(totals.mealCount).toBe(2);
    expect(protein.reply).toContain(`protein ${totals.totals.proteinG} g of ${TARGETS.proteinG} g`);

    const yesterday = await handle(user, "what did I eat yesterday?");
    expect(toolNames(yesterday)).toEqual(["get_meals"]);
    expect(yesterday.reply).toMatch(/^Meals for yesterday:\n• Dinner at 19:00: 6 oz salmon \(\d+ kcal/);

    const rice = await handle(user, "calories in 100 g of brown rice");
    expect(toolNames(rice)).toEqual(["search_foods"]);
    const search = rice.toolCalls[0]?.result as
      | { hits: { name: string; per100g: { energyKcal: number } }[] }
      | undefined;
    const hit = search?.hits[0];
    expect(hit?.name).toMatch(/^Rice, brown/);
    expect(rice.reply).toMatch(new RegExp(`^Rice, brown, [a-z-]+, cooked: 100 g → ${hit?.per100g.energyKcal} kcal`));

    const week = await handle(user, "show me my meals this week");
    expect(toolNames(week)).toEqual(["get_meals"]);
    expect(week.reply).toMatch(/Total for the 2 days with meals/);
  });
});

describe("deleting through handle()", () => {
  it("deletes the last meal or a named one, and refuses bulk deletes", async () => {
    const user = uniqueUser("handle-delete");
    await handle(user, "yesterday for lunch I had a turkey sandwich");
    await handle(user, "2 eggs for breakfast");
    await handle(user, "a banana as a snack");
    expect(await mealRowCount(user)).toBe(3);

    const bulk = await handle(user, "delete all my meals");
    expect(toolNames(bulk)).toEqual([]);
    expect(bulk.reply).toMatch(/one meal at a time/);
    expect(await mealRowCount(user)).toBe(3);

    const last = await handle(user, "delete my last meal");
    expect(toolNames(last)).toEqual(["delete_meal"]);
    expect(last.reply).toMatch(/^Deleted your snack from today \(14:00\): a banana, \d+ kcal\./);
    expect(await mealRowCount(user)).toBe(2);

    const named = await handle(user, "remove yesterday's lunch");
    expect(named.reply).toMatch(/^Deleted your lunch from yesterday \(12:30\): a turkey sandwich, \d+ kcal\./);
    expect(await mealRowCount(user)).toBe(1);
  });

  it("never reaches another user's meals", async () => {
    const alice = uniqueUser("alice");
    const bob = uniqueUser("bob");
    await handle(alice, "I had 2 eggs for breakfast");
    const bobDeletes = await handle(bob, "delete my last meal");
    expect(bobDeletes.reply).toMatch(/nothing was deleted/);
    const bobReads = await handle(bob, "what did I eat today?");
    expect(bobReads.reply).toMatch(/^No meals logged for today/);
    expect(await mealRowCount(alice)).toBe(1);
  });
});

describe("photos", () => {
  const vision = [
    { name: "grilled chicken breast", grams: 150, confidence: 0.82, foodId: 5064 },
    { name: "white rice", grams: 180, confidence: 0.71 },
    { name: "soy sauce", grams: 15, confidence: 0.3 },
  ];

  it("logs the confident items when the user says they ate it", async () => {
    const user = uniqueUser("photo-log");
    const reply = await handle(user, "just had this for lunch", { visionItems: vision });
    expect(toolNames(reply)).toEqual(["log_meal"]);
    expect(await itemRowCount(user)).toBe(2);
    expect(reply.reply).toMatch(/I wasn't sure about soy sauce \(~15 g\)/);
  });

  it("asks before logging when the words do not say it was eaten", async () => {
    const user = uniqueUser("photo-ask");
    const reply = await handle(user, "what's in this?", { visionItems: vision });
    expect(toolNames(reply)).toEqual(["search_foods", "search_foods", "search_foods"]);
    expect(await mealRowCount(user)).toBe(0);
    expect(reply.reply).toMatch(/Want me to log it\?/);
    // "yes" in the next turn logs what was offered.
    const yes = await handle(user, "yes, it was my lunch", {
      history: [
        { role: "user", content: "what's in this?" },
        { role: "assistant", content: reply.reply },
      ],
    });
    expect(toolNames(yes)).toEqual(["log_meal"]);
    expect(await itemRowCount(user)).toBe(3);
  });
});

describe("RPC input checks", () => {
  it("rejects a malformed request with bad_request", async () => {
    const result = await rpcHandle({
      userId: "",
      requestId: "x",
      message: "hi",
      now: "yesterday",
    } as SpecialistRequest);
    expect(result.ok).toBe(false);
    expect(failureOf(result).code).toBe("bad_request");
  });
});

describe("getMeals and daySummary", () => {
  it("return a user's meals and day totals, and no one else's", async () => {
    const user = uniqueUser("reads");
    const other = uniqueUser("reads-other");
    await handle(user, "I had 2 large eggs for breakfast");
    await handle(user, "yesterday for dinner I had 6 oz salmon");
    await handle(other, "a banana");

    const today = await rpcGetMeals({ userId: user, date: TODAY });
    expect(today.ok && today.value.meals.map((meal) => meal.mealType)).toEqual(["breakfast"]);
    const range = await rpcGetMeals({ userId: user, from: YESTERDAY, to: TODAY });
    expect(range.ok && range.value.days.map((day) => [day.date, day.mealCount])).toEqual([
      [YESTERDAY, 1],
      [TODAY, 1],
    ]);
    const rangeValue = okValue(range);
    const sum = rangeValue.meals.reduce((total, meal) => total + meal.totals.energyKcal, 0);
    expect(rangeValue.totals.energyKcal).toBeCloseTo(sum, 2);
    expect(rangeValue.meals[0]?.items[0]).toMatchObject({
      foodId: expect.any(Number),
      grams: expect.any(Number),
      portion: expect.any(String),
    });

    const summary = okValue(await rpcDaySummary({ userId: user, date: TODAY, targets: TARGETS }));
    expect(summary.meals).toHaveLength(1);
    expect(summary.day).toMatchObject({ date: TODAY, mealCount: 1, targets: TARGETS });
    expect(summary.day.remaining?.energyKcal).toBeCloseTo(TARGETS.energyKcal - summary.day.totals.energyKcal, 2);
    const otherSummary = await rpcDaySummary({ userId: other, date: YESTERDAY });
    expect(otherSummary.ok && otherSummary.value.meals).toEqual([]);
  });

  it("reject bad input with bad_request", async () => {
    for (const input of [
      { userId: "" },
      { userId: "u", from: TODAY },
      { userId: "u", date: "today" },
      { userId: "u", from: TODAY, to: YESTERDAY },
    ]) {
      const result = await rpcGetMeals(input as never);
      expect(failureOf(result).code).toBe("bad_request");
    }
    const summary = await rpcDaySummary({ userId: "u", date: "2026-13-45x" });
    expect(failureOf(summary).code).toBe("bad_request");
  });
});
