// Hybrid ranking, as pure functions: lexical (BM25 from FTS5, plus which query terms a name
// covers and a small prior for the everyday form of a food) and vector neighbours, fused with
// reciprocal rank fusion (Cormack, Clarke and Buettcher, SIGIR 2009). Nutrient sorts and the
// ready-to-eat context then reweigh the fused relevance.
import type { LexicalHit } from "../food-store.ts";
import type { VectorMatch } from "../vectors/vector-index.ts";
import { type Catalog, type CatalogFood, passesFilters, sortValueOf } from "./catalog.ts";
import type { NutrientSort, QueryTerm, UnderstoodQuery } from "./query.ts";
import { stem } from "./text.ts";

/** Word lists below are written as words and compared as stems, like everything indexed. */
function stems(text: string): string[] {
  return text.split(/\s+/).filter(Boolean).map(stem);
}

/** The ranking's weights, chosen on the dev split of the labelled queries (docs/FOOD_SEARCH.md). */
export const RANKING = {
  /** RRF's k: how quickly a source's credit fades with rank. 60 is the paper's value. */
  fusionK: 60,
  lexicalWeight: 1,
  vectorWeight: 0.25,
  /** Weight of normalised BM25 next to term coverage (0..1) in the lexical score. */
  bm25Weight: 0.05,
  optionalTermBonus: 0.05,
  headBonus: 0.1,
  headExtraPenalty: 0.06,
  extraPenalty: 0.025,
  extraPenaltyCap: 0.25,
  deprecatedPenalty: 0.2,
  brandPenalty: 0.08,
  /** Times the share of the food's group among foods named with the query's words ("steak" is mostly beef). */
  groupWeight: 0.3,
  /** Times log2(measures - 1): USDA lists more household portions for foods people commonly eat. */
  measureBonus: 0.05,
  /** For names that say "raw" or "plain": the default form of a food. */
  defaultFormBonus: 0.05,
  /** Times the share of matched words that end a name segment ("banana" in "Bananas, raw", not in "banana chips"). */
  nounWeight: 0.2,
  /** How much a word matched only through a spelling correction counts. */
  correctionCredit: 0.6,
  /** A vector neighbour enters fusion only above this similarity; below it is noise. */
  minimumSimilarity: 0.2,
  readyToEatPenalty: 0.3,
  /** How many of the most relevant foods a nutrient sort reorders. */
  sortPool: 50,
} as const;

/**
 * Food groups a user rarely means unless they say so: generic words ("banana") should find the
 * commodity, not baby food or a regional speciality. Applied when no query term names the group.
 */
const GROUP_PENALTIES: Record<string, { penalty: number; unless: string[] }> = {
  "Baby Foods": { penalty: 0.35, unless: stems("baby babyfood infant toddler") },
  "American Indian/Alaska Native Foods": {
    penalty: 0.25,
    unless: stems("navajo hopi alaska native indian shoshone apache tribal"),
  },
  "Restaurant Foods": { penalty: 0.1, unless: stems("restaurant") },
};

/**
 * Words that describe a food's default form in SR names ("raw", "meat only", "all commercial
 * varieties", "without salt"); a name carrying only these beside the query's words is the plain
 * food. Any other extra word ("chips", "dehydrated", "babyfood") makes the food more specific
 * than what was asked, which the prior counts against it.
 */
export const PLAIN_WORDS = new Set(
  stems(`raw fresh cooked boiled drained without with salt meat only all commercial varieties mature seeds broilers fryers
   fluid plain regular whole year round average ripe enriched unenriched prepared commercially ready serve type includes nfs
   not fortified vitamin added a d and or in of to from tap water brewed heat moist species mixed us usda grade choice select
   trimmed separable lean inch unheated kernels solids liquids skin peel flesh edible portion medium uncooked unsalted
   unsweetened natural original`),
);

/** Cooking is needed: raw or dry animal foods, legumes and grains, mixes, unprepared items. */
const NEEDS_PREPARATION_GROUPS = new Set([
  "Beef Products",
  "Pork Products",
  "Poultry Products",
  "Lamb, Veal, and Game Products",
  "Finfish and Shellfish Products",
  "Legumes and Legume Products",
  "Cereal Grains and Pasta",
]);
const PREPARATION_TERMS = stems("uncooked unprepared unheated mix dry raw frozen concentrate");

const DEFAULT_FORM = stems("raw plain");

