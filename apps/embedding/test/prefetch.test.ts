// prefetchQueries and the query-vector cache through the Worker's RPC: a prefetched query's
// search finds its vector ready instead of calling the embedding model again.
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedFoods } from "./seed-foods.ts";

beforeAll(async () => {
  await seedFoods(env.DB);
});

describe("prefetchQueries", () => {
  it("embeds what the searches will embed, so they use the prefetched vectors", async () => {
    const prefetched = await exports.default.prefetchQueries(["banana split", "broccoli florets"]);
    expect(prefetched).toMatchObject({ ok: true, value: { computed: 2, cached: 0 } });
    for (const query of ["banana split", "broccoli florets"]) {
      const search = await exports.default.searchFoods({ query, limit: 3 });
      expect(search).toMatchObject({ ok: true, value: { queryVector: "cached" } });
    }
    // Asked again: nothing left to embed.
    expect(await exports.default.prefetchQueries(["banana split"])).toMatchObject({
      ok: true,
      value: { computed: 0, cached: 1 },
    });
  });

  it("leaves a query nobody prefetched to be embedded by its search, once", async () => {
    const first = await exports.default.searchFoods({ query: "peanut butter toast with honey", limit: 3 });
    const again = await exports.default.searchFoods({ query: "peanut butter toast with honey", limit: 3 });
    expect(first).toMatchObject({ ok: true, value: { queryVector: "computed" } });
    expect(again).toMatchObject({ ok: true, value: { queryVector: "cached" } });
  });

  it("refuses bad input with bad_request", async () => {
    expect(await exports.default.prefetchQueries([""])).toMatchObject({ ok: false, error: { code: "bad_request" } });
    const many = Array.from({ length: 21 }, (_, index) => `food ${index}`);
    expect(await exports.default.prefetchQueries(many)).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await exports.default.prefetchQueries("banana" as unknown as string[])).toMatchObject({
      ok: false,
      error: { code: "bad_request" },
    });
  });
});
