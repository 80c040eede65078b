// What a meal message asks for, decided from its words alone (no tool results yet): log a meal,
// answer a question with a read tool, estimate something hypothetical, delete one meal, or just
// answer. Writes are planned only when the write guard's own analysis says the message reports
// something the user did, so the skill and the guard never disagree.
import { analyseIntent } from "@ensemble/ai";
import { parsePeriod, parseWhen, type MealType } from "@ensemble/ai/local";
import { PHOTO_CONFIDENCE_THRESHOLD } from "../prompt.ts";
import { parseItemText } from "../items.ts";
import { splitAsks } from "./asks.ts";
import type { Conversation, PhotoItem } from "./conversation.ts";
import { correctItems, readCorrection } from "./correction.ts";
import { foodEvidence } from "./food-words.ts";
import { extractItems, extractMeals, type ItemArguments, type MealArguments } from "./log-message.ts";
import { expandShorthand } from "./shorthand.ts";

export interface SearchArguments {
  query: string;
  quantity?: number;
  unit?: string;
  limit?: number;
}

export interface DeleteArguments {
  mealId?: string;
  last?: boolean;
  mealType?: MealType;
  date?: string;
  containing?: string;
}

export type Nutrient = "energyKcal" | "proteinG" | "carbohydrateG" | "fatG";

/** The macro a question asks about: "how much protein", "calories left". */
export function nutrientIn(text: string): Nutrient | undefined {
  if (/\bprotein/.test(text)) return "proteinG";
  if (/\b(?:carbs?|carbohydrates?)\b/.test(text)) return "carbohydrateG";
  if (/\bfats?\b/.test(text)) return "fatG";
  if (/\b(?:calories|calorie|cals?|kcals?|energy)\b/.test(text)) return "energyKcal";
  return undefined;
}

export type Purpose =
  | {
      kind: "log";
      meals: MealArguments[];
      photoUnsure: PhotoItem[];
      /** Items with no known food word: looked up first, logged only when the search knows them. */
      verify?: ItemArguments[];
      /** Questions about foods asked in the same message, answered alongside the log. */
      searches?: SearchArguments[];
    }
  /** Delete the last meal, then log it again with a correction ("actually it was 2 eggs not 3"). */
  | { kind: "correct"; meal: MealArguments }
  | { kind: "photo-confirm"; items: PhotoItem[]; searches: SearchArguments[] }
  | { kind: "lookup"; searches: SearchArguments[] }
  | { kind: "estimate"; why: "hypothetical" | "third-person"; searches: SearchArguments[]; withTotals: boolean }
  | { kind: "totals"; date: string; nutrient?: Nutrient }
  | { kind: "meals"; date?: string; from?: string; to?: string; mealType?: MealType; focus: "list" | "totals" }
  | { kind: "delete"; target: DeleteArguments }
  | { kind: "answer"; text: string };

const NUTRIENT =
  "(?:calories|calorie|cals|cal|kcals?|energy|protein|proteins|carbs?|carbohydrates?|fat|fats|fiber|fibre|sugar|sugars|sodium|macros|macro|nutrition(?:al)?(?: info(?:rmation)?| facts| value| content)?|nutrients)";
const MEAL_NAME = /\b(breakfast|brekkie|lunch|brunch|dinner|supper|snacks?|dessert)\b/;
const MEAL_TYPE_OF: Record<string, MealType> = {
  breakfast: "breakfast",
  brekkie: "breakfast",
  lunch: "lunch",
  brunch: "lunch",
  dinner: "dinner",
  supper: "dinner",
  snack: "snack",
  snacks: "snack",
  dessert: "snack",
};

const SELF = /\b(?:i|i've|ive|i'm|im|me|my|we|our|mine)\b/;
const DAY_WORDS =
  /\b(?:today|so far|yesterday|tonight|this morning|this week|last week|this month|left|remaining|to go)\b/;

