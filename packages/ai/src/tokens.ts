// The token estimator. The local engine has no tokenizer, and some backends omit usage; both
// still need token counts so that cost comparisons between model assignments work offline.
//
// The rule, chosen to be simple and roughly right for English with Llama-family tokenizers:
//   text            ceil(characters / 4)
//   each message    + 4 tokens of chat-template overhead (role markers, separators)
//   each image      + 1,000 tokens (order of magnitude of a tiled image for Llama 3.2 vision)
//   tools offered   ceil(JSON.stringify(tools).length / 4), counted as input: the template
//                   pastes every tool's JSON schema into the prompt
//   tool calls out  ceil(JSON.stringify({ name, arguments }).length / 4) each
// Counts are marked `estimated: true` in the ledger so nobody mistakes them for billed tokens.
import type { ChatMessage, ToolCall, ToolSpec, Usage } from "./types.ts";

export const CHARACTERS_PER_TOKEN = 4;
export const MESSAGE_OVERHEAD_TOKENS = 4;
export const IMAGE_TOKENS = 1000;

export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / CHARACTERS_PER_TOKEN);
}

export function estimateInputTokens(messages: ChatMessage[], tools: ToolSpec[] = []): number {
  let total = 0;
  for (const message of messages) {
    total += MESSAGE_OVERHEAD_TOKENS;
    if (typeof message.content === "string") {
      total += estimateTextTokens(message.content);
    } else {
      for (const part of message.content) total += part.type === "text" ? estimateTextTokens(part.text) : IMAGE_TOKENS;
    }
    if (message.role === "assistant" && message.toolCalls) total += estimateToolCallTokens(message.toolCalls);
  }
  if (tools.length > 0) total += estimateTextTokens(JSON.stringify(tools));
  return total;
}

export function estimateToolCallTokens(calls: Pick<ToolCall, "name" | "arguments">[]): number {
  let total = 0;
  for (const call of calls) total += estimateTextTokens(JSON.stringify({ name: call.name, arguments: call.arguments }));
  return total;
}

export function estimateUsage(
  messages: ChatMessage[],
  tools: ToolSpec[] | undefined,
  text: string,
  toolCalls: ToolCall[],
): Usage {
  return {
    inputTokens: estimateInputTokens(messages, tools),
    outputTokens: estimateTextTokens(text) + estimateToolCallTokens(toolCalls),
  };
}
