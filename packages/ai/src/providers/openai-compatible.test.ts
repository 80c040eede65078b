// Contract tests against HTTP responses in the shapes Ollama, vLLM and llama.cpp server return
// (fixtures/openai): status, headers and body replayed through an injected fetch.
import { describe, expect, it } from "vitest";
import { ModelError } from "../errors.ts";
import type { ChatRequest } from "../types.ts";
import llamacppNoUsage from "./fixtures/openai/llamacpp-no-usage.json" with { type: "json" };
import malformedHtml from "./fixtures/openai/malformed-html.json" with { type: "json" };
import ollamaEmbeddings from "./fixtures/openai/ollama-embeddings.json" with { type: "json" };
import ollamaText from "./fixtures/openai/ollama-text.json" with { type: "json" };
import ollamaToolCalls from "./fixtures/openai/ollama-tool-calls.json" with { type: "json" };
import rateLimited from "./fixtures/openai/rate-limited.json" with { type: "json" };
import serverError from "./fixtures/openai/server-error.json" with { type: "json" };
import vllmJsonMode from "./fixtures/openai/vllm-json-mode.json" with { type: "json" };
import wrongShape from "./fixtures/openai/wrong-shape.json" with { type: "json" };
import { createOpenAiCompatibleProvider, openAiCompatibleOptionsFromEnv } from "./openai-compatible.ts";

interface Fixture {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface Sent {
  url: string;
  init: RequestInit;
  body: Record<string, unknown>;
}

function replay(...fixtures: Fixture[]): typeof fetch & { sent: Sent[] } {
  const sent: Sent[] = [];
  const fake = async (input: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(input), init: init ?? {}, body: JSON.parse(String(init?.body ?? "{}")) });
    const fixture = fixtures[Math.min(sent.length - 1, fixtures.length - 1)]!;
    const body = typeof fixture.body === "string" ? fixture.body : JSON.stringify(fixture.body);
    return new Response(body, { status: fixture.status, headers: fixture.headers });
  };
  return Object.assign(fake, { sent }) as typeof fetch & { sent: Sent[] };
}

const MODEL = "@cf/meta/llama-3.1-8b-instruct-fast";

function request(partial: Partial<ChatRequest> = {}): ChatRequest {
  return {
    task: "specialist",
    model: MODEL,
    messages: [{ role: "user", content: "How much protein have I had today?" }],
    maxTokens: 700,
    temperature: 0.2,
    ...partial,
  };
}

