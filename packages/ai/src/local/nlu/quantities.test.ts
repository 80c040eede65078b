import { describe, expect, it } from "vitest";
import { extractQuantities, type Quantity } from "./quantities.ts";

function brief(quantities: Quantity[]): [number, string | null, string][] {
  return quantities.map((quantity) => [quantity.value, quantity.unit, quantity.text]);
}

describe("extractQuantities", () => {
  it.each<[string, [number, string | null, string][]]>([
    ["grilled 6 oz salmon fillet", [[6, "oz", "6 oz"]]],
    ["300ml of oat milk", [[300, "ml", "300ml"]]],
    ["2 cups of cooked rice", [[2, "cup", "2 cups"]]],
    ["a handful of almonds", [[1, "handful", "a handful"]]],
    ["1 scoop of whey in water", [[1, "scoop", "1 scoop"]]],
    ["two scoops of pre-workout", [[2, "scoop", "two scoops"]]],
    ["half a cup of oats", [[0.5, "cup", "half a cup"]]],
    ["a cup and a half of milk", [[1.5, "cup", "a cup and a half"]]],
    ["one and a half cups of basmati", [[1.5, "cup", "one and a half cups"]]],
    ["a quarter of a cup of walnuts", [[0.25, "cup", "a quarter of a cup"]]],
    ["1 1/2 tbsp of olive oil", [[1.5, "tbsp", "1 1/2 tbsp"]]],
    ["½ tsp cinnamon", [[0.5, "tsp", "½ tsp"]]],
    ["a couple of slices of sourdough", [[2, "slice", "a couple of slices"]]],
    ["3 pieces of sushi", [[3, "piece", "3 pieces"]]],
    ["2 servings of chili", [[2, "serving", "2 servings"]]],
    ["5g creatine with breakfast", [[5, "g", "5g"]]],
    ["5 grams of creatine monohydrate", [[5, "g", "5 grams"]]],
    ["2000 IU vitamin D3", [[2000, "iu", "2000 IU"]]],
    ["500 mcg of B12", [[500, "mcg", "500 mcg"]]],
    ["400mg magnesium glycinate", [[400, "mg", "400mg"]]],
    ["2 caps of fish oil", [[2, "capsule", "2 caps"]]],
    ["took three pills", [[3, "capsule", "three pills"]]],
    ["1 tablet of zinc", [[1, "capsule", "1 tablet"]]],
    ["16 fl oz of cold brew", [[16, "fl oz", "16 fl oz"]]],
    ["a 12 fl. oz can", [[12, "fl oz", "12 fl. oz"]]],
    ["1.5l of water", [[1.5, "l", "1.5l"]]],
    ["1,5 kg of potatoes", [[1.5, "kg", "1,5 kg"]]],
    ["I weigh 82.4 kg", [[82.4, "kg", "82.4 kg"]]],
    ["down to 180 lbs", [[180, "lb", "180 lbs"]]],
    ["2 eggs on toast", [[2, null, "2"]]],
    ["a dozen oysters", [[12, null, "a dozen"]]],
    ["a glass of red wine", [[1, "glass", "a glass"]]],
    ["a can of tuna", [[1, "can", "a can"]]],
    ["walked 10k steps", [[10000, "step", "10k steps"]]],
    [
      "ran 5 km in 25 minutes",
      [
        [5, "km", "5 km"],
        [25, "min", "25 minutes"],
      ],
    ],
    ["held a 60s plank", [[60, "s", "60s"]]],
    ["about 650 kcal", [[650, "kcal", "650 kcal"]]],
    ["body fat 18%", [[18, "%", "18%"]]],
  ])("%j", (text, expected) => {
    expect(brief(extractQuantities(text))).toEqual(expected);
  });

  it("reads sets by reps", () => {
    const [sets, load] = extractQuantities("squatted 5x5 at 100kg");
    expect(sets).toMatchObject({ value: 5, unit: "set", sets: 5, reps: 5, text: "5x5" });
    expect(load).toMatchObject({ value: 100, unit: "kg", kind: "mass", text: "100kg" });
  });

  it.each<[string, number, number | undefined, string]>([
    ["3 sets of 8 on bench", 3, 8, "3 sets of 8"],
    ["4 sets of 10 reps of curls", 4, 10, "4 sets of 10 reps"],
    ["3 x 12 lunges", 3, 12, "3 x 12"],
    ["5×5 deadlifts", 5, 5, "5×5"],
    ["did 4 sets", 4, undefined, "4 sets"],
  ])("sets and reps in %j", (text, sets, reps, span) => {
    const [first] = extractQuantities(text);
    expect(first?.sets).toBe(sets);
    expect(first?.reps).toBe(reps);
    expect(first?.text).toBe(span);
  });

  it("keeps range bounds", () => {
    expect(extractQuantities("2-3 slices of pizza")[0]).toMatchObject({ value: 2.5, min: 2, max: 3, unit: "slice" });
    expect(extractQuantities("10 to 12 reps")[0]).toMatchObject({ value: 11, min: 10, max: 12, unit: "rep" });
  });

  it("multiplies a count of containers", () => {
    expect(extractQuantities("2 x 500ml bottles of water")[0]).toMatchObject({
      value: 1000,
      unit: "ml",
      text: "2 x 500ml",
    });
  });

  it("ignores clock times, dates, ordinals, bare articles and names with digits", () => {
    expect(extractQuantities("at 7am on the 20th I had an apple at 18:30 and a banana")).toEqual([]);
    expect(extractQuantities("on 2026-11-20 took B12 and D3")).toEqual([]);
    expect(extractQuantities("dinner at 7")).toEqual([]);
  });

  it("needs single-letter units to touch their number", () => {
    expect(brief(extractQuantities("100m sprints"))).toEqual([[100, "m", "100m"]]);
    expect(brief(extractQuantities("2 m&ms"))).toEqual([[2, null, "2"]]);
  });

  it("spans point into the original text, case and typography kept", () => {
    const text = "Breakfast: TWO Eggs, 1½ Cups OJ — 2–3 Slices";
    for (const quantity of extractQuantities(text))
      expect(text.slice(quantity.start, quantity.end)).toBe(quantity.text);
    expect(brief(extractQuantities(text))).toEqual([
      [2, null, "TWO"],
      [1.5, "cup", "1½ Cups"],
      [2.5, "slice", "2–3 Slices"],
    ]);
  });
});
