// The meal tools' executors. Each call is bound to one user and one request: the user id and the
// targets come from the gateway's request, never from the model's arguments; the request id makes
// writes idempotent. Results are compact views for a model to read (the tool runner cuts results
// at 4,000 characters), with rounded numbers it can quote as they are.
import {
  type DayTotals,
  type Macros,
  type Meal,
  type MealType,
  type Result,
  type Targets,
  failure,
  success,
} from "@ensemble/contracts";
import { addDays, isoDate, mealTypeForTime } from "@ensemble/ai/local";
import {
  deleteMealSchema,
  getDailyTotalsSchema,
  getMealsSchema,
  logMealSchema,
  mealTools,
  searchFoodsSchema,
  type DeleteMealArguments,
  type GetDailyTotalsArguments,
  type GetMealsArguments,
  type LogMealArguments,
  type SearchFoodsArguments,
} from "@ensemble/tools";
import { z } from "zod";
import { type FoodSource, chooseFood, per100gMacros, resolveItem } from "./foods.ts";
import { dayTotals, roundTo1, sumMacros } from "./macros.ts";
import {
  type MealFilter,
  deleteMeal,
  findDeletion,
  findMeal,
  findMealByKey,
  insertMeal,
  lastLoggedMeal,
  listMeals,
  totalsByDay,
} from "./store.ts";

export interface MealToolContext {
  database: D1Database;
  foods: FoodSource;
  /** From the gateway's request; the only user any call can read or write. */
  userId: string;
  /** From the gateway's request; with a per-request call counter it keys idempotent writes. */
  requestId: string;
  /** The request's "now": today, and the default time of a meal. */
  now: Date;
  targets?: Targets;
}

/** How far back a meal may be logged; further usually means a misread date. */
const MAX_DAYS_BACK = 366;
/** Keep model-facing results under the tool runner's 4,000-character cut. */
const RESULT_BUDGET = 3600;
const USUAL_TIME: Record<MealType, string> = { breakfast: "08:00", lunch: "12:30", dinner: "19:00", snack: "15:30" };

// ---------------------------------------------------------------------------------------------
// Views: what the model reads.

export interface MacroView {
  energyKcal: number;
  proteinG: number;
  carbohydrateG: number;
  fatG: number;
}

export function macroView(macros: Macros): MacroView {
  return {
    energyKcal: Math.round(macros.energyKcal),
    proteinG: roundTo1(macros.proteinG),
    carbohydrateG: roundTo1(macros.carbohydrateG),
    fatG: roundTo1(macros.fatG),
  };
}

export interface ItemView extends MacroView {
  food: string;
  foodId: number;
  match: string;
  grams: number;
  portion?: string;
}

export interface MealView {
  id: string;
  mealType: MealType;
  date: string;
  time: string;
  items: ItemView[];
  totals: MacroView;
}

export interface DayView {
  date: string;
  mealCount: number;
  totals: MacroView;
  targets?: Targets;
  remaining?: MacroView;
  percentOfTarget?: Macros;
}

export interface SearchHitView {
  foodId: number;
  name: string;
  group: string;
  per100g: MacroView;
  portion?: MacroView & { grams: number; description: string };
  portionError?: string;
  measures?: string[];
}

export interface SearchFoodsResult {
  query: string;
  portion?: { quantity: number; unit: string };
  hits: SearchHitView[];
}

export interface LogMealResult {
  /** True when a retried request found the meal its first attempt logged. */
  alreadyLogged: boolean;
  meal: MealView;
  day: DayView;
  notes?: string[];
}

export interface GetMealsResult {
  from: string;
  to: string;
  mealType?: MealType;
  mealCount: number;
  totals: MacroView;
  days: DayView[];
  meals: MealView[];
  /** Meals left out (the oldest) to keep the result short; the day totals still count them. */
  mealsOmitted?: number;
  daysOmitted?: number;
}

export interface DailyTotalsResult extends DayView {
  hasTargets: boolean;
  meals: { mealType: MealType; time: string; energyKcal: number; proteinG: number }[];
}

export interface DeleteMealResult {
  alreadyDeleted: boolean;
  deleted: { id: string; description: string; mealType?: MealType; date?: string; time?: string; totals?: MacroView };
  day?: DayView;
}

function mealView(meal: Meal, detail: "full" | "short"): MealView {
  return {
    id: meal.id,
    mealType: meal.mealType,
    date: meal.date,
    time: meal.time,
    items: meal.items.map((item) => ({
      food: item.description,
      foodId: item.foodId,
      match: item.foodName,
      grams: roundTo1(item.grams),
      ...(detail === "full" ? { portion: item.portion } : {}),
      ...macroView(item.macros),
    })),
    totals: macroView(meal.totals),
  };
}

