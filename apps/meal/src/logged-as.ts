// How everyday logged foods are worded for the USDA search. People log food as they ate it:
// "coffee" is brewed coffee (not the instant powder), "rice" is cooked white rice, "a beer" is
// regular beer (not root beer). The search is general; these are the meal log's defaults, used
// only when the item's name is exactly one of these words, so anything more specific the user
// says ("instant coffee", "wild rice") goes to the search unchanged.
const LOGGED_AS: Record<string, string | { query: string; each: Each }> = {
  coffee: "coffee brewed from grounds",
  "black coffee": "coffee brewed from grounds",
  "filter coffee": "coffee brewed from grounds",
  americano: "coffee brewed from grounds",
  espresso: "coffee brewed espresso",
  tea: "tea brewed",
  "black tea": "tea black brewed",
  "cup of tea": "tea brewed",
  "green tea": "tea green brewed",
  beer: "beer regular",
  beers: "beer regular",
  lager: "beer regular",
  ale: "beer regular",
  pint: "beer regular",
  toast: "bread toasted",
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
};

/** How much one of the food is, when USDA's measures do not say it well. */
export interface Each {
  quantity: number;
  unit: string;
}

function entryFor(name: string): string | { query: string; each: Each } | undefined {
  const key = name.trim().toLowerCase().replace(/\s+/g, " ");
  return LOGGED_AS[key] ?? LOGGED_AS[key.replace(/s$/, "")];
}

/** The words to search for a logged item's name. */
export function searchQueryFor(name: string): string {
  const entry = entryFor(name);
  return entry === undefined ? name : typeof entry === "string" ? entry : entry.query;
}

/** The size of one, for names whose USDA measures are the wrong size ("a steak", "a salad"). */
export function portionOfOne(name: string): Each | undefined {
  const entry = entryFor(name);
  return typeof entry === "object" ? entry.each : undefined;
}
