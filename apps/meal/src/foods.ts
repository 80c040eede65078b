// Turning one food phrase into a USDA food, grams and macros, through the embedding Worker's
// search and portion RPCs. What is specific to meals lives here: people log food as they ate it
// (cooked rice, not dry), and some portion words ("a handful", "a glass") have usual sizes that
// USDA measures do not list.
import {
  type FoodRecord,
  type FoodSearchReply,
  type Macros,
  type MealItem,
  type PortionReply,
  type ResolvePortionRequest,
  type Result,
  type SearchFoodsRequest,
  failure,
  success,
} from "@ensemble/contracts";
import { normaliseUnit, toGrams } from "@ensemble/ai/local";
import { parseItemText } from "./items.ts";
import { entryFor, portionOfOne, searchQueryFor } from "./logged-as.ts";
import { macrosForGrams, roundTo1, roundTo2 } from "./macros.ts";

/** The part of the embedding Worker's RPC API the meal Worker uses. */
export interface FoodSource {
  searchFoods(request: SearchFoodsRequest): Promise<Result<FoodSearchReply>>;
  getFood(id: number): Promise<Result<FoodRecord>>;
  resolvePortion(request: ResolvePortionRequest): Promise<Result<PortionReply>>;
}

/** One item, as log_meal and search_foods accept it. */
export interface ItemRequest {
  food: string;
  foodId?: number;
  quantity?: number;
  unit?: string;
}

export interface ResolvedItem extends MealItem {
  /** Nutrients USDA does not list for this food, counted as 0. */
  missing: string[];
}

/** Above this, an item is almost surely a misread amount ("500 cups"), not a meal. */
export const MAX_ITEM_GRAMS = 5000;

/**
 * Groups whose foods USDA lists both raw (or dry) and cooked, where someone logging a meal means
 * cooked unless they say otherwise: a cup of dry rice has nearly three times the energy of cooked.
 */
const COOKED_BY_DEFAULT_GROUPS = new Set([
  "Cereal Grains and Pasta",
  "Legumes and Legume Products",
  "Beef Products",
  "Pork Products",
  "Poultry Products",
  "Finfish and Shellfish Products",
  "Lamb, Veal, and Game Products",
  "Sausages and Luncheon Meats",
]);
const UNCOOKED_WORDS = /\b(raw|dry(?! heat)|dried|uncooked|unprepared|unheated|not cooked|flour)\b/;
/** A name that says the food was cooked is cooked, whatever else it says ("cooked, dry heat"). */
const COOKED_WORDS =
  /\b(cooked|roasted|broiled|baked|fried|boiled|braised|grilled|stewed|steamed|poached|toasted|microwaved|simmered)\b/;

function isUncooked(food: FoodRecord): boolean {
  const name = food.name.toLowerCase();
  return COOKED_BY_DEFAULT_GROUPS.has(food.group) && UNCOOKED_WORDS.test(name) && !COOKED_WORDS.test(name);
}
const ASKED_UNCOOKED = /\b(raw|dry|dried|uncooked|flour|powder|sashimi|tartare|ceviche)\b/;
/** Forms of a drink that are not the drink itself: the powder, the concentrate, the mix. */
const NOT_A_DRINK = /\b(powder|instant|dry|concentrate|undiluted|mix|granules)\b/;
/** Stand-ins nobody means unless they say so. */
const STAND_IN = /\b(meatless|imitation|substitute|babyfood|baby food|infant|toddler|formula)\b/;
/** Seasonings and dry mixes: what a dish is flavoured with, not the dish ("chicken curry" is not curry powder). */
const SEASONING = /\b(?:dry,? mix|mix,? dry|seasoning|spices?|powder)\b/;
/** Preparations that change a food's numbers a lot and that people name when they mean them. */
const SPECIAL_FORM = /\b(smoked|canned|pickled|dehydrated|freeze-dried|candied|salted, dried)\b/;

/** How many of the search's best hits the meal log may reorder. */
const PREFERENCE_WINDOW = 8;

/**
 * Below this search score with no word of the query in the name, a hit is only a vector's
 * nearest guess ("pho" -> carob flour); logging it would be worse than saying it was not found.
 */
export const MIN_MATCH_SCORE = 0.5;

function isMatch(hit: FoodSearchReply["hits"][number]): boolean {
  return hit.score >= MIN_MATCH_SCORE || hit.why.some((reason) => reason.startsWith("lexical"));
}

