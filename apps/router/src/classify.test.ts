import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("classify", () => {
  it.each([
    ["had two eggs and toast for breakfast", "meal"],
    ["took my creatine this morning", "protocol"],
    ["squatted 5x5 at 100 kg", "metrics-workout"],
    ["hey there!", "general"],
  ])("routes %j to %s", async (text, domain) => {
    const result = await exports.default.classify({ requestId: "r1", text });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.domain).toBe(domain);
    expect(result.value.confidence).toBeGreaterThan(0);
    expect(result.value.confidence).toBeLessThanOrEqual(1);
    expect(result.value.source).toBe("model");
    // The local engine stands in for the router model: one ledger entry priced at the 8B model.
    expect(result.value.ledger).toHaveLength(1);
    expect(result.value.ledger[0]).toMatchObject({
      task: "router",
      model: "@cf/meta/llama-3.1-8b-instruct-fast",
      provider: "local",
    });
  });

  it("lists every domain of a multi-domain message", async () => {
    const result = await exports.default.classify({
      requestId: "r2",
      text: "had oatmeal for breakfast and took my fish oil",
    });
    expect(result.ok && result.value.domains).toEqual(expect.arrayContaining(["meal", "protocol"]));
  });

  it("refuses empty or oversized text as bad_request", async () => {
    expect(await exports.default.classify({ requestId: "r3", text: "" })).toMatchObject({
      ok: false,
      error: { code: "bad_request" },
    });
    const long = await exports.default.classify({ requestId: "r3", text: "x".repeat(4001) });
    expect(long).toMatchObject({ ok: false, error: { code: "bad_request" } });
  });
});

describe("onboard", () => {
  const now = "2026-11-28T09:00:00.000Z";

  it("collects fields over several turns and completes", async () => {
    const first = await exports.default.onboard({ requestId: "o1", message: "hi, let's get started", now });
    expect(first.ok && first.value.complete).toBe(false);
    expect(first.ok && first.value.reply).toMatch(/sex|age|height/i);

    const second = await exports.default.onboard({
      requestId: "o2",
      message: "I'm a 34 year old man, 5'11 and 180 lbs",
      draft: first.ok ? first.value.draft : {},
      now,
    });
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.value.draft).toEqual({ sex: "male", age: 34, heightCm: 180, weightKg: 81.6 });
    expect(second.value.complete).toBe(false);
    expect(second.value.reply).toMatch(/active/i);

    const third = await exports.default.onboard({
      requestId: "o3",
      message: "moderately active, I want to lose fat",
      draft: second.value.draft,
      now,
    });
    expect(third.ok && third.value.complete).toBe(true);
    expect(third.ok && third.value.draft).toMatchObject({ activityLevel: "moderate", goal: "lose" });
  });

  it("drops invalid fields instead of failing", async () => {
    const result = await exports.default.onboard({ requestId: "o4", message: "I'm 7 years old and weigh 900 kg", now });
    expect(result.ok && result.value.draft).toEqual({});
  });
});

describe("extractProfile", () => {
  it.each([
    ["female, 29, 165 cm, 60 kg", { sex: "female", age: 29, heightCm: 165, weightKg: 60 }],
    ["male 41 5'9 190lbs", { sex: "male", age: 41, heightCm: 175, weightKg: 86.2 }],
    ["I'm 25 years old", { age: 25 }],
    ["I weigh 82 kg and I'm 180 cm", { heightCm: 180, weightKg: 82 }],
  ])("reads %j", async (text, expected) => {
    const { extractProfile } = await import("./onboarding.ts");
    expect(extractProfile(text)).toEqual(expected);
  });
});
