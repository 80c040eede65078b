// GET /health: every Worker asked over its binding, each with its own status and latency.
import type { Bindings } from "./env.ts";
import { validateChains } from "@ensemble/ai";
import { WORKER_NAMES } from "@ensemble/contracts";

type Internal = Exclude<(typeof WORKER_NAMES)[number], "gateway">;

/** The service binding that reaches an internal Worker. */
export function workerBinding<Worker extends Internal>(environment: Bindings, worker: Worker) {
  const bindings = {
    router: environment.ROUTER,
    coordinator: environment.COORDINATOR,
    meal: environment.MEAL,
    protocol: environment.PROTOCOL,
    "metrics-workout": environment.METRICS_WORKOUT,
    vision: environment.VISION,
    embedding: environment.EMBEDDING,
  };
  return bindings[worker];
}

export async function healthOfAllWorkers(environment: Bindings) {
  const internal = WORKER_NAMES.filter((name): name is Internal => name !== "gateway");
  const checks = await Promise.all(
    internal.map(async (worker) => {
      const started = performance.now();
      try {
        const health = await workerBinding(environment, worker).health();
        return {
          worker,
          ok: health.ok,
          latencyMs: round(performance.now() - started),
          ...(health.detail ? { detail: health.detail } : {}),
        };
      } catch (error) {
        return {
          worker,
          ok: false,
          latencyMs: round(performance.now() - started),
          detail: error instanceof Error ? error.message : String(error),
        };
      }
    }),
  );
  const gateway = await gatewayHealth(environment);
  const workers = [gateway, ...checks];
  return { ok: workers.every((check) => check.ok), workers };
}

async function gatewayHealth(environment: Bindings) {
  const started = performance.now();
  // A model variable set in the dashboard takes effect without a deploy, so health re-checks the
  // assignment and names the variable at fault.
  const configuration = validateChains(environment).map((error) => error.message);
  if (configuration.length > 0) {
    return {
      worker: "gateway",
      ok: false,
      latencyMs: round(performance.now() - started),
      detail: `model configuration: ${configuration.join("; ")}`,
    };
  }
  try {
    await environment.DB.prepare("SELECT count(*) FROM d1_migrations").first();
    return { worker: "gateway", ok: true, latencyMs: round(performance.now() - started) };
  } catch (error) {
    return {
      worker: "gateway",
      ok: false,
      latencyMs: round(performance.now() - started),
      detail: `database: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function round(milliseconds: number): number {
  return Math.round(milliseconds * 100) / 100;
}
