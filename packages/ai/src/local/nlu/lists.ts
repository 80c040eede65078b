// Splitting "x and y, plus z", "x with y", "x, y & z", "x then y" into item phrases, without
// breaking dishes whose name holds an "and" ("mac and cheese") or amounts ("one and a half cups").
import { normaliseForMatching } from "./normalise.ts";

/**
 * Dishes and pairings that are one item although their name has "and" in it. Domains can pass
 * more through `splitList(text, { compounds })`. "&", "n" and "'n'" are accepted for the "and".
 */
export const COMPOUND_FOODS: readonly string[] = [
  "mac and cheese",
  "macaroni and cheese",
  "salt and pepper",
  "salt and vinegar",
  "sweet and sour",
  "sweet and spicy",
  "hot and sour",
  "peanut butter and jelly",
  "peanut butter and jam",
  "pb and j",
  "fish and chips",
  "bread and butter",
  "rice and beans",
  "beans and rice",
  "surf and turf",
  "ham and cheese",
  "cheese and onion",
  "cheese and ham",
  "egg and cheese",
  "bacon egg and cheese",
  "bacon and egg sandwich",
  "spaghetti and meatballs",
  "bangers and mash",
  "biscuits and gravy",
  "chicken and waffles",
  "cookies and cream",
  "cookies and cream ice cream",
  "strawberries and cream",
  "shrimp and grits",
  "half and half",
  "steak and kidney",
  "steak and ale",
  "franks and beans",
  "pork and beans",
  "bubble and squeak",
  "cream and sugar",
  "milk and sugar",
  "oil and vinegar",
  "lox and bagel",
  "chips and salsa",
  "chips and guac",
  "hummus and pita",
  "pita and hummus",
  "apples and peanut butter",
  "black and white cookie",
  "salt and vinegar crisps",
  "salt and vinegar chips",
  "ben and jerry's",
];

export interface SplitListOptions {
  /** Extra compound names to keep whole, in the same "x and y" form as COMPOUND_FOODS. */
  compounds?: readonly string[];
}

// Listed longest first so ", and then" wins over ",".
const SEPARATOR =
  /\s*(?:,\s*(?:and\s+then|and\s+also|and|plus|then|&|with)\b|,|;|\n|\s\+\s|\+|\band\s+then\b|\band\s+also\b|\bas\s+well\s+as\b|\balong\s+with\b|\btogether\s+with\b|\bfollowed\s+by\b|\bplus\b|\bthen\b|\band\b|\bwith\b|\s&\s)\s*/g;

/** "and a half", "and three quarters": the "and" of an amount, never a separator. */
const AMOUNT_AND = /\band\s+(?:a|an|one|two|three)\s+(?:half|quarter|quarters|third|thirds)\b/g;

const LEADING_FILLER = /^(?:(?:(?:and|also|then|plus|with|or)\b|&|-|\*|•|\d+[.)](?=\s))\s*)+/i;

function compoundPattern(compound: string): RegExp {
  const parts = normaliseForMatching(compound)
    .trim()
    .split(/\s+and\s+/)
    .map((part) =>
      part
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        .replace(/\s+/g, "\\s+"),
    );
  return new RegExp(`\\b${parts.join("\\s*(?:and|&|'?n'?)\\s*")}\\b`, "g");
}

const DEFAULT_PATTERNS = COMPOUND_FOODS.map(compoundPattern);

/**
 * Splits a list of items into their phrases, as substrings of the original text with
 * connecting words and trailing punctuation removed:
 * "2 eggs and toast, plus a coffee" -> ["2 eggs", "toast", "a coffee"];
 * "mac and cheese with a coke" -> ["mac and cheese", "a coke"].
 */
export function splitList(text: string, options: SplitListOptions = {}): string[] {
  // Newlines separate items in pasted lists, so they survive normalisation here.
  const normalised = normaliseForMatching(text, { keepNewlines: true });
  const protectedSpans: { start: number; end: number }[] = [];
  const patterns = [...DEFAULT_PATTERNS, ...(options.compounds ?? []).map(compoundPattern)];
  for (const pattern of [...patterns, AMOUNT_AND]) {
    pattern.lastIndex = 0;
    for (const match of normalised.matchAll(pattern)) {
      protectedSpans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  // Commas inside numbers ("1,5 kg", "1,000 steps") are not separators either.
  for (const match of normalised.matchAll(/\d,\d/g)) {
    protectedSpans.push({ start: match.index, end: match.index + match[0].length });
  }

  const isProtected = (start: number, end: number): boolean =>
    protectedSpans.some((span) => start < span.end && end > span.start);

  const items: string[] = [];
  let itemStart = 0;
  SEPARATOR.lastIndex = 0;
  for (const match of normalised.matchAll(SEPARATOR)) {
    const separatorStart = match.index;
    const separatorEnd = separatorStart + match[0].length;
    const core = match[0].trim();
    const coreStart = separatorStart + match[0].indexOf(core);
    if (core !== "" && isProtected(coreStart, coreStart + core.length)) continue;
    items.push(text.slice(itemStart, separatorStart));
    itemStart = separatorEnd;
  }
  items.push(text.slice(itemStart));

  return items
    .map((item) =>
      item
        .trim()
        .replace(LEADING_FILLER, "")
        .replace(/[\s.,;:!?]+$/, "")
        .trim(),
    )
    .filter((item) => item !== "");
}
