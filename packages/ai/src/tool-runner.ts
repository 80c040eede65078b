// The loop a specialist runs: ask the model, check each tool call, run the allowed ones, feed the
// results back, until the model answers in words. Every check a model cannot be trusted with lives
// here, in code: the tool scope, argument validation, and the write guard.
import type { ToolCallRecord } from "@ensemble/contracts";
import { z } from "zod";
import type { ModelClient } from "./client.ts";
import { guardToolCall } from "./guard/index.ts";
import { UNPARSED_ARGUMENTS_KEY } from "./providers/openai-format.ts";
import type { ChatMessage, ChatResponse, Task, ToolCall, ToolDefinition, ToolSpec } from "./types.ts";

export interface RunToolsOptions {
  client: Pick<ModelClient, "chat" | "trace">;
  task?: Task;
  domain: string;
  /** The system prompt; leave it out when `messages` already starts with one. */
  system?: string;
  /** The conversation: earlier turns, then the user's message. */
  messages: ChatMessage[];
  tools: ToolDefinition[];
  execute: (name: string, args: Record<string, unknown>) => Promise<unknown>;
  /** The user's own words, which the write guard reads (not the model's paraphrase of them). */
  userMessage: string;
  maxSteps?: number;
  signal?: AbortSignal;
  /** Live events, for streaming: reply text as it is written, and each tool call once it is settled. */
  events?: ToolRunEvents;
}

export interface ToolRunEvents {
  onText?(delta: string): void;
  /** Text streamed so far is not the reply (a retry started, or the model went on to call tools). */
  onReset?(): void;
  onToolCall?(call: ToolCallRecord): void;
}

export interface RunToolsResult {
  text: string;
  toolCalls: ToolCallRecord[];
  /** Model calls made. */
  steps: number;
  /** "max-steps" when the model still wanted tools after the last step. */
  stopReason: "answered" | "max-steps";
}

/** Tool results are fed back to the model; past this size they cost more than they help. */
const MAX_RESULT_CHARACTERS = 4000;

