// How a domain teaches the embedded local engine to use its tools. Each specialist Worker hands
// its own skill to the local provider; the engine picks the skill by the request's domain.
import type { ChatMessage, ToolSpec } from "../types.ts";

export interface SkillInput {
  /** The whole conversation so far, tool results of earlier steps included. */
  messages: ChatMessage[];
  /** The tools this request offers; a skill must only call these. */
  tools: ToolSpec[];
  /** The moment "now" for relative dates and times ("yesterday", "this morning"). */
  now: Date;
}

export type SkillStep =
  | { type: "tool-calls"; calls: { name: string; arguments: Record<string, unknown> }[] }
  | { type: "answer"; text: string };

export interface LocalSkill {
  domain: string;
  next(input: SkillInput): SkillStep;
}
