// Grams for "2 cups of broccoli", "1 large egg", "3 slices of bread": the food's own USDA
// household measures first, then unit conversion, then a documented default per count unit.
import type { PortionReply } from "@ensemble/contracts";
import { normaliseUnit, toGrams, toMillilitres, unitKind } from "@ensemble/ai/local";
import { stem, words } from "./search/text.ts";

export interface Measure {
  name: string;
  grams: number;
}

/**
 * Grams for one count unit when the food has no such measure. USDA's typical amounts: a slice of
 * bread or cheese weighs about 1 oz; a handful of nuts or a scoop of protein powder about 30 g; a
 * "piece" of something unnamed is taken as 50 g. A serving with no measure is 100 g, the amount
 * every nutrient value in the dataset refers to.
 */
export const DEFAULT_GRAMS: Record<string, number> = {
  slice: 28,
  piece: 50,
  scoop: 30,
  handful: 30,
  serving: 100,
  bowl: 250,
  plate: 300,
};

/** Millilitres for one drink-sized unit when the food has no such measure. */
export const DEFAULT_MILLILITRES: Record<string, number> = {
  glass: 240,
  mug: 240,
  can: 355,
  bottle: 500,
  shot: 44,
};

/** A measure's unit: its first word or two ("cup chopped" -> "cup", "fl oz" -> "fl oz", "NLEA serving"). */
export function measureUnit(name: string): { unit: string; qualifiers: string[] } {
  const list = words(name.replace(/\(.*?\)/g, " ")).filter((word) => !/^\d/.test(word));
  const two = list.slice(0, 2).join(" ");
  for (const candidate of [two, list[0] ?? ""]) {
    if (candidate === "") continue;
    const canonical = normaliseUnit(candidate);
    if (canonical !== null) return { unit: canonical, qualifiers: list.slice(candidate.split(" ").length) };
    if (
      candidate === "nlea serving" ||
      candidate === "extra large" ||
      candidate === "extra small" ||
      candidate === "cubic inch"
    ) {
      return { unit: candidate, qualifiers: list.slice(2) };
    }
  }
  return { unit: list[0] ? stem(list[0]) : "", qualifiers: list.slice(1) };
}

/** Measures that stand for "one piece" of a whole food, in order of preference. */
const PIECE_UNITS = ["piece", "item", "unit", "each", "fruit", "whole", "medium", "serving", "nlea serving"].map(
  (name) => measureUnit(name).unit,
);
const SERVING_UNITS = ["serving", "nlea serving", "portion"].map((name) => measureUnit(name).unit);
const SIZE_UNITS = new Set(
  ["small", "medium", "large", "extra small", "extra large", "jumbo"].map((name) => measureUnit(name).unit),
);
const VOLUME_UNITS = ["cup", "tbsp", "tsp", "fl oz", "ml", "l"];

/** The requested unit in the same terms, plus any qualifier words ("cup chopped"). */
export function requestedUnit(text: string): { unit: string; qualifiers: string[] } {
  return measureUnit(text);
}

function findMeasure(measures: readonly Measure[], unit: string, qualifiers: string[]): Measure | undefined {
  const candidates = measures.filter((measure) => measureUnit(measure.name).unit === unit);
  if (candidates.length === 0) return undefined;
  const wanted = qualifiers.map(stem);
  const score = (measure: Measure) => {
    const found = measureUnit(measure.name).qualifiers.map(stem);
    const shared = wanted.filter((word) => found.includes(word)).length;
    // Asked qualifiers found count most; otherwise the plainest measure ("cup" over "cup, sliced").
    return shared * 10 - found.length;
  };
  // Stable: among equal scores USDA's order (its first-listed measure) wins.
  return candidates.reduce((best, measure) => (score(measure) > score(best) ? measure : best));
}

function describe(measure: Measure): string {
  return `${measure.name} (${measure.grams} g)`;
}

function round(grams: number): number {
  return Math.round(grams * 10) / 10;
}

