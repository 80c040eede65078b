// Numbers as people type them: digits ("1.5", "1,5", "1,500"), fractions ("1/2", "½", "1 1/2"),
// words ("twenty-five", "a couple", "a few", "half a dozen", "one and a half") and ranges
// ("2-3", "2 to 3", "2 or 3"). Ranges report their midpoint as the value plus min and max.
import { tokenise, type WordToken } from "./normalise.ts";

export interface NumberReading {
  /** The number; for a range, its midpoint. */
  value: number;
  /** Set for ranges ("2-3", "two or three"). */
  min?: number;
  max?: number;
  /** How many tokens the number phrase used. */
  tokenCount: number;
}

export interface NumberSpan {
  value: number;
  min?: number;
  max?: number;
  /** Offsets into the original text. */
  start: number;
  end: number;
  text: string;
}

export interface ReadNumberOptions {
  /** Read a bare "a"/"an" as 1 ("a cup"). Off by default: most articles are not counts. */
  allowArticle?: boolean;
  /** Read "2-3", "2 to 3", "2 or 3" as a range. On by default. */
  allowRange?: boolean;
}

const UNIT_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS_WORDS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const VULGAR_FRACTIONS: Record<string, number> = {
  "½": 1 / 2,
  "¼": 1 / 4,
  "¾": 3 / 4,
  "⅓": 1 / 3,
  "⅔": 2 / 3,
  "⅛": 1 / 8,
  "⅜": 3 / 8,
  "⅝": 5 / 8,
  "⅞": 7 / 8,
  "⅕": 1 / 5,
};

/** Vague amounts people use as counts. "A few" is read as 3, as the brief for the domains asks. */
const VAGUE_WORDS: Record<string, number> = {
  couple: 2,
  pair: 2,
  few: 3,
  several: 3,
  single: 1,
  dozen: 12,
  half: 0.5,
  quarter: 0.25,
  third: 1 / 3,
  both: 2,
};

const FRACTION_DENOMINATORS: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
};

/** The value of a single number word ("seven", "twenty", "dozen", "½"), or null. */
export function numberWordValue(word: string): number | null {
  const lower = word.toLowerCase();
  return UNIT_WORDS[lower] ?? TENS_WORDS[lower] ?? VULGAR_FRACTIONS[lower] ?? VAGUE_WORDS[lower] ?? null;
}

/** Parses a digit token: "12", "1.5", "1,5" (decimal comma) or "1,500" (thousands separator). */
export function parseDigitToken(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  if (/^\d+\.\d+$/.test(token)) return Number(token);
  // A comma followed by exactly three digits groups thousands ("1,500"); otherwise it is the
  // decimal comma most of Europe writes ("1,5 kg").
  if (/^\d{1,3},\d{3}$/.test(token)) return Number(token.replace(",", ""));
  if (/^\d+,\d+$/.test(token)) return Number(token.replace(",", "."));
  return null;
}

function textAt(tokens: WordToken[], index: number): string | undefined {
  return tokens[index]?.text;
}

/** True when two tokens touch with no whitespace between them. */
function adjacent(tokens: WordToken[], left: number, right: number): boolean {
  const a = tokens[left];
  const b = tokens[right];
  return a !== undefined && b !== undefined && a.end === b.start;
}

interface SimpleReading {
  value: number;
  tokenCount: number;
}

/** A digit number, possibly with a fraction: "3", "1.5", "1/2", "1 1/2", "1½". */
function readDigits(tokens: WordToken[], index: number): SimpleReading | null {
  const first = textAt(tokens, index);
  if (first === undefined) return null;
  const vulgar = VULGAR_FRACTIONS[first];
  if (vulgar !== undefined) return { value: vulgar, tokenCount: 1 };
  const whole = parseDigitToken(first);
  if (whole === null) return null;

  // "1/2": numerator, slash, denominator.
  if (textAt(tokens, index + 1) === "/" && /^\d+$/.test(first)) {
    const denominator = parseDigitToken(textAt(tokens, index + 2) ?? "");
    if (denominator !== null && denominator !== 0) {
      return { value: whole / denominator, tokenCount: 3 };
    }
  }
  // "1½" or "1 ½".
  const nextVulgar = VULGAR_FRACTIONS[textAt(tokens, index + 1) ?? ""];
  if (nextVulgar !== undefined) return { value: whole + nextVulgar, tokenCount: 2 };
  // "1 1/2": a whole number followed by a proper fraction.
  if (
    /^\d+$/.test(first) &&
    !adjacent(tokens, index, index + 1) &&
    /^\d+$/.test(textAt(tokens, index + 1) ?? "") &&
    textAt(tokens, index + 2) === "/"
  ) {
    const numerator = Number(textAt(tokens, index + 1));
    const denominator = parseDigitToken(textAt(tokens, index + 3) ?? "");
    if (denominator !== null && denominator > numerator && denominator !== 0) {
      return { value: whole + numerator / denominator, tokenCount: 4 };
    }
  }
  return { value: whole, tokenCount: 1 };
}

