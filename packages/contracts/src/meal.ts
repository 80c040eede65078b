// Meals, owned by the meal Worker: what its read RPCs return to the gateway.
import { z } from "zod";
import { type Health, type Result, isoDateSchema } from "./common.ts";
import { type SpecialistReply, type SpecialistRequest, type Targets, targetsSchema } from "./rpc.ts";

export const MEAL_TYPES = ["breakfast", "lunch", "dinner", "snack"] as const;
export const mealTypeSchema = z.enum(MEAL_TYPES, { error: "mealType must be one of breakfast, lunch, dinner, snack" });
export type MealType = z.infer<typeof mealTypeSchema>;

/** The longest range getMeals answers in one call, so a single request cannot scan a user's whole history. */
export const MAX_MEAL_RANGE_DAYS = 92;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * The days a meal read covers: one `date`, or `from` and `to` (inclusive). Neither means the
 * caller's today, which only the caller knows, so the Worker fills it in from its own clock.
 * Shared by the RPC schema here and the `get_meals` tool schema, so both reject the same input.
 */
export function checkMealRange(range: { date?: string; from?: string; to?: string }, context: z.RefinementCtx): void {
  if (range.date !== undefined && (range.from !== undefined || range.to !== undefined)) {
    context.addIssue({ code: "custom", message: "give either date or from and to, not both" });
    return;
  }
  if ((range.from === undefined) !== (range.to === undefined)) {
    context.addIssue({ code: "custom", message: "from and to go together: give both or neither" });
    return;
  }
  if (range.from !== undefined && range.to !== undefined) {
    const days = daysBetween(range.from, range.to);
    if (Number.isNaN(days)) context.addIssue({ code: "custom", message: "from and to must be real calendar dates" });
    else if (days < 0) context.addIssue({ code: "custom", message: "from must be on or before to" });
    else if (days >= MAX_MEAL_RANGE_DAYS) {
      context.addIssue({ code: "custom", message: `a range covers at most ${MAX_MEAL_RANGE_DAYS} days` });
    }
  }
}

export const getMealsRequestSchema = z
  .object({
    userId: z.string().min(1, "userId is required"),
    date: isoDateSchema.optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .superRefine(checkMealRange);
export type GetMealsRequest = z.input<typeof getMealsRequestSchema>;

/** daySummary for the meal Worker also takes the user's targets, when the gateway has a profile. */
export const mealDaySummaryRequestSchema = z.object({
  userId: z.string().min(1, "userId is required"),
  date: isoDateSchema,
  targets: targetsSchema.optional(),
});
export type MealDaySummaryRequest = z.input<typeof mealDaySummaryRequestSchema>;

export interface Macros {
  energyKcal: number;
  proteinG: number;
  carbohydrateG: number;
  fatG: number;
}

export interface MealItem {
  /** What the user said for this item ("a cup of rice"). */
  description: string;
  foodId: number;
  foodName: string;
  quantity: number;
  unit: string;
  grams: number;
  /** How the grams were found: "1 cup = 158 g (food measure)", "6 oz = 170.1 g". */
  portion: string;
  macros: Macros;
}

export interface Meal {
  id: string;
  mealType: MealType;
  /** The day it was eaten, YYYY-MM-DD. */
  date: string;
  /** HH:MM, 24-hour. */
  time: string;
  eatenAt: string;
  items: MealItem[];
  totals: Macros;
  loggedAt: string;
}

export interface DayTotals {
  date: string;
  mealCount: number;
  totals: Macros;
  /** Present when the user has a profile. */
  targets?: Targets;
  /** Targets minus totals; negative when over. */
  remaining?: Macros;
  /** Totals as a percentage of targets, rounded. */
  percentOfTarget?: Macros;
}

export interface MealsReply {
  from: string;
  to: string;
  meals: Meal[];
  /** One entry per day of the range that has meals, oldest first. */
  days: DayTotals[];
  totals: Macros;
}

export interface MealDaySummary extends Record<string, unknown> {
  date: string;
  meals: Meal[];
  day: DayTotals;
}

export const prefetchFoodsRequestSchema = z.object({ message: z.string().trim().min(1).max(4000) });
export type PrefetchFoodsRequest = z.input<typeof prefetchFoodsRequestSchema>;
export interface PrefetchFoodsReply {
  /** The food searches the message is likely to need. */
  queries: string[];
  /** Query vectors embedded now, and found already embedded. */
  computed: number;
  cached: number;
}

export interface MealRpc {
  health(): Promise<Health>;
  handle(request: SpecialistRequest): Promise<Result<SpecialistReply>>;
  handleStream(request: SpecialistRequest): Promise<ReadableStream<Uint8Array>>;
  prefetchFoods(request: PrefetchFoodsRequest): Promise<Result<PrefetchFoodsReply>>;
  daySummary(request: MealDaySummaryRequest): Promise<Result<MealDaySummary>>;
  getMeals(request: GetMealsRequest): Promise<Result<MealsReply>>;
}