/**
 * The hit to log for a phrase: the search's ranking, adjusted for how people log food. Cooked over
 * raw or dry in groups eaten cooked (a cup of dry rice has nearly three times the energy of
 * cooked), the drink over its powder, the real food over a stand-in, the plain food over a smoked
 * or canned one, and a food with a measure for the unit asked ("a slice of pizza" -> a pizza USDA
 * gives a slice for) unless the user said otherwise.
 */
export function chooseFood(query: string, hits: FoodSearchReply["hits"], unit?: string): FoodRecord | undefined {
  const asked = query.toLowerCase();
  const queryWords = new Set(asked.split(/[^a-z]+/).filter((word) => word.length > 2));
  const nouns = [...queryWords].filter((word) => !PREPARATION_WORDS.has(word)).map(stemWord);
  const candidates = hits.slice(0, PREFERENCE_WINDOW).filter(isMatch);
  let best: { food: FoodRecord; score: number } | undefined;
  for (const hit of candidates) {
    const name = hit.food.name.toLowerCase();
    let score = hit.score;
    if (!ASKED_UNCOOKED.test(asked) && isUncooked(hit.food)) score -= 0.35;
    if (hit.food.group === "Beverages" && NOT_A_DRINK.test(name) && !NOT_A_DRINK.test(asked)) score -= 0.35;
    if ((STAND_IN.test(name) || hit.food.group === "Baby Foods") && !STAND_IN.test(asked)) score -= 0.35;
    const without = /\bwithout ([a-z]+)/.exec(name)?.[1];
    if (without !== undefined && queryWords.has(without)) score -= 0.35;
    // "Cottage cheese" is the plain one, not "cottage cheese, with vegetables": an ingredient the
    // user did not name counts against a hit ("with added vitamin D" or "with calcium propionate"
    // is not an ingredient).
    const withWhat = /\bwith (?!added\b|salt\b|calcium\b|vitamins?\b|iron\b|sodium\b)([a-z]+)/.exec(name)?.[1];
    if (withWhat !== undefined && !queryWords.has(withWhat)) score -= 0.1;
    if (SPECIAL_FORM.test(name) && !SPECIAL_FORM.test(asked)) score -= 0.1;
    // "White bread" is not toast; "tofu" is not fried tofu.
    if (/\btoasted\b/.test(name) && !/\btoast/.test(asked)) score -= 0.1;
    if (
      /\b(?:fried|batter-dipped|battered|breaded)\b/.test(name) &&
      !/\b(?:fr(?:y|ied|ies)|batter\w*|breaded|crispy|tempura)\b/.test(asked)
    )
      score -= 0.1;
    // Eggs, potatoes and sweet potatoes are eaten cooked.
    if (
      /^(?:egg,|potatoes|sweet potato|yam)\b/.test(name) &&
      /\b(?:raw|unprepared)\b/.test(name) &&
      !ASKED_UNCOOKED.test(asked)
    )
      score -= 0.35;
    const seasoning = hit.food.group === "Spices and Herbs" || (hit.food.group !== "Beverages" && SEASONING.test(name));
    if (seasoning && !SEASONING.test(asked) && !/\b(?:protein|whey|cocoa)\b/.test(asked)) score -= 0.4;
    // "Grilled salmon" is salmon first: a hit missing a named food word loses to one that has it.
    if (nouns.length > 0) {
      const nameWords = new Set(name.split(/[^a-z]+/).map(stemWord));
      score -= 0.3 * (nouns.filter((noun) => !nameWords.has(noun)).length / nouns.length);
    }
    if (hit.why.some((reason) => reason.startsWith("dropped by USDA"))) score -= 0.1;
    if (unit !== undefined && PORTION_WORDS.has(unit) && drinkServing(hit.food) === null)
      score += hasMeasure(hit.food, unit) ? 0.05 : -0.05;
    if (best === undefined || score > best.score) best = { food: hit.food, score };
  }
  return best?.food;
}

/** Words about how a food was made or served, not what it is. */
const PREPARATION_WORDS = new Set(
  "grilled baked roasted fried boiled steamed scrambled poached sauteed broiled cooked raw fresh homemade plain hard soft large small medium whole regular brewed toasted mashed stir fry leftover cold hot warm iced frozen cup slice piece".split(
    " ",
  ),
);

