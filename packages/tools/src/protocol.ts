// The protocol specialist's tools: supplements the user takes on a schedule, the intakes they log,
// and how consistently they take them. The user is never an argument: the protocol Worker binds
// every call to the user id the gateway passed over RPC. Dates are UTC calendar days.
import type { ToolDefinition } from "@ensemble/ai";
import {
  MAX_ADHERENCE_DAYS,
  PROTOCOL_TIMES_OF_DAY,
  PROTOCOL_WEEKDAYS,
  calendarDateSchema,
  protocolTimeSchema,
  protocolUnitSchema,
} from "@ensemble/contracts";
import { z } from "zod";

const nameSchema = z
  .string({ error: "name is required: the supplement, in words" })
  .trim()
  .min(1, "name must not be empty")
  .max(80, "name must be at most 80 characters");

const doseSchema = z
  .number({ error: "dose must be a number" })
  .positive("dose must be more than 0")
  .max(100_000, "dose must be at most 100000");

const timesPerDaySchema = z
  .number({ error: "timesPerDay must be a number" })
  .int("timesPerDay must be a whole number")
  .min(1, "timesPerDay must be at least 1")
  .max(6, "timesPerDay must be at most 6");

const timeOfDaySchema = z
  .array(z.enum(PROTOCOL_TIMES_OF_DAY, { error: `each timeOfDay must be one of ${PROTOCOL_TIMES_OF_DAY.join(", ")}` }))
  .min(1, "timeOfDay must hold at least one time, or be left out")
  .max(6, "timeOfDay holds at most 6 times");

const daysOfWeekSchema = z
  .array(z.enum(PROTOCOL_WEEKDAYS, { error: `each day must be one of ${PROTOCOL_WEEKDAYS.join(", ")}` }))
  .min(1, "daysOfWeek must hold at least one day, or be left out for every day")
  .max(7, "daysOfWeek holds at most 7 days")
  .refine((days) => new Set(days).size === days.length, "daysOfWeek must not repeat a day");

interface ScheduleFields {
  dose?: number | undefined;
  unit?: string | undefined;
  timesPerDay?: number | undefined;
  timeOfDay?: string[] | undefined;
}

/**
 * The most one dose can be in each unit, well above any real supplement dose: 500 g of creatine is
 * a misread number. Grams cover protein powder; IU cover a high-dose vitamin D prescription.
 */
const MAX_DOSE: Record<string, number> = {
  g: 100,
  mg: 100_000,
  mcg: 100_000,
  IU: 1_000_000,
  capsules: 50,
  drops: 200,
  scoops: 10,
  ml: 1000,
};

/** Dose and unit go together, and the dose must be one a person could take. */
function checkDose(fields: { dose?: number | undefined; unit?: string | undefined }, context: z.RefinementCtx): void {
  if ((fields.dose === undefined) !== (fields.unit === undefined)) {
    context.addIssue({ code: "custom", message: "dose and unit go together: give both or neither" });
    return;
  }
  const limit = fields.unit === undefined ? undefined : MAX_DOSE[fields.unit];
  if (fields.dose !== undefined && limit !== undefined && fields.dose > limit) {
    context.addIssue({
      code: "custom",
      message: `a dose of ${fields.dose} ${fields.unit} is more than ${limit} ${fields.unit}; check the number and unit`,
      path: ["dose"],
    });
  }
}

function checkSchedule(fields: ScheduleFields, context: z.RefinementCtx): void {
  checkDose(fields, context);
  if (fields.timeOfDay !== undefined && new Set(fields.timeOfDay).size !== fields.timeOfDay.length) {
    context.addIssue({ code: "custom", message: "timeOfDay must not repeat a time" });
  }
  if (
    fields.timesPerDay !== undefined &&
    fields.timeOfDay !== undefined &&
    fields.timeOfDay.length > fields.timesPerDay
  ) {
    context.addIssue({
      code: "custom",
      message: `timeOfDay names ${fields.timeOfDay.length} times but timesPerDay is ${fields.timesPerDay}`,
    });
  }
}

export const createProtocolSchema = z
  .strictObject({
    name: nameSchema.describe("The supplement as the user names it: 'creatine', 'vitamin D3', 'fish oil'."),
    dose: doseSchema.optional().describe("Amount per dose, with unit; leave both out when the user did not say."),
    unit: protocolUnitSchema
      .optional()
      .describe("g, mg, mcg, IU, capsules (pills, tablets, softgels), drops, scoops or ml."),
    timesPerDay: timesPerDaySchema
      .optional()
      .describe("Doses a day; the number of timeOfDay entries, or 1, when left out."),
    timeOfDay: timeOfDaySchema.optional().describe("When in the day: morning, midday, afternoon, evening, before_bed."),
    daysOfWeek: daysOfWeekSchema.optional().describe("Days it is taken (mon..sun); every day when left out."),
    withMeals: z.boolean({ error: "withMeals must be true or false" }).optional().describe("Taken with food."),
    startDate: calendarDateSchema.optional().describe("First day, YYYY-MM-DD; today when left out."),
  })
  .superRefine(checkSchedule);

export const listProtocolsSchema = z.strictObject({
  status: z
    .enum(["active", "paused", "stopped", "all"], { error: "status must be active, paused, stopped or all" })
    .default("all")
    .describe("Which items; all of them when left out."),
});

export const UPDATE_ACTIONS = ["change", "pause", "resume", "stop"] as const;

