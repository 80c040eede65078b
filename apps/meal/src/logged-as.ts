// How everyday logged foods are worded for the USDA search. People log food as they ate it:
// "coffee" is brewed coffee (not the instant powder), "rice" is cooked white rice, "a beer" is
// regular beer (not root beer). The search is general; these are the meal log's defaults, used
// only when the item's name is exactly one of these words, so anything more specific the user
// says ("instant coffee", "wild rice") goes to the search unchanged.
/** A restaurant chicken parmigiana with its sauce and cheese. */
const CHICKEN_PARMIGIANA = { quantity: 250, unit: "g" };

const LOGGED_AS: Record<string, string | { query: string; each: Each }> = {
  coffee: "coffee brewed from grounds",
  "black coffee": "coffee brewed from grounds",
  "filter coffee": "coffee brewed from grounds",
  americano: "coffee brewed from grounds",
  espresso: "coffee brewed espresso",
  // "Tea brewed" ranks chamomile first; tea with no name is black tea.
  tea: "tea black brewed prepared with tap water",
  "iced tea": "tea black brewed prepared with tap water",
  "black tea": "tea black brewed",
  "cup of tea": "tea black brewed prepared with tap water",
  "green tea": "tea green brewed",
  beer: "beer regular",
  beers: "beer regular",
  lager: "beer regular",
  ale: "beer regular",
  pint: "beer regular",
  toast: "bread toasted",
  // USDA's eggs rank raw first; eggs with no word on how are eaten cooked (hard-boiled is the plainest).
  egg: "egg whole cooked hard-boiled",
  eggs: "egg whole cooked hard-boiled",
  // The search ranks the egg bagel first; a plain one is what "a bagel" means.
  bagel: "bagels plain enriched with calcium propionate",
  "white toast": "bread white toasted",
  "wholemeal toast": "bread whole-wheat toasted",
  "whole wheat toast": "bread whole-wheat toasted",
  "brown toast": "bread whole-wheat toasted",
  rice: "rice white long-grain regular cooked",
  "white rice": "rice white long-grain regular cooked",
  "brown rice": "rice brown long-grain cooked",
  pasta: "spaghetti cooked enriched",
  bacon: "pork bacon cooked",
  oatmeal: "oats regular cooked with water",
  porridge: "oats regular cooked with water",
  whey: "whey protein",
  "whey protein": "whey protein",
  "protein powder": "whey protein",
  // One steak as eaten is about 8 oz cooked; USDA's "steak" measures run from 200 to 400 g.
  steak: { query: "beef steak broiled", each: { quantity: 225, unit: "g" } },
  // SR24 has no latte, Greek yogurt, string cheese or tossed salad; these are their nearest USDA foods.
  latte: "milk reduced fat 2%",
  "flat white": "milk reduced fat 2%",
  cappuccino: "milk reduced fat 2%",
  "greek yogurt": "yogurt plain skim milk",
  granola: "cereals ready-to-eat granola homemade",
  chicken: "chicken breast meat only roasted",
  // "A salad" is a bowl of leaves, about two cups, not one leaf.
  salad: { query: "lettuce green leaf raw", each: { quantity: 2, unit: "cup" } },
  "green salad": { query: "lettuce green leaf raw", each: { quantity: 2, unit: "cup" } },
  "side salad": { query: "lettuce green leaf raw", each: { quantity: 1.5, unit: "cup" } },
  "string cheese": "cheese mozzarella part skim milk low moisture",
  smoothie: "smoothies",
  // Names the search splits or glues differently from USDA, and everyday foods SR24 lacks, as their
  // nearest USDA foods: naan and chapati are flatbreads like pita; plant milks are closest to
  // soymilk; sushi is mostly rice; crisps are British potato chips.
  cornflakes: "cereals ready-to-eat corn flakes",
  "corn flakes": "cereals ready-to-eat corn flakes",
  kitkat: "candies kit kat wafer bar",
  "kit kat": "candies kit kat wafer bar",
  "m&ms": "candies m&m's milk chocolate candies",
  naan: "bread pita white enriched",
  "naan bread": "bread pita white enriched",
  "garlic naan": "bread pita white enriched",
  chapati: "tortillas ready-to-bake flour",
  chapatti: "tortillas ready-to-bake flour",
  roti: "tortillas ready-to-bake flour",
  crumpet: "english muffins plain enriched",
  crisps: "snacks potato chips plain salted",
  "packet of crisps": "snacks potato chips plain salted",
  // USDA's chips are counted one chip at a time; "chips" with no amount is a small bag of them.
  chips: { query: "snacks potato chips plain salted", each: { quantity: 28, unit: "g" } },
  "potato chips": { query: "snacks potato chips plain salted", each: { quantity: 28, unit: "g" } },
  doritos: "snacks tortilla chips nacho cheese",
  "oat milk": "soymilk original unfortified",
  "almond milk": "soymilk original unfortified",
  "rice milk": "soymilk original unfortified",
  "plant milk": "soymilk original unfortified",
  protein: "whey protein",
  "protein shake": { query: "whey protein", each: { quantity: 30, unit: "g" } },
  sushi: { query: "rice white short-grain cooked", each: { quantity: 200, unit: "g" } },
  "jacket potato": "potatoes baked flesh and skin",
  "baked potato": "potatoes baked flesh and skin",
  "instant ramen": "soup ramen noodle any flavor dry",
  "instant noodles": "soup ramen noodle any flavor dry",
  "pot noodle": "soup ramen noodle any flavor dry",
  weetabix: { query: "cereals ready-to-eat post shredded wheat spoon-size", each: { quantity: 19, unit: "g" } },
  digestive: "cookies graham crackers plain or honey",
  digestives: "cookies graham crackers plain or honey",
  "chocolate digestive": "cookies graham crackers chocolate-coated",
  "chocolate digestives": "cookies graham crackers chocolate-coated",
  "semi skimmed milk": "milk reduced fat fluid 2% milkfat",
  "semi-skimmed milk": "milk reduced fat fluid 2% milkfat",
  "skimmed milk": "milk nonfat fluid",
  dominos: "fast food pizza chain 14 pizza cheese topping regular crust",
  "domino's": "fast food pizza chain 14 pizza cheese topping regular crust",
  // A burrito bowl is a burrito's filling without the tortilla, about 350 g.
  "burrito bowl": { query: "burrito beef and bean", each: { quantity: 350, unit: "g" } },
  // A kebab's meat: SR24 has no kebab, gyro or shawarma; ground lamb is the nearest, one portion.
  kebab: { query: "lamb ground cooked broiled", each: { quantity: 150, unit: "g" } },
  "doner kebab": { query: "lamb ground cooked broiled", each: { quantity: 150, unit: "g" } },
  doner: { query: "lamb ground cooked broiled", each: { quantity: 150, unit: "g" } },
  gyro: { query: "lamb ground cooked broiled", each: { quantity: 150, unit: "g" } },
  shawarma: { query: "lamb ground cooked broiled", each: { quantity: 150, unit: "g" } },
  // Pasta with a meat sauce is USDA's spaghetti with meat sauce, not plain spaghetti; chicken
  // parmigiana, which SR24 lacks, is nearest to a battered, fried chicken breast.
  "spaghetti bolognese": "spaghetti with meat sauce frozen entree",
  "spag bol": "spaghetti with meat sauce frozen entree",
  bolognese: "spaghetti with meat sauce frozen entree",
  "pasta bolognese": "spaghetti with meat sauce frozen entree",
  "chicken parm": { query: "chicken breast meat and skin cooked fried batter", each: CHICKEN_PARMIGIANA },
  "chicken parmesan": { query: "chicken breast meat and skin cooked fried batter", each: CHICKEN_PARMIGIANA },
  "chicken parmigiana": { query: "chicken breast meat and skin cooked fried batter", each: CHICKEN_PARMIGIANA },
  // Tofu with no word on it is plain firm tofu (the search ranks fried and fermented ones first).
  tofu: "tofu firm prepared with calcium sulfate and magnesium chloride nigari",
  // "Tuna salad" is the salad (mayonnaise-dressed tuna), not the submarine sandwich of it.
  "tuna salad": "fish tuna salad",
  // A chip-shop fish is a large battered fillet, about 200 g.
  "battered fish": { query: "entrees fish fillet battered or breaded and fried", each: { quantity: 200, unit: "g" } },
  // SR24 has no turkey sandwich; a deli ham and cheese sandwich is the nearest in size and macros.
  "turkey sandwich": "fast foods ham and cheese sandwich",
  "turkey club sandwich": "fast foods grilled chicken bacon and tomato club sandwich",
  "turkey club": "fast foods grilled chicken bacon and tomato club sandwich",
  "ben & jerrys": "ice creams vanilla rich",
  "ben & jerry's": "ice creams vanilla rich",
  "ben and jerrys": "ice creams vanilla rich",
  "ben and jerry's": "ice creams vanilla rich",
};

