// The meal domain's skill for the embedded local engine. First call: read the message and ask for
// the tools it needs. Second call (with the results): answer from them. A write the platform's
// guard refused turns into an estimate through search_foods instead.
import type { LocalSkill, SkillInput, SkillStep } from "@ensemble/ai";
import { isoDate } from "@ensemble/ai/local";
import { readConversation } from "./conversation.ts";
import { replyFor } from "./reply.ts";
import { type Purpose, type SearchArguments, understand } from "./understand.ts";
import { parseItemText } from "../items.ts";

type Call = { name: string; arguments: Record<string, unknown> };

function searchCall(search: SearchArguments): Call {
  return { name: "search_foods", arguments: { ...search } };
}

export function callsFor(purpose: Purpose): Call[] {
  switch (purpose.kind) {
    case "log":
      return purpose.meals.map((meal) => ({ name: "log_meal", arguments: { ...meal } }));
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

    const refused = conversation.results.some(
      (result) => result.name === "log_meal" && result.outcome.kind === "refused",
    );
    const searched = conversation.results.some((result) => result.name === "search_foods");
    if (refused && !searched && offered.has("search_foods")) {
      const calls = estimateCalls(purpose);
      if (calls.length > 0) return { type: "tool-calls", calls };
    }
    return { type: "answer", text: replyFor(purpose, conversation.results, today) };
  },
};
