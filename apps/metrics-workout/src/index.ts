import { isModelError, runSpecialist, liveUpdates, type ToolRunEvents } from "@ensemble/ai";
import {
  type BodyMetricsReply,
  type DayRangeRequest,
  type Result,
  type SpecialistReply,
  type SpecialistRequest,
  type WorkoutsReply,
  MAX_RANGE_DAYS,
  daySummaryRequestSchema,
  databaseHealth,
  failure,
  respondLive,
  internalWorkerResponse,
  metricsRangeRequestSchema,
  specialistRequestSchema,
  success,
} from "@ensemble/contracts";
import { metricsWorkoutTools } from "@ensemble/tools";
import { WorkerEntrypoint } from "cloudflare:workers";
import { z } from "zod";
import { METRICS_WORKOUT_SYSTEM_PROMPT } from "./prompt.ts";
import { METRICS_WORKOUT_DOMAIN, metricsWorkoutSkill } from "./skill/index.ts";
import { addDays } from "./stats.ts";
import { bodyMetricSeries, latestMetrics } from "./store/body-metrics.ts";
import type { StoreContext } from "./store/context.ts";
import { listWorkouts } from "./store/workouts.ts";
import { DEFAULT_BODY_METRIC_DAYS, DEFAULT_WORKOUT_DAYS, type ToolContext, executeTool } from "./tools.ts";

function badRequest(error: z.ZodError) {
  return failure("bad_request", z.prettifyError(error).replace(/\n+/g, "; "));
}

function databaseFailure(error: unknown) {
  return failure(
    "unavailable",
    `metrics-workout database unavailable: ${error instanceof Error ? error.message : String(error)}`,
    true,
  );
}

export type MetricsWorkoutDaySummary = {
  date: string;
  workouts: WorkoutsReply["sessions"];
  totals: WorkoutsReply["totals"];
  /** The latest value of each metric on or before the day, in the user's units. */
  bodyMetrics: { metric: string; date: string; value: number; unit: string }[];
};

/** The metrics-workout Worker: reachable only over service bindings (RPC); it has no public routes. */
export default class MetricsWorkoutWorker extends WorkerEntrypoint<Env> {
  override async fetch(): Promise<Response> {
    return internalWorkerResponse();
  }

  async health() {
    return databaseHealth("metrics-workout", this.env.DB);
  }

  private storeContext(userId: string, now: Date): StoreContext {
    return { db: this.env.DB, userId, today: now.toISOString().slice(0, 10), now: now.toISOString() };
  }

  /** One message for the domain: the model (or the local engine) with this domain's tools, bound to this user. */
  async handle(request: SpecialistRequest): Promise<Result<SpecialistReply>> {
    return this.respond(request);
  }

  /** `handle`, live: the reply's text as it is written and each tool call as it settles. */
  async handleStream(request: SpecialistRequest): Promise<ReadableStream<Uint8Array>> {
    return respondLive(this.ctx, (emit) => this.respond(request, liveUpdates(emit)));
  }

  private async respond(request: SpecialistRequest, events?: ToolRunEvents): Promise<Result<SpecialistReply>> {
    const parsed = specialistRequestSchema.safeParse(request);
    if (!parsed.success) return badRequest(parsed.error);
    const input = parsed.data;
    let writes = 0;
    const context: ToolContext = {
      ...this.storeContext(input.userId, new Date(input.now)),
      // The same request retried makes the same writes in the same order, so the same keys.
      nextIdempotencyKey: () => `${input.requestId}:${writes++}`,
    };
    try {
      const reply = await runSpecialist({
        ...(events ? { events } : {}),
        environment: this.env as unknown as Record<string, unknown>,
        domain: METRICS_WORKOUT_DOMAIN,
        request: input,
        systemPrompt: METRICS_WORKOUT_SYSTEM_PROMPT,
        tools: [...metricsWorkoutTools],
        skill: metricsWorkoutSkill,
        // The runner records a thrown error as a failed call and tells the model its message.
        execute: async (name, args) => {
          const result = await executeTool(context, name, args);
          if (!result.ok) throw new Error(result.error.message);
          return result.value;
        },
      });
      return success(reply);
    } catch (error) {
      if (isModelError(error))
        return failure("model_error", `the metrics-workout model failed: ${error.message}`, error.isRetryable);
      throw error;
    }
  }

  /** Body-metric series with 7-day moving averages, for the gateway's dashboards. */
  async getBodyMetrics(request: DayRangeRequest): Promise<Result<BodyMetricsReply>> {
    const parsed = metricsRangeRequestSchema.safeParse(request);
    if (!parsed.success) return badRequest(parsed.error);
    const range = resolveRange(parsed.data, DEFAULT_BODY_METRIC_DAYS);
    try {
      return success(await bodyMetricSeries(this.storeContext(parsed.data.userId, new Date()), range));
    } catch (error) {
      return databaseFailure(error);
    }
  }

  /** Sessions with exercises, sets and totals, for the gateway's dashboards. */
  async getWorkouts(request: DayRangeRequest): Promise<Result<WorkoutsReply>> {
    const parsed = metricsRangeRequestSchema.safeParse(request);
    if (!parsed.success) return badRequest(parsed.error);
    const range = resolveRange(parsed.data, DEFAULT_WORKOUT_DAYS);
    try {
      return success(await listWorkouts(this.storeContext(parsed.data.userId, new Date()), range));
    } catch (error) {
      return databaseFailure(error);
    }
  }

  /** The day's workouts and the latest body metrics as of that day, for `GET /v1/summary`. */
  async daySummary(request: z.input<typeof daySummaryRequestSchema>): Promise<Result<MetricsWorkoutDaySummary>> {
    const parsed = daySummaryRequestSchema.safeParse(request);
    if (!parsed.success) return badRequest(parsed.error);
    const { userId, date } = parsed.data;
    try {
      const context = this.storeContext(userId, new Date());
      const day = await listWorkouts(context, { from: date, to: date });
      return success({
        date,
        workouts: day.sessions,
        totals: day.totals,
        bodyMetrics: await latestMetrics(context, date),
      });
    } catch (error) {
      return databaseFailure(error);
    }
  }
}

function resolveRange(
  request: { date?: string; from?: string; to?: string },
  defaultDays: number,
): { from: string; to: string } {
  const today = new Date().toISOString().slice(0, 10);
  if (request.date !== undefined) return { from: request.date, to: request.date };
  if (request.from !== undefined) {
    const to = request.to ?? (request.from > today ? request.from : today);
    // "from" alone may reach back further than a dashboard should ask for at once.
    const earliest = addDays(to, -MAX_RANGE_DAYS);
    return { from: request.from < earliest ? earliest : request.from, to };
  }
  return { from: addDays(today, -(defaultDays - 1)), to: today };
}