function isoToday(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function mealTypeIn(text: string): MealType | undefined {
  const match = MEAL_NAME.exec(text);
  return match === null ? undefined : MEAL_TYPE_OF[match[1] ?? ""];
}

// ---------------------------------------------------------------------------------------------
// Food questions: "calories in 100 g of brown rice", "is greek yogurt high in protein?".

const LOOKUP_PATTERNS: RegExp[] = [
  // "the protein content of tofu", "calorie count for a bagel"
  new RegExp(
    `\\b${NUTRIENT}\\s+(?:content|count|amount|value|values|info|information|breakdown)\\s+(?:of|in|for)\\s+(?!my\\b|today\\b|yesterday\\b)(.+)$`,
  ),
  // "calories in 100 g of brown rice", "how much protein is in an egg", "macros for 6 oz salmon"
  new RegExp(
    `\\b${NUTRIENT}\\s+(?:is\\s+|are\\s+|does\\s+|do\\s+)?(?:there\\s+)?(?:in|of|for|from)\\s+(?!my\\b|today\\b|yesterday\\b)(.+)$`,
  ),
  // "how many calories does a slice of pizza have", "how much protein has chicken breast got"
  new RegExp(
    `\\bhow (?:much|many) ${NUTRIENT}\\s+(?:does|do|is|are|has|have|would|will|in)\\s+(?!i\\b|we\\b|my\\b|you\\b)(.+?)(?:\\s+(?:have|has|got|contain|contains|give me|be|provide))?$`,
  ),
  // "is greek yogurt high in protein", "are bananas good for carbs"
  /^(?:is|are)\s+(.+?)\s+(?:high|low|rich|loaded|packed|a good source|good|bad|healthy|full)\b/,
  // "what's in a big mac", "what are the macros of quinoa" are covered above; "nutrition of X":
  /^(?:look up|lookup|search(?: for)?|find|check|tell me about|info on|information on|details on|nutrition for|nutrition of|what about)\s+(?!my\b)(.+)$/,
  // "what's in a tablespoon of peanut butter", "what's in a big mac calorie-wise"
  /^(?:what'?s|whats|what is|what are|what's actually) (?:in|inside)\s+(?!my\b|today\b|yesterday\b|it\b|that\b|this\b)(.+)$/,
  // "a bagel, how many calories would that be" is handled with its statement; "how many calories would a bagel be":
  new RegExp(
    `^how (?:much|many) ${NUTRIENT}\\s+(?:would|will|does|do|is|are)\\s+(?!i\\b|we\\b|my\\b|you\\b|that\\b|it\\b|this\\b)(.+?)\\s+(?:be|have|give me|contain)$`,
  ),
  // "what's a serving of almonds", "how big is a serving of rice"
  /^(?:what(?:'s| is) (?:a|one) serving of|how big is a serving of|serving size (?:of|for))\s+(.+)$/,
];

function lookupTarget(text: string): string | null {
  const question = text
    .replace(/[?!.]+$/, "")
    .replace(new RegExp(`,?\\s*(?:${NUTRIENT}|calorie|carb|nutrition|macro)[- ]?wise$`), "")
    .replace(/,?\s*(?:roughly|approximately|approx|more or less|ballpark)$/, "")
    .trim();
  for (const pattern of LOOKUP_PATTERNS) {
    const match = pattern.exec(question);
    const target = match?.[1]?.trim();
    if (target !== undefined && target !== "" && !/^(?:it|that|this|them|those|these)$/.test(target)) return target;
  }
  return null;
}

function searchFor(phrase: string): SearchArguments {
  const cleaned = phrase
    .replace(/\b(?:compared to|vs\.?|versus)\b.*$/, "")
    .replace(/^(?:a|an|the|some|one)\s+(?=\D)/, (article) => article)
    .replace(/[?!.]+$/, "")
    .trim();
  const parsed = parseItemText(cleaned);
  const query = parsed.name === "" ? cleaned : parsed.name;
  const search: SearchArguments = { query };
  if (parsed.quantity !== undefined || parsed.unit !== undefined) {
    search.quantity = parsed.quantity ?? 1;
    if (parsed.unit !== undefined) search.unit = parsed.unit;
  } else if (/^(?:a|an|one)\s/.test(cleaned)) {
    search.quantity = 1;
  }
  search.limit = 3;
  return search;
}

function searchesForItems(items: ItemArguments[]): SearchArguments[] {
  return items.slice(0, 4).map((item) => {
    const parsed = parseItemText(item.food);
    const search: SearchArguments = { query: parsed.name === "" ? item.food : parsed.name, limit: 3 };
    const quantity = item.quantity ?? parsed.quantity;
    const unit = item.unit ?? parsed.unit;
    search.quantity = quantity ?? 1;
    if (unit !== undefined) search.unit = unit;
    return search;
  });
}

// ---------------------------------------------------------------------------------------------
// Questions about the user's own log.

const TOTALS_QUESTION = new RegExp(
  [
    `\\bhow (?:much|many) ${NUTRIENT}\\b`,
    `\\b(?:my|today'?s|yesterday'?s|daily|total|totals)\\s+(?:${NUTRIENT}|intake|totals?)\\b`,
    `\\b${NUTRIENT}\\s+(?:so far|today|yesterday|left|remaining|total|count|intake)\\b`,
    "\\bon track\\b",
    "\\bhow am i doing\\b",
    "\\bhow did i do\\b",
    "\\bhow'?d i do\\b",
    "\\bhow close am i\\b",
    "\\b(?:left|remaining|to go)\\b",
    "\\b(?:hit|hitting|reach|reached|meet|met|over|under|exceed|exceeded)\\s+(?:my\\s+)?(?:\\w+\\s+)?(?:goal|target|budget|limit|macros|calories|protein)\\b",
    "\\b(?:goal|target|budget)s?\\b",
    "\\b(?:totals?|summary|breakdown|tally|rundown)\\b",
    "\\bwhere am i at\\b",
    "\\bwhere do i stand\\b",
    "\\bhow much (?:have|did) (?:i|we) (?:eat|eaten|had|have)\\b",
    "\\bhow much (?:food|have i had)\\b",
  ].join("|"),
);

const MEALS_QUESTION = new RegExp(
  [
    "\\bwhat (?:did|have|had|do) (?:i|we) (?:eat|eaten|ate|had|have|log|logged|drink|drank|drunk)\\b",
    "\\bwhat(?:'s| is| was| were)? (?:in |on )?my (?:breakfast|lunch|dinner|snacks?|meals?|log|diary|food log)\\b",
    "\\bwhat (?:was|were) (?:my|for) (?:breakfast|lunch|dinner|snacks?)\\b",
    "\\bwhat i (?:ate|had|eaten|logged)\\b",
    "\\b(?:show|list|see|view|display|pull up|give me|get|read|recap|review)\\b.*\\b(?:meals?|log|logs|diary|food|foods|entries|entry|breakfast|lunch|dinner|snacks?|ate|eaten|history|everything|anything|what i)\\b",
    "\\bdid i (?:already |actually |even |ever )?(?:log|eat|have|record|add|track)\\b",
    "\\b(?:have|did) i (?:already |actually |even )?(?:logged|eaten|had)\\b",
    "\\bmy (?:meals|food log|diary|meal log|log)\\b",
    "\\bwhen did i (?:last )?(?:eat|have)\\b",
    "\\bwhat (?:i've|i have) (?:had|eaten|logged)\\b",
    "\\bwhat (?:my|the) (?:breakfast|brunch|lunch|dinner|supper|snacks?|meals?) (?:was|were|had)\\b",
    "\\bremind me (?:what|of|about)\\b",
    "\\b(?:anything|something) (?:logged|in my log)\\b",
  ].join("|"),
);

function isQuestion(text: string): boolean {
  return (
    /\?\s*$/.test(text) ||
    /^(?:how|what|what's|whats|when|which|did|do|does|have|has|am|is|are|was|were|can|could|should|would|will|show|list|tell|give|display|check|remind|where)\b/.test(
      text,
    )
  );
}

function periodArguments(text: string, now: Date): { date?: string; from?: string; to?: string } {
  const period = parsePeriod(text, now);
  if (period === null) return {};
  if (period.from === period.to) return period.from === isoToday(now) ? {} : { date: period.from };
  return { from: period.from, to: period.to };
}

// ---------------------------------------------------------------------------------------------
// Deleting.

const DELETE_VERB =
  /\b(?:delete|remove|undo|erase|scratch|cancel|get rid of|take off|take out|unlog|un-log|nuke|drop|trash|strike|kill|clear|wipe|reset|purge)\b/;
const BULK =
  /\b(?:all|every|everything|entire|whole day|whole log|whole week|all of them|history)\b|\b(?:clear|wipe|reset|purge|empty)\b|\bmeals\b|\bentries\b/;
const GENERIC_TARGET_WORDS = new Set(
  "delete remove undo erase scratch cancel get rid of take off out unlog un-log nuke drop trash strike kill that this it the my last latest previous recent most one entry meal log logged item food i just had ate added entered please from today yesterday's yesterday today's for a an mistake wrong oops sorry was by accident accidentally by mistake again actually can you could instead didn't did not have had ate eat eaten never wasn't really logged twice double duplicate thing things stuff what whatever something".split(
    " ",
  ),
);

function deleteTarget(text: string, now: Date): DeleteArguments {
  const mealId = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/.exec(text)?.[0];
  if (mealId !== undefined) return { mealId };
  const target: DeleteArguments = {};
  const mealType = mealTypeIn(text);
  if (mealType !== undefined) target.mealType = mealType;
  const when = parseWhen(text, now);
  const dateMatched = when.matched.some(
    (phrase) =>
      !MEAL_NAME.test(phrase.toLowerCase()) ||
      /\b(?:yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|ago|last)\b/.test(
        phrase.toLowerCase(),
      ),
  );
  if (dateMatched && when.date !== isoToday(now)) target.date = when.date;
  // The food named: the words left once verbs, pronouns, meal and date words are gone.
  let rest = text;
  for (const phrase of when.matched) rest = rest.replace(phrase.toLowerCase(), " ");
  const words = rest
    .replace(/[^a-z0-9'\s-]/g, " ")
    .replace(MEAL_NAME, " ")
    .split(/\s+/)
    .map((word) => word.replace(/^'+|'s$|'+$/g, ""))
    .filter((word) => word.length > 1 && !GENERIC_TARGET_WORDS.has(word));
  const food = words.join(" ").trim();
  if (food !== "" && !/\d/.test(food) && foodEvidence(food) !== "not-food")
    target.containing = parseItemText(food).name || food;
  if (target.mealType === undefined && target.containing === undefined) target.last = true;
  else if (
    target.containing !== undefined ||
    /\b(?:last|latest|most recent|previous|twice|duplicate|double|one of them|one of those)\b/.test(text)
  )
    target.last = true;
  return target;
}

// ---------------------------------------------------------------------------------------------
// Photos.

const ATE_WORDS =
  /\b(?:ate|eaten|eating|eat|had|have|having|drank|drinking|lunch|dinner|breakfast|brunch|supper|snack|meal|log|logged|add|track|finished|just|devoured|scoffed|demolished)\b/;

function photoPurpose(conversation: Conversation, text: string, writesAllowed: boolean): Purpose {
  const confident = conversation.photo.filter((item) => item.confidence >= PHOTO_CONFIDENCE_THRESHOLD);
  const unsure = conversation.photo.filter((item) => item.confidence < PHOTO_CONFIDENCE_THRESHOLD);
  if (writesAllowed && ATE_WORDS.test(text) && !isQuestion(text) && confident.length > 0) {
    const when = extractMeals(text, conversation.now)[0];
    const meal: MealArguments = { items: confident.map(photoItemArguments) };
    const fields = whenOf(text, conversation.now);
    Object.assign(meal, fields);
    if (when?.mealType !== undefined) meal.mealType = when.mealType;
    return { kind: "log", meals: [meal], photoUnsure: unsure };
  }
  return {
    kind: "photo-confirm",
    items: conversation.photo,
    searches: conversation.photo
      .slice(0, 4)
      .map((item) => ({ query: item.name, quantity: Math.round(item.grams), unit: "g", limit: 1 })),
  };
}

function photoItemArguments(item: {
  name: string;
  grams: number;
  foodId?: number;
}): ItemArguments & { foodId?: number } {
  return {
    food: item.name,
    quantity: Math.round(item.grams),
    unit: "g",
    ...(item.foodId !== undefined ? { foodId: item.foodId } : {}),
  };
}

function whenOf(text: string, now: Date): { date?: string; time?: string; mealType?: MealType } {
  const when = parseWhen(text, now);
  const fields: { date?: string; time?: string; mealType?: MealType } = {};
  if (when.date !== isoToday(now)) fields.date = when.date;
  if (when.time !== undefined) fields.time = when.time;
  if (when.mealType !== undefined) fields.mealType = when.mealType;
  return fields;
}

/** "• grilled chicken, ~150 g" lines of an earlier photo reply, for "yes, log it". */
export const PHOTO_LINE = /^• (.+?), ~(\d+(?:\.\d+)?) g\b/;

function offeredPhotoItems(history: Conversation["history"]): PhotoItem[] {
  const last = history.toReversed().find((turn) => turn.role === "assistant");
  if (last === undefined || !/want me to log/i.test(last.content)) return [];
  return last.content.split("\n").flatMap((line) => {
    const match = PHOTO_LINE.exec(line.trim());
    return match === null ? [] : [{ name: match[1] ?? "", grams: Number(match[2]), confidence: 1 }];
  });
}

const YES =
  /^(?:yes|yeah|yep|yup|sure|ok|okay|correct|right|that's right|thats right|exactly|please do|do it|go ahead|log it|log that|add it|add that|sounds good|perfect|confirm|confirmed|y)\b/;
const NO = /^(?:no|nope|nah|don't|do not|not really|cancel|never mind|nevermind|skip it)\b/;

// ---------------------------------------------------------------------------------------------

const GREETING =
  /^(?:hi|hello|hey|yo|thanks|thank you|thx|ty|cheers|great|cool|nice|awesome|ok|okay|got it|perfect|good morning|good night|gm)\b[\s!.]*$/;

const HELP_TEXT =
  'Tell me what you ate ("2 eggs and toast for breakfast", "6 oz salmon with a cup of rice for dinner") and I\'ll log it with its calories and macros. You can also ask "how much protein today?", "what did I eat yesterday?", "calories in 100 g of brown rice", or say "delete my last meal".';

/** Negations a clause analysis can miss: "no snacks today", "nothing for lunch". */
const PLAIN_NEGATION =
  /^(?:no|nothing|zero|none|skipped|skipping|fasted|fasting)\b|\b(?:didn't|did not|haven't|have not|hasn't|never|won't|wasn't)\s+(?:\w+\s+)?(?:eat|eaten|have|had|drink|drunk|log)\b/;

/** True when an intent analysis says the message reports nothing the user did. */
function notReported(intent: ReturnType<typeof analyseIntent>): boolean {
  return intent.hypothetical || intent.negated || intent.thirdPerson || (intent.question && !intent.reportsAction);
}

/** Words that say a statement reports eating or asks for a log, not just names a food. */
const REPORT_WORDS = new RegExp(
  `\\b(?:i|i've|ive|i'm|im|we|just|had|have|ate|eaten|eating|drank|drunk|drinking|grabbed|snacked|finished|log|add|track|record|note|save|made|cooked|ordered|got|devoured|scoffed|polished|demolished|inhaled|breakfast|brunch|lunch|dinner|supper|snack|dessert|yesterday|today|tonight|this morning|last night|earlier)\\b`,
);

const COMPARING = new RegExp(
  `\\b(?:which|what)(?:'s| is)?\\s+(?:one\\s+)?(?:(?:has|have|is|are|contains|gives|got|packs)\\s+)?(?:(?:got|the|a|way|much|a lot|lot)\\s+)*(?:more|less|fewer|most|least|higher|lower|better|worse|healthier|leaner)\\b(?:\\s+(?:for|in|on|when it comes to))?(?:\\s+(?:${NUTRIENT}|me|you))?(?:\\s+(?:per|in)\\s+\\S+)?`,
);

/**
 * Food questions that compare: "which has more fibre, oats or quinoa?", "salmon or chicken, which
 * has more protein?", "oats vs quinoa for protein". The foods may come before or after the question.
 */
function comparisonTargets(text: string): string[] | null {
  const question = text.replace(/[?!.]+$/, "").trim();
  const which = COMPARING.exec(question);
  if (which === null && !/\b(?:vs\.?|versus|compare|compared to)\b/.test(question)) return null;
  let list = question;
  if (which !== null) {
    const after = question.slice(which.index + which[0].length).replace(/^[\s,:]+|^(?:between)\s+/g, "");
    list = after !== "" ? after : question.slice(0, which.index);
  }
  const cleaned = list
    .replace(/^(?:compare|between)\s+/, "")
    .replace(/[\s,:;-]+$/, "")
    .split(/\s+(?:vs\.?|versus|compared to|or|and|to)\s+|\s*,\s*/)
    .map((target) =>
      (lookupTarget(target) ?? target)
        .replace(new RegExp(`\\b(?:for|in|by)\\s+${NUTRIENT}\\b.*$`), "")
        .replace(new RegExp(`^${NUTRIENT}\\s+(?:in|of)\\s+`), "")
        .replace(new RegExp(`\\s+${NUTRIENT}$`), "")
        .replace(/\s+for\s+\w+$/, "")
        .trim(),
    )
    .filter((target) => target !== "" && foodEvidence(target) !== "not-food");
  // "brown or white rice": the food word said once belongs to both.
  const shared = cleaned.at(-1)?.split(" ").at(-1);
  const targets = cleaned.map((target) =>
    shared !== undefined && foodEvidence(target) !== "food" ? `${target} ${shared}` : target,
  );
  return targets.length >= 2 ? targets.slice(0, 4) : null;
}

/** The food the previous user turn asked about or named: what "log that" or "I had one" means. */
function foodOfEarlierTurn(history: Conversation["history"]): string | null {
  const users = history
    .filter((turn) => turn.role === "user")
    .slice(-2)
    .toReversed();
  for (const turn of users) {
    const text = expandShorthand(turn.content);
    for (const ask of splitAsks(text).asks) {
      const target = lookupTarget(ask);
      if (target !== null) return target;
    }
    const imagined = extractHypotheticalItems(text)[0];
    if (imagined !== undefined) return imagined.food;
  }
  return null;
}

/** "log that", "I had one for lunch", "add it": a log of a food named earlier, with no food of its own. */
const LOG_REFERENCE =
  /\b(?:log|add|track|record|save|had|ate|have had|eaten|drank|having|got)\s+(?:it|that|this|one|them|those|these|the same|that one|some|two|three|a couple)\b|^(?:yes|yeah|yep|ok|okay|sure)\b.*\b(?:log|add)\b/;

/** Unknown phrases in the meals: checked against the food search before they are logged. */
function unsureItems(meals: MealArguments[]): ItemArguments[] {
  return meals.flatMap((meal) => meal.items).filter((item) => foodEvidence(item.food) === "unknown");
}

function logPurpose(meals: MealArguments[], searches: SearchArguments[] = []): Purpose {
  const verify = unsureItems(meals);
  return {
    kind: "log",
    meals,
    photoUnsure: [],
    ...(verify.length > 0 ? { verify } : {}),
    ...(searches.length > 0 ? { searches } : {}),
  };
}

/** The meal the previous user turns logged, for a correction. */
function earlierMeal(history: Conversation["history"], now: Date): MealArguments | null {
  const users = history
    .filter((turn) => turn.role === "user")
    .slice(-3)
    .toReversed();
  for (const turn of users) {
    const statements = splitAsks(expandShorthand(turn.content)).statements.join(". ");
    const meal = extractMeals(statements, now)[0];
    if (meal !== undefined) return meal;
  }
  return null;
}

/**
 * "had a tuna salad for lunch", then "and a diet coke": an addition that names no meal or time of
 * its own belongs to the meal just logged, not to a new one at the current time.
 */
function withEarlierMeal(
  meals: MealArguments[],
  text: string,
  history: Conversation["history"],
  now: Date,
): MealArguments[] {
  const [only] = meals;
  if (meals.length !== 1 || only === undefined || !/^(?:and|also|plus|oh and|oh,? and|with)\b/.test(text.trim()))
    return meals;
  if (only.mealType !== undefined || only.time !== undefined || only.date !== undefined) return meals;
  const earlier = earlierMeal(history, now);
  if (earlier === null) return meals;
  const when: Partial<MealArguments> = {};
  if (earlier.mealType !== undefined) when.mealType = earlier.mealType;
  if (earlier.date !== undefined) when.date = earlier.date;
  if (earlier.time !== undefined) when.time = earlier.time;
  return [{ ...only, ...when }];
}

const WHAT_ABOUT_NUTRIENT = new RegExp(`^(?:and |so |ok |okay )?(?:what|how) about (?:my )?${NUTRIENT}\\??$`);

const ANOTHER =
  /^(?:(?:and|ok|okay|oh)[\s,]+)?(?:one more|another(?: one)?|same again|(?:the )?same (?:thing )?again)[\s!.]*$/;

const CANCEL_PREVIOUS =
  /^(?:(?:oh|oops|sorry|wait|no|nope|ugh|actually)[\s,!.]+)*(?:scratch that|never mind|nevermind|ignore that|forget that|forget it|undo that|undo|cancel that|take that back|my bad)\b|\bi (?:didn't|did not|never) (?:actually |really )?(?:eat|have|drink) (?:it|that|them|those)\b/;

/** Did the last user turn log food? Then "scratch that" or "I didn't actually eat it" undoes it. */
function previousTurnLogged(history: Conversation["history"], now: Date): boolean {
  const last = history.filter((turn) => turn.role === "user").at(-1);
  if (last === undefined) return false;
  const intent = analyseIntent(last.content);
  return (
    intent.reportsAction && extractMeals(splitAsks(expandShorthand(last.content)).statements.join(". "), now).length > 0
  );
}

export function understand(conversation: Conversation): Purpose {
  const raw = conversation.message;
  const text = expandShorthand(raw);
  const now = conversation.now;
  // The platform's guard reads the message as written; the skill reads it with shorthand spelled
  // out. A write is planned only when both say the message reports something the user did.
  const guardIntent = analyseIntent(raw);
  const intent = analyseIntent(text);
  const writesAllowed = !notReported(guardIntent) && !notReported(intent);
  const reportsAction = guardIntent.reportsAction || intent.reportsAction;

  if (conversation.photo.length > 0) return photoPurpose(conversation, text, writesAllowed);

  // "yes" after a photo offer logs what was offered; "no" logs nothing.
  const offered = offeredPhotoItems(conversation.history);
  if (offered.length > 0 && YES.test(text) && writesAllowed) {
    return { kind: "log", meals: [{ items: offered.map(photoItemArguments), ...whenOf(text, now) }], photoUnsure: [] };
  }
  if (offered.length > 0 && NO.test(text))
    return { kind: "answer", text: "No problem, I haven't logged anything from the photo." };

  if (text === "" || GREETING.test(text)) {
    return {
      kind: "answer",
      text: /^(?:thanks|thank you|thx|ty|cheers)/.test(text)
        ? "Anytime! Tell me what you eat next and I'll log it."
        : HELP_TEXT,
    };
  }

  // "scratch that" or "I didn't actually eat it" right after a log: undo that log.
  if (CANCEL_PREVIOUS.test(text) && previousTurnLogged(conversation.history, now)) {
    return { kind: "delete", target: { last: true } };
  }

  // "one more", "same again" after a log: the same food again, now.
  if (ANOTHER.test(text.trim()) && writesAllowed) {
    const earlier = earlierMeal(conversation.history, now);
    if (earlier !== null) return logPurpose([{ items: earlier.items }]);
  }

  const correction = readCorrection(text);
  if (correction !== null && !intent.hypothetical && !intent.thirdPerson) {
    const earlier = earlierMeal(conversation.history, now);
    const items = earlier === null ? null : correctItems(earlier.items, correction);
    if (earlier !== null && items !== null) {
      const meal: MealArguments = { ...earlier, items };
      if (correction.mealType !== undefined) meal.mealType = correction.mealType;
      return { kind: "correct", meal };
    }
    if (earlier !== null || !reportsAction)
      return {
        kind: "answer",
        text: "I couldn't tell which item to change, so nothing was changed. Say \"delete my last meal\" and then tell me what you actually had, and I'll log it fresh.",
      };
  }

  if (DELETE_VERB.test(text) && !/\b(?:how|what) (?:do|can) i\b/.test(text)) {
    if (BULK.test(text) && !/\b(?:last|latest|that|this) (?:meal|entry|one)\b/.test(text)) {
      return {
        kind: "answer",
        text: 'I can only delete one meal at a time, so nothing was deleted. Tell me which one, e.g. "delete my last meal" or "delete yesterday\'s lunch".',
      };
    }
    if (
      /\b(?:remove|delete|take)\b.+\b(?:from|out of|off)\s+(?:my\s+|the\s+)?(?:breakfast|lunch|dinner|supper|snack|meal)\b/.test(
        text,
      )
    ) {
      return {
        kind: "answer",
        text: 'I can\'t take one food out of a logged meal yet, so nothing was changed. I can delete the whole meal (say "delete my lunch") and you can then log it again without that food.',
      };
    }
    if (writesAllowed || reportsAction) return { kind: "delete", target: deleteTarget(text, now) };
    // The write guard reads this as calling something off rather than asking for a delete.
    return {
      kind: "answer",
      text: 'Nothing was deleted. If you want me to remove a meal, say "delete my last meal" or name it, e.g. "delete yesterday\'s lunch".',
    };
  }

  if (/^(?:change|edit|update|modify|correct|fix)\b/.test(text)) {
    return {
      kind: "answer",
      text: "I can't edit a logged meal yet. Say \"delete my last meal\" (or name the meal) and then tell me what you actually had, and I'll log it fresh.",
    };
  }

  // "what about protein?" after a log or a total: the day's protein, not the food called protein.
  if (WHAT_ABOUT_NUTRIENT.test(text.trim())) {
    const nutrient = nutrientIn(text);
    return { kind: "totals", date: isoToday(now), ...(nutrient ? { nutrient } : {}) };
  }

  const split = splitAsks(text);
  // "calories in 100 g of rice", "macros for 6 oz salmon": questions with no question word.
  const isLookup = (statement: string) => lookupTarget(statement) !== null || comparisonTargets(statement) !== null;
  const parts = {
    statements: split.statements.filter((statement) => !isLookup(statement)),
    asks: [...split.asks, ...split.statements.filter(isLookup)],
  };
  const aboutSelf = SELF.test(text) || DAY_WORDS.test(text);

  // "what if I ate a whole pizza?", "should I have a burger?": an estimate, never a log.
  if (intent.hypothetical && !reportsAction) {
    const items = extractHypotheticalItems(text);
    if (items.length > 0)
      return { kind: "estimate", why: "hypothetical", searches: searchesForItems(items), withTotals: true };
    const target = parts.asks.map(lookupTarget).find((found) => found !== null) ?? lookupTarget(text);
    if (target !== null && target !== undefined) return { kind: "lookup", searches: [searchFor(target)] };
    return { kind: "totals", date: isoToday(now) };
  }
  if ((intent.thirdPerson || guardIntent.thirdPerson) && !reportsAction) {
    const items = extractThirdPersonItems(text);
    if (items.length > 0)
      return { kind: "estimate", why: "third-person", searches: searchesForItems(items), withTotals: false };
    return {
      kind: "answer",
      text: "I only keep a log of your own meals, so I haven't logged that. If you ate something too, tell me and I'll add it.",
    };
  }

  // What the questions ask about foods: "how much protein is in greek yogurt?", "oats or quinoa?".
  const lookups: string[] = [];
  const comparedInText = comparisonTargets(text);
  if (comparedInText !== null && !REPORT_WORDS.test(text.replace(/\b(?:i|me)\b/g, ""))) {
    return { kind: "lookup", searches: comparedInText.map(searchFor) };
  }
  for (const ask of parts.asks) {
    const compared = comparisonTargets(ask);
    if (compared !== null) lookups.push(...compared);
    else {
      const target = lookupTarget(ask);
      if (target !== null && !(SELF.test(target) || /\b(?:today|so far|yesterday)\b/.test(target)))
        lookups.push(target);
    }
  }
  const statementText = parts.statements.join(". ");
  // "a pint of beer - how many kcal is that": a food named, then asked about, not a report.
  const statementsReport =
    parts.statements.length > 0 && (parts.asks.length === 0 || REPORT_WORDS.test(statementText) || reportsAction);
  const bareFoods = parts.asks.length > 0 && !REPORT_WORDS.test(statementText) ? parts.statements : [];
  const pronounAsk = parts.asks.some(
    (ask) => /\b(?:that|it|this|those|them)\b/.test(ask) && lookupTarget(ask) === null,
  );
  if (bareFoods.length > 0 && pronounAsk && lookups.length === 0) {
    const items = extractItems(bareFoods.join(". "));
    if (items.length > 0) return { kind: "lookup", searches: searchesForItems(items) };
  }

  if (statementsReport && writesAllowed) {
    // "on 31 feb I had a salad", "I had a banana next week": no day to date the meal to.
    const day = parseWhen(statementText, now);
    if (day.notADay !== undefined)
      return {
        kind: "answer",
        text: `There's no ${day.notADay} on the calendar, so I haven't logged anything. Which day was it?`,
      };
    if (day.date > isoToday(now) || /\bnext (?:week|month|year|time)\b/.test(statementText))
      return {
        kind: "answer",
        text: 'That day hasn\'t come yet, so I haven\'t logged anything. If you meant a day that has passed, tell me which ("yesterday", "last Monday").',
      };
    const referent = lookups[0] ?? foodOfEarlierTurn(conversation.history);
    const meals = extractMeals(statementText, now, referent ?? undefined);
    if (meals.length > 0)
      return logPurpose(withEarlierMeal(meals, text, conversation.history, now), lookups.slice(0, 3).map(searchFor));
    // "ok log that, I had one for lunch": the food is the one talked about just before.
    if (referent !== null && LOG_REFERENCE.test(statementText)) {
      const fields = whenOf(statementText, now);
      const count = /\b(two|three|a couple)\b/.exec(statementText)?.[1];
      const food =
        count === undefined
          ? referent
          : `${count === "a couple" ? "2" : count} ${parseItemText(referent).name || referent}`;
      return logPurpose([{ items: [{ food }], ...fields }]);
    }
  }

  if (lookups.length > 0) return { kind: "lookup", searches: lookups.slice(0, 4).map(searchFor) };

  const askText = parts.asks.length > 0 ? parts.asks.join(". ") : text;
  const question = parts.asks.length > 0 || isQuestion(text) || intent.question;
  if (question || MEALS_QUESTION.test(askText) || (TOTALS_QUESTION.test(askText) && !reportsAction)) {
    const range = periodArguments(askText, now);
    const mealType = mealTypeIn(askText);
    const namesNutrient = new RegExp(
      `\\bhow (?:much|many) ${NUTRIENT}\\b|\\b${NUTRIENT}\\s+(?:so far|today|total|intake)\\b`,
    ).test(askText);
    if (MEALS_QUESTION.test(askText) && !namesNutrient) {
      return { kind: "meals", ...range, ...(mealType ? { mealType } : {}), focus: "list" };
    }
    if (TOTALS_QUESTION.test(askText) || new RegExp(`\\b${NUTRIENT}\\b`).test(askText) || aboutSelf) {
      if (range.from !== undefined) return { kind: "meals", ...range, focus: "totals" };
      if (mealType !== undefined && /\b(?:my|for|at)\b/.test(askText))
        return { kind: "meals", ...range, mealType, focus: "totals" };
      const nutrient = nutrientIn(askText);
      return { kind: "totals", date: range.date ?? isoToday(now), ...(nutrient ? { nutrient } : {}) };
    }
    // A question about a food with no nutrient named: "what about avocado?", "is pizza ok?".
    const items = extractHypotheticalItems(askText);
    if (items.length > 0)
      return { kind: "estimate", why: "hypothetical", searches: searchesForItems(items), withTotals: false };
    return { kind: "totals", date: isoToday(now) };
  }

  if (intent.negated || guardIntent.negated || PLAIN_NEGATION.test(text)) {
    return { kind: "answer", text: negationReply(text) };
  }

  if (writesAllowed) {
    const meals = extractMeals(text, now);
    if (meals.length > 0) return logPurpose(meals);
    if (reportsAction && REPORT_WORDS.test(text))
      return {
        kind: "answer",
        text: "I couldn't tell what food that was, so I haven't logged anything. Tell me what you ate (e.g. \"a chicken wrap for lunch\") and I'll add it.",
      };
  }
  return { kind: "answer", text: HELP_TEXT };
}

function negationReply(text: string): string {
  const mealType = mealTypeIn(text);
  if (mealType !== undefined)
    return `Got it, nothing logged for ${mealType}. When you do eat, tell me what you had and I'll add it.`;
  return "Got it, I haven't logged anything. Tell me what you did eat and I'll add it.";
}

/** Items in a hypothetical: "what if I ate a whole pizza tonight?" -> ["a whole pizza"]. */
function extractHypotheticalItems(text: string): ItemArguments[] {
  const body = text
    .replace(/[?]+/g, " ")
    .replace(
      /^.*?\b(?:if|what if|what about|how about|suppose|imagine|would've|could've|should've|would have|could have|should have|should|shall|can|could|may|would|will|is it ok(?:ay)? (?:if|to)|am i allowed to|thinking (?:about|of)|planning (?:on|to)|plan to|going to|gonna|about to|want to|wanna|craving|tempted (?:by|to)|i'?ll|i will|might|maybe|probably|fit|have room for|afford)\s+(?:i\s+)?(?:\w+\s+)?(?:(?:eat|eating|ate|have|having|had|drink|drinking|get|getting|grab|order|ordering|try|add|fit in)\s+)?/,
      "",
    )
    .replace(
      /\b(?:tonight|tomorrow|later|for (?:dinner|lunch|breakfast|a snack)|in my macros|into my macros|in my (?:diet|plan|budget)|instead|today|now|this evening|next)\b.*$/,
      "",
    )
    .replace(
      /\s*(?:,|\b(?:but|is that|would that|will that|will it|would it|will i|would i|do i|does that|does it|am i|is it|be|fit|fits|work|go over)\b).*$/,
      "",
    )
    .trim();
  return extractItems(body.replace(/^(?:a whole|whole|an entire|entire)\s+(.+)$/, "1 whole $1"));
}

/** Items someone else ate: "my wife had a burger" -> ["a burger"]. */
function extractThirdPersonItems(text: string): ItemArguments[] {
  const body = text.replace(/^.*?\b(?:had|ate|eaten|eats|has|drank|drinks|ordered|got|having|eating)\s+/, "");
  return extractItems(body === text ? "" : body);
}