/** A cardinal in words: "seven", "twenty five", "twenty-five", "two hundred and fifty". */
function readCardinalWords(tokens: WordToken[], index: number): SimpleReading | null {
  let total = 0;
  let current = 0;
  let last: "none" | "unit" | "tens" | "hundred" | "thousand" = "none";
  let position = index;
  let used = 0;
  while (position < tokens.length) {
    const word = textAt(tokens, position) ?? "";
    const next = textAt(tokens, position + 1) ?? "";
    const unit = UNIT_WORDS[word];
    const tens = TENS_WORDS[word];
    if (tens !== undefined && (last === "none" || last === "hundred" || last === "thousand")) {
      current += tens;
      last = "tens";
    } else if (
      unit !== undefined &&
      (last === "none" || last === "hundred" || last === "thousand" || (last === "tens" && unit > 0 && unit < 10))
    ) {
      current += unit;
      last = "unit";
    } else if (word === "hundred" && (last === "unit" || last === "tens")) {
      current *= 100;
      last = "hundred";
    } else if (word === "thousand" && last !== "none" && last !== "thousand") {
      total += current * 1000;
      current = 0;
      last = "thousand";
    } else if (word === "-" && last === "tens" && (UNIT_WORDS[next] ?? 0) > 0 && (UNIT_WORDS[next] ?? 10) < 10) {
      // "twenty-five": the hyphen only joins a tens word to a following unit word.
      position += 1;
      continue;
    } else if (
      word === "and" &&
      (last === "hundred" || last === "thousand") &&
      (UNIT_WORDS[next] !== undefined || TENS_WORDS[next] !== undefined)
    ) {
      position += 1;
      continue;
    } else {
      break;
    }
    position += 1;
    used = position - index;
  }
  if (last === "none") return null;
  return { value: total + current, tokenCount: used };
}

/** "a quarter", "three quarters", "two thirds", "a half". */
function readWordFraction(tokens: WordToken[], index: number): SimpleReading | null {
  const first = textAt(tokens, index) ?? "";
  const numerator = first === "a" || first === "an" || first === "one" ? 1 : UNIT_WORDS[first];
  if (numerator === undefined || numerator === 0) return null;
  const denominator = FRACTION_DENOMINATORS[textAt(tokens, index + 1) ?? ""];
  if (denominator === undefined) return null;
  return { value: numerator / denominator, tokenCount: 2 };
}

/** One number without ranges or "and a half": digits, words, dozens and vague amounts. */
function readSimple(tokens: WordToken[], index: number, allowArticle: boolean): SimpleReading | null {
  const first = textAt(tokens, index);
  if (first === undefined) return null;
  const isArticle = first === "a" || first === "an";

  // "half a dozen", "half dozen".
  if (first === "half") {
    const afterArticle = textAt(tokens, index + 1) === "a" ? index + 2 : index + 1;
    if (textAt(tokens, afterArticle) === "dozen") return { value: 6, tokenCount: afterArticle - index + 1 };
  }

  const fraction = readWordFraction(tokens, index);
  if (fraction !== null) return fraction;

  if (isArticle) {
    const next = textAt(tokens, index + 1) ?? "";
    const vague = VAGUE_WORDS[next];
    if (vague !== undefined && next !== "both" && next !== "several") {
      return { value: vague, tokenCount: 2 };
    }
    if (next === "hundred") return { value: 100, tokenCount: 2 };
    if (next === "thousand") return { value: 1000, tokenCount: 2 };
    return allowArticle ? { value: 1, tokenCount: 1 } : null;
  }

  const digits = readDigits(tokens, index);
  const words = digits === null ? readCardinalWords(tokens, index) : null;
  const base = digits ?? words;
  if (base !== null) {
    // "two dozen", "3 dozen".
    if (textAt(tokens, index + base.tokenCount) === "dozen") {
      return { value: base.value * 12, tokenCount: base.tokenCount + 1 };
    }
    return base;
  }

  const vague = VAGUE_WORDS[first];
  if (vague !== undefined && first !== "third" && first !== "quarter") return { value: vague, tokenCount: 1 };
  return null;
}

