import { describe, expect, it } from "vitest";
import { irrelevant, relevant, selectionF1, violations } from "./tools.ts";

describe("selectionF1", () => {
  it("scores half right as 0.5", () => {
    // called {a, c} against required {a, b}: precision 1/2, recall 1/2.
    expect(selectionF1(["a", "b"], [], ["a", "c"])).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it("counts optional tools on neither side and repeated calls once", () => {
    expect(selectionF1(["log_meal"], ["search_foods"], ["search_foods", "log_meal", "log_meal"]).f1).toBe(1);
  });

  it("scores one of three required tools as F1 0.5", () => {
    // precision 1, recall 1/3: 2 * (1/3) / (4/3) = 0.5.
    const score = selectionF1(["a", "b", "c"], [], ["a"]);
    expect(score.precision).toBe(1);
    expect(score.recall).toBeCloseTo(1 / 3, 10);
    expect(score.f1).toBeCloseTo(0.5, 10);
  });

  it("is 1 when nothing was required and nothing called, 0 when something was called anyway", () => {
    expect(selectionF1([], [], []).f1).toBe(1);
    expect(selectionF1([], [], ["log_meal"]).f1).toBe(0);
  });

  it("is 0 when the required tool was not called at all", () => {
    expect(selectionF1(["get_meals"], [], []).f1).toBe(0);
  });
});

describe("violations", () => {
  it("counts only forbidden calls that ran", () => {
    const calls = [
      { name: "log_meal", ok: false },
      { name: "delete_meal", ok: true },
      { name: "search_foods", ok: true },
    ];
    expect(violations(new Set(["log_meal", "delete_meal"]), calls)).toEqual([{ name: "delete_meal", ok: true }]);
  });
});

describe("relevance and irrelevance", () => {
  it("needs a required tool that ran for relevance", () => {
    expect(relevant(["log_meal"], [{ name: "log_meal", ok: true }])).toBe(true);
    expect(relevant(["log_meal"], [{ name: "log_meal", ok: false }])).toBe(false);
    expect(relevant(["log_meal"], [{ name: "search_foods", ok: true }])).toBe(false);
  });

  it("counts a refused attempt against irrelevance", () => {
    expect(irrelevant([])).toBe(true);
    expect(irrelevant([{ name: "log_meal", ok: false }])).toBe(false);
  });
});
