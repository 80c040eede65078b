// The meal domain's skill for the embedded local engine. First call: read the message and ask for
// the tools it needs. Later calls (with the results): one more round when the plan has a second
// step, else answer from the results. Second steps: log after checking unknown foods with the
// search; log again without the foods USDA does not know; log the corrected meal after deleting
// the wrong one; estimate through search_foods after the guard refused a log.
import type { LocalSkill, SkillInput, SkillStep } from "@ensemble/ai";
import { isoDate } from "@ensemble/ai/local";
import { parseItemText } from "../items.ts";
import { type ToolResult, readConversation } from "./conversation.ts";
import type { MealArguments } from "./log-message.ts";
import { replyFor } from "./reply.ts";
import { type Purpose, type SearchArguments, understand } from "./understand.ts";
import { unfoundItems, verifiedMeals } from "./verify.ts";

type Call = { name: string; arguments: Record<string, unknown> };

function searchCall(search: SearchArguments): Call {
  return { name: "search_foods", arguments: { ...search } };
}

function logCalls(meals: MealArguments[]): Call[] {
  return meals.map((meal) => ({ name: "log_meal", arguments: { ...meal } }));
}

/** The verification searches for items the food vocabulary does not know. */
export function verifyCalls(purpose: Purpose): Call[] {
  if (purpose.kind !== "log" || purpose.verify === undefined) return [];
  return purpose.verify.map((item) => {
    const parsed = parseItemText(item.food);
    return searchCall({ query: parsed.name || item.food, limit: 5 });
  });
}

export function callsFor(purpose: Purpose): Call[] {
  switch (purpose.kind) {
    case "log":
      if (purpose.verify !== undefined && purpose.verify.length > 0)
        return [...(purpose.searches ?? []).map(searchCall), ...verifyCalls(purpose)];
      return [...logCalls(purpose.meals), ...(purpose.searches ?? []).map(searchCall)];
    case "correct":
      return [{ name: "delete_meal", arguments: { last: true } }];
    case "photo-confirm":
    case "lookup":
      return purpose.searches.map(searchCall);
    case "estimate":
      return [
        ...purpose.searches.map(searchCall),
        ...(purpose.withTotals ? [{ name: "get_daily_totals", arguments: {} }] : []),
      ];
    case "totals":
      return [{ name: "get_daily_totals", arguments: { date: purpose.date } }];
    case "meals": {
      const { kind: _kind, focus: _focus, ...range } = purpose;
      return [{ name: "get_meals", arguments: range }];
    }
    case "delete":
      return [{ name: "delete_meal", arguments: { ...purpose.target } }];
    case "answer":
      return [];
  }
}

/** After a refused log: look the items up instead, so the user still gets numbers. */
function estimateCalls(purpose: Purpose): Call[] {
  if (purpose.kind !== "log") return [];
  return purpose.meals
    .flatMap((meal) => meal.items)
    .slice(0, 4)
    .map((item) => {
      const parsed = parseItemText(item.food);
      const search: SearchArguments = {
        query: parsed.name || item.food,
        quantity: item.quantity ?? parsed.quantity ?? 1,
        limit: 3,
      };
      const unit = item.unit ?? parsed.unit;
      if (unit !== undefined) search.unit = unit;
      return searchCall(search);
    });
}

function named(results: ToolResult[], name: string): ToolResult[] {
  return results.filter((result) => result.name === name);
}

/** The calls of a second round, or none when the results are ready to answer. */
function nextCalls(purpose: Purpose, results: ToolResult[], offered: Set<string>): Call[] {
  const logs = named(results, "log_meal");
  if (purpose.kind === "log") {
    const refused = logs.some((result) => result.outcome.kind === "refused");
    if (refused) return named(results, "search_foods").length === 0 ? estimateCalls(purpose) : [];
    // The unknown foods were looked up: log what the search knows.
    if (logs.length === 0 && purpose.verify !== undefined) return logCalls(verifiedMeals(purpose, results));
    // USDA did not know one of the foods: log the rest once, and say which was left out.
    if (logs.length > 0 && logs.length <= purpose.meals.length) {
      const retries = logs.flatMap((result) => {
        const unfound = unfoundItems(result);
        const items = result.arguments.items;
        if (unfound.size === 0 || !Array.isArray(items)) return [];
        const kept = items.filter((_item, index) => !unfound.has(index));
        return kept.length === 0 ? [] : [{ name: "log_meal", arguments: { ...result.arguments, items: kept } }];
      });
      if (retries.length > 0) return retries;
    }
  }
  if (purpose.kind === "correct" && logs.length === 0) {
    const deleted = named(results, "delete_meal")[0];
    if (deleted?.outcome.kind !== "ok") return [];
    const record = deleted.outcome.value.deleted;
    const was = typeof record === "object" && record !== null ? (record as Record<string, unknown>) : {};
    // The corrected meal goes back where the wrong one was: same meal, day and time.
    const meal: MealArguments = { ...purpose.meal };
    if (typeof was.mealType === "string" && purpose.meal.mealType === undefined)
      meal.mealType = was.mealType as MealArguments["mealType"];
    if (typeof was.date === "string") meal.date = was.date;
    if (typeof was.time === "string") meal.time = was.time;
    return offered.has("log_meal") ? logCalls([meal]) : [];
  }
  return [];
}

export const mealSkill: LocalSkill = {
  domain: "meal",
  next(input: SkillInput): SkillStep {
    const conversation = readConversation(input);
    const purpose = understand(conversation);
    const today = isoDate(input.now);
    const offered = new Set(input.tools.map((tool) => tool.name));

    if (conversation.results.length === 0) {
      const calls = callsFor(purpose);
      if (calls.length === 0) return { type: "answer", text: replyFor(purpose, [], today) };
      const allowed = calls.filter((call) => offered.has(call.name));
      if (allowed.length === 0)
        return {
          type: "answer",
          text: "I can't reach the meal log right now, so I haven't done anything. Please try again in a moment.",
        };
      return { type: "tool-calls", calls: allowed };
    }

    const calls = nextCalls(purpose, conversation.results, offered).filter((call) => offered.has(call.name));
    if (calls.length > 0) return { type: "tool-calls", calls };
    return { type: "answer", text: replyFor(purpose, conversation.results, today) };
  },
};