/**
 * Reads the number phrase starting at `tokens[index]`, or returns null when there is none.
 * Handles "one and a half", "2 and a quarter", ranges, and swallows a trailing "of"
 * only for vague amounts ("a couple of").
 */
export function readNumberAt(
  tokens: WordToken[],
  index: number,
  options: ReadNumberOptions = {},
): NumberReading | null {
  const allowArticle = options.allowArticle ?? false;
  const allowRange = options.allowRange ?? true;
  const simple = readSimple(tokens, index, allowArticle);
  if (simple === null) return null;
  let value = simple.value;
  let count = simple.tokenCount;

  // "one and a half", "2 and a quarter", "two and three quarters".
  if (textAt(tokens, index + count) === "and") {
    const fraction = readWordFraction(tokens, index + count + 1);
    if (fraction !== null && fraction.value < 1) {
      value += fraction.value;
      count += 1 + fraction.tokenCount;
    }
  }

  if (allowRange) {
    const separator = textAt(tokens, index + count);
    if (separator === "-" || separator === "to" || separator === "or") {
      // A third number joined by a hyphen is a date ("2026-11-20"), not a range.
      const upper = readSimple(tokens, index + count + 1, false);
      const isDate =
        separator === "-" && upper !== null && textAt(tokens, index + count + 1 + upper.tokenCount) === "-";
      if (upper !== null && !isDate && upper.value > value) {
        const min = value;
        const max = upper.value;
        return { value: (min + max) / 2, min, max, tokenCount: count + 1 + upper.tokenCount };
      }
    }
  }
  return { value, tokenCount: count };
}

/**
 * Parses text that is entirely a number phrase: "two", "a couple", "1,5", "½", "2-3" (midpoint 2.5),
 * "one and a half", "a dozen". Returns null when the text holds anything else.
 */
export function parseNumber(text: string): number | null {
  const reading = parseNumberRange(text);
  return reading === null ? null : reading.value;
}

/** Like `parseNumber`, but keeps a range's bounds: "2-3" -> { value: 2.5, min: 2, max: 3 }. */
export function parseNumberRange(text: string): { value: number; min?: number; max?: number } | null {
  const tokens = tokenise(text);
  if (tokens.length === 0) return null;
  const reading = readNumberAt(tokens, 0, { allowArticle: true });
  if (reading === null) return null;
  let end = reading.tokenCount;
  if (textAt(tokens, end) === "of") end += 1;
  if (end !== tokens.length) return null;
  const result: { value: number; min?: number; max?: number } = { value: reading.value };
  if (reading.min !== undefined) result.min = reading.min;
  if (reading.max !== undefined) result.max = reading.max;
  return result;
}

/** How many tokens from `index` form a clock time ("18:30") or an ISO date, which are not amounts; 0 if none. */
export function isTimeOrDateAt(tokens: WordToken[], index: number): number {
  const first = textAt(tokens, index) ?? "";
  if (!/^\d+$/.test(first)) return 0;
  if (textAt(tokens, index + 1) === ":" && /^\d{2}$/.test(textAt(tokens, index + 2) ?? "")) return 3;
  if (
    /^\d{4}$/.test(first) &&
    textAt(tokens, index + 1) === "-" &&
    /^\d{1,2}$/.test(textAt(tokens, index + 2) ?? "") &&
    textAt(tokens, index + 3) === "-"
  ) {
    return 5;
  }
  return 0;
}

/** True for digits glued to the word before them, as in "B12", "D3" or "omega3": names, not amounts. */
export function isGluedToWord(tokens: WordToken[], index: number): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  return (
    token !== undefined &&
    previous !== undefined &&
    previous.end === token.start &&
    /^\d/.test(token.text) &&
    /^\p{L}/u.test(previous.text)
  );
}

/** Every number phrase in the text, with offsets into the original string. */
export function findNumbers(text: string, options: ReadNumberOptions = {}): NumberSpan[] {
  const tokens = tokenise(text);
  const spans: NumberSpan[] = [];
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
    const reading = readNumberAt(tokens, index, options);
    if (reading === null) {
      index += 1;
      continue;
    }
    const startToken = tokens[index];
    const endToken = tokens[index + reading.tokenCount - 1];
    if (startToken !== undefined && endToken !== undefined) {
      const span: NumberSpan = {
        value: reading.value,
        start: startToken.start,
        end: endToken.end,
        text: text.slice(startToken.start, endToken.end),
      };
      if (reading.min !== undefined) span.min = reading.min;
      if (reading.max !== undefined) span.max = reading.max;
      spans.push(span);
    }
    index += reading.tokenCount;
  }
  return spans;
}
