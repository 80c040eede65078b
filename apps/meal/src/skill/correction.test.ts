import { describe, expect, it } from "vitest";
import { correctItems, readCorrection } from "./correction.ts";

describe("readCorrection", () => {
  it.each([
    ["actually it was 4 slices not 3", { replacement: "4 slices", replaced: "3" }],
    ["oops, make that 250g", { replacement: "250g" }],
    ["sorry i meant a small latte", { replacement: "a small latte" }],
    ["it was 1 egg, not 2", { replacement: "1 egg", replaced: "2" }],
    ["no wait, it was lunch not breakfast", { replacement: "lunch", replaced: "breakfast", mealType: "lunch" }],
  ])("%j", (message, correction) => {
    expect(readCorrection(message)).toEqual(correction);
  });

  it.each(["actually I had a banana too", "it was delicious", "I had 2 eggs", "actually it was great"])(
    "%j is not a correction",
    (message) => {
      expect(readCorrection(message)).toBeNull();
    },
  );
});

describe("correctItems", () => {
  const breakfast = [{ food: "3 eggs", quantity: 3 }, { food: "toast" }];

  it("replaces the item the correction names", () => {
    expect(correctItems(breakfast, { replacement: "2 eggs", replaced: "3" })).toEqual([
      { food: "2 eggs", quantity: 2 },
      { food: "toast" },
    ]);
  });

  it("changes the amount of the item with the old amount when no food is named", () => {
    expect(correctItems(breakfast, { replacement: "2", replaced: "3" })).toEqual([
      { food: "2 eggs", quantity: 2 },
      { food: "toast" },
    ]);
  });

  it("applies an amount to a single-item meal", () => {
    expect(correctItems([{ food: "chicken breast" }], { replacement: "200g" })).toEqual([
      { food: "200g chicken breast", quantity: 200, unit: "g" },
    ]);
  });

  it("gives up when it cannot tell which item changes", () => {
    expect(correctItems(breakfast, { replacement: "a bigger one" })).toBeNull();
  });
});
