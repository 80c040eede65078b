import { z } from "zod";

export const SPECIALIST_DOMAINS = ["meal", "protocol", "metrics-workout"] as const;
export const specialistDomainSchema = z.enum(SPECIALIST_DOMAINS);
export type SpecialistDomain = z.infer<typeof specialistDomainSchema>;

export const domainSchema = z.enum(["meal", "protocol", "metrics-workout", "general"]);
export type Domain = z.infer<typeof domainSchema>;

export const WORKER_NAMES = [
  "gateway",
  "router",
  "coordinator",
  "meal",
  "protocol",
  "metrics-workout",
  "vision",
  "embedding",
] as const;
export type WorkerName = (typeof WORKER_NAMES)[number];

export const ERROR_CODES = [
  "bad_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "model_error",
  "timeout",
  "unavailable",
  "internal",
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/**
 * An expected failure, as plain data. RPC drops the properties of thrown errors, so Workers return
 * failures as values instead and keep exceptions for bugs.
 */
export const failureSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  retryable: z.boolean(),
});
export type Failure = z.infer<typeof failureSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export function success<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure(code: ErrorCode, message: string, retryable = false): { ok: false; error: Failure } {
  return { ok: false, error: { code, message, retryable } };
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  model_error: 502,
  timeout: 504,
  unavailable: 503,
  internal: 500,
};

/** One step of a request's work, as shown in traces. Times are epoch milliseconds. */
export const spanSchema = z.object({
  name: z.string(),
  worker: z.string(),
  model: z.string().optional(),
  startMs: z.number(),
  durationMs: z.number(),
  status: z.enum(["ok", "error", "skipped", "refused", "retry", "fallback"]),
  detail: z.string().optional(),
});
export type Span = z.infer<typeof spanSchema>;

/** One model call, as recorded in the usage ledger. */
export const ledgerEntrySchema = z.object({
  task: z.string(),
  model: z.string(),
  provider: z.string(),
  inputTokens: z.number().int().min(0),
  outputTokens: z.number().int().min(0),
  latencyMs: z.number().min(0),
  costUsd: z.number().min(0),
  ok: z.boolean(),
  estimated: z.boolean(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** A tool call made while serving a request, by whichever specialist made it. */
export const toolCallRecordSchema = z.object({
  name: z.string(),
  domain: z.string(),
  arguments: z.record(z.string(), z.unknown()),
  ok: z.boolean(),
  /** Why the call did not run or failed: "refused: hypothetical", a validation message, ... */
  error: z.string().optional(),
  result: z.unknown().optional(),
});
export type ToolCallRecord = z.infer<typeof toolCallRecordSchema>;

/** A real calendar day as YYYY-MM-DD: the format alone would let "2026-02-30" through. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
  }, "expected a real calendar date as YYYY-MM-DD");

export const healthSchema = z.object({
  worker: z.string(),
  ok: z.boolean(),
  detail: z.string().optional(),
});
export type Health = z.infer<typeof healthSchema>;

/** Health of a data-owning Worker: its database answers and has its migrations applied. */
export async function databaseHealth(worker: string, database: D1Database): Promise<Health> {
  try {
    const row = await database.prepare("SELECT count(*) AS applied FROM d1_migrations").first<{ applied: number }>();
    const applied = row?.applied ?? 0;
    return applied > 0
      ? { worker, ok: true, detail: `${applied} migrations applied` }
      : { worker, ok: false, detail: "no migrations applied" };
  } catch (error) {
    return {
      worker,
      ok: false,
      detail: `database unavailable: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
