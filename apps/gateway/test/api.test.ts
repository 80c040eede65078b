import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, chat, uniqueUser } from "./helpers.ts";

describe("public API basics", () => {
  it("answers unknown routes with the envelope", async () => {
    const response = await call("alice", "/v1/nope");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("serves an OpenAPI document generated from the schemas", async () => {
    const document = (await (await call(null, "/openapi.json")).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/v1/chat", "/v1/profile", "/v1/meals", "/v1/summary", "/v1/foods/search", "/health"]),
    );
    expect(JSON.stringify(document.components.schemas.ChatRequest)).toContain("maxLength");
  });

  it("rejects a message over 4,000 characters with 400", async () => {
    const { status, body } = await chat(uniqueUser("limits"), "x".repeat(4001));
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_request");
  });

  it("rejects a JSON body over 64 KB with 413", async () => {
    const response = await call(uniqueUser("limits"), "/v1/chat", {
      method: "POST",
      json: { message: "hi", padding: "x".repeat(70 * 1024) },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "payload_too_large" } });
  });

  it("rejects bodies that are not JSON", async () => {
    const user = uniqueUser("limits");
    const notJson = await call(user, "/v1/chat", {
      method: "POST",
      body: "{nope",
      headers: { "Content-Type": "application/json" },
    });
    expect(notJson.status).toBe(400);
    const plain = await call(user, "/v1/chat", {
      method: "POST",
      body: "hello",
      headers: { "Content-Type": "text/plain" },
    });
    expect(plain.status).toBe(415);
  });

  it("answers a known route asked with the wrong method with 405 and Allow, an unknown one with 404", async () => {
    const user = uniqueUser("methods");
    const wrongMethod = await call(user, "/v1/chat", { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("Allow")).toBe("POST");
    const body = (await wrongMethod.json()) as { error: { code: string; requestId: string } };
    expect(body.error).toMatchObject({ code: "method_not_allowed", requestId: expect.any(String) });
    expect((await call(user, "/v1/foods/123", { method: "POST" })).status).toBe(405);
    const unknown = await call(user, "/v1/nothing-here");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "not_found", requestId: expect.any(String) } });
  });

  it("rejects an empty message without an image", async () => {
    const { status, body } = await chat(uniqueUser("limits"), "   ");
    expect(status).toBe(400);
    expect(body.error.message).toContain("message");
  });

  it("rate limits per user with 429 and Retry-After, leaving other users alone", async () => {
    const busy = uniqueUser("busy");
    let limited: Response | undefined;
    for (let attempt = 0; attempt < 200 && !limited; attempt++) {
      const response = await call(busy, "/v1/profile");
      if (response.status === 429) limited = response;
    }
    expect(limited?.headers.get("Retry-After")).toBe("60");
    expect(await limited?.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect((await call(uniqueUser("calm"), "/v1/profile")).status).toBe(404);
  });

  it("rejects an invalid Idempotency-Key", async () => {
    const { status } = await chat(uniqueUser("idem"), "hi", {}, { "Idempotency-Key": "bad key with spaces" });
    expect(status).toBe(400);
  });
});

describe("profile", () => {
  it("computes targets with Mifflin-St Jeor and stores them", async () => {
    const user = uniqueUser("profile");
    const profile = { sex: "male", age: 30, heightCm: 180, weightKg: 80, activityLevel: "moderate", goal: "lose" };
    const response = await call(user, "/v1/profile", { method: "PUT", json: profile });
    expect(response.status).toBe(200);
    // BMR = 10*80 + 6.25*180 - 5*30 + 5 = 1780; x1.55 = 2759; -500 = 2259 kcal; protein 2.0 g/kg.
    expect(await response.json()).toMatchObject({ targets: { energyKcal: 2259, proteinG: 160, fatG: 63 } });
    const stored = (await (await call(user, "/v1/profile")).json()) as { profile: unknown };
    expect(stored.profile).toEqual(profile);
  });

  it("refuses an invalid profile with field errors and stores nothing", async () => {
    const user = uniqueUser("profile");
    const response = await call(user, "/v1/profile", { method: "PUT", json: { sex: "robot", age: 5 } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { details: Record<string, unknown> } };
    expect(Object.keys(body.error.details)).toEqual(expect.arrayContaining(["sex", "age", "heightCm"]));
    expect(await env.DB.prepare("SELECT * FROM profiles WHERE user_id = ?").bind(user).first()).toBeNull();
  });

  it("validates dates on day endpoints", async () => {
    const response = await call("alice", "/v1/summary?date=2026-02-30");
    expect(response.status).toBe(400);
    const meals = await call("alice", "/v1/meals?date=yesterday");
    expect(meals.status).toBe(400);
  });
});

describe("eval route forcing", () => {
  it("refuses the header without the secret", async () => {
    const { status, body } = await chat(uniqueUser("force"), "hello", {}, { "X-Eval-Force-Route": "meal" });
    expect(status).toBe(403);
    expect(body.error.code).toBe("forbidden");
    const wrong = await chat(
      uniqueUser("force"),
      "hello",
      {},
      { "X-Eval-Force-Route": "meal", "X-Eval-Force-Route-Secret": "guess" },
    );
    expect(wrong.status).toBe(403);
  });

  it("skips classification and takes the given route with the secret", async () => {
    const headers = { "X-Eval-Force-Route": "protocol", "X-Eval-Force-Route-Secret": env.EVAL_FORCE_ROUTE_SECRET! };
    const { status, body } = await chat(uniqueUser("force"), "took my creatine", {}, headers);
    expect(status).toBe(200);
    expect(body.route).toMatchObject({ path: "specialist", domains: ["protocol"], confidence: 1 });
    expect(body.trace.spans.find((span) => span.name === "classify")?.status).toBe("skipped");
    const bad = await chat(uniqueUser("force"), "hi", {}, { ...headers, "X-Eval-Force-Route": "pizza" });
    expect(bad.status).toBe(400);
  });
});
