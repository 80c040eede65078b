// Expected HTTP failures as one typed error, turned into the single JSON envelope by app.onError.
import { type ErrorCode, HTTP_STATUS } from "@ensemble/contracts";

export class HttpError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;
  constructor(code: ErrorCode, message: string, options: { details?: unknown; headers?: Record<string, string> } = {}) {
    super(message);
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }

  get isRetryable(): boolean {
    return this.code === "rate_limited" || this.code === "unavailable" || this.code === "timeout";
  }
}
