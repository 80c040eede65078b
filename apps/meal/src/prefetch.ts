// The food searches a message is likely to lead to, worked out before any model has read it, so
// the embedding Worker can embed them while the gateway assembles context and the model thinks.
// The phrases come from the local engine's reading of the message; the queries are built exactly
// as resolveItem and findFood build theirs, so a log of those items finds its vectors ready.
import { itemName } from "./foods.ts";
import { parseItemText } from "./items.ts";
import { searchQueryFor } from "./logged-as.ts";
import { extractMeals } from "./skill/log-message.ts";

const MAX_QUERIES = 8;

export function likelyFoodQueries(message: string, now = new Date()): string[] {
  const queries = new Set<string>();
  for (const item of extractMeals(message, now).flatMap((meal) => meal.items)) {
    const name = itemName(parseItemText(item.food), item.food);
    if (name !== "") queries.add(searchQueryFor(name));
    if (queries.size === MAX_QUERIES) break;
  }
  return [...queries];
}