function dayView(day: DayTotals): DayView {
  return {
    date: day.date,
    mealCount: day.mealCount,
    totals: macroView(day.totals),
    ...(day.targets ? { targets: day.targets } : {}),
    ...(day.remaining ? { remaining: macroView(day.remaining) } : {}),
    ...(day.percentOfTarget ? { percentOfTarget: day.percentOfTarget } : {}),
  };
}

function size(value: unknown): number {
  return JSON.stringify(value).length;
}

/** Shortens long USDA names until the value fits the budget. */
function shortenMatches(meals: MealView[]): void {
  for (const meal of meals) {
    for (const item of meal.items) {
      delete item.portion;
      if (item.match.length > 48) item.match = `${item.match.slice(0, 47)}…`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Executors.

function badArguments(error: z.ZodError): Result<never> {
  return failure("bad_request", z.prettifyError(error).replace(/\n+/g, "; "));
}

function today(context: MealToolContext): string {
  return isoDate(context.now);
}

function nowTime(context: MealToolContext): string {
  return context.now.toISOString().slice(11, 16);
}

async function dayOf(context: MealToolContext, date: string): Promise<DayTotals> {
  const [row] = await totalsByDay(context.database, context.userId, date, date);
  return dayTotals(date, row?.mealCount ?? 0, row?.totals ?? sumMacros([]), context.targets);
}

export async function searchFoods(
  context: MealToolContext,
  args: SearchFoodsArguments,
): Promise<Result<SearchFoodsResult>> {
  const search = await context.foods.searchFoods({ query: args.query, limit: Math.max(args.limit, 5) });
  if (!search.ok) return search;
  const chosen = chooseFood(args.query, search.value.hits, args.unit);
  const hits = [...search.value.hits]
    .sort((left, right) => Number(right.food === chosen) - Number(left.food === chosen))
    .slice(0, args.limit);
  if (hits.length === 0) return failure("not_found", `no food in the USDA database matches "${args.query}"`);
  const withPortion = args.quantity !== undefined || args.unit !== undefined;
  const views = await Promise.all(
    hits.map(async (hit, index) => {
      const view: SearchHitView = {
        foodId: hit.food.id,
        name: hit.food.name,
        group: hit.food.group,
        per100g: macroView(per100gMacros(hit.food)),
      };
      // Portions for the best few only: each costs a round trip to the embedding Worker.
      if (withPortion && index < 3) {
        const item = await resolveItem(context.foods, {
          food: args.query,
          foodId: hit.food.id,
          quantity: args.quantity ?? 1,
          ...(args.unit !== undefined ? { unit: args.unit } : {}),
        });
        if (item.ok)
          view.portion = {
            grams: roundTo1(item.value.grams),
            description: item.value.portion,
            ...macroView(item.value.macros),
          };
        else view.portionError = item.error.message;
      }
      if (index < 3)
        view.measures = hit.food.measures.slice(0, 4).map((measure) => `${measure.name} = ${measure.grams} g`);
      return view;
    }),
  );
  return success({
    query: args.query,
    ...(withPortion ? { portion: { quantity: args.quantity ?? 1, unit: args.unit ?? "serving" } } : {}),
    hits: views,
  });
}

export async function logMeal(
  context: MealToolContext,
  args: LogMealArguments,
  callIndex: number,
): Promise<Result<LogMealResult>> {
  const idempotencyKey = `${context.requestId}:log_meal:${callIndex}`;
  const previous = await findMealByKey(context.database, context.userId, idempotencyKey);
  if (previous !== null)
    return success({
      alreadyLogged: true,
      meal: mealView(previous, "full"),
      day: dayView(await dayOf(context, previous.date)),
    });

  const todayDate = today(context);
  const date = args.date ?? todayDate;
  if (date > todayDate)
    return failure(
      "bad_request",
      `date ${date} is in the future (today is ${todayDate}); only meals already eaten can be logged`,
    );
  if (date < addDays(todayDate, -MAX_DAYS_BACK))
    return failure("bad_request", `date ${date} is more than a year ago; check the date`);
  let time = args.time;
  if (time === undefined) {
    const usual = args.mealType === undefined ? nowTime(context) : USUAL_TIME[args.mealType];
    // A meal logged today without a time was eaten by now, so its usual time cannot be later.
    time = date === todayDate && usual > nowTime(context) ? nowTime(context) : usual;
  }
  const mealType = args.mealType ?? mealTypeForTime(time);

  const resolved = await Promise.all(args.items.map((item) => resolveItem(context.foods, item)));
  const problems = resolved.flatMap((result, index) =>
    result.ok ? [] : [`item ${index + 1} ("${args.items[index]?.food}"): ${result.error.message}`],
  );
  if (problems.length > 0) {
    const retryable = resolved.some((result) => !result.ok && result.error.retryable);
    return failure(retryable ? "unavailable" : "bad_request", `nothing was logged: ${problems.join("; ")}`, retryable);
  }
  const items = resolved.flatMap((result) => (result.ok ? [result.value] : []));
  const { meal, created } = await insertMeal(context.database, {
    id: crypto.randomUUID(),
    userId: context.userId,
    idempotencyKey,
    mealType,
    date,
    time,
    ...(args.note ? { note: args.note } : {}),
    items: items.map(({ missing: _missing, ...item }) => item),
    loggedAt: new Date().toISOString(),
  });
  const notes = items.flatMap((item) =>
    item.missing.length > 0 ? [`USDA lists no ${item.missing.join(", ")} for ${item.foodName}; counted as 0`] : [],
  );
  const view = mealView(meal, "full");
  const result: LogMealResult = {
    alreadyLogged: !created,
    meal: view,
    day: dayView(await dayOf(context, date)),
    ...(notes.length > 0 ? { notes } : {}),
  };
  if (size(result) > RESULT_BUDGET) shortenMatches([view]);
  return success(result);
}

function rangeOf(
  context: MealToolContext,
  args: { date?: string; from?: string; to?: string },
): { from: string; to: string } {
  if (args.from !== undefined && args.to !== undefined) return { from: args.from, to: args.to };
  const date = args.date ?? today(context);
  return { from: date, to: date };
}

export async function getMeals(context: MealToolContext, args: GetMealsArguments): Promise<Result<GetMealsResult>> {
  const { from, to } = rangeOf(context, args);
  const filter: MealFilter = { from, to, ...(args.mealType ? { mealType: args.mealType } : {}) };
  const meals = await listMeals(context.database, context.userId, filter);
  const rows = await totalsByDay(context.database, context.userId, from, to);
  const days = rows.map((row) => dayView(dayTotals(row.date, row.mealCount, row.totals, context.targets)));
  const views = meals.map((meal) => mealView(meal, "short"));
  const result: GetMealsResult = {
    from,
    to,
    ...(args.mealType ? { mealType: args.mealType } : {}),
    mealCount: meals.length,
    totals: macroView(sumMacros(meals.map((meal) => meal.totals))),
    days,
    meals: views,
  };
  if (size(result) > RESULT_BUDGET) shortenMatches(views);
  // Over a long range, the newest meals are the ones worth reading; the day totals cover the rest.
  while (size(result) > RESULT_BUDGET && views.length > 0) {
    views.shift();
    result.mealsOmitted = meals.length - views.length;
  }
  while (size(result) > RESULT_BUDGET && days.length > 0) {
    days.shift();
    result.daysOmitted = rows.length - days.length;
  }
  return success(result);
}

export async function getDailyTotals(
  context: MealToolContext,
  args: GetDailyTotalsArguments,
): Promise<Result<DailyTotalsResult>> {
  const date = args.date ?? today(context);
  const meals = await listMeals(context.database, context.userId, { from: date, to: date });
  const totals = dayTotals(date, meals.length, sumMacros(meals.map((meal) => meal.totals)), context.targets);
  return success({
    ...dayView(totals),
    hasTargets: context.targets !== undefined,
    meals: meals.map((meal) => ({
      mealType: meal.mealType,
      time: meal.time,
      energyKcal: Math.round(meal.totals.energyKcal),
      proteinG: roundTo1(meal.totals.proteinG),
    })),
  });
}

function describeMeal(meal: Meal): string {
  const foods = meal.items.map((item) => item.description).join(", ");
  return `${meal.mealType} on ${meal.date} at ${meal.time}: ${foods} (${Math.round(meal.totals.energyKcal)} kcal)`;
}

/** How far back "delete the pizza" looks when no date is named. */
const CONTAINING_LOOKBACK_DAYS = 7;

export async function deleteMealTool(
  context: MealToolContext,
  args: DeleteMealArguments,
  callIndex: number,
): Promise<Result<DeleteMealResult>> {
  const idempotencyKey = `${context.requestId}:delete_meal:${callIndex}`;
  const earlier = await findDeletion(context.database, context.userId, idempotencyKey);
  if (earlier !== null)
    return success({ alreadyDeleted: true, deleted: { id: earlier.mealId, description: earlier.summary } });

  let meal: Meal | null;
  if (args.mealId !== undefined) {
    meal = await findMeal(context.database, context.userId, args.mealId);
    if (meal === null) return failure("not_found", `no meal with id ${args.mealId}`);
  } else if (args.mealType === undefined && args.containing === undefined && args.date === undefined) {
    meal = await lastLoggedMeal(context.database, context.userId);
    if (meal === null) return failure("not_found", "there are no meals to delete");
  } else {
    const todayDate = today(context);
    const from =
      args.date ??
      (args.containing !== undefined && args.mealType === undefined
        ? addDays(todayDate, -(CONTAINING_LOOKBACK_DAYS - 1))
        : todayDate);
    const to = args.date ?? todayDate;
    const filter: MealFilter = {
      from,
      to,
      ...(args.mealType ? { mealType: args.mealType } : {}),
      ...(args.containing ? { containing: args.containing } : {}),
    };
    const candidates = await listMeals(context.database, context.userId, filter, "logged-desc", 10);
    const wanted = [
      args.mealType,
      args.containing ? `with "${args.containing}"` : undefined,
      from === to ? `on ${from}` : `from ${from} to ${to}`,
    ]
      .filter(Boolean)
      .join(" ");
    if (candidates.length === 0) return failure("not_found", `no meal ${wanted}`);
    if (candidates.length > 1 && args.last !== true) {
      const list = candidates.map((candidate) => `${candidate.id} = ${describeMeal(candidate)}`).join("; ");
      return failure(
        "conflict",
        `${candidates.length} meals match (${wanted}); nothing was deleted. Ask which one, then delete it by mealId: ${list}`,
      );
    }
    meal = candidates[0] ?? null;
  }
  if (meal === null) return failure("not_found", "no such meal");

  const summary = describeMeal(meal);
  const deleted = await deleteMeal(
    context.database,
    context.userId,
    idempotencyKey,
    meal.id,
    summary,
    new Date().toISOString(),
  );
  if (!deleted) {
    const recorded = await findDeletion(context.database, context.userId, idempotencyKey);
    if (recorded !== null)
      return success({ alreadyDeleted: true, deleted: { id: recorded.mealId, description: recorded.summary } });
    return failure("conflict", "the meal changed while deleting it; nothing was deleted", true);
  }
  return success({
    alreadyDeleted: false,
    deleted: {
      id: meal.id,
      description: summary,
      mealType: meal.mealType,
      date: meal.date,
      time: meal.time,
      totals: macroView(meal.totals),
    },
    day: dayView(await dayOf(context, meal.date)),
  });
}

const SCHEMAS = {
  search_foods: searchFoodsSchema,
  log_meal: logMealSchema,
  get_meals: getMealsSchema,
  get_daily_totals: getDailyTotalsSchema,
  delete_meal: deleteMealSchema,
} as const;

export type MealToolName = keyof typeof SCHEMAS;

export function isMealToolName(name: string): name is MealToolName {
  return Object.hasOwn(SCHEMAS, name);
}

/**
 * One request's tool executor. Writes are numbered in call order so that a retried request
 * (the same request id, the same calls) reuses the same idempotency keys.
 */
export function createMealToolExecutor(context: MealToolContext) {
  const writeCalls: Record<string, number> = {};
  return async function execute(name: string, rawArguments: Record<string, unknown>): Promise<Result<unknown>> {
    if (!isMealToolName(name))
      return failure(
        "bad_request",
        `unknown tool "${name}"; the meal tools are ${mealTools.map((tool) => tool.name).join(", ")}`,
      );
    const parsed = SCHEMAS[name].safeParse(rawArguments);
    if (!parsed.success) return badArguments(parsed.error);
    switch (name) {
      case "search_foods":
        return searchFoods(context, parsed.data as SearchFoodsArguments);
      case "log_meal": {
        const index = (writeCalls.log_meal = (writeCalls.log_meal ?? -1) + 1);
        return logMeal(context, parsed.data as LogMealArguments, index);
      }
      case "get_meals":
        return getMeals(context, parsed.data as GetMealsArguments);
      case "get_daily_totals":
        return getDailyTotals(context, parsed.data as GetDailyTotalsArguments);
      case "delete_meal": {
        const index = (writeCalls.delete_meal = (writeCalls.delete_meal ?? -1) + 1);
        return deleteMealTool(context, parsed.data as DeleteMealArguments, index);
      }
    }
  };
}
