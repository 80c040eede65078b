import { describe, expect, it } from "vitest";
import { bareName, displayName, editDistance, matchItem, nameKey } from "./supplements.ts";

const items = [
  { id: "a", name: "Creatine", nameKey: "creatine" },
  { id: "b", name: "Fish oil", nameKey: "fish oil" },
  { id: "c", name: "Vitamin D3", nameKey: "vitamin d" },
  { id: "d", name: "Vitamin C", nameKey: "vitamin c" },
  { id: "e", name: "Lion's mane", nameKey: "lion's mane" },
  { id: "f", name: "Magnesium", nameKey: "magnesium" },
];

describe("supplement names", () => {
  it.each([
    ["my Omega-3s", "fish oil"],
    ["omega 3 fish oil", "fish oil"],
    ["vit d", "vitamin d"],
    ["Vitamin D3 drops", "vitamin d"],
    ["D3", "vitamin d"],
    ["creatine monohydrate", "creatine"],
    ["magnesium glycinate", "magnesium"],
    ["B12", "vitamin b12"],
    ["my lion's mane capsules", "lion's mane"],
    ["sea moss gummies", "sea moss"],
    ["Tongkat", "tongkat ali"],
    ["probiotics", "probiotic"],
  ])("%s has the key %s", (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it("keeps a more specific spelling for display and cleans unknown names", () => {
    expect(displayName("my vitamin D3")).toBe("Vitamin D3");
    expect(displayName("my omega-3s")).toBe("Fish oil");
    expect(displayName("my lion's mane capsules")).toBe("Lion's mane");
    expect(displayName("sea moss")).toBe("Sea moss");
    expect(bareName("the sea moss gummies")).toBe("sea moss");
  });

  it("measures typos with swaps as one edit", () => {
    expect(editDistance("creatien", "creatine")).toBe(1);
    expect(editDistance("magnesum", "magnesium")).toBe(1);
  });
});

describe("matchItem", () => {
  it.each([
    ["omega-3s", "b", "exact"],
    ["my fish oil", "b", "exact"],
    ["vit d", "c", "exact"],
    ["vitamin d3", "c", "exact"],
    ["creatin", "a", "exact"],
    ["creatien", "a", "typo"],
    ["magnesum", "f", "typo"],
    ["lion's mane", "e", "exact"],
    ["a", "a", "id"],
  ])("%s finds item %s (%s)", (query, id, how) => {
    const match = matchItem(query, items);
    expect(match).toMatchObject({ kind: "match", item: { id }, how });
  });

  it("calls a name that fits several items ambiguous", () => {
    const match = matchItem("vitamin", items);
    expect(match.kind).toBe("ambiguous");
    expect((match as { items: { id: string }[] }).items.map((item) => item.id).toSorted()).toEqual(["c", "d"]);
  });

  it("finds nothing for an unrelated name", () => {
    expect(matchItem("ashwagandha", items)).toEqual({ kind: "none" });
    expect(matchItem("zinc", items)).toEqual({ kind: "none" });
  });

  it("prefers the first of several items with the same key (running before stopped)", () => {
    const withOld = [
      { id: "new", name: "Creatine", nameKey: "creatine" },
      { id: "old", name: "Creatine", nameKey: "creatine" },
    ];
    expect(matchItem("creatine", withOld)).toMatchObject({ kind: "match", item: { id: "new" } });
  });
});
