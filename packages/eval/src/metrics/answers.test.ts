import { describe, expect, it } from "vitest";
import { groundedNumbers, numbersIn, runCheck, scoreRubricLocally } from "./answers.ts";

describe("numbersIn", () => {
  it("reads thousands separators, decimals, and the parts of dates", () => {
    expect(numbersIn("1,200 kcal and 82.4 kg on 2026-11-28").map((each) => each.value)).toEqual([
      1200, 82.4, 2026, 11, 28,
    ]);
  });
});

describe("groundedNumbers", () => {
  const sources = {
    messages: ["had 200 g of rice"],
    toolData: [{ items: [{ energyKcal: 259.6, proteinG: 5.38 }] }, "total 2026-11-28"],
  };

  it("accepts numbers from the message and from tool results within the reply's rounding", () => {
    expect(groundedNumbers("200 g of rice: 260 kcal, 5.4 g protein", sources)).toEqual({ score: 1, ungrounded: [] });
  });

  it("flags numbers that are in no source", () => {
    // 3 numbers; 450 is made up.
    const result = groundedNumbers("200 g of rice: 450 kcal, 5.4 g protein", sources)!;
    expect(result.ungrounded).toEqual([450]);
    expect(result.score).toBeCloseTo(2 / 3, 12);
  });

  it("ignores quoted examples, dates and clock times, and reads hours and minutes as minutes", () => {
    const data = { messages: ["played football"], toolData: [{ durationMinutes: 90 }] };
    expect(groundedNumbers('Logged 1 h 30 min on 2026-11-28 at 18:30. Try "ran 5k in 27 minutes" next.', data)).toEqual(
      { score: 1, ungrounded: [] },
    );
    expect(groundedNumbers("Logged 1 h 45 min.", data)!.ungrounded).toEqual([105]);
  });

  it("lets small counts pass and is undefined without tool data", () => {
    expect(groundedNumbers("3 meals today", { messages: [], toolData: [] })).toEqual({ score: 1, ungrounded: [] });
    expect(groundedNumbers("450 kcal", { messages: [], toolData: undefined })).toBeUndefined();
  });
});

describe("rubric checks", () => {
  const sources = { messages: [], toolData: [] };

  it("scores each kind of check", () => {
    expect(runCheck({ mentions: ["Logged", "saved"] }, "I logged it", sources).score).toBe(1);
    expect(runCheck({ mentionsAll: ["eggs", "toast"] }, "eggs noted", sources).score).toBe(0.5);
    expect(runCheck({ regex: "\\d+ ?kcal" }, "about 300 kcal", sources).score).toBe(1);
    expect(runCheck({ absent: "\\blogged\\b" }, "I logged your pizza", sources).score).toBe(0);
    expect(runCheck({ minLength: 20 }, "short", sources).score).toBe(0);
  });

  it("weights the items and leaves out the ones that cannot be scored", () => {
    const rubric = [
      { criterion: "mentions eggs", check: { mentions: ["egg"] }, weight: 3 },
      { criterion: "mentions toast", check: { mentions: ["toast"] }, weight: 1 },
      { criterion: "numbers grounded", check: { groundedNumbers: true as const }, weight: 5 },
    ];
    const result = scoreRubricLocally(rubric, "two eggs", { messages: [], toolData: undefined });
    // (3 * 1 + 1 * 0) / (3 + 1); the grounded item has no tool data.
    expect(result.score).toBeCloseTo(0.75, 12);
    expect(result.items[2]!.score).toBeUndefined();
  });
});
