// A gateway that is already running (`pnpm start`, or a deployment): the same requests over HTTP.
// Tokens are signed with its AUTH_SECRET. Model overrides cannot be applied from here: the
// running Workers have their own variables.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { repositoryRoot } from "../../../../scripts/test/auxiliary-workers.ts";
import { noResponse, toTurnResult, tokenSigner } from "./turn.ts";
import type { ChatBody, ObservedToolCall, Target } from "./types.ts";

/** AUTH_SECRET from apps/gateway/.dev.vars, as `pnpm start` writes it. */
export function localAuthSecret(): string | undefined {
  const file = path.join(repositoryRoot, "apps/gateway/.dev.vars");
  if (!existsSync(file)) return undefined;
  const match = /^\s*AUTH_SECRET\s*=\s*(.+?)\s*$/m.exec(readFileSync(file, "utf8"));
  return match?.[1]?.replace(/^["']|["']$/g, "");
}

/** sha256 of the Workers' and packages' sources: what `wrangler dev` runs. */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (directory: string) => {
    if (!existsSync(directory)) return;
    for (const name of readdirSync(directory).sort()) {
      const file = path.join(directory, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(ts|json|sql|jsonl)$/.test(name) && !name.endsWith(".test.ts"))
        hash.update(file).update(readFileSync(file));
    }
  };
  for (const root of ["apps", "packages"]) {
    for (const name of readdirSync(path.join(repositoryRoot, root)).sort()) {
      if (name === "eval") continue;
      walk(path.join(repositoryRoot, root, name, "src"));
      walk(path.join(repositoryRoot, root, name, "migrations"));
    }
  }
  return hash.digest("hex").slice(0, 16);
}

/** Generous: a real model chain may retry and fall back before answering. */
const REQUEST_TIMEOUT_MS = 120_000;

export interface RemoteOptions {
  url: string;
  secret: string;
  /** Sent as X-Eval-Force-Route-Secret with forced turns; the gateway honours it only when its EVAL_FORCE_ROUTE_SECRET matches. */
  forceRouteSecret?: string;
}

export async function createRemoteTarget(options: RemoteOptions): Promise<Target> {
  const base = options.url.replace(/\/+$/, "");
  const tokenFor = tokenSigner(options.secret);
  const code = sourceFingerprint();
  let configHash: string | undefined;

  async function post(
    userId: string,
    message: string,
    conversationId: string | undefined,
    headers: Record<string, string> = {},
  ) {
    const token = await tokenFor(userId);
    const sentAt = new Date().toISOString();
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${base}/v1/chat`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
        body: JSON.stringify({ message, ...(conversationId ? { conversationId } : {}) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      return noResponse(message, sentAt, started, error);
    }
    const latencyMs = performance.now() - started;
    const turn = toTurnResult(message, sentAt, response.status, text, latencyMs, undefined);
    if (turn.body && !turn.resultsObserved) {
      // A gateway that stores tool results with its traces lets the numbers be checked over HTTP too.
      const stored = await storedToolCalls(token, turn.body.trace.requestId);
      if (stored) return toTurnResult(message, sentAt, response.status, text, latencyMs, stored);
    }
    return turn;
  }

  async function storedToolCalls(token: string, requestId: string): Promise<ObservedToolCall[] | undefined> {
    const response = await fetch(`${base}/v1/traces/${encodeURIComponent(requestId)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) return undefined;
    const trace = (await response.json()) as { toolCalls?: ObservedToolCall[]; response?: ChatBody };
    const calls = trace.toolCalls ?? trace.response?.toolCalls;
    return calls && calls.some((call) => "result" in call) ? calls : undefined;
  }

  return {
    description: `remote gateway at ${base}`,
    async fingerprint() {
      // The gateway reports its model assignment's hash with every answer; one probe learns it.
      if (!configHash) {
        const probe = await post(`eval-probe-${Date.now()}`, "what can you help me with?", undefined);
        if (!probe.body) throw new Error(`the gateway at ${base} did not answer the probe: ${probe.error}`);
        configHash = probe.body.trace.configHash;
      }
      return `remote:${base}:${code}:${configHash}`;
    },
    chat(userId, message, conversationId) {
      return post(userId, message, conversationId);
    },
    async forced({ userId, message, conversationId, gold }) {
      if (!options.forceRouteSecret) return undefined;
      const domains = gold.domains.filter((domain) => domain !== "general");
      const turn = await post(userId, message, conversationId, {
        "X-Eval-Force-Route": domains.length > 0 ? domains.join(",") : gold.path,
        "X-Eval-Force-Route-Secret": options.forceRouteSecret,
      });
      // A gateway without the hook answers normally; its route then says so, and the run is not a forced one.
      const routed = turn.body?.route.domains.filter((domain) => domain !== "general") ?? [];
      if (turn.body && (routed.length !== domains.length || routed.some((domain) => !domains.includes(domain))))
        return undefined;
      return turn;
    },
    async close() {},
  };
}
