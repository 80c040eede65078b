import { describe, expect, it } from "vitest";
import { correctSpelling, ftsExpressions, understandQuery } from "./query.ts";

// Indexed terms are stems (text.ts), with the number of foods each occurs in.
const vocabulary = new Map([
  ["broccoli", 20],
  ["chicken", 300],
  ["breast", 80],
  ["orang", 60],
  ["juic", 90],
  ["yogurt", 40],
  ["chees", 200],
  ["milk", 250],
  ["green", 100],
  ["macaroni", 30],
]);

describe("understandQuery", () => {
  it("turns nutrient wishes into filters and sorts, and keeps the food words", () => {
    expect(understandQuery("high protein yogurt", vocabulary)).toMatchObject({
      text: "yogurt",
      sort: "protein-density",
      filters: {},
    });
    expect(understandQuery("low carb, low fat cheese", vocabulary)).toMatchObject({
      text: "cheese",
      filters: { maxCarbohydrateG: 10, maxFatG: 3 },
    });
    expect(understandQuery("cheese under 200 kcal", vocabulary).filters).toEqual({ maxEnergyKcal: 200 });
    expect(understandQuery("cheese with at least 20g protein", vocabulary).filters).toEqual({ minProteinG: 20 });
    expect(understandQuery("150 calories or less", vocabulary)).toMatchObject({
      text: "",
      filters: { maxEnergyKcal: 150 },
    });
    expect(understandQuery("keto snack", vocabulary).filters).toEqual({ maxCarbohydrateG: 5 });
  });

  it("reads meal context as a preference, not as words to match", () => {
    expect(understandQuery("chicken for a quick lunch", vocabulary)).toMatchObject({
      text: "chicken",
      context: "ready-to-eat",
    });
    const dinner = understandQuery("chicken for dinner", vocabulary);
    expect(dinner.text).toBe("chicken");
    expect(dinner.context).toBeUndefined();
  });

  it("drops quantities, measures and filler words", () => {
    expect(understandQuery("2 cups of broccoli", vocabulary).text).toBe("broccoli");
    expect(understandQuery("a slice of cheese", vocabulary).text).toBe("cheese");
    expect(understandQuery("3 chicken breasts", vocabulary).text).toBe("chicken breasts");
    expect(understandQuery("90/10 ground beef", vocabulary).text).toBe("90 10 ground beef");
  });

  it("keeps numbers as optional terms", () => {
    const query = understandQuery("2% milk", vocabulary);
    expect(query.terms.map((term) => [term.label, term.required])).toEqual([
      ["2", false],
      ["milk", true],
    ]);
  });

  it("expands synonyms and keeps the original words", () => {
    const query = understandQuery("oj", vocabulary);
    expect(query.terms[0]?.alternatives).toEqual([["oj"], ["orang", "juic"]]);
    expect(query.embeddingText).toBe("orange juice");
  });

  it("matches multi-word synonyms across filler words", () => {
    expect(understandQuery("mac and cheese", vocabulary).terms[0]?.alternatives).toContainEqual(["macaroni", "chees"]);
  });

  it("corrects spelling against the vocabulary and says so", () => {
    const query = understandQuery("brocoli", vocabulary);
    expect(query.terms[0]).toMatchObject({ label: "brocoli", corrected: "broccoli", required: true });
    expect(query.notes).toContain('"brocoli" read as "broccoli"');
    expect(query.embeddingText).toBe("broccoli");
  });

  it("makes a word that is in no food name optional instead of failing the search", () => {
    const query = understandQuery("zzzz yogurt", vocabulary);
    expect(query.terms.map((term) => [term.label, term.required])).toEqual([
      ["zzzz", false],
      ["yogurt", true],
    ]);
  });
});

describe("correctSpelling", () => {
  it("prefers the closest, then the most common term", () => {
    expect(correctSpelling("chiken", vocabulary)).toBe("chicken");
    expect(correctSpelling("yoghurt", vocabulary)).toBe("yogurt");
  });

  it("leaves short words and numbers alone", () => {
    expect(correctSpelling("mlk", vocabulary)).toBeNull();
    expect(correctSpelling("2000", vocabulary)).toBeNull();
  });
});

describe("ftsExpressions", () => {
  it("requires every required term and lets alternatives stand in for each other", () => {
    const expressions = ftsExpressions(understandQuery("oj chicken", vocabulary));
    expect(expressions.all).toBe('("oj" OR ("orang" AND "juic")) AND "chicken"');
    expect(expressions.any).toBe('("oj" OR ("orang" AND "juic")) OR "chicken"');
  });

  it("has nothing to match for a query of only nutrient wishes", () => {
    expect(ftsExpressions(understandQuery("high protein", vocabulary))).toEqual({ all: null, any: null });
  });
});
