// Reading the router model's answer. Small models wrap JSON in code fences or chat around it, so
// the parser looks for the object inside the text; anything it cannot trust becomes null and the
// router Worker falls back to the local classifier. It never throws: bad output is expected.
import { z } from "zod";

const SPECIALIST = ["meal", "protocol", "metrics-workout"] as const;
type Specialist = (typeof SPECIALIST)[number];

const routerOutputSchema = z.object({
  domain: z.enum(["meal", "protocol", "metrics-workout", "general"]),
  confidence: z.number().min(0).max(1),
  domains: z.array(z.enum(SPECIALIST)).optional(),
});

export interface RouterOutput {
  domain: "meal" | "protocol" | "metrics-workout" | "general";
  confidence: number;
  /** Every specialist domain involved, strongest first; the primary domain always leads. */
  domains: Specialist[];
}

export function parseRouterOutput(text: string): RouterOutput | null {
  for (const candidate of jsonCandidates(text)) {
    let value: unknown;
    try {
      value = JSON.parse(candidate);
    } catch {
      continue;
    }
    const result = routerOutputSchema.safeParse(value);
    if (!result.success) continue;
    const { domain, confidence } = result.data;
    const domains: Specialist[] = [];
    if (domain !== "general") domains.push(domain);
    for (const other of result.data.domains ?? []) if (!domains.includes(other)) domains.push(other);
    return { domain, confidence, domains };
  }
  return null;
}

// The whole text, then the inside of each code fence, then every balanced {...} span, in order.
function jsonCandidates(text: string): string[] {
  const candidates = [text.trim()];
  for (const fence of text.matchAll(/```(?:json)?\s*([\s\S]*?)```/gi)) candidates.push(fence[1]!.trim());
  for (let start = text.indexOf("{"); start !== -1; start = text.indexOf("{", start + 1)) {
    const end = matchingBrace(text, start);
    if (end !== -1) candidates.push(text.slice(start, end + 1));
  }
  return candidates;
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      if (character === "\\") index++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === "{") depth++;
    else if (character === "}" && --depth === 0) return index;
  }
  return -1;
}