/** A plural's singular, well enough to compare names: "berries" -> "berry", "peaches" -> "peach", "apples" -> "apple". */
function stemWord(word: string): string {
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|z|o)es$/.test(word)) return word.replace(/es$/, "");
  if (/[^s]s$/.test(word)) return word.replace(/s$/, "");
  return word;
}

/** Count units whose weight differs so much between foods that the food's own measure matters. */
const PORTION_WORDS = new Set([
  "slice",
  "piece",
  "fillet",
  "patty",
  "link",
  "strip",
  "bar",
  "stick",
  "wedge",
  "cookie",
  "muffin",
  "small",
  "medium",
  "large",
]);
/** Measures that are amounts of stuff, not one countable item. */
const BULK_MEASURE =
  /^(?:cup|cups|tbsp|tsp|oz|fl|fluid|lb|g|ml|quart|pint|gallon|liter|litre|cubic|package|container|can|serving|nlea|bottle|jar|box|pkg|ounce|tablespoon|teaspoon)$/;
/** Measures the embedding Worker reads as "one piece" of a food (apps/embedding/src/portion.ts). */
const PIECE_MEASURE = /^(?:piece|item|unit|each|fruit|whole|medium)$/;
/** Measures of a whole batch or plant, far more than one eats as "a" or "some" of the food. */
const WHOLE_BATCH =
  /^(?:bunch|head|stalk|package|pkg|container|bag|box|loaf|pie|cake|pizza|can|jar|bottle|carton|pint|quart|gallon|lb|recipe|batch|yield|link|roast|bird|breast|leg)$/;
/**
 * Below this a measure named like a batch is one small piece: a rice cake's "cake" is 9 g, while a
 * whole cake, loaf or package weighs hundreds.
 */
const SMALL_PIECE_GRAMS = 30;

function measureWord(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/^\d+\s*/, "")
      .split(/[\s,(]+/)[0]
      ?.replace(/s$/, "") ?? ""
  );
}

function hasMeasure(food: FoodRecord, unit: string): boolean {
  return food.measures.some((measure) => {
    const first = measureWord(measure.name);
    // "A banana" is one of whatever the food is counted in: a fruit, an item, a medium one.
    return unit === COUNT_UNIT ? first !== "" && !BULK_MEASURE.test(first) : first === unit;
  });
}

/**
 * The unit to weigh a plain count in ("toast", "2 eggs", "oatmeal"): the food's own piece-like
 * measure when it has one (a slice of bread, a biscuit of cereal, a large egg), else a cup for
 * foods served by volume, else a generic piece.
 */
function countUnitFor(food: FoodRecord, counted: boolean): { unit: string; countable: boolean } {
  const words = food.measures.map((measure) => measureWord(measure.name));
  if (!counted) {
    // No number given ("broccoli", "some strawberries", "salmon"): USDA's serving, a usual
    // portion of meat or fish, a handful of nuts, or a cup of foods served by volume; cheese
    // added to a dish ("eggs with spinach and feta") is an ounce, not a cup of it.
    if (/^cheese\b/i.test(food.name) && food.measures.some((measure) => measureWord(measure.name) === "oz"))
      return { unit: "oz", countable: false };
    if (words.includes("nlea")) return { unit: "serving", countable: false };
    if (MEAT_AND_FISH_GROUPS.has(food.group)) return { unit: "portion-of-meat", countable: false };
    if (food.group === "Nut and Seed Products") return { unit: "handful", countable: false };
    if (words.includes("cup") && !words.some((word) => PIECE_MEASURE.test(word)))
      return { unit: "cup", countable: false };
  }
  if (words.some((word) => PIECE_MEASURE.test(word))) return { unit: COUNT_UNIT, countable: true };
  const countable = food.measures.find((measure) => {
    const word = measureWord(measure.name);
    const isBatch = WHOLE_BATCH.test(word) && measure.grams >= SMALL_PIECE_GRAMS;
    return word !== "" && !BULK_MEASURE.test(word) && !isBatch && (counted || measure.grams >= 15);
  });
  if (countable !== undefined) return { unit: measureWord(countable.name), countable: true };
  if (words.includes("cup")) return { unit: "cup", countable: false };
  return { unit: COUNT_UNIT, countable: false };
}

/** Groups where "salmon" or "steak" with no amount means one usual cooked portion. */
const MEAT_AND_FISH_GROUPS = new Set([
  "Beef Products",
  "Pork Products",
  "Poultry Products",
  "Finfish and Shellfish Products",
  "Lamb, Veal, and Game Products",
]);

