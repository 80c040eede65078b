import { ModelConfigError, catalog } from "@ensemble/model-config";
import { beforeEach, describe, expect, it } from "vitest";
import { breakerState, resetCircuitBreakers } from "./breaker.ts";
import { resolveChain, validateChains } from "./chain.ts";
import { type ModelClientOptions, backoffDelay, createModelClient } from "./client.ts";
import { ModelError } from "./errors.ts";
import type { LocalSkill } from "./local/skill.ts";
import { createWorkersAiProvider } from "./providers/workers-ai.ts";
import { type ChatScriptStep, createMockProvider, hangingStep } from "./testing/index.ts";
import { Trace } from "./trace.ts";
import type { ChatMessage, ChatRequest } from "./types.ts";

const SCOUT = "@cf/meta/llama-4-scout-17b-16e-instruct";
const GLM = "@cf/zai-org/glm-4.7-flash";
const messages: ChatMessage[] = [{ role: "user", content: "I had 2 eggs for breakfast" }];

const echoSkill: LocalSkill = {
  domain: "meal",
  next: ({ messages: conversation }) => ({
    type: "answer",
    text: `local answer to: ${String(conversation.at(-1)?.content)}`,
  }),
};

function serverError(model = SCOUT): ModelError {
  return new ModelError("server_error", "HTTP 500", { provider: "workers-ai", model, status: 500 });
}

/** A client on a mock "workers-ai" backend whose answer depends on the model asked. */
function setUp(
  byModel: Record<string, ChatScriptStep[]>,
  env: Record<string, string> = {},
  extra: Partial<ModelClientOptions> = {},
) {
  const counters: Record<string, number> = {};
  const mock = createMockProvider({
    name: "workers-ai",
    chat: (request: ChatRequest) => {
      const steps = byModel[request.model];
      if (!steps) return new Error(`no script for ${request.model}`);
      const index = (counters[request.model] = (counters[request.model] ?? -1) + 1);
      const step = steps[Math.min(index, steps.length - 1)]!;
      return typeof step === "function" ? step(request, index) : step;
    },
  });
  const delays: number[] = [];
  let clockMs = 1_000_000;
  const trace = new Trace("meal");
  const client = createModelClient({
    env: { AI_PROVIDER: "workers-ai", ...env },
    worker: "meal",
    trace,
    skills: [echoSkill],
    providers: { "workers-ai": mock },
    sleep: async (milliseconds) => {
      delays.push(milliseconds);
      clockMs += milliseconds;
    },
    random: () => 0.5,
    clock: () => clockMs,
    ...extra,
  });
  const callsTo = (model: string) => mock.calls.filter((call) => call.model === model).length;
  return { client, mock, trace, delays, callsTo, advance: (milliseconds: number) => (clockMs += milliseconds) };
}

const chainOf = (
  task: Parameters<typeof resolveChain>[0],
  env: Record<string, string> = { AI_PROVIDER: "workers-ai" },
) => resolveChain(task, env, "meal").map((link) => `${link.provider}:${link.config.model}`);

const statuses = (trace: Trace) => trace.spans.map((span) => `${span.status}:${span.model ?? ""}`);

beforeEach(() => resetCircuitBreakers());

