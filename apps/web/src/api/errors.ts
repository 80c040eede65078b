// Every way a request can fail, as one error the UI can show: the gateway's JSON envelope
// ({ error: { code, message, requestId } }) plus the two failures it never sends, being offline
// and a response that is not the envelope at all (a proxy's HTML page, a cut connection).

export type ClientErrorCode = "offline" | "network" | "bad_response" | (string & {});

export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly requestId: string | undefined;
  /** Seconds to wait before retrying, from Retry-After on a 429. */
  readonly retryAfterSeconds: number | undefined;
  readonly details: unknown;

  constructor(
    status: number,
    code: ClientErrorCode,
    message: string,
    options: { requestId?: string | undefined; retryAfterSeconds?: number | undefined; details?: unknown } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.requestId = options.requestId;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  get isRateLimited(): boolean {
    return this.status === 429;
  }
}

/** Retry-After as whole seconds: either a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** The error a failed response stands for; reads the body, so call it once per response. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get("Retry-After"));
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: reported below with the status alone.
  }
  const envelope = readEnvelope(body);
  if (envelope) {
    return new ApiError(response.status, envelope.code, envelope.message, {
      requestId: envelope.requestId ?? response.headers.get("X-Request-Id") ?? undefined,
      retryAfterSeconds,
      details: envelope.details,
    });
  }
  return new ApiError(
    response.status,
    "bad_response",
    `The server answered ${response.status} ${response.statusText}`.trim(),
    {
      retryAfterSeconds,
    },
  );
}

export function readEnvelope(
  body: unknown,
): { code: string; message: string; requestId?: string; details?: unknown } | null {
  if (!body || typeof body !== "object" || !("error" in body)) return null;
  const error = (body as { error: unknown }).error;
  if (!error || typeof error !== "object") return null;
  const { code, message, requestId, details } = error as Record<string, unknown>;
  if (typeof code !== "string" || typeof message !== "string") return null;
  return {
    code,
    message,
    ...(typeof requestId === "string" ? { requestId } : {}),
    ...(details === undefined ? {} : { details }),
  };
}

/** fetch() rejects (TypeError) when no response arrived at all: offline, DNS, refused connection. */
export function networkError(cause: unknown, online: boolean): ApiError {
  if (!online) return new ApiError(0, "offline", "You are offline. Check your connection and try again.");
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(0, "network", `Could not reach the server (${detail}).`);
}

/** The sentence the UI shows for an error. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  if (error.code === "offline") return error.message;
  if (error.isRateLimited) {
    return error.retryAfterSeconds === undefined
      ? "Slow down a little: too many requests."
      : `Slow down a little: retry in ${error.retryAfterSeconds} s.`;
  }
  if (error.status === 413) return `That is too large: ${error.message}`;
  if (error.status === 415) return `That file type is not supported: ${error.message}`;
  if (error.status >= 500) return `The coach is having trouble right now: ${error.message}`;
  return error.message;
}
