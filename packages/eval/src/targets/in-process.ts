// Every Worker in one Miniflare instance, driven from Node: the gateway's HTTP API exactly as a
// client sees it, over fresh in-memory D1 databases with the migrations applied and the food
// database seeded. Each Worker runs its pre-built dist/index.js (`pnpm build` first).
//
// One addition, observation only: a "tap" Worker sits on every binding to a specialist and keeps a
// copy of each `handle` reply, so the harness sees tool results (the public API leaves them out)
// and can check that the numbers in a reply come from the data.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { summariseUsage } from "@ensemble/ai";
import { configHash } from "@ensemble/model-config";
import { Miniflare, convertV4MiniflareOptions } from "miniflare";
import { seedFoods } from "../../../../apps/embedding/test/seed-foods.ts";
import { auxiliaryWorker, readWranglerConfig, repositoryRoot } from "../../../../scripts/test/auxiliary-workers.ts";
import { attachResults, noResponse, toTurnResult, tokenSigner } from "./turn.ts";
import type { ChatBody, ObservedToolCall, Target } from "./types.ts";

export const APPS = [
  "gateway",
  "router",
  "coordinator",
  "meal",
  "protocol",
  "metrics-workout",
  "vision",
  "embedding",
] as const;
const SPECIALISTS = ["meal", "protocol", "metrics-workout"] as const;

/** Forwards every RPC method to TARGET and keeps each `handle` reply per user until taken. */
const TAP_SCRIPT = `
import { WorkerEntrypoint } from "cloudflare:workers";
const replies = new Map();
export default class Tap extends WorkerEntrypoint {
  constructor(context, environment) {
    super(context, environment);
    return new Proxy(this, {
      get(target, property, receiver) {
        if (property === "fetch") {
          return async (request) => {
            const user = new URL(request.url).searchParams.get("user") ?? "";
            const taken = replies.get(user) ?? [];
            replies.delete(user);
            return Response.json(taken);
          };
        }
        if (typeof property !== "string" || property in target) return Reflect.get(target, property, receiver);
        return async (...args) => {
          const result = await environment.TARGET[property](...args);
          const user = args[0] && typeof args[0] === "object" ? args[0].userId : undefined;
          if (property === "handle" && typeof user === "string" && result && result.ok) {
            const list = replies.get(user) ?? [];
            list.push(...(result.value.toolCalls ?? []));
            replies.set(user, list);
          }
          return result;
        };
      },
    });
  }
}`;

interface RpcResult<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string };
}

interface SpecialistLikeReply {
  reply: string;
  toolCalls: ObservedToolCall[];
  ledger: Parameters<typeof summariseUsage>[0];
  spans: ChatBody["trace"]["spans"];
}

interface RpcWorker {
  handle(request: unknown): Promise<RpcResult<SpecialistLikeReply>>;
  coordinate(request: unknown): Promise<RpcResult<SpecialistLikeReply>>;
  general(request: unknown): Promise<RpcResult<SpecialistLikeReply>>;
  fetch(url: string): Promise<Response>;
}

function tapName(specialist: string): string {
  return `eval-tap-${specialist}`;
}

/** Miniflare options for every Worker, with specialist bindings routed through the taps. */
export function workerOptions(variables: Record<string, string>, authSecret: string) {
  const apps = APPS.map((app) => {
    const options = auxiliaryWorker(app, app === "gateway" ? { ...variables, AUTH_SECRET: authSecret } : variables);
    const serviceBindings = Object.fromEntries(
      Object.entries(options.serviceBindings).map(([binding, service]) => {
        const specialist = SPECIALISTS.find((name) => service === `ensemble-${name}`);
        return [binding, specialist ? tapName(specialist) : service];
      }),
    );
    return { ...options, serviceBindings };
  });
  const compatibilityDate = readWranglerConfig("gateway").compatibility_date;
  const taps = SPECIALISTS.map((specialist) => ({
    name: tapName(specialist),
    modules: true,
    script: TAP_SCRIPT,
    compatibilityDate,
    serviceBindings: { TARGET: `ensemble-${specialist}` },
  }));
  return [...apps, ...taps];
}

