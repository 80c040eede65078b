// D1 failing in the middle of a request, made real with a trigger that RAISEs on one insert for
// one user (so other tests are untouched): the user gets a clear answer, no database holds half a
// meal or half a conversation turn, and a retry afterwards writes exactly once.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedFoods } from "../../../embedding/test/seed-foods.ts";
import { failOn, rowCount as rows } from "../../../../scripts/test/d1-faults.ts";
import { call, chat, uniqueUser } from "../helpers.ts";

beforeAll(() => seedFoods(env.EMBEDDING_DB), 120_000);

const failInserts = (database: D1Database, table: string, userId: string) => failOn(database, "INSERT", table, userId);

describe("the meal database failing between a meal and its items", () => {
  it("answers that nothing was logged, keeps no half meal, and logs once when asked again", async () => {
    const user = uniqueUser("meal-d1");
    // The meal row is the batch's first statement, its items the next ones: the items fail.
    const restore = await failInserts(env.MEAL_DB, "meal_items", user);
    try {
      const { status, body } = await chat(user, "had two scrambled eggs and a slice of toast for breakfast");
      expect(status).toBe(200);
      const logMeal = body.toolCalls.find((toolCall) => toolCall.name === "log_meal");
      expect(logMeal).toMatchObject({ ok: false, error: expect.stringMatching(/\S/) });
      expect(body.reply).toMatch(/couldn't|could not|not logged|wasn't|failed|try again/i);
      expect(body.reply).not.toMatch(/^Logged/);
      // Clear to a person: the database's own error text belongs in the log, not in the answer.
      expect(JSON.stringify(body), "the answer quotes the database error").not.toMatch(
        /D1_ERROR|SQLITE|injected D1 failure/,
      );
      expect(await rows(env.MEAL_DB, "meals", user)).toBe(0);
      expect(await rows(env.MEAL_DB, "meal_items", user)).toBe(0);
    } finally {
      await restore();
    }
    const again = await chat(user, "had two scrambled eggs and a slice of toast for breakfast");
    expect(again.body.toolCalls).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "log_meal", ok: true })]),
    );
    expect(await rows(env.MEAL_DB, "meals", user)).toBe(1);
    expect(await rows(env.MEAL_DB, "meal_items", user)).toBeGreaterThanOrEqual(2);
  });
});

describe("the gateway database failing while it stores the turn", () => {
  it("answers 500 with the envelope, keeps no half turn, and a retry with the same key logs the meal once", async () => {
    const user = uniqueUser("gateway-d1");
    const headers = { "Idempotency-Key": "d1-failure-lunch" };
    const message = "had 150 g of grilled chicken breast and a cup of rice for lunch";
    // The trace is the batch's last statement: conversation and messages go in before it fails.
    const restore = await failInserts(env.DB, "traces", user);
    try {
      const response = await call(user, "/v1/chat", { method: "POST", json: { message }, headers });
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error).toMatchObject({ code: "internal", requestId: "d1-failure-lunch" });
      // The database's own words stay in the log, not in the answer.
      expect(body.error.message).not.toMatch(/D1|SQL|trigger|injected/i);
      for (const table of ["conversations", "messages", "traces"])
        expect(await rows(env.DB, table, user), table).toBe(0);
      // The meal Worker had already logged the meal, whole, under the request's idempotency key.
      expect(await rows(env.MEAL_DB, "meals", user)).toBe(1);
    } finally {
      await restore();
    }
    const retry = await call(user, "/v1/chat", { method: "POST", json: { message }, headers });
    expect(retry.status).toBe(200);
    expect(await rows(env.MEAL_DB, "meals", user)).toBe(1);
    expect(await rows(env.DB, "messages", user)).toBe(2);
    expect(await rows(env.DB, "traces", user)).toBe(1);
  });

  it("keeps a refused profile write whole: neither the user row nor the profile", async () => {
    const user = uniqueUser("profile-d1");
    const restore = await failInserts(env.DB, "profiles", user);
    try {
      const profile = { sex: "male", age: 40, heightCm: 182, weightKg: 90, activityLevel: "moderate", goal: "lose" };
      const response = await call(user, "/v1/profile", { method: "PUT", json: profile });
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ error: { code: "internal" } });
      expect(await rows(env.DB, "profiles", user)).toBe(0);
      const users = await env.DB.prepare("SELECT count(*) AS rows FROM users WHERE id = ?")
        .bind(user)
        .first<{ rows: number }>();
      expect(users?.rows).toBe(0);
    } finally {
      await restore();
    }
  });
});
