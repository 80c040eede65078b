// The deterministic judge: rubric checks scored without a model. Used with the local engine, and
// as each rubric item's fallback. The grounded-numbers check is the one that matters most for a
// coach: a reply that says "620 kcal" must have got 620 from a tool result or from the user.
import type { Check, RubricItem } from "../cases/schema.ts";

export interface NumberSources {
  /** Every user message of the conversation. */
  messages: string[];
  /** Arguments and results of the tool calls; undefined when results were not observable. */
  toolData: unknown[] | undefined;
}

/** Numbers written in text: "1,200", "82.4", "5" of "5x5"; dates and times give their parts. */
export function numbersIn(text: string): { value: number; decimals: number }[] {
  const found: { value: number; decimals: number }[] = [];
  for (const match of text.matchAll(/(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/g)) {
    const whole = match[1]!.replaceAll(",", "");
    const fraction = match[2] ?? "";
    found.push({ value: Number(fraction ? `${whole}.${fraction}` : whole), decimals: fraction.length });
  }
  return found;
}

/** Every number anywhere in a JSON value: numbers themselves and numbers written in strings. */
export function numbersDeep(value: unknown, into: number[] = []): number[] {
  if (typeof value === "number" && Number.isFinite(value)) into.push(Math.abs(value));
  else if (typeof value === "string") for (const each of numbersIn(value)) into.push(each.value);
  else if (Array.isArray(value)) for (const each of value) numbersDeep(each, into);
  else if (value && typeof value === "object") for (const each of Object.values(value)) numbersDeep(each, into);
  return into;
}

/**
 * The reply's text with what is not a data claim taken out: quoted examples ("e.g. \"150 g
 * chicken\""), ISO dates and clock times (they restate the day or time, which the argument checks
 * already judge); durations like "1 h 30 min" become minutes ("90 min"), the unit tools use.
 */
export function claimText(reply: string): string {
  return reply
    .replace(/"[^"\n]*"|“[^”\n]*”/g, " ")
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, " ")
    .replace(/\b\d{1,2}:\d{2}(?::\d{2})?\b/g, " ")
    .replace(
      /\b(\d+)\s*h(?:ours?|rs?)?\s*(\d+)\s*min\b/gi,
      (_, hours: string, minutes: string) => `${Number(hours) * 60 + Number(minutes)} min`,
    );
}

/**
 * The share of the reply's numbers found in the sources, allowing for the rounding the reply
 * shows ("450" may be 449.6; "82.4" may be 82.43). Whole numbers up to 10 are always fine: they
 * count things ("3 meals", "7-day average") far more often than they report data.
 */
export function groundedNumbers(
  reply: string,
  sources: NumberSources,
): { score: number; ungrounded: number[] } | undefined {
  if (sources.toolData === undefined) return undefined;
  const known = [
    ...sources.messages.flatMap((message) => numbersIn(message).map((each) => each.value)),
    ...numbersDeep(sources.toolData),
  ];
  const ungrounded: number[] = [];
  const claimed = numbersIn(claimText(reply));
  for (const { value, decimals } of claimed) {
    if (decimals === 0 && value <= 10) continue;
    const tolerance = 0.5 * 10 ** -decimals + 1e-9;
    if (!known.some((source) => Math.abs(source - value) <= tolerance)) ungrounded.push(value);
  }
  return { score: claimed.length === 0 ? 1 : 1 - ungrounded.length / claimed.length, ungrounded };
}

export interface CheckResult {
  /** 0..1, or undefined when the check could not be made (no tool results to ground numbers in). */
  score: number | undefined;
  detail: string;
}

export function runCheck(check: Check, reply: string, sources: NumberSources): CheckResult {
  const lower = reply.toLowerCase();
  if ("mentions" in check) {
    const hit = check.mentions.find((phrase) => lower.includes(phrase.toLowerCase()));
    return { score: hit ? 1 : 0, detail: hit ? `mentions "${hit}"` : `mentions none of ${check.mentions.join(" | ")}` };
  }
  if ("mentionsAll" in check) {
    const missing = check.mentionsAll.filter((phrase) => !lower.includes(phrase.toLowerCase()));
    return {
      score: 1 - missing.length / check.mentionsAll.length,
      detail: missing.length ? `missing ${missing.join(", ")}` : "mentions all",
    };
  }
  if ("regex" in check) {
    const matched = new RegExp(check.regex, "i").test(reply);
    return { score: matched ? 1 : 0, detail: matched ? `matches /${check.regex}/` : `does not match /${check.regex}/` };
  }
  if ("absent" in check) {
    const match = new RegExp(check.absent, "i").exec(reply);
    return { score: match ? 0 : 1, detail: match ? `says "${match[0]}"` : `no /${check.absent}/` };
  }
  if ("minLength" in check) {
    return { score: reply.trim().length >= check.minLength ? 1 : 0, detail: `${reply.trim().length} characters` };
  }
  const grounded = groundedNumbers(reply, sources);
  if (!grounded) return { score: undefined, detail: "tool results not observable" };
  return {
    score: grounded.score,
    detail: grounded.ungrounded.length
      ? `numbers not in the data: ${grounded.ungrounded.join(", ")}`
      : "every number grounded",
  };
}

export interface RubricItemResult {
  criterion: string;
  weight: number;
  score: number | undefined;
  detail: string;
}

export interface RubricResult {
  /** Weighted mean over the items that could be scored; 1 when there were none. */
  score: number;
  items: RubricItemResult[];
}

export function weightedScore(items: RubricItemResult[]): number {
  const scored = items.filter((item) => item.score !== undefined);
  const weight = scored.reduce((sum, item) => sum + item.weight, 0);
  return weight === 0 ? 1 : scored.reduce((sum, item) => sum + item.weight * item.score!, 0) / weight;
}

export function scoreRubricLocally(rubric: RubricItem[], reply: string, sources: NumberSources): RubricResult {
  const items = rubric.map((item) => ({
    criterion: item.criterion,
    weight: item.weight,
    ...runCheck(item.check, reply, sources),
  }));
  return { score: weightedScore(items), items };
}
