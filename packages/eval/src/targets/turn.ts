// Turning a gateway response into a TurnResult, shared by every target.
import { signToken } from "../../../../apps/gateway/src/auth.ts";
import type { ChatBody, ObservedToolCall, TurnResult } from "./types.ts";

/** A bearer token per eval user, signed once with the gateway's secret; good for a day. */
export function tokenSigner(secret: string): (userId: string) => Promise<string> {
  const tokens = new Map<string, Promise<string>>();
  return (userId) => {
    let token = tokens.get(userId);
    if (!token) {
      token = signToken({ sub: userId, exp: Math.floor(Date.now() / 1000) + 86_400 }, secret);
      tokens.set(userId, token);
    }
    return token;
  };
}

/** The turn of a request that got no response at all (the connection or the runtime failed). */
export function noResponse(message: string, sentAt: string, started: number, error: unknown): TurnResult {
  return {
    message,
    sentAt,
    status: 0,
    latencyMs: performance.now() - started,
    error: `no response: ${error instanceof Error ? error.message : String(error)}`,
    resultsObserved: false,
  };
}

/** Attaches the tap's results to the gateway's tool calls (same domain, name and arguments, in order). */
function callKey(call: ObservedToolCall): string {
  return `${call.domain}|${call.name}|${JSON.stringify(call.arguments)}|${call.ok}`;
}

export function attachResults(calls: ObservedToolCall[], observed: ObservedToolCall[]): ObservedToolCall[] {
  const used = new Set<number>();
  return calls.map((call) => {
    const index = observed.findIndex(
      (candidate, position) => !used.has(position) && callKey(candidate) === callKey(call),
    );
    if (index < 0) return call;
    used.add(index);
    return "result" in observed[index]! ? { ...call, result: observed[index]!.result } : call;
  });
}

export function toTurnResult(
  message: string,
  sentAt: string,
  status: number,
  text: string,
  latencyMs: number,
  observed: ObservedToolCall[] | undefined,
): TurnResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { message, sentAt, status, latencyMs, error: `not JSON: ${text.slice(0, 200)}`, resultsObserved: false };
  }
  if (status !== 200) {
    const envelope = parsed as { error?: { code?: string; message?: string } };
    return {
      message,
      sentAt,
      status,
      latencyMs,
      error: `${envelope.error?.code ?? status}: ${envelope.error?.message ?? text.slice(0, 200)}`,
      resultsObserved: false,
    };
  }
  const body = parsed as ChatBody;
  if (observed === undefined)
    return { message, sentAt, status, latencyMs, body, resultsObserved: resultsComplete(body.toolCalls) };
  const toolCalls = attachResults(body.toolCalls, observed);
  return {
    message,
    sentAt,
    status,
    latencyMs,
    body: { ...body, toolCalls },
    resultsObserved: resultsComplete(toolCalls),
  };
}

/** Every call that ran carries its result (true when nothing ran: then there is nothing to miss). */
export function resultsComplete(calls: ObservedToolCall[]): boolean {
  return calls.every((call) => !call.ok || "result" in call);
}