export const updateProtocolSchema = z
  .strictObject({
    item: nameSchema.describe("The item, by name as the user says it ('omega-3s' finds fish oil) or by id."),
    action: z
      .enum(UPDATE_ACTIONS, { error: "action must be change, pause, resume or stop" })
      .describe(
        "change: new dose or schedule from today; pause: skip days until resumeOn (or until resumed); resume; stop for good.",
      ),
    dose: doseSchema.optional().describe("change: the new amount per dose, with unit."),
    unit: protocolUnitSchema.optional(),
    timesPerDay: timesPerDaySchema.optional().describe("change: the new doses a day."),
    timeOfDay: timeOfDaySchema.optional().describe("change: the new times of day."),
    daysOfWeek: daysOfWeekSchema.optional().describe("change: the new days of the week."),
    withMeals: z.boolean({ error: "withMeals must be true or false" }).optional(),
    resumeOn: calendarDateSchema
      .optional()
      .describe(
        "pause: the first day back on it, YYYY-MM-DD (a pause 'for two weeks' from today resumes today + 14); left out, the pause lasts until resumed.",
      ),
  })
  .superRefine((update, context) => {
    const changes = ["dose", "unit", "timesPerDay", "timeOfDay", "daysOfWeek", "withMeals"] as const;
    const given = changes.filter((field) => update[field] !== undefined);
    if (update.action === "change") {
      if (given.length === 0)
        context.addIssue({
          code: "custom",
          message: "change needs at least one of dose and unit, timesPerDay, timeOfDay, daysOfWeek, withMeals",
        });
      checkSchedule(update, context);
    } else if (given.length > 0) {
      context.addIssue({ code: "custom", message: `${given.join(", ")} only go with action change` });
    }
    if (update.resumeOn !== undefined && update.action !== "pause") {
      context.addIssue({ code: "custom", message: "resumeOn only goes with action pause" });
    }
  });

export const intakeItemSchema = z.strictObject({
  name: nameSchema.describe(
    "What was taken, as the user said it ('my omega-3s', 'vit d'); matched loosely to the user's items.",
  ),
  dose: doseSchema.optional().describe("The amount, with unit, when the user said one."),
  unit: protocolUnitSchema.optional(),
  date: calendarDateSchema.optional().describe("The day it was taken, YYYY-MM-DD; today when left out."),
  time: protocolTimeSchema.optional().describe("When, HH:MM 24-hour; now (or noon for another day) when left out."),
});

export const logSupplementIntakeSchema = z.strictObject({
  items: z
    .array(intakeItemSchema.superRefine(checkDose), { error: "items must be a list of what was taken" })
    .min(1, "items must hold at least one supplement")
    .max(20, "at most 20 items at once"),
});

export const getAdherenceSchema = z
  .strictObject({
    item: nameSchema.optional().describe("One item, by name or id; every item when left out."),
    from: calendarDateSchema.optional().describe("First day of the period, with to."),
    to: calendarDateSchema.optional().describe("Last day (inclusive); today when left out."),
    days: z
      .number({ error: "days must be a number" })
      .int("days must be a whole number")
      .min(1, "days must be at least 1")
      .max(MAX_ADHERENCE_DAYS, `days must be at most ${MAX_ADHERENCE_DAYS}`)
      .optional()
      .describe("The last N days ending on to (or today); 7 when no period is given."),
  })
  .superRefine((period, context) => {
    if (period.from !== undefined && period.days !== undefined) {
      context.addIssue({ code: "custom", message: "give from or days, not both" });
    }
    if (period.from !== undefined && period.to !== undefined && period.from > period.to) {
      context.addIssue({ code: "custom", message: "from must be on or before to" });
    }
  });

export const protocolTools = [
  {
    name: "create_protocol",
    description:
      "Add a supplement the user takes (or starts taking) on a schedule: name, dose and unit, times per day, time of day, days of the week, with meals, start date (a future one for a plan: 'starting Monday'). Only for the user's own routine, never for a question or a maybe.",
    kind: "write",
    // Setting up a schedule is the write: "starting creatine tomorrow, 5 g daily" records a plan.
    acceptsPlans: true,
    schema: createProtocolSchema,
  },
  {
    name: "list_protocols",
    description: "The user's supplements with dose, schedule and status (active, paused, stopped). Saves nothing.",
    kind: "read",
    schema: listProtocolsSchema,
  },
  {
    name: "update_protocol",
    description:
      "Change an item's dose or schedule (from today), pause it (optionally until a date), resume it, or stop it. The item is matched loosely by name.",
    kind: "write",
    // "pause fish oil until next Monday" is the change itself, said as a plan.
    acceptsPlans: true,
    schema: updateProtocolSchema,
  },
  {
    name: "log_supplement_intake",
    description:
      "Record supplements the user says they took, and when. Names match the user's items loosely ('omega-3s' is fish oil, 'vit d' is vitamin D); something not in their protocol is logged as an as-needed item. Never for things not taken.",
    kind: "write",
    schema: logSupplementIntakeSchema,
  },
  {
    name: "get_adherence",
    description:
      "Per item: doses taken against doses scheduled over a period (the last 7 days by default), today's doses still due, and the missed ones with their dates. Saves nothing.",
    kind: "read",
    schema: getAdherenceSchema,
  },
] as const satisfies ToolDefinition[];

export type CreateProtocolArguments = z.infer<typeof createProtocolSchema>;
export type ListProtocolsArguments = z.infer<typeof listProtocolsSchema>;
export type UpdateProtocolArguments = z.infer<typeof updateProtocolSchema>;
export type LogSupplementIntakeArguments = z.infer<typeof logSupplementIntakeSchema>;
export type IntakeItemArguments = z.infer<typeof intakeItemSchema>;
export type GetAdherenceArguments = z.infer<typeof getAdherenceSchema>;
export type ProtocolToolName = (typeof protocolTools)[number]["name"];
