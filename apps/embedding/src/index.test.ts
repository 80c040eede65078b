import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { seedFoods } from "../test/seed-foods.ts";

describe("embedding Worker", () => {
  it("answers nothing on public routes", async () => {
    for (const route of ["/", "/health", "/v1/chat"]) {
      const response = await exports.default.fetch(`http://embedding${route}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });

  it("says when the food database is not loaded, then works once it is", async () => {
    expect(await exports.default.health()).toMatchObject({
      worker: "embedding",
      ok: true,
      detail: expect.stringContaining("food database not loaded"),
    });
    const empty = await exports.default.searchFoods({ query: "banana" });
    expect(empty).toMatchObject({
      ok: false,
      error: { code: "unavailable", message: expect.stringContaining("start command") },
    });

    const seeded = await seedFoods(env.DB);
    expect(seeded).toMatchObject({ seeded: true, foods: 8858 });
    expect(await seedFoods(env.DB)).toMatchObject({ seeded: false, version: seeded.version });
    expect(await exports.default.health()).toMatchObject({
      ok: true,
      detail: expect.stringContaining(`8858 foods loaded (${seeded.version})`),
    });
    expect(await exports.default.searchFoods({ query: "banana", limit: 1 })).toMatchObject({
      ok: true,
      value: { hits: [{ food: { id: 9040 } }] },
    });
  });

  it("embeds texts as 768-d unit vectors with the configured model", async () => {
    const reply = await exports.default.embed(["grilled chicken breast", "banana"]);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.value.dimensions).toBe(768);
    expect(reply.value.model).toBe("local:@cf/baai/bge-base-en-v1.5");
    expect(reply.value.vectors).toHaveLength(2);
    const norm = Math.hypot(...reply.value.vectors[0]!);
    expect(norm).toBeCloseTo(1, 5);
    // Deterministic: the same text gives the same vector.
    const again = await exports.default.embed(["grilled chicken breast"]);
    expect(again.ok && again.value.vectors[0]).toEqual(reply.value.vectors[0]);
  });

  it.each([[[]], [[""]], [["ok", 3]], [Array.from({ length: 101 }, () => "x")], [["x".repeat(2001)]]])(
    "refuses to embed %#",
    async (texts) => {
      expect(await exports.default.embed(texts as string[])).toMatchObject({
        ok: false,
        error: { code: "bad_request" },
      });
    },
  );
});
