import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { resetCircuitBreakers } from "./breaker.ts";
import { createModelClient } from "./client.ts";
import type { LocalSkill } from "./local/skill.ts";
import { UNPARSED_ARGUMENTS_KEY } from "./providers/openai-format.ts";
import { type ChatScriptStep, createMockProvider, mockToolCall } from "./testing/index.ts";
import { runTools, toToolSpec } from "./tool-runner.ts";
import { Trace } from "./trace.ts";
import type { ChatMessage, ToolDefinition } from "./types.ts";

const logMeal: ToolDefinition = {
  name: "log_meal",
  description: "Log what the user ate",
  kind: "write",
  schema: z.object({ food: z.string().min(1), grams: z.number().positive() }),
};
const getDaySummary: ToolDefinition = {
  name: "get_day_summary",
  description: "Totals for one day",
  kind: "read",
  schema: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD") }),
};

function setUp(script: ChatScriptStep[]) {
  const mock = createMockProvider({ name: "workers-ai", chat: script });
  const trace = new Trace("meal");
  const client = createModelClient({
    env: { AI_PROVIDER: "workers-ai", FALLBACK_CHAIN: "primary", MODEL_MAX_RETRIES: "0" },
    worker: "meal",
    trace,
    providers: { "workers-ai": mock },
  });
  const executed: [string, Record<string, unknown>][] = [];
  const execute = async (name: string, args: Record<string, unknown>) => {
    executed.push([name, args]);
    return name === "log_meal" ? { logged: true, energyKcal: 530 } : { energyKcal: 1840, proteinG: 96 };
  };
  const run = (userMessage: string, maxSteps?: number) =>
    runTools({
      client,
      domain: "meal",
      system: "You are the meal specialist.",
      messages: [{ role: "user", content: userMessage }],
      tools: [logMeal, getDaySummary],
      execute,
      userMessage,
      ...(maxSteps ? { maxSteps } : {}),
    });
  return { mock, trace, executed, run, client };
}

/** What the model was told about its tool calls, per model call after the first. */
const toolReplies = (calls: { messages: ChatMessage[] }[], callIndex: number) =>
  calls[callIndex]!.messages.filter(
    (message): message is Extract<ChatMessage, { role: "tool" }> => message.role === "tool",
  ).map((message) => message.content);

beforeEach(() => resetCircuitBreakers());

