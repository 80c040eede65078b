// Workers AI through the `AI` binding. Two response shapes come back from the same binding:
// Llama models answer `{ response, tool_calls, usage }`, GLM-4.7-flash answers an OpenAI chat
// completion. Both are normalised here, so nothing above this file knows which model ran.
import { z } from "zod";
import { ModelError, type ModelErrorCode, codeForStatus } from "../errors.ts";
import { collectChatStream } from "./chat-stream.ts";
import { estimateTextTokens, estimateUsage } from "../tokens.ts";
import type { ChatRequest, ChatResponse, EmbedRequest, EmbedResponse, Provider, ToolSpec } from "../types.ts";
import {
  parseChatCompletion,
  parseToolArguments,
  stripThinking,
  toWireMessages,
  toWireTools,
  usageOf,
} from "./openai-format.ts";

/** The part of the `Ai` binding this provider uses; the real binding satisfies it. */
export interface AiBinding {
  run(model: string, inputs: unknown, options?: { gateway?: { id: string }; signal?: AbortSignal }): Promise<unknown>;
}

export interface WorkersAiProviderOptions {
  ai: AiBinding;
  /** An AI Gateway id (`AI_GATEWAY_ID`): adds caching, logs and rate limits in front of the models. */
  gatewayId?: string;
}

/** Workers AI caps one embedding call at 100 texts. */
export const EMBEDDING_BATCH_SIZE = 100;

const PROVIDER = "workers-ai" as const;

// Llama 3.x on Workers AI documents tools in the flat `{ name, description, parameters }` form;
// newer models (Llama 4, GLM) take OpenAI's `{ type: "function", function }` form.
function usesFlatTools(model: string): boolean {
  return model.startsWith("@cf/meta/llama-3");
}

function isGlm(model: string): boolean {
  return model.startsWith("@cf/zai-org/glm");
}

export function buildWorkersAiInputs(request: ChatRequest): Record<string, unknown> {
  const inputs: Record<string, unknown> = {
    messages: toWireMessages(request.messages),
    max_tokens: request.maxTokens,
    temperature: request.temperature,
  };
  if (request.tools?.length)
    inputs.tools = usesFlatTools(request.model) ? flatTools(request.tools) : toWireTools(request.tools);
  if (request.responseFormat === "json") inputs.response_format = { type: "json_object" };
  // GLM thinks by default, which triples latency and spends output tokens on text nobody reads.
  if (isGlm(request.model)) inputs.chat_template_kwargs = { enable_thinking: request.reasoning === true };
  return inputs;
}

function flatTools(tools: ToolSpec[]): Record<string, unknown>[] {
  return tools.map((tool) => ({ name: tool.name, description: tool.description, parameters: tool.parameters }));
}

// Llama returns tool calls either flat (`{ name, arguments }`, Llama 3.x) or OpenAI-like
// (`{ id, type, function: { name, arguments } }`, Llama 4); arguments may be an object or a string.
const llamaToolCallSchema = z.union([
  z.object({ id: z.string().optional(), function: z.object({ name: z.string(), arguments: z.unknown() }) }),
  z.object({ name: z.string(), arguments: z.unknown() }),
]);

const llamaResponseSchema = z.object({
  // JSON mode sometimes hands back the parsed object instead of its text.
  response: z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown()), z.null()]).optional(),
  tool_calls: z.array(llamaToolCallSchema).nullish(),
  usage: z
    .object({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0) })
    .partial()
    .nullish(),
});

export function normaliseWorkersAiChat(body: unknown, request: ChatRequest, latencyMs: number): ChatResponse {
  const base = { model: request.model, provider: PROVIDER, latencyMs };
  if (body && typeof body === "object" && "choices" in body) {
    const parsed = parseChatCompletion(body, PROVIDER, request.model);
    const usage = parsed.usage ?? {
      ...estimateUsage(request.messages, request.tools, parsed.text, parsed.toolCalls),
      estimated: true,
    };
    return { text: parsed.text, toolCalls: parsed.toolCalls, finishReason: parsed.finishReason, usage, ...base };
  }
  const result = llamaResponseSchema.safeParse(body);
  if (!result.success || (result.data.response === undefined && !result.data.tool_calls)) {
    const detail = result.success ? "neither response nor tool_calls" : z.prettifyError(result.error);
    throw new ModelError("bad_response", `unexpected Workers AI body: ${detail}`, {
      provider: PROVIDER,
      model: request.model,
    });
  }
  const { response, tool_calls } = result.data;
  const text =
    typeof response === "string" ? stripThinking(response) : response == null ? "" : JSON.stringify(response);
  const toolCalls = (tool_calls ?? []).map((call, index) => {
    const flat = "function" in call ? { id: call.id, ...call.function } : { id: undefined, ...call };
    return { id: flat.id ?? `call_${index + 1}`, name: flat.name, arguments: parseToolArguments(flat.arguments) };
  });
  const usage = usageOf(result.data.usage) ?? {
    ...estimateUsage(request.messages, request.tools, text, toolCalls),
    estimated: true,
  };
  return { text, toolCalls, finishReason: toolCalls.length > 0 ? "tool-calls" : "stop", usage, ...base };
}

