// Failure injection for the local engine, so retries, fallbacks and the circuit breaker can be
// exercised offline. Every decision is a pure function of (seed, call number, task, message), so a
// run with the same settings fails in exactly the same places: tests and evals stay reproducible.
import type { Task } from "../types.ts";

export interface FaultConfig {
  /** Share of calls that fail with a retryable server error, 0..1. */
  errorRate: number;
  /** Added to every affected call, to exercise timeouts. */
  latencyMs: number;
  /** Share of calls that answer with a malformed reply, 0..1. */
  malformedRate: number;
  /** The tasks faults apply to; undefined means every task. */
  tasks: Task[] | undefined;
  seed: number;
}

export const NO_FAULTS: FaultConfig = { errorRate: 0, latencyMs: 0, malformedRate: 0, tasks: undefined, seed: 1 };

/**
 * `LOCAL_FAULT_ERROR_RATE`, `LOCAL_FAULT_LATENCY_MS`, `LOCAL_FAULT_MALFORMED_RATE`,
 * `LOCAL_FAULT_TASKS` (comma list, default all) and `LOCAL_FAULT_SEED` (default 1).
 */
export function faultConfigFromEnv(env: Partial<Record<string, string | undefined>>): FaultConfig {
  const tasks = env.LOCAL_FAULT_TASKS?.split(",")
    .map((task) => task.trim())
    .filter(Boolean) as Task[] | undefined;
  return {
    errorRate: rate(env, "LOCAL_FAULT_ERROR_RATE"),
    latencyMs: Math.max(0, Number(env.LOCAL_FAULT_LATENCY_MS ?? 0) || 0),
    malformedRate: rate(env, "LOCAL_FAULT_MALFORMED_RATE"),
    tasks: tasks && tasks.length > 0 ? tasks : undefined,
    seed: Number(env.LOCAL_FAULT_SEED ?? 1) || 1,
  };
}

function rate(env: Partial<Record<string, string | undefined>>, name: string): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return 0;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new Error(`${name}: must be a number from 0 to 1, got "${raw}"`);
  return value;
}

export function faultsApply(config: FaultConfig, task: Task): boolean {
  if (config.errorRate === 0 && config.latencyMs === 0 && config.malformedRate === 0) return false;
  return config.tasks === undefined || config.tasks.includes(task);
}

/** A number in [0, 1) that depends only on its inputs: FNV-1a, then one mulberry32 round to spread the bits. */
export function seededDraw(seed: number, ...parts: (string | number)[]): number {
  let hash = 0x811c9dc5 ^ seed;
  const text = parts.join("\u0000");
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  let value = (hash + 0x6d2b79f5) | 0;
  value = Math.imul(value ^ (value >>> 15), value | 1);
  value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
  return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
}
