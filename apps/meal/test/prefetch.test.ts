// The prefetch guesses the searches a message leads to; these tests hold the guess to what the
// meal tools then really search for, and check the RPC that hands it to the embedding Worker.
import { exports } from "cloudflare:workers";
import type { SearchFoodsRequest } from "@ensemble/contracts";
import { createModelClient } from "@ensemble/ai";
import { beforeAll, describe, expect, it } from "vitest";
import type { FoodSource } from "../src/foods.ts";
import { likelyFoodQueries } from "../src/prefetch.ts";
import { mealSkill } from "../src/skill/index.ts";
import { NOW, executorFor, foodSource, runMealTools, seedUsdaFoods, uniqueUser } from "./helpers.ts";

beforeAll(async () => {
  await seedUsdaFoods();
}, 120_000);

/** The queries the meal tools send while the local engine handles `message`. */
async function searchedFor(message: string): Promise<string[]> {
  const real = foodSource();
  const searched: string[] = [];
  const recording: FoodSource = {
    searchFoods: (request: SearchFoodsRequest) => {
      searched.push(request.query);
      return real.searchFoods(request);
    },
    getFood: (id) => real.getFood(id),
    resolvePortion: (request) => real.resolvePortion(request),
  };
  const execute = executorFor(uniqueUser("prefetch"), { foods: recording });
  const client = createModelClient({ env: {}, worker: "meal", skills: [mealSkill], now: () => NOW });
  await runMealTools(client, message, execute);
  return searched;
}

describe("likelyFoodQueries", () => {
  it.each([
    "had two scrambled eggs and a slice of whole wheat toast for breakfast",
    "lunch was 150 g chicken breast, a cup of rice and some broccoli",
    "a banana and a greek yogurt as a snack",
    "6 oz salmon with asparagus for dinner",
    "my wife had the pasta but I had a tuna sandwich",
    "big mac and a coke",
  ])("names the searches that logging %j makes", async (message) => {
    const searched = await searchedFor(message);
    // "X cooked" is a second look the tools take after seeing the first results; it cannot be foreseen.
    const first = searched.filter((query) => !query.endsWith(" cooked"));
    expect(first.length).toBeGreaterThan(0);
    expect(likelyFoodQueries(message)).toEqual(expect.arrayContaining([...new Set(first)]));
  });

  it("guesses nothing for a message about no food", () => {
    expect(likelyFoodQueries("what's my protein total today?")).toEqual([]);
  });
});

describe("prefetchFoods", () => {
  it("hands the likely queries to the embedding Worker, which embeds each once", async () => {
    const message = "had oatmeal with blueberries and a glass of orange juice";
    const first = await exports.default.prefetchFoods({ message });
    expect(first).toMatchObject({ ok: true });
    if (!first.ok) return;
    expect(first.value.queries).toEqual(likelyFoodQueries(message));
    expect(first.value.computed).toBeGreaterThan(0);
    const again = await exports.default.prefetchFoods({ message });
    expect(again).toMatchObject({ ok: true, value: { computed: 0, cached: first.value.computed } });
  });

  it("refuses an empty or oversized message with bad_request", async () => {
    for (const message of ["", " ", "x".repeat(4001)])
      expect(await exports.default.prefetchFoods({ message })).toMatchObject({
        ok: false,
        error: { code: "bad_request" },
      });
  });
});
