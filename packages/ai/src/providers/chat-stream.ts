// Reads a streamed chat answer (server-sent events) into the body the same request would have
// returned unstreamed, calling `onText` with each piece of reply text as it arrives. Two chunk
// shapes exist: Llama on Workers AI sends `{ response, tool_calls?, usage? }` per event; OpenAI's
// API (Ollama, vLLM, llama.cpp server, GLM on Workers AI) sends `{ choices: [{ delta }], usage? }`
// with tool calls in indexed pieces. The rebuilt body goes through the providers' usual parsers,
// so a streamed answer is checked exactly like a whole one.
import { z } from "zod";
import { ModelError } from "../errors.ts";
import type { ProviderName } from "../types.ts";

const usageSchema = z
  .object({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0) })
  .partial()
  .nullish();

const chunkSchema = z.object({
  response: z.string().nullish(),
  tool_calls: z.array(z.unknown()).nullish(),
  choices: z
    .array(
      z.object({
        delta: z
          .object({
            content: z.string().nullish(),
            tool_calls: z
              .array(
                z.object({
                  index: z.number().int().min(0).optional(),
                  id: z.string().nullish(),
                  function: z.object({ name: z.string().nullish(), arguments: z.unknown() }).partial().nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: usageSchema,
});

/** The `data:` payloads of a server-sent-event stream, one per event. */
export async function* serverSentData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? `${decoder.decode()}\n\n` : decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, "");
        buffer = buffer.slice(newline + 1);
        if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
        else if (line === "" && data.length > 0) {
          yield data.join("\n");
          data = [];
        }
      }
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}

class StreamFormatError extends Error {}

/**
 * Consumes the stream and returns `{ response, tool_calls, usage }` for Llama-shaped chunks or a
 * chat completion (`{ choices: [{ message }], usage }`) for OpenAI-shaped ones. A garbled event is
 * a `bad_response`; a stream that breaks off is a retryable `server_error` (another attempt may
 * well get through); a cancelled one rethrows the signal's reason.
 */
export async function collectChatStream(
  body: ReadableStream<Uint8Array>,
  onText: (delta: string) => void,
  source: {
    provider: ProviderName;
    model: string;
    signal?: AbortSignal | undefined;
    /** How the backend's own errors read, when it has codes of its own (Workers AI does). */
    brokenStream?: (error: unknown) => ModelError;
  },
): Promise<Record<string, unknown>> {
  const { provider, model, signal } = source;
  try {
    return await readChatStream(body, onText);
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    if (error instanceof StreamFormatError) throw new ModelError("bad_response", error.message, { provider, model });
    if (source.brokenStream) throw source.brokenStream(error);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelError("server_error", `the stream broke: ${reason}`, { provider, model, cause: error });
  }
}

async function readChatStream(
  body: ReadableStream<Uint8Array>,
  onText: (delta: string) => void,
): Promise<Record<string, unknown>> {
  let text = "";
  let openAiShape = false;
  let finishReason: string | undefined;
  let usage: z.infer<typeof usageSchema>;
  const wholeToolCalls: unknown[] = [];
  const pieces: { id: string; name: string; arguments: string }[] = [];

  for await (const data of serverSentData(body)) {
    if (data === "[DONE]") break;
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      throw new StreamFormatError(`a streamed event is not JSON: ${data.slice(0, 120)}`);
    }
    const parsed = chunkSchema.safeParse(raw);
    if (!parsed.success) throw new StreamFormatError(`unexpected streamed event: ${z.prettifyError(parsed.error)}`);
    const chunk = parsed.data;
    if (chunk.usage) usage = chunk.usage;
    if (chunk.response) {
      text += chunk.response;
      onText(chunk.response);
    }
    if (chunk.tool_calls) wholeToolCalls.push(...chunk.tool_calls);
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    openAiShape = true;
    if (choice.finish_reason) finishReason = choice.finish_reason;
    const content = choice.delta?.content;
    if (content) {
      text += content;
      onText(content);
    }
    for (const part of choice.delta?.tool_calls ?? []) {
      const slot = (pieces[part.index ?? 0] ??= { id: "", name: "", arguments: "" });
      if (part.id) slot.id = part.id;
      if (part.function?.name) slot.name += part.function.name;
      const argumentsPiece = part.function?.arguments;
      if (typeof argumentsPiece === "string") slot.arguments += argumentsPiece;
      else if (argumentsPiece !== undefined && argumentsPiece !== null)
        slot.arguments += JSON.stringify(argumentsPiece);
    }
  }

  if (!openAiShape) return { response: text, tool_calls: wholeToolCalls, ...(usage ? { usage } : {}) };
  const toolCalls = pieces
    .filter((piece) => piece !== undefined)
    .map((piece) => ({
      ...(piece.id ? { id: piece.id } : {}),
      function: { name: piece.name, arguments: piece.arguments },
    }));
  return {
    choices: [{ message: { content: text, tool_calls: toolCalls }, finish_reason: finishReason ?? null }],
    ...(usage ? { usage } : {}),
  };
}
