// The foods held in memory for ranking: names analysed once, nutrient-density ranks for sorts.
import type { StoredFood } from "../food-store.ts";
import type { NutrientSort, QueryFilters, Vocabulary } from "./query.ts";
import { nameSegments } from "./text.ts";

export interface CatalogFood extends StoredFood {
  /** Stemmed terms per name segment; [0] is what the food is. */
  segments: string[][];
  terms: Set<string>;
  /** Words written in capitals in the name: brands ("KELLOGG'S", "McDONALD'S"). */
  brandTerms: Set<string>;
}

export interface Catalog {
  foods: ReadonlyMap<number, CatalogFood>;
  list: readonly CatalogFood[];
  vocabulary: Vocabulary;
  /** Number of foods in the catalog, for IDF. */
  size: number;
  /** Per sort, each food's quantile in [0, 1] (1 = best for that sort); built on first use. */
  sortQuantile(sort: NutrientSort, id: number): number;
  /** Of the foods whose names contain `term`, the share in `group` (0..1). */
  groupShare(term: string, group: string): number;
}

function brandTerms(name: string): Set<string> {
  const brands = new Set<string>();
  // A word of three or more capitals ("KELLOGG'S", "SNICKERS") or a capitalised mixed one
  // ("McDONALD'S") marks a brand in SR names; USDA writes generic words in lowercase.
  for (const match of name.matchAll(/\b(?:Mc)?[A-Z][A-Z'’.&-]{2,}\b/g)) {
    for (const term of nameSegments(match[0]).flat()) brands.add(term);
  }
  // "USDA Commodity" and similar are programme names, not brands of a product.
  for (const term of ["usda", "nfs", "nlea", "ns"]) brands.delete(term);
  return brands;
}

export function catalogFood(food: StoredFood): CatalogFood {
  const segments = nameSegments(food.name);
  return { ...food, segments, terms: new Set(segments.flat()), brandTerms: brandTerms(food.name) };
}

/** Per 100 kcal for densities, so "high protein" prefers lean chicken over fatty nuts. */
function sortValue(sort: NutrientSort, food: StoredFood): number | null {
  const { energyKcal, proteinG, fiberG, sugarsG, sodiumMg } = food.per100g;
  switch (sort) {
    case "protein-density":
      return proteinG === null || energyKcal === null
        ? null
        : energyKcal <= 0
          ? 0
          : (proteinG * 100) / Math.max(energyKcal, 10);
    case "fiber-density":
      return fiberG === null || energyKcal === null
        ? null
        : energyKcal <= 0
          ? 0
          : (fiberG * 100) / Math.max(energyKcal, 10);
    case "low-sugar":
      return sugarsG === null ? null : -sugarsG;
    case "low-sodium":
      return sodiumMg === null ? null : -sodiumMg;
  }
}

export function createCatalog(foods: readonly StoredFood[], vocabulary: Vocabulary): Catalog {
  const list = foods.map(catalogFood);
  const byId = new Map(list.map((food) => [food.id, food]));
  const quantiles = new Map<NutrientSort, Map<number, number>>();
  // Term -> group -> share of the foods with the term, counted once up front (about 70,000 terms).
  const groupsByTerm = new Map<string, Map<string, number>>();
  for (const food of list) {
    for (const term of food.terms) {
      let groups = groupsByTerm.get(term);
      if (!groups) groupsByTerm.set(term, (groups = new Map()));
      groups.set(food.group, (groups.get(food.group) ?? 0) + 1);
    }
  }
  for (const groups of groupsByTerm.values()) {
    let total = 0;
    for (const count of groups.values()) total += count;
    for (const [group, count] of groups) groups.set(group, count / total);
  }
  return {
    foods: byId,
    list,
    vocabulary,
    size: list.length,
    sortQuantile(sort, id) {
      let table = quantiles.get(sort);
      if (!table) {
        const valued = list
          .map((food) => ({ id: food.id, value: sortValue(sort, food) }))
          .filter((entry): entry is { id: number; value: number } => entry.value !== null)
          .sort((left, right) => left.value - right.value);
        table = new Map(valued.map((entry, index) => [entry.id, valued.length > 1 ? index / (valued.length - 1) : 1]));
        quantiles.set(sort, table);
      }
      return table.get(id) ?? 0;
    },
    groupShare(term, group) {
      return groupsByTerm.get(term)?.get(group) ?? 0;
    },
  };
}

export function sortValueOf(sort: NutrientSort, food: StoredFood): number | null {
  return sortValue(sort, food);
}

/** Whether a food passes nutrient filters (per 100 g); a missing value fails a filter on it. */
export function passesFilters(food: StoredFood, filters: QueryFilters): boolean {
  const { energyKcal, proteinG, carbohydrateG, fatG } = food.per100g;
  if (filters.maxEnergyKcal !== undefined && (energyKcal === null || energyKcal > filters.maxEnergyKcal)) return false;
  if (filters.minProteinG !== undefined && (proteinG === null || proteinG < filters.minProteinG)) return false;
  if (filters.maxCarbohydrateG !== undefined && (carbohydrateG === null || carbohydrateG > filters.maxCarbohydrateG))
    return false;
  if (filters.maxFatG !== undefined && (fatG === null || fatG > filters.maxFatG)) return false;
  if (
    filters.group !== undefined &&
    filters.group.trim() !== "" &&
    !food.group.toLowerCase().includes(filters.group.trim().toLowerCase())
  ) {
    return false;
  }
  return true;
}
