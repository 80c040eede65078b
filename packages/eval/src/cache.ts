// Recorded runs on disk, keyed by what decides them: the case's inputs (setup turns and message,
// not its expectations), the repeat, and the target's fingerprint (built code + model
// assignment). A rerun with nothing changed replays from here in milliseconds; editing a case's
// expectations rescores without running anything.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Bumped when the recorded shape changes, so old entries are ignored rather than misread. */
export const CACHE_VERSION = 1;

export interface CacheKeyParts {
  setup: string[];
  message: string;
  repeat: number;
  fingerprint: string;
  /** "run" or "forced:<path>:<domains>". */
  kind: string;
}

export function cacheKey(parts: CacheKeyParts): string {
  const text = JSON.stringify([CACHE_VERSION, parts.kind, parts.fingerprint, parts.repeat, parts.setup, parts.message]);
  return createHash("sha256").update(text).digest("hex");
}

export interface RunCache {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  readonly hits: number;
  readonly misses: number;
}

/** `read: false` (--no-cache) runs everything again and still records the fresh results. */
export function createRunCache(directory: string, options: { read?: boolean } = {}): RunCache {
  const read = options.read ?? true;
  let hits = 0;
  let misses = 0;
  const file = (key: string) => path.join(directory, key.slice(0, 2), `${key}.json`);
  return {
    get<T>(key: string): T | undefined {
      if (!read) {
        misses++;
        return undefined;
      }
      try {
        const entry = JSON.parse(readFileSync(file(key), "utf8")) as { version: number; value: T };
        if (entry.version === CACHE_VERSION) {
          hits++;
          return entry.value;
        }
      } catch {
        // Missing or unreadable (a run killed mid-write): treated as a miss and overwritten.
      }
      misses++;
      return undefined;
    },
    set(key, value) {
      const target = file(key);
      mkdirSync(path.dirname(target), { recursive: true });
      // Write then rename, so a crash never leaves half a file under the real name.
      const temporary = `${target}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ version: CACHE_VERSION, value }));
      renameSync(temporary, target);
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
  };
}