/** Foods named in the plural whose one serving is many pieces. */
const SERVED_AS_PLURAL = /\b(?:fries|chips|crisps|nachos|noodles|wedges|tots|onion rings|curly fries)$/;

/** Groups whose foods come by the handful or the packet: nuts, crisps, sweets. */
const SNACK_GROUPS = new Set(["Nut and Seed Products", "Snacks", "Sweets"]);

/** A usual cooked portion of meat or fish, about 5 oz: between the 3 oz of a serving label and a restaurant plate. */
const PORTION_OF_MEAT_GRAMS = 150;

interface Portion {
  grams: number;
  /** "1 cup = 158 g (food measure)". */
  description: string;
}

function describeAmount(quantity: number, unit: string): string {
  const amount = Number.isInteger(quantity) ? String(quantity) : String(roundTo2(quantity));
  return unit === "" ? amount : `${amount} ${unit}`;
}

/**
 * Usual sizes for portion words USDA measures rarely hold, as another unit the embedding Worker
 * converts. Used only when the food has no measure of its own for the word, and only where a
 * meal-specific size beats the embedding Worker's one-size default (a bowl of cereal is a cup,
 * not 250 g; a handful of berries is half a cup). Drinks' glasses and cans are left to it.
 */
function usualPortion(unit: string, food: FoodRecord): { quantity: number; unit: string } | null {
  const name = food.name.toLowerCase();
  const isSnack = SNACK_GROUPS.has(food.group);
  const isPowder = /\bpowder\b/.test(name);
  switch (unit) {
    case "handful":
      // A handful of nuts or sweets is about an ounce; of berries or cereal, about half a cup.
      return isSnack ? { quantity: 28, unit: "g" } : { quantity: 0.5, unit: "cup" };
    case "scoop":
      // A protein-powder scoop holds about 30 g; an ice-cream scoop about half a cup.
      return isPowder ? { quantity: 30, unit: "g" } : { quantity: 0.5, unit: "cup" };
    case "plate":
      return { quantity: 2, unit: "cup" };
    case "bowl":
      // A bowl of a soup USDA lists only dry (ramen) is one packet made up, not a bowl of dry noodles.
      if (food.group === "Soups, Sauces, and Gravies" && /\bdry\b/.test(name))
        return packageMeasure(food) ?? { quantity: 1, unit: "serving" };
      // A bowl of cereal, ice cream or fruit is about a cup; of soup, pasta or salad, more.
      return {
        quantity: ["Breakfast Cereals", "Sweets", "Fruits and Fruit Juices", "Snacks"].includes(food.group) ? 1 : 1.5,
        unit: "cup",
      };
    case "tub":
      // A tub of ice cream is a pint (about two cups); of yogurt or hummus, one container.
      return /\b(?:ice cream|frozen yogurt|gelato|sorbet)/.test(name)
        ? { quantity: 2, unit: "cup" }
        : { quantity: 1, unit: "container" };
    case "packet":
    case "bag":
    case "box":
      // "The whole packet": the food's package measure (packets and bags of snacks are handled
      // before this, in singleServePacket).
      return packageMeasure(food);
    case "dollop":
      return { quantity: 1, unit: "tbsp" };
    case "splash":
      return { quantity: 30, unit: "ml" };
    case "drizzle":
      return { quantity: 1, unit: "tsp" };
    case "knob":
      return { quantity: 10, unit: "g" };
    case "pat":
      return { quantity: 5, unit: "g" };
    case "pinch":
    case "dash":
      return { quantity: 0.5, unit: "g" };
    case "whole": {
      // "A whole pizza": the largest measure that is the whole thing (a package, a pie, a fruit).
      const whole = food.measures
        .filter((measure) =>
          /\b(?:whole|package|pizza|pie|cake|loaf|fruit|head|bird|chicken|container|can|bottle|bag)\b/i.test(
            measure.name,
          ),
        )
        .sort((left, right) => right.grams - left.grams)[0];
      return whole === undefined ? { quantity: 1, unit: COUNT_UNIT } : { quantity: whole.grams, unit: "g" };
    }
    default:
      return null;
  }
}

/** A single-serve packet of crisps, nuts or sweets: about an ounce. */
const SINGLE_SERVE_SNACK_GRAMS = 28;

