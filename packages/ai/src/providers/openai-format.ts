// The OpenAI chat-completions wire format, shared by the OpenAI-compatible provider and by the
// Workers AI models that answer in it (GLM-4.7-flash). One parser for one format.
import { z } from "zod";
import { ModelError } from "../errors.ts";
import type { ChatMessage, FinishReason, ProviderName, ToolCall, ToolSpec } from "../types.ts";

/**
 * Arguments a model sent as a string that is not JSON. Kept (instead of dropped) under this key
 * so the tool runner can tell the model exactly what was wrong in its repair round.
 */
export const UNPARSED_ARGUMENTS_KEY = "__unparsedArguments";

export type WireMessage = Record<string, unknown>;

export function toWireMessages(messages: ChatMessage[]): WireMessage[] {
  return messages.map((message): WireMessage => {
    switch (message.role) {
      case "system":
        return { role: "system", content: message.content };
      case "user":
        if (typeof message.content === "string") return { role: "user", content: message.content };
        return {
          role: "user",
          content: message.content.map((part) =>
            part.type === "text"
              ? { type: "text", text: part.text }
              : // Workers AI and OpenAI both take images inline as data URIs; HTTP URLs are refused.
                { type: "image_url", image_url: { url: `data:${part.mediaType};base64,${part.data}` } },
          ),
        };
      case "assistant":
        return {
          role: "assistant",
          content: message.content,
          ...(message.toolCalls?.length
            ? {
                tool_calls: message.toolCalls.map((call) => ({
                  id: call.id,
                  type: "function",
                  function: { name: call.name, arguments: JSON.stringify(call.arguments) },
                })),
              }
            : {}),
        };
      case "tool":
        // `name` is not OpenAI's, but Workers AI's Llama templates use it to label the result.
        return { role: "tool", tool_call_id: message.toolCallId, name: message.name, content: message.content };
    }
  });
}

export function toWireTools(tools: ToolSpec[]): WireMessage[] {
  return tools.map((tool) => ({
    type: "function",
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}

/** Tool-call arguments arrive as a JSON string (OpenAI) or as an object (Workers AI Llama). */
export function parseToolArguments(raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null || raw === "") return {};
  if (typeof raw === "object" && !Array.isArray(raw)) return raw as Record<string, unknown>;
  if (typeof raw === "string") {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through: the model wrote something that is not JSON
    }
  }
  return { [UNPARSED_ARGUMENTS_KEY]: typeof raw === "string" ? raw : JSON.stringify(raw) };
}

const usageSchema = z
  .object({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0) })
  .partial();

export const chatCompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          tool_calls: z
            .array(
              z.object({
                id: z.string().optional(),
                function: z.object({ name: z.string(), arguments: z.unknown() }),
              }),
            )
            .nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: usageSchema.nullish(),
});

export interface ParsedCompletion {
  text: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage: { inputTokens: number; outputTokens: number } | undefined;
}

export function parseChatCompletion(body: unknown, provider: ProviderName, model: string): ParsedCompletion {
  const result = chatCompletionSchema.safeParse(body);
  if (!result.success) {
    throw new ModelError("bad_response", `unexpected chat-completion body: ${z.prettifyError(result.error)}`, {
      provider,
      model,
    });
  }
  const choice = result.data.choices[0]!;
  const toolCalls = (choice.message.tool_calls ?? []).map((call, index) => ({
    id: call.id ?? `call_${index + 1}`,
    name: call.function.name,
    arguments: parseToolArguments(call.function.arguments),
  }));
  return {
    text: stripThinking(choice.message.content ?? ""),
    toolCalls,
    finishReason: toolCalls.length > 0 ? "tool-calls" : finishReasonOf(choice.finish_reason),
    usage: usageOf(result.data.usage),
  };
}

export function usageOf(usage: z.infer<typeof usageSchema> | null | undefined): ParsedCompletion["usage"] {
  if (!usage || usage.prompt_tokens === undefined || usage.completion_tokens === undefined) return undefined;
  return { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens };
}

function finishReasonOf(reason: string | null | undefined): FinishReason {
  if (reason === "length") return "length";
  if (reason === "tool_calls" || reason === "function_call") return "tool-calls";
  return "stop";
}

/** Some reasoning models inline their thoughts; the user must never see them. */
export function stripThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?<\/think>/g, "").trim();
}