describe("model client: success, ledger and cost", () => {
  it("answers from the primary model and records one priced ledger entry", async () => {
    const { client, trace } = setUp({
      [SCOUT]: [{ text: "Logged.", usage: { inputTokens: 1000, outputTokens: 200 } }],
    });
    const response = await client.chat("specialist", { messages, domain: "meal" });
    expect(response.text).toBe("Logged.");
    expect(trace.ledger).toHaveLength(1);
    const [entry] = trace.ledger;
    expect(entry).toMatchObject({
      task: "specialist",
      model: SCOUT,
      provider: "workers-ai",
      inputTokens: 1000,
      outputTokens: 200,
      ok: true,
      estimated: false,
    });
    // llama-4-scout: $0.27 in, $0.85 out per million tokens.
    expect(entry!.costUsd).toBeCloseTo((1000 * 0.27 + 200 * 0.85) / 1_000_000, 12);
    expect(statuses(trace)).toEqual([`ok:${SCOUT}`]);
  });

  it("passes the task's token limit, temperature, tools and JSON mode to the provider", async () => {
    const { client, mock } = setUp(
      { "@cf/meta/llama-3.1-8b-instruct-fast": [{ text: "{}" }] },
      { MAX_TOKENS_ROUTER: "80" },
    );
    const tools = [{ name: "t", description: "d", parameters: { type: "object" } }];
    await client.chat("router", { messages, responseFormat: "json", tools });
    expect(mock.calls[0]).toMatchObject({
      task: "router",
      maxTokens: 80,
      temperature: 0,
      responseFormat: "json",
      tools,
    });
  });

  it("uses the per-domain specialist model", async () => {
    const { client, callsTo } = setUp({ [GLM]: [{ text: "ok" }] }, { MODEL_SPECIALIST_PROTOCOL: GLM });
    await client.chat("specialist", { messages, domain: "protocol" });
    expect(callsTo(GLM)).toBe(1);
  });

  it("prices the local engine's estimated tokens at the configured model's price", async () => {
    const trace = new Trace("meal");
    const client = createModelClient({ env: {}, worker: "meal", trace, skills: [echoSkill] });
    const response = await client.chat("specialist", { messages, domain: "meal" });
    expect(response.provider).toBe("local");
    const [entry] = trace.ledger;
    expect(entry).toMatchObject({ model: SCOUT, provider: "local", estimated: true, ok: true });
    expect(entry!.inputTokens).toBeGreaterThan(0);
    const price = catalog[SCOUT]!.price;
    expect(entry!.costUsd).toBeCloseTo(
      (entry!.inputTokens * price.input + entry!.outputTokens * price.output) / 1_000_000,
      12,
    );
  });

  it("embeds through the embedding chain with output tokens at zero", async () => {
    const { client, mock, trace } = setUp({});
    const response = await client.embed(["oats", "banana"]);
    expect(response.vectors).toHaveLength(2);
    expect(mock.embedCalls[0]!.model).toBe("@cf/baai/bge-base-en-v1.5");
    expect(trace.ledger[0]).toMatchObject({ task: "embedding", outputTokens: 0, inputTokens: 2, ok: true });
  });

  it("reads AI_PROVIDER and the AI binding straight from a Worker env", async () => {
    const ai = { run: async () => ({ response: "from the binding" }) };
    const client = createModelClient({ env: { AI_PROVIDER: "workers-ai", AI: ai, DB: {} }, worker: "meal" });
    expect((await client.chat("onboarding", { messages })).text).toBe("from the binding");
  });

  it("refuses to start on workers-ai without an AI binding", () => {
    expect(() => createModelClient({ env: { AI_PROVIDER: "workers-ai" }, worker: "meal" })).toThrow(ModelConfigError);
  });
});

describe("model client: retries", () => {
  it("retries transient failures with full-jitter backoff, then succeeds", async () => {
    const { client, delays, trace } = setUp({ [SCOUT]: [serverError(), serverError(), { text: "third time" }] });
    const response = await client.chat("specialist", { messages, domain: "meal" });
    expect(response.text).toBe("third time");
    // random() = 0.5: half of 250 * 2^0, then half of 250 * 2^1.
    expect(delays).toEqual([125, 250]);
    expect(statuses(trace)).toEqual([`retry:${SCOUT}`, `retry:${SCOUT}`, `ok:${SCOUT}`]);
    expect(trace.ledger.map((entry) => entry.ok)).toEqual([false, false, true]);
  });

  it("honours Retry-After instead of its own backoff", async () => {
    const limited = new ModelError("rate_limited", "HTTP 429", {
      provider: "workers-ai",
      model: SCOUT,
      status: 429,
      retryAfterMs: 1500,
    });
    const { client, delays } = setUp({ [SCOUT]: [limited, { text: "ok" }] });
    await client.chat("specialist", { messages, domain: "meal" });
    expect(delays).toEqual([1500]);
  });

  it("falls back instead of waiting when Retry-After exceeds the retry budget", async () => {
    const limited = new ModelError("rate_limited", "HTTP 429", {
      provider: "workers-ai",
      model: SCOUT,
      status: 429,
      retryAfterMs: 60_000,
    });
    const { client, delays, callsTo } = setUp({ [SCOUT]: [limited], [GLM]: [{ text: "from glm" }] });
    const response = await client.chat("specialist", { messages, domain: "meal" });
    expect(response.text).toBe("from glm");
    expect(delays).toEqual([]);
    expect(callsTo(SCOUT)).toBe(1);
  });

  it("stops after MODEL_MAX_RETRIES retries", async () => {
    const { client, callsTo } = setUp(
      { [SCOUT]: [serverError()], [GLM]: [{ text: "from glm" }] },
      { MODEL_MAX_RETRIES: "3" },
    );
    await client.chat("specialist", { messages, domain: "meal" });
    expect(callsTo(SCOUT)).toBe(4);
  });

  it("does not retry a non-retryable failure", async () => {
    const bad = new ModelError("bad_request", "HTTP 400", { provider: "workers-ai", model: SCOUT, status: 400 });
    const { client, callsTo, delays } = setUp({ [SCOUT]: [bad], [GLM]: [{ text: "from glm" }] });
    await client.chat("specialist", { messages, domain: "meal" });
    expect(callsTo(SCOUT)).toBe(1);
    expect(delays).toEqual([]);
  });

  it("computes full-jitter delays within the exponential cap", () => {
    const settings = { retryBaseMs: 250, retryMaxDelayMs: 4000 };
    expect(backoffDelay(0, settings, () => 0.999)).toBe(250);
    expect(backoffDelay(3, settings, () => 0.999)).toBe(1998);
    expect(backoffDelay(10, settings, () => 0.999)).toBe(3996);
    expect(backoffDelay(5, settings, () => 0)).toBe(0);
  });
});

