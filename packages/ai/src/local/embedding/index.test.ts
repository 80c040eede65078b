import { describe, expect, it } from "vitest";
import {
  EMBEDDING_DIMENSIONS,
  cosineSimilarity,
  createEmbedder,
  embedText,
  embedTexts,
  embeddingTerms,
  learnIdf,
  stemWord,
} from "./index.ts";

function similarity(left: string, right: string): number {
  return cosineSimilarity(embedText(left), embedText(right));
}

function norm(vector: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < vector.length; index += 1) sum += (vector[index] ?? 0) ** 2;
  return Math.sqrt(sum);
}

describe("embedText", () => {
  it("has bge-base's shape: 768 dimensions, unit length", () => {
    const vector = embedText("grilled chicken breast");
    expect(EMBEDDING_DIMENSIONS).toBe(768);
    expect(vector).toBeInstanceOf(Float32Array);
    expect(vector.length).toBe(768);
    expect(norm(vector)).toBeCloseTo(1, 5);
  });

  it("is deterministic", () => {
    expect(Array.from(embedText("Overnight oats with chia"))).toEqual(
      Array.from(embedText("Overnight oats with chia")),
    );
  });

  it("ignores case, curly quotes and spacing", () => {
    expect(similarity("Ben’s  Chili", "ben's chili")).toBeCloseTo(1, 5);
  });

  it("returns zeros for text without words", () => {
    expect(norm(embedText(""))).toBe(0);
    expect(norm(embedText("  ?! "))).toBe(0);
  });

  it("puts inflections of the same words close together", () => {
    expect(similarity("eggs", "egg")).toBeGreaterThan(0.6);
    expect(similarity("scrambled eggs", "scramble egg")).toBeGreaterThan(0.7);
    expect(similarity("blueberries", "blueberry")).toBeGreaterThan(0.6);
    expect(similarity("grilled tomatoes", "grilled tomato")).toBeGreaterThan(0.7);
  });

  it("ranks related texts above unrelated ones", () => {
    expect(similarity("chicken breast", "chicken thigh")).toBeGreaterThan(
      similarity("chicken breast", "chocolate milk"),
    );
    expect(similarity("I had chicken for lunch", "ate chicken at lunch")).toBeGreaterThan(0.5);
    expect(similarity("I had chicken for lunch", "took my creatine")).toBeLessThan(0.2);
    expect(similarity("greek yogurt", "greek yoghurt")).toBeGreaterThan(similarity("greek yogurt", "greek salad"));
  });

  it("survives a typo through character grams", () => {
    expect(similarity("chiken", "chicken")).toBeGreaterThan(0.15);
    expect(similarity("chiken", "chicken")).toBeGreaterThan(similarity("chiken", "kitchen"));
  });

  it("word order matters a little through bigrams", () => {
    const same = similarity("peanut butter", "peanut butter");
    const swapped = similarity("peanut butter", "butter peanut");
    expect(swapped).toBeLessThan(same);
    expect(swapped).toBeGreaterThan(0.6);
  });
});

describe("embedTexts", () => {
  it("returns plain arrays equal to embedText", () => {
    const [first, second] = embedTexts(["salmon", "brown rice"]);
    expect(Array.isArray(first)).toBe(true);
    expect(first?.length).toBe(768);
    expect(first).toEqual(Array.from(embedText("salmon")));
    expect(second).toEqual(Array.from(embedText("brown rice")));
  });
});

describe("cosineSimilarity", () => {
  it("handles plain and typed arrays and zero vectors", () => {
    expect(cosineSimilarity([1, 0], [1, 0])).toBe(1);
    expect(cosineSimilarity([1, 0], [0, 1])).toBe(0);
    expect(cosineSimilarity([1, 1], [-1, -1])).toBeCloseTo(-1, 10);
    expect(cosineSimilarity(new Float32Array([3, 4]), [6, 8])).toBeCloseTo(1, 6);
    expect(cosineSimilarity([0, 0], [1, 2])).toBe(0);
  });

  it("refuses vectors of different lengths", () => {
    expect(() => cosineSimilarity([1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});

describe("stemWord", () => {
  it.each([
    ["eggs", "egg"],
    ["berries", "berry"],
    ["fries", "fry"],
    ["fried", "fry"],
    ["tomatoes", "tomato"],
    ["sandwiches", "sandwich"],
    ["scrambled", "scrambl"],
    ["scramble", "scrambl"],
    ["scrambling", "scrambl"],
    ["running", "run"],
    ["grilled", "grill"],
    ["chopped", "chop"],
    ["baked", "bak"],
    ["baking", "bak"],
    ["glass", "glass"],
    ["hummus", "hummus"],
    ["coffee", "coffee"],
    ["seed", "seed"],
    ["bed", "bed"],
    ["king", "king"],
    ["string", "string"],
    ["b12", "b12"],
    ["mom's", "mom"],
  ])("%s -> %s", (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });
});

describe("IDF weighting", () => {
  const corpus = [
    "chicken breast",
    "chicken thigh",
    "chicken soup",
    "chicken wrap",
    "chicken curry",
    "beef curry",
    "salmon fillet",
    "tuna salad",
  ];

  it("learnIdf gives rare terms more weight than common ones", () => {
    const idf = learnIdf(corpus);
    expect(idf.get("chicken")).toBeLessThan(idf.get("curry") ?? 0);
    expect(idf.get("curry")).toBeLessThan(idf.get("salmon") ?? 0);
    expect(idf.get("chicken breast")).toBeCloseTo(Math.log(9 / 2) + 1, 10);
  });

  it("an IDF table makes the distinctive word decide similarity", () => {
    const weighted = createEmbedder({ idf: learnIdf(corpus) });
    const plain = createEmbedder();
    const withIdf = cosineSimilarity(weighted.embed("chicken curry"), weighted.embed("beef curry"));
    const without = cosineSimilarity(plain.embed("chicken curry"), plain.embed("beef curry"));
    const sharedCommon = cosineSimilarity(weighted.embed("chicken curry"), weighted.embed("chicken soup"));
    expect(withIdf).toBeGreaterThan(sharedCommon);
    expect(withIdf).toBeGreaterThan(without);
  });

  it("accepts a plain object table and an explicit weight for unknown terms", () => {
    const embedder = createEmbedder({ idf: { chicken: 0.1, curry: 3 }, unknownIdf: 1 });
    const vector = embedder.embed("chicken curry");
    expect(vector.length).toBe(768);
    expect(norm(vector)).toBeCloseTo(1, 5);
    expect(cosineSimilarity(vector, embedder.embed("curry"))).toBeGreaterThan(
      cosineSimilarity(vector, embedder.embed("chicken")),
    );
  });

  it("embeddingTerms lists the stemmed words and bigrams the table is keyed by", () => {
    expect(embeddingTerms("Scrambled Eggs on toast")).toEqual([
      "scrambl",
      "egg",
      "on",
      "toast",
      "scrambl egg",
      "egg on",
      "on toast",
    ]);
  });
});
