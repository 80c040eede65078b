// Feature extraction for the router. Training (scripts/train-router.ts) and the runtime (index.ts)
// both call this file, so a message is always turned into the same hashed features.
// Web APIs only: it runs inside Workers.

/** Longest input the router reads. Past this a message is almost never about a new domain, and
 * cutting it keeps the worst-case call time bounded. */
export const MAX_INPUT_CHARS = 4000;

// Emoji that name a food, a drink, a pill or a sport stand for that word ("🍕" alone is a meal).
const EMOJI_WORDS: Record<string, string> = {
  "🍕": "pizza",
  "🍔": "burger",
  "🍟": "fries",
  "🌭": "hotdog",
  "🥗": "salad",
  "🍎": "apple",
  "🍏": "apple",
  "🍌": "banana",
  "🥚": "egg",
  "🍳": "eggs",
  "🥓": "bacon",
  "🍞": "bread",
  "🥐": "croissant",
  "🥯": "bagel",
  "🧀": "cheese",
  "🍗": "chicken",
  "🍖": "meat",
  "🥩": "steak",
  "🍣": "sushi",
  "🍜": "ramen",
  "🍝": "pasta",
  "🍚": "rice",
  "🌮": "taco",
  "🌯": "burrito",
  "🥪": "sandwich",
  "🍰": "cake",
  "🎂": "cake",
  "🍩": "donut",
  "🍪": "cookie",
  "🍫": "chocolate",
  "🍦": "icecream",
  "🍨": "icecream",
  "🥜": "peanuts",
  "🥑": "avocado",
  "🥦": "broccoli",
  "🍓": "strawberries",
  "🍇": "grapes",
  "🍉": "watermelon",
  "🥤": "drink",
  "☕": "coffee",
  "🍵": "tea",
  "🍺": "beer",
  "🍻": "beers",
  "🍷": "wine",
  "🍸": "cocktail",
  "🥛": "milk",
  "🍽": "meal",
  "💊": "pill",
  "🏃": "run",
  "🏋": "lift",
  "🚴": "cycling",
  "🚲": "bike",
  "🏊": "swim",
  "🧘": "yoga",
  "⚖": "scale",
  "🥊": "boxing",
  "⚽": "football",
  "🏀": "basketball",
  "🎾": "tennis",
  "🧗": "climbing",
  "🚶": "walk",
  "😴": "sleep",
  "💤": "sleep",
};
const EMOJI_PATTERN = new RegExp(Object.keys(EMOJI_WORDS).join("|"), "gu");

/**
 * Lowercases, strips accents, unifies quotes and number separators, and drops apostrophes so
 * "didn't", "didn’t" and "didnt" become the same word.
 */
