import { describe, expect, it } from "vitest";
import { ModelError } from "../errors.ts";
import type { ChatRequest } from "../types.ts";
import { faultConfigFromEnv, seededDraw } from "./faults.ts";
import { LOCAL_MODEL, createLocalProvider } from "./provider.ts";
import type { LocalSkill } from "./skill.ts";
import { synthesisMessages } from "./synthesis.ts";

const SCOUT = "@cf/meta/llama-4-scout-17b-16e-instruct";

// Logs a meal once, then answers from the tool result: the shape every real skill has.
const mealSkill: LocalSkill = {
  domain: "meal",
  next: ({ messages, tools, now }) => {
    const last = messages.at(-1)!;
    if (last.role === "tool") return { type: "answer", text: `Logged. ${last.content}` };
    if (!tools.some((tool) => tool.name === "log_meal")) return { type: "answer", text: "I cannot log meals here." };
    return {
      type: "tool-calls",
      calls: [{ name: "log_meal", arguments: { text: String(last.content), date: now.toISOString().slice(0, 10) } }],
    };
  },
};
const generalSkill: LocalSkill = {
  domain: "general",
  next: () => ({ type: "answer", text: "Happy to help with food and training." }),
};
const logMeal = { name: "log_meal", description: "Log a meal", parameters: { type: "object" } };

function request(partial: Partial<ChatRequest> = {}): ChatRequest {
  return {
    task: "specialist",
    model: SCOUT,
    domain: "meal",
    messages: [{ role: "user", content: "2 eggs" }],
    tools: [logMeal],
    maxTokens: 700,
    temperature: 0.2,
    ...partial,
  };
}

describe("local provider: skills", () => {
  it("turns a skill's tool-call step into tool calls with deterministic ids", async () => {
    const provider = createLocalProvider({ skills: [mealSkill], now: () => new Date("2026-03-14T12:00:00Z") });
    const response = await provider.chat(request());
    expect(response.toolCalls).toEqual([
      { id: "call_1", name: "log_meal", arguments: { text: "2 eggs", date: "2026-03-14" } },
    ]);
    expect(response.finishReason).toBe("tool-calls");
    expect(response).toMatchObject({ provider: "local", model: SCOUT });
    expect(response.usage.estimated).toBe(true);
  });

  it("continues the id numbering after earlier tool calls, and answers after the tool result", async () => {
    const provider = createLocalProvider({ skills: [mealSkill] });
    const response = await provider.chat(
      request({
        messages: [
          { role: "user", content: "2 eggs" },
          { role: "assistant", content: "", toolCalls: [{ id: "call_1", name: "log_meal", arguments: {} }] },
          { role: "tool", toolCallId: "call_1", name: "log_meal", content: "143 kcal" },
        ],
      }),
    );
    expect(response.text).toBe("Logged. 143 kcal");
    expect(response.finishReason).toBe("stop");
  });

  it("picks the skill by domain, else by task name", async () => {
    const provider = createLocalProvider({ skills: [mealSkill, generalSkill] });
    expect((await provider.chat(request({ task: "fallback", domain: "general", tools: [] }))).text).toBe(
      "Happy to help with food and training.",
    );
    expect(
      (await provider.chat(request({ task: "general" as ChatRequest["task"], domain: undefined }))).text,
    ).toContain("Happy");
  });

  it("fails with a typed non-retryable error when no skill fits", async () => {
    const error = (await createLocalProvider({ skills: [mealSkill] })
      .chat(request({ task: "summary", domain: undefined }))
      .catch((caught: unknown) => caught)) as ModelError;
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toMatchObject({ code: "unavailable", isRetryable: false, provider: "local" });
  });
});

describe("local provider: router, synthesis, embedding", () => {
  it("answers the router task with the classifier's JSON", async () => {
    const response = await createLocalProvider().chat(
      request({
        task: "router",
        messages: [{ role: "user", content: "I took 5 g of creatine this morning" }],
        tools: [],
      }),
    );
    const parsed = JSON.parse(response.text);
    expect(parsed.domain).toBe("protocol");
    expect(parsed.confidence).toBeGreaterThan(0);
    expect(parsed.confidence).toBeLessThanOrEqual(1);
    expect(parsed.domains).toContain("protocol");
  });

  it("merges specialists' answers for the synthesis task", async () => {
    const messages = synthesisMessages({
      userMessage: "had oats for breakfast and took my creatine",
      branches: [
        { domain: "meal", status: "ok", reply: "Hi! Logged 80 g oats: 303 kcal." },
        { domain: "protocol", status: "failed", error: "HTTP 500" },
      ],
    });
    const response = await createLocalProvider().chat(request({ task: "synthesis", messages, tools: [] }));
    expect(response.text).toContain("303 kcal");
    expect(response.text).toContain("supplement tracker");
    expect(response.text).toContain("creatine");
  });

  it("embeds with the local 768-d embedder", async () => {
    const response = await createLocalProvider().embed({
      model: "@cf/baai/bge-base-en-v1.5",
      texts: ["oats", "greek yogurt"],
    });
    expect(response.dimensions).toBe(768);
    expect(response.vectors).toHaveLength(2);
    expect(response.vectors[0]).toHaveLength(768);
    expect(response.usage.estimated).toBe(true);
  });
});

