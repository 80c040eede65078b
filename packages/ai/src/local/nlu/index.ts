// Shared language understanding for the local engine's domain skills: numbers, units,
// quantities, dates and times, lists and text normalisation.
export { normaliseForMatching, normaliseText, tokenise, type WordToken } from "./normalise.ts";
export { splitClauses } from "./clauses.ts";
export {
  findNumbers,
  numberWordValue,
  parseDigitToken,
  parseNumber,
  parseNumberRange,
  readNumberAt,
  type NumberReading,
  type NumberSpan,
  type ReadNumberOptions,
} from "./numbers.ts";
export {
  convertMass,
  convertVolume,
  normaliseUnit,
  toGrams,
  toMillilitres,
  unitKind,
  type CanonicalUnit,
  type MassUnit,
  type UnitKind,
  type VolumeUnit,
} from "./units.ts";
export { extractQuantities, type Quantity } from "./quantities.ts";
export {
  addDays,
  isoDate,
  mealTypeForTime,
  parseDuration,
  parsePeriod,
  parseWhen,
  wallClockNow,
  type MealType,
  type PartOfDay,
  type Period,
  type When,
} from "./when.ts";
export { COMPOUND_FOODS, splitList, type SplitListOptions } from "./lists.ts";
