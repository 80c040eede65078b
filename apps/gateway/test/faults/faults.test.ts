import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedFoods } from "../../../embedding/test/seed-foods.ts";
import { chat, uniqueUser } from "../helpers.ts";

beforeAll(async () => {
  await seedFoods(env.EMBEDDING_DB);
}, 60_000);

describe("with every remote model failing", () => {
  it("still answers through the fallback chain, and the trace shows it", async () => {
    const { status, body } = await chat(uniqueUser("chain"), "had a banana for a snack");
    expect(status).toBe(200);
    expect(body.route).toMatchObject({ path: "specialist", domains: ["meal"] });
    expect(body.toolCalls).toEqual(expect.arrayContaining([expect.objectContaining({ name: "log_meal", ok: true })]));
    const statuses = body.trace.spans.map((span: { status: string }) => span.status);
    expect(statuses).toContain("fallback");
    // The last resort is the local engine serving as itself.
    expect(Object.keys(body.usage.byModel)).toContain("local");
  });
});

describe("with one specialist down and one too slow", () => {
  it("answers from the healthy branch and says which part failed (no 5xx)", async () => {
    const user = uniqueUser("partial");
    const { status, body } = await chat(user, "had oatmeal for breakfast and took my creatine");
    expect(status).toBe(200);
    expect(body.route.path).toBe("coordinator");
    expect(body.toolCalls).toEqual(expect.arrayContaining([expect.objectContaining({ name: "log_meal", ok: true })]));
    expect(body.reply).toMatch(/supplement|creatine/i);
    expect(body.reply).toMatch(/couldn't|could not|not logged|try again|wasn't|failed/i);
    const meals = await env.MEAL_DB.prepare("SELECT count(*) AS count FROM meals WHERE user_id = ?")
      .bind(user)
      .first<{ count: number }>();
    expect(meals?.count).toBe(1);
  });

  it("times a slow branch out and still answers", async () => {
    const { status, body } = await chat(
      uniqueUser("slow"),
      "had a protein shake after my workout and benched 80 kg for 3 sets of 5",
    );
    expect(status).toBe(200);
    expect(body.route.path).toBe("coordinator");
    const branches = body.trace.spans.filter((span: { name: string }) => span.name.startsWith("branch:"));
    expect(branches.some((span: { status: string }) => span.status === "error")).toBe(true);
    expect(body.reply.length).toBeGreaterThan(0);
  });

  it("answers 503 with the envelope when the only specialist a message needs is down", async () => {
    const { status, body } = await chat(uniqueUser("down"), "took my creatine this morning");
    expect(status).toBe(503);
    expect(body.error.code).toBe("unavailable");
  });
});