/**
 * A packet or bag of crisps, nuts or sweets is a single-serve one (about an ounce), not the family
 * bag USDA measures; a bag of popcorn is a microwave bag (about 3 oz). Null for other foods and
 * units, and for snacks whose own package is already single-serve.
 */
function singleServePacket(food: FoodRecord, unit: string): { quantity: number; unit: string } | null {
  if (unit !== "packet" && unit !== "bag") return null;
  const whole = packageMeasure(food);
  if (/\bpopcorn\b/i.test(food.name)) return whole ?? { quantity: 85, unit: "g" };
  if (!SNACK_GROUPS.has(food.group) || (whole !== null && whole.quantity <= SINGLE_SERVE_SNACK_GRAMS * 2)) return null;
  return { quantity: SINGLE_SERVE_SNACK_GRAMS, unit: "g" };
}

/** One package of the food in grams, from its USDA measures ("package (3 oz)"), or null. */
function packageMeasure(food: FoodRecord): { quantity: number; unit: string } | null {
  const measure = food.measures.find((candidate) => /^(?:1\s+)?(?:package|packet|pkg|bag|box)\b/i.test(candidate.name));
  return measure === undefined ? null : { quantity: measure.grams, unit: "g" };
}

async function portionGrams(
  source: FoodSource,
  food: FoodRecord,
  quantity: number,
  unit: string,
): Promise<Result<Portion>> {
  // "A bag of chips" is a single-serve bag even where USDA's only bag is the 8 oz family one.
  const snack = singleServePacket(food, unit);
  if (snack !== null) {
    const inner = await portionGrams(source, food, quantity * snack.quantity, snack.unit);
    if (!inner.ok) return inner;
    return success({ ...inner.value, description: `${describeAmount(quantity, unit)} ≈ ${inner.value.description}` });
  }
  const massGrams = toGrams(quantity, unit);
  if (massGrams !== null) {
    const canonical = normaliseUnit(unit) ?? unit;
    return success({
      grams: massGrams,
      description:
        canonical === "g"
          ? `${roundTo1(massGrams)} g`
          : `${describeAmount(quantity, canonical)} = ${roundTo1(massGrams)} g`,
    });
  }
  const resolved = await source.resolvePortion({ foodId: food.id, quantity, unit });
  if (resolved.ok && resolved.value.method !== "default-serving") {
    return success({
      grams: resolved.value.grams,
      description: `${describeAmount(quantity, unit)} = ${roundTo1(resolved.value.grams)} g${measureNote(resolved.value, unit)}`,
    });
  }
  const usual = usualPortion(unit, food);
  if (usual !== null) {
    const inner = await portionGrams(source, food, quantity * usual.quantity, usual.unit);
    if (inner.ok) {
      const perUnit = usual.unit === "g" ? "" : ` (1 ${unit} ≈ ${describeAmount(usual.quantity, usual.unit)})`;
      return success({
        grams: inner.value.grams,
        description: `${describeAmount(quantity, unit)} ≈ ${roundTo1(inner.value.grams)} g${perUnit}`,
      });
    }
  }
  if (!resolved.ok) {
    // A portion word no measure or default knows ("a bar", "a packet"): one piece of the food.
    if (resolved.error.code !== "bad_request" || unit === COUNT_UNIT) return resolved;
    const piece = await portionGrams(source, food, quantity, COUNT_UNIT);
    if (!piece.ok) return piece;
    return success({
      grams: piece.value.grams,
      description: `${describeAmount(quantity, unit)} taken as ${piece.value.description}`,
    });
  }
  return success({
    grams: resolved.value.grams,
    description: `${describeAmount(quantity, unit)} ≈ ${roundTo1(resolved.value.grams)} g (a typical portion; give grams for a closer number)`,
  });
}

