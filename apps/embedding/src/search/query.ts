// What a food query asks for, beyond its words: nutrient wishes ("high protein", "low carb",
// "under 200 kcal") become filters or a nutrient-density sort, meal context ("for a quick lunch")
// becomes a preference for ready-to-eat foods, and the remaining words become search terms with
// synonyms and spelling corrections against the indexed vocabulary.
import { SYNONYMS } from "./synonyms.ts";
import { editDistance, foldText, stem, terms as textTerms, words } from "./text.ts";

/** Per 100 g, like every nutrient in the dataset. */
export interface QueryFilters {
  maxEnergyKcal?: number;
  minProteinG?: number;
  maxCarbohydrateG?: number;
  maxFatG?: number;
  group?: string;
}

/** Orders by a nutrient per 100 kcal (density) or per 100 g. */
export type NutrientSort = "protein-density" | "fiber-density" | "low-sugar" | "low-sodium";

export interface QueryTerm {
  /** The words as the user wrote them. */
  label: string;
  /** Ways to match, each a set of stemmed terms that must all occur in the name. */
  alternatives: string[][];
  /** Required terms must match (FTS AND); optional ones (numbers, unknown words) only add score. */
  required: boolean;
  /** How the term was read: "synonym of oj", "spelling of brocoli", ... */
  note?: string;
  /** The words the vector side embeds for this term. */
  embedText: string;
  /** A spelling correction found in the vocabulary: it counts, but less than the words as written. */
  corrected?: string;
}

export interface UnderstoodQuery {
  /** The words searched for, after nutrient and context phrases were taken out. */
  text: string;
  /** The text the vector side embeds: synonyms and spelling corrections applied. */
  embeddingText: string;
  terms: QueryTerm[];
  filters: QueryFilters;
  sort?: NutrientSort;
  /** "ready-to-eat" when the query asks for something quick. */
  context?: "ready-to-eat";
  /** Human-readable notes on how the query was read. */
  notes: string[];
}

/** Term -> number of foods it occurs in (the FTS vocabulary). */
export type Vocabulary = ReadonlyMap<string, number>;

// Thresholds follow the FDA nutrient-content claims (21 CFR 101.13, 101.54, 101.56, 101.62),
// in their per-100 g form for meals and main dishes where one exists: "low fat" is at most 3 g per
// 100 g, "low calorie" at most 120 kcal per 100 g. "Low carb" has no FDA definition; 10 g per
// 100 g is the common label threshold.
const LOW_FAT_G = 3;
const LOW_CALORIE_KCAL = 120;
const LOW_CARB_G = 10;
const NO_CARB_G = 5;

interface PhraseRule {
  pattern: RegExp;
  apply(match: RegExpMatchArray, query: MutableQuery): string;
}

