// The shapes the gateway answers with, as the client sees them. Most come straight from
// @ensemble/contracts (types only: nothing of it is bundled).
import type {
  BodyMetricSeries,
  BodyMetricsReply,
  ChatResponseBody,
  ConversationMessage,
  ErrorCode,
  LedgerEntry,
  MealDaySummary,
  Profile,
  ProtocolDaySummary,
  StoredProfile,
  Targets,
  WorkoutSession,
  WorkoutsReply,
} from "@ensemble/contracts";

export type {
  BodyMetricSeries,
  BodyMetricsReply,
  ChatResponseBody,
  ConversationMessage,
  ErrorCode,
  LedgerEntry,
  MealDaySummary,
  Profile,
  ProtocolDaySummary,
  StoredProfile,
  Targets,
  WorkoutSession,
  WorkoutsReply,
};

/**
 * The training part of GET /v1/summary, as the metrics-workout Worker's daySummary returns it
 * (declared in apps/metrics-workout/src/index.ts, not yet in contracts).
 */
export interface TrainingDaySummary {
  date: string;
  workouts: WorkoutSession[];
  totals: WorkoutsReply["totals"];
  bodyMetrics: { metric: string; date: string; value: number; unit: string }[];
}

/** A part of the summary whose Worker failed: the gateway says which instead of failing it all. */
export interface UnavailablePart {
  unavailable: string;
}

export interface DaySummaryResponse {
  date: string;
  targets: Targets | null;
  food: MealDaySummary | UnavailablePart;
  supplements: ProtocolDaySummary | UnavailablePart;
  training: TrainingDaySummary | UnavailablePart;
}

export type ChatRoute = ChatResponseBody["route"];
export type ChatToolCall = ChatResponseBody["toolCalls"][number];

/** GET /v1/traces/:requestId: what the gateway stored for one chat request. */
export interface StoredTrace {
  response: ChatResponseBody;
  ledger: LedgerEntry[];
}

export interface Conversation {
  id: string;
  createdAt: string;
  updatedAt: string;
  messages: ConversationMessage[];
}

export interface DevToken {
  token: string;
  userId: string;
  expiresAt: string;
}

export function isUnavailable(part: unknown): part is UnavailablePart {
  return (
    typeof part === "object" && part !== null && typeof (part as { unavailable?: unknown }).unavailable === "string"
  );
}
