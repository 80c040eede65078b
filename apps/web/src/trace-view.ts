// What the trace panel shows for one chat request, computed from the chat response (available the
// moment the reply finishes) and, once fetched, the stored trace's usage ledger.
import type { ChatResponseBody, LedgerEntry, StoredTrace } from "./api/types.ts";

export interface TraceModel {
  model: string;
  provider: string | undefined;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number | undefined;
  /** Token counts were estimated (the provider did not report them). */
  estimated: boolean;
}

export interface TraceSpan {
  name: string;
  worker: string;
  model: string | undefined;
  startMs: number;
  durationMs: number;
  status: string;
  detail: string | undefined;
}

export interface TraceView {
  requestId: string;
  configHash: string;
  route: ChatResponseBody["route"];
  models: TraceModel[];
  tools: ChatResponseBody["toolCalls"];
  /** Spans that did not simply succeed: fallbacks, retries, errors, refusals. */
  fallbacks: TraceSpan[];
  spans: TraceSpan[];
  /** From the first span's start to the last span's end. */
  totalMs: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
}

export function traceView(response: ChatResponseBody, ledger: LedgerEntry[] | undefined): TraceView {
  const spans: TraceSpan[] = response.trace.spans
    .map((span) => ({
      name: span.name,
      worker: span.worker,
      model: span.model,
      startMs: span.startMs,
      durationMs: span.durationMs,
      status: span.status,
      detail: span.detail,
    }))
    .sort((left, right) => left.startMs - right.startMs);
  const start = spans.length > 0 ? Math.min(...spans.map((span) => span.startMs)) : 0;
  const end = spans.length > 0 ? Math.max(...spans.map((span) => span.startMs + span.durationMs)) : 0;
  return {
    requestId: response.trace.requestId,
    configHash: response.trace.configHash,
    route: response.route,
    models: ledger && ledger.length > 0 ? modelsFromLedger(ledger) : modelsFromUsage(response.usage),
    tools: response.toolCalls,
    fallbacks: spans.filter((span) => span.status !== "ok"),
    spans,
    totalMs: end - start,
    costUsd: response.usage.costUsd,
    inputTokens: response.usage.inputTokens,
    outputTokens: response.usage.outputTokens,
  };
}

export function traceViewOfStored(stored: StoredTrace): TraceView {
  return traceView(stored.response, stored.ledger);
}

function modelsFromUsage(usage: ChatResponseBody["usage"]): TraceModel[] {
  return Object.entries(usage.byModel).map(([model, entry]) => ({
    model,
    provider: undefined,
    calls: entry.calls,
    inputTokens: entry.inputTokens,
    outputTokens: entry.outputTokens,
    costUsd: entry.costUsd,
    latencyMs: undefined,
    estimated: false,
  }));
}

function modelsFromLedger(ledger: LedgerEntry[]): TraceModel[] {
  const byModel = new Map<string, TraceModel>();
  for (const entry of ledger) {
    const key = `${entry.provider}:${entry.model}`;
    const model = byModel.get(key) ?? {
      model: entry.model,
      provider: entry.provider,
      calls: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      latencyMs: 0,
      estimated: false,
    };
    model.calls += 1;
    model.inputTokens += entry.inputTokens;
    model.outputTokens += entry.outputTokens;
    model.costUsd += entry.costUsd;
    model.latencyMs = (model.latencyMs ?? 0) + entry.latencyMs;
    model.estimated ||= entry.estimated;
    byModel.set(key, model);
  }
  return [...byModel.values()];
}
