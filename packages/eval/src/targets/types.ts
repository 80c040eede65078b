// What the runner needs from a deployment under test: send a chat turn as a user, and (for blame)
// send one with the gold route forced.

export interface ObservedToolCall {
  name: string;
  domain: string;
  arguments: Record<string, unknown>;
  ok: boolean;
  error?: string;
  /** The tool's result, when the target could observe it (in-process, or a gateway that stores it). */
  result?: unknown;
}

export interface ChatBody {
  reply: string;
  conversationId: string;
  route: { path: string; domains: string[]; confidence: number };
  toolCalls: ObservedToolCall[];
  usage: {
    inputTokens: number;
    outputTokens: number;
    costUsd: number;
    byModel: Record<string, { calls: number; inputTokens: number; outputTokens: number; costUsd: number }>;
    byTask: Record<string, { calls: number; inputTokens: number; outputTokens: number; costUsd: number }>;
  };
  trace: {
    requestId: string;
    configHash: string;
    spans: {
      name: string;
      worker: string;
      model?: string;
      startMs: number;
      durationMs: number;
      status: string;
      detail?: string;
    }[];
  };
}

export interface TurnResult {
  message: string;
  /** When the turn was sent (ISO): relative dates in expectations resolve against it. */
  sentAt: string;
  status: number;
  latencyMs: number;
  /** The response body when status is 200. */
  body?: ChatBody;
  /** The error envelope's message otherwise. */
  error?: string;
  /** Whether body.toolCalls carry results. */
  resultsObserved: boolean;
}

export interface GoldRoute {
  path: string;
  domains: string[];
}

export interface ForcedTurn {
  userId: string;
  message: string;
  /** The conversation so far (the setup turns), oldest first. */
  history: { role: "user" | "assistant"; content: string }[];
  conversationId?: string;
  gold: GoldRoute;
}

export interface Target {
  readonly description: string;
  /** Identifies the code and model configuration under test: part of every cache key. */
  fingerprint(): Promise<string>;
  /** One turn of a user's conversation. */
  chat(userId: string, message: string, conversationId?: string): Promise<TurnResult>;
  /**
   * The final turn again with the gold route forced, after the same setup turns; undefined when
   * the target cannot force routes.
   */
  forced?(request: ForcedTurn): Promise<TurnResult | undefined>;
  close(): Promise<void>;
}