describe("runTools", () => {
  it("streams the answer's text live, voids words said before a tool call, and reports each call as it settles", async () => {
    const { client } = setUp([
      { text: "Let me log that.", toolCalls: [mockToolCall("log_meal", { food: "pizza", grams: 200 })] },
      { text: "Logged 200 g pizza: 530 kcal." },
    ]);
    const events: string[] = [];
    const result = await runTools({
      client,
      domain: "meal",
      messages: [{ role: "user", content: "I ate 200 g of pizza" }],
      tools: [logMeal, getDaySummary],
      execute: async () => ({ logged: true }),
      userMessage: "I ate 200 g of pizza",
      events: {
        onText: (text) => events.push(`text:${text}`),
        onReset: () => events.push("reset"),
        onToolCall: (call) => events.push(`tool:${call.name}:${call.ok}`),
      },
    });
    expect(events).toEqual([
      "text:Let me log that.",
      "reset",
      "tool:log_meal:true",
      "text:Logged 200 g pizza: 530 kcal.",
    ]);
    expect(result.text).toBe("Logged 200 g pizza: 530 kcal.");
  });

  it("runs a valid call, feeds the result back and returns the answer", async () => {
    const { mock, executed, run } = setUp([
      { toolCalls: [mockToolCall("log_meal", { food: "pizza", grams: 200 })] },
      { text: "Logged 200 g pizza: 530 kcal." },
    ]);
    const result = await run("I ate 200 g of pizza");
    expect(result).toEqual({
      text: "Logged 200 g pizza: 530 kcal.",
      toolCalls: [
        {
          name: "log_meal",
          domain: "meal",
          arguments: { food: "pizza", grams: 200 },
          ok: true,
          result: { logged: true, energyKcal: 530 },
        },
      ],
      steps: 2,
      stopReason: "answered",
    });
    expect(executed).toEqual([["log_meal", { food: "pizza", grams: 200 }]]);
    expect(mock.calls[0]!.messages[0]).toEqual({ role: "system", content: "You are the meal specialist." });
    expect(toolReplies(mock.calls, 1)).toEqual(['{"logged":true,"energyKcal":530}']);
  });

  it("offers the tools as JSON schema", async () => {
    const { mock, run } = setUp([{ text: "Hello!" }]);
    await run("hi");
    const spec = mock.calls[0]!.tools!.find((tool) => tool.name === "log_meal")!;
    expect(spec.parameters).toMatchObject({
      type: "object",
      properties: { food: { type: "string" }, grams: { type: "number" } },
      required: ["food", "grams"],
    });
    expect(spec.parameters.$schema).toBeUndefined();
    expect(toToolSpec(getDaySummary).parameters).toMatchObject({
      properties: { date: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" } },
    });
  });

  it("gives the model one repair round for invalid arguments, saying what was wrong", async () => {
    const { mock, executed, run } = setUp([
      { toolCalls: [mockToolCall("log_meal", { food: "pizza", grams: "two hundred" })] },
      { toolCalls: [mockToolCall("log_meal", { food: "pizza", grams: 200 }, "call_2")] },
      { text: "Logged." },
    ]);
    const result = await run("I ate 200 g of pizza");
    const repair = toolReplies(mock.calls, 1)[0]!;
    expect(repair).toContain("invalid arguments for log_meal");
    expect(repair).toContain("grams");
    expect(repair).toContain("expected number");
    expect(executed).toEqual([["log_meal", { food: "pizza", grams: 200 }]]);
    expect(result.toolCalls).toEqual([expect.objectContaining({ name: "log_meal", ok: true })]);
    expect(result.steps).toBe(3);
  });

  it("records a failed call, without running it, when the arguments are invalid twice", async () => {
    const { mock, executed, run } = setUp([
      { toolCalls: [mockToolCall("log_meal", { food: "", grams: 200 })] },
      { toolCalls: [mockToolCall("log_meal", { food: "pizza", grams: -5 }, "call_2")] },
      { text: "Sorry, I couldn't log that." },
    ]);
    const result = await run("I ate some pizza");
    expect(executed).toEqual([]);
    expect(result.toolCalls).toHaveLength(1);
    expect(result.toolCalls[0]).toMatchObject({ name: "log_meal", ok: false, arguments: { food: "pizza", grams: -5 } });
    expect(result.toolCalls[0]!.error).toMatch(/^invalid arguments: .*grams/);
    expect(toolReplies(mock.calls, 2)[1]).toContain("It was not run");
    expect(result.text).toBe("Sorry, I couldn't log that.");
  });

  it("asks for a repair when the arguments were not JSON at all", async () => {
    const { mock, run } = setUp([
      { toolCalls: [mockToolCall("log_meal", { [UNPARSED_ARGUMENTS_KEY]: "{food: pizza" })] },
      { text: "ok" },
    ]);
    await run("I ate pizza");
    expect(toolReplies(mock.calls, 1)[0]).toContain("not a JSON object");
  });

  it("refuses tools outside the specialist's scope", async () => {
    const { mock, executed, trace, run } = setUp([
      { toolCalls: [mockToolCall("delete_user", { id: "u1" })] },
      { text: "I can't do that." },
    ]);
    const result = await run("delete my account");
    expect(executed).toEqual([]);
    expect(result.toolCalls).toEqual([
      { name: "delete_user", domain: "meal", arguments: { id: "u1" }, ok: false, error: 'unknown tool "delete_user"' },
    ]);
    expect(toolReplies(mock.calls, 1)[0]).toContain("log_meal, get_day_summary");
    expect(trace.spans.find((span) => span.name === "tool.delete_user")?.status).toBe("refused");
  });

  it("refuses a write for a hypothetical message and tells the model", async () => {
    const { mock, executed, trace, run } = setUp([
      { toolCalls: [mockToolCall("log_meal", { food: "pizza", grams: 300 })] },
      { text: "A 300 g pizza would be about 800 kcal." },
    ]);
    const result = await run("what if I ate a pizza?");
    expect(executed).toEqual([]);
    expect(result.toolCalls).toEqual([
      {
        name: "log_meal",
        domain: "meal",
        arguments: { food: "pizza", grams: 300 },
        ok: false,
        error: "refused: hypothetical",
      },
    ]);
    const span = trace.spans.find((candidate) => candidate.name === "tool.log_meal")!;
    expect(span.status).toBe("refused");
    expect(toolReplies(mock.calls, 1)[0]).toMatch(/^Refused: .*Nothing was saved/);
    expect(result.text).toBe("A 300 g pizza would be about 800 kcal.");
  });

  it("lets read tools run for the same hypothetical message", async () => {
    const { executed, run } = setUp([
      { toolCalls: [mockToolCall("get_day_summary", { date: "2026-03-14" })] },
      { text: "You're at 1840 kcal; a pizza would take you to about 2640." },
    ]);
    const result = await run("what if I ate a pizza?");
    expect(executed).toEqual([["get_day_summary", { date: "2026-03-14" }]]);
    expect(result.toolCalls[0]).toMatchObject({ ok: true, result: { energyKcal: 1840, proteinG: 96 } });
  });

  it("records a tool that throws as a failed call and lets the model answer", async () => {
    const mock = createMockProvider({
      name: "workers-ai",
      chat: [
        { toolCalls: [mockToolCall("get_day_summary", { date: "2026-03-14" })] },
        { text: "Couldn't load your day." },
      ],
    });
    const client = createModelClient({
      env: { AI_PROVIDER: "workers-ai" },
      worker: "meal",
      providers: { "workers-ai": mock },
    });
    const result = await runTools({
      client,
      domain: "meal",
      messages: [
        { role: "system", content: "sys" },
        { role: "user", content: "how am I doing today?" },
      ],
      tools: [getDaySummary],
      execute: async () => {
        throw new Error("D1_ERROR: database is locked");
      },
      userMessage: "how am I doing today?",
    });
    expect(result.toolCalls[0]).toMatchObject({ ok: false, error: "D1_ERROR: database is locked" });
    expect(toolReplies(mock.calls, 1)[0]).toContain("database is locked");
    expect(result.text).toBe("Couldn't load your day.");
  });

  it("does not repeat a write the model asks for twice", async () => {
    const call = mockToolCall("log_meal", { food: "pizza", grams: 200 });
    const { executed, run } = setUp([
      { toolCalls: [call] },
      { toolCalls: [{ ...call, id: "call_again" }] },
      { text: "Logged." },
    ]);
    const result = await run("I ate 200 g of pizza");
    expect(executed).toHaveLength(1);
    expect(result.toolCalls).toHaveLength(1);
  });

  it("stops after maxSteps model calls", async () => {
    const { mock, run } = setUp([{ toolCalls: [mockToolCall("get_day_summary", { date: "2026-03-14" })] }]);
    const result = await run("how am I doing?", 3);
    expect(mock.calls).toHaveLength(3);
    expect(result.steps).toBe(3);
    expect(result.stopReason).toBe("max-steps");
  });

  it("works end to end with the local engine and a skill", async () => {
    const skill: LocalSkill = {
      domain: "meal",
      next: ({ messages }) => {
        const last = messages.at(-1)!;
        if (last.role === "tool") return { type: "answer", text: `Done: ${last.content}` };
        return { type: "tool-calls", calls: [{ name: "log_meal", arguments: { food: "oats", grams: 80 } }] };
      },
    };
    const trace = new Trace("meal");
    const client = createModelClient({ env: {}, worker: "meal", trace, skills: [skill] });
    const result = await runTools({
      client,
      domain: "meal",
      system: "sys",
      messages: [{ role: "user", content: "80 g oats for breakfast" }],
      tools: [logMeal],
      execute: async (_, args) => ({ logged: args }),
      userMessage: "80 g oats for breakfast",
    });
    expect(result.text).toBe('Done: {"logged":{"food":"oats","grams":80}}');
    expect(trace.ledger).toHaveLength(2);
    expect(trace.ledger.every((entry) => entry.provider === "local" && entry.estimated)).toBe(true);
  });

  describe("tools that accept plans", () => {
    const startSupplement: ToolDefinition = {
      name: "start_supplement",
      description: "Put a supplement on the user's schedule",
      kind: "write",
      acceptsPlans: true,
      schema: z.object({ name: z.string().min(1) }),
    };
    const logIntake: ToolDefinition = {
      name: "log_intake",
      description: "Record a supplement the user took",
      kind: "write",
      schema: z.object({ name: z.string().min(1) }),
    };

    async function runBoth(userMessage: string) {
      const mock = createMockProvider({
        name: "workers-ai",
        chat: [
          {
            toolCalls: [
              mockToolCall("start_supplement", { name: "creatine" }),
              mockToolCall("log_intake", { name: "creatine" }),
            ],
          },
          { text: "ok" },
        ],
      });
      const client = createModelClient({
        env: { AI_PROVIDER: "workers-ai", FALLBACK_CHAIN: "primary", MODEL_MAX_RETRIES: "0" },
        worker: "protocol",
        providers: { "workers-ai": mock },
      });
      const executed: string[] = [];
      const result = await runTools({
        client,
        domain: "protocol",
        messages: [{ role: "user", content: userMessage }],
        tools: [startSupplement, logIntake],
        execute: async (name) => {
          executed.push(name);
          return { ok: true };
        },
        userMessage,
      });
      return { executed, records: result.toolCalls };
    }

    it.each(["starting creatine tomorrow, 5 g a day", "from next Monday I'll take creatine every morning"])(
      "runs the plan-accepting write for %j and still refuses the one that records an event",
      async (message) => {
        const { executed, records } = await runBoth(message);
        expect(executed).toEqual(["start_supplement"]);
        expect(records.find((record) => record.name === "log_intake")).toMatchObject({
          ok: false,
          error: "refused: hypothetical",
        });
      },
    );

    it.each([
      ["should I start creatine tomorrow?", "hypothetical"],
      ["thinking about starting creatine next week", "hypothetical"],
      ["my wife is starting creatine tomorrow", "third-person"],
      ["I didn't take my creatine", "negated"],
    ])("refuses both writes for %j", async (message, reason) => {
      const { executed, records } = await runBoth(message);
      expect(executed).toEqual([]);
      expect(records.map((record) => record.error)).toEqual([`refused: ${reason}`, `refused: ${reason}`]);
    });
  });
});
