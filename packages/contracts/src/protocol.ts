// Supplement protocols, owned by the protocol Worker: the shapes its tools and read RPCs return.
//
// Dates are UTC calendar days ("YYYY-MM-DD"): "today" is the UTC date of the request's `now`.
// A user far from UTC sees late-evening intakes land on the next day; the gateway can pass a
// `now` shifted to the user's wall clock (see wallClockNow in @ensemble/ai/local) to avoid that.
import { z } from "zod";
import { type Health, type Result, isoDateSchema } from "./common.ts";
import type { SpecialistReply, SpecialistRequest } from "./rpc.ts";

/** g, mg, mcg, IU and capsules as the issue names them; drops, scoops and ml because real labels use them. */
export const PROTOCOL_UNITS = ["g", "mg", "mcg", "IU", "capsules", "drops", "scoops", "ml"] as const;
export type ProtocolUnit = (typeof PROTOCOL_UNITS)[number];

export const PROTOCOL_TIMES_OF_DAY = ["morning", "midday", "afternoon", "evening", "before_bed"] as const;
export type ProtocolTimeOfDay = (typeof PROTOCOL_TIMES_OF_DAY)[number];

/** Monday first, as ISO 8601 weeks are. */
export const PROTOCOL_WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type ProtocolWeekday = (typeof PROTOCOL_WEEKDAYS)[number];

export const PROTOCOL_STATUSES = ["active", "paused", "stopped"] as const;
export type ProtocolStatus = (typeof PROTOCOL_STATUSES)[number];

/** The longest period one adherence read covers. */
export const MAX_ADHERENCE_DAYS = 366;

const UNIT_ALIASES: Record<string, ProtocolUnit> = {
  g: "g",
  gr: "g",
  gram: "g",
  grams: "g",
  mg: "mg",
  milligram: "mg",
  milligrams: "mg",
  mcg: "mcg",
  ug: "mcg",
  µg: "mcg",
  μg: "mcg",
  microgram: "mcg",
  micrograms: "mcg",
  iu: "IU",
  "i.u.": "IU",
  ius: "IU",
  "international units": "IU",
  capsule: "capsules",
  capsules: "capsules",
  cap: "capsules",
  caps: "capsules",
  pill: "capsules",
  pills: "capsules",
  tablet: "capsules",
  tablets: "capsules",
  tab: "capsules",
  tabs: "capsules",
  softgel: "capsules",
  softgels: "capsules",
  gummy: "capsules",
  gummies: "capsules",
  drop: "drops",
  drops: "drops",
  scoop: "scoops",
  scoops: "scoops",
  ml: "ml",
  millilitre: "ml",
  millilitres: "ml",
  milliliter: "ml",
  milliliters: "ml",
};

/** The canonical unit for a written one ("Capsule", "softgels", "iu" -> "capsules", "capsules", "IU"); null when unknown. */
export function normaliseProtocolUnit(unit: string): ProtocolUnit | null {
  return UNIT_ALIASES[unit.trim().toLowerCase()] ?? null;
}

export const protocolUnitSchema = z.preprocess(
  (value) => (typeof value === "string" ? (normaliseProtocolUnit(value) ?? value) : value),
  z.enum(PROTOCOL_UNITS, { error: `unit must be one of ${PROTOCOL_UNITS.join(", ")}` }),
);

/** A real calendar day: the format check of isoDateSchema, and no February 30th. */
export const calendarDateSchema = isoDateSchema.refine((value) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}, "expected a real calendar date as YYYY-MM-DD");

export const protocolTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time as HH:MM, 24-hour");

export interface ProtocolSchedule {
  /** Null while the user has not said how much (the item is tracked by doses taken, not amount). */
  dose: number | null;
  unit: ProtocolUnit | null;
  /** 0 for an as-needed item, which has no scheduled doses. */
  timesPerDay: number;
  timeOfDay: ProtocolTimeOfDay[];
  daysOfWeek: ProtocolWeekday[];
  withMeals: boolean;
}

export interface ProtocolItem extends ProtocolSchedule {
  id: string;
  name: string;
  status: ProtocolStatus;
  /** Created from an intake of something not in the protocol; it has no schedule. */
  asNeeded: boolean;
  /** "5 g every morning", "2 capsules twice a day with meals". */
  description: string;
  startDate: string;
  /** While paused: the first day back, or null for a pause with no end. */
  resumeOn: string | null;
  stoppedOn: string | null;
}

