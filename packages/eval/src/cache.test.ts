import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cacheKey, createRunCache } from "./cache.ts";

const parts = {
  kind: "run",
  fingerprint: "in-process:abc:1234",
  repeat: 0,
  setup: ["I take creatine"],
  message: "took it",
};

describe("cacheKey", () => {
  it("is stable and changes with every input that decides a run", () => {
    expect(cacheKey(parts)).toBe(cacheKey({ ...parts }));
    expect(cacheKey({ ...parts, fingerprint: "in-process:abc:9999" })).not.toBe(cacheKey(parts));
    expect(cacheKey({ ...parts, repeat: 1 })).not.toBe(cacheKey(parts));
    expect(cacheKey({ ...parts, setup: [] })).not.toBe(cacheKey(parts));
    expect(cacheKey({ ...parts, message: "took it!" })).not.toBe(cacheKey(parts));
    expect(cacheKey({ ...parts, kind: "forced:specialist:protocol" })).not.toBe(cacheKey(parts));
  });
});

describe("createRunCache", () => {
  it("returns what was stored and counts hits and misses", () => {
    const cache = createRunCache(mkdtempSync(path.join(tmpdir(), "eval-cache-")));
    const key = cacheKey(parts);
    expect(cache.get(key)).toBeUndefined();
    cache.set(key, { reply: "done", turns: [1, 2] });
    expect(cache.get(key)).toEqual({ reply: "done", turns: [1, 2] });
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 1, misses: 1 });
  });

  it("with reading off (--no-cache) misses every time but still records", () => {
    const directory = mkdtempSync(path.join(tmpdir(), "eval-cache-"));
    const key = cacheKey(parts);
    const bypass = createRunCache(directory, { read: false });
    bypass.set(key, { fresh: true });
    expect(bypass.get(key)).toBeUndefined();
    expect(createRunCache(directory).get(key)).toEqual({ fresh: true });
  });

  it("treats a corrupt or old-format entry as a miss", () => {
    const directory = mkdtempSync(path.join(tmpdir(), "eval-cache-"));
    const cache = createRunCache(directory);
    const key = cacheKey(parts);
    cache.set(key, { ok: true });
    const folder = path.join(directory, key.slice(0, 2));
    const [file] = readdirSync(folder);
    writeFileSync(path.join(folder, file!), "{ half a file");
    expect(cache.get(key)).toBeUndefined();
    writeFileSync(path.join(folder, file!), JSON.stringify({ version: 0, value: { ok: true } }));
    expect(cache.get(key)).toBeUndefined();
  });
});