/** sha256 of every Worker's built script: the code under test. */
export function distributionFingerprint(): string {
  const hash = createHash("sha256");
  for (const app of APPS) {
    const file = path.join(repositoryRoot, "apps", app, "dist", "index.js");
    if (!existsSync(file))
      throw new Error(
        `apps/${app}/dist/index.js is missing: build the Workers first (pnpm build, or pnpm eval does it).`,
      );
    hash.update(app).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/** The string vars every Worker gets from its wrangler.jsonc, with the overrides on top: what configHash sees. */
export function effectiveVariables(overrides: Record<string, string>): Record<string, string> {
  return { ...readWranglerConfig("gateway").vars, ...overrides };
}

const D1_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)`;

type D1 = Awaited<ReturnType<Miniflare["getD1Database"]>>;

/** Applies an app's migrations in order and records them as wrangler does (health checks read d1_migrations). */
async function applyMigrations(database: D1, app: string): Promise<void> {
  const directory = path.join(repositoryRoot, "apps", app, "migrations");
  await database.prepare(D1_MIGRATIONS_TABLE).run();
  for (const file of readdirSync(directory)
    .filter((name) => name.endsWith(".sql"))
    .sort()) {
    // D1 runs a multi-statement string through SQLite's exec, statement by statement.
    await database.prepare(readFileSync(path.join(directory, file), "utf8")).run();
    await database.prepare("INSERT INTO d1_migrations (name) VALUES (?)").bind(file).run();
  }
}

export interface InProcessOptions {
  /** Model and other variable overrides for every Worker. */
  variables: Record<string, string>;
}

export async function createInProcessTarget(options: InProcessOptions): Promise<Target> {
  const authSecret = randomBytes(24).toString("hex");
  const code = distributionFingerprint();
  const hash = configHash(effectiveVariables(options.variables));
  const miniflare = new Miniflare(convertV4MiniflareOptions({ workers: workerOptions(options.variables, authSecret) }));
  await miniflare.ready;
  for (const app of APPS) {
    if ((readWranglerConfig(app).d1_databases ?? []).length === 0) continue;
    await applyMigrations(await miniflare.getD1Database("DB", `ensemble-${app}`), app);
  }
  const seeded = await seedFoods((await miniflare.getD1Database("DB", "ensemble-embedding")) as unknown as D1Database);
  const taps = await Promise.all(
    SPECIALISTS.map(async (specialist) => (await miniflare.getWorker(tapName(specialist))) as unknown as RpcWorker),
  );
  const tokenFor = tokenSigner(authSecret);

  async function takeObserved(userId: string): Promise<ObservedToolCall[]> {
    const lists = await Promise.all(
      taps.map(
        async (tap) =>
          (await (await tap.fetch(`http://tap/?user=${encodeURIComponent(userId)}`)).json()) as ObservedToolCall[],
      ),
    );
    return lists.flat();
  }

  return {
    description: "in-process (Miniflare, every Worker from apps/*/dist)",
    async fingerprint() {
      return `in-process:${code}:${hash}:${seeded.version}`;
    },
    async chat(userId, message, conversationId) {
      const token = await tokenFor(userId);
      const sentAt = new Date().toISOString();
      const started = performance.now();
      let status: number;
      let text: string;
      try {
        const response = await miniflare.dispatchFetch("http://gateway.eval/v1/chat", {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: JSON.stringify({ message, ...(conversationId ? { conversationId } : {}) }),
        });
        status = response.status;
        text = await response.text();
      } catch (error) {
        return noResponse(message, sentAt, started, error);
      }
      const latencyMs = performance.now() - started;
      const observed = await takeObserved(userId);
      return toTurnResult(message, sentAt, status, text, latencyMs, observed);
    },
    async forced({ userId, message, history, gold }) {
      const request = {
        userId,
        requestId: `${userId}:forced`,
        message,
        history: history.slice(-10),
        now: new Date().toISOString(),
      };
      const sentAt = request.now;
      const started = performance.now();
      const specialists = gold.domains.filter((domain) => domain !== "general");
      let reply: RpcResult<SpecialistLikeReply>;
      try {
        const worker = async (name: string) => (await miniflare.getWorker(name)) as unknown as RpcWorker;
        if (specialists.length === 1) reply = await (await worker(`ensemble-${specialists[0]}`)).handle(request);
        else if (specialists.length > 1)
          reply = await (await worker("ensemble-coordinator")).coordinate({ ...request, domains: specialists });
        else if (gold.path === "general") reply = await (await worker("ensemble-coordinator")).general(request);
        else return undefined;
      } catch (error) {
        return noResponse(message, sentAt, started, error);
      }
      const latencyMs = performance.now() - started;
      // The coordinator's specialists answer through the taps; take what they saw so it does not leak into the next turn.
      const observed = await takeObserved(userId);
      if (!reply.ok || !reply.value)
        return {
          message,
          sentAt,
          status: 502,
          latencyMs,
          error: reply.error?.message ?? "no reply",
          resultsObserved: false,
        };
      const value = reply.value;
      const toolCalls =
        specialists.length > 1 ? attachResults(value.toolCalls ?? [], observed) : (value.toolCalls ?? []);
      const body: ChatBody = {
        reply: value.reply,
        conversationId: "forced",
        route: { path: gold.path, domains: specialists.length > 0 ? specialists : ["general"], confidence: 1 },
        toolCalls,
        usage: summariseUsage(value.ledger ?? []),
        trace: { requestId: request.requestId, configHash: hash, spans: value.spans ?? [] },
      };
      return { message, sentAt, status: 200, latencyMs, body, resultsObserved: true };
    },
    async close() {
      await miniflare.dispose();
    },
  };
}
