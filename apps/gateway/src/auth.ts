// Bearer tokens: HS256 JWTs signed with AUTH_SECRET, `sub` is the user id. Verified by hand with
// WebCrypto so the rules are in plain sight: the header must say HS256 (so `alg: none` and any
// algorithm swap fail), the signature must match in constant time, and `exp` must be there and in the future.

const encoder = new TextEncoder();

function base64UrlEncode(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function base64UrlDecode(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/") + "=".repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (character) => character.charCodeAt(0));
  } catch {
    return null;
  }
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

export interface TokenClaims {
  sub: string;
  exp?: number;
  iat?: number;
}

export async function signToken(claims: TokenClaims, secret: string): Promise<string> {
  const header = base64UrlEncode(encoder.encode(JSON.stringify({ alg: "HS256", typ: "JWT" })));
  const payload = base64UrlEncode(encoder.encode(JSON.stringify(claims)));
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(`${header}.${payload}`));
  return `${header}.${payload}.${base64UrlEncode(new Uint8Array(signature))}`;
}

export type TokenCheck = { ok: true; userId: string } | { ok: false; reason: string };

const USER_ID = /^[A-Za-z0-9_.:@-]{1,128}$/;

export async function verifyToken(
  token: string,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<TokenCheck> {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "malformed token" };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  if (!header || header.alg !== "HS256") return { ok: false, reason: "token must be signed with HS256" };
  const signature = base64UrlDecode(signaturePart);
  if (!signature || signature.length === 0) return { ok: false, reason: "malformed token" };
  // crypto.subtle.verify compares in constant time.
  const valid = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secret),
    signature,
    encoder.encode(`${headerPart}.${payloadPart}`),
  );
  if (!valid) return { ok: false, reason: "invalid signature" };
  const payload = decodeJson(payloadPart);
  if (!payload) return { ok: false, reason: "malformed token" };
  if (typeof payload.sub !== "string" || !USER_ID.test(payload.sub))
    return { ok: false, reason: "token has no valid subject" };
  // A token without an expiry would be good forever once leaked: every token must carry one.
  if (typeof payload.exp !== "number" || !Number.isFinite(payload.exp))
    return { ok: false, reason: "token has no expiry" };
  if (payload.exp <= nowSeconds) return { ok: false, reason: "token expired" };
  return { ok: true, userId: payload.sub };
}

function decodeJson(part: string): Record<string, unknown> | null {
  const bytes = base64UrlDecode(part);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
