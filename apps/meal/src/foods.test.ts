import type { FoodRecord, FoodSearchReply } from "@ensemble/contracts";
import { describe, expect, it } from "vitest";
import { chooseFood } from "./foods.ts";
import { searchQueryFor, portionOfOne } from "./logged-as.ts";
import { dayTotals, macrosForGrams, sumMacros } from "./macros.ts";

// Real SR24 names, groups and measures; nutrients do not matter to the choice.
function food(id: number, name: string, group: string, measures: [string, number][] = []): FoodRecord {
  const per100g = {
    energyKcal: 100,
    proteinG: 1,
    carbohydrateG: 1,
    fatG: 1,
    fiberG: null,
    sugarsG: null,
    sodiumMg: null,
    saturatedFatG: null,
  };
  return { id, name, group, per100g, measures: measures.map(([measureName, grams]) => ({ name: measureName, grams })) };
}

function hits(...foods: [FoodRecord, number, string?][]): FoodSearchReply["hits"] {
  return foods.map(([record, score, why]) => ({ food: record, score, why: [why ?? "lexical rank 1"] }));
}

const GRAINS = "Cereal Grains and Pasta";

describe("chooseFood", () => {
  it("logs cooked rice, not dry, unless the user says dry", () => {
    const raw = food(20044, "Rice, white, long-grain, regular, raw, enriched", GRAINS, [["cup", 185]]);
    const cooked = food(20045, "Rice, white, long-grain, regular, cooked", GRAINS, [["cup", 158]]);
    expect(chooseFood("white rice", hits([raw, 0.99], [cooked, 0.9]))?.id).toBe(20045);
    expect(chooseFood("dry white rice", hits([raw, 0.99], [cooked, 0.9]))?.id).toBe(20044);
  });

  it("prefers the drink over its powder", () => {
    const powder = food(14214, "Coffee, instant, regular, powder", "Beverages", [["tsp", 1.8]]);
    const brewed = food(14209, "Coffee, brewed from grounds, prepared with tap water", "Beverages", [
      ["cup (8 fl oz)", 237],
    ]);
    expect(chooseFood("coffee", hits([powder, 0.96], [brewed, 0.94]))?.id).toBe(14209);
  });

  it("passes over stand-ins and foods that lack what was asked for", () => {
    const meatless = food(16104, "Bacon, meatless", "Legumes and Legume Products");
    const bacon = food(10860, "Pork, cured, bacon, cooked, baked", "Pork Products", [["slice", 8.1]]);
    expect(chooseFood("bacon", hits([meatless, 1], [bacon, 0.93]))?.id).toBe(10860);
    const withoutChicken = food(21372, "McDONALD'S, Caesar Salad without chicken", "Fast Foods");
    const withChicken = food(21370, "McDONALD'S, Caesar Salad with Grilled Chicken", "Fast Foods");
    expect(chooseFood("chicken caesar salad", hits([withoutChicken, 0.997], [withChicken, 0.968]))?.id).toBe(21370);
  });

  it("keeps the named food first: grilled salmon is salmon", () => {
    const chicken = food(5013, "Chicken, broilers or fryers, meat only, roasted", "Poultry Products");
    const salmon = food(15086, "Fish, salmon, sockeye, cooked, dry heat", "Finfish and Shellfish Products");
    expect(chooseFood("grilled salmon", hits([chicken, 0.96], [salmon, 0.9]))?.id).toBe(15086);
  });

  it("prefers a food USDA gives a slice for when a slice is asked", () => {
    const frozen = food(21224, "Pizza, cheese topping, regular crust, frozen, cooked", "Baked Products", [
      ["package 24 oz pizza", 727],
    ]);
    const sliced = food(21272, 'PIZZA HUT 12" Cheese Pizza, Pan Crust', "Fast Foods", [["slice", 100]]);
    expect(chooseFood("pizza", hits([frozen, 0.97], [sliced, 0.95]), "slice")?.id).toBe(21272);
  });

  it("treats a vector-only guess as no match", () => {
    const carob = food(16055, "Carob flour", "Legumes and Legume Products");
    expect(chooseFood("pho", hits([carob, 0.2, "vector rank 1 (similarity 0.28)"]))).toBeUndefined();
    expect(chooseFood("anything", [])).toBeUndefined();
  });
});

describe("logged-as defaults", () => {
  it("words everyday items the way USDA names what people eat", () => {
    expect(searchQueryFor("coffee")).toBe("coffee brewed from grounds");
    expect(searchQueryFor("Rice")).toBe("rice white long-grain regular cooked");
    expect(searchQueryFor("beers")).toBe("beer regular");
    // Anything more specific goes to the search as it is.
    expect(searchQueryFor("instant coffee")).toBe("instant coffee");
    // A taco is a soft taco as served, whatever its filling: not a taco salad or taco sauce.
    expect(searchQueryFor("tacos al pastor")).toBe("fast foods taco with beef soft");
    expect(searchQueryFor("chicken tacos")).toBe("fast foods taco with chicken soft");
    expect(portionOfOne("steak")).toEqual({ quantity: 225, unit: "g" });
    expect(portionOfOne("banana")).toBeUndefined();
  });
});

describe("macro arithmetic", () => {
  const per100g = {
    energyKcal: 143,
    proteinG: 12.56,
    carbohydrateG: 0.72,
    fatG: 9.51,
    fiberG: 0,
    sugarsG: 0.37,
    sodiumMg: 142,
    saturatedFatG: 3.13,
  };

  it("scales per-100 g values to grams, to two decimals", () => {
    expect(macrosForGrams(per100g, 50)).toEqual({
      macros: { energyKcal: 71.5, proteinG: 6.28, carbohydrateG: 0.36, fatG: 4.76 },
      missing: [],
    });
  });

  it("counts a nutrient USDA does not list as 0 and says so", () => {
    expect(macrosForGrams({ ...per100g, fatG: null }, 100)).toEqual({
      macros: { energyKcal: 143, proteinG: 12.56, carbohydrateG: 0.72, fatG: 0 },
      missing: ["fatG"],
    });
  });

  it("sums without floating-point noise and compares with targets", () => {
    const total = sumMacros([
      { energyKcal: 0.1, proteinG: 0.2, carbohydrateG: 0, fatG: 0 },
      { energyKcal: 0.2, proteinG: 0.1, carbohydrateG: 0, fatG: 0 },
    ]);
    expect(total).toEqual({ energyKcal: 0.3, proteinG: 0.3, carbohydrateG: 0, fatG: 0 });
    const day = dayTotals(
      "2026-11-20",
      2,
      { energyKcal: 1650, proteinG: 160, carbohydrateG: 100, fatG: 50 },
      { energyKcal: 2200, proteinG: 150, carbohydrateG: 250, fatG: 70 },
    );
    expect(day.remaining).toEqual({ energyKcal: 550, proteinG: -10, carbohydrateG: 150, fatG: 20 });
    expect(day.percentOfTarget).toEqual({ energyKcal: 75, proteinG: 107, carbohydrateG: 40, fatG: 71 });
    expect(dayTotals("2026-11-20", 0, total, undefined)).toEqual({ date: "2026-11-20", mealCount: 0, totals: total });
  });
});
