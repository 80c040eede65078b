// Deterministic text embeddings for the local engine, shaped like Workers AI's bge-base-en-v1.5
// (768 dimensions, unit length) so the same vector code works offline and in production.
//
// Each text becomes hashed features: stemmed word unigrams and bigrams, and character 3-5-grams
// of every word with boundary markers ("<egg", "ggs>") so spelling variants and typos still
// overlap. Features are hashed (FNV-1a, then the murmur3 finaliser) into 768 signed buckets,
// weighted by sublinear term frequency and, optionally, an IDF table, then L2-normalised.
// Signed hashing makes colliding features cancel on average instead of piling up.
import { normaliseText } from "../nlu/normalise.ts";

export const EMBEDDING_DIMENSIONS = 768;

export interface EmbedderOptions {
  /** Inverse document frequency per stemmed term (and per "term term" bigram), e.g. from learnIdf. */
  idf?: Map<string, number> | Record<string, number>;
  /** IDF for terms missing from the table; defaults to the table's largest value (rare = informative). */
  unknownIdf?: number;
}

export interface Embedder {
  dimensions: number;
  embed(text: string): Float32Array;
  embedMany(texts: readonly string[]): number[][];
}

// Relative weight of each feature family. Character grams are many per word, so each is light;
// together they carry about as much as the word itself.
const UNIGRAM_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.6;
const CHARACTER_GRAM_WEIGHT = 0.4;
const MIN_GRAM = 3;
const MAX_GRAM = 5;

/** Function words that say little about what a text is about; used only without an IDF table. */
const STOP_WORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "and",
  "or",
  "to",
  "in",
  "on",
  "at",
  "for",
  "with",
  "i",
  "my",
  "me",
  "is",
  "was",
  "it",
  "this",
  "that",
  "some",
  "be",
  "am",
  "are",
  "were",
]);
const STOP_WORD_FACTOR = 0.3;

// Feature families get different seeds so the word "egg" and the gram "egg" hash apart.
const UNIGRAM_SEED = 0x811c9dc5;
const BIGRAM_SEED = 0x050c5d1f;
const CHARACTER_SEED = 0x2f5a3c71;

