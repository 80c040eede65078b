// Contract tests against response bodies in the shapes Workers AI documents for each model
// family (fixtures/workers-ai). The binding is replaced by a function that returns the fixture.
import { describe, expect, it } from "vitest";
import { ModelError } from "../errors.ts";
import type { ChatRequest } from "../types.ts";
import bgeEmbedding from "./fixtures/workers-ai/bge-base-embedding.json" with { type: "json" };
import errors from "./fixtures/workers-ai/errors.json" with { type: "json" };
import glmText from "./fixtures/workers-ai/glm-4.7-flash-text.json" with { type: "json" };
import glmToolCalls from "./fixtures/workers-ai/glm-4.7-flash-tool-calls.json" with { type: "json" };
import llamaJsonMode from "./fixtures/workers-ai/llama-3.1-8b-json-mode.json" with { type: "json" };
import llamaText from "./fixtures/workers-ai/llama-3.1-8b-text.json" with { type: "json" };
import llamaStringArguments from "./fixtures/workers-ai/llama-3.1-8b-tool-calls-string-arguments.json" with { type: "json" };
import llamaToolCalls from "./fixtures/workers-ai/llama-3.1-8b-tool-calls.json" with { type: "json" };
import scoutToolCalls from "./fixtures/workers-ai/llama-4-scout-tool-calls.json" with { type: "json" };
import malformed from "./fixtures/workers-ai/malformed.json" with { type: "json" };
import { type AiBinding, createWorkersAiProvider } from "./workers-ai.ts";

const LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast";
const GLM = "@cf/zai-org/glm-4.7-flash";

interface Recorded {
  model: string;
  inputs: Record<string, unknown>;
  options: { gateway?: { id: string }; signal?: AbortSignal } | undefined;
}

function binding(
  answer: (model: string, inputs: Record<string, unknown>) => unknown,
): AiBinding & { runs: Recorded[] } {
  const runs: Recorded[] = [];
  return {
    runs,
    async run(model, inputs, options) {
      runs.push({ model, inputs: inputs as Record<string, unknown>, options });
      const value = answer(model, inputs as Record<string, unknown>);
      if (value instanceof Error) throw value;
      return value;
    },
  };
}

function request(partial: Partial<ChatRequest> = {}): ChatRequest {
  return {
    task: "specialist",
    model: LLAMA,
    messages: [
      { role: "system", content: "You log meals." },
      { role: "user", content: "I had 150 g chicken breast for lunch" },
    ],
    maxTokens: 700,
    temperature: 0.2,
    ...partial,
  };
}

const tool = {
  name: "log_meal",
  description: "Log a meal",
  parameters: { type: "object", properties: { meal: { type: "string" } }, required: ["meal"] },
};