export interface RankedFood {
  food: CatalogFood;
  score: number;
  why: string[];
}

export interface RankInput {
  query: UnderstoodQuery;
  /** FTS hits: those matching every required term first, then those matching any, each in BM25 order. */
  lexical: readonly LexicalHit[];
  vector: readonly VectorMatch[];
  catalog: Catalog;
  limit: number;
}

function termIdf(term: QueryTerm, catalog: Catalog): number {
  // The rarest alternative decides: "oj" is in no name, "orange juice" in some.
  let best = 0;
  for (const alternative of term.alternatives) {
    for (const word of alternative) {
      const documents = catalog.vocabulary.get(word);
      if (documents === undefined) continue;
      best = Math.max(best, Math.log(1 + catalog.size / documents));
    }
  }
  return best > 0 ? best : 1;
}

/** 1 when the food's name has the term, correctionCredit when only its spelling correction, else 0. */
function matches(term: QueryTerm, food: CatalogFood): number {
  let best = 0;
  for (const alternative of term.alternatives) {
    if (alternative.length === 0 || !alternative.every((word) => food.terms.has(word))) continue;
    best = Math.max(
      best,
      term.corrected !== undefined && alternative.length === 1 && alternative[0] === term.corrected
        ? RANKING.correctionCredit
        : 1,
    );
  }
  return best;
}

interface LexicalView {
  coverage: number;
  matched: string[];
  optionalMatched: number;
}

function lexicalView(query: UnderstoodQuery, food: CatalogFood, idf: Map<QueryTerm, number>): LexicalView {
  let total = 0;
  let covered = 0;
  let optionalMatched = 0;
  const matched: string[] = [];
  for (const term of query.terms) {
    const hit = matches(term, food);
    if (term.required) {
      const weight = idf.get(term) ?? 1;
      total += weight;
      covered += weight * hit;
    } else if (hit > 0) {
      optionalMatched += 1;
    }
    if (hit > 0)
      matched.push(term.note && term.alternatives.length > 1 ? `"${term.label}" ${term.note}` : `"${term.label}"`);
  }
  return { coverage: total > 0 ? covered / total : optionalMatched > 0 ? 1 : 0, matched, optionalMatched };
}

/** The small prior for the everyday form of a food; positive is more everyday. */
export function everydayPrior(
  query: UnderstoodQuery,
  food: CatalogFood,
  catalog: Catalog,
): { value: number; reasons: string[] } {
  const queryWords = new Set(query.terms.flatMap((term) => term.alternatives.flat()));
  const reasons: string[] = [];
  let value = 0;
  const head = food.segments[0] ?? [];
  if (head.some((word) => queryWords.has(word))) value += RANKING.headBonus;
  const specific = (word: string) => !queryWords.has(word) && !PLAIN_WORDS.has(word) && !/\d/.test(word);
  const headExtra = head.filter(specific).length;
  const restExtra = food.segments.slice(1).flat().filter(specific).length;
  const extraPenalty = Math.min(
    RANKING.extraPenaltyCap,
    headExtra * RANKING.headExtraPenalty + restExtra * RANKING.extraPenalty,
  );
  value -= extraPenalty;
  if (headExtra + restExtra === 0 && head.some((word) => queryWords.has(word))) reasons.push("plain form");
  if (food.deprecated) {
    value -= RANKING.deprecatedPenalty;
    reasons.push("dropped by USDA before SR24");
  }
  const group = GROUP_PENALTIES[food.group];
  if (group && !group.unless.some((word) => queryWords.has(word))) {
    value -= group.penalty;
    reasons.push(`${food.group} (less likely unless asked)`);
  }
  if ([...food.brandTerms].some((word) => !queryWords.has(word))) value -= RANKING.brandPenalty;
  // Generic words lean to the group most foods named with them belong to ("steak" -> beef).
  const required = query.terms.filter((term) => term.required);
  if (required.length > 0) {
    let share = 0;
    for (const term of required) {
      let best = 0;
      for (const alternative of term.alternatives)
        for (const word of alternative) best = Math.max(best, catalog.groupShare(word, food.group));
      share += best;
    }
    value += RANKING.groupWeight * (share / required.length);
  }
  value += RANKING.measureBonus * Math.log2(Math.max(1, food.measures.length - 1));
  if (DEFAULT_FORM.some((term) => food.terms.has(term))) value += RANKING.defaultFormBonus;
  // In "banana chips" banana only describes the chips; in "Bananas, raw" it is the food.
  const segmentEnds = new Set(food.segments.map((segment) => segment.at(-1)!));
  let matchedTerms = 0;
  let nouns = 0;
  for (const term of required) {
    const alternative = term.alternatives.find(
      (words) => words.length > 0 && words.every((word) => food.terms.has(word)),
    );
    if (!alternative) continue;
    matchedTerms += 1;
    if (segmentEnds.has(alternative.at(-1)!)) nouns += 1;
  }
  if (matchedTerms > 0) value += RANKING.nounWeight * (nouns / matchedTerms);

  return { value, reasons };
}

