// Query vectors, kept per isolate for a while. Two things follow: a query asked again (by this
// user or any other: "banana" is common) costs no model call, and a prefetch started early (the
// gateway asks for it while it assembles a request's context) is picked up by the search that
// follows, even while its model call is still running: the cache holds the promise.
export interface QueryVectorCacheOptions {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
}

export type VectorSource = "cached" | "computed";

interface Entry {
  vector: Promise<number[]>;
  expiresAt: number;
}

export class QueryVectorCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: QueryVectorCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 1_000;
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The vectors of `texts` under `model`: cached ones as they are, the others embedded in one
   * call. A failed call is forgotten, so the next request tries again.
   */
  vectors(
    model: string,
    texts: string[],
    embed: (texts: string[]) => Promise<number[][]>,
  ): { vectors: Promise<number[]>[]; sources: VectorSource[] } {
    const now = this.now();
    const missing: string[] = [];
    const sources: VectorSource[] = [];
    const found = texts.map((text) => {
      const key = `${model}\u0000${text}`;
      const entry = this.entries.get(key);
      if (entry && entry.expiresAt > now) {
        // Least recently used goes first: re-inserting moves the entry to the end.
        this.entries.delete(key);
        this.entries.set(key, entry);
        sources.push("cached");
        return entry.vector;
      }
      sources.push("computed");
      if (!missing.includes(text)) missing.push(text);
      return undefined;
    });
    const batch = missing.length > 0 ? embed(missing) : Promise.resolve([]);
    const pending = new Map<string, Promise<number[]>>();
    missing.forEach((text, index) => {
      const key = `${model}\u0000${text}`;
      const vector = batch.then((vectors) => {
        const value = vectors[index];
        if (!value) throw new Error(`the embedding model returned no vector for "${text}"`);
        return value;
      });
      pending.set(text, vector);
      this.entries.delete(key);
      this.entries.set(key, { vector, expiresAt: now + this.ttlMs });
      vector.catch(() => {
        if (this.entries.get(key)?.vector === vector) this.entries.delete(key);
      });
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return { vectors: found.map((vector, index) => vector ?? pending.get(texts[index]!)!), sources };
  }
}
