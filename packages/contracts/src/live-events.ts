// Live answers over RPC. A Worker that streams returns a ReadableStream of newline-delimited JSON
// events: reply text as the model writes it, each tool call once settled, and last the same
// Result the unstreamed method returns. The caller reads it with readLiveEvents, which checks
// every line and turns a stream that breaks off into a failure instead of a hang or a throw.
import { z } from "zod";
import { type Result, failure, failureSchema, toolCallRecordSchema } from "./common.ts";

export const liveEventSchema = z.discriminatedUnion("type", [
  /** A piece of the reply text. */
  z.object({ type: z.literal("token"), text: z.string() }),
  /** The text streamed so far is not the reply after all (a retry, or the model went on to tools): start over. */
  z.object({ type: z.literal("reset") }),
  z.object({ type: z.literal("tool"), call: toolCallRecordSchema }),
  z.object({
    type: z.literal("result"),
    result: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: failureSchema }),
    ]),
  }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
export type LiveUpdate = Exclude<LiveEvent, { type: "result" }>;

export interface LiveListener {
  onToken?(text: string): void;
  onReset?(): void;
  onToolCall?(call: z.infer<typeof toolCallRecordSchema>): void;
}

/**
 * Runs `work`, streaming what it emits; its Result (or a failure for anything it throws) is the
 * last event. `done` settles once the stream is closed: pass it to `ctx.waitUntil`.
 */
export function liveEventStream<T>(work: (emit: (update: LiveUpdate) => void) => Promise<Result<T>>): {
  stream: ReadableStream<Uint8Array>;
  done: Promise<void>;
} {
  const encoder = new TextEncoder();
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  // A reader that went away (the client hung up) must not stop the work: writes just go nowhere.
  const write = (event: LiveEvent) => writer.write(encoder.encode(`${JSON.stringify(event)}\n`)).catch(() => {});
  const done = (async () => {
    let result: Result<T>;
    try {
      result = await work((update) => void write(update));
    } catch (error) {
      console.error("live answer failed", error);
      result = failure("internal", "the answer failed part way; nothing more will come", true);
    }
    await write({ type: "result", result });
    await writer.close().catch(() => {});
  })();
  return { stream: readable, done };
}

/** liveEventStream for an RPC method: the Worker stays alive (`waitUntil`) until the stream is written. */
export function respondLive<T>(
  context: { waitUntil(promise: Promise<unknown>): void },
  work: (emit: (update: LiveUpdate) => void) => Promise<Result<T>>,
): ReadableStream<Uint8Array> {
  const { stream, done } = liveEventStream(work);
  context.waitUntil(done);
  return stream;
}

/** Reads a live stream, calling the listener per update, and resolves with its final Result. */
export async function readLiveEvents<T>(
  stream: ReadableStream<Uint8Array>,
  listener: LiveListener = {},
): Promise<Result<T>> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        return failure("unavailable", `the live answer broke off: ${String(error)}`, true);
      }
      buffer += chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (!line.trim()) continue;
        let raw: unknown;
        try {
          raw = JSON.parse(line);
        } catch {
          return failure("internal", "the live answer sent a line that is not JSON");
        }
        const parsed = liveEventSchema.safeParse(raw);
        if (!parsed.success) return failure("internal", `the live answer sent an unknown event: ${line.slice(0, 120)}`);
        const event = parsed.data;
        if (event.type === "token") listener.onToken?.(event.text);
        else if (event.type === "reset") listener.onReset?.();
        else if (event.type === "tool") listener.onToolCall?.(event.call);
        else return event.result as Result<T>;
      }
      if (chunk.done) return failure("unavailable", "the live answer ended before its result", true);
    }
  } finally {
    reader.releaseLock();
  }
}
