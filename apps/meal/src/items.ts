// One food phrase read into amount, unit and food name: "a cup of rice" -> 1 cup "rice",
// "6 oz salmon" -> 6 oz "salmon", "2 large eggs" -> 2 large "eggs", "half an avocado" -> 0.5 "avocado".
// Shared by the local skill (which builds log_meal calls) and the log_meal executor (which accepts
// free-text items from any model), so both read a phrase the same way.
import { extractQuantities, normaliseText, type Quantity } from "@ensemble/ai/local";

export interface ItemText {
  /** The food, with amounts and filler words removed: "brown rice", "eggs". */
  name: string;
  /** Absent when the phrase names no amount ("toast", "a banana" -> the caller's default of 1). */
  quantity?: number;
  /** Canonical unit ("cup", "g", "slice"), a size ("large"), or absent for a plain count. */
  unit?: string;
}

/** Amount kinds that describe how much food; "a 500 kcal bar" or "20 minutes" do not. */
const FOOD_AMOUNT_KINDS = new Set(["mass", "volume", "count", "dose", null]);

/**
 * Portion words the shared unit list does not hold, with the unit they are logged as. Kept here
 * because they only make sense for food ("a plate of pasta", "a knob of butter").
 */
const FOOD_UNIT_WORDS: Record<string, string> = {
  plate: "plate",
  plates: "plate",
  plateful: "plate",
  packet: "packet",
  packets: "packet",
  pack: "packet",
  packs: "packet",
  bag: "bag",
  bags: "bag",
  bar: "bar",
  bars: "bar",
  pot: "pot",
  pots: "pot",
  tub: "tub",
  tubs: "tub",
  container: "container",
  containers: "container",
  carton: "carton",
  cartons: "carton",
  jar: "jar",
  stick: "stick",
  sticks: "stick",
  clove: "clove",
  cloves: "clove",
  wedge: "wedge",
  wedges: "wedge",
  // Bacon comes in strips or rashers; USDA measures them as slices.
  strip: "slice",
  strips: "slice",
  rasher: "slice",
  rashers: "slice",
  fillet: "fillet",
  fillets: "fillet",
  filet: "fillet",
  filets: "fillet",
  patty: "patty",
  patties: "patty",
  link: "link",
  links: "link",
  pinch: "pinch",
  dash: "dash",
  splash: "splash",
  drizzle: "drizzle",
  dollop: "dollop",
  dollops: "dollop",
  knob: "knob",
  pat: "pat",
  pats: "pat",
  spoon: "tbsp",
  spoons: "tbsp",
  spoonful: "tbsp",
  spoonfuls: "tbsp",
  sachet: "packet",
  sachets: "packet",
  box: "box",
  scoops: "scoop",
  cup: "cup",
  cups: "cup",
  glass: "glass",
  glasses: "glass",
  bowl: "bowl",
  bowls: "bowl",
  mug: "mug",
  mugs: "mug",
  handful: "handful",
  handfuls: "handful",
  slice: "slice",
  slices: "slice",
  piece: "piece",
  pieces: "piece",
  serving: "serving",
  servings: "serving",
  portion: "serving",
  portions: "serving",
  can: "can",
  cans: "can",
  tin: "can",
  tins: "can",
  bottle: "bottle",
  bottles: "bottle",
  scoop: "scoop",
  whole: "whole",
  entire: "whole",
};

/** Size words, as USDA names its measures ("1 large", "1 medium"). */
const SIZE_WORDS: Record<string, string> = {
  small: "small",
  little: "small",
  medium: "medium",
  regular: "medium",
  "medium-sized": "medium",
  "medium sized": "medium",
  large: "large",
  big: "large",
  huge: "extra large",
  massive: "large",
  giant: "large",
  "extra large": "extra large",
  "extra-large": "extra large",
  jumbo: "jumbo",
};

const ARTICLE_NUMBER: Record<string, number> = { a: 1, an: 1, one: 1, another: 1 };

