// Streamed answers in the event shapes Workers AI (Llama: `{ response }` per event, usage last)
// and OpenAI-compatible servers (`choices[0].delta`, tool calls in indexed pieces) document,
// delivered in awkward chunks: split mid-line, mid-character, with CRLF line ends.
import { describe, expect, it } from "vitest";
import { ModelError } from "../errors.ts";
import type { ChatRequest } from "../types.ts";
import { collectChatStream, serverSentData } from "./chat-stream.ts";
import { createOpenAiCompatibleProvider } from "./openai-compatible.ts";
import { type AiBinding, createWorkersAiProvider } from "./workers-ai.ts";

/** An SSE body whose bytes arrive `size` at a time, so every boundary case gets hit. */
function eventStream(payloads: string[], options: { size?: number; lineEnd?: string; breakAfter?: number } = {}) {
  const lineEnd = options.lineEnd ?? "\n";
  const bytes = new TextEncoder().encode(payloads.map((data) => `data: ${data}${lineEnd}${lineEnd}`).join(""));
  const size = options.size ?? 7;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (options.breakAfter !== undefined && offset >= options.breakAfter) {
        controller.error(new Error("connection reset"));
        return;
      }
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

const SOURCE = { provider: "workers-ai", model: "@cf/meta/llama-3.1-8b-instruct-fast" } as const;

const llamaEvents = [
  JSON.stringify({ response: "Logged " }),
  JSON.stringify({ response: "150 g chicken — " }),
  JSON.stringify({ response: "48 g protein." }),
  JSON.stringify({ response: "", usage: { prompt_tokens: 812, completion_tokens: 14 } }),
  "[DONE]",
];

const openAiToolEvents = [
  JSON.stringify({ choices: [{ delta: { role: "assistant", content: null } }] }),
  JSON.stringify({
    choices: [{ delta: { tool_calls: [{ index: 0, id: "call_1", function: { name: "log_meal", arguments: "" } }] } }],
  }),
  JSON.stringify({ choices: [{ delta: { tool_calls: [{ index: 0, function: { arguments: '{"meal":' } }] } }] }),
  JSON.stringify({ choices: [{ delta: { tool_calls: [{ index: 0, function: { arguments: '"lunch"}' } }] } }] }),
  JSON.stringify({ choices: [{ delta: {}, finish_reason: "tool_calls" }] }),
  JSON.stringify({ choices: [], usage: { prompt_tokens: 640, completion_tokens: 21 } }),
  "[DONE]",
];

function request(partial: Partial<ChatRequest> = {}): ChatRequest {
  return {
    task: "specialist",
    model: "@cf/meta/llama-3.1-8b-instruct-fast",
    messages: [{ role: "user", content: "I had 150 g chicken breast for lunch" }],
    maxTokens: 700,
    temperature: 0.2,
    ...partial,
  };
}

function workersAi(answer: (inputs: Record<string, unknown>) => unknown): AiBinding & { inputs: unknown[] } {
  const inputs: unknown[] = [];
  return {
    inputs,
    async run(_model, given) {
      inputs.push(given);
      return answer(given as Record<string, unknown>);
    },
  };
}

describe("serverSentData", () => {
  it("yields each event's data whatever the chunking and line ends", async () => {
    for (const size of [1, 3, 64])
      for (const lineEnd of ["\n", "\r\n"]) {
        const seen: string[] = [];
        for await (const data of serverSentData(eventStream(["héllo 🥗", "[DONE]"], { size, lineEnd })))
          seen.push(data);
        expect(seen).toEqual(["héllo 🥗", "[DONE]"]);
      }
  });
});

describe("collectChatStream", () => {
  it("rebuilds a Llama body and hands out each piece of text as it arrives", async () => {
    const pieces: string[] = [];
    const body = await collectChatStream(eventStream(llamaEvents), (text) => pieces.push(text), SOURCE);
    expect(pieces).toEqual(["Logged ", "150 g chicken — ", "48 g protein."]);
    expect(body).toEqual({
      response: "Logged 150 g chicken — 48 g protein.",
      tool_calls: [],
      usage: { prompt_tokens: 812, completion_tokens: 14 },
    });
  });

  it("joins OpenAI tool-call pieces by index into whole calls", async () => {
    const pieces: string[] = [];
    const body = await collectChatStream(eventStream(openAiToolEvents), (text) => pieces.push(text), SOURCE);
    expect(pieces).toEqual([]);
    expect(body).toEqual({
      choices: [
        {
          message: {
            content: "",
            tool_calls: [{ id: "call_1", function: { name: "log_meal", arguments: '{"meal":"lunch"}' } }],
          },
          finish_reason: "tool_calls",
        },
      ],
      usage: { prompt_tokens: 640, completion_tokens: 21 },
    });
  });

  it("refuses an event that is not JSON", async () => {
    await expect(collectChatStream(eventStream(["not json"]), () => {}, SOURCE)).rejects.toThrow(/not JSON/);
  });
});

describe("Workers AI provider, streamed", () => {
  it("asks for a stream only when someone listens, and returns the same response as unstreamed", async () => {
    const ai = workersAi((inputs) =>
      inputs.stream
        ? eventStream(llamaEvents)
        : { response: "Logged 150 g chicken — 48 g protein.", usage: { prompt_tokens: 812, completion_tokens: 14 } },
    );
    const provider = createWorkersAiProvider({ ai });
    const pieces: string[] = [];
    const streamed = await provider.chat(request({ onText: (text) => pieces.push(text) }));
    const whole = await provider.chat(request());
    expect((ai.inputs[0] as { stream?: boolean }).stream).toBe(true);
    expect((ai.inputs[1] as { stream?: boolean }).stream).toBeUndefined();
    expect(pieces.join("")).toBe(streamed.text);
    expect({ ...streamed, latencyMs: 0 }).toEqual({ ...whole, latencyMs: 0 });
  });

  it("reads GLM's OpenAI-shaped stream, tool calls included", async () => {
    const provider = createWorkersAiProvider({ ai: workersAi(() => eventStream(openAiToolEvents)) });
    const response = await provider.chat(request({ model: "@cf/zai-org/glm-4.7-flash", onText: () => {} }));
    expect(response.toolCalls).toEqual([{ id: "call_1", name: "log_meal", arguments: { meal: "lunch" } }]);
    expect(response.finishReason).toBe("tool-calls");
    expect(response.usage).toEqual({ inputTokens: 640, outputTokens: 21 });
  });

  it("treats a model that ignores `stream` as one piece", async () => {
    const provider = createWorkersAiProvider({ ai: workersAi(() => ({ response: "Done." })) });
    const pieces: string[] = [];
    const response = await provider.chat(request({ onText: (text) => pieces.push(text) }));
    expect(pieces).toEqual(["Done."]);
    expect(response.text).toBe("Done.");
  });

  it("turns a garbled stream into a bad_response error", async () => {
    const provider = createWorkersAiProvider({ ai: workersAi(() => eventStream(['{"response": 5}'])) });
    const failure = await provider.chat(request({ onText: () => {} })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelError);
    expect((failure as ModelError).code).toBe("bad_response");
  });
});

describe("OpenAI-compatible provider, streamed", () => {
  function server(body: () => ReadableStream<Uint8Array>) {
    const sent: Record<string, unknown>[] = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)));
      return new Response(body(), { status: 200, headers: { "content-type": "text/event-stream" } });
    }) as unknown as typeof globalThis.fetch;
    return { sent, provider: createOpenAiCompatibleProvider({ baseUrl: "http://127.0.0.1:11434/v1", fetch }) };
  }

  it("streams text and asks for the usage chunk", async () => {
    const events = ["Two eggs", " are about", " 12 g protein."].map((content) =>
      JSON.stringify({ choices: [{ delta: { content } }] }),
    );
    const { sent, provider } = server(() =>
      eventStream([...events, JSON.stringify({ choices: [{ delta: {}, finish_reason: "stop" }] }), "[DONE]"]),
    );
    const pieces: string[] = [];
    const response = await provider.chat(request({ onText: (text) => pieces.push(text) }));
    expect(sent[0]).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(pieces).toEqual(["Two eggs", " are about", " 12 g protein."]);
    expect(response.text).toBe("Two eggs are about 12 g protein.");
    // No usage chunk came: the counts are estimated, and say so.
    expect(response.usage.estimated).toBe(true);
  });

  it("reports a stream that breaks off as a retryable server error", async () => {
    const { provider } = server(() => eventStream(llamaEvents, { breakAfter: 14 }));
    const failure = await provider.chat(request({ onText: () => {} })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ModelError);
    expect((failure as ModelError).code).toBe("server_error");
    expect((failure as ModelError).isRetryable).toBe(true);
  });
});
