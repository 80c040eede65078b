import { describe, expect, it } from "vitest";
import { parseVisionOutput } from "../src/model-output.ts";

const chicken = { name: "grilled chicken breast", grams: 140, confidence: 0.8 };

describe("parseVisionOutput", () => {
  it("reads a plain JSON answer", () => {
    expect(parseVisionOutput(JSON.stringify({ items: [chicken] }))).toEqual({ ok: true, items: [chicken] });
  });

  it("reads JSON inside code fences or prose, and a bare list of items", () => {
    expect(parseVisionOutput("```json\n" + JSON.stringify({ items: [chicken] }) + "\n```")).toEqual({
      ok: true,
      items: [chicken],
    });
    expect(parseVisionOutput(`Here is what I see: ${JSON.stringify({ items: [chicken] })} Enjoy!`)).toEqual({
      ok: true,
      items: [chicken],
    });
    expect(parseVisionOutput(JSON.stringify([chicken]))).toEqual({ ok: true, items: [chicken] });
  });

  it("accepts an empty list: no food in the photo", () => {
    expect(parseVisionOutput('{"items": []}')).toEqual({ ok: true, items: [] });
  });

  it("trims names and ignores extra fields", () => {
    expect(
      parseVisionOutput(
        JSON.stringify({ items: [{ ...chicken, name: "  rice ", colour: "white" }], comment: "tasty" }),
      ),
    ).toEqual({
      ok: true,
      items: [{ name: "rice", grams: 140, confidence: 0.8 }],
    });
  });

  it.each([
    ["an empty reply", "", "the reply was empty"],
    ["prose", "A plate of chicken with salad, about 150 g.", "the reply was not JSON"],
    ["a JSON string", '"chicken"', "the reply was not a JSON object"],
    [
      "grams with units",
      JSON.stringify({ items: [{ ...chicken, grams: "150 g" }] }),
      "items.0.grams: grams must be a number (no units)",
    ],
    [
      "confidence as a word",
      JSON.stringify({ items: [{ ...chicken, confidence: "high" }] }),
      "items.0.confidence: confidence must be a number from 0 to 1",
    ],
    [
      "confidence as a percentage",
      JSON.stringify({ items: [{ ...chicken, confidence: 85 }] }),
      "items.0.confidence: confidence must be from 0 to 1",
    ],
    ["zero grams", JSON.stringify({ items: [{ ...chicken, grams: 0 }] }), "items.0.grams: grams must be more than 0"],
    ["an empty name", JSON.stringify({ items: [{ ...chicken, name: " " }] }), "items.0.name: name must not be empty"],
    ["another key", JSON.stringify({ foods: [chicken] }), "items: items must be a list"],
    [
      "thirteen items",
      JSON.stringify({ items: Array.from({ length: 13 }, () => chicken) }),
      "items: list at most 12 items",
    ],
  ])("explains what is wrong with %s", (_, text, problem) => {
    expect(parseVisionOutput(text)).toEqual({ ok: false, problem });
  });
});
