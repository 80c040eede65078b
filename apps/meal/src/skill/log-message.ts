// Reading a "what I ate" message into log_meal arguments: the items, and when and which meal.
// "yesterday for lunch I had a cup of rice and 6 oz salmon" ->
//   { date: yesterday, mealType: "lunch", items: ["a cup of rice", "6 oz salmon"] }.
// "eggs for breakfast and a salad for lunch" gives two meals.
import {
  normaliseText,
  normaliseUnit,
  numberWordValue,
  parseWhen,
  splitList,
  unitKind,
  type MealType,
} from "@ensemble/ai/local";
import { parseItemText } from "../items.ts";
import { foodEvidence } from "./food-words.ts";
import { withLinesAsCommas } from "./shorthand.ts";

export interface ItemArguments {
  food: string;
  quantity?: number;
  unit?: string;
}

export interface MealArguments {
  items: ItemArguments[];
  mealType?: MealType;
  date?: string;
  time?: string;
}

const MEAL_WORD = "(?:breakfast|brekkie|brekky|lunch|luncheon|dinner|supper|snacks?|brunch|dessert)";
const MEAL_TYPE: Record<string, MealType> = {
  breakfast: "breakfast",
  brekkie: "breakfast",
  brekky: "breakfast",
  lunch: "lunch",
  luncheon: "lunch",
  brunch: "lunch",
  dinner: "dinner",
  supper: "dinner",
  snack: "snack",
  snacks: "snack",
  dessert: "snack",
};

const EAT_VERBS =
  "(?:had|have|ate|eaten|eat|eating|having|drank|drunk|drink|drinking|grabbed|grab|snacked on|snacked|snacking on|munched on|munched|devoured|finished off|finished|polished off|consumed|scoffed|downed|inhaled|chugged|sipped|nibbled on|nibbled|tried|got|made|cooked|enjoyed|treated myself to|ordered|picked up|wolfed down|demolished|smashed|killed|housed|chowed down on|chowed down|went with|went for|managed)";

