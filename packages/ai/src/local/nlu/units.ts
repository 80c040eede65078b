// Units of measure as people write them, mapped to one canonical spelling each, with the mass
// and volume conversions the domains need.
import { normaliseText } from "./normalise.ts";

export type MassUnit = "g" | "kg" | "mg" | "mcg" | "oz" | "lb";
export type VolumeUnit = "ml" | "l" | "cup" | "tbsp" | "tsp" | "fl oz" | "pint";
export type CanonicalUnit =
  | MassUnit
  | VolumeUnit
  | "iu"
  | "capsule"
  | "scoop"
  | "drop"
  | "slice"
  | "piece"
  | "handful"
  | "serving"
  | "bowl"
  | "glass"
  | "can"
  | "bottle"
  | "mug"
  | "shot"
  | "step"
  | "rep"
  | "set"
  | "km"
  | "m"
  | "mi"
  | "cm"
  | "s"
  | "min"
  | "h"
  | "day"
  | "week"
  | "month"
  | "year"
  | "kcal"
  | "%";

export type UnitKind = "mass" | "volume" | "dose" | "count" | "exercise" | "distance" | "time" | "energy" | "percent";

const UNIT_KINDS: Record<CanonicalUnit, UnitKind> = {
  g: "mass",
  kg: "mass",
  mg: "mass",
  mcg: "mass",
  oz: "mass",
  lb: "mass",
  ml: "volume",
  l: "volume",
  cup: "volume",
  tbsp: "volume",
  tsp: "volume",
  "fl oz": "volume",
  pint: "volume",
  iu: "dose",
  capsule: "dose",
  scoop: "dose",
  drop: "dose",
  slice: "count",
  piece: "count",
  handful: "count",
  serving: "count",
  bowl: "count",
  glass: "count",
  can: "count",
  bottle: "count",
  mug: "count",
  shot: "count",
  step: "count",
  rep: "exercise",
  set: "exercise",
  km: "distance",
  m: "distance",
  mi: "distance",
  cm: "distance",
  s: "time",
  min: "time",
  h: "time",
  day: "time",
  week: "time",
  month: "time",
  year: "time",
  kcal: "energy",
  "%": "percent",
};

const ALIASES: Record<CanonicalUnit, string[]> = {
  g: ["g", "gr", "grs", "gm", "gms", "gram", "grams", "gramme", "grammes"],
  kg: ["kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes"],
  mg: ["mg", "mgs", "milligram", "milligrams", "milligramme", "milligrammes"],
  mcg: ["mcg", "mcgs", "μg", "ug", "microgram", "micrograms", "microgramme", "microgrammes"],
  oz: ["oz", "ozs", "ounce", "ounces"],
  lb: ["lb", "lbs", "pound", "pounds"],
  ml: ["ml", "mls", "millilitre", "millilitres", "milliliter", "milliliters", "cc"],
  l: ["l", "ltr", "ltrs", "litre", "litres", "liter", "liters"],
  cup: ["cup", "cups", "c"],
  tbsp: ["tbsp", "tbsps", "tbs", "tbl", "tbls", "tablespoon", "tablespoons", "tablespoonful", "tablespoonfuls"],
  tsp: ["tsp", "tsps", "teaspoon", "teaspoons", "teaspoonful", "teaspoonfuls"],
  "fl oz": ["fl oz", "fl. oz", "fl.oz", "floz", "fl ozs", "fluid ounce", "fluid ounces", "fl ounce", "fl ounces"],
  pint: ["pint", "pints"],
  iu: ["iu", "ius", "i.u.", "i.u", "international unit", "international units"],
  capsule: [
    "capsule",
    "capsules",
    "cap",
    "caps",
    "pill",
    "pills",
    "tablet",
    "tablets",
    "tab",
    "tabs",
    "softgel",
    "softgels",
    "gelcap",
    "gelcaps",
    "gummy",
    "gummies",
    "lozenge",
    "lozenges",
  ],
  scoop: ["scoop", "scoops", "scoopful", "scoopfuls"],
  drop: ["drop", "drops"],
  slice: ["slice", "slices", "slc"],
  piece: ["piece", "pieces", "pc", "pcs"],
  handful: ["handful", "handfuls", "handfull", "handfulls"],
  serving: ["serving", "servings", "portion", "portions", "serve", "serves"],
  bowl: ["bowl", "bowls", "bowlful"],
  glass: ["glass", "glasses"],
  can: ["can", "cans", "tin", "tins"],
  bottle: ["bottle", "bottles"],
  mug: ["mug", "mugs"],
  shot: ["shot", "shots"],
  step: ["step", "steps"],
  rep: ["rep", "reps", "repetition", "repetitions"],
  set: ["set", "sets"],
  km: ["km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"],
  m: ["m", "metre", "metres", "meter", "meters"],
  mi: ["mi", "mile", "miles"],
  cm: ["cm", "cms", "centimetre", "centimetres", "centimeter", "centimeters"],
  s: ["s", "sec", "secs", "second", "seconds"],
  min: ["min", "mins", "minute", "minutes"],
  h: ["h", "hr", "hrs", "hour", "hours"],
  day: ["day", "days"],
  week: ["week", "weeks", "wk", "wks"],
  month: ["month", "months"],
  year: ["year", "years", "yr", "yrs"],
  kcal: ["kcal", "kcals", "cal", "cals", "calorie", "calories", "kilocalorie", "kilocalories"],
  "%": ["%", "percent", "per cent", "pct"],
};

