// The data-only model interface every Worker talks to. Modelled on the shape of vercel/ai's
// provider spec: plain objects in and out, nothing that needs a class or a framework to use.
import type { z } from "zod";

export type Role = "system" | "user" | "assistant" | "tool";

export type ContentPart =
  | { type: "text"; text: string }
  /** An image as base64 (no data: prefix) with its media type. Only the vision task sends these. */
  | { type: "image"; mediaType: "image/jpeg" | "image/png" | "image/webp"; data: string };

export type ChatMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string | ContentPart[] }
  | { role: "assistant"; content: string; toolCalls?: ToolCall[] }
  | { role: "tool"; toolCallId: string; name: string; content: string };

/** A tool as the model sees it: a name, a description and a JSON schema for its arguments. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** A tool as the platform runs it: the spec plus its zod schema and whether it writes data. */
export interface ToolDefinition<Schema extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  kind: "read" | "write";
  /**
   * For a write that sets up or changes a schedule: the user's own future plan ("starting creatine
   * tomorrow", "pause fish oil until Monday") is what it records, so the write guard lets plans
   * through; deliberation, denials and other people's plans are still refused. Leave it out for
   * writes that record something done (a meal, a workout, an intake).
   */
  acceptsPlans?: boolean;
  /**
   * The write takes an entry back out (a deleted meal): a message that opens by calling off the
   * previous one ("scratch that, I didn't actually eat it") asks for it. A plain denial ("I didn't
   * eat breakfast today") still writes nothing.
   */
  removes?: boolean;
  schema: Schema;
}

export interface ToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

export type Task =
  | "router"
  | "onboarding"
  | "specialist"
  | "vision"
  | "fallback"
  | "synthesis"
  | "summary"
  | "embedding"
  | "judge";

export interface ChatRequest {
  task: Task;
  model: string;
  messages: ChatMessage[];
  tools?: ToolSpec[];
  /** "json" asks for a single JSON object as the reply text. */
  responseFormat?: "text" | "json";
  maxTokens: number;
  temperature: number;
  signal?: AbortSignal;
  /** The specialist domain this call serves, when there is one; the local engine picks its skill by it. */
  domain?: string;
  /** Let a reasoning model think before answering. Off by default: it costs latency and tokens. */
  reasoning?: boolean;
  /**
   * Asks for the answer streamed: called with each piece of reply text as the backend produces it
   * (the pieces joined are the response's `text`, thoughts left out). The promise still resolves
   * with the whole response, tool calls and usage included.
   */
  onText?: (delta: string) => void;
}

export type FinishReason = "stop" | "length" | "tool-calls" | "error";

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  /** True when the counts come from the token estimator (src/tokens.ts), not from the backend. */
  estimated?: boolean;
}

export interface ChatResponse {
  text: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage: Usage;
  model: string;
  provider: ProviderName;
  latencyMs: number;
}

export interface EmbedRequest {
  model: string;
  texts: string[];
  signal?: AbortSignal;
}

export interface EmbedResponse {
  vectors: number[][];
  dimensions: number;
  usage: { inputTokens: number; estimated?: boolean };
  model: string;
  provider: ProviderName;
}

export type ProviderName = "workers-ai" | "openai-compatible" | "local" | "mock";

/** One provider: the whole contract a model backend must meet. */
export interface Provider {
  name: ProviderName;
  chat(request: ChatRequest): Promise<ChatResponse>;
  embed(request: EmbedRequest): Promise<EmbedResponse>;
}
