// What every specialist Worker does with a message: its own system prompt, its own tools, the
// model chosen for its domain, and the local engine taught by its own skill. The Worker supplies
// `execute`, already bound to the user id the gateway passed, so no tool can reach another user.
import type { LiveUpdate, ParsedSpecialistRequest, SpecialistDomain, SpecialistReply } from "@ensemble/contracts";
import { createModelClient } from "./client.ts";
import type { LocalSkill } from "./local/skill.ts";
import { type ToolRunEvents, runTools } from "./tool-runner.ts";
import { Trace } from "./trace.ts";
import type { ChatMessage, ToolDefinition } from "./types.ts";

export interface SpecialistOptions {
  environment: object;
  domain: SpecialistDomain;
  request: ParsedSpecialistRequest;
  systemPrompt: string;
  tools: ToolDefinition[];
  skill: LocalSkill;
  execute: (name: string, arguments_: Record<string, unknown>) => Promise<unknown>;
  /** For a live answer: reply text as it is written and tool calls as they settle. */
  events?: ToolRunEvents;
}

export async function runSpecialist(options: SpecialistOptions): Promise<SpecialistReply> {
  const { request, domain } = options;
  await injectWorkerFaults(options.environment);
  const trace = new Trace(domain);
  const now = new Date(request.now);
  const client = createModelClient({
    env: options.environment,
    worker: domain,
    trace,
    skills: [options.skill],
    now: () => now,
  });
  const messages: ChatMessage[] = [
    { role: "system", content: `${options.systemPrompt}\n\nThe current time is ${request.now} (UTC).` },
    ...request.history.map((turn): ChatMessage => ({ role: turn.role, content: turn.content })),
    { role: "user", content: request.message },
  ];
  const outcome = await trace.span(`specialist:${domain}`, () =>
    runTools({
      client,
      task: "specialist",
      domain,
      messages,
      tools: options.tools,
      execute: (name, arguments_) => withoutStorageDetails(domain, () => options.execute(name, arguments_)),
      userMessage: request.message,
      ...(options.events ? { events: options.events } : {}),
    }),
  );
  return { domain, reply: outcome.text, toolCalls: outcome.toolCalls, ledger: trace.ledger, spans: trace.spans };
}

/** Tool-run events written as live updates, for a Worker's streaming RPC method. */
export function liveUpdates(emit: (update: LiveUpdate) => void): ToolRunEvents {
  return {
    onText: (text) => emit({ type: "token", text }),
    onReset: () => emit({ type: "reset" }),
    onToolCall: (call) => emit({ type: "tool", call }),
  };
}

/**
 * Failure injection for a whole specialist Worker, configured by its env: `WORKER_FAULT_LATENCY_MS`
 * delays every message, `WORKER_FAULT_ERROR_RATE` (0..1) makes that share of messages crash the way
 * an unhandled error would. Used by fault tests and benchmarks; unset in every real configuration.
 */
async function injectWorkerFaults(environment: object): Promise<void> {
  const variables = environment as Record<string, unknown>;
  const latency = Number(variables.WORKER_FAULT_LATENCY_MS ?? 0);
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
  const rate = Number(variables.WORKER_FAULT_ERROR_RATE ?? 0);
  if (rate > 0 && Math.random() < rate) throw new Error("injected worker failure (WORKER_FAULT_ERROR_RATE)");
}

// Storage errors (D1's "D1_ERROR: ... SQLITE_CONSTRAINT ...") describe our schema, not the user's
// request: they are logged for us and replaced by a plain sentence before the model, the reply or
// the stored trace can see them. Each write is one batch, so "nothing was stored" is true.
const STORAGE_ERROR = /D1_|SQLITE_|database is locked|no such table/i;

async function withoutStorageDetails<T>(domain: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!STORAGE_ERROR.test(message)) throw error;
    console.error(JSON.stringify({ level: "error", worker: domain, message: "tool storage failure", detail: message }));
    throw new Error("couldn't save that just now; nothing was stored. Please try again in a moment.", { cause: error });
  }
}
