// The embedded local engine as a Provider: deterministic, no network. It plays the role of
// whatever model the configuration names (the ledger prices its estimated tokens at that model's
// price), so offline runs produce the same traces and cost comparisons as production ones.
//
// Dispatch by task:
//   router     -> the trained local classifier on the last user message; reply is its JSON
//   embedding  -> the local 768-d embedder
//   synthesis  -> a merge of the specialists' answers (format in ./synthesis.ts), unless a skill
//                 is registered for the request's domain
//   any other  -> the skill whose domain is the request's domain, or the task's name
import { ModelError } from "../errors.ts";
import { abortableSleep } from "../sleep.ts";
import { estimateTextTokens, estimateUsage } from "../tokens.ts";
import type {
  ChatMessage,
  ChatRequest,
  ChatResponse,
  EmbedRequest,
  EmbedResponse,
  Provider,
  Task,
  ToolCall,
} from "../types.ts";
import { type FaultConfig, NO_FAULTS, faultConfigFromEnv, faultsApply, seededDraw } from "./faults.ts";
import type { LocalSkill } from "./skill.ts";
import { mergeBranchReplies, parseSynthesisMessages } from "./synthesis.ts";

export interface LocalProviderOptions {
  skills?: LocalSkill[];
  /** "Now" for relative dates in skills; pass the request's time so every Worker agrees. */
  now?: () => Date;
  /** Read for `LOCAL_FAULT_*` failure injection. */
  env?: Partial<Record<string, string | undefined>>;
  /** Explicit fault settings; win over `env`. */
  faults?: FaultConfig;
  /**
   * Pause between streamed pieces, in ms, so offline demos and tests see a reply arrive the way a
   * model writes it. Defaults to `LOCAL_STREAM_DELAY_MS` in `env`, else 0 (pieces still go out one
   * event-loop turn apart).
   */
  streamDelayMs?: number;
}

const PROVIDER = "local" as const;

/**
 * The model id of the engine when it serves as itself (the chain's last resort), rather than
 * standing in for a configured model. Faults are never injected then: they simulate a remote
 * model failing, and the last resort is the part that cannot fail that way.
 */
export const LOCAL_MODEL = "local";

// Loaded on first use: the classifier and the embedder carry their weights, and a Worker that
// never routes or embeds locally should not pay for parsing them at start-up.
const loadRouter = () => import("./router/index.ts");
const loadEmbedding = () => import("./embedding/index.ts");

export function createLocalProvider(options: LocalProviderOptions = {}): Provider {
  const skills = options.skills ?? [];
  const faults = options.faults ?? (options.env ? faultConfigFromEnv(options.env) : NO_FAULTS);
  const now = options.now ?? (() => new Date());
  const streamDelayMs = Math.max(0, options.streamDelayMs ?? (Number(options.env?.LOCAL_STREAM_DELAY_MS ?? 0) || 0));
  let callNumber = 0;

  async function injectFaults(
    task: Task,
    model: string,
    key: string,
    signal: AbortSignal | undefined,
  ): Promise<boolean> {
    if (model === LOCAL_MODEL || !faultsApply(faults, task)) return false;
    callNumber += 1;
    if (faults.latencyMs > 0) await abortableSleep(faults.latencyMs, signal);
    if (seededDraw(faults.seed, "error", callNumber, task, key) < faults.errorRate) {
      throw new ModelError("server_error", "injected failure (LOCAL_FAULT_ERROR_RATE)", {
        provider: PROVIDER,
        model,
        status: 503,
      });
    }
    return seededDraw(faults.seed, "malformed", callNumber, task, key) < faults.malformedRate;
  }

  return {
    name: PROVIDER,

    async chat(request: ChatRequest): Promise<ChatResponse> {
      const started = performance.now();
      const malformed = await injectFaults(request.task, request.model, lastUserText(request.messages), request.signal);
      // A model call is I/O: the Worker's thread is free while the model thinks. The engine thinks
      // on that thread, so it first lets whatever else is waiting run (the coordinator's other
      // branches start their own calls), as it would during a remote call.
      await abortableSleep(0, request.signal);
      let { text, toolCalls } = await answer(request, skills, now);
      if (malformed) ({ text, toolCalls } = corrupt(request.task, text, toolCalls));
      if (request.onText) await streamPieces(text, request.onText, streamDelayMs, request.signal);
      return {
        text,
        toolCalls,
        finishReason: toolCalls.length > 0 ? "tool-calls" : malformed ? "length" : "stop",
        usage: { ...estimateUsage(request.messages, request.tools, text, toolCalls), estimated: true },
        model: request.model,
        provider: PROVIDER,
        latencyMs: performance.now() - started,
      };
    },

    async embed(request: EmbedRequest): Promise<EmbedResponse> {
      const malformed = await injectFaults("embedding", request.model, request.texts.join("\n"), request.signal);
      if (malformed) {
        throw new ModelError("bad_response", "injected malformed embedding (LOCAL_FAULT_MALFORMED_RATE)", {
          provider: PROVIDER,
          model: request.model,
        });
      }
      const { embedTexts, EMBEDDING_DIMENSIONS } = await loadEmbedding();
      return {
        vectors: embedTexts(request.texts),
        dimensions: EMBEDDING_DIMENSIONS,
        usage: { inputTokens: request.texts.reduce((sum, text) => sum + estimateTextTokens(text), 0), estimated: true },
        model: request.model,
        provider: PROVIDER,
      };
    },
  };
}

