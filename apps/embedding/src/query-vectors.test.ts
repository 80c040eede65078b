import { describe, expect, it } from "vitest";
import { QueryVectorCache } from "./query-vectors.ts";

function recorder() {
  const calls: string[][] = [];
  const embed = async (texts: string[]) => {
    calls.push(texts);
    return texts.map((text) => [text.length, 1]);
  };
  return { calls, embed };
}

describe("QueryVectorCache", () => {
  it("embeds only what it lacks, in one call, and shares an in-flight vector", async () => {
    const cache = new QueryVectorCache();
    const { calls, embed } = recorder();
    const first = cache.vectors("m", ["egg", "rice", "egg"], embed);
    // Asked while the first call is still running: no second call.
    const second = cache.vectors("m", ["rice"], embed);
    expect(second.sources).toEqual(["cached"]);
    expect(await Promise.all(first.vectors)).toEqual([
      [3, 1],
      [4, 1],
      [3, 1],
    ]);
    expect(await second.vectors[0]).toEqual([4, 1]);
    expect(calls).toEqual([["egg", "rice"]]);
  });

  it("keeps models apart, expires entries and forgets failures", async () => {
    let clock = 0;
    const cache = new QueryVectorCache({ ttlMs: 100, now: () => clock });
    const { calls, embed } = recorder();
    await Promise.all(cache.vectors("m", ["egg"], embed).vectors);
    expect(cache.vectors("other", ["egg"], embed).sources).toEqual(["computed"]);
    clock = 101;
    expect(cache.vectors("m", ["egg"], embed).sources).toEqual(["computed"]);
    const failing = cache.vectors("m", ["tofu"], async () => {
      throw new Error("model down");
    });
    await expect(failing.vectors[0]).rejects.toThrow("model down");
    expect(cache.vectors("m", ["tofu"], embed).sources).toEqual(["computed"]);
    expect(calls.length).toBe(4);
  });

  it("holds at most maxEntries, dropping the least recently used", async () => {
    const cache = new QueryVectorCache({ maxEntries: 2 });
    const { embed } = recorder();
    cache.vectors("m", ["a", "b"], embed);
    cache.vectors("m", ["a"], embed); // a is now the most recent
    cache.vectors("m", ["c"], embed);
    expect(cache.size).toBe(2);
    expect(cache.vectors("m", ["a"], embed).sources).toEqual(["cached"]);
    expect(cache.vectors("m", ["b"], embed).sources).toEqual(["computed"]);
  });
});