// Workers AI reports failures as exceptions whose message carries an internal code, e.g.
// "3040: Capacity temporarily exceeded". The table is Cloudflare's Workers AI errors page.
const INTERNAL_CODES: Record<string, { code: ModelErrorCode; retryable?: boolean }> = {
  "3040": { code: "rate_limited" }, // out of capacity: transient
  "3036": { code: "rate_limited", retryable: false }, // daily free allocation used up: retrying won't help today
  "3007": { code: "timeout" },
  "3008": { code: "timeout" },
  "3006": { code: "bad_request" },
  "3003": { code: "bad_request" },
  "5004": { code: "bad_request" },
  "5006": { code: "bad_request" },
  "5007": { code: "unavailable" }, // no such model
  "3042": { code: "unavailable" },
  "3041": { code: "unavailable" },
  "5018": { code: "unavailable" },
  "5016": { code: "unavailable" }, // model licence not accepted
  "3023": { code: "unavailable" },
};

export function workersAiError(error: unknown, model: string): ModelError {
  if (error instanceof ModelError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const internal = /\b([35]\d{3})\b/.exec(message)?.[1];
  const known = internal ? INTERNAL_CODES[internal] : undefined;
  if (known) {
    return new ModelError(known.code, message, { provider: PROVIDER, model, retryable: known.retryable, cause: error });
  }
  const status =
    typeof (error as { status?: unknown })?.status === "number" ? (error as { status: number }).status : undefined;
  const code = status === undefined ? "server_error" : codeForStatus(status);
  return new ModelError(code, message, { provider: PROVIDER, model, status, cause: error });
}

const embeddingSchema = z.object({
  shape: z.array(z.number()).optional(),
  data: z.array(z.array(z.number())),
});

export function createWorkersAiProvider(options: WorkersAiProviderOptions): Provider {
  const runOptions = (signal: AbortSignal | undefined) => ({
    ...(options.gatewayId ? { gateway: { id: options.gatewayId } } : {}),
    ...(signal ? { signal } : {}),
  });

  async function run(model: string, inputs: unknown, signal: AbortSignal | undefined): Promise<unknown> {
    try {
      return await options.ai.run(model, inputs, runOptions(signal));
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      throw workersAiError(error, model);
    }
  }

  return {
    name: PROVIDER,
    async chat(request) {
      const started = performance.now();
      const { onText } = request;
      const inputs = buildWorkersAiInputs(request);
      const body = await run(request.model, onText ? { ...inputs, stream: true } : inputs, request.signal);
      const streamed = onText !== undefined && body instanceof ReadableStream;
      const answer = streamed
        ? await collectChatStream(body, onText, {
            provider: PROVIDER,
            model: request.model,
            signal: request.signal,
            brokenStream: (error) => workersAiError(error, request.model),
          })
        : body;
      const response = normaliseWorkersAiChat(answer, request, performance.now() - started);
      // A model that ignores `stream` answers whole: its text is then one piece.
      if (onText && !streamed && response.text) onText(response.text);
      return response;
    },
    async embed(request: EmbedRequest): Promise<EmbedResponse> {
      const vectors: number[][] = [];
      for (let start = 0; start < request.texts.length; start += EMBEDDING_BATCH_SIZE) {
        const batch = request.texts.slice(start, start + EMBEDDING_BATCH_SIZE);
        const body = await run(request.model, { text: batch }, request.signal);
        const parsed = embeddingSchema.safeParse(body);
        if (!parsed.success || parsed.data.data.length !== batch.length) {
          const detail = parsed.success
            ? `${parsed.data.data.length} vectors for ${batch.length} texts`
            : z.prettifyError(parsed.error);
          throw new ModelError("bad_response", `unexpected embedding body: ${detail}`, {
            provider: PROVIDER,
            model: request.model,
          });
        }
        vectors.push(...parsed.data.data);
      }
      return {
        vectors,
        dimensions: vectors[0]?.length ?? 0,
        // The embedding endpoint reports no usage; bge bills by input tokens, so estimate them.
        usage: { inputTokens: request.texts.reduce((sum, text) => sum + estimateTextTokens(text), 0), estimated: true },
        model: request.model,
        provider: PROVIDER,
      };
    },
  };
}
