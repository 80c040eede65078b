// The write guard. Every tool is tagged read or write; before the platform runs a write, it
// checks the user's message: a write is refused when the message only imagines the action
// ("what if I ate a pizza?"), denies it ("I didn't take my creatine"), tells of someone else
// ("my wife had the salmon"), or asks a question without reporting anything.
import { analyseIntent } from "./analyse-intent.ts";

export { analyseIntent, type ClauseAnalysis, type IntentAnalysis } from "./analyse-intent.ts";

export type GuardReason = "hypothetical" | "negated" | "third-person";

export type GuardDecision = { allowed: true } | { allowed: false; reason: GuardReason; explanation: string };

export interface GuardedTool {
  name: string;
  kind: "read" | "write";
  /**
   * The write sets up or changes a schedule (a supplement protocol), so the user's own plan is
   * what it records: "starting creatine tomorrow, 5 g daily", "pause fish oil until next Monday".
   * Deliberation ("what if", "should I", "would", "thinking about", "maybe"), denials and other
   * people's plans are still refused.
   */
  acceptsPlans?: boolean;
  /** The write removes an entry: a message that takes back the previous one asks for it. */
  removes?: boolean;
}

/**
 * Allows every read; allows a write only when the user's message reports something the user did
 * or asks for the write (or, for a tool that accepts plans, states the user's own plan). A bare
 * question that reports nothing ("how many calories in a banana?") is refused as "hypothetical":
 * nothing has happened that could be written down.
 */
export function guardToolCall(tool: GuardedTool, userMessage: string): GuardDecision {
  if (tool.kind === "read") return { allowed: true };
  const intent = analyseIntent(userMessage);
  if (intent.reportsAction) return { allowed: true };
  if (tool.acceptsPlans === true && intent.plan) return { allowed: true };
  if (tool.removes === true && intent.retracts && !intent.thirdPerson && !intent.hypothetical) return { allowed: true };
  const detail = intent.reasons.length > 0 ? ` (${intent.reasons.join("; ")})` : "";
  if (intent.thirdPerson) {
    return {
      allowed: false,
      reason: "third-person",
      explanation: `Not running ${tool.name}: the message is about someone else, not the user${detail}.`,
    };
  }
  if (intent.negated) {
    return {
      allowed: false,
      reason: "negated",
      explanation: `Not running ${tool.name}: the message says it did not happen${detail}.`,
    };
  }
  if (intent.hypothetical) {
    return {
      allowed: false,
      reason: "hypothetical",
      explanation:
        tool.acceptsPlans === true
          ? `Not running ${tool.name}: the message imagines, weighs up or rules out the change; it is not a plan the user has made${detail}.`
          : `Not running ${tool.name}: the message is hypothetical or a plan, not something done${detail}.`,
    };
  }
  if (intent.question) {
    return {
      allowed: false,
      reason: "hypothetical",
      explanation: `Not running ${tool.name}: the message asks a question and reports nothing to record${detail}.`,
    };
  }
  return { allowed: true };
}
