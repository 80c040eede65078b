// getFood and resolvePortion through the Worker's RPC.
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedFoods } from "./seed-foods.ts";

beforeAll(async () => {
  await seedFoods(env.DB);
});

describe("getFood", () => {
  it("returns the food with its nutrients and measures", async () => {
    const reply = await exports.default.getFood(11090);
    expect(reply).toMatchObject({
      ok: true,
      value: { id: 11090, name: "Broccoli, raw", group: "Vegetables and Vegetable Products" },
    });
    if (!reply.ok) return;
    expect(reply.value.per100g).toMatchObject({ energyKcal: 34, proteinG: 2.82 });
    expect(reply.value.measures).toContainEqual({ name: "cup chopped", grams: 91 });
  });

  it("answers not_found for an unknown id", async () => {
    expect(await exports.default.getFood(999_999)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it.each([0, -1, 1.5, Number.NaN])("answers bad_request for id %s", async (id) => {
    expect(await exports.default.getFood(id)).toMatchObject({ ok: false, error: { code: "bad_request" } });
  });
});

describe("resolvePortion", () => {
  it.each([
    [11090, 1, "cup", 91, "food-measure"], // Broccoli, raw: "cup chopped" = 91 g
    [11090, 2, "cups chopped", 182, "food-measure"],
    [1123, 2, "large", 100, "food-measure"], // Egg, whole, raw: large = 50 g
    [18069, 3, "slices", 84, "food-measure"], // White bread: slice = 28 g
    [16097, 2, "tbsp", 32, "food-measure"], // Peanut butter: tbsp = 16 g
    [9040, 1, "medium", 118, "food-measure"], // Banana
    [9040, 1, "piece", 118, "food-measure"], // no "piece" measure: a medium banana
    [5062, 1, "breast", 236, "food-measure"], // Chicken breast, raw
    [11090, 150, "g", 150, "unit-conversion"],
    [11090, 0.5, "kg", 500, "unit-conversion"],
    [11090, 4, "oz", 113.4, "unit-conversion"],
    [11090, 1, "lb", 453.6, "unit-conversion"],
    [1077, 100, "ml", 101.7, "unit-conversion"], // Whole milk: density from its cup (244 g / 240 ml)
    [16097, 1, "tsp", 5.4, "unit-conversion"], // Peanut butter: density from its cup (258 g / 240 ml)
    [19015, 1, "serving", 100, "default-serving"], // Granola bar has no serving measure
    [19015, 2, "scoop", 60, "default-serving"],
    [12061, 1, "handful", 30, "default-serving"],
  ])("food %i: %s %s = %s g (%s)", async (foodId, quantity, unit, grams, method) => {
    const reply = await exports.default.resolvePortion({ foodId, quantity, unit });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.value.grams).toBeCloseTo(grams, 1);
    expect(reply.value.method).toBe(method);
    expect(reply.value.measure.length).toBeGreaterThan(0);
  });

  it("names the measure it used", async () => {
    const reply = await exports.default.resolvePortion({ foodId: 11090, quantity: 1, unit: "cup" });
    expect(reply).toMatchObject({ ok: true, value: { measure: "cup chopped (91 g)" } });
  });

  it("refuses a unit it cannot convert, listing what would work", async () => {
    const reply = await exports.default.resolvePortion({ foodId: 11090, quantity: 1, unit: "parsec" });
    expect(reply).toMatchObject({ ok: false, error: { code: "bad_request" } });
    if (reply.ok) return;
    expect(reply.error.message).toContain('unknown unit "parsec"');
    expect(reply.error.message).toContain("cup chopped");
  });

  it.each([
    [{ foodId: 11090, quantity: 0, unit: "g" }],
    [{ foodId: 11090, quantity: -1, unit: "g" }],
    [{ foodId: 11090, quantity: 1, unit: "" }],
    [{ foodId: 0, quantity: 1, unit: "g" }],
  ])("refuses %j", async (request) => {
    expect(await exports.default.resolvePortion(request)).toMatchObject({ ok: false, error: { code: "bad_request" } });
  });

  it("answers not_found for an unknown food", async () => {
    expect(await exports.default.resolvePortion({ foodId: 999_999, quantity: 1, unit: "g" })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
  });
});
