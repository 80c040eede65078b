import { usageSummarySchema } from "@ensemble/contracts";
import type { LedgerEntry } from "@ensemble/contracts";
import { describe, expect, it } from "vitest";
import { costUsd, summariseUsage } from "./usage.ts";

const entry = (partial: Partial<LedgerEntry>): LedgerEntry => ({
  task: "specialist",
  model: "m",
  provider: "workers-ai",
  inputTokens: 0,
  outputTokens: 0,
  latencyMs: 1,
  costUsd: 0,
  ok: true,
  estimated: false,
  ...partial,
});

describe("costUsd", () => {
  it("prices tokens in USD per million", () => {
    // llama-3.3-70b: $0.293 in, $2.253 out.
    expect(costUsd({ input: 0.293, output: 2.253 }, 2_000_000, 500_000)).toBeCloseTo(0.586 + 1.1265, 12);
    expect(costUsd({ input: 0.045, output: 0.384 }, 850, 60)).toBeCloseTo((850 * 0.045 + 60 * 0.384) / 1e6, 15);
    expect(costUsd({ input: 0, output: 0 }, 10_000, 10_000)).toBe(0);
  });
});

describe("summariseUsage", () => {
  it("totals overall, by model and by task, counting failed calls as calls", () => {
    const summary = summariseUsage([
      entry({ task: "router", model: "a", inputTokens: 100, outputTokens: 10, costUsd: 0.001 }),
      entry({ task: "specialist", model: "b", inputTokens: 1000, outputTokens: 200, costUsd: 0.01 }),
      entry({ task: "specialist", model: "b", ok: false }),
      entry({ task: "synthesis", model: "a", inputTokens: 300, outputTokens: 90, costUsd: 0.002 }),
    ]);
    expect(summary.inputTokens).toBe(1400);
    expect(summary.outputTokens).toBe(300);
    expect(summary.costUsd).toBeCloseTo(0.013, 12);
    expect(summary.byModel.a).toEqual({ calls: 2, inputTokens: 400, outputTokens: 100, costUsd: 0.003 });
    expect(summary.byModel.b).toEqual({ calls: 2, inputTokens: 1000, outputTokens: 200, costUsd: 0.01 });
    expect(summary.byTask.specialist!.calls).toBe(2);
    expect(summary.byTask.router).toEqual({ calls: 1, inputTokens: 100, outputTokens: 10, costUsd: 0.001 });
    expect(usageSummarySchema.safeParse(summary).success).toBe(true);
  });

  it("is all zeros for an empty ledger", () => {
    expect(summariseUsage([])).toEqual({ inputTokens: 0, outputTokens: 0, costUsd: 0, byModel: {}, byTask: {} });
  });
});
