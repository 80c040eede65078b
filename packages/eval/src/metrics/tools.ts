// Which tools were called, against which should have been: selection F1 per case, forbidden-call
// violations, and BFCL's relevance / irrelevance pair.

export interface CallRecord {
  name: string;
  ok: boolean;
}

export interface SelectionScore {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * F1 of the set of tools called against the required set. Optional tools count on neither side.
 * Nothing required and nothing called is a perfect 1.
 */
export function selectionF1(required: string[], optional: string[], called: string[]): SelectionScore {
  const expected = new Set(required);
  const ignored = new Set(optional.filter((name) => !expected.has(name)));
  const predicted = new Set(called.filter((name) => !ignored.has(name)));
  if (expected.size === 0 && predicted.size === 0) return { precision: 1, recall: 1, f1: 1 };
  const hits = [...predicted].filter((name) => expected.has(name)).length;
  const precision = predicted.size === 0 ? 1 : hits / predicted.size;
  const recall = expected.size === 0 ? 1 : hits / expected.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Calls of forbidden tools that took effect. A refused or failed call (ok: false) changed nothing,
 * so it is not a violation: the guard doing its job is not a failure of the system.
 */
export function violations<Call extends CallRecord>(forbidden: Set<string>, calls: Call[]): Call[] {
  return calls.filter((call) => call.ok && forbidden.has(call.name));
}

/** Relevance (BFCL): when tools are required, at least one required tool ran successfully. */
export function relevant(required: string[], calls: CallRecord[]): boolean {
  return calls.some((call) => call.ok && required.includes(call.name));
}

/** Irrelevance (BFCL): when no tool should be called, none was (a refused attempt still counts as a call). */
export function irrelevant(calls: CallRecord[]): boolean {
  return calls.length === 0;
}
