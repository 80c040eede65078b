import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("vision Worker", () => {
  it("is healthy over RPC", async () => {
    const health = await exports.default.health();
    expect(health).toMatchObject({ worker: "vision", ok: true });
  });

  it("says in its health detail that the local engine does not look at photos", async () => {
    const health = await exports.default.health();
    expect(health.detail).toBe("local engine: photos are measured, foods come from the user's words");
  });

  it("answers nothing on public routes", async () => {
    for (const route of ["/", "/health", "/v1/chat"]) {
      const response = await exports.default.fetch(`http://vision${route}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });
});