describe("model client: fallback chain", () => {
  it("goes primary -> MODEL_FALLBACK -> local engine, with a span for each step", async () => {
    const { client, trace, callsTo } = setUp(
      { [SCOUT]: [serverError()], [GLM]: [serverError(GLM)] },
      { MODEL_MAX_RETRIES: "1" },
    );
    const response = await client.chat("specialist", { messages, domain: "meal" });
    expect(response.provider).toBe("local");
    expect(response.text).toBe("local answer to: I had 2 eggs for breakfast");
    expect(callsTo(SCOUT)).toBe(2);
    expect(callsTo(GLM)).toBe(2);
    expect(statuses(trace)).toEqual([
      `retry:${SCOUT}`,
      `error:${SCOUT}`,
      `fallback:${GLM}`,
      `retry:${GLM}`,
      `error:${GLM}`,
      "fallback:local",
      "ok:local",
    ]);
    expect(trace.ledger.at(-1)).toMatchObject({ model: "local", provider: "local", costUsd: 0, estimated: true });
  });

  it("follows MODEL_CHAIN_<TASK> over FALLBACK_CHAIN", async () => {
    const { client, callsTo } = setUp(
      { [SCOUT]: [serverError()], "@cf/meta/llama-3.3-70b-instruct-fp8-fast": [{ text: "big model" }] },
      {
        FALLBACK_CHAIN: "primary,local",
        MODEL_CHAIN_SPECIALIST: "primary,@cf/meta/llama-3.3-70b-instruct-fp8-fast",
        MODEL_MAX_RETRIES: "0",
      },
    );
    const response = await client.chat("specialist", { messages, domain: "meal" });
    expect(response.text).toBe("big model");
    expect(callsTo(GLM)).toBe(0);
  });

  it("throws the last error, not retryable, when every model fails", async () => {
    const { client } = setUp(
      { [SCOUT]: [serverError()], [GLM]: [serverError(GLM)] },
      { FALLBACK_CHAIN: "primary,fallback", MODEL_MAX_RETRIES: "0" },
    );
    const error = (await client
      .chat("specialist", { messages, domain: "meal" })
      .catch((caught: unknown) => caught)) as ModelError;
    expect(error).toBeInstanceOf(ModelError);
    expect(error.code).toBe("server_error");
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain(SCOUT);
    expect(error.message).toContain(GLM);
  });

  it("reports a missing local skill as a non-retryable error", async () => {
    const client = createModelClient({ env: {}, worker: "router" });
    await expect(client.chat("summary", { messages })).rejects.toMatchObject({
      code: "unavailable",
      isRetryable: false,
    });
  });
});

