// The meal specialist's tools: what a model may ask the meal Worker to do. The user is never an
// argument: the Worker binds every call to the user id the gateway passed over RPC.
import type { ToolDefinition } from "@ensemble/ai";
import { checkMealRange, isoDateSchema, mealTypeSchema } from "@ensemble/contracts";
import { z } from "zod";

const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time as HH:MM, 24-hour");
const quantitySchema = z
  .number({ error: "quantity must be a number" })
  .positive("quantity must be more than 0")
  .max(10_000, "quantity must be at most 10000");
const unitSchema = z.string().trim().min(1, "unit must not be empty").max(40, "unit must be at most 40 characters");

export const searchFoodsSchema = z.strictObject({
  query: z
    .string({ error: "query is required: the food to look up" })
    .trim()
    .min(1, "query must not be empty")
    .max(200, "query must be at most 200 characters"),
  quantity: quantitySchema.optional().describe("With unit: the portion to compute macros for (e.g. 100 with unit g)."),
  unit: unitSchema.optional().describe("g, oz, cup, slice, piece, tbsp, ml, serving, ..."),
  limit: z
    .number()
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(10, "limit must be at most 10")
    .default(5),
});

export const mealItemSchema = z.strictObject({
  food: z
    .string({ error: "each item needs food: what was eaten, in words" })
    .trim()
    .min(1, "food must not be empty")
    .max(200, "food must be at most 200 characters")
    .describe('What was eaten, as the user said it ("brown rice", "a cup of rice", "2 eggs").'),
  foodId: z
    .number()
    .int("foodId must be a whole number")
    .positive("foodId must be positive")
    .optional()
    .describe("A USDA food id from search_foods, when known."),
  quantity: quantitySchema.optional().describe("How many units; read from food when left out."),
  unit: unitSchema.optional().describe("g, oz, cup, slice, piece, tbsp, ml, scoop, handful, serving, ..."),
});

export const logMealSchema = z.strictObject({
  items: z
    .array(mealItemSchema, { error: "items must be a list of foods" })
    .min(1, "items must hold at least one food")
    .max(20, "a meal holds at most 20 items"),
  mealType: mealTypeSchema
    .optional()
    .describe("breakfast, lunch, dinner or snack; from the time of day when left out."),
  date: isoDateSchema.optional().describe("The day it was eaten, YYYY-MM-DD; today when left out."),
  time: timeSchema.optional().describe("When it was eaten, HH:MM 24-hour; a usual time for the meal when left out."),
  note: z.string().trim().max(500, "note must be at most 500 characters").optional(),
});

export const getMealsSchema = z
  .strictObject({
    date: isoDateSchema.optional().describe("One day, YYYY-MM-DD; today when no date or range is given."),
    from: isoDateSchema.optional().describe("First day of a range, with to."),
    to: isoDateSchema.optional().describe("Last day of a range (inclusive), with from."),
    mealType: mealTypeSchema.optional().describe("Only this meal type."),
  })
  .superRefine(checkMealRange);

export const getDailyTotalsSchema = z.strictObject({
  date: isoDateSchema.optional().describe("The day, YYYY-MM-DD; today when left out."),
});

export const deleteMealSchema = z
  .strictObject({
    mealId: z
      .string()
      .trim()
      .min(1, "mealId must not be empty")
      .max(64, "mealId is too long")
      .optional()
      .describe("The id of the meal, from get_meals or log_meal."),
    last: z
      .boolean()
      .optional()
      .describe("true: the most recently logged meal (among those matching the other fields)."),
    mealType: mealTypeSchema.optional(),
    date: isoDateSchema.optional().describe("The day of the meal; with mealType or containing."),
    containing: z
      .string()
      .trim()
      .min(1, "containing must not be empty")
      .max(100, "containing must be at most 100 characters")
      .optional()
      .describe("A food the meal holds."),
  })
  .superRefine((target, context) => {
    const narrowed = target.mealType !== undefined || target.containing !== undefined || target.date !== undefined;
    if (target.mealId !== undefined && (narrowed || target.last !== undefined)) {
      context.addIssue({ code: "custom", message: "give mealId alone: it already names one meal" });
    } else if (
      target.mealId === undefined &&
      target.last !== true &&
      target.mealType === undefined &&
      target.containing === undefined
    ) {
      context.addIssue({
        code: "custom",
        message:
          "name one meal to delete: mealId, last: true, mealType or containing (deleting many meals at once is not possible)",
      });
    }
  });

export const mealTools = [
  {
    name: "search_foods",
    description:
      "Look up foods in the USDA database: per-100 g macros, household measures and, with quantity and unit, the macros of that portion. Use for questions about a food and for estimates; it saves nothing.",
    kind: "read",
    schema: searchFoodsSchema,
  },
  {
    name: "log_meal",
    description:
      "Log one meal the user ate: its items (free text like '2 eggs' or a food with quantity and unit), meal type, date and time. Each item is matched to a USDA food and weighed; macros are computed and stored. Only for food the user says they ate.",
    kind: "write",
    schema: logMealSchema,
  },
  {
    name: "get_meals",
    description: "The meals logged on a day or in a range of days (at most 92), with items, macros and daily totals.",
    kind: "read",
    schema: getMealsSchema,
  },
  {
    name: "get_daily_totals",
    description:
      "Energy, protein, carbohydrate and fat eaten on a day, against the user's daily targets when they have a profile.",
    kind: "read",
    schema: getDailyTotalsSchema,
  },
  {
    name: "delete_meal",
    description:
      "Delete exactly one meal: by mealId, the last one logged (last: true), or the one matching mealType / date / containing. Never deletes several; when several match it lists them instead.",
    kind: "write",
    removes: true,
    schema: deleteMealSchema,
  },
] as const satisfies ToolDefinition[];

export type SearchFoodsArguments = z.infer<typeof searchFoodsSchema>;
export type LogMealArguments = z.infer<typeof logMealSchema>;
export type MealItemArguments = z.infer<typeof mealItemSchema>;
export type GetMealsArguments = z.infer<typeof getMealsSchema>;
export type GetDailyTotalsArguments = z.infer<typeof getDailyTotalsSchema>;
export type DeleteMealArguments = z.infer<typeof deleteMealSchema>;
export type MealToolName = (typeof mealTools)[number]["name"];
