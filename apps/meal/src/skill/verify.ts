// Checking foods before and after logging. Before: a phrase with no known food word ("pho",
// "lost my mind") is looked up, and logged only when a USDA name shares a word with it. After: a
// log that failed because USDA knows none of one item ("naan") is retried without that item.
import { parseItemText } from "../items.ts";
import type { ToolResult } from "./conversation.ts";
import { hitMatches } from "./food-words.ts";
import type { ItemArguments, MealArguments } from "./log-message.ts";
import type { Purpose } from "./understand.ts";

function queryOf(item: ItemArguments): string {
  return parseItemText(item.food).name || item.food;
}

/** True when the search for an unknown item found a food that shares a word with it. */
function isKnown(item: ItemArguments, results: ToolResult[]): boolean {
  const query = queryOf(item);
  const result = results.find((candidate) => candidate.name === "search_foods" && candidate.arguments.query === query);
  if (result?.outcome.kind !== "ok") return false;
  const hits = result.outcome.value.hits;
  if (!Array.isArray(hits)) return false;
  return hits.slice(0, 3).some((hit) => {
    const name = typeof hit === "object" && hit !== null ? (hit as Record<string, unknown>).name : undefined;
    return typeof name === "string" && hitMatches(query, name);
  });
}

/** The items that were checked and not found: left out of the log. */
export function rejectedItems(purpose: Purpose, results: ToolResult[]): ItemArguments[] {
  if (purpose.kind !== "log" || purpose.verify === undefined) return [];
  return purpose.verify.filter((item) => !isKnown(item, results));
}

/** The meals to log once the unknown items were checked: without the ones the search does not know. */
export function verifiedMeals(purpose: Purpose, results: ToolResult[]): MealArguments[] {
  if (purpose.kind !== "log") return [];
  const rejected = new Set(rejectedItems(purpose, results));
  return purpose.meals
    .map((meal) => ({ ...meal, items: meal.items.filter((item) => !rejected.has(item)) }))
    .filter((meal) => meal.items.length > 0);
}

const UNFOUND = /item (\d+) \("([^"]*)"\): no food in the USDA database matches/g;

/** Indexes of the items a failed log_meal could not find in USDA, from its error message. */
export function unfoundItems(result: ToolResult): Set<number> {
  if (result.outcome.kind !== "error") return new Set();
  return new Set([...result.outcome.message.matchAll(UNFOUND)].map((match) => Number(match[1]) - 1));
}

/** The foods USDA did not know, by name, from failed logs that were retried. */
export function unfoundNames(results: ToolResult[]): string[] {
  return results
    .filter((result) => result.name === "log_meal" && result.outcome.kind === "error")
    .flatMap((result) =>
      result.outcome.kind === "error"
        ? [...result.outcome.message.matchAll(UNFOUND)].map((match) => match[2] ?? "")
        : [],
    );
}
