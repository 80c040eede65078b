import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("protocol Worker", () => {
  it("is healthy over RPC", async () => {
    const health = await exports.default.health();
    expect(health).toMatchObject({ worker: "protocol", ok: true });
  });

  it("answers nothing on public routes", async () => {
    for (const route of ["/", "/health", "/v1/chat"]) {
      const response = await exports.default.fetch(`http://protocol${route}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });
});
