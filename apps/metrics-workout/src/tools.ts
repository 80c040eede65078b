// Runs one tool call for one user. Arguments are validated here again (the tool runner validates
// too, but RPC callers and tests reach this directly), and every expected failure comes back as a
// Result, so bad input never writes anything and never throws across RPC.
import { type Result, type WorkoutSession, failure, success } from "@ensemble/contracts";
import {
  type GetBodyMetricsArguments,
  type GetWorkoutsArguments,
  getBodyMetricsSchema,
  getPersonalRecordsSchema,
  getWorkoutsSchema,
  logBodyMetricSchema,
  logWorkoutSchema,
  metricsWorkoutTools,
} from "@ensemble/tools";
import { z } from "zod";
import { addDays, formatDuration, round } from "./stats.ts";
import { bodyMetricSeries, latestMetrics, logBodyMetric } from "./store/body-metrics.ts";
import { BadRequest, type StoreContext } from "./store/context.ts";
import { personalRecords } from "./store/records.ts";
import { listWorkouts, logWorkout } from "./store/workouts.ts";

export const DEFAULT_BODY_METRIC_DAYS = 30;
export const DEFAULT_WORKOUT_DAYS = 7;
/** The tool loop cuts results past 4,000 characters; these caps keep every result whole. */
const MAX_POINTS_ONE_METRIC = 21;
const MAX_POINTS_PER_METRIC = 7;
const MAX_SESSIONS_LISTED = 10;

export type BodyMetricsToolResult = Awaited<ReturnType<typeof getBodyMetricsTool>>;
export type WorkoutsToolResult = Awaited<ReturnType<typeof getWorkoutsTool>>;

export interface ToolContext extends StoreContext {
  /** A fresh idempotency key for each write of the request: `${requestId}:${index}`. */
  nextIdempotencyKey(): string;
}

export const TOOL_NAMES = metricsWorkoutTools.map((tool) => tool.name);

function resolveRange(
  args: { from?: string; to?: string; days?: number },
  today: string,
  defaultDays: number,
): { from: string; to: string } {
  const to = args.to ?? (args.from !== undefined && args.from > today ? args.from : today);
  const from = args.from ?? addDays(to, -((args.days ?? defaultDays) - 1));
  return { from, to };
}

function parse<T>(schema: z.ZodType<T>, args: unknown): T {
  const result = schema.safeParse(args);
  if (!result.success) throw new BadRequest(z.prettifyError(result.error).replace(/\n+/g, "; "));
  return result.data;
}

export async function executeTool(context: ToolContext, name: string, args: unknown): Promise<Result<unknown>> {
  try {
    switch (name) {
      case "log_body_metric":
        return success(
          await logBodyMetric(
            { ...context, idempotencyKey: context.nextIdempotencyKey() },
            parse(logBodyMetricSchema, args),
          ),
        );
      case "log_workout":
        return success(
          await logWorkout({ ...context, idempotencyKey: context.nextIdempotencyKey() }, parse(logWorkoutSchema, args)),
        );
      case "get_body_metrics":
        return success(await getBodyMetricsTool(context, parse(getBodyMetricsSchema, args)));
      case "get_workouts":
        return success(await getWorkoutsTool(context, parse(getWorkoutsSchema, args)));
      case "get_personal_records": {
        const parsed = parse(getPersonalRecordsSchema, args);
        return success(await personalRecords(context, parsed.exercise));
      }
      default:
        return failure("bad_request", `unknown tool "${name}"; the tools are ${TOOL_NAMES.join(", ")}`);
    }
  } catch (error) {
    if (error instanceof BadRequest) return failure("bad_request", error.message);
    const message = error instanceof Error ? error.message : String(error);
    return failure("unavailable", `the metrics database failed: ${message}`, true);
  }
}

async function getBodyMetricsTool(context: StoreContext, args: GetBodyMetricsArguments) {
  const range = resolveRange(args, context.today, DEFAULT_BODY_METRIC_DAYS);
  const reply = await bodyMetricSeries(context, {
    ...range,
    ...(args.metric ? { metric: args.metric } : {}),
    maxPoints: args.metric ? MAX_POINTS_ONE_METRIC : MAX_POINTS_PER_METRIC,
  });
  // When the period holds no data, the last value before it still answers "what do I weigh".
  const empty = reply.series.some((entry) => entry.latest === null);
  const before = empty ? await latestMetrics(context, addDays(range.from, -1)) : [];
  const series = reply.series.map((entry) => {
    const last = before.find((metric) => metric.metric === entry.metric);
    return entry.latest === null && last !== undefined
      ? { ...entry, lastBeforePeriod: { date: last.date, value: last.value } }
      : entry;
  });
  return { ...reply, series };
}

/** One line per exercise: "squat 5x5 @ 100 kg", "run 5 km in 27:00 (5:24/km)". */
export function describeExercise(exercise: WorkoutSession["exercises"][number]): string {
  const parts: string[] = [exercise.name];
  if (exercise.sets.length > 0) {
    parts.push(
      exercise.sets
        .map(
          (group) =>
            `${group.count}x${group.reps}${group.load === null ? "" : ` @ ${round(group.load, 1)} ${group.unit}`}`,
        )
        .join(", "),
    );
  }
  if (exercise.distance !== null) parts.push(`${exercise.distance} ${exercise.distanceUnit}`);
  if (exercise.durationMinutes !== null)
    parts.push(
      exercise.distance !== null
        ? `in ${formatDuration(exercise.durationMinutes * 60)}`
        : `${round(exercise.durationMinutes, 1)} min`,
    );
  return parts.join(" ");
}

async function getWorkoutsTool(context: StoreContext, args: GetWorkoutsArguments) {
  const range = resolveRange(args, context.today, DEFAULT_WORKOUT_DAYS);
  const reply = await listWorkouts(context, {
    ...range,
    ...(args.exercise ? { exercise: args.exercise } : {}),
    ...(args.type ? { type: args.type } : {}),
  });
  const listed = reply.sessions.slice(-MAX_SESSIONS_LISTED);
  return {
    from: reply.from,
    to: reply.to,
    loadUnit: reply.loadUnit,
    totals: reply.totals,
    volumeByExercise: reply.volumeByExercise,
    setsByMuscleGroup: reply.setsByMuscleGroup,
    sessionsByType: reply.sessionsByType,
    activities: reply.activities,
    sessions: listed.map((session) => ({
      date: session.date,
      type: session.type,
      ...(session.title ? { title: session.title } : {}),
      exercises: session.exercises.map(describeExercise),
    })),
    sessionsNotListed: reply.sessions.length - listed.length,
  };
}
