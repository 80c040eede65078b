// The committed suite itself: every file valid, enough cases per kind, and no case lifted from
// the router's training corpus (the eval must measure generalisation, not recall).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCases } from "./load.ts";
import { SPECIALIST_DOMAINS } from "./schema.ts";

const root = path.resolve(import.meta.dirname, "../..");
const cases = loadCases(path.join(root, "cases"));

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function jaccard(left: Set<string>, right: Set<string>): number {
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}

describe("the case suite", () => {
  it("has at least 300 valid cases covering every domain and the hard kinds", () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const count = (tag: string) => cases.filter((evalCase) => evalCase.tags.includes(tag)).length;
    for (const domain of SPECIALIST_DOMAINS) expect(count(domain), domain).toBeGreaterThanOrEqual(30);
    for (const tag of [
      "general",
      "hypothetical",
      "negation",
      "third-person",
      "multi-domain",
      "onboarding",
      "injection",
      "messy",
    ]) {
      expect(count(tag), tag).toBeGreaterThanOrEqual(10);
    }
  });

  it("copies nothing from the router's training corpus", () => {
    const corpusFile = path.resolve(root, "../ai/data/router/corpus.jsonl");
    const corpus = readFileSync(corpusFile, "utf8")
      .trim()
      .split("\n")
      .map((line) => normalise((JSON.parse(line) as { text: string }).text));
    const exact = new Set(corpus);
    const corpusWords = corpus.map((text) => new Set(text.split(" ")));
    const copied = cases.filter((evalCase) => {
      const message = normalise(evalCase.message);
      if (exact.has(message)) return true;
      const words = new Set(message.split(" "));
      return corpusWords.some((other) => jaccard(words, other) >= 0.75);
    });
    expect(copied.map((evalCase) => evalCase.id)).toEqual([]);
  });
});
