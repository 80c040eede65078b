import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("metrics-workout Worker", () => {
  it("is healthy over RPC", async () => {
    const health = await exports.default.health();
    expect(health).toMatchObject({ worker: "metrics-workout", ok: true });
  });

  it("answers nothing on public routes", async () => {
    for (const route of ["/", "/health", "/v1/chat"]) {
      const response = await exports.default.fetch(`http://metrics-workout${route}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });
});
