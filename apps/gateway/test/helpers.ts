import { env, exports } from "cloudflare:workers";
import type { ChatResponseBody, ErrorEnvelope } from "@ensemble/contracts";
import { signToken } from "../src/auth.ts";

/** A chat answer as tests read it: the success body or the error envelope. */
export type ChatBody = ChatResponseBody & ErrorEnvelope;

export async function tokenFor(userId: string, expiresInSeconds = 3600): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return signToken({ sub: userId, iat: now, exp: now + expiresInSeconds }, env.AUTH_SECRET);
}

/** A request to the gateway as `userId` (no Authorization header when userId is null). */
export async function call(
  userId: string | null,
  path: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (userId !== null) headers.set("Authorization", `Bearer ${await tokenFor(userId)}`);
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(init.json);
  }
  return exports.default.fetch(new Request(`http://gateway${path}`, { ...init, headers, body }));
}

export async function chat(
  userId: string,
  message: string,
  extra: Record<string, unknown> = {},
  headers: HeadersInit = {},
) {
  const response = await call(userId, "/v1/chat", { method: "POST", json: { message, ...extra }, headers });
  return { status: response.status, body: (await response.json()) as ChatBody };
}

export function uniqueUser(label: string): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}`;
}
