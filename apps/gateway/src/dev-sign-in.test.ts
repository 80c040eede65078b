import { env, exports } from "cloudflare:workers";
import wranglerConfig from "../wrangler.jsonc?raw";
import { describe, expect, it } from "vitest";
import { app } from "./app.ts";
import { verifyToken } from "./auth.ts";
import { DEV_TOKEN_LIFETIME_SECONDS } from "./dev-sign-in.ts";

function requestToken(body: string, variables: Record<string, string | undefined>) {
  return app.request(
    "/dev/token",
    { method: "POST", headers: { "Content-Type": "application/json" }, body },
    { ...env, ...variables },
  );
}

describe("POST /dev/token", () => {
  it("is not configured by wrangler.jsonc, so a deployed gateway never has it", () => {
    expect(wranglerConfig).not.toContain("DEV_SIGN_IN");
    // The test configuration sets it to "disabled" so a developer's .dev.vars cannot leak in.
    expect((env as unknown as Record<string, unknown>).DEV_SIGN_IN).toBe("disabled");
  });

  it.each([
    ["unset", undefined],
    ["set to anything but enabled", "true"],
  ])("answers 404 like an unknown route when DEV_SIGN_IN is %s", async (_, value) => {
    const response = await requestToken(JSON.stringify({ userId: "alex" }), { DEV_SIGN_IN: value });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found", message: "No such route." } });
  });

  it("is not reachable through the deployed Worker's own environment", async () => {
    const response = await exports.default.fetch(
      new Request("http://gateway/dev/token", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: '{"userId":"alex"}',
      }),
    );
    expect(response.status).toBe(404);
  });

  it("signs a 12-hour token for the user that the API accepts", async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await requestToken(JSON.stringify({ userId: "dev-alex" }), { DEV_SIGN_IN: "enabled" });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; userId: string; expiresAt: string };
    expect(body.userId).toBe("dev-alex");
    expect(await verifyToken(body.token, env.AUTH_SECRET)).toEqual({ ok: true, userId: "dev-alex" });
    const expires = Date.parse(body.expiresAt) / 1000;
    expect(expires - before).toBeGreaterThanOrEqual(DEV_TOKEN_LIFETIME_SECONDS);
    expect(expires - before).toBeLessThanOrEqual(DEV_TOKEN_LIFETIME_SECONDS + 5);
    // Expired 12 hours and a minute later.
    expect(await verifyToken(body.token, env.AUTH_SECRET, before + DEV_TOKEN_LIFETIME_SECONDS + 60)).toEqual({
      ok: false,
      reason: "token expired",
    });
    const profile = await exports.default.fetch(
      new Request("http://gateway/v1/profile", { headers: { Authorization: `Bearer ${body.token}` } }),
    );
    // No profile yet: 404, not 401, so the token was accepted.
    expect(profile.status).toBe(404);
  });

  it.each([
    ["not JSON", "userId=alex"],
    ["no userId", "{}"],
    ["a user id verifyToken would refuse", JSON.stringify({ userId: "alex smith" })],
    ["extra fields", JSON.stringify({ userId: "alex", admin: true })],
  ])("refuses %s with 400", async (_, body) => {
    const response = await requestToken(body, { DEV_SIGN_IN: "enabled" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad_request" } });
  });
});
