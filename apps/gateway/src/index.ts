import { type ErrorCode, WORKER_NAMES, errorResponse } from "@ensemble/contracts";
import { Hono } from "hono";

type Internal = Exclude<(typeof WORKER_NAMES)[number], "gateway">;

const app = new Hono<{ Bindings: Env }>();

function bindingFor(environment: Env, worker: Internal) {
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

app.get("/health", async (context) => {
  const internal = WORKER_NAMES.filter((name): name is Internal => name !== "gateway");
  const checks = await Promise.all(
    internal.map(async (worker) => {
      const started = performance.now();
      try {
        const health = await bindingFor(context.env, worker).health();
        return { worker, ok: health.ok, latencyMs: performance.now() - started };
      } catch (error) {
        return { worker, ok: false, latencyMs: performance.now() - started, error: String(error) };
      }
    }),
  );
  const workers = [{ worker: "gateway", ok: true, latencyMs: 0 }, ...checks];
  const ok = workers.every((check) => check.ok);
  return context.json({ ok, workers }, ok ? 200 : 503);
});

app.notFound(() => errorResponse("not_found", "No such route."));
app.onError((error) => {
  const code: ErrorCode = "internal";
  console.error("unhandled", error);
  return errorResponse(code, "Something went wrong on our side.", {});
});

export default app;