const LEADING_FILLER =
  /^(?:(?:a|an|the|some|of|my|our|about|around|approximately|approx\.?|roughly|maybe|like|~|just|only|another|more|extra|also|plus|and|with|x)\s+|~)+/;

const SIZE_PATTERN = Object.keys(SIZE_WORDS)
  .sort((left, right) => right.length - left.length)
  .join("|");
const UNIT_WORD_PATTERN = Object.keys(FOOD_UNIT_WORDS)
  .sort((left, right) => right.length - left.length)
  .join("|");

function cleanName(text: string): string {
  let name = normaliseText(text)
    .replace(/[()[\]{}"]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  let previous = "";
  while (previous !== name) {
    previous = name;
    name = name
      .replace(LEADING_FILLER, "")
      .replace(/^of\s+/, "")
      .trim();
  }
  return name.replace(/^[\s,.;:!?-]+|[\s,.;:!?-]+$/g, "").trim();
}

function firstFoodAmount(text: string): Quantity | undefined {
  return extractQuantities(text).find((quantity) => FOOD_AMOUNT_KINDS.has(quantity.kind) && quantity.value > 0);
}

export function parseItemText(text: string): ItemText {
  const original = normaliseText(text);
  const amount = firstFoodAmount(original);
  let rest = original;
  let quantity: number | undefined;
  let unit: string | undefined;

  if (amount !== undefined) {
    quantity = amount.value;
    unit = amount.unit ?? undefined;
    rest = `${original.slice(0, amount.start)} ${original.slice(amount.end)}`;
  }

  rest = trimFiller(rest);
  // "a whole tub of ice cream", "the entire bag of crisps": one tub, one bag.
  rest = rest.replace(
    new RegExp(`^(?:(a|an|one|the)\\s+)?(?:whole|entire|full)\\s+(?=(?!whole\\b)(?:${UNIT_WORD_PATTERN})\\s+of\\b)`),
    (_match, article: string | undefined) => (article === undefined || article === "the" ? "a " : `${article} `),
  );
  // "a plate of pasta", "2 bars of chocolate", "a big bowl of oatmeal": food portion words.
  if (unit === undefined) {
    const portion = new RegExp(
      `^(?:(a|an|one|another)\\s+)?(?:(?:${SIZE_PATTERN})\\s+)?(${UNIT_WORD_PATTERN})\\s+(?:of\\s+)?(.+)$`,
    ).exec(rest);
    if (portion !== null && portion[3] !== undefined) {
      unit = FOOD_UNIT_WORDS[portion[2] ?? ""];
      if (quantity === undefined) quantity = ARTICLE_NUMBER[portion[1] ?? "a"] ?? 1;
      rest = portion[3];
    }
  }
  // "a large banana", "2 large eggs": a size where a unit would be.
  if (unit === undefined) {
    // "Big Mac" is a name, not a size.
    const sized = new RegExp(`^(?:(a|an|one|another)\\s+)?(${SIZE_PATTERN})\\s+(?!of\\b|mac\\b)(.+)$`).exec(rest);
    if (sized !== null && sized[3] !== undefined) {
      unit = SIZE_WORDS[sized[2] ?? ""];
      if (quantity === undefined) quantity = ARTICLE_NUMBER[sized[1] ?? "a"] ?? 1;
      rest = sized[3];
    }
  }
  // "chicken breast, 2 pieces" leaves nothing to strip, but "a banana" still leaves its article.
  const name = cleanName(rest);
  const result: ItemText = { name };
  if (quantity !== undefined) result.quantity = quantity;
  if (unit !== undefined) result.unit = unit;
  return result;
}

/** Filler before an amount or portion word, keeping the article that counts it ("a plate of"). */
function trimFiller(text: string): string {
  return text
    .replace(/[()[\]{}"]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:(?:about|around|roughly|approximately|approx\.?|maybe|just|like|only|of|some)\s+|~)+/, "")
    .trim();
}