export interface ProtocolList {
  today: string;
  items: ProtocolItem[];
  counts: Record<ProtocolStatus, number>;
}

export interface MissedDose {
  date: string;
  /** The time-of-day slot left untaken ("evening"), or "dose 2" when the schedule names none. */
  slot: string;
}

export interface ItemAdherence {
  itemId: string;
  name: string;
  status: ProtocolStatus;
  asNeeded: boolean;
  /** Doses the schedule asked for in the period (today's included). */
  scheduled: number;
  /** Intakes that filled a scheduled dose (at most one per dose). */
  taken: number;
  /** Scheduled doses with no intake, on days before today. */
  missed: number;
  /** Today's doses not taken yet: due, not missed. */
  pending: number;
  /** Intakes beyond the schedule (an extra dose, or one on a paused or unscheduled day). */
  extra: number;
  /** taken / (scheduled - pending), rounded; null when nothing was due. */
  percent: number | null;
  pausedDays: number;
  missedDoses: MissedDose[];
  /** The latest intake in the period, whether or not it was scheduled. */
  lastTaken: { date: string; time: string } | null;
}

export interface AdherenceReport {
  from: string;
  to: string;
  today: string;
  items: ItemAdherence[];
  totals: { scheduled: number; taken: number; missed: number; pending: number; percent: number | null };
}

export interface ProtocolDayItem {
  itemId: string;
  name: string;
  description: string;
  status: ProtocolStatus;
  asNeeded: boolean;
  scheduled: number;
  taken: number;
  /** HH:MM of each intake that day. */
  takenTimes: string[];
  state: "done" | "partly" | "due" | "not-scheduled" | "paused" | "as-needed";
}

export interface ProtocolDaySummary extends Record<string, unknown> {
  date: string;
  items: ProtocolDayItem[];
  totals: { scheduled: number; taken: number };
}

const userIdSchema = z.string().min(1, "userId is required");

export const listProtocolsRequestSchema = z.strictObject({
  userId: userIdSchema,
  status: z
    .enum([...PROTOCOL_STATUSES, "all"], { error: "status must be active, paused, stopped or all" })
    .default("all"),
  /** The day statuses are computed for; the Worker's UTC today when left out. */
  date: calendarDateSchema.optional(),
});
export type ListProtocolsRequest = z.input<typeof listProtocolsRequestSchema>;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

export const adherenceRequestSchema = z
  .strictObject({
    userId: userIdSchema,
    from: calendarDateSchema,
    to: calendarDateSchema,
    /** One item, matched loosely by name ("omega-3s" finds fish oil) or by id. */
    item: z.string().trim().min(1).max(80).optional(),
    /** "Today" for pending doses; the Worker's UTC today when left out. */
    today: calendarDateSchema.optional(),
  })
  .superRefine((request, context) => {
    const days = daysBetween(request.from, request.to);
    if (days < 0) context.addIssue({ code: "custom", message: "from must be on or before to" });
    else if (days >= MAX_ADHERENCE_DAYS)
      context.addIssue({ code: "custom", message: `a period covers at most ${MAX_ADHERENCE_DAYS} days` });
  });
export type AdherenceRequest = z.input<typeof adherenceRequestSchema>;

/** One tool call without a model: the same validation, user scoping and idempotency as in `handle`. */
export const protocolToolCallRequestSchema = z.strictObject({
  userId: userIdSchema,
  requestId: z.string().min(1, "requestId is required"),
  /** The request's "now", for today and default times. */
  now: z.string().datetime({ error: "now must be an ISO timestamp" }),
  name: z.string().min(1),
  arguments: z.record(z.string(), z.unknown()).default({}),
  /** Which write of the request this is, for the idempotency key; 0 when left out. */
  callIndex: z.number().int().min(0).default(0),
});
export type ProtocolToolCallRequest = z.input<typeof protocolToolCallRequestSchema>;

export interface ProtocolRpc {
  health(): Promise<Health>;
  handle(request: SpecialistRequest): Promise<Result<SpecialistReply>>;
  handleStream(request: SpecialistRequest): Promise<ReadableStream<Uint8Array>>;
  daySummary(request: { userId: string; date: string }): Promise<Result<ProtocolDaySummary>>;
  listProtocols(request: ListProtocolsRequest): Promise<Result<ProtocolList>>;
  getAdherence(request: AdherenceRequest): Promise<Result<AdherenceReport>>;
  callTool(request: ProtocolToolCallRequest): Promise<Result<unknown>>;
}
