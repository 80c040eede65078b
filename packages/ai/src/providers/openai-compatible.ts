// Any server that speaks OpenAI's chat-completions API: Ollama, vLLM, llama.cpp server, OpenAI.
// Catalog ids ("@cf/meta/llama-3.1-8b-instruct-fast") are mapped to the server's own model names,
// so one model assignment can run against Workers AI in production and Ollama on a laptop.
import { ModelConfigError } from "@ensemble/model-config";
import { z } from "zod";
import { ModelError, codeForStatus, parseRetryAfter } from "../errors.ts";
import { estimateTextTokens, estimateUsage } from "../tokens.ts";
import type { ChatRequest, EmbedRequest, Provider } from "../types.ts";
import { collectChatStream } from "./chat-stream.ts";
import { parseChatCompletion, toWireMessages, toWireTools } from "./openai-format.ts";

export interface OpenAiCompatibleOptions {
  baseUrl: string;
  apiKey?: string;
  /** Catalog id -> the server's model name. Unmapped ids are sent as they are. */
  modelMap?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
}

const PROVIDER = "openai-compatible" as const;

/** Options from `OPENAI_BASE_URL`, `OPENAI_API_KEY` and `OPENAI_MODEL_MAP` (a JSON object). */
export function openAiCompatibleOptionsFromEnv(
  env: Partial<Record<string, string | undefined>>,
): OpenAiCompatibleOptions {
  const baseUrl = env.OPENAI_BASE_URL?.trim();
  if (!baseUrl) throw new ModelConfigError("OPENAI_BASE_URL", "is required when AI_PROVIDER is openai-compatible");
  let modelMap: Record<string, string> | undefined;
  if (env.OPENAI_MODEL_MAP?.trim()) {
    let raw: unknown;
    try {
      raw = JSON.parse(env.OPENAI_MODEL_MAP);
    } catch {
      throw new ModelConfigError("OPENAI_MODEL_MAP", "is not valid JSON");
    }
    const parsed = z.record(z.string(), z.string()).safeParse(raw);
    if (!parsed.success) throw new ModelConfigError("OPENAI_MODEL_MAP", z.prettifyError(parsed.error));
    modelMap = parsed.data;
  }
  return { baseUrl, ...(env.OPENAI_API_KEY ? { apiKey: env.OPENAI_API_KEY } : {}), ...(modelMap ? { modelMap } : {}) };
}

const embeddingsSchema = z.object({
  data: z.array(z.object({ embedding: z.array(z.number()), index: z.number().int().optional() })),
  usage: z
    .object({ prompt_tokens: z.number().int().min(0) })
    .partial()
    .nullish(),
});

export function createOpenAiCompatibleProvider(options: OpenAiCompatibleOptions): Provider {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const serverModel = (model: string) => options.modelMap?.[model] ?? model;

  async function send(path: string, model: string, body: unknown, signal: AbortSignal | undefined): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      // Connection refused, DNS failure: the server is not there, and will not be in 200 ms.
      throw new ModelError(
        "unavailable",
        `cannot reach ${baseUrl}: ${error instanceof Error ? error.message : String(error)}`,
        {
          provider: PROVIDER,
          model,
          retryable: false,
          cause: error,
        },
      );
    }
    if (!response.ok) {
      const detail = (await response.text().catch(() => "")).slice(0, 300);
      throw new ModelError(codeForStatus(response.status), `HTTP ${response.status}${detail ? `: ${detail}` : ""}`, {
        provider: PROVIDER,
        model,
        status: response.status,
        retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
      });
    }
    return response;
  }

  async function post(path: string, model: string, body: unknown, signal: AbortSignal | undefined): Promise<unknown> {
    const response = await send(path, model, body, signal);
    try {
      return await response.json();
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      throw new ModelError("bad_response", "the body is not JSON", {
        provider: PROVIDER,
        model,
        status: response.status,
        cause: error,
      });
    }
  }

  // `include_usage` asks for a last chunk with the token counts; servers that ignore it get estimated.
  async function streamed(
    model: string,
    payload: Record<string, unknown>,
    onText: (delta: string) => void,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    const response = await send(
      "/chat/completions",
      model,
      { ...payload, stream: true, stream_options: { include_usage: true } },
      signal,
    );
    if (!response.body)
      throw new ModelError("bad_response", "the streamed answer has no body", { provider: PROVIDER, model });
    return collectChatStream(response.body, onText, { provider: PROVIDER, model, signal });
  }

  return {
    name: PROVIDER,
    async chat(request: ChatRequest) {
      const started = performance.now();
      const payload = {
        model: serverModel(request.model),
        messages: toWireMessages(request.messages),
        max_tokens: request.maxTokens,
        temperature: request.temperature,
        ...(request.tools?.length ? { tools: toWireTools(request.tools) } : {}),
        ...(request.responseFormat === "json" ? { response_format: { type: "json_object" } } : {}),
      };
      const body = request.onText
        ? await streamed(request.model, payload, request.onText, request.signal)
        : await post("/chat/completions", request.model, payload, request.signal);
      const parsed = parseChatCompletion(body, PROVIDER, request.model);
      return {
        text: parsed.text,
        toolCalls: parsed.toolCalls,
        finishReason: parsed.finishReason,
        // llama.cpp server and some proxies omit usage; the estimate keeps the ledger whole.
        usage: parsed.usage ?? {
          ...estimateUsage(request.messages, request.tools, parsed.text, parsed.toolCalls),
          estimated: true,
        },
        model: request.model,
        provider: PROVIDER,
        latencyMs: performance.now() - started,
      };
    },
    async embed(request: EmbedRequest) {
      const body = await post(
        "/embeddings",
        request.model,
        { model: serverModel(request.model), input: request.texts },
        request.signal,
      );
      const parsed = embeddingsSchema.safeParse(body);
      if (!parsed.success || parsed.data.data.length !== request.texts.length) {
        const detail = parsed.success
          ? `${parsed.data.data.length} vectors for ${request.texts.length} texts`
          : z.prettifyError(parsed.error);
        throw new ModelError("bad_response", `unexpected embeddings body: ${detail}`, {
          provider: PROVIDER,
          model: request.model,
        });
      }
      const ordered = [...parsed.data.data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
      const vectors = ordered.map((item) => item.embedding);
      const reported = parsed.data.usage?.prompt_tokens;
      return {
        vectors,
        dimensions: vectors[0]?.length ?? 0,
        usage:
          reported === undefined
            ? { inputTokens: request.texts.reduce((sum, text) => sum + estimateTextTokens(text), 0), estimated: true }
            : { inputTokens: reported },
        model: request.model,
        provider: PROVIDER,
      };
    },
  };
}
