import { describe, expect, it } from "vitest";
import { findNumbers, numberWordValue, parseNumber, parseNumberRange, readNumberAt } from "./numbers.ts";
import { tokenise } from "./normalise.ts";

describe("parseNumber", () => {
  it.each([
    ["two", 2],
    ["Seven", 7],
    ["a couple", 2],
    ["a couple of", 2],
    ["couple", 2],
    ["a few", 3],
    ["several", 3],
    ["half", 0.5],
    ["a half", 0.5],
    ["one and a half", 1.5],
    ["two and a quarter", 2.25],
    ["3 and three quarters", 3.75],
    ["1.5", 1.5],
    ["1,5", 1.5],
    ["0.25", 0.25],
    ["1,500", 1500],
    ["12,000", 12000],
    ["a dozen", 12],
    ["two dozen", 24],
    ["half a dozen", 6],
    ["a single", 1],
    ["a", 1],
    ["an", 1],
    ["1/2", 0.5],
    ["3/4", 0.75],
    ["½", 0.5],
    ["¾", 0.75],
    ["1 1/2", 1.5],
    ["2½", 2.5],
    ["a quarter", 0.25],
    ["two thirds", 2 / 3],
    ["twenty-five", 25],
    ["twenty five", 25],
    ["ninety nine", 99],
    ["a hundred", 100],
    ["one hundred and twenty", 120],
    ["two thousand", 2000],
    ["zero", 0],
  ])("reads %j as %d", (text, expected) => {
    expect(parseNumber(text)).toBeCloseTo(expected, 10);
  });

  it.each([
    ["2-3", 2.5, 2, 3],
    ["2 to 3", 2.5, 2, 3],
    ["two or three", 2.5, 2, 3],
    ["10–12", 11, 10, 12],
    ["1.5-2", 1.75, 1.5, 2],
  ])("reads the range %j with midpoint %d", (text, value, min, max) => {
    expect(parseNumberRange(text)).toEqual({ value, min, max });
    expect(parseNumber(text)).toBe(value);
  });

  it.each(["eggs", "", "two eggs", "twenty two three", "seven up", "first", "3-2-1", "2026-11-20"])(
    "rejects %j",
    (text) => {
      expect(parseNumber(text)).toBeNull();
    },
  );

  it("does not read a descending pair as a range", () => {
    expect(parseNumberRange("5 to 3")).toBeNull();
  });
});

describe("numberWordValue", () => {
  it("knows single words and rejects others", () => {
    expect(numberWordValue("eleven")).toBe(11);
    expect(numberWordValue("Forty")).toBe(40);
    expect(numberWordValue("dozen")).toBe(12);
    expect(numberWordValue("⅓")).toBeCloseTo(1 / 3);
    expect(numberWordValue("banana")).toBeNull();
  });
});

describe("readNumberAt", () => {
  it("reads a number phrase in the middle of tokens and says how many tokens it used", () => {
    const tokens = tokenise("I ate one and a half bagels");
    expect(readNumberAt(tokens, 2)).toEqual({ value: 1.5, tokenCount: 4 });
    expect(readNumberAt(tokens, 0)).toBeNull();
  });

  it("reads an article only when asked to", () => {
    const tokens = tokenise("a banana");
    expect(readNumberAt(tokens, 0)).toBeNull();
    expect(readNumberAt(tokens, 0, { allowArticle: true })).toEqual({ value: 1, tokenCount: 1 });
  });

  it("can leave ranges alone", () => {
    expect(readNumberAt(tokenise("2-3"), 0, { allowRange: false })).toEqual({ value: 2, tokenCount: 1 });
  });
});

describe("findNumbers", () => {
  it("finds numbers with offsets into the original text", () => {
    const text = "Had Two eggs and 1½ slices, then 2–3 coffees";
    const spans = findNumbers(text);
    expect(spans.map((span) => [span.value, span.text])).toEqual([
      [2, "Two"],
      [1.5, "1½"],
      [2.5, "2–3"],
    ]);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it("skips clock times, ISO dates and names like B12", () => {
    expect(findNumbers("at 18:30 on 2026-11-20 I took B12 and vitamin D3, 2 caps").map((span) => span.value)).toEqual([
      2,
    ]);
  });
});
