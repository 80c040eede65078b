// Texting shorthand and common misspellings, written out before the skill reads a message:
// "wat did i eat yday" -> "what did i eat yesterday", "2 egs n toast 4 brekkie" ->
// "2 eggs and toast for breakfast". Every later step (questions, dates, items, the food search)
// then sees ordinary words. Only whole words are replaced, and only ones with a single meaning.
import { normaliseText } from "@ensemble/ai/local";

const WORDS: Record<string, string> = {
  // Question and request words.
  wat: "what",
  wht: "what",
  wot: "what",
  wats: "what's",
  hows: "how's",
  whens: "when's",
  wheres: "where's",
  whats: "what's",
  wuts: "what's",
  howmuch: "how much",
  howmany: "how many",
  hw: "how",
  r: "are",
  u: "you",
  ur: "your",
  pls: "please",
  plz: "please",
  plse: "please",
  rmv: "remove",
  del: "delete",
  dlt: "delete",
  smth: "something",
  sth: "something",
  somethin: "something",
  abt: "about",
  bout: "about",
  approx: "about",
  b4: "before",
  cuz: "because",
  coz: "because",
  bc: "because",
  thx: "thanks",
  ty: "thanks",
  // Days and times.
  yday: "yesterday",
  yest: "yesterday",
  ystday: "yesterday",
  yesterdy: "yesterday",
  yesteday: "yesterday",
  yesturday: "yesterday",
  tdy: "today",
  "2day": "today",
  tday: "today",
  todays: "today's",
  tmrw: "tomorrow",
  tmr: "tomorrow",
  tmrow: "tomorrow",
  "2moro": "tomorrow",
  "2morrow": "tomorrow",
  tonite: "tonight",
  "2nite": "tonight",
  nite: "night",
  arvo: "afternoon",
  // Meals.
  brekkie: "breakfast",
  brekky: "breakfast",
  brekfast: "breakfast",
  breakfst: "breakfast",
  bfast: "breakfast",
  "b'fast": "breakfast",
  brkfst: "breakfast",
  lnch: "lunch",
  dinr: "dinner",
  dins: "dinner",
  dindin: "dinner",
  // Nutrients.
  protien: "protein",
  prot: "protein",
  carbz: "carbs",
  calroies: "calories",
  calores: "calories",
  calries: "calories",
  calorys: "calories",
  cals: "calories",
  kcals: "kcal",
  // Foods people misspell or shorten.
  egs: "eggs",
  eggz: "eggs",
  chiken: "chicken",
  chikken: "chicken",
  chkn: "chicken",
  brocoli: "broccoli",
  brocolli: "broccoli",
  broccolli: "broccoli",
  bannana: "banana",
  bananna: "banana",
  banan: "banana",
  sandwhich: "sandwich",
  sanwich: "sandwich",
  sandwitch: "sandwich",
  sammich: "sandwich",
  sarnie: "sandwich",
  sarny: "sandwich",
  butty: "sandwich",
  cofee: "coffee",
  coffe: "coffee",
  cofe: "coffee",
  spagetti: "spaghetti",
  spagheti: "spaghetti",
  tomatoe: "tomato",
  potatoe: "potato",
  avacado: "avocado",
  avocodo: "avocado",
  yoghurt: "yogurt",
  yoghurts: "yogurts",
  yogourt: "yogurt",
  youghurt: "yogurt",
  choc: "chocolate",
  choccy: "chocolate",
  veg: "vegetables",
  veggies: "vegetables",
  oj: "orange juice",
  pb: "peanut butter",
  cuppa: "cup of tea",
  samwich: "sandwich",
  salman: "salmon",
  samon: "salmon",
  ceral: "cereal",
  oatmeall: "oatmeal",
  porrige: "porridge",
  burito: "burrito",
  piza: "pizza",
  biscuts: "biscuits",
  cookis: "cookies",
};

/** Phrases: several words, or words that only mean this next to others. */
const PHRASES: [RegExp, string][] = [
  [/\bw\/o\b/g, "without "],
  [/\bw\//g, "with "],
  [/\bw(?= (?:milk|oat|almond|soy|cream|sugar|honey|butter|cheese|jam|rice|chips|fries|salad|extra)\b)/g, "with"],
  // "2 eggs n toast", "mac n cheese", "fish 'n' chips".
  [/(?<=\w) 'n'? (?=\w)|(?<=\w) n (?=\w)/g, " and "],
  // "4 brekkie", "4 lunch": "for", not four.
  [
    /\b4 (?=(?:breakfast|brekkie|brekky|lunch|dinner|supper|tea|snack|dessert)(?:\s*$|\s*[,.!?;]|\s+(?:today|yesterday|tonight|this|and|then|at)\b)|me\b)/g,
    "for ",
  ],
  // "spag bol for tea": in British English the evening meal, not the drink.
  [/\bfor (?:my |our )?tea(?=\s*$|\s*[,.!?;]|\s+(?:today|yesterday|tonight|last night|and|then)\b)/g, "for dinner"],
  [/\bpb ?& ?j\b|\bpbj\b/g, "peanut butter and jelly sandwich"],
  [/\bspag bol\b/g, "spaghetti bolognese"],
  // "steak and chips", "fish & chips": British chips are fries, and a chippy's fish is battered.
  [/\bfish (?:and|&|n) chips\b/g, "battered fish and fries"],
  [/\b(steak|egg|eggs|pie|sausage|sausages|burger|chicken|scampi) (?:and|&|n) chips\b/g, "$1 and fries"],
  [/\blast nite\b/g, "last night"],
  [/\bthis am\b/g, "this morning"],
  // "the pizza from yesterday": the day, which the date reader knows without "from".
  [/\bfrom (yesterday|today|last night|this morning|earlier today)\b/g, "$1"],
  // "my total for the week": this week.
  [/\b(for|over|in|during) the week\b/g, "$1 this week"],
  [/\bthis pm\b/g, "this afternoon"],
  // "sooo", "hungryyyy": three or more of a letter are emphasis.
  [/([a-z])\1{2,}/g, "$1"],
];

/** The message with shorthand written out; lowercase and normalised like `normaliseText`. */
/** A list written one item a line ("Lunch\n- turkey sandwich\n- apple") read as one with commas. */
export function withLinesAsCommas(text: string): string {
  return text.replace(/[ \t]*\r?\n\s*(?:[-*•·]\s+|\d+[.)]\s+)?/g, ", ").replace(/^(?:[-*•·]\s+)/, "");
}

export function expandShorthand(text: string): string {
  let result = normaliseText(withLinesAsCommas(text));
  for (const [pattern, replacement] of PHRASES) result = result.replace(pattern, replacement);
  // "yday's dinner": the possessive stays on the written-out word.
  result = result.replace(/[a-z0-9']+/g, (word) => {
    const possessive = /^(.+)'s$/.exec(word)?.[1];
    if (WORDS[word] !== undefined) return WORDS[word];
    const base = possessive === undefined ? undefined : WORDS[possessive];
    return base === undefined ? word : `${base}'s`;
  });
  return result.replace(/\s+/g, " ").trim();
}
