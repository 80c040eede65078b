import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "../src/auth.ts";
import { call, tokenFor } from "./helpers.ts";

function base64Url(value: unknown): string {
  return btoa(JSON.stringify(value)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

async function withToken(token: string): Promise<Response> {
  return exports.default.fetch(
    new Request("http://gateway/v1/profile", { headers: { Authorization: `Bearer ${token}` } }),
  );
}

describe("authentication", () => {
  it("accepts a valid HS256 token and takes the user id from sub", async () => {
    const response = await withToken(await tokenFor("alice"));
    // alice has no profile yet: 404 proves the token passed and the route ran as alice.
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it.each([
    ["no header", null],
    ["not bearer", "Basic abc"],
    ["malformed", "Bearer not-a-jwt"],
    ["empty signature", "Bearer a.b."],
  ])("refuses %s with 401 and the envelope", async (_, header) => {
    const headers: Record<string, string> = header ? { Authorization: header } : {};
    const response = await exports.default.fetch(new Request("http://gateway/v1/profile", { headers }));
    expect(response.status).toBe(401);
    const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
    expect(body.error.code).toBe("unauthorized");
    expect(body.error.requestId).toBeTruthy();
  });

  it("refuses a token signed with another secret", async () => {
    const token = await signToken({ sub: "mallory", exp: Math.floor(Date.now() / 1000) + 60 }, "wrong-secret");
    expect((await withToken(token)).status).toBe(401);
  });

  it("refuses alg none, even with a plausible payload", async () => {
    const token = `${base64Url({ alg: "none", typ: "JWT" })}.${base64Url({ sub: "alice" })}.`;
    expect((await withToken(token)).status).toBe(401);
    const noneWithSignature = `${base64Url({ alg: "none" })}.${base64Url({ sub: "alice" })}.c2ln`;
    expect((await withToken(noneWithSignature)).status).toBe(401);
  });

  it("refuses an algorithm swap in the header", async () => {
    const valid = await tokenFor("alice");
    const [, payload, signature] = valid.split(".");
    const swapped = `${base64Url({ alg: "HS512", typ: "JWT" })}.${payload}.${signature}`;
    expect((await withToken(swapped)).status).toBe(401);
  });

  it("refuses a tampered payload", async () => {
    const valid = await tokenFor("alice");
    const [header, , signature] = valid.split(".");
    const tampered = `${header}.${base64Url({ sub: "bob", exp: Math.floor(Date.now() / 1000) + 60 })}.${signature}`;
    expect((await withToken(tampered)).status).toBe(401);
  });

  it("refuses an expired token", async () => {
    const token = await signToken({ sub: "alice", exp: Math.floor(Date.now() / 1000) - 1 }, env.AUTH_SECRET);
    const response = await withToken(token);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringContaining("expired") } });
  });

  it("refuses a token without an expiry, which would never stop working", async () => {
    const token = await signToken({ sub: "alice" }, env.AUTH_SECRET);
    const response = await withToken(token);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringContaining("no expiry") } });
    const textual = await signToken({ sub: "alice", exp: "2099-01-01" as unknown as number }, env.AUTH_SECRET);
    expect(await verifyToken(textual, env.AUTH_SECRET)).toEqual({ ok: false, reason: "token has no expiry" });
  });

  it("refuses a subject that is not a plain id", async () => {
    const token = await signToken({ sub: "../../etc", exp: Math.floor(Date.now() / 1000) + 60 }, env.AUTH_SECRET);
    expect(await verifyToken(token, env.AUTH_SECRET)).toEqual({ ok: false, reason: "token has no valid subject" });
  });

  it("keeps /health and the API docs public", async () => {
    expect((await call(null, "/openapi.json")).status).toBe(200);
    expect((await call(null, "/docs")).status).toBe(200);
  });
});
