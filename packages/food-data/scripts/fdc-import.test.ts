import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFoods } from "../src/food.ts";
import { importFdcFolder, parseCsvRecord } from "./fdc-import.ts";

// A hand-made miniature FDC export: SR Legacy broccoli and butter, a
// Foundation food that states energy only as Atwater energy, and a branded
// food with no category and an unusable (0 g) portion.
const fixture = path.join(import.meta.dirname, "fixtures", "fdc-mini");

describe("parseCsvRecord", () => {
  it("handles quoted commas, doubled quotes and empty fields", () => {
    expect(parseCsvRecord('"1","MAKER\'S ""BEST"" BAR, chocolate","",7')).toEqual([
      "1",
      'MAKER\'S "BEST" BAR, chocolate',
      "",
      "7",
    ]);
  });
});

describe("importFdcFolder", () => {
  it("maps an FDC export onto the dataset fields", async () => {
    const { foods, json } = await importFdcFolder(fixture);
    const byId = new Map(foods.map((food) => [food.id, food]));
    expect([...byId.keys()].sort()).toEqual([170379, 173410, 321358, 999001]);

    const broccoli = byId.get(170379);
    expect(broccoli?.group).toBe("Vegetables and Vegetable Products");
    expect(broccoli?.per100g).toEqual({
      energyKcal: 34,
      proteinG: 2.82,
      carbohydrateG: 6.64,
      fatG: 0.37,
      fiberG: 2.6,
      sugarsG: 1.7,
      sodiumMg: 33,
      saturatedFatG: 0.04,
    });
    // Portions follow seq_num; 0.5 cup = 44 g becomes 88 g per cup.
    expect(broccoli?.measures).toEqual([
      { name: "cup chopped", grams: 91, sourceAmount: 1, sourceGrams: 91 },
      { name: "cup, chopped or diced", grams: 88, sourceAmount: 0.5, sourceGrams: 44 },
    ]);

    const butter = byId.get(173410);
    expect(butter?.per100g.energyKcal).toBe(717); // its row carries a quoted footnote spanning two lines
    expect(butter?.per100g.carbohydrateG).toBeNull();
    expect(butter?.per100g.saturatedFatG).toBe(51.37);
    expect(butter?.measures).toEqual([{ name: "tablespoon", grams: 14.2, sourceAmount: 1, sourceGrams: 14.2 }]);

    const hummus = byId.get(321358);
    expect(hummus?.per100g.energyKcal).toBe(243); // 2048 (Atwater specific) preferred over 2047
    expect(hummus?.per100g.sugarsG).toBe(0.34); // 1063 used when 2000 is absent
    expect(hummus?.measures).toEqual([
      { name: "1 tbsp", grams: 15, sourceAmount: 1, sourceGrams: 15 },
      { name: "cup", grams: 246, sourceAmount: 1, sourceGrams: 246 },
    ]);

    const bar = byId.get(999001);
    expect(bar?.name).toBe('MAKER\'S "BEST" PROTEIN BAR, chocolate');
    expect(bar?.group).toBe("Uncategorized");
    expect(bar?.measures).toEqual([]);

    // The output is a valid dataset for parseFoods, sorted by id.
    expect(parseFoods(JSON.parse(json)).map((food) => food.id)).toEqual([170379, 173410, 321358, 999001]);
  });

  it("can keep only some data types", async () => {
    const { foods } = await importFdcFolder(fixture, { dataTypes: ["sr_legacy_food"] });
    expect(foods.map((food) => food.id).sort()).toEqual([170379, 173410]);
  });

  it("requires the core files", async () => {
    await expect(importFdcFolder(path.join(fixture, "missing"))).rejects.toThrow(/nutrient.csv is missing/);
  });
});
