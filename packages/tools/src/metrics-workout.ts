// The metrics-workout specialist's tools: body metrics, workouts, trends and personal records.
// The user is never an argument: the Worker binds every call to the user id the gateway passed.
// Units: a weight or load without a unit is read in the user's usual unit (from their history),
// else kg; everything is stored in kg, cm and metres, and replies use the user's unit.
import type { ToolDefinition } from "@ensemble/ai";
import { BODY_METRICS, CIRCUMFERENCE_SITES, isoDateSchema, weightUnitSchema } from "@ensemble/contracts";
import { z } from "zod";

/** How far back a read may look: about ten years. */
export const MAX_READ_DAYS = 3660;

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

const dateSchema = isoDateSchema.refine(isRealDate, "expected a real calendar date");
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time as HH:MM, 24-hour");
const noteSchema = z.string().trim().min(1, "note must not be empty").max(500, "note must be at most 500 characters");

const weightUnitField = weightUnitSchema.describe(
  '"kg" or "lb". Leave out when the user gave no unit: their usual unit is used.',
);

export const circumferenceSchema = z.strictObject({
  site: z.enum(CIRCUMFERENCE_SITES, { error: `site must be one of ${CIRCUMFERENCE_SITES.join(", ")}` }),
  value: z
    .number({ error: "value must be a number" })
    .positive("value must be more than 0")
    .max(300, "value must be at most 300"),
  unit: z
    .enum(["cm", "in"], { error: 'unit must be "cm" or "in"' })
    .optional()
    .describe("Leave out when the user gave no unit: their usual unit (else cm) is used."),
});

export const logBodyMetricSchema = z
  .strictObject({
    weight: z
      .number({ error: "weight must be a number" })
      .positive("weight must be more than 0")
      .max(1000, "weight must be at most 1000")
      .optional()
      .describe("Body weight."),
    weightUnit: weightUnitField.optional(),
    bodyFatPercent: z
      .number({ error: "bodyFatPercent must be a number" })
      .min(2, "bodyFatPercent must be at least 2")
      .max(75, "bodyFatPercent must be at most 75")
      .optional(),
    circumferences: z
      .array(circumferenceSchema)
      .min(1, "circumferences must hold at least one measurement")
      .max(CIRCUMFERENCE_SITES.length, `at most ${CIRCUMFERENCE_SITES.length} circumferences`)
      .optional()
      .describe("Waist, hips, chest, neck, arm, thigh or calf, in cm or in."),
    date: dateSchema.optional().describe("The day measured, YYYY-MM-DD; today when left out."),
    time: timeSchema.optional().describe("When measured, HH:MM 24-hour."),
    note: noteSchema.optional(),
  })
  .superRefine((value, context) => {
    if (value.weight === undefined && value.bodyFatPercent === undefined && value.circumferences === undefined) {
      context.addIssue({ code: "custom", message: "give at least one of weight, bodyFatPercent or circumferences" });
    }
    if (value.weightUnit !== undefined && value.weight === undefined) {
      context.addIssue({ code: "custom", message: "weightUnit needs a weight", path: ["weightUnit"] });
    }
    const sites = (value.circumferences ?? []).map((entry) => entry.site);
    if (new Set(sites).size !== sites.length) {
      context.addIssue({
        code: "custom",
        message: "each circumference site may appear once",
        path: ["circumferences"],
      });
    }
  });

export const setGroupSchema = z.strictObject({
  reps: z
    .number({ error: "reps must be a number" })
    .int("reps must be a whole number")
    .min(1, "reps must be at least 1")
    .max(1000, "reps must be at most 1000"),
  load: z
    .number({ error: "load must be a number" })
    .min(0, "load must not be negative")
    .max(2000, "load must be at most 2000")
    .optional()
    .describe("Weight lifted (bar and plates, or one dumbbell). Leave out for bodyweight sets."),
  unit: weightUnitField.optional(),
  count: z
    .number({ error: "count must be a number" })
    .int("count must be a whole number")
    .min(1, "count must be at least 1")
    .max(50, "count must be at most 50")
    .default(1)
    .describe("How many identical sets: 5 for 5x5, 3 for 3 sets of 8."),
});

const DISTANCE_LIMITS = { km: 1000, mi: 620, m: 1_000_000 } as const;

export const exerciseSchema = z
  .strictObject({
    name: z
      .string({ error: "each exercise needs a name" })
      .trim()
      .min(1, "name must not be empty")
      .max(100, "name must be at most 100 characters")
      .describe('The exercise or activity as the user said it: "bench", "squats", "run", "yoga".'),
    sets: z
      .array(setGroupSchema)
      .min(1, "sets must hold at least one set")
      .max(30, "at most 30 set groups per exercise")
      .optional()
      .describe("Strength work."),
    distance: z
      .number({ error: "distance must be a number" })
      .positive("distance must be more than 0")
      .max(1_000_000, "distance is too large")
      .optional()
      .describe("Cardio distance."),
    distanceUnit: z.enum(["km", "mi", "m"], { error: 'distanceUnit must be "km", "mi" or "m"' }).default("km"),
    durationMinutes: z
      .number({ error: "durationMinutes must be a number" })
      .positive("durationMinutes must be more than 0")
      .max(1440, "durationMinutes must be at most 1440")
      .optional(),
    notes: noteSchema.optional(),
  })
  .superRefine((value, context) => {
    if (value.distance !== undefined && value.distance > DISTANCE_LIMITS[value.distanceUnit]) {
      context.addIssue({
        code: "custom",
        message: `distance must be at most ${DISTANCE_LIMITS[value.distanceUnit]} ${value.distanceUnit}`,
        path: ["distance"],
      });
    }
  });

