import { describe, expect, it } from "vitest";
import type { ValueSpec } from "../cases/schema.ts";
import { assignment, matchCalls, matchesSpec, normaliseString } from "./arguments.ts";

describe("normaliseString", () => {
  it("drops case, spaces and BFCL's punctuation", () => {
    expect(normaliseString("Chicken-Breast, grilled.")).toBe("chickenbreastgrilled");
    expect(normaliseString("vitamin_D3")).toBe(normaliseString("Vitamin D3"));
  });
});

describe("matchesSpec", () => {
  it("compares strings normalised against a list of allowed values", () => {
    expect(matchesSpec("Greek Yogurt", ["greek yogurt", "yoghurt"])).toBe(true);
    expect(matchesSpec("skyr", ["greek yogurt", "yoghurt"])).toBe(false);
  });

  it("is type-aware: an int matches the same float, a string never matches a number", () => {
    expect(matchesSpec(2, 2.0)).toBe(true);
    expect(matchesSpec(82.4, [82.4])).toBe(true);
    expect(matchesSpec("2", 2)).toBe(false);
    expect(matchesSpec(2, "2")).toBe(false);
    expect(matchesSpec(true, [true])).toBe(true);
    expect(matchesSpec("true", [true])).toBe(false);
  });

  it("lets an optional parameter be omitted only when a marker allows it", () => {
    expect(matchesSpec(undefined, ["breakfast", "<omitted>"])).toBe(true);
    expect(matchesSpec(undefined, ["breakfast", ""])).toBe(true);
    expect(matchesSpec(undefined, ["breakfast"])).toBe(false);
    expect(matchesSpec("breakfast", ["<omitted>"])).toBe(false);
  });

  it("accepts /regex/ for free text", () => {
    expect(matchesSpec("grilled chicken breast", "/chicken/")).toBe(true);
    expect(matchesSpec("Chicken", ["/^chicken$/"])).toBe(true);
    expect(matchesSpec("beef", "/chicken/")).toBe(false);
  });

  it("matches lists element by element in any order, with equal length", () => {
    expect(matchesSpec(["evening", "morning"], [["morning", "evening"]])).toBe(true);
    expect(matchesSpec(["morning"], [["morning", "evening"]])).toBe(false);
    expect(matchesSpec(["morning", "morning"], [["morning", "evening"]])).toBe(false);
  });

  it("matches objects by the keys the spec names, ignoring the others", () => {
    const items = [
      { food: "rice", quantity: 200, unit: "g" },
      { food: "2 eggs", quantity: 2 },
    ];
    const spec: ValueSpec = [
      [
        { food: "/eggs?/", quantity: [2, "<omitted>"] },
        { food: ["rice", "white rice"], quantity: 200, unit: "g" },
      ],
    ];
    expect(matchesSpec(items, spec)).toBe(true);
    expect(matchesSpec([{ food: "rice", quantity: 150, unit: "g" }, items[1]], spec)).toBe(false);
  });
});

describe("assignment", () => {
  it("finds a one-to-one assignment that greedy matching would miss", () => {
    // expected[0] fits both actual items, expected[1] only the first: backtracking must swap.
    const fits = (expected: string, actual: string) => actual.includes(expected);
    expect(assignment(["a", "ab"], ["ab", "a"], fits)).toEqual([1, 0]);
    expect(assignment(["a", "a"], ["a"], fits)).toBeNull();
  });
});

describe("matchCalls", () => {
  const calls = [
    { name: "log_supplement_intake", arguments: { items: [{ name: "fish oil" }] } },
    { name: "log_meal", arguments: { items: [{ food: "oats" }], mealType: "breakfast" } },
  ];

  it("matches parallel calls in any order", () => {
    const outcome = matchCalls(
      [
        { tool: "log_meal", arguments: { mealType: "breakfast" } },
        { tool: "log_supplement_intake", arguments: { items: [[{ name: ["fish oil", "omega 3"] }]] } },
      ],
      calls,
    );
    expect(outcome).toMatchObject({ expected: 2, matched: 2 });
  });

  it("reports the mismatching parameters of the closest call", () => {
    const outcome = matchCalls(
      [{ tool: "log_meal", arguments: { mealType: "lunch", items: [[{ food: "oats" }]] } }],
      calls,
    );
    expect(outcome.matched).toBe(0);
    expect(outcome.details[0]).toMatchObject({ tool: "log_meal", matched: false, mismatches: ["mealType"] });
  });

  it("accepts any of several alternative argument forms", () => {
    const lastMonth: Record<string, ValueSpec>[] = [{ days: 30 }, { from: ["2026-04-05", "2026-04-04"] }];
    const byRange = [{ name: "get_workouts", arguments: { from: "2026-04-05", to: "2026-05-04" } }];
    const byDays = [{ name: "get_workouts", arguments: { days: 30 } }];
    const byDefault = [{ name: "get_workouts", arguments: {} }];
    expect(matchCalls([{ tool: "get_workouts", arguments: lastMonth }], byRange).matched).toBe(1);
    expect(matchCalls([{ tool: "get_workouts", arguments: lastMonth }], byDays).matched).toBe(1);
    const miss = matchCalls([{ tool: "get_workouts", arguments: lastMonth }], byDefault);
    expect(miss.matched).toBe(0);
    expect(miss.details[0]!.mismatches).toEqual(["days"]);
  });

  it("says when the tool was not called", () => {
    const outcome = matchCalls([{ tool: "delete_meal", arguments: {} }], calls);
    expect(outcome.details[0]!.mismatches).toEqual(["(not called)"]);
  });

  it("needs a distinct call for each expected call", () => {
    const outcome = matchCalls(
      [
        { tool: "log_meal", arguments: {} },
        { tool: "log_meal", arguments: {} },
      ],
      calls,
    );
    expect(outcome).toMatchObject({ expected: 2, matched: 1 });
  });
});