/** Grams per millilitre from the food's own volume measures ("cup" = 244 g -> 1.02), if it has one. */
function densityOf(measures: readonly Measure[]): { density: number; from: Measure } | null {
  for (const unit of VOLUME_UNITS) {
    const measure = findMeasure(measures, unit, []);
    const millilitres = measure ? toMillilitres(1, unit) : null;
    if (measure && millilitres) return { density: measure.grams / millilitres, from: measure };
  }
  return null;
}

export type PortionResult = { ok: true; value: PortionReply } | { ok: false; message: string };

export function resolvePortion(measures: readonly Measure[], quantity: number, unitText: string): PortionResult {
  const { unit, qualifiers } = requestedUnit(unitText);
  const canonical = normaliseUnit(unit);
  const kind = canonical === null ? null : unitKind(canonical);

  // Mass is exact whatever the food.
  if (kind === "mass") {
    const grams = toGrams(quantity, unit)!;
    return {
      ok: true,
      value: {
        grams: round(grams),
        method: "unit-conversion",
        measure: `${quantity} ${canonical} = ${round(grams)} g`,
      },
    };
  }

  // 1. The food's own measure with that unit ("cup chopped" = 91 g for raw broccoli).
  // "piece" and sizes fall back to whatever stands for one whole item ("1 large" of a food with
  // only a "medium" measure is closer to that than to a default).
  const alternatives =
    unit === "piece"
      ? PIECE_UNITS
      : unit === "serving"
        ? SERVING_UNITS
        : SIZE_UNITS.has(unit)
          ? [unit, ...PIECE_UNITS]
          : [unit];
  for (const candidate of alternatives) {
    const measure = findMeasure(measures, candidate, qualifiers);
    if (measure) {
      const equivalent = candidate === unit || (unit === "serving" && SERVING_UNITS.includes(candidate));
      const substitute = equivalent ? "" : ` (no "${unitText.trim()}" measure; used this one)`;
      return {
        ok: true,
        value: {
          grams: round(quantity * measure.grams),
          method: "food-measure",
          measure: `${describe(measure)}${substitute}`,
        },
      };
    }
  }

  // 2. Volume: the food's density from another of its volume measures, else water's.
  const millilitres =
    kind === "volume"
      ? toMillilitres(quantity, unit)
      : DEFAULT_MILLILITRES[unit] !== undefined
        ? quantity * DEFAULT_MILLILITRES[unit]!
        : null;
  if (millilitres !== null) {
    const known = densityOf(measures);
    const density = known?.density ?? 1;
    const how = known
      ? `density ${round(density * 100) / 100} g/ml from ${describe(known.from)}`
      : "density 1 g/ml (assumed)";
    const method = kind === "volume" ? "unit-conversion" : "default-serving";
    return {
      ok: true,
      value: {
        grams: round(millilitres * density),
        method,
        measure: `${quantity} ${unit} = ${round(millilitres)} ml at ${how}`,
      },
    };
  }

  // 3. A count unit the food has no measure for: the documented default.
  const fallback = DEFAULT_GRAMS[SIZE_UNITS.has(unit) ? "piece" : unit];
  if (fallback !== undefined) {
    return {
      ok: true,
      value: {
        grams: round(quantity * fallback),
        method: "default-serving",
        measure: `default ${SIZE_UNITS.has(unit) ? "piece" : unit} of ${fallback} g`,
      },
    };
  }

  const known = [...new Set(measures.map((measure) => measure.name))].slice(0, 8);
  const suggestions = [
    "g",
    "kg",
    "oz",
    "lb",
    "ml",
    "cup",
    "tbsp",
    "tsp",
    "slice",
    "piece",
    "scoop",
    "handful",
    "serving",
  ].join(", ");
  return {
    ok: false,
    message: `unknown unit "${unitText}" for this food: use ${suggestions}${known.length > 0 ? `, or one of its measures: ${known.join("; ")}` : ""}`,
  };
}