const ALIAS_TO_UNIT = new Map<string, CanonicalUnit>();
// The same aliases without dots and spaces, so "fl.oz", "floz" and "i.u." all find their unit.
const COMPACT_ALIAS_TO_UNIT = new Map<string, CanonicalUnit>();
for (const [unit, aliases] of Object.entries(ALIASES) as [CanonicalUnit, string[]][]) {
  for (const alias of aliases) {
    ALIAS_TO_UNIT.set(alias, unit);
    COMPACT_ALIAS_TO_UNIT.set(alias.replace(/[.\s]/g, ""), unit);
  }
}

/**
 * The canonical unit for a written unit ("Grams" -> "g", "tablespoons" -> "tbsp", "µg" -> "mcg",
 * "fl. oz" -> "fl oz", "pills" -> "capsule"), or null when the word is not a unit.
 */
export function normaliseUnit(word: string): CanonicalUnit | null {
  const cleaned = normaliseText(word);
  const direct = ALIAS_TO_UNIT.get(cleaned) ?? ALIAS_TO_UNIT.get(cleaned.replace(/\.$/, ""));
  if (direct !== undefined) return direct;
  // Dotted spellings ("fl.oz", "fl. oz", "i.u.") differ from an alias only in dots and the spaces
  // after them. Plain spaces are kept meaningful so "gm s" is not read as "gms".
  if (!cleaned.includes(".")) return null;
  const compact = cleaned.replace(/\.\s*/g, "").replace(/\s+/g, "");
  return compact.length > 1 ? (COMPACT_ALIAS_TO_UNIT.get(compact) ?? null) : null;
}

/** What a canonical unit measures. */
export function unitKind(unit: CanonicalUnit): UnitKind {
  return UNIT_KINDS[unit];
}

const GRAMS_PER_UNIT: Record<MassUnit, number> = {
  g: 1,
  kg: 1000,
  mg: 0.001,
  mcg: 0.000001,
  oz: 28.349523125,
  lb: 453.59237,
};

/**
 * Millilitres per unit. Cups use the 240 ml "legal cup" of US nutrition labels, fluid ounces the US
 * 29.5735 ml and pints the US 473 ml (16 fl oz, as USDA's measures; a British pint is 568 ml);
 * tablespoons and teaspoons the rounded 15 ml and 5 ml every label uses.
 */
const MILLILITRES_PER_UNIT: Record<VolumeUnit, number> = {
  ml: 1,
  l: 1000,
  cup: 240,
  tbsp: 15,
  tsp: 5,
  "fl oz": 29.5735,
  pint: 473,
};

function asMassUnit(unit: string): MassUnit | null {
  const canonical = normaliseUnit(unit);
  return canonical !== null && UNIT_KINDS[canonical] === "mass" ? (canonical as MassUnit) : null;
}

function asVolumeUnit(unit: string): VolumeUnit | null {
  const canonical = normaliseUnit(unit);
  return canonical !== null && UNIT_KINDS[canonical] === "volume" ? (canonical as VolumeUnit) : null;
}

/** Converts between mass units (any spelling normaliseUnit knows); null when either is not a mass unit. */
export function convertMass(value: number, from: string, to: string): number | null {
  const fromUnit = asMassUnit(from);
  const toUnit = asMassUnit(to);
  if (fromUnit === null || toUnit === null) return null;
  return (value * GRAMS_PER_UNIT[fromUnit]) / GRAMS_PER_UNIT[toUnit];
}

/** Grams for a mass amount ("6", "oz" -> 170.1); null for units that are not mass. */
export function toGrams(value: number, unit: string): number | null {
  return convertMass(value, unit, "g");
}

/** Millilitres for a volume amount ("2", "cups" -> 480); null for units that are not volume. */
export function toMillilitres(value: number, unit: string): number | null {
  const volumeUnit = asVolumeUnit(unit);
  return volumeUnit === null ? null : value * MILLILITRES_PER_UNIT[volumeUnit];
}

/** Converts between volume units; null when either is not a volume unit. */
export function convertVolume(value: number, from: string, to: string): number | null {
  const fromUnit = asVolumeUnit(from);
  const toUnit = asVolumeUnit(to);
  if (fromUnit === null || toUnit === null) return null;
  return (value * MILLILITRES_PER_UNIT[fromUnit]) / MILLILITRES_PER_UNIT[toUnit];
}
