// What every tool executor works with: the database, and the user and request the call is bound
// to. The user id comes from the gateway over RPC, never from the message or the model.
import { failure } from "@ensemble/contracts";

export interface StoreContext {
  db: D1Database;
  userId: string;
  /** The request's day, YYYY-MM-DD (UTC), for defaults like "today". */
  today: string;
  /** The request's time, ISO. */
  now: string;
}

export interface WriteContext extends StoreContext {
  /** `${requestId}:${write index}`: a retried request writes nothing twice. */
  idempotencyKey: string;
}

export type Failure = ReturnType<typeof failure>;

/** Thrown inside executors for bad input found after schema validation; turned into a Result at the edge. */
export class BadRequest extends Error {
  override name = "BadRequest";
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed/i.test(error.message);
}

export function newId(): string {
  return crypto.randomUUID();
}