const ALWAYS_PREPARED = stems("mix unprepared uncooked unheated");

export function needsPreparation(food: CatalogFood): boolean {
  if (ALWAYS_PREPARED.some((term) => food.terms.has(term))) return true;
  return NEEDS_PREPARATION_GROUPS.has(food.group) && PREPARATION_TERMS.some((term) => food.terms.has(term));
}

function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function describeSort(sort: NutrientSort, food: CatalogFood): string {
  const value = sortValueOf(sort, food);
  const { proteinG, fiberG, sugarsG, sodiumMg } = food.per100g;
  switch (sort) {
    case "protein-density":
      return `protein ${proteinG ?? "?"} g/100 g, ${value === null ? "?" : round(value, 1)} g per 100 kcal (high protein)`;
    case "fiber-density":
      return `fiber ${fiberG ?? "?"} g/100 g, ${value === null ? "?" : round(value, 1)} g per 100 kcal (high fiber)`;
    case "low-sugar":
      return `sugars ${sugarsG ?? "?"} g/100 g (low sugar)`;
    case "low-sodium":
      return `sodium ${sodiumMg ?? "?"} mg/100 g (low sodium)`;
  }
}

function describeFilters(query: UnderstoodQuery, food: CatalogFood): string | null {
  const { filters } = query;
  const parts: string[] = [];
  if (filters.maxEnergyKcal !== undefined) parts.push(`${food.per100g.energyKcal} kcal ≤ ${filters.maxEnergyKcal}`);
  if (filters.minProteinG !== undefined) parts.push(`protein ${food.per100g.proteinG} g ≥ ${filters.minProteinG}`);
  if (filters.maxCarbohydrateG !== undefined)
    parts.push(`carbohydrate ${food.per100g.carbohydrateG} g ≤ ${filters.maxCarbohydrateG}`);
  if (filters.maxFatG !== undefined) parts.push(`fat ${food.per100g.fatG} g ≤ ${filters.maxFatG}`);
  if (filters.group !== undefined) parts.push(`group ${food.group}`);
  return parts.length > 0 ? `passes filters per 100 g: ${parts.join(", ")}` : null;
}

