import { describe, expect, it } from "vitest";
import { editDistance, nameSegments, stem, terms, words } from "./text.ts";

describe("stem", () => {
  it.each([
    ["eggs", "egg"],
    ["strawberries", "strawberry"],
    ["tomatoes", "tomato"],
    ["roasted", "roast"],
    ["fries", "fry"],
    ["fried", "fry"],
    ["glass", "glass"],
    ["hummus", "hummus"],
    ["3.25", "3.25"],
  ])("%s -> %s", (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe("words and segments", () => {
  it("folds case, accents and apostrophes", () => {
    expect(words("KELLOGG'S Crème Brûlée")).toEqual(["kelloggs", "creme", "brulee"]);
  });

  it("splits SR names into what the food is and its qualifiers", () => {
    expect(nameSegments("Chicken, broilers or fryers, breast, meat only, raw")).toEqual([
      ["chicken"],
      ["broiler", "or", "fryer"],
      ["breast"],
      ["meat", "only"],
      ["raw"],
    ]);
    expect(terms("Bananas, raw")).toEqual(["banana", "raw"]);
  });
});

describe("editDistance", () => {
  it.each([
    ["brocoli", "broccoli", 1],
    ["chiken", "chicken", 1],
    ["chciken", "chicken", 1],
    ["banana", "banana", 0],
    ["apple", "maple", 2],
  ])("%s -> %s is %i", (left, right, distance) => {
    expect(editDistance(left, right, 3)).toBe(distance);
  });

  it("stops at the limit", () => {
    expect(editDistance("strawberry", "banana", 2)).toBe(3);
  });
});