/** The USDA measure used, when it is not just the unit asked: "1 piece = 118 g (medium)". */
function measureNote(portion: PortionReply, unit: string): string {
  if (portion.method !== "food-measure") return "";
  const name = portion.measure
    .replace(/\s*\(no ".*$/, "")
    .replace(/\s*\([\d.]+ g\)\s*$/, "")
    .replace(/\s*\([^()]*\)/g, "")
    .trim();
  return name === "" || name.toLowerCase() === unit ? "" : ` (${name})`;
}

/**
 * "A beer", "a coffee", "2 glasses of wine" without a unit: one usual serving of the drink, by
 * volume. USDA measures for drinks are often a cup or a fluid ounce, neither of which is what a
 * count of drinks means.
 */
function drinkServing(food: FoodRecord): { millilitres: number; label: string } | null {
  const name = food.name.toLowerCase();
  const isDrink =
    food.group === "Beverages" ||
    /^(milk|beverages?|alcoholic beverage)\b/.test(name) ||
    /\b(juice|smoothies?|soymilk|drink|nectar|lemonade)\b/.test(name);
  if (!isDrink || NOT_A_DRINK.test(name)) return null;
  if (/\b(beer|carbonated|cola|soda|tonic|energy drink|sports drink)\b/.test(name))
    return { millilitres: 355, label: "can or bottle" };
  if (/\bwine\b/.test(name)) return { millilitres: 150, label: "glass of wine" };
  if (/\b(distilled|whiskey|vodka|rum|gin|tequila|liqueur)\b/.test(name)) return { millilitres: 44, label: "shot" };
  if (/\bespresso\b/.test(name)) return { millilitres: 30, label: "shot of espresso" };
  return { millilitres: 240, label: "cup" };
}

/** Coffee-shop cup sizes in millilitres: an 8, 12 and 16 oz cup, and the chains' names for them. */
const CUP_SIZES: Record<string, number> = {
  small: 240,
  regular: 355,
  medium: 355,
  large: 475,
  tall: 355,
  grande: 475,
  venti: 590,
};

/** "A large latte", "a small beer": a drink by its size word, or null when it is no drink or no size. */
function sizedDrink(food: FoodRecord, size: string): { millilitres: number; label: string } | null {
  const cup = CUP_SIZES[size];
  const drink = cup === undefined ? null : drinkServing(food);
  if (cup === undefined || drink === null) return null;
  if (drink.label === "cup") return { millilitres: cup, label: `${size} cup` };
  // A can, glass or shot: a small one is three quarters of it, a large one half as much again.
  const factor = cup < CUP_SIZES.regular! ? 0.75 : cup > CUP_SIZES.regular! ? 1.5 : 1;
  return { millilitres: drink.millilitres * factor, label: `${size} ${drink.label}` };
}

async function drinkPortion(
  source: FoodSource,
  food: FoodRecord,
  quantity: number,
  drink: { millilitres: number; label: string },
): Promise<Result<Portion>> {
  const inner = await portionGrams(source, food, quantity * drink.millilitres, "ml");
  if (!inner.ok) return inner;
  return success({
    grams: inner.value.grams,
    description: `${describeAmount(quantity, quantity === 1 ? drink.label : `× ${drink.label}`)} ≈ ${roundTo1(inner.value.grams)} g (${thousandsMl(quantity * drink.millilitres)} ml)`,
  });
}

function thousandsMl(millilitres: number): string {
  return String(Math.round(millilitres));
}

/** The unit asked for when a phrase gives a plain count ("2 eggs", "a banana"). */
export const COUNT_UNIT = "piece";

/** True when a logged food came out raw, dry, smoked or canned although the user did not say so. */
function wantsCookedInstead(query: string, food: FoodRecord): boolean {
  const name = food.name.toLowerCase();
  const asked = query.toLowerCase();
  if (
    !COOKED_BY_DEFAULT_GROUPS.has(food.group) ||
    /\bcooked\b/.test(asked) ||
    ASKED_UNCOOKED.test(asked) ||
    SPECIAL_FORM.test(asked)
  )
    return false;
  return isUncooked(food) || SPECIAL_FORM.test(name);
}

export async function findFood(source: FoodSource, name: string, unit?: string): Promise<Result<FoodRecord>> {
  const query = searchQueryFor(name);
  const search = await source.searchFoods({ query, limit: PREFERENCE_WINDOW });
  if (!search.ok) return search;
  let food = chooseFood(query, search.value.hits, unit);
  // "6 oz salmon" should not be logged as raw or smoked salmon just because the cooked kinds
  // ranked lower: ask once more for the cooked food and take it when there is one.
  if (food !== undefined && wantsCookedInstead(query, food)) {
    const cooked = await source.searchFoods({ query: `${query} cooked`, limit: PREFERENCE_WINDOW });
    const alternative = cooked.ok ? chooseFood(`${query} cooked`, cooked.value.hits, unit) : undefined;
    if (alternative !== undefined && !wantsCookedInstead(query, alternative)) food = alternative;
  }
  if (food === undefined)
    return failure(
      "bad_request",
      `no food in the USDA database matches "${name}"; describe it in other words (e.g. its main ingredients)`,
    );
  return success(food);
}

/**
 * The name an item is looked up by: its parsed name ("2 scrambled eggs" -> "scrambled eggs"); for
 * an amount with no food ("a pint") the unit, which may name the drink; else the phrase.
 */
export function itemName(parsed: { name: string; unit?: string }, food: string): string {
  if (parsed.name !== "") return parsed.name;
  return parsed.unit !== undefined && entryFor(parsed.unit) !== undefined ? parsed.unit : food.trim();
}

/** One item: the food (by id or by search), its grams and its macros. */
export async function resolveItem(source: FoodSource, item: ItemRequest): Promise<Result<ResolvedItem>> {
  const parsed = parseItemText(item.food);
  const query = itemName(parsed, item.food);
  let quantity = item.quantity ?? parsed.quantity ?? 1;
  let unit = (item.unit ?? parsed.unit ?? COUNT_UNIT).trim().toLowerCase();

  let food: FoodRecord;
  if (item.foodId !== undefined) {
    const found = await source.getFood(item.foodId);
    if (!found.ok) {
      return found.error.code === "not_found" ? failure("bad_request", `no USDA food has id ${item.foodId}`) : found;
    }
    food = found.value;
  } else {
    if (query === "") return failure("bad_request", "an item has no food name");
    const found = await findFood(source, query, unit);
    if (!found.ok) return found;
    food = found.value;
  }

  // "a large latte" (the size as the unit) or "a grande caramel latte" (the size inside the name).
  const size = unit === COUNT_UNIT ? Object.keys(CUP_SIZES).find((word) => query.split(/\s+/).includes(word)) : unit;
  // "a glass of wine" is a wine glass (150 ml), not the 240 ml glass of milk or juice.
  const wineGlass = unit === "glass" && drinkServing(food)?.label === "glass of wine";
  const drink =
    (size === undefined ? null : sizedDrink(food, size)) ??
    (unit === COUNT_UNIT || wineGlass ? drinkServing(food) : null);
  const one = unit === COUNT_UNIT ? portionOfOne(query) : undefined;
  if (one !== undefined) {
    quantity *= one.quantity;
    unit = one.unit;
  } else if (unit === COUNT_UNIT && drink === null) {
    // "A bagel" counts one; "bagels", "some cookies" or "salmon" name no amount at all.
    const counted =
      item.quantity !== undefined || parsed.quantity !== undefined || /^(?:a|an|one)\s/i.test(item.food.trim());
    const choice = countUnitFor(food, counted);
    unit = choice.unit;
    if (unit === "portion-of-meat") {
      unit = "g";
      quantity = PORTION_OF_MEAT_GRAMS;
    }
    // "Pancakes", "some cookies": a plural with no number is more than one of them, say two.
    // "Fries" or "nachos" are one serving of a food only sold in the plural.
    if (!counted && choice.countable && /[^s]s$/.test(query) && !SERVED_AS_PLURAL.test(query)) quantity = 2;
  }
  const portion =
    drink === null
      ? await portionGrams(source, food, quantity, unit)
      : await drinkPortion(source, food, quantity, drink);
  if (!portion.ok) {
    return portion.error.code === "bad_request"
      ? failure("bad_request", `cannot weigh "${item.food}": ${portion.error.message}`)
      : portion;
  }
  const grams = roundTo2(portion.value.grams);
  if (!(grams > 0)) return failure("bad_request", `"${item.food}" comes to 0 g; give an amount`);
  if (grams > MAX_ITEM_GRAMS) {
    return failure(
      "bad_request",
      `"${item.food}" comes to ${Math.round(grams)} g, more than ${MAX_ITEM_GRAMS} g for one item; check the amount`,
    );
  }
  const { macros, missing } = macrosForGrams(food.per100g, grams);
  return success({
    description: item.food.trim(),
    foodId: food.id,
    foodName: food.name,
    quantity: roundTo2(quantity),
    unit,
    grams,
    portion: portion.value.description,
    macros,
    missing,
  });
}

/** Per-100 g macros with nulls as 0, for search results. */
export function per100gMacros(food: FoodRecord): Macros {
  return macrosForGrams(food.per100g, 100).macros;
}
