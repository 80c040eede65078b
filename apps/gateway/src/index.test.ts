import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("GET /health", () => {
  it("reaches all eight Workers over their service bindings", async () => {
    const response = await exports.default.fetch("http://gateway/health");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; workers: { worker: string; ok: boolean }[] };
    expect(body.ok).toBe(true);
    expect(body.workers.map((check) => check.worker).sort()).toEqual([
      "coordinator",
      "embedding",
      "gateway",
      "meal",
      "metrics-workout",
      "protocol",
      "router",
      "vision",
    ]);
  });

  it("has every data-owning Worker's migrations applied", async () => {
    const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all<{ name: string }>();
    expect(tables.results.map((row) => row.name)).toContain("profiles");
    const foods = await env.EMBEDDING_DB.prepare("SELECT name FROM sqlite_master WHERE name = 'foods'").first();
    expect(foods).not.toBeNull();
  });
});

describe("GET /health with a bad model variable", () => {
  it("reports the variable at fault", async () => {
    const { app } = await import("./app.ts");
    const response = await app.request("/health", {}, { ...env, MODEL_SPECIALIST: "@cf/meta/llama-3.1-8b-instruct" });
    expect(response.status).toBe(503);
    const body = (await response.json()) as { workers: { worker: string; ok: boolean; detail?: string }[] };
    const gateway = body.workers.find((check) => check.worker === "gateway");
    expect(gateway?.ok).toBe(false);
    expect(gateway?.detail).toMatch(/MODEL_SPECIALIST: .*deprecated/);
  });
});
