// Body metrics and training, owned by the metrics-workout Worker: the plain read RPCs the gateway's
// dashboards call, and the shapes they answer with. Loads and body weight are stored in kg,
// circumferences in cm and distances in metres; replies carry the user's own unit as well.
import { z } from "zod";
import { dayRangeRequestSchema } from "./rpc.ts";

/** A dashboard asks for at most about a year and a half at once. */
export const MAX_RANGE_DAYS = 550;

export const BODY_METRICS = ["weight", "body_fat", "waist", "hips", "chest", "neck", "arm", "thigh", "calf"] as const;
export const bodyMetricSchema = z.enum(BODY_METRICS);
export type BodyMetric = z.infer<typeof bodyMetricSchema>;

export const CIRCUMFERENCE_SITES = ["waist", "hips", "chest", "neck", "arm", "thigh", "calf"] as const;
export type CircumferenceSite = (typeof CIRCUMFERENCE_SITES)[number];

export const weightUnitSchema = z.enum(["kg", "lb"]);
export type WeightUnit = z.infer<typeof weightUnitSchema>;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * The gateway's day-range request for `getBodyMetrics` and `getWorkouts` (`MetricsWorkoutRpc` in
 * rpc.ts): `date` alone is that day; `from` and `to` a range (both included); `from` alone runs to
 * today. With none, the Worker answers its default window ending today (30 days of body metrics,
 * 7 days of workouts).
 */
export const metricsRangeRequestSchema = dayRangeRequestSchema
  .refine((value) => value.date === undefined || (value.from === undefined && value.to === undefined), {
    message: "give either date or from and to, not both",
    path: ["date"],
  })
  .refine((value) => value.to === undefined || value.from !== undefined, { message: "to needs from", path: ["from"] })
  .refine((value) => value.from === undefined || value.to === undefined || value.from <= value.to, {
    message: "from must not be after to",
    path: ["from"],
  })
  .refine(
    (value) =>
      value.from === undefined || value.to === undefined || daysBetween(value.from, value.to) <= MAX_RANGE_DAYS,
    {
      message: `the range must be at most ${MAX_RANGE_DAYS} days`,
      path: ["to"],
    },
  );

export type BodyMetricPoint = {
  date: string;
  /** The day's mean, in the series' unit. */
  value: number;
  /** Mean of the daily values of the 7 days ending on `date` (days without data are skipped). */
  movingAverage7d: number;
  /** How many measurements the day had. */
  count: number;
};

export type BodyMetricSeries = {
  metric: BodyMetric;
  /** "kg" or "lb" for weight (the user's usual unit), "%" for body fat, "cm" or "in" for circumferences. */
  unit: string;
  points: BodyMetricPoint[];
  /** Days with at least one measurement in the range (points may be cut to the latest ones). */
  daysWithData: number;
  first: { date: string; value: number } | null;
  latest: { date: string; value: number } | null;
  /** latest - first, in `unit`. */
  changeSinceFirst: number | null;
  /** Least-squares slope of the daily values, per 7 days; null with fewer than 2 days of data. */
  weeklyRate: number | null;
};

export type BodyMetricsReply = {
  from: string;
  to: string;
  series: BodyMetricSeries[];
};

export type WorkoutSetGroup = {
  /** Identical sets in a row: 5 for "5x5". */
  count: number;
  reps: number;
  /** In the unit the user logged it (or their usual unit); null for bodyweight sets. */
  load: number | null;
  unit: WeightUnit | null;
  loadKg: number | null;
};

export type WorkoutExercise = {
  name: string;
  muscleGroup: string;
  kind: "strength" | "cardio" | "session";
  sets: WorkoutSetGroup[];
  /** Sum of reps x load over the sets, in kg; 0 for bodyweight work. */
  volumeKg: number;
  /** Distance in the unit the user gave it (km, mi or m). */
  distance: number | null;
  distanceUnit: "km" | "mi" | "m" | null;
  distanceKm: number | null;
  durationMinutes: number | null;
  /** Seconds per km, when both distance and duration are known. */
  paceSecondsPerKm: number | null;
  notes: string | null;
};

export type WorkoutSession = {
  id: string;
  date: string;
  time: string | null;
  title: string | null;
  type: "strength" | "cardio" | "mixed" | "session";
  durationMinutes: number | null;
  notes: string | null;
  exercises: WorkoutExercise[];
};

export type WorkoutsReply = {
  from: string;
  to: string;
  /** The unit of `volume` figures: the user's usual load unit. */
  loadUnit: WeightUnit;
  sessions: WorkoutSession[];
  totals: {
    sessions: number;
    sets: number;
    volume: number;
    volumeKg: number;
    distanceKm: number;
    durationMinutes: number;
  };
  /** Sum of reps x load per exercise, in `loadUnit`. */
  volumeByExercise: Record<string, number>;
  /** Strength sets per muscle group. */
  setsByMuscleGroup: Record<string, number>;
  /** Sessions per type: strength, cardio, mixed, session. */
  sessionsByType: Record<string, number>;
  /** How many times each cardio activity or session (run, yoga, ...) was done. */
  activities: Record<string, number>;
};