/** Ranks the candidates from both sources; returns at most `limit` foods, best first. */
export function rankFoods(input: RankInput): RankedFood[] {
  const { query, catalog } = input;
  const idf = new Map(query.terms.map((term) => [term, termIdf(term, catalog)]));
  const hasTerms = query.terms.length > 0;

  interface Candidate {
    food: CatalogFood;
    bm25?: number;
    similarity?: number;
    lexicalScore?: number;
    lexicalRank?: number;
    vectorRank?: number;
    view: LexicalView;
    prior: { value: number; reasons: string[] };
  }
  const candidates = new Map<number, Candidate>();
  const add = (id: number): Candidate | undefined => {
    const existing = candidates.get(id);
    if (existing) return existing;
    const food = catalog.foods.get(id);
    if (!food || !passesFilters(food, query.filters)) return undefined;
    const candidate: Candidate = {
      food,
      view: lexicalView(query, food, idf),
      prior: everydayPrior(query, food, catalog),
    };
    candidates.set(id, candidate);
    return candidate;
  };

  let bestBm25 = 0;
  for (const hit of input.lexical) {
    const candidate = add(hit.id);
    if (!candidate) continue;
    candidate.bm25 = Math.max(candidate.bm25 ?? -Infinity, hit.relevance);
    bestBm25 = Math.max(bestBm25, hit.relevance);
  }
  const vectorHits = input.vector.filter((match) => match.similarity >= RANKING.minimumSimilarity);
  for (const match of vectorHits) {
    const candidate = add(match.id);
    if (candidate) candidate.similarity = match.similarity;
  }
  // Nothing to match on ("high protein", "under 200 kcal"): every food passing the filters competes.
  if (!hasTerms) for (const food of catalog.list) add(food.id);

  // Lexical rank: coverage of the query's terms, BM25, and the everyday prior.
  const lexical = [...candidates.values()].filter((candidate) => candidate.view.coverage > 0);
  for (const candidate of lexical) {
    const bm25 = bestBm25 > 0 && candidate.bm25 !== undefined ? candidate.bm25 / bestBm25 : 0;
    candidate.lexicalScore =
      candidate.view.coverage +
      RANKING.bm25Weight * bm25 +
      RANKING.optionalTermBonus * candidate.view.optionalMatched +
      candidate.prior.value;
  }
  lexical
    .sort(
      (left, right) =>
        right.lexicalScore! - left.lexicalScore! ||
        left.food.name.length - right.food.name.length ||
        left.food.id - right.food.id,
    )
    .forEach((candidate, index) => (candidate.lexicalRank = index + 1));
  vectorHits
    .map((match) => candidates.get(match.id))
    .filter((candidate): candidate is Candidate => candidate !== undefined)
    .forEach((candidate, index) => (candidate.vectorRank = index + 1));

  // Fused relevance, as a share of the best possible (first in both lists).
  const bestPossible = (RANKING.lexicalWeight + RANKING.vectorWeight) / (RANKING.fusionK + 1);
  const scored: (RankedFood & { prior: number; matchedAll: boolean })[] = [];
  for (const candidate of candidates.values()) {
    const why: string[] = [];
    let fused = 0;
    if (candidate.lexicalRank !== undefined) {
      fused += RANKING.lexicalWeight / (RANKING.fusionK + candidate.lexicalRank);
      const bm25 = candidate.bm25 === undefined ? "" : `, bm25 ${round(candidate.bm25, 2)}`;
      why.push(`lexical rank ${candidate.lexicalRank} (matched ${candidate.view.matched.join(", ")}${bm25})`);
    }
    if (candidate.vectorRank !== undefined) {
      fused += RANKING.vectorWeight / (RANKING.fusionK + candidate.vectorRank);
      why.push(`vector rank ${candidate.vectorRank} (similarity ${round(candidate.similarity ?? 0, 3)})`);
    } else if (vectorHits.length > 0) {
      // Beyond the vector side's list is not "unrelated": it is somewhere after the last one returned.
      fused += RANKING.vectorWeight / (RANKING.fusionK + input.vector.length + 1);
    }
    let score = hasTerms ? fused / bestPossible : 0.5;
    why.push(...candidate.prior.reasons);
    if (query.context === "ready-to-eat" && needsPreparation(candidate.food)) {
      score *= 1 - RANKING.readyToEatPenalty;
      why.push("needs cooking or preparation (quick meal asked)");
    }
    const filterNote = describeFilters(query, candidate.food);
    if (filterNote) why.push(filterNote);
    scored.push({
      food: candidate.food,
      score,
      why,
      prior: candidate.prior.value,
      matchedAll: !hasTerms || candidate.view.coverage >= 1,
    });
  }
  // Ties between equally relevant foods go to the everyday form, then the shorter name.
  const byScore = (left: (typeof scored)[number], right: (typeof scored)[number]) =>
    right.score - left.score ||
    right.prior - left.prior ||
    left.food.name.length - right.food.name.length ||
    left.food.id - right.food.id;
  scored.sort(byScore);

  if (query.sort) {
    // A nutrient sort orders the relevant foods (every word matched, among the sortPool most
    // relevant; every food when the query has no words) by the nutrient, scored 0.5..1; the rest
    // follow at half their relevance.
    const sort = query.sort;
    let pool = 0;
    for (const entry of scored) {
      const quantile = catalog.sortQuantile(sort, entry.food.id);
      if (entry.matchedAll && (pool < RANKING.sortPool || !hasTerms)) {
        pool += 1;
        entry.score = 0.5 + 0.49 * quantile + 0.01 * Math.min(1, entry.score);
        entry.why.push(
          `${describeSort(sort, entry.food)}, top ${Math.max(1, Math.round((1 - quantile) * 100))}% of all foods`,
        );
      } else {
        entry.score = 0.5 * Math.min(1, entry.score);
        entry.why.push(describeSort(sort, entry.food));
      }
    }
    scored.sort(byScore);
  }
  return scored.slice(0, input.limit).map((entry) => ({ food: entry.food, score: round(entry.score), why: entry.why }));
}
