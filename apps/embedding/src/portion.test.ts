import { describe, expect, it } from "vitest";
import { type Measure, measureUnit, resolvePortion } from "./portion.ts";

const broccoli: Measure[] = [
  { name: "cup chopped", grams: 91 },
  { name: "bunch", grams: 608 },
  { name: 'spear (about 5" long)', grams: 31 },
  { name: "cup, chopped or diced", grams: 88 },
  { name: "NLEA serving", grams: 148 },
];
const apple: Measure[] = [
  { name: "cup, quartered or chopped", grams: 125 },
  { name: "cup slices", grams: 109 },
  { name: 'large (3-1/4" dia)', grams: 223 },
  { name: 'medium (3" dia)', grams: 182 },
  { name: 'extra small (2-1/2" dia)', grams: 101 },
];
const oil: Measure[] = [{ name: "tbsp", grams: 13.5 }];

function grams(measures: Measure[], quantity: number, unit: string) {
  const result = resolvePortion(measures, quantity, unit);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe("measureUnit", () => {
  it.each([
    ["cup chopped", "cup", ["chopped"]],
    ["cup, chopped or diced", "cup", ["chopped", "or", "diced"]],
    ["fl oz", "fl oz", []],
    ["tablespoons", "tbsp", []],
    ["NLEA serving", "nlea serving", []],
    ['large (3-1/4" dia)', "larg", []],
    ['extra small (2-1/2" dia)', "extra small", []],
    ["slices", "slice", []],
  ])("%s -> %s", (name, unit, qualifiers) => {
    expect(measureUnit(name)).toEqual({ unit, qualifiers });
  });
});

describe("resolvePortion", () => {
  it("uses the food's own measure first, the plainest when several share the unit", () => {
    expect(grams(broccoli, 1, "cup")).toEqual({ grams: 91, method: "food-measure", measure: "cup chopped (91 g)" });
    expect(grams(apple, 2, "cups")).toMatchObject({ grams: 218, measure: "cup slices (109 g)" });
  });

  it("honours qualifiers the caller gives", () => {
    expect(grams(apple, 1, "cup chopped").grams).toBe(125);
    expect(grams(broccoli, 1, "cup diced").grams).toBe(88);
  });

  it("matches size words exactly ('large' is not 'extra large')", () => {
    expect(grams(apple, 1, "large").grams).toBe(223);
    expect(grams(apple, 1, "extra small").grams).toBe(101);
  });

  it("stands in a whole-item measure for 'piece' and missing sizes, and says so", () => {
    expect(grams(apple, 1, "piece")).toMatchObject({ grams: 182, method: "food-measure" });
    expect(grams(apple, 1, "small").measure).toContain('no "small" measure');
    expect(grams(broccoli, 1, "serving")).toMatchObject({ grams: 148, measure: "NLEA serving (148 g)" });
  });

  it("converts mass exactly", () => {
    expect(grams(broccoli, 3, "oz")).toMatchObject({ grams: 85, method: "unit-conversion" });
    expect(grams(broccoli, 250, "grams").grams).toBe(250);
  });

  it("converts volume with the food's density when it has a volume measure, else water's", () => {
    // Oil: 13.5 g per 15 ml tbsp -> 0.9 g/ml.
    expect(grams(oil, 1, "cup")).toMatchObject({ grams: 216, method: "unit-conversion" });
    expect(grams(oil, 1, "cup").measure).toContain("density 0.9 g/ml");
    expect(grams([], 200, "ml")).toMatchObject({ grams: 200, measure: expect.stringContaining("assumed") });
    expect(grams([], 1, "glass")).toMatchObject({ grams: 240, method: "default-serving" });
  });

  it("falls back to documented defaults for count units", () => {
    expect(grams([], 2, "slice")).toEqual({ grams: 56, method: "default-serving", measure: "default slice of 28 g" });
    expect(grams([], 1, "serving").grams).toBe(100);
    expect(grams([], 1, "handful").grams).toBe(30);
    expect(grams([], 1, "scoop").grams).toBe(30);
    expect(grams([], 1, "piece").grams).toBe(50);
  });

  it("refuses units it cannot turn into grams", () => {
    expect(resolvePortion(broccoli, 1, "kcal")).toEqual({
      ok: false,
      message: expect.stringMatching(/unknown unit "kcal".*cup chopped/),
    });
  });
});