describe("model client: timeouts and cancellation", () => {
  it("times out an attempt that never answers and moves on", async () => {
    const { client, trace } = setUp(
      { [SCOUT]: [hangingStep as ChatScriptStep], [GLM]: [{ text: "from glm" }] },
      { TIMEOUT_MS_SPECIALIST: "20", MODEL_MAX_RETRIES: "0" },
    );
    const response = await client.chat("specialist", { messages, domain: "meal" });
    expect(response.text).toBe("from glm");
    expect(trace.spans[0]).toMatchObject({ status: "error", model: SCOUT });
    expect(trace.spans[0]!.detail).toContain("timeout");
  });

  it("times out a real Workers AI call whose binding never resolves, aborting it", async () => {
    let aborted = false;
    const ai = {
      run: (_model: string, _inputs: unknown, options?: { signal?: AbortSignal }) =>
        new Promise<unknown>((_, reject) =>
          options?.signal?.addEventListener("abort", () => {
            aborted = true;
            reject(options.signal!.reason);
          }),
        ),
    };
    const client = createModelClient({
      env: { AI_PROVIDER: "workers-ai", TIMEOUT_MS_ROUTER: "20", FALLBACK_CHAIN: "primary", MODEL_MAX_RETRIES: "0" },
      worker: "router",
      providers: { "workers-ai": createWorkersAiProvider({ ai }) },
    });
    await expect(client.chat("router", { messages })).rejects.toMatchObject({ code: "timeout" });
    expect(aborted).toBe(true);
  });

  it("stops at once, without fallback, when the caller aborts", async () => {
    const controller = new AbortController();
    const { client, callsTo } = setUp({
      [SCOUT]: [
        (request) => {
          setTimeout(() => controller.abort(new Error("client went away")), 5);
          return hangingStep(request);
        },
      ],
      [GLM]: [{ text: "should not be asked" }],
    });
    await expect(client.chat("specialist", { messages, domain: "meal", signal: controller.signal })).rejects.toThrow(
      "client went away",
    );
    expect(callsTo(GLM)).toBe(0);
  });
});

describe("model client: circuit breaker", () => {
  const env = { BREAKER_THRESHOLD: "2", BREAKER_COOLDOWN_MS: "30000", MODEL_MAX_RETRIES: "0" };

  it("opens after N consecutive failures and then skips the model", async () => {
    const { client, trace, callsTo } = setUp({ [SCOUT]: [serverError()], [GLM]: [{ text: "from glm" }] }, env);
    await client.chat("specialist", { messages, domain: "meal" });
    await client.chat("specialist", { messages, domain: "meal" });
    expect(callsTo(SCOUT)).toBe(2);
    expect(breakerState(`workers-ai:${SCOUT}`, { threshold: 2, cooldownMs: 30_000 }, 1_000_000)).toBe("open");
    trace.spans.length = 0;
    await client.chat("specialist", { messages, domain: "meal" });
    expect(callsTo(SCOUT)).toBe(2);
    expect(trace.spans.map((span) => span.status)).toEqual(["skipped", "fallback", "ok"]);
  });

  it("half-opens after the cooldown and closes on a successful trial", async () => {
    const { client, callsTo, advance } = setUp(
      { [SCOUT]: [serverError(), serverError(), { text: "back" }], [GLM]: [{ text: "from glm" }] },
      env,
    );
    await client.chat("specialist", { messages, domain: "meal" });
    await client.chat("specialist", { messages, domain: "meal" });
    advance(29_999);
    await client.chat("specialist", { messages, domain: "meal" });
    expect(callsTo(SCOUT)).toBe(2);
    advance(1);
    const response = await client.chat("specialist", { messages, domain: "meal" });
    expect(response.text).toBe("back");
    expect(breakerState(`workers-ai:${SCOUT}`, { threshold: 2, cooldownMs: 30_000 }, 0)).toBe("closed");
  });

  it("re-opens on a failed trial for another full cooldown", async () => {
    const { client, callsTo, advance } = setUp({ [SCOUT]: [serverError()], [GLM]: [{ text: "from glm" }] }, env);
    await client.chat("specialist", { messages, domain: "meal" });
    await client.chat("specialist", { messages, domain: "meal" });
    advance(30_000);
    await client.chat("specialist", { messages, domain: "meal" });
    expect(callsTo(SCOUT)).toBe(3);
    advance(29_999);
    await client.chat("specialist", { messages, domain: "meal" });
    expect(callsTo(SCOUT)).toBe(3);
  });

  it("lets a single trial call through while half-open", async () => {
    const latch = { open: (): void => undefined };
    const gate = new Promise<void>((resolve) => (latch.open = resolve));
    const { client, callsTo, advance } = setUp(
      {
        [SCOUT]: [serverError(), serverError(), async () => (await gate, { text: "trial" })],
        [GLM]: [{ text: "from glm" }],
      },
      env,
    );
    await client.chat("specialist", { messages, domain: "meal" });
    await client.chat("specialist", { messages, domain: "meal" });
    advance(30_000);
    const trial = client.chat("specialist", { messages, domain: "meal" });
    const concurrent = await client.chat("specialist", { messages, domain: "meal" });
    expect(concurrent.text).toBe("from glm");
    latch.open();
    expect((await trial).text).toBe("trial");
    expect(callsTo(SCOUT)).toBe(3);
  });

  it("stops retrying a model as soon as its circuit opens", async () => {
    const { client, callsTo } = setUp(
      { [SCOUT]: [serverError()], [GLM]: [{ text: "from glm" }] },
      { BREAKER_THRESHOLD: "2", MODEL_MAX_RETRIES: "5" },
    );
    await client.chat("specialist", { messages, domain: "meal" });
    expect(callsTo(SCOUT)).toBe(2);
  });
});

