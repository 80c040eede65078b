import {
  type GetMealsRequest,
  type MealDaySummary,
  type MealDaySummaryRequest,
  type MealRpc,
  type MealsReply,
  type PrefetchFoodsReply,
  type PrefetchFoodsRequest,
  type Result,
  type SpecialistReply,
  type SpecialistRequest,
  databaseHealth,
  failure,
  respondLive,
  getMealsRequestSchema,
  internalWorkerResponse,
  mealDaySummaryRequestSchema,
  prefetchFoodsRequestSchema,
  specialistRequestSchema,
  success,
} from "@ensemble/contracts";
import { isModelError, runSpecialist, liveUpdates, type ToolRunEvents } from "@ensemble/ai";
import { mealTools } from "@ensemble/tools";
import { WorkerEntrypoint } from "cloudflare:workers";
import { z } from "zod";
import type { Bindings } from "./env.ts";
import { dayTotals, sumMacros } from "./macros.ts";
import { systemPromptFor } from "./prompt.ts";
import { mealSkill } from "./skill/index.ts";
import { likelyFoodQueries } from "./prefetch.ts";
import { listMeals, totalsByDay } from "./store.ts";
import { createMealToolExecutor } from "./tools.ts";

function badRequest(error: z.ZodError) {
  return failure("bad_request", z.prettifyError(error).replace(/\n+/g, "; "));
}

function databaseFailure(error: unknown) {
  return failure(
    "unavailable",
    `meal database unavailable: ${error instanceof Error ? error.message : String(error)}`,
    true,
  );
}

/** The meal Worker: reachable only over service bindings (RPC); it has no public routes. */
export default class MealWorker extends WorkerEntrypoint<Bindings> implements MealRpc {
  override async fetch(): Promise<Response> {
    return internalWorkerResponse();
  }

  async health() {
    return databaseHealth("meal", this.env.DB);
  }

  /** One message for the meal domain: the model (or the local engine) with the meal tools, bound to this user. */
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
    const execute = createMealToolExecutor({
      database: this.env.DB,
      foods: this.env.EMBEDDING,
      userId: input.userId,
      requestId: input.requestId,
      now: new Date(input.now),
      ...(input.targets ? { targets: input.targets } : {}),
    });
    try {
      const reply = await runSpecialist({
        ...(events ? { events } : {}),
        environment: this.env,
        domain: "meal",
        request: input,
        systemPrompt: systemPromptFor(input),
        tools: [...mealTools],
        skill: mealSkill,
        // The runner records a thrown error as a failed call and tells the model its message.
        execute: async (name, args) => {
          const result = await execute(name, args);
          if (!result.ok) throw new Error(result.error.message);
          return result.value;
        },
      });
      return success(reply);
    } catch (error) {
      if (isModelError(error))
        return failure("model_error", `the meal model failed: ${error.message}`, error.isRetryable);
      throw error;
    }
  }

  /**
   * Starts the food searches a message is likely to need (their query vectors) before the meal
   * model has read it; the gateway calls it while it assembles the request's context. Best effort:
   * a search that finds nothing prefetched embeds its own query.
   */
  async prefetchFoods(request: PrefetchFoodsRequest): Promise<Result<PrefetchFoodsReply>> {
    const parsed = prefetchFoodsRequestSchema.safeParse(request);
    if (!parsed.success) return badRequest(parsed.error);
    const queries = likelyFoodQueries(parsed.data.message);
    if (queries.length === 0) return success({ queries, computed: 0, cached: 0 });
    const warmed = await this.env.EMBEDDING.prefetchQueries(queries);
    if (!warmed.ok) return warmed;
    return success({ queries, computed: warmed.value.computed, cached: warmed.value.cached });
  }

  /** The meals of one day or a range, for the gateway's REST endpoints. */
  async getMeals(request: GetMealsRequest): Promise<Result<MealsReply>> {
    const parsed = getMealsRequestSchema.safeParse(request);
    if (!parsed.success) return badRequest(parsed.error);
    const { userId } = parsed.data;
    const today = new Date().toISOString().slice(0, 10);
    const from = parsed.data.from ?? parsed.data.date ?? today;
    const to = parsed.data.to ?? parsed.data.date ?? today;
    try {
      const meals = await listMeals(this.env.DB, userId, { from, to });
      const days = (await totalsByDay(this.env.DB, userId, from, to)).map((row) =>
        dayTotals(row.date, row.mealCount, row.totals, undefined),
      );
      return success({ from, to, meals, days, totals: sumMacros(meals.map((meal) => meal.totals)) });
    } catch (error) {
      return databaseFailure(error);
    }
  }

  /** The day's meals and totals (against targets when given), for `GET /v1/summary`. */
  async daySummary(request: MealDaySummaryRequest): Promise<Result<MealDaySummary>> {
    const parsed = mealDaySummaryRequestSchema.safeParse(request);
    if (!parsed.success) return badRequest(parsed.error);
    const { userId, date, targets } = parsed.data;
    try {
      const meals = await listMeals(this.env.DB, userId, { from: date, to: date });
      const day = dayTotals(date, meals.length, sumMacros(meals.map((meal) => meal.totals)), targets);
      return success({ date, meals, day });
    } catch (error) {
      return databaseFailure(error);
    }
  }
}
