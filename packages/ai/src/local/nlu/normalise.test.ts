import { describe, expect, it } from "vitest";
import { normaliseForMatching, normaliseText, tokenise } from "./normalise.ts";

describe("normaliseText", () => {
  it("lowercases, straightens quotes and dashes, collapses whitespace", () => {
    expect(normaliseText("  I Didn’t  eat\u00A0the “big” 2–3 slices\n today…  ")).toBe(
      'i didn\'t eat the "big" 2-3 slices today.',
    );
  });

  it("maps the multiplication and micro signs", () => {
    expect(normaliseText("5×5, 500 µg")).toBe("5x5, 500 μg");
  });
});

describe("normaliseForMatching", () => {
  it("keeps the length so offsets stay valid, emoji included", () => {
    const text = "Ate 🍕 — “Two” slices";
    const normalised = normaliseForMatching(text);
    expect(normalised.length).toBe(text.length);
    expect(normalised).toBe('ate 🍕 - "two" slices');
  });
});

describe("tokenise", () => {
  it("separates digits from units and keeps decimals and contractions whole", () => {
    expect(tokenise("300ml, 1.5kg; didn't 5x5 ½").map((token) => token.text)).toEqual([
      "300",
      "ml",
      ",",
      "1.5",
      "kg",
      ";",
      "didn't",
      "5",
      "x",
      "5",
      "½",
    ]);
  });
});
