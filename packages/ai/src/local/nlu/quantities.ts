// Amounts with their units inside free text: "6 oz", "300ml", "a handful", "2 cups", "1 scoop",
// "5x5", "3 sets of 8", "10k steps". Spans point into the original text.
import { isGluedToWord, isTimeOrDateAt, readNumberAt } from "./numbers.ts";
import { normaliseForMatching, tokenise, type WordToken } from "./normalise.ts";
import { normaliseUnit, unitKind, type CanonicalUnit, type UnitKind } from "./units.ts";

export interface Quantity {
  /** The amount; for a range, its midpoint; for "5x5", the number of sets. */
  value: number;
  /** Canonical unit, or null for a bare count ("2 eggs" -> 2, null). */
  unit: CanonicalUnit | null;
  kind: UnitKind | null;
  /** Bounds of a range ("2-3 cups"). */
  min?: number;
  max?: number;
  /** Strength-training notation: "5x5", "3 sets of 8", "4 sets". */
  sets?: number;
  reps?: number;
  /** Offsets into the original text. */
  start: number;
  end: number;
  text: string;
}

/** Single-letter units that must touch their number ("30s", "100m", "2c") to count. */
const TOUCHING_ONLY_UNITS = new Set(["c", "s", "m"]);

const ORDINAL_SUFFIXES = new Set(["st", "nd", "rd", "th"]);

/** Text right after a bare number that makes it a clock time rather than an amount. */
const CLOCK_SUFFIX = /^\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?|o'?clock\b|h\d{2}\b)/;

interface UnitMatch {
  unit: CanonicalUnit;
  tokenCount: number;
}

function textAt(tokens: WordToken[], index: number): string {
  return tokens[index]?.text ?? "";
}

/** The unit starting at tokens[index], trying dotted and two-word spellings ("fl. oz") first. */
function readUnit(normalised: string, tokens: WordToken[], index: number, numberEnd: number): UnitMatch | null {
  const first = tokens[index];
  if (first === undefined) return null;
  for (let count = 4; count >= 1; count -= 1) {
    const last = tokens[index + count - 1];
    if (last === undefined) continue;
    const phrase = normalised.slice(first.start, last.end);
    if (count > 1 && !/[.\s]/.test(phrase)) continue;
    const unit = normaliseUnit(phrase);
    if (unit === null) continue;
    if (count === 1 && TOUCHING_ONLY_UNITS.has(phrase) && first.start !== numberEnd) return null;
    // A unit must end a word: "5 gummy bears" is a count of bears, but "5 gummies" is a dose.
    return { unit, tokenCount: count };
  }
  return null;
}

/** Reads "and a half" after a unit ("a cup and a half") and returns the tokens it used. */
function readTrailingHalf(tokens: WordToken[], index: number): number {
  if (textAt(tokens, index) === "and" && (textAt(tokens, index + 1) === "a" || textAt(tokens, index + 1) === "an")) {
    if (textAt(tokens, index + 2) === "half") return 3;
  }
  return 0;
}

/** Reads "of 8", "x 8", "of 8 reps", "of 8-10" after a number of sets; returns reps and tokens used. */
function readReps(tokens: WordToken[], index: number): { reps: number; tokenCount: number } | null {
  const joiner = textAt(tokens, index);
  if (joiner !== "of" && joiner !== "x" && joiner !== "by") return null;
  const reading = readNumberAt(tokens, index + 1);
  if (reading === null) return null;
  let count = 1 + reading.tokenCount;
  const after = normaliseUnit(textAt(tokens, index + count));
  if (after === "rep") count += 1;
  return { reps: reading.value, tokenCount: count };
}

