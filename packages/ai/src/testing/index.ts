// A scripted Provider for tests, in the spirit of vercel/ai's MockLanguageModel: each call takes
// the next scripted result (a response, an error to throw, or a function of the request), and
// every request is recorded so tests can check what the model was sent.
import { estimateTextTokens } from "../tokens.ts";
import type {
  ChatRequest,
  ChatResponse,
  EmbedRequest,
  EmbedResponse,
  Provider,
  ProviderName,
  ToolCall,
} from "../types.ts";

export type ChatScriptStep =
  | Partial<ChatResponse>
  | Error
  | ((
      request: ChatRequest,
      callIndex: number,
    ) => Partial<ChatResponse> | Error | Promise<Partial<ChatResponse> | Error>);
export type EmbedScriptStep =
  | Partial<EmbedResponse>
  | Error
  | ((
      request: EmbedRequest,
      callIndex: number,
    ) => Partial<EmbedResponse> | Error | Promise<Partial<EmbedResponse> | Error>);

export interface MockScript {
  /** One step per call, in order; the last step repeats once the list runs out. Or one function for every call. */
  chat?: ChatScriptStep[] | ChatScriptStep;
  embed?: EmbedScriptStep[] | EmbedScriptStep;
  /** The provider name it reports; "mock" unless it stands in for a real one. */
  name?: ProviderName;
}

export interface MockProvider extends Provider {
  readonly calls: ChatRequest[];
  readonly embedCalls: EmbedRequest[];
}

function pick<T>(script: T[] | T | undefined, index: number): T | undefined {
  if (!Array.isArray(script)) return script;
  return script[Math.min(index, script.length - 1)];
}

/** A full ChatResponse from the parts a test cares about. */
export function mockChatResponse(
  partial: Partial<ChatResponse> = {},
  request?: Pick<ChatRequest, "model">,
): ChatResponse {
  const toolCalls: ToolCall[] = partial.toolCalls ?? [];
  const text = partial.text ?? "";
  return {
    text,
    toolCalls,
    finishReason: partial.finishReason ?? (toolCalls.length > 0 ? "tool-calls" : "stop"),
    usage: partial.usage ?? { inputTokens: 10, outputTokens: Math.max(1, estimateTextTokens(text)) },
    model: partial.model ?? request?.model ?? "mock-model",
    provider: partial.provider ?? "mock",
    latencyMs: partial.latencyMs ?? 1,
  };
}

/** A tool call with a predictable id. */
export function mockToolCall(name: string, args: Record<string, unknown>, id = `call_${name}`): ToolCall {
  return { id, name, arguments: args };
}

/** A scripted call that never answers until its request is aborted, like a hung backend. */
export function hangingStep(request: ChatRequest | EmbedRequest): Promise<Error> {
  return new Promise((_, reject) => {
    request.signal?.addEventListener("abort", () => reject(request.signal!.reason), { once: true });
  });
}

export function createMockProvider(script: MockScript = {}): MockProvider {
  const calls: ChatRequest[] = [];
  const embedCalls: EmbedRequest[] = [];
  const name = script.name ?? "mock";
  return {
    name,
    calls,
    embedCalls,
    async chat(request) {
      const index = calls.push(request) - 1;
      const step = pick(script.chat, index);
      if (step === undefined) throw new Error(`mock provider: no chat step scripted for call ${index + 1}`);
      const outcome = typeof step === "function" ? await step(request, index) : step;
      if (outcome instanceof Error) throw outcome;
      // A listener gets the scripted text as one piece, as from a backend that cannot stream.
      if (request.onText && outcome.text) request.onText(outcome.text);
      return mockChatResponse({ provider: name, ...outcome }, request);
    },
    async embed(request) {
      const index = embedCalls.push(request) - 1;
      const step = pick(script.embed, index);
      const outcome = step === undefined ? {} : typeof step === "function" ? await step(request, index) : step;
      if (outcome instanceof Error) throw outcome;
      const vectors = outcome.vectors ?? request.texts.map(() => [1, 0, 0]);
      return {
        vectors,
        dimensions: outcome.dimensions ?? vectors[0]?.length ?? 0,
        usage: outcome.usage ?? { inputTokens: request.texts.length },
        model: outcome.model ?? request.model,
        provider: outcome.provider ?? name,
      };
    },
  };
}