export function normalizeText(text: string): string {
  return (
    text
      .slice(0, MAX_INPUT_CHARS)
      .replace(EMOJI_PATTERN, (emoji) => ` ${EMOJI_WORDS[emoji]} `)
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      // "10,000 steps" is one number; "82,1 kg" is a European decimal.
      .replace(/(\d),(\d{3})(?!\d)/g, "$1$2")
      .replace(/(\d),(\d{1,2})(?!\d)/g, "$1.$2")
      .replace(/['’‘`´]/g, "")
      // "pre-workout" is a supplement and "post workout" a time; neither should lend "workout" to them.
      .replace(/\b(pre|post)[\s-]?(workout|wo)\b/g, "$1workout")
  );
}

// Phrases that try to override the assistant's instructions. Whatever else such a message names
// (a meal, a weight), it is not a request to log it, so it gets one shared, learnable feature.
const INJECTION_PATTERN =
  /\b(ignore|disregard|forget|override|bypass)\b.{0,30}\b(instructions?|prompts?|rules|programming|guidance|directions)\b|\bsystem\s*(prompt|override|message)\b|\b(developer|admin|god|dan)\s+mode\b|\bjailbreak|\byou\s+are\s+now\b|\bi\s+am\s+(the|your)\s+(developer|admin|creator)\b|\bas\s+your\s+(developer|admin|creator)\b|\bnew\s+(instructions|rule)s?\s*:|^\s*system\s*:|\bpretend\b.{0,40}\b(no|without)\s+(rules|restrictions|limits)\b|\byour\s+(system\s+|hidden\s+)?(prompt|instructions)\b|\bdrop\s+table\b|\bdelete\s+from\b|<\|im_start\|>|\[system\]/;

/**
 * Splits into words, numbers and the few symbols that carry meaning here ("%", "@", "+").
 * Letters and digits are split apart, so "100kg" gives "100" and "kg", and "5x5" gives "5", "x", "5".
 */
export function tokenize(normalized: string): string[] {
  return normalized.match(/\d+(?:\.\d+)?|\p{L}+|[%@+]/gu) ?? [];
}

const NUMBER_TOKEN = "#";

function isNumber(token: string): boolean {
  const first = token.charCodeAt(0);
  return first >= 48 && first <= 57;
}

/** "82.1" -> "#2.1", "2000" -> "#4": the shape of a number generalises where its value does not. */
function numberShape(token: string): string {
  const dot = token.indexOf(".");
  const integerDigits = Math.min(dot === -1 ? token.length : dot, 5);
  if (dot === -1) return `#${integerDigits}`;
  return `#${integerDigits}.${Math.min(token.length - dot - 1, 2)}`;
}

// FNV-1a, then a murmur3 finaliser so that the low bits used as the bucket index are well mixed.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

function hashString(hash: number, text: string): number {
  for (let index = 0; index < text.length; index++) hash = hashStep(hash, text.charCodeAt(index));
  return hash;
}

function finish(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

const WORD_SEED = hashString(FNV_OFFSET, "w:");
const BIGRAM_SEED = hashString(FNV_OFFSET, "b:");
const CHARACTER_SEED = hashString(FNV_OFFSET, "c:");
const SHORT_MESSAGE_SEED = hashString(FNV_OFFSET, "len:");
const MIXED_SEED = hashString(FNV_OFFSET, "m:");
const INJECTION_FEATURE = "<injection>";
const INJECTION_WEIGHT = 4;

/**
 * Hashed feature indices of a message, one entry per occurrence (a repeated feature counts twice).
 * Features: word unigrams, word bigrams (numbers replaced by "#", with start and end markers),
 * character 3-5-grams inside each word ("<chiken>" shares most of its grams with "<chicken>"),
 * number shapes, letter-digit shapes ("b#", "#kg"), an injection cue, and a marker for one- and
 * two-word messages. `bucketCount` must be a power of two.
 */
export function extractFeatures(text: string, bucketCount: number): number[] {
  const features: number[] = [];
  forEachFeature(text, bucketCount, (bucket) => features.push(bucket));
  return features;
}

/** The same features as extractFeatures, handed to `visit` one by one without building an array. */
export function forEachFeature(text: string, bucketCount: number, visit: (bucket: number) => void): void {
  const mask = bucketCount - 1;
  const normalized = normalizeText(text);
  const tokens = tokenize(normalized);
  let previous = "<s>";
  for (const token of tokens) {
    let word = token;
    if (isNumber(token)) {
      word = NUMBER_TOKEN;
      visit(finish(hashString(WORD_SEED, numberShape(token))) & mask);
      // Small raw values ("5" in 5x5, "3" in omega 3) recur and mean something; long ones do not.
      if (token.length <= 4) visit(finish(hashString(WORD_SEED, token)) & mask);
    } else if (token.length > 1) {
      visitCharacterGrams(token, mask, visit);
    }
    visit(finish(hashString(WORD_SEED, word)) & mask);
    visit(finish(hashString(hashStep(hashString(BIGRAM_SEED, previous), 32), word)) & mask);
    previous = word;
  }
  if (tokens.length > 0) {
    visit(finish(hashString(hashStep(hashString(BIGRAM_SEED, previous), 32), "</s>")) & mask);
  }
  visitMixedTokens(normalized, mask, visit);
  // Counted several times so that it is not drowned out by the words of the payload it carries.
  if (INJECTION_PATTERN.test(normalized)) {
    const injection = finish(hashString(WORD_SEED, INJECTION_FEATURE)) & mask;
    for (let copy = 0; copy < INJECTION_WEIGHT; copy++) visit(injection);
  }
  if (tokens.length > 0 && tokens.length <= 2) {
    visit(finish(hashStep(SHORT_MESSAGE_SEED, 48 + tokens.length)) & mask);
  }
}

/**
 * Letters and digits written together ("b12", "d3", "5x5", "100kg", "2000iu") say more than their
 * parts: each gives its shape with digits as "#" ("b#", "#x#", "#kg") and, when short, itself.
 */
function visitMixedTokens(normalized: string, mask: number, visit: (bucket: number) => void): void {
  for (const [chunk] of normalized.matchAll(/[\p{L}\d.]*\d[\p{L}\d.]*/gu)) {
    if (!/\p{L}/u.test(chunk)) continue;
    const trimmed = chunk.replace(/^\.+|\.+$/g, "");
    visit(finish(hashString(MIXED_SEED, trimmed.replace(/\d+(?:\.\d+)?/g, "#"))) & mask);
    if (trimmed.length <= 6) visit(finish(hashString(MIXED_SEED, trimmed)) & mask);
  }
}

const GRAM_START = 60; // "<"
const GRAM_END = 62; // ">"

function visitCharacterGrams(word: string, mask: number, visit: (bucket: number) => void): void {
  const length = word.length + 2;
  const codeAt = (index: number): number =>
    index === 0 ? GRAM_START : index === length - 1 ? GRAM_END : word.charCodeAt(index - 1);
  for (let start = 0; start + 3 <= length; start++) {
    let hash = hashStep(hashStep(hashStep(CHARACTER_SEED, codeAt(start)), codeAt(start + 1)), codeAt(start + 2));
    visit(finish(hash) & mask);
    for (let end = start + 3; end < Math.min(start + 5, length); end++) {
      hash = hashStep(hash, codeAt(end));
      visit(finish(hash) & mask);
    }
  }
}
