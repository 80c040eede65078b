// The plain-data shapes that cross service bindings. Every Worker validates what it receives with
// these schemas, because a binding is a trust boundary too: the caller may run another version.
import { z } from "zod";
import {
  type Health,
  type LedgerEntry,
  type Result,
  type Span,
  type ToolCallRecord,
  domainSchema,
  isoDateSchema,
  specialistDomainSchema,
} from "./common.ts";

export const targetsSchema = z.object({
  energyKcal: z.number(),
  proteinG: z.number(),
  carbohydrateG: z.number(),
  fatG: z.number(),
});
export type Targets = z.infer<typeof targetsSchema>;

export const profileSchema = z.object({
  sex: z.enum(["male", "female"]),
  age: z.number().int().min(13).max(100),
  heightCm: z.number().min(100).max(250),
  weightKg: z.number().min(30).max(350),
  activityLevel: z.enum(["sedentary", "light", "moderate", "active", "very_active"]),
  goal: z.enum(["lose", "maintain", "gain"]),
});
export type Profile = z.infer<typeof profileSchema>;

/** What the gateway hands to a specialist for one message. */
export const specialistRequestSchema = z.object({
  userId: z.string().min(1),
  requestId: z.string().min(1),
  message: z.string().min(1).max(4000),
  /** Recent turns of the conversation, oldest first, for context. */
  history: z
    .array(z.object({ role: z.enum(["user", "assistant"]), content: z.string() }))
    .max(20)
    .default([]),
  /** The request's "now" as an ISO timestamp, so relative dates agree across Workers. */
  now: z.string().datetime(),
  targets: targetsSchema.optional(),
  /** Foods the vision Worker saw in a photo, when the message came with one. */
  visionItems: z
    .array(
      z.object({
        name: z.string(),
        grams: z.number().positive(),
        confidence: z.number().min(0).max(1),
        foodId: z.number().int().optional(),
      }),
    )
    .optional(),
});
export type SpecialistRequest = z.input<typeof specialistRequestSchema>;
export type ParsedSpecialistRequest = z.infer<typeof specialistRequestSchema>;

export interface Trail {
  ledger: LedgerEntry[];
  spans: Span[];
}

export interface SpecialistReply extends Trail {
  domain: z.infer<typeof specialistDomainSchema>;
  reply: string;
  toolCalls: ToolCallRecord[];
}

export interface ClassifyReply extends Trail {
  domain: z.infer<typeof domainSchema>;
  confidence: number;
  /** Every specialist domain the message involves, strongest first. */
  domains: z.infer<typeof specialistDomainSchema>[];
  /** Where the answer came from: the model, or the local classifier after bad model output. */
  source: "model" | "local-fallback";
}

export const classifyRequestSchema = z.object({
  requestId: z.string().min(1),
  text: z.string().min(1).max(4000),
  /** The user's previous message in the conversation: what "delete that" or "and yesterday?" is about. */
  previous: z.string().max(4000).optional(),
});

export const coordinateRequestSchema = specialistRequestSchema.extend({
  domains: z.array(specialistDomainSchema).min(1).max(3),
});
export type CoordinateRequest = z.input<typeof coordinateRequestSchema>;

export interface CoordinateReply extends Trail {
  reply: string;
  toolCalls: ToolCallRecord[];
  branches: { domain: string; status: "ok" | "failed" | "timeout"; reply?: string; error?: string }[];
}

/** The day's data a specialist contributes to `GET /v1/summary`. */
export const daySummaryRequestSchema = z.object({ userId: z.string().min(1), date: isoDateSchema });

export interface SpecialistRpc {
  health(): Promise<Health>;
  handle(request: SpecialistRequest): Promise<Result<SpecialistReply>>;
  /** `handle`, live: a stream of live events (./live-events.ts) ending with the same Result. */
  handleStream(request: SpecialistRequest): Promise<ReadableStream<Uint8Array>>;
  daySummary(request: z.input<typeof daySummaryRequestSchema>): Promise<Result<Record<string, unknown>>>;
}

/** A day or a range of days for read RPCs; `date` alone means that one day. */
export const dayRangeRequestSchema = z.object({
  userId: z.string().min(1),
  date: isoDateSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export type DayRangeRequest = z.input<typeof dayRangeRequestSchema>;

export interface MetricsWorkoutRpc extends SpecialistRpc {
  getBodyMetrics(request: DayRangeRequest): Promise<Result<Record<string, unknown>>>;
  getWorkouts(request: DayRangeRequest): Promise<Result<Record<string, unknown>>>;
}

export const onboardRequestSchema = z.object({
  requestId: z.string().min(1),
  message: z.string().min(1).max(4000),
  draft: z.record(z.string(), z.unknown()).default({}),
  now: z.string().datetime(),
});

export interface OnboardReply extends Trail {
  reply: string;
  /** Every valid profile field collected so far. */
  draft: Partial<z.infer<typeof profileSchema>>;
  /** The fields this message contributed; empty when it said nothing about the profile. */
  learned: string[];
  complete: boolean;
}

export interface RouterRpc {
  health(): Promise<Health>;
  classify(request: z.input<typeof classifyRequestSchema>): Promise<Result<ClassifyReply>>;
  onboard(request: z.input<typeof onboardRequestSchema>): Promise<Result<OnboardReply>>;
}

export interface GeneralReply extends Trail {
  reply: string;
}

export interface CoordinatorRpc {
  health(): Promise<Health>;
  coordinate(request: CoordinateRequest): Promise<Result<CoordinateReply>>;
  general(request: SpecialistRequest): Promise<Result<GeneralReply>>;
  /** Live versions: streams of live events (./live-events.ts) ending with the same Results. */
  coordinateStream(request: CoordinateRequest): Promise<ReadableStream<Uint8Array>>;
  generalStream(request: SpecialistRequest): Promise<ReadableStream<Uint8Array>>;
}