describe("workers-ai provider: responses", () => {
  it("reads a Llama plain-text answer with its usage", async () => {
    const provider = createWorkersAiProvider({ ai: binding(() => llamaText) });
    const response = await provider.chat(request());
    expect(response.text).toContain("5x5 at 100 kg");
    expect(response.toolCalls).toEqual([]);
    expect(response.finishReason).toBe("stop");
    expect(response.usage).toEqual({ inputTokens: 212, outputTokens: 31 });
    expect(response.provider).toBe("workers-ai");
    expect(response.model).toBe(LLAMA);
  });

  it("reads Llama 3 flat tool calls with object arguments and gives them ids", async () => {
    const provider = createWorkersAiProvider({ ai: binding(() => llamaToolCalls) });
    const response = await provider.chat(request({ tools: [tool] }));
    expect(response.finishReason).toBe("tool-calls");
    expect(response.text).toBe("");
    expect(response.toolCalls).toEqual([
      {
        id: "call_1",
        name: "log_meal",
        arguments: { items: [{ food: "chicken breast", quantity: 150, unit: "g" }], meal: "lunch" },
      },
    ]);
  });

  it("parses tool-call arguments sent as JSON strings", async () => {
    const provider = createWorkersAiProvider({ ai: binding(() => llamaStringArguments) });
    const response = await provider.chat(request({ tools: [tool] }));
    expect(response.toolCalls.map((call) => [call.name, call.arguments])).toEqual([
      ["log_supplement", { name: "creatine", dose: 5, unit: "g" }],
      ["get_day_summary", { date: "2026-03-14" }],
    ]);
  });

  it("reads Llama 4's OpenAI-like tool calls and keeps their ids", async () => {
    const provider = createWorkersAiProvider({ ai: binding(() => scoutToolCalls) });
    const response = await provider.chat(request({ model: "@cf/meta/llama-4-scout-17b-16e-instruct", tools: [tool] }));
    expect(response.toolCalls).toEqual([
      {
        id: "chatcmpl-tool-8f2c1e4b9d7a4c0f",
        name: "log_workout",
        arguments: { exercise: "back squat", sets: 5, reps: 5, weightKg: 100 },
      },
    ]);
  });

  it("reads GLM's chat-completion tool calls (string arguments) and usage", async () => {
    const provider = createWorkersAiProvider({ ai: binding(() => glmToolCalls) });
    const response = await provider.chat(request({ model: GLM, tools: [tool] }));
    expect(response.toolCalls).toEqual([
      {
        id: "chatcmpl-tool-a3c91f0e5b7d4e2a",
        name: "log_meal",
        arguments: { items: [{ food: "white rice", quantity: 1, unit: "cup" }], meal: "dinner" },
      },
    ]);
    expect(response.usage).toEqual({ inputTokens: 1187, outputTokens: 46 });
    expect(response.finishReason).toBe("tool-calls");
  });

  it("reads GLM's chat-completion text", async () => {
    const provider = createWorkersAiProvider({ ai: binding(() => glmText) });
    const response = await provider.chat(request({ model: GLM }));
    expect(response.text).toBe("Logged 1 cup of white rice (about 205 kcal) for dinner.");
    expect(response.finishReason).toBe("stop");
  });

  it("turns a JSON-mode answer that arrives as an object back into JSON text", async () => {
    const provider = createWorkersAiProvider({ ai: binding(() => llamaJsonMode) });
    const response = await provider.chat(request({ task: "router", responseFormat: "json" }));
    expect(JSON.parse(response.text)).toEqual({ domain: "protocol", confidence: 0.93, domains: ["protocol"] });
  });

  it("estimates usage, marked as estimated, when the body has none", async () => {
    const provider = createWorkersAiProvider({ ai: binding(() => ({ response: "Logged." })) });
    const response = await provider.chat(request());
    expect(response.usage.estimated).toBe(true);
    expect(response.usage.inputTokens).toBeGreaterThan(0);
    expect(response.usage.outputTokens).toBe(2);
  });

  it("throws a non-retryable bad_response for a body of the wrong shape", async () => {
    const provider = createWorkersAiProvider({ ai: binding(() => malformed) });
    const error = await provider.chat(request()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).code).toBe("bad_response");
    expect((error as ModelError).isRetryable).toBe(false);
  });

  it("throws bad_response for a chat completion without choices", async () => {
    const provider = createWorkersAiProvider({ ai: binding(() => ({ ...glmText, choices: [] })) });
    await expect(provider.chat(request({ model: GLM }))).rejects.toMatchObject({ code: "bad_response" });
  });
});

