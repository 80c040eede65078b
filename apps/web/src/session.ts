// The signed-in user: a bearer token kept in localStorage, so a reload keeps you signed in. The
// token's payload is read (not verified: only the gateway can) for the user id and expiry.

export interface Session {
  token: string;
  userId: string;
  /** Epoch seconds; undefined when the token has no expiry. */
  expiresAt: number | undefined;
}

const TOKEN_KEY = "ensemble.token";

function decodeBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/") + "=".repeat((4 - (text.length % 4)) % 4));
    return new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The session a token stands for, or a reason it cannot be one. */
export function readToken(
  token: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): { ok: true; session: Session } | { ok: false; reason: string } {
  const trimmed = token.trim().replace(/^Bearer\s+/i, "");
  const parts = trimmed.split(".");
  if (parts.length !== 3) return { ok: false, reason: "That is not a token: it should look like xxxxx.yyyyy.zzzzz." };
  const payloadText = decodeBase64Url(parts[1]!);
  let payload: unknown = null;
  try {
    payload = payloadText === null ? null : JSON.parse(payloadText);
  } catch {
    // Reported below.
  }
  if (!payload || typeof payload !== "object") return { ok: false, reason: "That token cannot be read." };
  const { sub, exp } = payload as { sub?: unknown; exp?: unknown };
  if (typeof sub !== "string" || sub === "") return { ok: false, reason: "That token names no user." };
  if (exp !== undefined && (typeof exp !== "number" || exp <= nowSeconds))
    return { ok: false, reason: "That token has expired." };
  return { ok: true, session: { token: trimmed, userId: sub, expiresAt: typeof exp === "number" ? exp : undefined } };
}

export function loadSession(storage: Storage = localStorage): Session | null {
  const token = storage.getItem(TOKEN_KEY);
  if (!token) return null;
  const read = readToken(token);
  if (!read.ok) {
    storage.removeItem(TOKEN_KEY);
    return null;
  }
  return read.session;
}

export function saveSession(session: Session, storage: Storage = localStorage): void {
  storage.setItem(TOKEN_KEY, session.token);
}

export function clearSession(storage: Storage = localStorage): void {
  storage.removeItem(TOKEN_KEY);
}
