// Runs cases against a target: every case as a new user (setup turns first, same user and
// conversation), `repeat` times, a few at once, replaying recorded runs from the cache. Failing
// runs whose route was wrong are run again with the gold route forced, to tell router errors from
// specialist errors.
import { randomBytes } from "node:crypto";
import { type RunCache, cacheKey } from "./cache.ts";
import type { LoadedCase } from "./cases/load.ts";
import { type Judge, type RunRecord, type RunScore, goldRoute, scoreRun } from "./score.ts";
import type { Target, TurnResult } from "./targets/types.ts";

export interface RunOptions {
  cases: LoadedCase[];
  target: Target;
  repeat: number;
  concurrency: number;
  cache: RunCache;
  judge: Judge;
  /** Rerun route failures with the gold route forced. */
  blame: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface CaseRun {
  evalCase: LoadedCase;
  record: RunRecord;
  score: RunScore;
  cached: boolean;
}

/** A user id no earlier run has used: the databases persist for the whole run. */
function newUserId(caseId: string, repeat: number, suffix = ""): string {
  return `eval-${caseId.slice(0, 60)}-${repeat}${suffix}-${randomBytes(4).toString("hex")}`;
}

async function conversation(target: Target, userId: string, messages: string[]): Promise<TurnResult[]> {
  const turns: TurnResult[] = [];
  let conversationId: string | undefined;
  for (const message of messages) {
    const turn = await target.chat(userId, message, conversationId);
    conversationId ??= turn.body?.conversationId;
    turns.push(turn);
  }
  return turns;
}

async function forcedTurn(target: Target, evalCase: LoadedCase, repeat: number): Promise<TurnResult | undefined> {
  const gold = goldRoute(evalCase);
  if (!gold || !target.forced) return undefined;
  const userId = newUserId(evalCase.id, repeat, "f");
  const setup = await conversation(target, userId, evalCase.setup);
  const history = setup.flatMap((turn) => [
    { role: "user" as const, content: turn.message },
    ...(turn.body ? [{ role: "assistant" as const, content: turn.body.reply }] : []),
  ]);
  const conversationId = setup.find((turn) => turn.body)?.body?.conversationId;
  return target.forced({
    userId,
    message: evalCase.message,
    history,
    gold,
    ...(conversationId ? { conversationId } : {}),
  });
}

/**
 * A failure that says nothing about the pipeline's answer (the connection dropped, a dev server
 * reloaded mid-request, a 5xx): scored as a failure in this run, never replayed from the cache.
 */
export function transientFailure(turn: TurnResult): boolean {
  return !turn.body && (turn.status === 0 || turn.status >= 500);
}

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

export async function runCases(options: RunOptions): Promise<CaseRun[]> {
  const fingerprint = await options.target.fingerprint();
  const jobs = options.cases.flatMap((evalCase) =>
    Array.from({ length: options.repeat }, (_, repeat) => ({ evalCase, repeat })),
  );
  const results: CaseRun[] = [];
  let done = 0;
  await pool(
    jobs.map((job, index) => ({ ...job, index })),
    options.concurrency,
    async ({ evalCase, repeat, index }) => {
      const key = cacheKey({ kind: "run", fingerprint, repeat, setup: evalCase.setup, message: evalCase.message });
      let record = options.cache.get<RunRecord>(key);
      const cached = record !== undefined;
      if (!record) {
        const userId = newUserId(evalCase.id, repeat);
        const turns = await conversation(options.target, userId, [...evalCase.setup, evalCase.message]);
        record = { caseId: evalCase.id, repeat, userId, turns };
        if (!turns.some(transientFailure)) options.cache.set(key, record);
      }
      record = { ...record, caseId: evalCase.id };
      let score = await scoreRun(evalCase, record, options.judge);
      if (options.blame && !score.pass && score.route.expected && !score.route.correct && goldRoute(evalCase)) {
        const gold = goldRoute(evalCase)!;
        const forcedKey = cacheKey({
          kind: `forced:${gold.path}:${gold.domains.join(",")}`,
          fingerprint,
          repeat,
          setup: evalCase.setup,
          message: evalCase.message,
        });
        let forced = options.cache.get<TurnResult>(forcedKey);
        if (!forced) {
          forced = await forcedTurn(options.target, evalCase, repeat);
          if (forced && !transientFailure(forced)) options.cache.set(forcedKey, forced);
        }
        if (forced) {
          record = { ...record, forced };
          score = await scoreRun(evalCase, record, options.judge);
        }
      }
      results[index] = { evalCase, record, score, cached };
      options.onProgress?.(++done, jobs.length);
    },
  );
  return results;
}
