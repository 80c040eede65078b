import { describe, expect, it } from "vitest";
import type { ChatResponseBody } from "./api/types.ts";
import { traceView } from "./trace-view.ts";

const response: ChatResponseBody = {
  reply: "ok",
  conversationId: "c",
  route: { path: "specialist", domains: ["meal"], confidence: 0.91 },
  toolCalls: [{ name: "log_meal", domain: "meal", arguments: { items: [] }, ok: true }],
  usage: {
    inputTokens: 300,
    outputTokens: 40,
    costUsd: 0.00012,
    byModel: { "@cf/meta/llama": { calls: 2, inputTokens: 300, outputTokens: 40, costUsd: 0.00012 } },
    byTask: {},
  },
  trace: {
    requestId: "r1",
    configHash: "abc",
    spans: [
      { name: "specialist:meal", worker: "gateway", startMs: 30, durationMs: 120, status: "ok" },
      {
        name: "classify",
        worker: "router",
        model: "@cf/router",
        startMs: 0,
        durationMs: 25,
        status: "fallback",
        detail: "bad JSON",
      },
    ],
  },
};

describe("traceView", () => {
  it("orders spans, totals latency and lists what did not simply succeed", () => {
    const view = traceView(response, undefined);
    expect(view.spans.map((span) => span.name)).toEqual(["classify", "specialist:meal"]);
    expect(view.totalMs).toBe(150);
    expect(view.fallbacks.map((span) => `${span.name}:${span.status}`)).toEqual(["classify:fallback"]);
    expect(view.models).toEqual([
      {
        model: "@cf/meta/llama",
        provider: undefined,
        calls: 2,
        inputTokens: 300,
        outputTokens: 40,
        costUsd: 0.00012,
        latencyMs: undefined,
        estimated: false,
      },
    ]);
  });

  it("uses the stored ledger for providers, latency and estimates when it is there", () => {
    const view = traceView(response, [
      {
        task: "router",
        model: "m1",
        provider: "local",
        inputTokens: 10,
        outputTokens: 2,
        latencyMs: 3,
        costUsd: 0,
        ok: true,
        estimated: true,
      },
      {
        task: "specialist",
        model: "m1",
        provider: "local",
        inputTokens: 20,
        outputTokens: 4,
        latencyMs: 5,
        costUsd: 0,
        ok: true,
        estimated: false,
      },
      {
        task: "specialist",
        model: "m2",
        provider: "workers-ai",
        inputTokens: 1,
        outputTokens: 1,
        latencyMs: 9,
        costUsd: 0.001,
        ok: false,
        estimated: false,
      },
    ]);
    expect(view.models).toEqual([
      {
        model: "m1",
        provider: "local",
        calls: 2,
        inputTokens: 30,
        outputTokens: 6,
        costUsd: 0,
        latencyMs: 8,
        estimated: true,
      },
      {
        model: "m2",
        provider: "workers-ai",
        calls: 1,
        inputTokens: 1,
        outputTokens: 1,
        costUsd: 0.001,
        latencyMs: 9,
        estimated: false,
      },
    ]);
  });
});
