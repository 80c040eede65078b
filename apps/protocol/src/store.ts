// Reading a user's protocol from D1. Every query filters by the user id it is given: the only
// user id this Worker trusts is the one the gateway passed over RPC.
import type { ProtocolItem, ProtocolTimeOfDay, ProtocolUnit, ProtocolWeekday } from "@ensemble/contracts";
import {
  type IntakeRecord,
  type ItemRecord,
  type PauseRecord,
  type ScheduleRecord,
  latestSchedule,
  pauseOn,
  statusOn,
} from "./adherence.ts";
import { describeSchedule } from "./schedule.ts";

interface ItemRow {
  id: string;
  name: string;
  name_key: string;
  start_date: string;
  stopped_on: string | null;
  created_at: string;
}

interface ScheduleRow {
  item_id: string;
  effective_from: string;
  dose: number | null;
  unit: string | null;
  times_per_day: number;
  time_of_day: string;
  days_of_week: string;
  with_meals: number;
}

interface PauseRow {
  id: string;
  item_id: string;
  start_date: string;
  resume_on: string | null;
}

interface IntakeRow {
  id: string;
  item_id: string;
  taken_date: string;
  taken_time: string;
  dose: number | null;
  unit: string | null;
  said: string;
}

/** Everything about a user's items except intakes; a user has a handful of items, so it is read whole. */
export interface ProtocolState {
  items: ItemRecord[];
  schedules: Map<string, ScheduleRecord[]>;
  pauses: Map<string, PauseRecord[]>;
}

function groupBy<T extends { itemId: string }>(records: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.itemId);
    if (group === undefined) groups.set(record.itemId, [record]);
    else group.push(record);
  }
  return groups;
}

export async function loadState(db: D1Database, userId: string): Promise<ProtocolState> {
  const [items, schedules, pauses] = await db.batch([
    db
      .prepare(
        "SELECT id, name, name_key, start_date, stopped_on, created_at FROM protocol_items WHERE user_id = ? ORDER BY created_at, rowid",
      )
      .bind(userId),
    db
      .prepare(
        "SELECT item_id, effective_from, dose, unit, times_per_day, time_of_day, days_of_week, with_meals FROM protocol_schedules WHERE user_id = ? ORDER BY effective_from",
      )
      .bind(userId),
    db
      .prepare("SELECT id, item_id, start_date, resume_on FROM protocol_pauses WHERE user_id = ? ORDER BY start_date")
      .bind(userId),
  ]);
  const scheduleRecords = (schedules!.results as unknown as ScheduleRow[]).map((row): ScheduleRecord => ({
    itemId: row.item_id,
    effectiveFrom: row.effective_from,
    dose: row.dose,
    unit: row.unit as ProtocolUnit | null,
    timesPerDay: row.times_per_day,
    timeOfDay: JSON.parse(row.time_of_day) as ProtocolTimeOfDay[],
    daysOfWeek: JSON.parse(row.days_of_week) as ProtocolWeekday[],
    withMeals: row.with_meals === 1,
  }));
  const groupedSchedules = groupBy(scheduleRecords);
  const itemRecords = (items!.results as unknown as ItemRow[]).map((row): ItemRecord => ({
    id: row.id,
    name: row.name,
    nameKey: row.name_key,
    startDate: row.start_date,
    stoppedOn: row.stopped_on,
    asNeeded: latestSchedule(groupedSchedules.get(row.id) ?? [])?.timesPerDay === 0,
    createdAt: row.created_at,
  }));
  const pauseRecords = (pauses!.results as unknown as PauseRow[]).map((row): PauseRecord => ({
    id: row.id,
    itemId: row.item_id,
    startDate: row.start_date,
    resumeOn: row.resume_on,
  }));
  return { items: itemRecords, schedules: groupedSchedules, pauses: groupBy(pauseRecords) };
}

export async function loadIntakes(db: D1Database, userId: string, from: string, to: string): Promise<IntakeRecord[]> {
  const { results } = await db
    .prepare(
      "SELECT id, item_id, taken_date, taken_time, dose, unit, said FROM protocol_intakes WHERE user_id = ? AND taken_date BETWEEN ? AND ? ORDER BY taken_date, taken_time, created_at",
    )
    .bind(userId, from, to)
    .all<IntakeRow>();
  return results.map((row) => ({
    id: row.id,
    itemId: row.item_id,
    date: row.taken_date,
    time: row.taken_time,
    dose: row.dose,
    unit: row.unit,
    said: row.said,
  }));
}

/** The item as tools and read RPCs show it, with its status on `today`. */
export function toProtocolItem(item: ItemRecord, state: ProtocolState, today: string): ProtocolItem {
  const versions = state.schedules.get(item.id) ?? [];
  const pauses = state.pauses.get(item.id) ?? [];
  const schedule = latestSchedule(versions);
  const status = statusOn(item, pauses, today);
  const fields = {
    dose: schedule?.dose ?? null,
    unit: schedule?.unit ?? null,
    timesPerDay: schedule?.timesPerDay ?? 0,
    timeOfDay: schedule?.timeOfDay ?? [],
    daysOfWeek: schedule?.daysOfWeek ?? [],
    withMeals: schedule?.withMeals ?? false,
  };
  return {
    id: item.id,
    name: item.name,
    status,
    asNeeded: fields.timesPerDay === 0,
    ...fields,
    description: describeSchedule(fields),
    startDate: item.startDate,
    resumeOn: status === "paused" ? (pauseOn(pauses, today)?.resumeOn ?? null) : null,
    stoppedOn: item.stoppedOn,
  };
}

/** Items in the order name matching prefers: running ones first, then stopped ones, newest first. */
export function itemsByPreference(state: ProtocolState, today: string): ItemRecord[] {
  const running = state.items.filter((item) => item.stoppedOn === null || item.stoppedOn > today);
  const stopped = state.items
    .filter((item) => !running.includes(item))
    .sort((left, right) => (right.stoppedOn ?? "").localeCompare(left.stoppedOn ?? ""));
  return [...running, ...stopped];
}