export const logWorkoutSchema = z.strictObject({
  exercises: z
    .array(exerciseSchema, { error: "exercises must be a list" })
    .min(1, "exercises must hold at least one exercise or activity")
    .max(30, "a workout holds at most 30 exercises")
    .describe(
      'Strength work with sets; cardio with distance and/or durationMinutes; a session without sets ("yoga", durationMinutes 30).',
    ),
  title: z
    .string()
    .trim()
    .min(1, "title must not be empty")
    .max(100, "title must be at most 100 characters")
    .optional()
    .describe('"leg day", "morning run".'),
  durationMinutes: z
    .number({ error: "durationMinutes must be a number" })
    .positive("durationMinutes must be more than 0")
    .max(1440, "durationMinutes must be at most 1440")
    .optional()
    .describe("Length of the whole session."),
  date: dateSchema.optional().describe("The day trained, YYYY-MM-DD; today when left out."),
  time: timeSchema.optional().describe("When, HH:MM 24-hour."),
  notes: noteSchema.optional(),
});

function checkReadRange(range: { from?: string; to?: string }, context: z.RefinementCtx): void {
  if (range.from !== undefined && range.to !== undefined) {
    if (range.from > range.to)
      context.addIssue({ code: "custom", message: "from must be on or before to", path: ["from"] });
    const days = (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000;
    if (days > MAX_READ_DAYS)
      context.addIssue({ code: "custom", message: `the range must be at most ${MAX_READ_DAYS} days`, path: ["from"] });
  }
}

const readRangeFields = {
  from: dateSchema.optional().describe("First day, YYYY-MM-DD."),
  to: dateSchema.optional().describe("Last day (included), YYYY-MM-DD; today when left out."),
  days: z
    .number({ error: "days must be a number" })
    .int("days must be a whole number")
    .min(1, "days must be at least 1")
    .max(MAX_READ_DAYS, `days must be at most ${MAX_READ_DAYS}`)
    .optional()
    .describe("Instead of from: this many days ending on to. Use 3650 for all history."),
};

export const getBodyMetricsSchema = z
  .strictObject({
    metric: z
      .enum(BODY_METRICS, { error: `metric must be one of ${BODY_METRICS.join(", ")}` })
      .optional()
      .describe("One metric; every metric with data when left out."),
    ...readRangeFields,
  })
  .superRefine(checkReadRange);

export const getWorkoutsSchema = z
  .strictObject({
    exercise: z
      .string()
      .trim()
      .min(1, "exercise must not be empty")
      .max(100, "exercise must be at most 100 characters")
      .optional()
      .describe("Only sessions with this exercise."),
    type: z
      .enum(["strength", "cardio", "session"], { error: 'type must be "strength", "cardio" or "session"' })
      .optional(),
    ...readRangeFields,
  })
  .superRefine(checkReadRange);

export const getPersonalRecordsSchema = z.strictObject({
  exercise: z
    .string()
    .trim()
    .min(1, "exercise must not be empty")
    .max(100, "exercise must be at most 100 characters")
    .optional()
    .describe("One exercise or activity; all when left out."),
});

export const metricsWorkoutTools = [
  {
    name: "log_body_metric",
    description:
      "Log body measurements the user took: weight (kg or lb), body-fat %, and circumferences (waist, hips, chest, neck, arm, thigh, calf in cm or in), with date and time. Only for measurements actually taken, never for goals or plans.",
    kind: "write",
    schema: logBodyMetricSchema,
  },
  {
    name: "get_body_metrics",
    description:
      "A body metric over a period (last 30 days by default): daily values with a 7-day moving average, first and latest value, change since the first entry and the weekly rate of change, in the user's unit.",
    kind: "read",
    schema: getBodyMetricsSchema,
  },
  {
    name: "log_workout",
    description:
      'Log one training session the user did: strength exercises with sets, reps, load and unit; cardio with distance and duration; or sessions without sets ("30 minute yoga"), plus notes. Only for training actually done, never for plans or skipped sessions.',
    kind: "write",
    schema: logWorkoutSchema,
  },
  {
    name: "get_workouts",
    description:
      "Training sessions over a period (last 7 days by default) with each exercise's sets and volume, volume per exercise, sets per muscle group and sessions per type.",
    kind: "read",
    schema: getWorkoutsSchema,
  },
  {
    name: "get_personal_records",
    description:
      "Personal records: heaviest set and best estimated 1RM (Epley) per exercise, and best pace and longest distance per cardio activity.",
    kind: "read",
    schema: getPersonalRecordsSchema,
  },
] as const satisfies ToolDefinition[];

export type LogBodyMetricArguments = z.infer<typeof logBodyMetricSchema>;
export type LogWorkoutArguments = z.infer<typeof logWorkoutSchema>;
export type ExerciseArguments = z.infer<typeof exerciseSchema>;
export type SetGroupArguments = z.infer<typeof setGroupSchema>;
export type GetBodyMetricsArguments = z.infer<typeof getBodyMetricsSchema>;
export type GetWorkoutsArguments = z.infer<typeof getWorkoutsSchema>;
export type GetPersonalRecordsArguments = z.infer<typeof getPersonalRecordsSchema>;
export type MetricsWorkoutToolName = (typeof metricsWorkoutTools)[number]["name"];
