// Sign-in for local use: POST /dev/token {userId} returns a 12-hour token signed with AUTH_SECRET,
// so the web client can be tried without minting tokens by hand. It answers only when the variable
// DEV_SIGN_IN is "enabled", which lives in .dev.vars (copied from .dev.vars.example by the start
// command) and never in wrangler.jsonc: a deployed gateway does not have it, and answers 404 like
// any unknown route, so nobody can mint a token for any user id there.
import { Hono } from "hono";
import { z } from "zod";
import { signToken } from "./auth.ts";
import type { Bindings } from "./env.ts";
import { HttpError } from "./http-errors.ts";

export const DEV_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

const MAX_BODY_BYTES = 1024;

const devTokenRequestSchema = z.strictObject({
  // The same rule verifyToken applies to a token's subject.
  userId: z.string().regex(/^[A-Za-z0-9_.:@-]{1,128}$/, "userId must be 1-128 letters, digits or _ . : @ -"),
});

export const devSignIn = new Hono<{
  Bindings: Bindings & { DEV_SIGN_IN?: string };
  Variables: { requestId: string };
}>();

devSignIn.post("/token", async (context) => {
  if (context.env.DEV_SIGN_IN !== "enabled") throw new HttpError("not_found", "No such route.");
  if (!context.env.AUTH_SECRET) throw new HttpError("internal", "AUTH_SECRET is not configured on the gateway.");
  const text = await context.req.text();
  if (text.length > MAX_BODY_BYTES)
    throw new HttpError("payload_too_large", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError("bad_request", 'The body is not valid JSON: send {"userId": "..."}.');
  }
  const parsed = devTokenRequestSchema.safeParse(body);
  if (!parsed.success) throw new HttpError("bad_request", z.prettifyError(parsed.error));
  const now = Math.floor(Date.now() / 1000);
  const expires = now + DEV_TOKEN_LIFETIME_SECONDS;
  const token = await signToken({ sub: parsed.data.userId, iat: now, exp: expires }, context.env.AUTH_SECRET);
  return context.json({ token, userId: parsed.data.userId, expiresAt: new Date(expires * 1000).toISOString() });
});