// Openings that carry no food, stripped one after another until none is left.
const LEAD_INS: RegExp[] = [
  /^[:=,;.\-–]+\s*/,
  // "2nd coffee of the day", "my third slice": the count of the day is not an amount.
  /^(?:my\s+)?(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth)\s+(?=[a-z])/,
  /^(?:so|well|ok|okay|hey|hi|hello|btw|also|and|then|oh|oops|um|uh|yeah|yes|yep|alright|right|today|earlier|ugh|lol|haha|update|honestly|tbh|basically|literally|anyway|anyways|guess what|fyi|omg|welp|meh)\b[,!:.]?\s*/,
  /^(?:please|pls|plz|kindly)\b[,]?\s*/,
  /^(?:can|could|would|will) (?:you|u) (?:please |pls )?/,
  /^(?:quick(?:ly)?|just) (?:log|add|track|note)\b\s*/,
  new RegExp(
    `^(?:i|we)(?:'ve|'m|'d| have| am| just| also| already| then| finally| actually| only| did| had| recently)*\\s+(?:just\\s+|also\\s+|already\\s+|finally\\s+|now\\s+|currently\\s+)?${EAT_VERBS}\\b\\s*(?:up\\s+)?`,
  ),
  new RegExp(`^(?:just|also|then|finally|already|recently|now|currently|right now|still)\\s+${EAT_VERBS}\\b\\s*`),
  new RegExp(`^${EAT_VERBS}\\b\\s*`),
  /^(?:log|add|track|record|note|save|enter|put|register|count|jot)(?:\s+(?:down|in|that|this|it|for me|me))*(?:\s*[:-])?\s*(?:(?:that|:)\s*)?(?:(?:i|we)\s+(?:just\s+)?(?:had|ate|drank|grabbed|have had|'ve had)\s+)?/,
  new RegExp(
    `^(?:(?:for|my|our|today'?s?|the|this|a|an|tonight'?s?|yesterday'?s?|late|early|quick|light|big|small|post-workout|pre-workout|night|midnight|afternoon|morning|evening|mid-morning)\\s+)*${MEAL_WORD}\\s*(?:today|yesterday|tonight|this morning)?\\s*(?:was|were|is|consisted of|included|of|will be|:|-|=|–)\\s*`,
  ),
  new RegExp(
    `^(?:for|as|at)\\s+(?:my\\s+|a\\s+)?${MEAL_WORD}\\b[,:]?\\s*(?:(?:i|we)\\s+(?:just\\s+)?${EAT_VERBS}\\s+)?`,
  ),
  new RegExp(`^${MEAL_WORD}\\s*[:,-]\\s*`),
  /^(?:there was|there were|it was|that was)\s+/,
  // "forgot to log yesterday's breakfast - ...", "need to add my lunch: ..."
  /^(?:i\s+)?(?:forgot|forget|meant|need|needed|want|wanted)\s+to\s+(?:log|add|track|mention|record|enter)\b\s*/,
  // "so much pizza", "loads of chips", "way too many cookies": how it felt, not how much.
  /^(?:(?:way\s+)?(?:so|too)\s+(?:much|many)|a\s+lot\s+of|lots\s+of|loads\s+of|tons\s+of|a\s+ton\s+of|a\s+bunch\s+of|heaps\s+of|a\s+load\s+of)\s+(?:of\s+)?/,
  /^(?:pre|post)[- ]?(?:workout|gym|training|run)(?:\s+(?:meal|snack|shake|drink|fuel))?\s*[:,-]\s*(?=\S)/,
  // "a side of fries": the fries.
  /^(?:a\s+)?side\s+(?:order\s+)?of\s+/,
  // "after my 5k run i had ...", "before the gym, ate ...": when, not what.
  new RegExp(
    `^(?:after|before|following)\\s+(?:my|the|a|an|this morning'?s?|today'?s?)\\s+[^,]{1,40}?,?\\s+(?=(?:(?:i|we)\\s+(?:just\\s+)?)?${EAT_VERBS}\\b)`,
  ),
];

// Endings and phrases that say where or why, not what.
const TAIL_NOISE: RegExp[] = [
  /\s*\b(?:to|in|into|on)\s+(?:(?:my|the|today'?s?)\s+)?(?:food\s+)?(?:log|diary|journal|tracker|breakfast|lunch|dinner|snacks?|meals?|day|list|entries)\b.*$/,
  /\s+(?:in|with|mixed with|and)\s+(?:some\s+)?water$/,
  // "popcorn watching a movie", "crisps while gaming": what was going on, not what was eaten.
  /\s+(?:while|whilst|watching)\b.*$/,
  /\s*\b(?:lol|haha|hahaha|lmao|oops|yum|yummy|:\)|:d)\s*$/,
  /\s+(?:after|before|during)\s+(?:my|the|a|work|school|class|training|practice|church|lifting|working out|exercising|running|gym)\b.*$/,
  /\s+at\s+(?:the|a|my|work|home|school|lunchtime)\b.*$/,
  /\s+on\s+(?:the|my)\s+(?:way|go|train|bus|plane|drive|walk|commute)\b.*$/,
  /\s+of the day$/,
  // "a wrap from pret", "fish and chips from the chippy": where it came from.
  /\s+from\s+(?:the\s+|a\s+|my\s+)?[a-z'&]+(?:'s)?$/,
  /\s+(?:from|in)\s+(?:the\s+)?(?:canteen|cafeteria|office|vending machine|corner shop|gas station|petrol station|airport|train station)\b.*$/,
  /\s*\b(?:as well|too|also|again|please|pls|thanks|thank you|for me|if you can|real quick)\s*$/,
  /\s*\b(?:right now|just now|now|earlier|today|tonight|so far|this morning|this afternoon|this evening|at home|at work|at the office|on the go|on the way|at the gym|after the gym|after my workout|after training|before my workout|before training|post-workout|pre-workout|before bed|before bedtime|before sleep|in bed|at night)\s*$/,
  /\s*\b(?:without|minus|hold the|but no|no)\s+[a-z\s'-]+$/,
  /\s+x\s*$/,
  // "add a latte to today": the day word was taken out, its preposition left behind.
  /\s+(?:to|for|in|on|at)$/,
  // "overnight oats made with ...": the "with" list was split off; "made" is left behind.
  /\s+(?:made|blended|mixed|topped|served)$/,
];

/** Words that make a phrase chatter rather than food: "it was great", "so full now". */
const CHATTER_WORDS = new Set(
  "it its it's was were so very really super good great delicious tasty yummy yum nice amazing awesome lovely full stuffed hungry feeling feel felt i i'm im am now lol haha thanks thank you please that's thats all pretty quite bit a little too much ok okay bad healthy not hmm and but just that this is be honest tbh kinda sort of sorta guess think probably maybe well oh wow omg ugh meal meals food something stuff thing things enough done fine huge leftovers leftover lol haha".split(
    " ",
  ),
);

/** Small additions that, without an amount, are a spoonful or a splash, not a whole serving. */
const ADDITIONS: { pattern: RegExp; quantity: number; unit: string; onlyAfter?: RegExp }[] = [
  {
    pattern: /^(?:milk|oat milk|almond milk|soy milk|skim milk|whole milk|2% milk)$/,
    quantity: 1,
    unit: "splash",
    onlyAfter: /\b(?:coffee|tea|latte|espresso|americano|cappuccino)\b/,
  },
  { pattern: /^(?:cream|half and half|creamer|coffee creamer)$/, quantity: 1, unit: "splash" },
  { pattern: /^(?:sugar|brown sugar)$/, quantity: 1, unit: "tsp" },
  {
    pattern:
      /^(?:honey|jam|jelly|maple syrup|syrup|nutella|peanut butter|almond butter|cream cheese|sour cream|mayo|mayonnaise|ketchup|soy sauce|olive oil|oil|dressing|salad dressing|ranch|bbq sauce|pesto)$/,
    quantity: 1,
    unit: "tbsp",
  },
  { pattern: /^(?:butter)$/, quantity: 1, unit: "pat" },
  { pattern: /^(?:salsa|hummus|guacamole|guac|whipped cream|tzatziki)$/, quantity: 2, unit: "tbsp" },
  { pattern: /^(?:mustard|hot sauce|sriracha|lemon juice|lime juice)$/, quantity: 1, unit: "tsp" },
];

function stripLeadIns(text: string): string {
  let current = text.trim();
  let previous = "";
  while (current !== previous) {
    previous = current;
    for (const pattern of LEAD_INS) current = current.replace(pattern, "").trim();
  }
  return current;
}

function stripTail(text: string): string {
  let current = text.trim();
  let previous = "";
  while (current !== previous) {
    previous = current;
    for (const pattern of TAIL_NOISE) current = current.replace(pattern, "").trim();
  }
  return current.replace(/[\s,.;:!?]+$/, "");
}

function isChatter(phrase: string): boolean {
  const words = phrase
    .toLowerCase()
    .replace(/[^a-z'\s]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  return words.every((word) => CHATTER_WORDS.has(word));
}

/** Emoji and other pictographs say how it felt, not what it was. */
function withoutEmoji(text: string): string {
  return text.replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, " ");
}

/** The sentences of a message that report food: questions and chatter are left out. */
function foodSentences(text: string): string[] {
  return (
    text
      .replace(
        /,\s*(?=(?:how|what|what's|whats|why|is that|is it|was that|was it|does that|does it|did that|should i|can i|am i|will that)\b)/g,
        ". ",
      )
      // "long day so I grabbed a kebab": a new clause about the user starts a new sentence.
      .replace(/,?\s+(?:so|because|cause|since|and so|and then|then)\s+(?=(?:i|we)\s)/g, ". ")
      .split(/(?<=[.!?])\s+|\n+|(?<=\S)\s*[;]\s*/)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence !== "" && !isQuestion(sentence))
  );
}

/** "log 2 eggs", "can you add a wrap?": a request to write, even when phrased as a question. */
const WRITE_REQUEST =
  /^(?:(?:can|could|would|will) (?:you|u) (?:please |pls )?|please |pls )?(?:log|add|track|record|note|save|enter)\b(?! (?:of|on)\b)/;

function isQuestion(sentence: string): boolean {
  if (WRITE_REQUEST.test(sentence)) return false;
  return (
    /\?\s*$/.test(sentence) ||
    /^(?:how|what|what's|whats|why|is|are|was|does|do|did|should|can|could|would)\b/.test(sentence)
  );
}

/** Removes the when-phrases parseWhen found, except bare meal words the lead-ins read ("lunch was"). */
function withoutWhen(text: string, matched: string[]): string {
  let result = text;
  for (const phrase of matched) {
    const lower = phrase.toLowerCase();
    if (new RegExp(`^(?:${MEAL_WORD}|snacked|snacking)$`).test(lower)) continue;
    const at = result.toLowerCase().indexOf(lower);
    if (at < 0) continue;
    // "on 3 feb I had a salad": the "on" of a date goes with it.
    const before = result.slice(0, at).replace(/\b(?:on|for)\s*$/i, "");
    result = `${before} ${result.slice(at + lower.length)}`;
  }
  return result.replace(/\s+/g, " ").trim();
}

/**
 * Clauses another specialist owns: supplements ("took my creatine"), training ("squatted 5x5"),
 * body metrics ("weighed 80 kg"), sleep. The coordinator may hand the meal Worker a whole mixed
 * message, and these must not be logged as food.
 */
const OTHER_DOMAIN =
  /^(?:(?:i|we)\s+(?:just\s+|also\s+)?)?(?:took|take|taking|popped|squatted|benched|deadlifted|pressed|ran|run|running|walked|jogged|cycled|biked|swam|rowed|lifted|trained|weighed|weigh|slept|did|worked out|hit the gym|went for a|went to the gym|stretched|hiked)\b|\b(?:creatine|multivitamin|vitamin [a-z0-9]+|vitamins|supplements?|capsules?|pills?|tablets?|softgels?|magnesium|zinc|omega[- ]?3s?|fish oil|melatonin|ashwagandha|probiotics?|electrolytes|pre-workout|preworkout)\b|\b\d+\s*x\s*\d+\b|\b(?:reps|sets|km|miles|steps|workout|bench press|deadlifts?|squats?)\b/;

/** A word standing for a food named before: "log that", "I had one", "200g of it". */
const PRONOUN_FOOD = /^(?:it|that|this|one|them|those|these|the same|same|that one|the one|some of it|some of that)$/;

/** "200g of it" with referent "greek yogurt" -> "200g greek yogurt"; "one" -> "a chicken wrap". */
function withReferent(phrase: string, referent: string): string {
  const amount = phrase
    .replace(/\b(?:of\s+)?(?:it|that|this|them|those|these|the same|same|that one|the one)$/, "")
    .trim();
  if (amount === "" || /^(?:one|a|an|some)$/.test(amount) || /^(?:one|that one|the one)$/.test(phrase.trim()))
    return referent;
  return `${amount} ${parseItemText(referent).name || referent}`;
}

function itemArguments(phrase: string, previous: string | undefined, referent?: string): ItemArguments | null {
  let cleaned = stripTail(stripLeadIns(phrase));
  // "scrambled eggs on toast x2", "2x boiled eggs": a count written as a multiplier.
  const times = /^(.+?)\s*(?:x\s*(\d+)|(\d+)\s*x)$/.exec(cleaned) ?? /^(?:x\s*(\d+)|(\d+)\s*x)\s+(.+)$/.exec(cleaned);
  let multiplier: number | undefined;
  if (times !== null) {
    const [, first, second, third] = times;
    const count = Number(/^\d+$/.test(first ?? "") ? first : (second ?? third));
    const food = /^\d+$/.test(first ?? "") ? third : first;
    if (count > 0 && food !== undefined && !/\d/.test(food)) {
      multiplier = count;
      cleaned = food.trim();
    }
  }
  cleaned = cleaned.replace(/^(?:just|only)\s+(?=\S)/, "");
  if (PRONOUN_FOOD.test(parseItemText(cleaned).name) || PRONOUN_FOOD.test(cleaned)) {
    if (referent === undefined) return null;
    cleaned = withReferent(cleaned, referent);
  }
  // Checked after the trailing context is gone: "a banana before my workout" is still a banana.
  if (OTHER_DOMAIN.test(cleaned.toLowerCase())) return null;
  // "chipotle - chicken burrito bowl": what follows the dash says what the place or dish was.
  const explained = /^([^\d]+?)\s+[-–:]\s+(.+)$/.exec(cleaned);
  if (explained?.[2] !== undefined) cleaned = stripTail(stripLeadIns(explained[2]));
  if (cleaned === "" || isChatter(cleaned)) return null;
  // A phrase that is only a meal word ("breakfast") or a negation ("no toast") is not an item.
  if (
    new RegExp(`^(?:my\\s+|the\\s+)?${MEAL_WORD}$`).test(cleaned) ||
    /^(?:no|not|nothing|none|zero|skipped)\b/.test(cleaned)
  )
    return null;
  const parsed = parseItemText(cleaned);
  if (parsed.name === "" || isChatter(parsed.name)) return null;
  const item: ItemArguments = { food: cleaned };
  if (multiplier !== undefined) parsed.quantity = (parsed.quantity ?? 1) * multiplier;
  if (parsed.quantity !== undefined) item.quantity = parsed.quantity;
  if (parsed.unit !== undefined) item.unit = parsed.unit;
  if (parsed.quantity === undefined && parsed.unit === undefined) {
    const addition = ADDITIONS.find(
      (candidate) =>
        candidate.pattern.test(parsed.name) &&
        (candidate.onlyAfter === undefined || candidate.onlyAfter.test(previous ?? "")),
    );
    if (addition !== undefined) {
      item.quantity = addition.quantity;
      item.unit = addition.unit;
    }
  }
  return item;
}

/** Dishes named by their fillings: "turkey and cheese sandwich" is one sandwich, not turkey plus a sandwich. */
const DISH_NOUNS =
  "sandwich|sandwiches|salad|wrap|burger|pizza|bowl|omelet|omelette|soup|bagel|toast|toastie|sub|panini|quesadilla|burrito|taco|tacos|pie|stir fry|stir-fry|curry|pasta|smoothie|shake|sushi|roll|muffin|pancakes|waffles|oatmeal|porridge|casserole|stew|chili|risotto|noodles";

/** Dishes in their own right whose first word could be a filling: "eggs and avocado toast" is two things. */
const STANDALONE_DISHES = new Set(["avocado toast", "french toast", "cinnamon toast", "cheese toast"]);

function dishCompounds(text: string): string[] {
  const pattern = new RegExp(
    `\\b(?!(?:${DISH_NOUNS})\\b)([a-z'-]+) (?:and|&|n) (?!(?:a|an|the|some|my|one|two)\\b)([a-z'-]+) (${DISH_NOUNS})\\b`,
    "g",
  );
  return [...text.matchAll(pattern)]
    .filter((match) => !STANDALONE_DISHES.has(`${match[2]} ${match[3]}`))
    .map((match) => `${match[1]} and ${match[2]}`);
}

/** Brand and dish names with an "and" in them that the shared list splitter does not know. */
const BRAND_COMPOUNDS = ["ben and jerrys", "ben and jerry", "m and ms", "salt and pepper chips"];

const AMOUNT_UNITS =
  "packet|pack|package|bag|box|tub|bowl|plate|plateful|can|tin|bottle|carton|container|jar|cup|mug|glass|slice|piece|serving|portion|handful|scoop|bar|pot|tray|punnet|sleeve";
/** "a", "an" and "the" count one ("the whole packet"); number words go to the shared reader. */
function countOf(word: string): number {
  return /^(?:a|an|the)$/.test(word) ? 1 : (numberWordValue(word) ?? Number(word));
}
const AMOUNT_ONLY = new RegExp(
  `^(?:(?:about|around|roughly|approximately|maybe|like|probably|just|only|at least|almost|nearly|prob)\\s+)*(?:(a couple of|the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|half|\\d+(?:\\.\\d+)?)\\s+)?(?:(?:whole|entire|full|big|small|large|massive|huge|little)\\s+)*(${AMOUNT_UNITS})(?:e?s)?(?:\\s+(?:of\\s+)?(?:it|them|those|these|that|the stuff))?$`,
);
const MEASURED_ONLY =
  /^(?:(?:about|around|roughly|approximately|maybe|like|probably|just|only|at least|almost|nearly|prob|~)\s*)*(\d+(?:\.\d+)?)\s*([a-z][a-z. ]{0,15}?)\.?$/;
const COUNT_OF_THEM =
  /^(?:(?:about|around|maybe|like|just|only)\s+)*(two|three|four|five|six|seven|eight|nine|ten|\d+|half|a couple) of (?:them|those|these|it|em)$/;

/**
 * A phrase that only says how much of the food before it: "the whole packet", "about a bowl",
 * "two of them", "4 slices". It belongs to that food, not a food of its own.
 */
function amountOnly(phrase: string): { quantity: number; unit?: string } | null {
  const text = phrase.trim().toLowerCase();
  const counted = COUNT_OF_THEM.exec(text);
  if (counted !== null) {
    const word = (counted[1] ?? "").replace(/^a couple$/, "couple");
    return { quantity: countOf(word) };
  }
  // "pasta, about 300g": a weight or volume on its own is the amount of the food before it.
  const measured = MEASURED_ONLY.exec(text);
  const measuredUnit = measured === null ? null : normaliseUnit(measured[2]!);
  if (measuredUnit !== null && (unitKind(measuredUnit) === "mass" || unitKind(measuredUnit) === "volume"))
    return { quantity: Number(measured![1]), unit: measuredUnit };
  const match = AMOUNT_ONLY.exec(text);
  if (match === null) return null;
  const word = (match[1] ?? "a").replace(/^a couple of$/, "couple");
  const quantity = countOf(word);
  if (!(quantity > 0)) return null;
  return { quantity, unit: parseItemText(`1 ${match[2] ?? ""} of food`).unit ?? match[2] ?? "serving" };
}

const SECOND_HELPING =
  /^(?:a\s+)?(?:second|another|2nd|one more)\s+(?:bowl|plate|plateful|one|helping|serving|portion|slice|piece|cup|glass|round|mug)$|^(?:went back for\s+)?seconds$/;

/** Drinks and bowls described by what went into them: the ingredients are logged, not the whole. */
const BLEND =
  /^(?:(?:a|an|my|the|one|big|large|small)\s+)*(?:[a-z-]+\s+)?(?:smoothie|shake|protein shake|smoothie bowl|acai bowl)$/;
/** Oats are a food of their own: "oats with chia and berries" keeps them unless their own ingredients list oats again. */
const OATS_DISH = /^(?:(?:a|an|my|the|one|big|large|small|bowl of)\s+)*(?:overnight\s+)?oats$/;

function withoutBlend(items: ItemArguments[]): ItemArguments[] {
  const [first, ...rest] = items;
  if (first === undefined || rest.length < 2 || first.quantity !== undefined) return items;
  if (BLEND.test(first.food)) return rest;
  return OATS_DISH.test(first.food) && rest.some((item) => /\boats\b/.test(item.food)) ? rest : items;
}

const ON_BREAD =
  /\s+on\s+(?=(?:(?:a|an|one|two|\d+)\s+)?(?:(?:slices?|pieces?)\s+of\s+)?(?:[a-z-]+\s+)?(?:toast|bread|bagels?|crackers?|rice cakes?|crumpets?|english muffins?|muffins?|sourdough|rye|pitta|pita)\b)/;
const TIMES_AT_END = /\s+(x\s?\d+|\d+\s?x)\s*$/;

/** "beans on toast" -> "beans, toast"; "eggs on toast x2" -> "eggs x2, toast x2" (two of the whole). */
function withBreadApart(phrase: string): string {
  const times = TIMES_AT_END.exec(phrase)?.[1];
  return phrase.replace(ON_BREAD, times === undefined ? ", " : ` ${times}, `);
}

/** The item phrases of a stretch of text, each cleaned of verbs, fillers and trailing context. */
export function extractItems(text: string, referent?: string): ItemArguments[] {
  const items: ItemArguments[] = [];
  let previous: ItemArguments | undefined;
  for (const sentence of foodSentences(withoutEmoji(normaliseText(withLinesAsCommas(text))))) {
    const body = stripLeadIns(
      sentence
        .replace(/\bbut\b/g, ",")
        // "pizza like 4 slices": the "like" of a rough amount.
        .replace(/\b(?:like|about|around|roughly)\s+(?=\d|(?:a|an|one|two|three|four|five|six|half)\s)/g, "")
        // "1 scoop whey in 250ml almond milk": the drink it was mixed into is a food of its own.
        .replace(/\s+in\s+(?=(?:\d+(?:\.\d+)?\s*(?:ml|l|oz|fl oz|cups?)|a (?:glass|cup|mug) of)\s)/g, ", ")
        // "beans on toast", "2 eggs on sourdough toast": the topping and the bread are two foods.
        .split(",")
        .map(withBreadApart)
        .join(","),
    );
    // The shared list splitter keeps "milk and sugar" whole (a dish-like pair); in a log they are two additions.
    const phrases = splitList(body, { compounds: [...dishCompounds(body), ...BRAND_COMPOUNDS] }).flatMap((phrase) =>
      phrase.replace(/^(milk|cream) and (sugar)$/, "$1\n$2").split("\n"),
    );
    const found: ItemArguments[] = [];
    for (const phrase of phrases) {
      const amount = amountOnly(stripTail(stripLeadIns(phrase)));
      const target = found[found.length - 1] ?? previous;
      // "a bowl of cereal, then a second bowl", "and seconds": one more of the same.
      if (target !== undefined && SECOND_HELPING.test(stripLeadIns(phrase).trim())) {
        target.quantity = (target.quantity ?? parseItemText(target.food).quantity ?? 1) + 1;
        continue;
      }
      if (amount !== null) {
        if (target !== undefined) {
          target.quantity = amount.quantity;
          if (amount.unit !== undefined) target.unit = amount.unit;
        }
        continue;
      }
      const item = itemArguments(phrase, previous?.food, referent);
      // "lost my mind", "tell me my total", "so hungry": no food in them.
      if (item === null || foodEvidence(item.food) === "not-food") continue;
      found.push(item);
      previous = item;
    }
    items.push(...withoutBlend(found));
  }
  return items;
}

/** People other than the user, as the subject of a clause: "my wife had the pasta". */
const OTHER_PERSON =
  "(?:(?:my|our|his|her|their|the)\\s+(?:\\w+\\s+)?(?:wife|husband|partner|boyfriend|girlfriend|bf|gf|fiance|fiancee|friend|friends|mate|mates|buddy|pal|son|daughter|kid|kids|child|children|baby|toddler|mum|mom|mother|dad|father|parents|brother|sister|bro|sis|roommate|flatmate|housemate|colleague|colleagues|coworker|coworkers|boss|team|family|grandma|grandpa|nan|gran|uncle|aunt|cousin|nephew|niece|neighbour|neighbor|dog|cat|guests?|date)|he|she|they|everyone else|the kids|the others)";
const OTHER_CLAUSE = new RegExp(
  `^(?:but|and|while|whereas|though|although|then)?\\s*${OTHER_PERSON}\\s+(?:\\w+\\s+)?(?:had|has|ate|eats|eaten|drank|drinks|ordered|got|gets|went for|chose|picked|took|having|eating)\\b`,
);
const DENIED_CLAUSE =
  /^(?:but|and|though|although)?\s*(?:i\s+)?(?:didn't|did not|never|haven't|have not|skipped|passed on|said no to)\b/;

/**
 * The message without clauses about other people's food or food the user did not have:
 * "my wife had the pasta but I had a tuna sandwich" -> "I had a tuna sandwich".
 */
export function ownClauses(text: string): string {
  const clauses = text.split(
    /\s*(?:,\s*|;\s*|\s+)(?=(?:but|and|while|whereas|though|although)\s+(?:i|my|our|his|her|their|he|she|they|didn't|never|skipped)\b)|(?<=[.!?,;])\s+/,
  );
  if (clauses.length < 2) return text;
  const kept = clauses.filter((clause) => {
    const trimmed = clause.trim().toLowerCase();
    return !OTHER_CLAUSE.test(trimmed) && !DENIED_CLAUSE.test(trimmed);
  });
  return kept
    .map((clause) => clause.trim().replace(/^(?:but|and|while|whereas|though|although)\s+/, ""))
    .join(", ")
    .trim();
}

interface MealMention {
  mealType: MealType;
  start: number;
  end: number;
  /** "lunch was a wrap", "dinner: steak": the meal's items come after its name. */
  itemsFollow: boolean;
}

/**
 * "for breakfast", "at lunch", "as a snack", and "lunch was ..." or "dinner: ..." at the start of
 * a clause: the meals a message names, in text order.
 */
function mealMentions(text: string): MealMention[] {
  const preposition = new RegExp(
    `\\b(?:for|at|as|with)\\s+(?:my\\s+|a\\s+|an\\s+|the\\s+)?(?:late\\s+|early\\s+|quick\\s+|light\\s+|afternoon\\s+|midnight\\s+|evening\\s+|morning\\s+)?(${MEAL_WORD})\\b`,
    "g",
  );
  const named = new RegExp(
    `(?:^|[,.;]\\s*|\\b(?:and|then|plus)\\s+)(?:(?:my|the|today'?s?|yesterday'?s?)\\s+)?(${MEAL_WORD})\\s*(?:was|were|is|consisted of|:|=|-)\\s*`,
    "g",
  );
  const mentions = [
    ...[...text.matchAll(preposition)].map((match) => ({ match, itemsFollow: false })),
    ...[...text.matchAll(named)].map((match) => ({ match, itemsFollow: true })),
  ];
  return mentions
    .map(({ match, itemsFollow }) => ({
      mealType: MEAL_TYPE[match[1] ?? ""] ?? "snack",
      start: match.index,
      end: match.index + match[0].length,
      itemsFollow,
    }))
    .sort((left, right) => left.start - right.start);
}

function whenFields(text: string, now: Date): { date?: string; time?: string; mealType?: MealType } {
  const when = parseWhen(text, now);
  const today = now.toISOString().slice(0, 10);
  const fields: { date?: string; time?: string; mealType?: MealType } = {};
  if (when.date !== today) fields.date = when.date;
  if (when.time !== undefined) fields.time = when.time;
  if (when.mealType !== undefined) fields.mealType = when.mealType;
  return fields;
}

/**
 * The meals a message reports. Usually one; two or more when it names different meals with
 * their own items ("eggs for breakfast and a salad for lunch"). `referent` is the food that "it",
 * "that" or "one" stands for ("I had one for lunch" after asking about a wrap).
 */
export function extractMeals(message: string, now: Date, referent?: string): MealArguments[] {
  const text = ownClauses(normaliseText(withLinesAsCommas(message)));
  const whole = whenFields(text, now);
  const mentions = mealMentions(text);
  const distinct = new Set(mentions.map((mention) => mention.mealType));
  if (mentions.length >= 2 && distinct.size >= 2) {
    const split = splitByMeals(text, mentions);
    const meals = split
      .map(({ segment, mealType }) => {
        const fields = whenFields(segment, now);
        const items = extractItems(withoutWhen(segment, parseWhen(segment, now).matched), referent);
        const meal: MealArguments = { items, mealType };
        const date = fields.date ?? whole.date;
        if (date !== undefined) meal.date = date;
        if (fields.time !== undefined) meal.time = fields.time;
        return meal;
      })
      .filter((meal) => meal.items.length > 0);
    if (meals.length >= 2) return meals;
  }
  const items = extractItems(withoutWhen(text, parseWhen(text, now).matched), referent);
  if (items.length === 0) return [];
  return [{ items, ...whole }];
}

/**
 * Cuts the text into one segment per meal mention. When the first mention opens the text
 * ("for breakfast eggs, for lunch a salad") each meal's items follow its mention; otherwise they
 * come before it ("eggs for breakfast and a salad for lunch").
 */
function splitByMeals(text: string, mentions: MealMention[]): { segment: string; mealType: MealType }[] {
  const first = mentions[0];
  if (first === undefined) return [];
  const before = text.slice(0, first.start);
  const opensText =
    mentions.every((mention) => mention.itemsFollow) ||
    stripLeadIns(withoutWhen(before, parseWhen(before, new Date(0)).matched)).trim() === "";
  return mentions.map((mention, index) => {
    if (opensText) {
      const next = mentions[index + 1];
      return { segment: text.slice(mention.end, next?.start ?? text.length), mealType: mention.mealType };
    }
    const previous = mentions[index - 1];
    const start = previous?.end ?? 0;
    const end = index === mentions.length - 1 ? text.length : mention.end;
    return {
      segment: text
        .slice(start, end)
        .replace(new RegExp(`\\b(?:for|at|as|with)\\s+(?:my\\s+|a\\s+|an\\s+|the\\s+)?${MEAL_WORD}\\b`, "g"), " "),
      mealType: mention.mealType,
    };
  });
}
