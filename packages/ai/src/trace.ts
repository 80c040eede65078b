// A request's trail through one Worker: its spans and its model calls. Workers return both with
// their RPC replies and the gateway merges them into the request's trace and usage summary.
import type { LedgerEntry, Span } from "@ensemble/contracts";

export class Trace {
  readonly worker: string;
  readonly spans: Span[] = [];
  readonly ledger: LedgerEntry[] = [];

  constructor(worker: string) {
    this.worker = worker;
  }

  /** Runs `work` as a span; a thrown error marks the span failed and is rethrown. */
  async span<T>(name: string, work: () => Promise<T>, extra: { model?: string } = {}): Promise<T> {
    const startMs = Date.now();
    const started = performance.now();
    try {
      const value = await work();
      this.add({ name, startMs, durationMs: performance.now() - started, status: "ok", ...extra });
      return value;
    } catch (error) {
      this.add({
        name,
        startMs,
        durationMs: performance.now() - started,
        status: "error",
        detail: error instanceof Error ? error.message : String(error),
        ...extra,
      });
      throw error;
    }
  }

  add(span: Omit<Span, "worker">): void {
    this.spans.push({ worker: this.worker, ...span, durationMs: round(span.durationMs) });
  }

  record(entry: LedgerEntry): void {
    this.ledger.push(entry);
  }

  /** Takes in the trail another Worker returned. */
  merge(trail: { spans: Span[]; ledger: LedgerEntry[] }): void {
    this.spans.push(...trail.spans);
    this.ledger.push(...trail.ledger);
  }

  toJSON(): { spans: Span[]; ledger: LedgerEntry[] } {
    return { spans: this.spans, ledger: this.ledger };
  }
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 1000) / 1000;
}
