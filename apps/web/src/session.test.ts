import { describe, expect, it } from "vitest";
import { readToken } from "./session.ts";

function encode(value: unknown): string {
  return btoa(JSON.stringify(value)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function token(payload: unknown): string {
  return `${encode({ alg: "HS256", typ: "JWT" })}.${encode(payload)}.c2lnbmF0dXJl`;
}

describe("readToken", () => {
  it("reads the user and expiry, and strips a pasted Bearer prefix", () => {
    const read = readToken(`Bearer ${token({ sub: "alex", exp: 2000 })}  `, 1000);
    expect(read).toEqual({
      ok: true,
      session: { token: token({ sub: "alex", exp: 2000 }), userId: "alex", expiresAt: 2000 },
    });
  });

  it("refuses expired, subject-less and malformed tokens with a reason", () => {
    expect(readToken(token({ sub: "alex", exp: 999 }), 1000)).toEqual({ ok: false, reason: "That token has expired." });
    expect(readToken(token({ exp: 2000 }), 1000)).toEqual({ ok: false, reason: "That token names no user." });
    expect(readToken("not-a-token")).toMatchObject({ ok: false });
    expect(readToken("a.!!!.c")).toEqual({ ok: false, reason: "That token cannot be read." });
  });

  it("accepts a token without expiry", () => {
    expect(readToken(token({ sub: "alex" }))).toMatchObject({ ok: true, session: { expiresAt: undefined } });
  });
});
