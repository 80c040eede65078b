// The protocol domain's skill for the embedded local engine: plan the tool calls for the user's
// message, and once the results are back, answer from them like a coach.
import type { ProtocolItem, ProtocolList } from "@ensemble/contracts";
import type { ChatMessage, LocalSkill, SkillStep } from "@ensemble/ai";
import { isoDate, lastUserText } from "@ensemble/ai/local";
import { weekdayOf } from "../schedule.ts";
import { latestOutcomes, replyFor, toolsCalledThisTurn } from "./answer.ts";
import { type LogAllRequest, planMessage } from "./plan.ts";

function earlierUserMessages(messages: ChatMessage[]): string[] {
  const users = messages.filter(
    (message): message is Extract<ChatMessage, { role: "user" }> => message.role === "user",
  );
  return users
    .slice(0, -1)
    .map((message) =>
      typeof message.content === "string"
        ? message.content
        : message.content.map((part) => (part.type === "text" ? part.text : "")).join(" "),
    );
}

/** The items "took all my (morning) supplements" means: running, due that day, at that time of day when one is named. */
function itemsForLogAll(list: ProtocolList, request: LogAllRequest): ProtocolItem[] {
  const weekday = weekdayOf(request.date);
  const due = list.items.filter(
    (item) =>
      item.status === "active" && !item.asNeeded && item.startDate <= request.date && item.daysOfWeek.includes(weekday),
  );
  if (request.timeOfDay === null) return due;
  const atThatTime = due.filter((item) =>
    item.timeOfDay.includes(request.timeOfDay as ProtocolItem["timeOfDay"][number]),
  );
  return atThatTime.length > 0 ? atThatTime : due.filter((item) => item.timeOfDay.length === 0);
}

export const protocolSkill: LocalSkill = {
  domain: "protocol",
  next({ messages, tools, now }): SkillStep {
    const today = isoDate(now);
    const plan = planMessage({
      text: lastUserText(messages),
      earlierUserMessages: earlierUserMessages(messages),
      now,
      tools: new Set(tools.map((tool) => tool.name)),
    });
    const called = toolsCalledThisTurn(messages);
    if (called.length === 0) {
      return plan.kind === "answer" ? { type: "answer", text: plan.text } : { type: "tool-calls", calls: plan.calls };
    }

    const outcomes = latestOutcomes(messages);
    if (plan.kind === "calls" && plan.logAll !== undefined && !called.includes("log_supplement_intake")) {
      const listed = outcomes.find((outcome) => outcome.name === "list_protocols" && outcome.status === "ok");
      if (listed !== undefined) {
        const items = itemsForLogAll(listed.value as ProtocolList, plan.logAll);
        if (items.length === 0) {
          const when = plan.logAll.timeOfDay === null ? "" : ` ${plan.logAll.timeOfDay.replace("_", " ")}`;
          return {
            type: "answer",
            text: `You have no${when} supplements scheduled for that day, so there was nothing to tick off. Tell me which ones you took and I'll log them.`,
          };
        }
        const entries = items.map((item) => ({
          name: item.name,
          ...(plan.logAll!.date === today ? {} : { date: plan.logAll!.date }),
          ...(plan.logAll!.time === undefined ? {} : { time: plan.logAll!.time }),
        }));
        return { type: "tool-calls", calls: [{ name: "log_supplement_intake", arguments: { items: entries } }] };
      }
    }
    return {
      type: "answer",
      text: replyFor(
        outcomes,
        today,
        plan.kind === "calls" ? plan.notes : [],
        plan.kind === "calls" ? plan.style : undefined,
      ),
    };
  },
};