async function failures(
  env: Record<string, string>,
  calls: number,
  task: ChatRequest["task"] = "specialist",
): Promise<boolean[]> {
  const provider = createLocalProvider({ skills: [mealSkill, generalSkill], env });
  const outcomes: boolean[] = [];
  for (let index = 0; index < calls; index++) {
    const ok = await provider.chat(request({ task, messages: [{ role: "user", content: `meal ${index % 7}` }] })).then(
      () => true,
      (error: ModelError) => {
        expect(error).toMatchObject({ code: "server_error", isRetryable: true });
        return false;
      },
    );
    outcomes.push(ok);
  }
  return outcomes;
}

describe("local provider: failure injection", () => {
  it("reads its settings from LOCAL_FAULT_* and rejects bad rates", () => {
    expect(
      faultConfigFromEnv({
        LOCAL_FAULT_ERROR_RATE: "0.25",
        LOCAL_FAULT_LATENCY_MS: "40",
        LOCAL_FAULT_MALFORMED_RATE: "0.1",
        LOCAL_FAULT_TASKS: "router, specialist",
        LOCAL_FAULT_SEED: "7",
      }),
    ).toEqual({
      errorRate: 0.25,
      latencyMs: 40,
      malformedRate: 0.1,
      tasks: ["router", "specialist"],
      seed: 7,
    });
    expect(() => faultConfigFromEnv({ LOCAL_FAULT_ERROR_RATE: "1.5" })).toThrow("LOCAL_FAULT_ERROR_RATE");
  });

  it("draws uniformly and reproducibly", () => {
    const draws = Array.from({ length: 10_000 }, (_, index) => seededDraw(1, "error", index, "router", "hello"));
    expect(draws).toEqual(
      Array.from({ length: 10_000 }, (_, index) => seededDraw(1, "error", index, "router", "hello")),
    );
    const mean = draws.reduce((sum, value) => sum + value, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(draws.filter((value) => value < 0.3).length / draws.length).toBeCloseTo(0.3, 1);
  });

  it("fails about the configured share of calls, the same calls on every run", async () => {
    const first = await failures({ LOCAL_FAULT_ERROR_RATE: "0.3" }, 400);
    const second = await failures({ LOCAL_FAULT_ERROR_RATE: "0.3" }, 400);
    expect(second).toEqual(first);
    const rate = first.filter((ok) => !ok).length / first.length;
    expect(rate).toBeGreaterThan(0.22);
    expect(rate).toBeLessThan(0.38);
    const otherSeed = await failures({ LOCAL_FAULT_ERROR_RATE: "0.3", LOCAL_FAULT_SEED: "2" }, 400);
    expect(otherSeed).not.toEqual(first);
  });

  it("only affects the listed tasks, and never the engine serving as itself", async () => {
    expect((await failures({ LOCAL_FAULT_ERROR_RATE: "1", LOCAL_FAULT_TASKS: "router" }, 20)).every(Boolean)).toBe(
      true,
    );
    expect((await failures({ LOCAL_FAULT_ERROR_RATE: "1" }, 20)).some(Boolean)).toBe(false);
    const provider = createLocalProvider({ skills: [mealSkill], env: { LOCAL_FAULT_ERROR_RATE: "1" } });
    await expect(provider.chat(request({ model: LOCAL_MODEL }))).resolves.toBeTruthy();
  });

  it("answers malformed: prose for the router, empty arguments for tool calls", async () => {
    const provider = createLocalProvider({ skills: [mealSkill], env: { LOCAL_FAULT_MALFORMED_RATE: "1" } });
    const routed = await provider.chat(
      request({ task: "router", messages: [{ role: "user", content: "took creatine" }] }),
    );
    expect(() => JSON.parse(routed.text)).toThrow(SyntaxError);
    const logged = await provider.chat(request());
    expect(logged.toolCalls[0]!.arguments).toEqual({});
  });

  it("adds latency that a signal can cut short", async () => {
    const provider = createLocalProvider({ skills: [mealSkill], env: { LOCAL_FAULT_LATENCY_MS: "10000" } });
    const controller = new AbortController();
    const pending = provider.chat(request({ signal: controller.signal }));
    controller.abort(new Error("timed out"));
    await expect(pending).rejects.toThrow("timed out");
  });
});