/** The tool as the model sees it: zod schema turned into JSON schema. */
export function toToolSpec(tool: ToolDefinition): ToolSpec {
  const { $schema: _ignored, ...parameters } = z.toJSONSchema(tool.schema, {
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown>;
  return { name: tool.name, description: tool.description, parameters };
}

function validationMessage(
  tool: ToolDefinition,
  args: Record<string, unknown>,
): { ok: true; data: Record<string, unknown> } | { ok: false; message: string } {
  if (UNPARSED_ARGUMENTS_KEY in args) {
    return {
      ok: false,
      message: `the arguments were not a JSON object: ${String(args[UNPARSED_ARGUMENTS_KEY]).slice(0, 200)}`,
    };
  }
  const result = tool.schema.safeParse(args);
  if (result.success) return { ok: true, data: result.data as Record<string, unknown> };
  return { ok: false, message: z.prettifyError(result.error).replace(/\n+/g, "; ") };
}

function resultText(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? "null");
  return text.length > MAX_RESULT_CHARACTERS ? `${text.slice(0, MAX_RESULT_CHARACTERS)}... (truncated)` : text;
}

export async function runTools(options: RunToolsOptions): Promise<RunToolsResult> {
  const { client, domain } = options;
  const task = options.task ?? "specialist";
  const maxSteps = options.maxSteps ?? 4;
  const trace = client.trace;
  const byName = new Map(options.tools.map((tool) => [tool.name, tool]));
  const specs = options.tools.map(toToolSpec);
  const conversation: ChatMessage[] = options.system
    ? [{ role: "system", content: options.system }, ...options.messages]
    : [...options.messages];
  const records: ToolCallRecord[] = [];
  const events = options.events ?? {};
  const record = (call: ToolCallRecord) => {
    records.push(call);
    events.onToolCall?.(call);
  };
  // A model gets one chance per tool to fix bad arguments; a second bad call is recorded as failed.
  const repaired = new Set<string>();
  // Write calls already done in this run, so a model that repeats itself does not log twice.
  const writesDone = new Map<string, unknown>();
  let response: ChatResponse | undefined;

  for (let step = 1; step <= maxSteps; step++) {
    let streamed = false;
    response = await client.chat(task, {
      messages: conversation,
      tools: specs,
      domain,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(events.onText
        ? {
            onText: (delta: string) => {
              streamed = true;
              events.onText!(delta);
            },
            onReset: () => events.onReset?.(),
          }
        : {}),
    });
    if (response.toolCalls.length === 0)
      return { text: response.text, toolCalls: records, steps: step, stopReason: "answered" };
    // Words written before a tool call ("Let me log that") are not the answer; the next step's are.
    if (streamed) events.onReset?.();

    conversation.push({ role: "assistant", content: response.text, toolCalls: response.toolCalls });
    for (const call of response.toolCalls) {
      const reply = await handleCall(call);
      conversation.push({ role: "tool", toolCallId: call.id, name: call.name, content: reply });
    }
  }
  return { text: response?.text ?? "", toolCalls: records, steps: maxSteps, stopReason: "max-steps" };

  // Returns what the model is told about the call.
  async function handleCall(call: ToolCall): Promise<string> {
    const startMs = Date.now();
    const tool = byName.get(call.name);
    if (!tool) {
      const available = [...byName.keys()].join(", ");
      const error = `unknown tool "${call.name}"`;
      record({ name: call.name, domain, arguments: call.arguments, ok: false, error });
      trace.add({ name: `tool.${call.name}`, startMs, durationMs: 0, status: "refused", detail: error });
      return `Error: ${error}. The only tools you can call are: ${available}.`;
    }

    if (tool.kind === "write") {
      // The whole definition goes to the guard: its kind, and whether it accepts plans.
      const verdict = guardToolCall(tool, options.userMessage);
      if (!verdict.allowed) {
        record({
          name: tool.name,
          domain,
          arguments: call.arguments,
          ok: false,
          error: `refused: ${verdict.reason}`,
        });
        trace.add({
          name: `tool.${tool.name}`,
          startMs,
          durationMs: 0,
          status: "refused",
          detail: `${verdict.reason}: ${verdict.explanation}`,
        });
        return `Refused: ${verdict.explanation} Nothing was saved. Do not call ${tool.name} again; answer the user without logging anything.`;
      }
    }

    const validation = validationMessage(tool, call.arguments);
    if (!validation.ok) {
      if (!repaired.has(tool.name)) {
        repaired.add(tool.name);
        trace.add({
          name: `tool.${tool.name}`,
          startMs,
          durationMs: 0,
          status: "retry",
          detail: `invalid arguments: ${validation.message}`,
        });
        return `Error: invalid arguments for ${tool.name}: ${validation.message}. Call ${tool.name} again with corrected arguments.`;
      }
      record({
        name: tool.name,
        domain,
        arguments: call.arguments,
        ok: false,
        error: `invalid arguments: ${validation.message}`,
      });
      trace.add({
        name: `tool.${tool.name}`,
        startMs,
        durationMs: 0,
        status: "error",
        detail: `invalid arguments again: ${validation.message}`,
      });
      return `Error: invalid arguments for ${tool.name} again (${validation.message}). It was not run. Tell the user what you could not do.`;
    }

    const signature = `${tool.name}:${JSON.stringify(validation.data)}`;
    if (tool.kind === "write" && writesDone.has(signature)) {
      return `Already done earlier in this conversation turn; not repeated. Result: ${resultText(writesDone.get(signature))}`;
    }

    const started = performance.now();
    try {
      const result = await options.execute(tool.name, validation.data);
      record({ name: tool.name, domain, arguments: validation.data, ok: true, result });
      trace.add({ name: `tool.${tool.name}`, startMs, durationMs: performance.now() - started, status: "ok" });
      if (tool.kind === "write") writesDone.set(signature, result);
      return resultText(result);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      record({ name: tool.name, domain, arguments: validation.data, ok: false, error: message });
      trace.add({
        name: `tool.${tool.name}`,
        startMs,
        durationMs: performance.now() - started,
        status: "error",
        detail: message,
      });
      return `Error: ${tool.name} failed: ${message}`;
    }
  }
}
