// The shape of an eval case, as written in cases/*.yaml. Validated with zod so a typo in a tool
// name, a domain or a rubric check fails loudly with the file and case id instead of silently
// scoring nothing.
import { metricsWorkoutTools, mealTools, protocolTools } from "@ensemble/tools";
import { z } from "zod";

export const TOOLS: { name: string; kind: "read" | "write" }[] = [
  ...mealTools,
  ...protocolTools,
  ...metricsWorkoutTools,
].map((tool) => ({ name: tool.name, kind: tool.kind }));
export const TOOL_NAMES = TOOLS.map((tool) => tool.name);
export const WRITE_TOOLS: Set<string> = new Set(TOOLS.filter((tool) => tool.kind === "write").map((tool) => tool.name));

export const ROUTE_PATHS = ["specialist", "coordinator", "general", "onboarding", "vision"] as const;
export const SPECIALIST_DOMAINS = ["meal", "protocol", "metrics-workout"] as const;

/** Tags that make every write tool forbidden: the user did not do (or is not the one doing) it. */
export const NO_WRITE_TAGS = ["hypothetical", "negation", "third-person", "injection"] as const;

const toolName = z.string().refine((name) => TOOL_NAMES.includes(name), {
  error: (issue) => `unknown tool "${String(issue.input)}"; known tools: ${TOOL_NAMES.join(", ")}`,
});
const domain = z.enum(SPECIALIST_DOMAINS);

/**
 * A value spec, BFCL style: a list is a list of allowed values, anything else is one allowed value.
 * Allowed values: a string (compared normalised), "/regex/" (on the raw string, case-insensitive),
 * "<omitted>" or "" (the parameter may be left out), a number, a boolean, a list (the actual list,
 * matched element by element in any order), or a mapping (an object whose named keys must match).
 */
export type ValueSpec = string | number | boolean | null | ValueSpec[] | { [key: string]: ValueSpec };
export const valueSpecSchema: z.ZodType<ValueSpec> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(valueSpecSchema),
    z.record(z.string(), valueSpecSchema),
  ]),
);

const regexString = z.string().refine(
  (pattern) => {
    try {
      return new RegExp(pattern, "i") instanceof RegExp;
    } catch {
      return false;
    }
  },
  { error: "not a valid regular expression" },
);

/** A deterministic check of the reply: what the local judge scores, and a hint for a model judge. */
export const checkSchema = z.union([
  z
    .strictObject({ mentions: z.array(z.string().min(1)).min(1) })
    .describe("the reply contains at least one of these (case-insensitive)"),
  z.strictObject({ mentionsAll: z.array(z.string().min(1)).min(1) }).describe("the reply contains every one of these"),
  z.strictObject({ regex: regexString }).describe("the reply matches"),
  z.strictObject({ absent: regexString }).describe("the reply does not match"),
  z
    .strictObject({ groundedNumbers: z.literal(true) })
    .describe("every number in the reply comes from the conversation or the tool results"),
  z.strictObject({ minLength: z.number().int().min(1) }).describe("the reply has at least this many characters"),
]);
export type Check = z.infer<typeof checkSchema>;

export const rubricItemSchema = z.strictObject({
  /** What a good answer does, in words: what a model judge scores. */
  criterion: z.string().min(3),
  /** How the local (deterministic) judge scores it. */
  check: checkSchema,
  weight: z.number().positive().default(1),
});
export type RubricItem = z.infer<typeof rubricItemSchema>;

const domainSet = z.array(domain);
export const routeSpecSchema = z.strictObject({
  paths: z.array(z.enum(ROUTE_PATHS)).min(1),
  /** The specialist domains the message involves; [] for general or onboarding. A list of lists gives alternatives. */
  domains: z.union([domainSet, z.array(domainSet).min(1)]).default([]),
});

const argumentsSpec = z.record(z.string(), valueSpecSchema);
export const expectedCallSchema = z.strictObject({
  tool: toolName,
  /** The parameters' allowed values; a list gives alternative forms ("days: 30" or "from: <date>"), any of which may match. */
  arguments: z.union([argumentsSpec, z.array(argumentsSpec).min(1)]).default({}),
});
export type ExpectedCall = z.infer<typeof expectedCallSchema>;

export const caseSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case words joined by -"),
    /** Earlier turns of the same user and conversation, sent first. */
    setup: z.array(z.string().min(1)).default([]),
    message: z.string().min(1).max(4000),
    /** Left out: routing is not scored for this case (e.g. an injection that may go anywhere). */
    route: routeSpecSchema.optional(),
    tools: z
      .strictObject({
        required: z.array(toolName).default([]),
        /** Neither required nor penalised (a search before a log). */
        optional: z.array(toolName).default([]),
        forbidden: z.array(toolName).default([]),
      })
      .default({ required: [], optional: [], forbidden: [] }),
    /** Expected calls with their arguments; matched to actual calls of the same tool in any order. */
    calls: z.array(expectedCallSchema).default([]),
    rubric: z.array(rubricItemSchema).default([]),
    /** Weighted rubric score needed to pass. */
    threshold: z.number().min(0).max(1).default(0.7),
    tags: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
    note: z.string().optional(),
  })
  .superRefine((value, context) => {
    const required = new Set(value.tools.required);
    for (const name of value.tools.forbidden) {
      if (required.has(name) || value.tools.optional.includes(name)) {
        context.addIssue({
          code: "custom",
          message: `${name} cannot be both forbidden and required/optional`,
          path: ["tools"],
        });
      }
    }
    const forbidsWrites = value.tags.some((tag) => (NO_WRITE_TAGS as readonly string[]).includes(tag));
    for (const name of value.tools.required) {
      if (forbidsWrites && WRITE_TOOLS.has(name)) {
        context.addIssue({
          code: "custom",
          message: `${name} writes, which the tags [${value.tags.join(", ")}] forbid`,
          path: ["tools", "required"],
        });
      }
    }
    for (const call of value.calls) {
      if (!required.has(call.tool) && !value.tools.optional.includes(call.tool)) {
        context.addIssue({
          code: "custom",
          message: `calls names ${call.tool}, which is neither required nor optional`,
          path: ["calls"],
        });
      }
    }
  });

export type EvalCase = z.infer<typeof caseSchema>;

/** A case file: cases plus defaults merged into each (tags are added, the rest is replaced). */
export const caseFileSchema = z.strictObject({
  defaults: z
    .strictObject({
      route: z.unknown().optional(),
      tags: z.array(z.string()).optional(),
      threshold: z.number().optional(),
      rubric: z.array(z.unknown()).optional(),
    })
    .optional(),
  cases: z.array(z.record(z.string(), z.unknown())).min(1),
});

/** The tools a case forbids: its explicit list, plus every write tool for the no-write tags. */
export function forbiddenTools(evalCase: EvalCase): Set<string> {
  const forbidden = new Set(evalCase.tools.forbidden);
  if (evalCase.tags.some((tag) => (NO_WRITE_TAGS as readonly string[]).includes(tag))) {
    for (const name of WRITE_TOOLS) forbidden.add(name);
  }
  return forbidden;
}

/** The acceptable domain sets of a route spec (always a list of sets). */
export function domainAlternatives(route: z.infer<typeof routeSpecSchema>): string[][] {
  const domains = route.domains as string[] | string[][];
  if (domains.length === 0) return [[]];
  return Array.isArray(domains[0]) ? (domains as string[][]) : [domains as string[]];
}
