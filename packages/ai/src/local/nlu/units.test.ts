import { describe, expect, it } from "vitest";
import { convertMass, convertVolume, normaliseUnit, toGrams, toMillilitres, unitKind } from "./units.ts";

describe("normaliseUnit", () => {
  it.each([
    ["g", "g"],
    ["Grams", "g"],
    ["gms", "g"],
    ["kg", "kg"],
    ["kilos", "kg"],
    ["oz", "oz"],
    ["ounces", "oz"],
    ["lb", "lb"],
    ["lbs", "lb"],
    ["pounds", "lb"],
    ["ml", "ml"],
    ["millilitres", "ml"],
    ["L", "l"],
    ["liters", "l"],
    ["cup", "cup"],
    ["cups", "cup"],
    ["tbsp", "tbsp"],
    ["Tablespoons", "tbsp"],
    ["tsp", "tsp"],
    ["teaspoon", "tsp"],
    ["fl oz", "fl oz"],
    ["fl. oz", "fl oz"],
    ["fl.oz", "fl oz"],
    ["fluid ounces", "fl oz"],
    ["pints", "pint"],
    ["IU", "iu"],
    ["i.u.", "iu"],
    ["mg", "mg"],
    ["mcg", "mcg"],
    ["µg", "mcg"],
    ["μg", "mcg"],
    ["ug", "mcg"],
    ["capsules", "capsule"],
    ["caps", "capsule"],
    ["pills", "capsule"],
    ["tablets", "capsule"],
    ["softgels", "capsule"],
    ["scoops", "scoop"],
    ["slices", "slice"],
    ["piece", "piece"],
    ["handful", "handful"],
    ["servings", "serving"],
    ["portion", "serving"],
    ["reps", "rep"],
    ["sets", "set"],
    ["km", "km"],
    ["miles", "mi"],
    ["mins", "min"],
    ["kcal", "kcal"],
    ["calories", "kcal"],
    ["%", "%"],
  ])("%j -> %j", (word, unit) => {
    expect(normaliseUnit(word)).toBe(unit);
  });

  it.each(["eggs", "chicken", "gm s", "", "x", "banana"])("%j is not a unit", (word) => {
    expect(normaliseUnit(word)).toBeNull();
  });

  it("reports what a unit measures", () => {
    expect(unitKind("oz")).toBe("mass");
    expect(unitKind("fl oz")).toBe("volume");
    expect(unitKind("capsule")).toBe("dose");
    expect(unitKind("handful")).toBe("count");
    expect(unitKind("rep")).toBe("exercise");
  });
});

describe("mass conversion", () => {
  it("converts between mass units with any spelling", () => {
    expect(convertMass(1, "kg", "g")).toBe(1000);
    expect(convertMass(1, "lb", "g")).toBeCloseTo(453.592, 3);
    expect(convertMass(6, "oz", "g")).toBeCloseTo(170.097, 3);
    expect(convertMass(220, "pounds", "kg")).toBeCloseTo(99.79, 2);
    expect(convertMass(100, "kg", "lbs")).toBeCloseTo(220.46, 2);
    expect(convertMass(500, "mcg", "mg")).toBeCloseTo(0.5, 10);
    expect(convertMass(1, "lb", "oz")).toBeCloseTo(16, 10);
  });

  it("refuses units that are not mass", () => {
    expect(convertMass(1, "cup", "g")).toBeNull();
    expect(convertMass(1, "g", "iu")).toBeNull();
    expect(toGrams(2, "scoops")).toBeNull();
  });

  it("toGrams", () => {
    expect(toGrams(5, "g")).toBe(5);
    expect(toGrams(1.5, "kilograms")).toBe(1500);
    expect(toGrams(250, "mg")).toBeCloseTo(0.25, 10);
  });
});

describe("volume conversion", () => {
  it("toMillilitres uses label conventions", () => {
    expect(toMillilitres(2, "cups")).toBe(480);
    expect(toMillilitres(1, "tbsp")).toBe(15);
    expect(toMillilitres(3, "teaspoons")).toBe(15);
    expect(toMillilitres(2, "pints")).toBe(946);
    expect(toMillilitres(1.5, "l")).toBe(1500);
    expect(toMillilitres(8, "fl oz")).toBeCloseTo(236.59, 2);
    expect(toMillilitres(1, "kg")).toBeNull();
  });

  it("convertVolume", () => {
    expect(convertVolume(1, "cup", "tbsp")).toBe(16);
    expect(convertVolume(500, "ml", "l")).toBe(0.5);
    expect(convertVolume(1, "cup", "g")).toBeNull();
  });
});
