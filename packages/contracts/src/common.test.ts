import { describe, expect, it } from "vitest";
import { HTTP_STATUS, chatRequestSchema, errorResponse, failure, specialistRequestSchema, success } from "./index.ts";

describe("contracts", () => {
  it("builds results as plain data that survives structured cloning", () => {
    expect(structuredClone(success({ a: 1 }))).toEqual({ ok: true, value: { a: 1 } });
    expect(structuredClone(failure("timeout", "too slow", true))).toEqual({
      ok: false,
      error: { code: "timeout", message: "too slow", retryable: true },
    });
  });

  it("answers every error with one envelope and the code's status", async () => {
    const response = errorResponse("rate_limited", "slow down", { requestId: "r1", headers: { "Retry-After": "3" } });
    expect(response.status).toBe(HTTP_STATUS.rate_limited);
    expect(response.headers.get("Retry-After")).toBe("3");
    expect(await response.json()).toEqual({ error: { code: "rate_limited", message: "slow down", requestId: "r1" } });
  });

  it("limits chat messages to 4,000 characters", () => {
    expect(chatRequestSchema.safeParse({ message: "x".repeat(4000) }).success).toBe(true);
    const tooLong = chatRequestSchema.safeParse({ message: "x".repeat(4001) });
    expect(tooLong.success).toBe(false);
  });

  it("requires a user id and a timestamp on specialist requests", () => {
    const valid = { userId: "u1", requestId: "r1", message: "had oats", now: "2026-11-28T08:00:00.000Z" };
    expect(specialistRequestSchema.parse(valid).history).toEqual([]);
    expect(specialistRequestSchema.safeParse({ ...valid, userId: "" }).success).toBe(false);
    expect(specialistRequestSchema.safeParse({ ...valid, now: "yesterday" }).success).toBe(false);
  });
});
