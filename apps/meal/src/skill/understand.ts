// What a meal message asks for, decided from its words alone (no tool results yet): log a meal,
// answer a question with a read tool, estimate something hypothetical, delete one meal, or just
// answer. Writes are planned only when the write guard's own analysis says the message reports
// something the user did, so the skill and the guard never disagree.
import { analyseIntent } from "@ensemble/ai";
import { normaliseText, parsePeriod, parseWhen, type MealType } from "@ensemble/ai/local";
import { PHOTO_CONFIDENCE_THRESHOLD } from "../prompt.ts";
import { parseItemText } from "../items.ts";
import type { Conversation, PhotoItem } from "./conversation.ts";
import { extractItems, extractMeals, type ItemArguments, type MealArguments } from "./log-message.ts";

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
  | { kind: "log"; meals: MealArguments[]; photoUnsure: PhotoItem[] }
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
  // "what's a serving of almonds", "how big is a serving of rice"
  /^(?:what(?:'s| is) (?:a|one) serving of|how big is a serving of|serving size (?:of|for))\s+(.+)$/,
];

function lookupTarget(text: string): string | null {
  const question = text.replace(/[?!.]+$/, "").trim();
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
  ].join("|"),
);

const MEALS_QUESTION = new RegExp(
  [
    "\\bwhat (?:did|have|had|do) (?:i|we) (?:eat|eaten|ate|had|have|log|logged|drink|drank|drunk)\\b",
    "\\bwhat(?:'s| is| was| were)? (?:in |on )?my (?:breakfast|lunch|dinner|snacks?|meals?|log|diary|food log)\\b",
    "\\bwhat (?:was|were) (?:my|for) (?:breakfast|lunch|dinner|snacks?)\\b",
    "\\bwhat i (?:ate|had|eaten|logged)\\b",
    "\\b(?:show|list|see|view|display|pull up|give me|get|read|recap|review)\\b.*\\b(?:meals?|log|logs|diary|food|foods|entries|entry|breakfast|lunch|dinner|snacks?|ate|eaten|history)\\b",
    "\\bdid i (?:log|eat|have|record|add|track)\\b",
    "\\b(?:have|did) i (?:logged|eaten|had)\\b",
    "\\bmy (?:meals|food log|diary|meal log|log)\\b",
    "\\bwhen did i (?:last )?(?:eat|have)\\b",
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
  if (food !== "" && !/\d/.test(food)) target.containing = parseItemText(food).name || food;
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

export function understand(conversation: Conversation): Purpose {
  const raw = conversation.message;
  const text = normaliseText(raw);
  const now = conversation.now;
  const intent = analyseIntent(raw);
  const notReported =
    intent.hypothetical || intent.negated || intent.thirdPerson || (intent.question && !intent.reportsAction);
  const writesAllowed = !notReported;

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
    if (writesAllowed || intent.reportsAction) return { kind: "delete", target: deleteTarget(text, now) };
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

  const target = lookupTarget(text);
  const question = isQuestion(text) || intent.question;
  const aboutSelf = SELF.test(text) || DAY_WORDS.test(text);

  // "what if I ate a whole pizza?", "should I have a burger?": an estimate, never a log.
  if (intent.hypothetical && !intent.reportsAction) {
    const items = extractHypotheticalItems(text);
    if (items.length > 0)
      return { kind: "estimate", why: "hypothetical", searches: searchesForItems(items), withTotals: true };
    if (target !== null) return { kind: "lookup", searches: [searchFor(target)] };
    return { kind: "totals", date: isoToday(now) };
  }
  if (intent.thirdPerson && !intent.reportsAction) {
    const items = extractThirdPersonItems(text);
    if (items.length > 0)
      return { kind: "estimate", why: "third-person", searches: searchesForItems(items), withTotals: false };
    return {
      kind: "answer",
      text: "I only keep a log of your own meals, so I haven't logged that. If you ate something too, tell me and I'll add it.",
    };
  }

  if (target !== null && !(SELF.test(target) || /\b(?:today|so far|yesterday)\b/.test(target))) {
    return { kind: "lookup", searches: [searchFor(target)] };
  }

  // "I had 2 eggs, how much protein is that?" and "can you log a wrap?": the report wins, and the
  // log's reply answers the question with the meal's macros.
  const opensWithQuestion =
    /^(?:how|what|what's|whats|when|which|did|do|does|am|is|are|was|were|show|list|tell|give|display|check|where|pull up|get me)\b/.test(
      text,
    );
  if (
    intent.reportsAction &&
    writesAllowed &&
    !(opensWithQuestion && (MEALS_QUESTION.test(text) || TOTALS_QUESTION.test(text)))
  ) {
    const meals = extractMeals(raw, now);
    if (meals.length > 0) return { kind: "log", meals, photoUnsure: [] };
  }

  if (question || MEALS_QUESTION.test(text) || (TOTALS_QUESTION.test(text) && !intent.reportsAction)) {
    const range = periodArguments(text, now);
    const mealType = mealTypeIn(text);
    const namesNutrient = new RegExp(
      `\\bhow (?:much|many) ${NUTRIENT}\\b|\\b${NUTRIENT}\\s+(?:so far|today|total|intake)\\b`,
    ).test(text);
    if (MEALS_QUESTION.test(text) && !namesNutrient) {
      return { kind: "meals", ...range, ...(mealType ? { mealType } : {}), focus: "list" };
    }
    if (TOTALS_QUESTION.test(text) || new RegExp(`\\b${NUTRIENT}\\b`).test(text) || aboutSelf) {
      if (range.from !== undefined) return { kind: "meals", ...range, focus: "totals" };
      if (mealType !== undefined && /\b(?:my|for|at)\b/.test(text))
        return { kind: "meals", ...range, mealType, focus: "totals" };
      const nutrient = nutrientIn(text);
      return { kind: "totals", date: range.date ?? isoToday(now), ...(nutrient ? { nutrient } : {}) };
    }
    // A question about a food with no nutrient named: "what about avocado?", "is pizza ok?".
    const items = extractHypotheticalItems(text);
    if (items.length > 0)
      return { kind: "estimate", why: "hypothetical", searches: searchesForItems(items), withTotals: false };
    return { kind: "totals", date: isoToday(now) };
  }

  if (intent.negated || PLAIN_NEGATION.test(text)) {
    return { kind: "answer", text: negationReply(text) };
  }

  if (writesAllowed) {
    const meals = extractMeals(raw, now);
    if (meals.length > 0) return { kind: "log", meals, photoUnsure: [] };
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
      /^.*?\b(?:if|what if|what about|how about|suppose|imagine|should|shall|can|could|may|would|will|is it ok(?:ay)? (?:if|to)|am i allowed to|thinking (?:about|of)|planning (?:on|to)|plan to|going to|gonna|about to|want to|wanna|craving|tempted (?:by|to)|i'?ll|i will|might|maybe|probably|fit|have room for|afford)\s+(?:i\s+)?(?:\w+\s+)?(?:(?:eat|eating|ate|have|having|had|drink|drinking|get|getting|grab|order|ordering|try|add|fit in)\s+)?/,
      "",
    )
    .replace(
      /\b(?:tonight|tomorrow|later|for (?:dinner|lunch|breakfast|a snack)|in my macros|into my macros|in my (?:diet|plan|budget)|instead|today|now|this evening|next)\b.*$/,
      "",
    )
    .replace(
      /\s*(?:,|\b(?:is that|would that|will that|will it|would it|will i|would i|do i|does that|does it|am i|is it|be|fit|fits|work|go over)\b).*$/,
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
