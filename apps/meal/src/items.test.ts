import { describe, expect, it } from "vitest";
import { parseItemText } from "./items.ts";

describe("parseItemText", () => {
  it.each([
    ["a cup of rice", { name: "rice", quantity: 1, unit: "cup" }],
    ["6 oz salmon", { name: "salmon", quantity: 6, unit: "oz" }],
    ["2 eggs", { name: "eggs", quantity: 2 }],
    ["a handful of blueberries", { name: "blueberries", quantity: 1, unit: "handful" }],
    ["a slice of pizza", { name: "pizza", quantity: 1, unit: "slice" }],
    ["1 scoop whey", { name: "whey", quantity: 1, unit: "scoop" }],
    ["300ml milk", { name: "milk", quantity: 300, unit: "ml" }],
    ["half an avocado", { name: "avocado", quantity: 0.5 }],
    ["a large banana", { name: "banana", quantity: 1, unit: "large" }],
    ["chicken breast 200g", { name: "chicken breast", quantity: 200, unit: "g" }],
    ["1 1/2 cups of oats", { name: "oats", quantity: 1.5, unit: "cup" }],
    ["a couple of bananas", { name: "bananas", quantity: 2 }],
    ["a big plate of pasta", { name: "pasta", quantity: 1, unit: "plate" }],
    ["2 bars of dark chocolate", { name: "dark chocolate", quantity: 2, unit: "bar" }],
    ["a knob of butter", { name: "butter", quantity: 1, unit: "knob" }],
    ["rice (1 cup)", { name: "rice", quantity: 1, unit: "cup" }],
    ["about 150g of grilled chicken", { name: "grilled chicken", quantity: 150, unit: "g" }],
    ["a dozen almonds", { name: "almonds", quantity: 12 }],
    ["a whole pizza", { name: "pizza", quantity: 1, unit: "whole" }],
    ["one and a half cups of pasta", { name: "pasta", quantity: 1.5, unit: "cup" }],
  ])("reads %j", (text, expected) => {
    expect(parseItemText(text)).toEqual(expected);
  });

  it("leaves amount-free phrases without quantity or unit", () => {
    expect(parseItemText("a banana")).toEqual({ name: "banana" });
    expect(parseItemText("some greek yogurt")).toEqual({ name: "greek yogurt" });
    expect(parseItemText("a protein bar")).toEqual({ name: "protein bar" });
  });

  it("keeps percentages that are part of a food's name", () => {
    expect(parseItemText("a glass of 2% milk")).toEqual({ name: "2% milk", quantity: 1, unit: "glass" });
  });
});