interface MutableQuery {
  filters: QueryFilters;
  sort?: NutrientSort;
  context?: "ready-to-eat";
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const AT_MOST = String.raw`(?:under|below|less than|fewer than|at most|max(?:imum)?|no more than|up to|<=?|lower than)`;
const AT_LEAST = String.raw`(?:over|above|more than|at least|min(?:imum)?|>=?|greater than|no less than)`;
const KCAL = String.raw`(?:kcals?|cals?|calories?|kilocalories?)`;
const GRAMS = String.raw`(?:g|grams?|gr)`;
const PROTEIN = String.raw`(?:protein)`;
const CARBS = String.raw`(?:carbs?|carbohydrates?)`;
const FAT = String.raw`(?:fats?)`;

function tighterMax(current: number | undefined, value: number): number {
  return current === undefined ? value : Math.min(current, value);
}

function tighterMin(current: number | undefined, value: number): number {
  return current === undefined ? value : Math.max(current, value);
}

const RULES: PhraseRule[] = [
  {
    pattern: new RegExp(String.raw`\b${AT_MOST}\s*${NUMBER}\s*${KCAL}\b`, "g"),
    apply: (match, query) => {
      query.filters.maxEnergyKcal = tighterMax(query.filters.maxEnergyKcal, Number(match[1]));
      return `at most ${match[1]} kcal per 100 g`;
    },
  },
  {
    pattern: new RegExp(String.raw`\b${NUMBER}\s*${KCAL}\s*or (?:less|fewer|under)\b`, "g"),
    apply: (match, query) => {
      query.filters.maxEnergyKcal = tighterMax(query.filters.maxEnergyKcal, Number(match[1]));
      return `at most ${match[1]} kcal per 100 g`;
    },
  },
  {
    pattern: new RegExp(String.raw`\b(?:with\s+)?${AT_LEAST}\s*${NUMBER}\s*${GRAMS}?\s*(?:of\s+)?${PROTEIN}\b`, "g"),
    apply: (match, query) => {
      query.filters.minProteinG = tighterMin(query.filters.minProteinG, Number(match[1]));
      return `at least ${match[1]} g protein per 100 g`;
    },
  },
  {
    pattern: new RegExp(String.raw`\b(?:with\s+)?${AT_MOST}\s*${NUMBER}\s*${GRAMS}?\s*(?:of\s+)?${CARBS}\b`, "g"),
    apply: (match, query) => {
      query.filters.maxCarbohydrateG = tighterMax(query.filters.maxCarbohydrateG, Number(match[1]));
      return `at most ${match[1]} g carbohydrate per 100 g`;
    },
  },
  {
    pattern: new RegExp(String.raw`\b(?:with\s+)?${AT_MOST}\s*${NUMBER}\s*${GRAMS}?\s*(?:of\s+)?${FAT}\b`, "g"),
    apply: (match, query) => {
      query.filters.maxFatG = tighterMax(query.filters.maxFatG, Number(match[1]));
      return `at most ${match[1]} g fat per 100 g`;
    },
  },
  {
    pattern:
      /\b(?:high|higher|rich|loaded|packed|lots)(?:[- ](?:in|with|of))?[- ]protein\b|\bprotein[- ](?:rich|packed|heavy)\b/g,
    apply: (_match, query) => {
      query.sort = "protein-density";
      return "sorted by protein per 100 kcal (high protein)";
    },
  },
  {
    pattern: /\b(?:high|higher|rich|lots)(?:[- ](?:in|of))?[- ]fib(?:er|re)\b/g,
    apply: (_match, query) => {
      query.sort = "fiber-density";
      return "sorted by fiber per 100 kcal (high fiber)";
    },
  },
  {
    pattern: /\b(?:no|zero)[- ]carbs?\b|\bketo(?:[- ]friendly)?\b/g,
    apply: (_match, query) => {
      query.filters.maxCarbohydrateG = tighterMax(query.filters.maxCarbohydrateG, NO_CARB_G);
      return `at most ${NO_CARB_G} g carbohydrate per 100 g (no carb)`;
    },
  },
  {
    pattern: /\b(?:low|lower|reduced)[- ]carb(?:s|ohydrates?)?\b/g,
    apply: (_match, query) => {
      query.filters.maxCarbohydrateG = tighterMax(query.filters.maxCarbohydrateG, LOW_CARB_G);
      return `at most ${LOW_CARB_G} g carbohydrate per 100 g (low carb)`;
    },
  },
  {
    pattern: /\blow[- ]fat\b|\blowfat\b/g,
    apply: (_match, query) => {
      query.filters.maxFatG = tighterMax(query.filters.maxFatG, LOW_FAT_G);
      return `at most ${LOW_FAT_G} g fat per 100 g (low fat)`;
    },
  },
  {
    pattern: /\b(?:low|lower)[- ](?:cal|cals|calorie|calories|kcal|energy)\b/g,
    apply: (_match, query) => {
      query.filters.maxEnergyKcal = tighterMax(query.filters.maxEnergyKcal, LOW_CALORIE_KCAL);
      return `at most ${LOW_CALORIE_KCAL} kcal per 100 g (low calorie)`;
    },
  },
  {
    pattern: /\blow[- ]sugar\b/g,
    apply: (_match, query) => {
      query.sort = "low-sugar";
      return "sorted by least sugar per 100 g (low sugar)";
    },
  },
  {
    pattern: /\blow[- ](?:sodium|salt)\b/g,
    apply: (_match, query) => {
      query.sort = "low-sodium";
      return "sorted by least sodium per 100 g (low sodium)";
    },
  },
  {
    pattern:
      /\b(?:for|as)\s+(?:a\s+|an\s+|my\s+)?(?:(quick|fast|easy|light|healthy|simple)\s+)?(breakfast|brunch|lunch|dinner|supper|snack|meal)\b|\b(?:quick|fast|easy|on[- ]the[- ]go|grab[- ]and[- ]go)\s+(breakfast|brunch|lunch|dinner|supper|snack|meal|bite)\b/g,
    apply: (match, query) => {
      const quick = match[0].match(/\b(quick|fast|easy|on[- ]the[- ]go|grab[- ]and[- ]go)\b/);
      if (quick) {
        query.context = "ready-to-eat";
        return `prefer ready-to-eat foods (${match[0].trim()})`;
      }
      return `meal context "${match[0].trim()}" (not a food word)`;
    },
  },
];

/** Words that carry no food meaning in a search ("a bowl of rice" searches "rice"). */
const STOP_WORDS = new Set([
  "a",
  "an",
  "the",
  "some",
  "of",
  "and",
  "or",
  "with",
  "for",
  "in",
  "on",
  "to",
  "my",
  "me",
  "i",
  "had",
  "have",
  "ate",
  "eat",
  "eating",
  "just",
  "food",
  "foods",
  "please",
  "like",
  "any",
  "something",
  "what",
  "is",
  "are",
  "good",
  "best",
  "healthy",
  "nice",
  "n",
  "plus",
]);

/** Measure words dropped after a number or an article ("2 cups of rice", "a slice of pizza"). */
const MEASURE_WORDS = new Set([
  "cup",
  "cups",
  "tbsp",
  "tsp",
  "tablespoon",
  "tablespoons",
  "teaspoon",
  "teaspoons",
  "g",
  "gram",
  "grams",
  "kg",
  "oz",
  "ounce",
  "ounces",
  "lb",
  "lbs",
  "pound",
  "pounds",
  "ml",
  "slice",
  "slices",
  "piece",
  "pieces",
  "serving",
  "servings",
  "bowl",
  "bowls",
  "glass",
  "glasses",
  "handful",
  "handfuls",
  "scoop",
  "scoops",
  "portion",
  "portions",
  "can",
  "cans",
  "bottle",
  "bottles",
  "mug",
  "plate",
  "plates",
]);
const COUNT_WORDS = new Set(["a", "an", "one", "two", "three", "four", "five", "six", "half", "couple", "few", "some"]);

interface SynonymEntry {
  phrase: string[];
  alternatives: string[][];
  /** The alternatives as words, for embedding. */
  text: string;
}

const SYNONYM_ENTRIES: SynonymEntry[] = SYNONYMS.map(([phrase, alternatives]) => ({
  phrase: textTerms(phrase).filter((term) => !STOP_WORDS.has(term)),
  alternatives: alternatives.map((alternative) => textTerms(alternative).filter((term) => !STOP_WORDS.has(term))),
  text: alternatives.join(" "),
}))
  // Longest phrases first, so "soy milk" wins over a shorter entry inside it.
  .sort((left, right) => right.phrase.length - left.phrase.length);

function stripMeasures(tokens: string[]): string[] {
  const kept: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const previous = tokens[index - 1];
    const quantityBefore = previous !== undefined && (/^\d/.test(previous) || COUNT_WORDS.has(previous));
    if (MEASURE_WORDS.has(token) && (quantityBefore || index === 0)) {
      // "2 cups": the number went with the measure.
      if (previous !== undefined && /^\d/.test(previous)) kept.pop();
      continue;
    }
    kept.push(token);
  }
  return kept;
}

