import { describe, expect, it } from "vitest";
import type { StoredFood } from "../food-store.ts";
import { createCatalog } from "./catalog.ts";
import { understandQuery } from "./query.ts";
import { rankFoods } from "./rank.ts";
import { terms } from "./text.ts";

function food(id: number, name: string, group: string, extra: Partial<StoredFood> = {}): StoredFood {
  return {
    id,
    name,
    group,
    deprecated: false,
    per100g: {
      energyKcal: 100,
      proteinG: 5,
      carbohydrateG: 10,
      fatG: 2,
      fiberG: 1,
      sugarsG: 1,
      sodiumMg: 10,
      saturatedFatG: 1,
    },
    measures: [],
    ...extra,
  };
}

const foods = [
  food(1, "Bananas, raw", "Fruits and Fruit Juices", {
    measures: [
      { name: "medium", grams: 118 },
      { name: "large", grams: 136 },
      { name: "cup", grams: 150 },
    ],
  }),
  food(2, "Snacks, banana chips", "Snacks", {
    per100g: {
      energyKcal: 519,
      proteinG: 2.3,
      carbohydrateG: 58,
      fatG: 34,
      fiberG: 8,
      sugarsG: 35,
      sodiumMg: 6,
      saturatedFatG: 29,
    },
  }),
  food(3, "Babyfood, fruit, bananas, strained", "Baby Foods"),
  food(4, "Bananas, dehydrated", "Fruits and Fruit Juices", { deprecated: true }),
  food(5, "Pork skins, plain", "Snacks", {
    per100g: {
      energyKcal: 544,
      proteinG: 61,
      carbohydrateG: 0,
      fatG: 31,
      fiberG: 0,
      sugarsG: 0,
      sodiumMg: 1800,
      saturatedFatG: 11,
    },
  }),
  food(6, "Snacks, pretzels, hard", "Snacks", {
    per100g: {
      energyKcal: 380,
      proteinG: 10,
      carbohydrateG: 80,
      fatG: 3,
      fiberG: 3,
      sugarsG: 2,
      sodiumMg: 1300,
      saturatedFatG: 1,
    },
  }),
];
const vocabulary = new Map<string, number>();
for (const each of foods)
  for (const term of new Set(terms(each.name))) vocabulary.set(term, (vocabulary.get(term) ?? 0) + 1);
const catalog = createCatalog(foods, vocabulary);

/** BM25 as FTS5 would roughly give it: shorter names score higher. */
function lexicalFor(query: string) {
  const wanted = terms(query);
  return foods
    .filter((each) => wanted.some((term) => terms(each.name).includes(term)))
    .map((each) => ({ id: each.id, relevance: 10 / terms(each.name).length }))
    .sort((left, right) => right.relevance - left.relevance);
}

describe("rankFoods", () => {
  it("puts the plain everyday food above snacks, baby food and foods USDA dropped", () => {
    const ranked = rankFoods({
      query: understandQuery("banana", vocabulary),
      lexical: lexicalFor("banana"),
      vector: [],
      catalog,
      limit: 4,
    });
    expect(ranked.map((hit) => hit.food.id)).toEqual([1, 4, 2, 3]);
    expect(ranked[0]!.why).toContain("plain form");
    expect(ranked[1]!.why).toContain("dropped by USDA before SR24");
    expect(ranked[3]!.why).toContain("Baby Foods (less likely unless asked)");
  });

  it("lets baby food win when the query asks for it", () => {
    const ranked = rankFoods({
      query: understandQuery("babyfood bananas", vocabulary),
      lexical: lexicalFor("babyfood bananas"),
      vector: [],
      catalog,
      limit: 1,
    });
    expect(ranked[0]!.food.id).toBe(3);
  });

  it("fuses vector neighbours by rank, so a food only the vector side found still appears", () => {
    const ranked = rankFoods({
      query: understandQuery("banana", vocabulary),
      lexical: lexicalFor("banana"),
      vector: [
        { id: 2, similarity: 0.9 },
        { id: 6, similarity: 0.4 },
      ],
      catalog,
      limit: 10,
    });
    const pretzels = ranked.find((hit) => hit.food.id === 6);
    expect(pretzels?.why).toEqual(["vector rank 2 (similarity 0.4)"]);
    expect(ranked.at(-1)!.food.id).toBe(6);
    // Vector hits below the similarity floor are noise and are dropped.
    const noise = rankFoods({
      query: understandQuery("banana", vocabulary),
      lexical: [],
      vector: [{ id: 6, similarity: 0.05 }],
      catalog,
      limit: 10,
    });
    expect(noise).toEqual([]);
  });

  it("orders by protein per 100 kcal for 'high protein', among foods matching the words", () => {
    const ranked = rankFoods({
      query: understandQuery("high protein snacks", vocabulary),
      lexical: lexicalFor("snacks"),
      vector: [],
      catalog,
      limit: 3,
    });
    // Pretzels have 2.6 g protein per 100 kcal, banana chips 0.4 g; without the sort, chips come first (shorter name).
    expect(ranked.map((hit) => hit.food.id)).toEqual([6, 2]);
    const unsorted = rankFoods({
      query: understandQuery("snacks", vocabulary),
      lexical: lexicalFor("snacks"),
      vector: [],
      catalog,
      limit: 3,
    });
    expect(unsorted.map((hit) => hit.food.id)).toEqual([2, 6]);
  });

  it("drops foods that fail the filters, from both sides", () => {
    const query = understandQuery("banana under 200 kcal", vocabulary);
    const ranked = rankFoods({
      query,
      lexical: lexicalFor("banana"),
      vector: [{ id: 2, similarity: 0.9 }],
      catalog,
      limit: 10,
    });
    expect(ranked.map((hit) => hit.food.id)).not.toContain(2);
    expect(ranked[0]!.why.at(-1)).toBe("passes filters per 100 g: 100 kcal ≤ 200");
  });
});