/** How much one of the food is, when USDA's measures do not say it well. */
export interface Each {
  quantity: number;
  unit: string;
}

export function entryFor(name: string): string | { query: string; each: Each } | undefined {
  const key = name.trim().toLowerCase().replace(/\s+/g, " ");
  return LOGGED_AS[key] ?? LOGGED_AS[key.replace(/s$/, "")];
}

/** Proteins a curry or wrap is usually named by: "lamb curry", "chicken wrap". */
const MAIN_PROTEIN = /\b(chicken|lamb|beef|pork|prawn|shrimp|fish|tofu|chickpea|lentil|turkey|paneer)s?\b/;

/**
 * Dishes SR24 has no entry for, by the last word of their name, as their nearest USDA food: a
 * curry as its main protein, cooked ("thai green curry" -> chicken); a wrap as the sandwich of its
 * filling ("chicken wrap" -> chicken sandwich). Without this the search matches a side word
 * ("green" -> beet greens, "wrap" -> a pork-fat-wrapped sausage).
 */
function dishQuery(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  const protein = MAIN_PROTEIN.exec(key)?.[1];
  if (/\bcurry$/.test(key)) {
    if (protein === "chickpea" || protein === "lentil") return `${protein}s mature seeds cooked boiled`;
    if (protein === "tofu" || protein === "paneer") return protein === "tofu" ? "tofu firm" : "cheese paneer";
    return `${protein ?? "chicken"} cooked roasted`;
  }
  if (/\bwraps?$/.test(key)) return `${key.replace(/\bwraps?$/, "").trim() || "chicken"} sandwich`;
  // "a grande caramel latte", "oat milk flat white": the milk of a coffee drink, whatever its brand or syrup.
  if (/\b(?:latte|cappuccino|flat white|macchiato|mocha|cortado)s?$/.test(key)) return "milk reduced fat 2%";
  // "tacos al pastor", "fish tacos": a soft taco as served; otherwise "taco salad" or taco sauce wins.
  if (/^tacos?\b|\btacos?$/.test(key)) return `fast foods taco with ${protein === "chicken" ? "chicken" : "beef"} soft`;
  return undefined;
}

/** The words to search for a logged item's name. */
export function searchQueryFor(name: string): string {
  const entry = entryFor(name);
  if (entry === undefined) return dishQuery(name) ?? name;
  return typeof entry === "string" ? entry : entry.query;
}

/** A curry as eaten: about 300 g, the meat or beans with their sauce. */
const CURRY_PORTION: Each = { quantity: 300, unit: "g" };

/** The size of one, for names whose USDA measures are the wrong size ("a steak", "a salad"). */
export function portionOfOne(name: string): Each | undefined {
  const entry = entryFor(name);
  if (entry === undefined && /\bcurry$/.test(name.trim().toLowerCase())) return CURRY_PORTION;
  return typeof entry === "object" ? entry.each : undefined;
}
