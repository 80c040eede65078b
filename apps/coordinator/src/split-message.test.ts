import { describe, expect, it } from "vitest";
import { splitClauses } from "@ensemble/ai/local";
import { assignClauses } from "./split-message.ts";

describe("splitClauses", () => {
  it("cuts at sentences, commas and joined actions, keeping sentence punctuation", () => {
    expect(splitClauses("how much protein is in greek yogurt? I just had 200g of it")).toEqual([
      "how much protein is in greek yogurt?",
      "I just had 200g of it",
    ]);
    expect(splitClauses("had oats for breakfast and took my fish oil")).toEqual([
      "had oats for breakfast",
      "took my fish oil",
    ]);
    // "and" inside a food stays.
    expect(splitClauses("chicken and rice for lunch")).toEqual(["chicken and rice for lunch"]);
  });
});

describe("assignClauses", () => {
  it("gives each specialist its own part", () => {
    const parts = assignClauses("had oatmeal with blueberries for breakfast and took my fish oil", [
      "meal",
      "protocol",
    ]);
    expect(parts.meal).toBe("had oatmeal with blueberries for breakfast");
    expect(parts.protocol).toBe("took my fish oil");
  });

  it("gives a clause about two domains to both", () => {
    const parts = assignClauses("how much protein is in greek yogurt? I just had 200g of it with my creatine", [
      "meal",
      "protocol",
    ]);
    expect(parts.meal).toContain("greek yogurt?");
    expect(parts.meal).toContain("200g of it");
    expect(parts.protocol).toContain("creatine");
  });

  it("gives a clause that eats 'it' to where 'it' went, and nothing else that says 'it'", () => {
    const parts = assignClauses("how many calories in a bagel? had half of it with my vitamin D", ["meal", "protocol"]);
    expect(parts.meal).toContain("half of it");
    const fishOil = assignClauses("had a burger, then took my fish oil with it", ["meal", "protocol"]);
    expect(fishOil.meal).toBe("had a burger");
  });

  it("gives the whole message to a domain no clause is about", () => {
    const message = "benched 80 kg for 3 sets of 5";
    expect(assignClauses(message, ["metrics-workout", "meal"]).meal).toBe(message);
  });
});
