// The vision model's answer: one JSON object listing the foods it sees. Small vision models wrap
// JSON in prose or code fences and drift from the shape, so the text is read leniently (the
// first JSON value in it) and validated strictly; what is wrong is said in words the model can
// act on when it is asked again.
import { z } from "zod";

export const MAX_ITEMS = 12;

const modelItemSchema = z.object({
  name: z
    .string({ error: "name must be a string" })
    .trim()
    .min(1, "name must not be empty")
    .max(80, "name must be at most 80 characters"),
  grams: z
    .number({ error: "grams must be a number (no units)" })
    .positive("grams must be more than 0")
    .max(5000, "grams must be at most 5000 for one item"),
  confidence: z
    .number({ error: "confidence must be a number from 0 to 1" })
    .min(0, "confidence must be from 0 to 1")
    .max(1, "confidence must be from 0 to 1"),
});

export const visionOutputSchema = z.object({
  items: z.array(modelItemSchema, { error: "items must be a list" }).max(MAX_ITEMS, `list at most ${MAX_ITEMS} items`),
});

export type ModelItem = z.infer<typeof modelItemSchema>;

export type VisionOutput = { ok: true; items: ModelItem[] } | { ok: false; problem: string };

/** The first JSON object or array in the text, if any; code fences and prose around it are ignored. */
export function extractJson(text: string): unknown {
  const trimmed = text.trim().replace(/^```(?:json)?\s*|\s*```$/gi, "");
  try {
    return JSON.parse(trimmed);
  } catch {
    // Fall through: look for the outermost braces or brackets inside prose.
  }
  for (const [open, close] of [
    ["{", "}"],
    ["[", "]"],
  ] as const) {
    const start = trimmed.indexOf(open);
    const end = trimmed.lastIndexOf(close);
    if (start === -1 || end <= start) continue;
    try {
      return JSON.parse(trimmed.slice(start, end + 1));
    } catch {
      // Try the other bracket kind.
    }
  }
  return undefined;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 4)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export function parseVisionOutput(text: string): VisionOutput {
  if (text.trim() === "") return { ok: false, problem: "the reply was empty" };
  const json = extractJson(text);
  if (json === undefined) return { ok: false, problem: "the reply was not JSON" };
  // A bare list of items is unambiguous; accept it rather than spend a retry on it.
  const candidate = Array.isArray(json) ? { items: json } : json;
  if (typeof candidate !== "object" || candidate === null)
    return { ok: false, problem: "the reply was not a JSON object" };
  const parsed = visionOutputSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, problem: describeIssues(parsed.error) };
  return { ok: true, items: parsed.data.items };
}
