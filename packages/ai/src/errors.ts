// One error type for every model failure, so the client can decide "retry, fall back or give up"
// from a code instead of from provider-specific messages.
import type { ProviderName } from "./types.ts";

export type ModelErrorCode =
  | "rate_limited"
  | "server_error"
  | "timeout"
  | "bad_response"
  | "bad_request"
  | "unavailable"
  | "circuit_open"
  | "refused";

// Only transient failures are worth a second try against the same model; everything else goes
// straight to the next model of the chain.
const RETRYABLE: ReadonlySet<ModelErrorCode> = new Set(["rate_limited", "server_error", "timeout"]);

export interface ModelErrorInit {
  provider: ProviderName;
  model: string;
  status?: number;
  retryAfterMs?: number;
  /** Overrides the code's default, e.g. a 429 for an exhausted daily quota is not worth retrying. */
  retryable?: boolean;
  cause?: unknown;
}

export class ModelError extends Error {
  readonly code: ModelErrorCode;
  readonly isRetryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly provider: ProviderName;
  readonly model: string;
  readonly status: number | undefined;

  constructor(code: ModelErrorCode, message: string, init: ModelErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "ModelError";
    this.code = code;
    this.isRetryable = init.retryable ?? RETRYABLE.has(code);
    this.retryAfterMs = init.retryAfterMs;
    this.provider = init.provider;
    this.model = init.model;
    this.status = init.status;
  }
}

export function isModelError(error: unknown): error is ModelError {
  return error instanceof ModelError;
}

/** The error code an HTTP status means, for providers that speak HTTP. */
export function codeForStatus(status: number): ModelErrorCode {
  if (status === 429) return "rate_limited";
  if (status === 408 || status === 504) return "timeout";
  if (status === 503) return "server_error";
  if (status >= 500) return "server_error";
  if (status === 401 || status === 403 || status === 404) return "unavailable";
  return "bad_request";
}

/**
 * Retry-After in milliseconds: either delay-seconds or an HTTP date. Unparseable or negative
 * values are ignored so a broken header never stalls a request.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/** The short text shown in spans and tool records for an error of any kind. */
export function describeError(error: unknown): string {
  if (error instanceof ModelError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