/** The vocabulary term closest to `term` within a typo budget, preferring common terms. */
export function correctSpelling(term: string, vocabulary: Vocabulary): string | null {
  if (term.length < 4 || /\d/.test(term)) return null;
  const budget = term.length >= 7 ? 2 : 1;
  let best: { term: string; distance: number; documents: number } | null = null;
  for (const [candidate, documents] of vocabulary) {
    if (Math.abs(candidate.length - term.length) > budget || /\d/.test(candidate)) continue;
    const distance = editDistance(term, candidate, budget);
    if (distance > budget) continue;
    if (best === null || distance < best.distance || (distance === best.distance && documents > best.documents)) {
      best = { term: candidate, distance, documents };
    }
  }
  return best?.term ?? null;
}

function known(alternative: string[], vocabulary: Vocabulary): boolean {
  return alternative.every((term) => vocabulary.has(term));
}

/**
 * Reads a query. `vocabulary` is the indexed terms with document counts; without one (an empty
 * map) every word is taken as written.
 */
export function understandQuery(query: string, vocabulary: Vocabulary): UnderstoodQuery {
  let text = ` ${foldText(query)
    .replace(/[^\p{L}\p{N}%.<>=/&' -]+/gu, " ")
    .replace(/\s+/g, " ")} `;
  const state: MutableQuery = { filters: {} };
  const notes: string[] = [];
  for (const rule of RULES) {
    text = text.replace(rule.pattern, (...parts: unknown[]) => {
      const match = parts.slice(0, -2) as unknown as RegExpMatchArray;
      notes.push(rule.apply(match, state));
      return " ";
    });
  }

  // A count before the food ("2 eggs", "3 chicken breasts") says how much, not what.
  text = text.replace(/^\s*\d+(?:\.\d+)?\s+(?=\p{L})/u, " ");
  const tokens = stripMeasures(words(text.replace(/&/g, " and ")));
  const stems = tokens.map(stem);
  const terms: QueryTerm[] = [];
  for (let index = 0; index < stems.length;) {
    const synonym = SYNONYM_ENTRIES.find(
      (entry) =>
        entry.phrase.length > 0 && entry.phrase.every((term, offset) => nextContentStem(stems, index, offset) === term),
    );
    if (synonym) {
      const span = spanLength(stems, index, synonym.phrase.length);
      const label = tokens.slice(index, index + span).join(" ");
      const alternatives = [synonym.phrase, ...synonym.alternatives];
      terms.push({ label, alternatives, required: true, note: `as "${synonym.text}"`, embedText: synonym.text });
      index += span;
      continue;
    }
    const token = tokens[index]!;
    const term = stems[index]!;
    index += 1;
    if (STOP_WORDS.has(token) || STOP_WORDS.has(term)) continue;
    if (/\d/.test(term)) {
      terms.push({ label: token, alternatives: [[term]], required: false, embedText: token });
      continue;
    }
    terms.push({ label: token, alternatives: [[term]], required: true, embedText: token });
  }

  if (vocabulary.size > 0) {
    for (const term of terms) {
      if (term.alternatives.some((alternative) => known(alternative, vocabulary))) continue;
      const single =
        term.alternatives.length === 1 && term.alternatives[0]!.length === 1 ? term.alternatives[0]![0]! : null;
      const corrected = single === null ? null : correctSpelling(single, vocabulary);
      if (corrected !== null) {
        term.alternatives.push([corrected]);
        term.corrected = corrected;
        term.embedText = corrected;
        term.note = `read as "${corrected}"`;
      } else {
        term.required = false;
        term.note = "in no food name";
      }
    }
  }
  for (const term of terms) if (term.note) notes.push(`"${term.label}" ${term.note}`);

  const searched = terms.map((term) => term.label).join(" ");
  const embeddingText = terms.map((term) => term.embedText).join(" ");
  return {
    text: searched,
    embeddingText,
    terms,
    filters: state.filters,
    ...(state.sort ? { sort: state.sort } : {}),
    ...(state.context ? { context: state.context } : {}),
    notes,
  };
}

