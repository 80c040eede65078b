import { createModelClient } from "@ensemble/ai";
import { createMockProvider } from "@ensemble/ai/testing";
import { describe, expect, it } from "vitest";
import { parseCaseFile } from "./cases/load.ts";
import { createModelJudge, parseJudgeAnswer } from "./judge.ts";

const evalCase = parseCaseFile(
  `
cases:
  - id: rice
    message: 200 g rice for dinner
    rubric:
      - { criterion: "Confirms dinner was logged", check: { mentions: [logged] }, weight: 2 }
      - { criterion: "Mentions the calories", check: { regex: "kcal" }, weight: 1 }
      - { criterion: "Numbers grounded", check: { groundedNumbers: true }, weight: 1 }
`,
  "judge.yaml",
).cases[0]!;

describe("parseJudgeAnswer", () => {
  it("reads scores, clamps them, and ignores junk around the JSON", () => {
    const scores = parseJudgeAnswer(
      'Sure: {"scores": [{"item": 1, "score": 0.8, "reason": "ok"}, {"item": 2, "score": 7}]} thanks',
    );
    expect(scores.get(1)).toEqual({ score: 0.8, reason: "ok" });
    expect(scores.get(2)!.score).toBe(1);
    expect(parseJudgeAnswer("no json here").size).toBe(0);
  });
});

describe("createModelJudge", () => {
  it("scores criteria with the judge model and keeps grounded numbers deterministic", async () => {
    const provider = createMockProvider({
      chat: {
        text: '{"scores": [{"item": 1, "score": 1, "reason": "says logged"}, {"item": 2, "score": 0.5, "reason": "vague"}]}',
      },
    });
    const environment = { AI_PROVIDER: "workers-ai", MODEL_JUDGE: "@cf/meta/llama-3.3-70b-instruct-fp8-fast" };
    const client = createModelClient({ env: environment, worker: "eval", providers: { "workers-ai": provider } });
    const { judge } = createModelJudge(environment, client);
    const result = await judge(evalCase, "Dinner logged: 260 kcal.", {
      messages: [evalCase.message],
      toolData: [{ energyKcal: 260 }],
    });
    expect(result.items.map((item) => item.score)).toEqual([1, 0.5, 1]);
    // (2 * 1 + 1 * 0.5 + 1 * 1) / 4
    expect(result.score).toBeCloseTo(0.875, 12);
    expect(provider.calls[0]!.task).toBe("judge");
    expect(provider.calls[0]!.model).toBe("@cf/meta/llama-3.3-70b-instruct-fp8-fast");
    expect(String(provider.calls[0]!.messages[1]!.content)).toContain("1. Confirms dinner was logged");
    expect(client.trace.ledger).toHaveLength(1);
  });

  it("falls back to the checks when the judge answers garbage", async () => {
    const provider = createMockProvider({ chat: { text: "I think it is fine" } });
    const environment = { AI_PROVIDER: "workers-ai" };
    const client = createModelClient({ env: environment, worker: "eval", providers: { "workers-ai": provider } });
    const result = await createModelJudge(environment, client).judge(evalCase, "Noted.", {
      messages: [],
      toolData: [],
    });
    expect(result.items.map((item) => item.score)).toEqual([0, 0, 1]);
    expect(result.items[0]!.detail).toMatch(/judge gave no score/);
  });
});
