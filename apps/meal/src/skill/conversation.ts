// Reading the conversation the engine hands the skill: the user's message, earlier turns, the
// system prompt (which may carry a photo's items), and the results of tool calls made so far.
import type { ChatMessage, SkillInput } from "@ensemble/ai";
import { PHOTO_ITEMS_PREFIX } from "../prompt.ts";

export interface PhotoItem {
  name: string;
  grams: number;
  confidence: number;
  foodId?: number;
}

export type ToolOutcome =
  | { kind: "ok"; value: Record<string, unknown> }
  | { kind: "error"; message: string }
  /** The platform's write guard refused the call. */
  | { kind: "refused"; message: string };

export interface ToolResult {
  name: string;
  arguments: Record<string, unknown>;
  outcome: ToolOutcome;
}

export interface Conversation {
  /** The message being answered. */
  message: string;
  /** Earlier user and assistant turns, oldest first. */
  history: { role: "user" | "assistant"; content: string }[];
  photo: PhotoItem[];
  /** Results of this turn's tool calls, in call order. */
  results: ToolResult[];
  now: Date;
}

function textOf(message: ChatMessage): string {
  if (typeof message.content === "string") return message.content;
  return message.content.map((part) => (part.type === "text" ? part.text : "")).join(" ");
}

function photoItems(system: string): PhotoItem[] {
  const line = system.split("\n").find((candidate) => candidate.startsWith(PHOTO_ITEMS_PREFIX));
  if (line === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(line.slice(PHOTO_ITEMS_PREFIX.length));
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((item): PhotoItem[] => {
      if (typeof item !== "object" || item === null) return [];
      const { name, grams, confidence, foodId } = item as Record<string, unknown>;
      if (typeof name !== "string" || typeof grams !== "number" || typeof confidence !== "number") return [];
      return [{ name, grams, confidence, ...(typeof foodId === "number" ? { foodId } : {}) }];
    });
  } catch {
    return [];
  }
}

/** What a tool message says: a JSON result, an error, or the guard's refusal. */
export function readOutcome(content: string): ToolOutcome {
  const trimmed = content.trim();
  if (trimmed.startsWith("Refused:")) return { kind: "refused", message: trimmed.slice("Refused:".length).trim() };
  if (trimmed.startsWith("Error:")) {
    const message = trimmed
      .slice("Error:".length)
      .trim()
      .replace(/^[a-z_]+ failed:\s*/, "");
    return { kind: "error", message };
  }
  if (trimmed.startsWith("Already done")) {
    const json = trimmed.indexOf("{");
    return readOutcome(json >= 0 ? trimmed.slice(json) : "{}");
  }
  try {
    const value: unknown = JSON.parse(trimmed);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const record = value as Record<string, unknown>;
      if (typeof record.refused === "string")
        return { kind: "refused", message: String(record.message ?? record.refused) };
      return { kind: "ok", value: record };
    }
    return { kind: "ok", value: { value } };
  } catch {
    return { kind: "error", message: trimmed.slice(0, 300) };
  }
}

export function readConversation(input: SkillInput): Conversation {
  const { messages } = input;
  let lastUser = -1;
  for (let index = messages.length - 1; index >= 0; index--) {
    if (messages[index]?.role === "user") {
      lastUser = index;
      break;
    }
  }
  const system = messages
    .filter((message) => message.role === "system")
    .map(textOf)
    .join("\n");
  const history: Conversation["history"] = [];
  for (const message of messages.slice(0, Math.max(lastUser, 0))) {
    if (message.role === "user" || (message.role === "assistant" && (message.toolCalls?.length ?? 0) === 0)) {
      history.push({ role: message.role, content: textOf(message) });
    }
  }

  // Tool results after the user's message, matched to the calls that asked for them.
  const results: ToolResult[] = [];
  const callsById = new Map<string, { name: string; arguments: Record<string, unknown> }>();
  for (const message of messages.slice(lastUser + 1)) {
    if (message.role === "assistant") {
      for (const call of message.toolCalls ?? [])
        callsById.set(call.id, { name: call.name, arguments: call.arguments });
    } else if (message.role === "tool") {
      const call = callsById.get(message.toolCallId);
      results.push({ name: message.name, arguments: call?.arguments ?? {}, outcome: readOutcome(message.content) });
    }
  }
  const user = lastUser >= 0 ? messages[lastUser] : undefined;
  return {
    message: user === undefined ? "" : textOf(user),
    history,
    photo: photoItems(system),
    results,
    now: input.now,
  };
}
