// The usage ledger's arithmetic: what a call cost, and the totals a response reports.
import type { LedgerEntry, UsageSummary } from "@ensemble/contracts";

/** USD for a call, from catalog prices in USD per million tokens. */
export function costUsd(price: { input: number; output: number }, inputTokens: number, outputTokens: number): number {
  return (inputTokens * price.input + outputTokens * price.output) / 1_000_000;
}

type Totals = { calls: number; inputTokens: number; outputTokens: number; costUsd: number };

function add(totals: Record<string, Totals>, key: string, entry: LedgerEntry): void {
  const current = (totals[key] ??= { calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 });
  current.calls += 1;
  current.inputTokens += entry.inputTokens;
  current.outputTokens += entry.outputTokens;
  current.costUsd += entry.costUsd;
}

/** Totals overall, per model and per task; the shape of `usageSummarySchema`. Failed calls count as calls. */
export function summariseUsage(ledger: LedgerEntry[]): UsageSummary {
  const summary: UsageSummary = { inputTokens: 0, outputTokens: 0, costUsd: 0, byModel: {}, byTask: {} };
  for (const entry of ledger) {
    summary.inputTokens += entry.inputTokens;
    summary.outputTokens += entry.outputTokens;
    summary.costUsd += entry.costUsd;
    add(summary.byModel, entry.model, entry);
    add(summary.byTask, entry.task, entry);
  }
  return summary;
}