describe("openai-compatible provider", () => {
  it("posts to /chat/completions with the mapped model name and the API key", async () => {
    const fetch = replay(ollamaText);
    const provider = createOpenAiCompatibleProvider({
      baseUrl: "http://localhost:11434/v1/",
      apiKey: "sk-test",
      modelMap: { [MODEL]: "llama3.1:8b" },
      fetch,
    });
    const response = await provider.chat(request());
    expect(fetch.sent[0]!.url).toBe("http://localhost:11434/v1/chat/completions");
    expect(fetch.sent[0]!.body.model).toBe("llama3.1:8b");
    expect(fetch.sent[0]!.body.max_tokens).toBe(700);
    expect((fetch.sent[0]!.init.headers as Record<string, string>).authorization).toBe("Bearer sk-test");
    expect(response.text).toBe("You've had 96 g of protein so far today, 64 g short of your 160 g target.");
    expect(response.usage).toEqual({ inputTokens: 388, outputTokens: 24 });
    expect(response.model).toBe(MODEL);
    expect(response.provider).toBe("openai-compatible");
  });

  it("sends unmapped models as they are, and no authorization header without a key", async () => {
    const fetch = replay(ollamaText);
    await createOpenAiCompatibleProvider({ baseUrl: "http://localhost:8000/v1", fetch }).chat(request());
    expect(fetch.sent[0]!.body.model).toBe(MODEL);
    expect((fetch.sent[0]!.init.headers as Record<string, string>).authorization).toBeUndefined();
  });

  it("reads tool calls and sends tools and JSON mode in OpenAI form", async () => {
    const fetch = replay(ollamaToolCalls);
    const tool = {
      name: "log_body_metric",
      description: "Log a body metric",
      parameters: { type: "object", properties: {} },
    };
    const response = await createOpenAiCompatibleProvider({ baseUrl: "http://localhost:11434/v1", fetch }).chat(
      request({ tools: [tool], responseFormat: "json" }),
    );
    expect(fetch.sent[0]!.body.tools).toEqual([{ type: "function", function: tool }]);
    expect(fetch.sent[0]!.body.response_format).toEqual({ type: "json_object" });
    expect(response.toolCalls).toEqual([
      { id: "call_j2k4m1pq", name: "log_body_metric", arguments: { metric: "weight", value: 81.4, unit: "kg" } },
    ]);
    expect(response.finishReason).toBe("tool-calls");
  });

  it("reads a JSON-mode answer as text", async () => {
    const response = await createOpenAiCompatibleProvider({
      baseUrl: "http://vllm:8000/v1",
      fetch: replay(vllmJsonMode),
    }).chat(request({ responseFormat: "json" }));
    expect(JSON.parse(response.text)).toEqual({ domain: "meal", confidence: 0.88, domains: ["meal", "protocol"] });
  });

  it("estimates usage when the server reports none, and reports a length stop", async () => {
    const response = await createOpenAiCompatibleProvider({
      baseUrl: "http://llamacpp:8080/v1",
      fetch: replay(llamacppNoUsage),
    }).chat(request());
    expect(response.usage.estimated).toBe(true);
    expect(response.finishReason).toBe("length");
  });

  it("maps 429 to a retryable rate_limited error carrying Retry-After", async () => {
    const error = (await createOpenAiCompatibleProvider({ baseUrl: "http://x/v1", fetch: replay(rateLimited) })
      .chat(request())
      .catch((caught: unknown) => caught)) as ModelError;
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toMatchObject({ code: "rate_limited", isRetryable: true, retryAfterMs: 2000, status: 429 });
  });

  it("maps 500 to a retryable server_error with the server's message", async () => {
    const error = (await createOpenAiCompatibleProvider({ baseUrl: "http://x/v1", fetch: replay(serverError) })
      .chat(request())
      .catch((caught: unknown) => caught)) as ModelError;
    expect(error).toMatchObject({ code: "server_error", isRetryable: true, status: 500 });
    expect(error.message).toContain("llama runner process has terminated");
  });

  it("maps a body that is not JSON to bad_response", async () => {
    await expect(
      createOpenAiCompatibleProvider({ baseUrl: "http://x/v1", fetch: replay(malformedHtml) }).chat(request()),
    ).rejects.toMatchObject({
      code: "bad_response",
      isRetryable: false,
    });
  });

  it("maps JSON of the wrong shape to bad_response", async () => {
    await expect(
      createOpenAiCompatibleProvider({ baseUrl: "http://x/v1", fetch: replay(wrongShape) }).chat(request()),
    ).rejects.toMatchObject({
      code: "bad_response",
    });
  });

  it("maps a refused connection to a non-retryable unavailable error", async () => {
    const fetch = (async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof globalThis.fetch;
    await expect(
      createOpenAiCompatibleProvider({ baseUrl: "http://x/v1", fetch }).chat(request()),
    ).rejects.toMatchObject({
      code: "unavailable",
      isRetryable: false,
    });
  });

  it("stops a request that never answers when its signal aborts", async () => {
    const fetch = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)),
      )) as unknown as typeof globalThis.fetch;
    const controller = new AbortController();
    const pending = createOpenAiCompatibleProvider({ baseUrl: "http://x/v1", fetch }).chat(
      request({ signal: controller.signal }),
    );
    controller.abort(new Error("gave up"));
    await expect(pending).rejects.toThrow("gave up");
  });

  it("posts to /embeddings and returns vectors in input order", async () => {
    const fetch = replay(ollamaEmbeddings);
    const response = await createOpenAiCompatibleProvider({
      baseUrl: "http://x/v1",
      modelMap: { "@cf/baai/bge-base-en-v1.5": "nomic-embed-text" },
      fetch,
    }).embed({
      model: "@cf/baai/bge-base-en-v1.5",
      texts: ["oats", "banana"],
    });
    expect(fetch.sent[0]!.url).toBe("http://x/v1/embeddings");
    expect(fetch.sent[0]!.body).toEqual({ model: "nomic-embed-text", input: ["oats", "banana"] });
    // The fixture lists index 1 first.
    expect(response.vectors[0]).toEqual(ollamaEmbeddings.body.data[1]!.embedding);
    expect(response.dimensions).toBe(768);
    expect(response.usage).toEqual({ inputTokens: 9 });
  });
});

describe("openAiCompatibleOptionsFromEnv", () => {
  it("reads base URL, key and model map", () => {
    expect(
      openAiCompatibleOptionsFromEnv({
        OPENAI_BASE_URL: "http://localhost:11434/v1",
        OPENAI_API_KEY: "k",
        OPENAI_MODEL_MAP: '{"@cf/zai-org/glm-4.7-flash":"qwen2.5:7b"}',
      }),
    ).toEqual({
      baseUrl: "http://localhost:11434/v1",
      apiKey: "k",
      modelMap: { "@cf/zai-org/glm-4.7-flash": "qwen2.5:7b" },
    });
  });

  it("names the variable at fault", () => {
    expect(() => openAiCompatibleOptionsFromEnv({})).toThrow("OPENAI_BASE_URL");
    expect(() => openAiCompatibleOptionsFromEnv({ OPENAI_BASE_URL: "http://x", OPENAI_MODEL_MAP: "{oops" })).toThrow(
      "OPENAI_MODEL_MAP",
    );
    expect(() => openAiCompatibleOptionsFromEnv({ OPENAI_BASE_URL: "http://x", OPENAI_MODEL_MAP: '{"a":1}' })).toThrow(
      "OPENAI_MODEL_MAP",
    );
  });
});