/** Every quantity in the text, left to right. */
export function extractQuantities(text: string): Quantity[] {
  const normalised = normaliseForMatching(text);
  const tokens = tokenise(text);
  const quantities: Quantity[] = [];

  const push = (startIndex: number, endIndex: number, fields: Omit<Quantity, "start" | "end" | "text">): void => {
    const startToken = tokens[startIndex];
    const endToken = tokens[endIndex];
    if (startToken === undefined || endToken === undefined) return;
    quantities.push({
      ...fields,
      start: startToken.start,
      end: endToken.end,
      text: text.slice(startToken.start, endToken.end),
    });
  };

  let index = 0;
  while (index < tokens.length) {
    const skip = isTimeOrDateAt(tokens, index);
    if (skip > 0) {
      index += skip;
      continue;
    }
    if (isGluedToWord(tokens, index)) {
      index += 1;
      continue;
    }
    const reading = readNumberAt(tokens, index, { allowArticle: true });
    if (reading === null) {
      index += 1;
      continue;
    }
    const numberToken = tokens[index + reading.tokenCount - 1];
    const numberEnd = numberToken?.end ?? 0;
    const startsWithArticle = textAt(tokens, index) === "a" || textAt(tokens, index) === "an";
    const bareArticle = startsWithArticle && reading.tokenCount === 1;
    const range = reading.min !== undefined && reading.max !== undefined ? { min: reading.min, max: reading.max } : {};
    let next = index + reading.tokenCount;

    // "5x5", "3 x 10": sets by reps. "2 x 500ml" is two 500 ml servings instead.
    if (!startsWithArticle && textAt(tokens, next) === "x") {
      const second = readNumberAt(tokens, next + 1, { allowRange: true });
      if (second !== null) {
        const afterSecond = next + 1 + second.tokenCount;
        const unit = readUnit(normalised, tokens, afterSecond, tokens[afterSecond - 1]?.end ?? 0);
        if (unit !== null && unit.unit !== "rep" && unit.unit !== "set") {
          const kind = unitKind(unit.unit);
          push(index, afterSecond + unit.tokenCount - 1, {
            value: reading.value * second.value,
            unit: unit.unit,
            kind,
          });
          index = afterSecond + unit.tokenCount;
          continue;
        }
        const repsUnitCount = unit?.unit === "rep" ? unit.tokenCount : 0;
        push(index, afterSecond + repsUnitCount - 1, {
          value: reading.value,
          unit: "set",
          kind: "exercise",
          sets: reading.value,
          reps: second.value,
        });
        index = afterSecond + repsUnitCount;
        continue;
      }
    }

    // "10k steps" is ten thousand steps; "a 5k" alone is a 5 km run.
    if (!bareArticle && textAt(tokens, next) === "k" && tokens[next]?.start === numberEnd) {
      const unit = readUnit(normalised, tokens, next + 1, -1);
      if (unit !== null) {
        push(index, next + unit.tokenCount, {
          value: reading.value * 1000,
          unit: unit.unit,
          kind: unitKind(unit.unit),
        });
        index = next + 1 + unit.tokenCount;
      } else {
        push(index, next, { value: reading.value, unit: "km", kind: "distance" });
        index = next + 1;
      }
      continue;
    }

    // "half a cup", "a quarter of a cup", "a couple of slices".
    let unitStart = next;
    if (textAt(tokens, unitStart) === "of" && !bareArticle) unitStart += 1;
    if (reading.value < 1 && (textAt(tokens, unitStart) === "a" || textAt(tokens, unitStart) === "an")) unitStart += 1;
    let unit = readUnit(normalised, tokens, unitStart, numberEnd);
    if (unit === null && unitStart !== next) {
      unitStart = next;
      unit = readUnit(normalised, tokens, unitStart, numberEnd);
    }

    if (unit !== null) {
      let end = unitStart + unit.tokenCount;
      let value = reading.value;
      const half = readTrailingHalf(tokens, end);
      if (half > 0) {
        value += 0.5;
        end += half;
      }
      if (unit.unit === "set") {
        const reps = readReps(tokens, end);
        if (reps !== null) {
          push(index, end + reps.tokenCount - 1, {
            value,
            unit: "set",
            kind: "exercise",
            ...range,
            sets: value,
            reps: reps.reps,
          });
          index = end + reps.tokenCount;
          continue;
        }
        push(index, end - 1, { value, unit: "set", kind: "exercise", ...range, sets: value });
        index = end;
        continue;
      }
      push(index, end - 1, { value, unit: unit.unit, kind: unitKind(unit.unit), ...range });
      index = end;
      continue;
    }

    // Without a unit: a bare article is not an amount, and neither is a clock time or an ordinal.
    const following = textAt(tokens, next);
    const touching = tokens[next]?.start === numberEnd;
    const previous = textAt(tokens, index - 1);
    const looksLikeTime =
      CLOCK_SUFFIX.test(normalised.slice(numberEnd)) ||
      ((previous === "at" || previous === "around" || previous === "by") &&
        Number.isInteger(reading.value) &&
        reading.value <= 12);
    const isOrdinal = touching && ORDINAL_SUFFIXES.has(following);
    if (bareArticle || looksLikeTime || isOrdinal) {
      index = next;
      continue;
    }
    push(index, next - 1, { value: reading.value, unit: null, kind: null, ...range });
    index = next;
  }
  return quantities;
}