// The engine has its whole reply at once; it hands it out a word at a time, each piece in its own
// turn of the event loop, so everything downstream (RPC streams, SSE) is exercised as with a model.
async function streamPieces(
  text: string,
  onText: (delta: string) => void,
  delayMs: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  for (const piece of text.match(/\s*\S+\s*/g) ?? (text ? [text] : [])) {
    await abortableSleep(delayMs, signal);
    onText(piece);
  }
}

async function answer(
  request: ChatRequest,
  skills: LocalSkill[],
  now: () => Date,
): Promise<{ text: string; toolCalls: ToolCall[] }> {
  if (request.task === "router") {
    const { classifyInContext } = await loadRouter();
    const userTurns = request.messages.filter((message) => message.role === "user");
    const previous = userTurns.length >= 2 ? lastUserText(userTurns.slice(0, -1)) : undefined;
    const result = classifyInContext(lastUserText(request.messages), previous);
    const text = JSON.stringify({
      domain: result.domain,
      confidence: Math.round(result.confidence * 1000) / 1000,
      domains: result.domains,
    });
    return { text, toolCalls: [] };
  }
  // A skill registered for the request's domain wins over the built-in synthesis: the coordinator's
  // general coaching answers run on the synthesis model with domain "general".
  if (request.task === "synthesis" && !skills.some((candidate) => candidate.domain === request.domain)) {
    const { classifyMessage } = await loadRouter();
    const { userMessage, branches } = parseSynthesisMessages(request.messages);
    return { text: mergeBranchReplies(userMessage, branches, classifyMessage), toolCalls: [] };
  }
  const skill =
    skills.find((candidate) => candidate.domain === request.domain) ??
    skills.find((candidate) => candidate.domain === request.task);
  if (!skill) {
    const wanted = request.domain ? `domain "${request.domain}" or task "${request.task}"` : `task "${request.task}"`;
    throw new ModelError("unavailable", `the local engine has no skill for ${wanted}`, {
      provider: PROVIDER,
      model: request.model,
      retryable: false,
    });
  }
  let step;
  try {
    step = skill.next({ messages: request.messages, tools: request.tools ?? [], now: now() });
  } catch (error) {
    throw new ModelError(
      "server_error",
      `local skill "${skill.domain}" failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        provider: PROVIDER,
        model: request.model,
        retryable: false,
        cause: error,
      },
    );
  }
  if (step.type === "answer") return { text: step.text, toolCalls: [] };
  // Ids continue the conversation's numbering, so they are the same on every run.
  const earlier = request.messages.reduce(
    (count, message) => count + (message.role === "assistant" ? (message.toolCalls?.length ?? 0) : 0),
    0,
  );
  return {
    text: "",
    toolCalls: step.calls.map((call, index) => ({
      id: `call_${earlier + index + 1}`,
      name: call.name,
      arguments: call.arguments,
    })),
  };
}

// What "malformed" looks like for each kind of answer, modelled on real small-model failures:
// the router talks instead of answering JSON, tool calls lose their arguments, text is cut short.
function corrupt(task: Task, text: string, toolCalls: ToolCall[]): { text: string; toolCalls: ToolCall[] } {
  if (task === "router")
    return { text: "Sure! This message looks like it is mostly about food, I think.", toolCalls: [] };
  if (toolCalls.length > 0) return { text, toolCalls: toolCalls.map((call) => ({ ...call, arguments: {} })) };
  return { text: text.slice(0, Math.floor(text.length / 2)), toolCalls: [] };
}

export function lastUserText(messages: ChatMessage[]): string {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!;
    if (message.role !== "user") continue;
    if (typeof message.content === "string") return message.content;
    return message.content
      .map((part) => (part.type === "text" ? part.text : ""))
      .join(" ")
      .trim();
  }
  return "";
}