/** The stem `offset` content words after `start`, skipping stop words inside a phrase ("mac and cheese"). */
function nextContentStem(stems: string[], start: number, offset: number): string | undefined {
  let seen = -1;
  for (let index = start; index < stems.length; index += 1) {
    const term = stems[index]!;
    if (index > start && STOP_WORDS.has(term)) continue;
    seen += 1;
    if (seen === offset) return term;
  }
  return undefined;
}

/** How many tokens a phrase of `length` content words covers from `start`. */
function spanLength(stems: string[], start: number, length: number): number {
  let seen = 0;
  let index = start;
  while (index < stems.length && seen < length) {
    if (index === start || !STOP_WORDS.has(stems[index]!)) seen += 1;
    index += 1;
  }
  return index - start;
}

function quote(term: string): string {
  return `"${term.replace(/"/g, "")}"`;
}

function alternativeExpression(alternative: string[]): string {
  return alternative.length === 1 ? quote(alternative[0]!) : `(${alternative.map(quote).join(" AND ")})`;
}

function termExpression(term: QueryTerm): string {
  const alternatives = term.alternatives.filter((alternative) => alternative.length > 0);
  return alternatives.length === 1
    ? alternativeExpression(alternatives[0]!)
    : `(${alternatives.map(alternativeExpression).join(" OR ")})`;
}

/**
 * FTS5 expressions for the query: `all` needs every required term, `any` one of any term. Null
 * when there is nothing to match (a query of only nutrient wishes, "high protein").
 */
export function ftsExpressions(query: UnderstoodQuery): { all: string | null; any: string | null } {
  const required = query.terms.filter((term) => term.required);
  const every = query.terms.filter((term) => term.alternatives.some((alternative) => alternative.length > 0));
  return {
    all: required.length > 0 ? required.map(termExpression).join(" AND ") : null,
    any: every.length > 0 ? every.map(termExpression).join(" OR ") : null,
  };
}