describe("chains and their validation", () => {
  it("builds the default chains from the model assignment", () => {
    expect(chainOf("specialist")).toEqual([`workers-ai:${SCOUT}`, `workers-ai:${GLM}`, "local:local"]);
    // GLM and the local engine cannot see: the vision chain is the vision model alone.
    expect(chainOf("vision")).toEqual(["workers-ai:@cf/meta/llama-3.2-11b-vision-instruct"]);
    // Vectors of another model would not match the index: no embedding fallback by default.
    expect(chainOf("embedding")).toEqual(["workers-ai:@cf/baai/bge-base-en-v1.5"]);
    expect(chainOf("fallback")).toEqual([`workers-ai:${GLM}`, "local:local"]);
    expect(chainOf("specialist", {})).toEqual([`local:${SCOUT}`, `local:${GLM}`, "local:local"]);
  });

  it("accepts the default assignment", () => {
    expect(validateChains({})).toEqual([]);
    expect(validateChains({ AI_PROVIDER: "workers-ai", AI: {} })).toEqual([]);
  });

  it("names the variable whose chain holds a model without the task's capabilities", () => {
    const errors = validateChains({ MODEL_CHAIN_VISION: "primary,fallback" });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.variable).toBe("MODEL_CHAIN_VISION");
    expect(errors[0]!.message).toContain("vision");
  });

  it("reports unknown models, empty chains and a bad AI_PROVIDER", () => {
    expect(validateChains({ FALLBACK_CHAIN: "primary,@cf/nobody/nothing" }).map((error) => error.variable)).toContain(
      "FALLBACK_CHAIN",
    );
    expect(validateChains({ MODEL_CHAIN_ROUTER: " , " }).map((error) => error.variable)).toEqual([
      "MODEL_CHAIN_ROUTER",
    ]);
    expect(validateChains({ AI_PROVIDER: "openai" }).map((error) => error.variable)).toContain("AI_PROVIDER");
  });
});

describe("streamed chat", () => {
  beforeEach(() => resetCircuitBreakers());

  it("hands out the text, and resets the listener before a retry of an attempt that had streamed", async () => {
    const { client } = setUp({
      [SCOUT]: [
        (request) => {
          request.onText?.("Half an ans");
          return serverError();
        },
        { text: "The whole answer." },
      ],
    });
    const events: string[] = [];
    const response = await client.chat("specialist", {
      messages,
      domain: "meal",
      onText: (text) => events.push(text),
      onReset: () => events.push("(reset)"),
    });
    expect(events).toEqual(["Half an ans", "(reset)", "The whole answer."]);
    expect(response.text).toBe("The whole answer.");
  });

  it("streams the local engine's reply in several pieces that join to its text", async () => {
    const client = createModelClient({ env: {}, worker: "meal", skills: [echoSkill] });
    const pieces: string[] = [];
    const response = await client.chat("specialist", { messages, domain: "meal", onText: (text) => pieces.push(text) });
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join("")).toBe(response.text);
  });
});
