// Corrections of the meal just logged: "actually it was 2 eggs not 3", "oops, make that 200g",
// "sorry I meant a small latte", "no wait, it was lunch not breakfast". A meal cannot be edited in
// place, so the skill deletes the last meal and logs it again with the correction applied.
import type { MealType } from "@ensemble/ai/local";
import { parseItemText } from "../items.ts";
import { foodEvidence, isFoodWord, stem } from "./food-words.ts";
import type { ItemArguments } from "./log-message.ts";

export interface Correction {
  /** The phrase as it should have been: "2 eggs", "200g", "a small latte". */
  replacement: string;
  /** What it replaces, when the message says: "3", "100g", "breakfast". */
  replaced?: string;
  /** "it was lunch not breakfast": the meal, not an item, was wrong. */
  mealType?: MealType;
}

const MEAL_TYPES: Record<string, MealType> = {
  breakfast: "breakfast",
  brunch: "lunch",
  lunch: "lunch",
  dinner: "dinner",
  supper: "dinner",
  snack: "snack",
  dessert: "snack",
};

const OPENING = "(?:(?:oh|oops|sorry|wait|no|nope|hmm|ah|ugh|my bad|my mistake|whoops)[\\s,!.:-]+)*";
/** Words that mark a message as correcting something said before. */
const MARKED = new RegExp(
  `^${OPENING}(?:actually|correction|make (?:that|it)|change (?:that|it) to|i meant|meant|it should (?:be|have been|say)|should (?:be|have been|say))\\b[\\s,:-]*(?:(?:it|that|there)\\s+(?:was|were)\\s+|(?:i|we)\\s+(?:only\\s+)?(?:had|ate|drank)\\s+|they were\\s+)?(.+)$`,
);
/** "it was 2 eggs not 3", "I had 2 eggs, not 3": a correction without a marker word. */
const NOT_INSTEAD = new RegExp(
  `^${OPENING}(?:(?:it|that|there)\\s+(?:was|were)|they were|(?:i|we)\\s+(?:only\\s+)?(?:had|ate|drank)|should (?:be|have been))\\s+(.+?)\\s*,?\\s+(?:not|instead of|rather than)\\s+(.+)$`,
);
/** "I had a banana too", "actually also a coffee": more food, not a correction. */
const ADDITION = /\b(?:too|as well|also|and also|plus|on top|forgot to (?:add|mention))\b/;

export function readCorrection(text: string): Correction | null {
  const body = text.replace(/[.!]+$/, "").trim();
  if (ADDITION.test(body)) return null;
  let replacement: string | undefined;
  let replaced: string | undefined;
  const unmarked = NOT_INSTEAD.exec(body);
  if (unmarked !== null) {
    replacement = unmarked[1];
    replaced = unmarked[2];
  } else {
    const marked = MARKED.exec(body);
    if (marked === null) return null;
    const split = /^(.+?)\s*,?\s+(?:not|instead of|rather than)\s+(.+)$/.exec(marked[1] ?? "");
    replacement = split?.[1] ?? marked[1];
    replaced = split?.[2];
  }
  replacement = replacement?.replace(/^(?:actually|only|just)\s+/, "").trim();
  if (replacement === undefined || replacement === "") return null;
  const correction: Correction = { replacement };
  if (replaced !== undefined && replaced.trim() !== "") correction.replaced = replaced.trim();
  const mealType = MEAL_TYPES[replacement.replace(/^(?:for|at|my|the)\s+/, "")];
  if (mealType !== undefined) correction.mealType = mealType;
  // "actually it was great" or "make it quick" correct nothing this skill logged.
  if (
    mealType === undefined &&
    foodEvidence(replacement) !== "food" &&
    !/\d|\b(?:a|an|one|two|three|four|five|six|half|small|large|big|medium)\b/.test(replacement)
  )
    return null;
  return correction;
}

function foodStems(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((word) => word.length > 2 && isFoodWord(word))
    .map(stem);
}

function sharesFood(left: string, right: string): boolean {
  const wanted = new Set(foodStems(left));
  return foodStems(right).some((word) => wanted.has(word));
}

/** The index of the earlier item a correction is about, or -1 when it cannot be told. */
function correctedIndex(items: ItemArguments[], correction: Correction): number {
  const byFood = items.findIndex((item) => sharesFood(item.food, correction.replacement));
  if (byFood >= 0) return byFood;
  if (correction.replaced !== undefined) {
    const replaced = correction.replaced;
    const byReplaced = items.findIndex((item) => sharesFood(item.food, replaced));
    if (byReplaced >= 0) return byReplaced;
    // "not 3": the item that had that amount.
    const amount = parseItemText(replaced);
    if (amount.quantity !== undefined) {
      const byAmount = items.findIndex((item) => {
        const parsed = parseItemText(item.food);
        return (item.quantity ?? parsed.quantity) === amount.quantity;
      });
      if (byAmount >= 0) return byAmount;
    }
  }
  return items.length === 1 ? 0 : -1;
}

/**
 * The earlier meal's items with the correction applied, or null when the correction does not say
 * which item it changes.
 */
export function correctItems(items: ItemArguments[], correction: Correction): ItemArguments[] | null {
  if (correction.mealType !== undefined) return items;
  const index = correctedIndex(items, correction);
  const old = items[index];
  if (old === undefined) return null;
  const replacement = parseItemText(correction.replacement);
  // "make that 2" or "200g, not 100g" name no food: the amount changes, the food stays.
  const food =
    foodEvidence(correction.replacement) === "food"
      ? correction.replacement
      : `${correction.replacement} ${parseItemText(old.food).name || old.food}`;
  const parsed = parseItemText(food);
  const item: ItemArguments = { food };
  if (parsed.quantity !== undefined) item.quantity = parsed.quantity;
  if (parsed.unit !== undefined) item.unit = parsed.unit;
  if (replacement.name === "" && parsed.quantity === undefined) return null;
  return items.map((candidate, position) => (position === index ? item : candidate));
}