function fnv1a(text: string, seed: number): number {
  let hash = seed;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's 32-bit finaliser: spreads FNV's weak low bits over the whole word. */
function mix(hash: number): number {
  let value = hash;
  value ^= value >>> 16;
  value = Math.imul(value, 0x85ebca6b);
  value ^= value >>> 13;
  value = Math.imul(value, 0xc2b2ae35);
  value ^= value >>> 16;
  return value >>> 0;
}

const VOWEL = /[aeiouy]/;

/**
 * Light suffix stripping so inflections meet: "eggs" -> "egg", "berries" -> "berry",
 * "tomatoes" -> "tomato", "scrambled"/"scramble"/"scrambling" -> "scrambl", "running" -> "run".
 * A final silent "e" is dropped so the base form and its "-ed"/"-ing" forms agree.
 */
export function stemWord(word: string): string {
  let stem = word.toLowerCase().replace(/'s$/, "").replace(/'/g, "");
  if (stem.length <= 3 || /\d/.test(stem)) return stem;

  if (stem.endsWith("ies") && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith("ied") && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith("sses")) stem = stem.slice(0, -2);
  else if (/(?:ch|sh|x|z|o)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.endsWith("s") && !/(?:ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  else if (stem.endsWith("ing") && stem.length > 5 && VOWEL.test(stem.slice(0, -3))) stem = undouble(stem.slice(0, -3));
  else if (stem.endsWith("ed") && !stem.endsWith("eed") && stem.length > 4 && VOWEL.test(stem.slice(0, -2))) {
    stem = undouble(stem.slice(0, -2));
  }

  if (stem.endsWith("e") && stem.length > 3 && !stem.endsWith("ee")) stem = stem.slice(0, -1);
  return stem;
}

/** "runn" -> "run", "chopp" -> "chop", but "grill", "stuff" and "press" keep their pair. */
function undouble(stem: string): string {
  const last = stem[stem.length - 1];
  if (last !== undefined && last === stem[stem.length - 2] && !"lsfz".includes(last) && !VOWEL.test(last)) {
    return stem.slice(0, -1);
  }
  return stem;
}

interface Word {
  raw: string;
  stem: string;
}

function words(text: string): Word[] {
  const cleaned = normaliseText(text).replace(/'/g, "");
  const found: Word[] = [];
  for (const match of cleaned.matchAll(/[\p{L}\p{N}]+/gu)) {
    found.push({ raw: match[0], stem: stemWord(match[0]) });
  }
  return found;
}

/** The stemmed terms and bigrams of a text, as keys an IDF table uses. */
export function embeddingTerms(text: string): string[] {
  const list = words(text);
  const terms = list.map((word) => word.stem);
  for (let index = 0; index + 1 < list.length; index += 1) {
    terms.push(`${list[index]?.stem} ${list[index + 1]?.stem}`);
  }
  return terms;
}

/**
 * Learns IDF weights from a corpus (for instance every food name and example phrase):
 * idf = ln((1 + N) / (1 + df)) + 1, for every stemmed term and bigram.
 */
export function learnIdf(texts: Iterable<string>): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  let count = 0;
  for (const text of texts) {
    count += 1;
    for (const term of new Set(embeddingTerms(text))) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const idf = new Map<string, number>();
  for (const [term, frequency] of documentFrequency) {
    idf.set(term, Math.log((1 + count) / (1 + frequency)) + 1);
  }
  return idf;
}

interface Feature {
  count: number;
  weight: number;
}

/** Creates an embedder, optionally weighting terms by an IDF table. */
export function createEmbedder(options: EmbedderOptions = {}): Embedder {
  const table =
    options.idf === undefined ? null : options.idf instanceof Map ? options.idf : new Map(Object.entries(options.idf));
  let unknownIdf = options.unknownIdf ?? 1;
  if (table !== null && options.unknownIdf === undefined) {
    for (const value of table.values()) unknownIdf = Math.max(unknownIdf, value);
  }

  const termWeight = (stem: string): number => {
    if (table !== null) return table.get(stem) ?? unknownIdf;
    return STOP_WORDS.has(stem) ? STOP_WORD_FACTOR : 1;
  };

  const embed = (text: string): Float32Array => {
    const features = new Map<number, Feature>();
    const add = (hash: number, weight: number): void => {
      const feature = features.get(hash);
      if (feature === undefined) features.set(hash, { count: 1, weight });
      else {
        feature.count += 1;
        feature.weight += weight;
      }
    };

    const list = words(text);
    for (let index = 0; index < list.length; index += 1) {
      const word = list[index] as Word;
      const weight = termWeight(word.stem);
      add(fnv1a(word.stem, UNIGRAM_SEED), UNIGRAM_WEIGHT * weight);

      const next = list[index + 1];
      if (next !== undefined) {
        const bigram = `${word.stem} ${next.stem}`;
        const bigramIdf = table?.get(bigram) ?? (weight + termWeight(next.stem)) / 2;
        add(fnv1a(bigram, BIGRAM_SEED), BIGRAM_WEIGHT * bigramIdf);
      }

      // Character grams of the marked word, hashed incrementally without building substrings.
      const marked = `<${word.raw}>`;
      const gramWeight = CHARACTER_GRAM_WEIGHT * weight;
      for (let start = 0; start < marked.length; start += 1) {
        let hash = CHARACTER_SEED;
        for (let length = 1; length <= MAX_GRAM && start + length <= marked.length; length += 1) {
          hash ^= marked.charCodeAt(start + length - 1);
          hash = Math.imul(hash, 0x01000193);
          if (length >= MIN_GRAM) add((hash ^ length) >>> 0, gramWeight);
        }
      }
    }

    const vector = new Float32Array(EMBEDDING_DIMENSIONS);
    for (const [hash, feature] of features) {
      const mixed = mix(hash);
      const bucket = mixed % EMBEDDING_DIMENSIONS;
      const sign = mixed & 0x80000000 ? -1 : 1;
      // Sublinear term frequency: a word said three times is not three times as important.
      const averageWeight = feature.weight / feature.count;
      vector[bucket] = (vector[bucket] ?? 0) + sign * (1 + Math.log(feature.count)) * averageWeight;
    }

    let norm = 0;
    for (let index = 0; index < vector.length; index += 1) norm += (vector[index] ?? 0) ** 2;
    if (norm > 0) {
      const scale = 1 / Math.sqrt(norm);
      for (let index = 0; index < vector.length; index += 1) vector[index] = (vector[index] ?? 0) * scale;
    }
    return vector;
  };

  return {
    dimensions: EMBEDDING_DIMENSIONS,
    embed,
    embedMany: (texts) => texts.map((text) => toPlainArray(embed(text))),
  };
}

/**
 * A typed array copied into a plain array. Preallocating and filling measured about 12 times
 * faster than Array.from and 2.5 times faster than push for 768 numbers (node 22).
 */
function toPlainArray(vector: Float32Array): number[] {
  // oxlint-disable-next-line unicorn/no-new-array -- the argument is a length, on purpose (see above)
  const plain = new Array<number>(vector.length);
  for (let index = 0; index < vector.length; index += 1) plain[index] = vector[index] ?? 0;
  return plain;
}

const defaultEmbedder = createEmbedder();

/** The embedding of one text: 768 numbers, unit length (all zeros for text without words). */
export function embedText(text: string): Float32Array {
  return defaultEmbedder.embed(text);
}

/** Embeddings of many texts as plain arrays, the shape EmbedResponse.vectors carries. */
export function embedTexts(texts: readonly string[]): number[][] {
  return defaultEmbedder.embedMany(texts);
}

/** Cosine similarity of two vectors of the same length; 0 when either is all zeros. */
export function cosineSimilarity(left: ArrayLike<number>, right: ArrayLike<number>): number {
  if (left.length !== right.length) {
    throw new RangeError(`cosineSimilarity needs vectors of equal length, got ${left.length} and ${right.length}`);
  }
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < left.length; index += 1) {
    const a = left[index] ?? 0;
    const b = right[index] ?? 0;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  if (leftNorm === 0 || rightNorm === 0) return 0;
  return dot / Math.sqrt(leftNorm * rightNorm);
}