describe("workers-ai provider: requests", () => {
  it("sends Llama 3 tools flat, and JSON mode as response_format", async () => {
    const ai = binding(() => llamaText);
    await createWorkersAiProvider({ ai }).chat(request({ tools: [tool], responseFormat: "json" }));
    const inputs = ai.runs[0]!.inputs;
    expect(inputs.tools).toEqual([tool]);
    expect(inputs.response_format).toEqual({ type: "json_object" });
    expect(inputs.max_tokens).toBe(700);
    expect(inputs.temperature).toBe(0.2);
    expect(inputs.chat_template_kwargs).toBeUndefined();
  });

  it("sends GLM tools in OpenAI form and turns thinking off unless reasoning is asked for", async () => {
    const ai = binding(() => glmText);
    const provider = createWorkersAiProvider({ ai });
    await provider.chat(request({ model: GLM, tools: [tool] }));
    await provider.chat(request({ model: GLM, reasoning: true }));
    expect(ai.runs[0]!.inputs.tools).toEqual([{ type: "function", function: tool }]);
    expect(ai.runs[0]!.inputs.chat_template_kwargs).toEqual({ enable_thinking: false });
    expect(ai.runs[1]!.inputs.chat_template_kwargs).toEqual({ enable_thinking: true });
  });

  it("sends images to the vision model as data-URI image_url parts", async () => {
    const ai = binding(() => ({ response: '{"items":[]}' }));
    await createWorkersAiProvider({ ai }).chat(
      request({
        task: "vision",
        model: "@cf/meta/llama-3.2-11b-vision-instruct",
        messages: [
          {
            role: "user",
            content: [
              { type: "text", text: "What food is this?" },
              { type: "image", mediaType: "image/jpeg", data: "/9j/4AAQ" },
            ],
          },
        ],
      }),
    );
    expect(ai.runs[0]!.inputs.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "What food is this?" },
          { type: "image_url", image_url: { url: "data:image/jpeg;base64,/9j/4AAQ" } },
        ],
      },
    ]);
  });

  it("replays earlier tool calls and results in the conversation", async () => {
    const ai = binding(() => llamaText);
    await createWorkersAiProvider({ ai }).chat(
      request({
        messages: [
          { role: "user", content: "log it" },
          {
            role: "assistant",
            content: "",
            toolCalls: [{ id: "call_1", name: "log_meal", arguments: { meal: "lunch" } }],
          },
          { role: "tool", toolCallId: "call_1", name: "log_meal", content: '{"ok":true}' },
        ],
      }),
    );
    const messages = ai.runs[0]!.inputs.messages as Record<string, unknown>[];
    expect(messages[1]).toEqual({
      role: "assistant",
      content: "",
      tool_calls: [{ id: "call_1", type: "function", function: { name: "log_meal", arguments: '{"meal":"lunch"}' } }],
    });
    expect(messages[2]).toEqual({ role: "tool", tool_call_id: "call_1", name: "log_meal", content: '{"ok":true}' });
  });

  it("routes through AI Gateway when a gateway id is set, and passes the abort signal", async () => {
    const ai = binding(() => llamaText);
    const controller = new AbortController();
    await createWorkersAiProvider({ ai, gatewayId: "ensemble-prod" }).chat(request({ signal: controller.signal }));
    expect(ai.runs[0]!.options?.gateway).toEqual({ id: "ensemble-prod" });
    expect(ai.runs[0]!.options?.signal).toBe(controller.signal);
  });

  it("sends no gateway option without a gateway id", async () => {
    const ai = binding(() => llamaText);
    await createWorkersAiProvider({ ai }).chat(request());
    expect(ai.runs[0]!.options?.gateway).toBeUndefined();
  });
});

describe("workers-ai provider: errors", () => {
  const cases: [keyof typeof errors, string, boolean][] = [
    ["capacity", "rate_limited", true],
    ["dailyLimit", "rate_limited", false],
    ["noSuchModel", "unavailable", false],
    ["timeout", "timeout", true],
    ["upstream", "server_error", true],
  ];
  for (const [name, code, retryable] of cases) {
    it(`maps "${name}" to ${code} (retryable: ${retryable})`, async () => {
      const provider = createWorkersAiProvider({ ai: binding(() => new Error(errors[name])) });
      const error = (await provider.chat(request()).catch((caught: unknown) => caught)) as ModelError;
      expect(error).toBeInstanceOf(ModelError);
      expect(error.code).toBe(code);
      expect(error.isRetryable).toBe(retryable);
      expect(error.provider).toBe("workers-ai");
      expect(error.model).toBe(LLAMA);
    });
  }
});

describe("workers-ai provider: embeddings", () => {
  it("reads bge vectors", async () => {
    const provider = createWorkersAiProvider({ ai: binding(() => bgeEmbedding) });
    const response = await provider.embed({
      model: "@cf/baai/bge-base-en-v1.5",
      texts: ["chicken breast", "white rice"],
    });
    expect(response.vectors).toHaveLength(2);
    expect(response.dimensions).toBe(768);
    expect(response.usage.estimated).toBe(true);
  });

  it("splits more than 100 texts into calls of at most 100", async () => {
    const ai = binding((_, inputs) => {
      const texts = inputs.text as string[];
      return { shape: [texts.length, 3], data: texts.map((_text, index) => [index, 0, 0]) };
    });
    const texts = Array.from({ length: 250 }, (_, index) => `food ${index}`);
    const response = await createWorkersAiProvider({ ai }).embed({ model: "@cf/baai/bge-base-en-v1.5", texts });
    expect(ai.runs.map((run) => (run.inputs.text as string[]).length)).toEqual([100, 100, 50]);
    expect(response.vectors).toHaveLength(250);
  });

  it("throws bad_response when the vector count does not match", async () => {
    const provider = createWorkersAiProvider({
      ai: binding(() => ({ shape: [1, 768], data: [bgeEmbedding.data[0]] })),
    });
    await expect(provider.embed({ model: "@cf/baai/bge-base-en-v1.5", texts: ["a", "b"] })).rejects.toMatchObject({
      code: "bad_response",
    });
  });
});
