// The protocol tools' executors. Each takes the user id and request id the gateway passed (never
// anything a model or a message says about who the user is), validates its arguments with the
// tool's schema, and answers a Result. Writes are one D1 batch each (all rows or none) and are
// idempotent: the batch also records `${requestId}:${callIndex}`, and a retried request gets the
// first answer back instead of writing again.
import {
  type AdherenceReport,
  type ItemAdherence,
  type ProtocolItem,
  type ProtocolList,
  type ProtocolSchedule,
  type ProtocolStatus,
  type ProtocolTimeOfDay,
  type ProtocolUnit,
  type ProtocolWeekday,
  type Result,
  MAX_ADHERENCE_DAYS,
  failure,
  success,
} from "@ensemble/contracts";
import {
  type CreateProtocolArguments,
  type GetAdherenceArguments,
  type ListProtocolsArguments,
  type LogSupplementIntakeArguments,
  type UpdateProtocolArguments,
  protocolTools,
} from "@ensemble/tools";
import { z } from "zod";
import {
  type ItemRecord,
  type ScheduleRecord,
  computeAdherence,
  latestSchedule,
  pauseOn,
  percentOf,
  scheduledOn,
  statusOn,
} from "./adherence.ts";
import { EVERY_DAY, addDays, daysBetween, describeSchedule, sortTimesOfDay, sortWeekdays, utcDay } from "./schedule.ts";
import { type ProtocolState, itemsByPreference, loadIntakes, loadState, toProtocolItem } from "./store.ts";
import { type NameMatch, displayName, matchItem, nameKey } from "./supplements.ts";

export interface ToolContext {
  db: D1Database;
  userId: string;
  requestId: string;
  now: Date;
}

type Failure = Extract<Result<never>, { ok: false }>;

/** What a write does: the statements to run together and the answer to give. */
interface WritePlan {
  statements: D1PreparedStatement[];
  result: unknown;
}

/** Missed doses listed per item in a tool result; the model needs the count and a few dates, not all. */
const MISSED_IN_TOOL_RESULT = 10;

// ---------------------------------------------------------------------------------------------
// Entry point.

export async function executeProtocolTool(
  context: ToolContext,
  name: string,
  rawArguments: unknown,
  callIndex = 0,
): Promise<Result<unknown>> {
  const tool = protocolTools.find((candidate) => candidate.name === name);
  if (tool === undefined)
    return failure(
      "bad_request",
      `unknown tool "${name}"; the protocol tools are ${protocolTools.map((candidate) => candidate.name).join(", ")}`,
    );
  const parsed = (tool.schema as z.ZodType).safeParse(rawArguments);
  if (!parsed.success)
    return failure(
      "bad_request",
      `invalid arguments for ${name}: ${z.prettifyError(parsed.error).replace(/\n+/g, "; ")}`,
    );
  const today = utcDay(context.now).date;

  switch (tool.name) {
    case "list_protocols":
      return success(
        await listProtocols(context.db, context.userId, today, (parsed.data as ListProtocolsArguments).status),
      );
    case "get_adherence":
      return adherenceTool(context, today, parsed.data as GetAdherenceArguments);
    case "create_protocol":
      return runWrite(context, name, callIndex, (state) =>
        planCreate(context, state, today, parsed.data as CreateProtocolArguments),
      );
    case "update_protocol":
      return runWrite(context, name, callIndex, (state) =>
        planUpdate(context, state, today, parsed.data as UpdateProtocolArguments),
      );
    case "log_supplement_intake":
      return runWrite(context, name, callIndex, (state) =>
        planIntake(context, state, today, parsed.data as LogSupplementIntakeArguments),
      );
  }
}

async function runWrite(
  context: ToolContext,
  tool: string,
  callIndex: number,
  plan: (state: ProtocolState) => Promise<WritePlan | Failure> | WritePlan | Failure,
): Promise<Result<unknown>> {
  const { db, userId } = context;
  const requestKey = `${context.requestId}:${callIndex}`;
  const earlier = await storedWrite(db, userId, requestKey);
  if (earlier !== null) return replay(earlier, tool, requestKey);

  const outcome = await plan(await loadState(db, userId));
  if ("ok" in outcome) return outcome;
  const record = db
    .prepare("INSERT INTO protocol_requests (user_id, request_key, tool, result, created_at) VALUES (?, ?, ?, ?, ?)")
    .bind(userId, requestKey, tool, JSON.stringify(outcome.result), context.now.toISOString());
  try {
    await db.batch([...outcome.statements, record]);
  } catch (error) {
    // A concurrent retry of the same request won the race: its batch committed and ours rolled back whole.
    const message = error instanceof Error ? error.message : String(error);
    if (/UNIQUE constraint failed: protocol_requests/i.test(message)) {
      const winner = await storedWrite(db, userId, requestKey);
      if (winner !== null) return replay(winner, tool, requestKey);
    }
    throw error;
  }
  return success(outcome.result);
}

/** The first answer to a retried write; a request id reused for a different tool is a caller bug. */
function replay(stored: { tool: string; result: unknown }, tool: string, requestKey: string): Result<unknown> {
  if (stored.tool !== tool)
    return failure("conflict", `request ${requestKey} already ran ${stored.tool}; use a new requestId for a new write`);
  return success(stored.result);
}

async function storedWrite(
  db: D1Database,
  userId: string,
  requestKey: string,
): Promise<{ tool: string; result: unknown } | null> {
  const row = await db
    .prepare("SELECT tool, result FROM protocol_requests WHERE user_id = ? AND request_key = ?")
    .bind(userId, requestKey)
    .first<{ tool: string; result: string }>();
  return row === null ? null : { tool: row.tool, result: JSON.parse(row.result) as unknown };
}

// ---------------------------------------------------------------------------------------------
// Reads.

export async function listProtocols(
  db: D1Database,
  userId: string,
  today: string,
  status: ProtocolStatus | "all" = "all",
): Promise<ProtocolList> {
  const state = await loadState(db, userId);
  const all = state.items.map((item) => toProtocolItem(item, state, today));
  const counts: Record<ProtocolStatus, number> = { active: 0, paused: 0, stopped: 0 };
  for (const item of all) counts[item.status] += 1;
  const order: Record<ProtocolStatus, number> = { active: 0, paused: 1, stopped: 2 };
  const items = all
    .filter((item) => status === "all" || item.status === status)
    .sort((left, right) => order[left.status] - order[right.status]);
  return { today, items, counts };
}

function describeMatchFailure(
  query: string,
  match: Exclude<NameMatch<ItemRecord>, { kind: "match" }>,
  state: ProtocolState,
): Failure {
  if (match.kind === "ambiguous") {
    const names = [...new Set(match.items.map((item) => item.name))];
    return failure("bad_request", `"${query}" could be ${names.join(" or ")}; say which one`);
  }
  const names = [...new Set(state.items.map((item) => item.name))];
  const known = names.length === 0 ? "there are no items in the protocol yet" : `the items are ${names.join(", ")}`;
  return failure("not_found", `no item matches "${query}"; ${known}`);
}

export async function adherenceReport(
  db: D1Database,
  userId: string,
  period: { from: string; to: string; today: string; item?: string | undefined },
): Promise<Result<AdherenceReport>> {
  const state = await loadState(db, userId);
  let items = state.items;
  if (period.item !== undefined) {
    const match = matchItem(period.item, itemsByPreference(state, period.today));
    if (match.kind !== "match") return describeMatchFailure(period.item, match, state);
    items = [match.item];
  }
  const intakes = await loadIntakes(db, userId, period.from, period.to);
  const reports: ItemAdherence[] = [];
  for (const item of items) {
    const report = computeAdherence(
      item,
      state.schedules.get(item.id) ?? [],
      state.pauses.get(item.id) ?? [],
      intakes,
      period,
    );
    const overlaps = item.startDate <= period.to && (item.stoppedOn === null || item.stoppedOn > period.from);
    if (
      period.item !== undefined ||
      report.scheduled > 0 ||
      report.extra > 0 ||
      report.taken > 0 ||
      (overlaps && !item.asNeeded)
    )
      reports.push(report);
  }
  const sum = (field: "scheduled" | "taken" | "missed" | "pending") =>
    reports.reduce((total, report) => total + report[field], 0);
  const scheduled = sum("scheduled");
  const taken = sum("taken");
  const pending = sum("pending");
  return success({
    from: period.from,
    to: period.to,
    today: period.today,
    items: reports,
    totals: { scheduled, taken, missed: sum("missed"), pending, percent: percentOf(taken, scheduled - pending) },
  });
}

async function adherenceTool(
  context: ToolContext,
  today: string,
  args: GetAdherenceArguments,
): Promise<Result<unknown>> {
  const to = args.to ?? today;
  const from = args.from ?? addDays(to, -((args.days ?? 7) - 1));
  if (from > to) return failure("bad_request", "from must be on or before to");
  if (daysBetween(from, to) >= MAX_ADHERENCE_DAYS)
    return failure("bad_request", `a period covers at most ${MAX_ADHERENCE_DAYS} days`);
  const report = await adherenceReport(context.db, context.userId, { from, to, today, item: args.item });
  if (!report.ok) return report;
  // The model needs the counts and a few dates; the full list is in the getAdherence RPC.
  const items = report.value.items.map((item) => ({
    ...item,
    missedDoses: item.missedDoses.slice(-MISSED_IN_TOOL_RESULT),
  }));
  return success({ ...report.value, items });
}

// ---------------------------------------------------------------------------------------------
// Writes.

function scheduleStatement(
  db: D1Database,
  userId: string,
  itemId: string,
  effectiveFrom: string,
  schedule: ProtocolSchedule,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO protocol_schedules (item_id, user_id, effective_from, dose, unit, times_per_day, time_of_day, days_of_week, with_meals)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (item_id, effective_from) DO UPDATE SET dose = excluded.dose, unit = excluded.unit,
         times_per_day = excluded.times_per_day, time_of_day = excluded.time_of_day,
         days_of_week = excluded.days_of_week, with_meals = excluded.with_meals`,
    )
    .bind(
      itemId,
      userId,
      effectiveFrom,
      schedule.dose,
      schedule.unit,
      schedule.timesPerDay,
      JSON.stringify(schedule.timeOfDay),
      JSON.stringify(schedule.daysOfWeek),
      schedule.withMeals ? 1 : 0,
    );
}

/** A new schedule version from `effectiveFrom` on; later versions are dropped, so it is the one in force. */
function replaceScheduleFrom(
  db: D1Database,
  userId: string,
  itemId: string,
  effectiveFrom: string,
  schedule: ProtocolSchedule,
): D1PreparedStatement[] {
  return [
    db
      .prepare("DELETE FROM protocol_schedules WHERE user_id = ? AND item_id = ? AND effective_from > ?")
      .bind(userId, itemId, effectiveFrom),
    scheduleStatement(db, userId, itemId, effectiveFrom, schedule),
  ];
}

function viewAfter(
  state: ProtocolState,
  item: ItemRecord,
  today: string,
  changes: { schedule?: ScheduleRecord; item?: Partial<ItemRecord>; pauses?: ProtocolState["pauses"] },
): ProtocolItem {
  const next: ProtocolState = {
    items: state.items,
    schedules: new Map(state.schedules),
    pauses: changes.pauses ?? state.pauses,
  };
  const versions = (state.schedules.get(item.id) ?? []).filter(
    (version) => changes.schedule === undefined || version.effectiveFrom < changes.schedule.effectiveFrom,
  );
  if (changes.schedule !== undefined) versions.push(changes.schedule);
  next.schedules.set(item.id, versions);
  const updated: ItemRecord = {
    ...item,
    ...changes.item,
    asNeeded: (latestSchedule(versions)?.timesPerDay ?? 0) === 0,
  };
  return toProtocolItem(updated, next, today);
}

function scheduleFromArguments(args: {
  dose?: number | undefined;
  unit?: ProtocolUnit | undefined;
  timesPerDay?: number | undefined;
  timeOfDay?: ProtocolTimeOfDay[] | undefined;
  daysOfWeek?: ProtocolWeekday[] | undefined;
  withMeals?: boolean | undefined;
}): ProtocolSchedule {
  const timeOfDay = sortTimesOfDay(args.timeOfDay ?? []);
  return {
    dose: args.dose ?? null,
    unit: args.unit ?? null,
    timesPerDay: args.timesPerDay ?? Math.max(1, timeOfDay.length),
    timeOfDay,
    daysOfWeek: args.daysOfWeek === undefined ? [...EVERY_DAY] : sortWeekdays(args.daysOfWeek),
    withMeals: args.withMeals ?? false,
  };
}

function planCreate(
  context: ToolContext,
  state: ProtocolState,
  today: string,
  args: CreateProtocolArguments,
): WritePlan | Failure {
  const { db, userId } = context;
  const key = nameKey(args.name);
  let schedule = scheduleFromArguments(args);
  const startDate = args.startDate ?? today;
  const nowIso = context.now.toISOString();
  const existing = itemsByPreference(state, today).find(
    (item) => item.nameKey === key && (item.stoppedOn === null || item.stoppedOn > today),
  );

  if (existing !== undefined) {
    // Saying again what you take ("I take 10 g of creatine now") restates the routine: the
    // existing item gets the new schedule, so the user never ends up with two creatines. An item
    // that was only logged as needed becomes a scheduled one, keeping its intakes.
    const previous = toProtocolItem(existing, state, today);
    // What the user did not restate stays as it was: "I take fish oil three times a day now" keeps the dose.
    const current = latestSchedule(state.schedules.get(existing.id) ?? []);
    if (current !== undefined && !existing.asNeeded) {
      const restatesTiming = args.timesPerDay !== undefined || args.timeOfDay !== undefined;
      schedule = {
        dose: args.dose ?? current.dose,
        unit: args.unit ?? current.unit,
        timesPerDay: restatesTiming ? schedule.timesPerDay : current.timesPerDay,
        timeOfDay: restatesTiming
          ? args.timeOfDay !== undefined
            ? schedule.timeOfDay
            : current.timeOfDay.length <= schedule.timesPerDay
              ? current.timeOfDay
              : []
          : current.timeOfDay,
        daysOfWeek: args.daysOfWeek === undefined ? current.daysOfWeek : schedule.daysOfWeek,
        withMeals: args.withMeals ?? current.withMeals,
      };
    } else if (current !== undefined && args.dose === undefined) {
      schedule = { ...schedule, dose: current.dose, unit: current.unit };
    }
    const effectiveFrom = existing.asNeeded || startDate > existing.startDate ? startDate : existing.startDate;
    const newStart = startDate < existing.startDate ? startDate : existing.startDate;
    const statements = replaceScheduleFrom(db, userId, existing.id, effectiveFrom, schedule);
    statements.push(
      db
        .prepare("UPDATE protocol_items SET start_date = ?, updated_at = ? WHERE id = ? AND user_id = ?")
        .bind(newStart, nowIso, existing.id, userId),
    );
    const item = viewAfter(state, existing, today, {
      schedule: { ...schedule, itemId: existing.id, effectiveFrom },
      item: { startDate: newStart },
    });
    return {
      statements,
      result: {
        created: false,
        updatedExisting: true,
        wasAsNeeded: existing.asNeeded,
        effectiveFrom,
        previous: previous.description,
        item,
      },
    };
  }

  const id = crypto.randomUUID();
  const name = displayName(args.name);
  const statements = [
    db
      .prepare(
        "INSERT INTO protocol_items (id, user_id, name, name_key, start_date, stopped_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
      )
      .bind(id, userId, name, key, startDate, nowIso, nowIso),
    scheduleStatement(db, userId, id, startDate, schedule),
  ];
  const record: ItemRecord = { id, name, nameKey: key, startDate, stoppedOn: null, asNeeded: false, createdAt: nowIso };
  const item = toProtocolItem(
    record,
    {
      items: [record],
      schedules: new Map([[id, [{ ...schedule, itemId: id, effectiveFrom: startDate }]]]),
      pauses: new Map(),
    },
    today,
  );
  return { statements, result: { created: true, item } };
}

function planUpdate(
  context: ToolContext,
  state: ProtocolState,
  today: string,
  args: UpdateProtocolArguments,
): WritePlan | Failure {
  const { db, userId } = context;
  const match = matchItem(args.item, itemsByPreference(state, today));
  if (match.kind !== "match") return describeMatchFailure(args.item, match, state);
  const item = match.item;
  const pauses = state.pauses.get(item.id) ?? [];
  const status = statusOn(item, pauses, today);
  const before = toProtocolItem(item, state, today);
  const nowIso = context.now.toISOString();
  const touch = db
    .prepare("UPDATE protocol_items SET updated_at = ? WHERE id = ? AND user_id = ?")
    .bind(nowIso, item.id, userId);

  if (args.action === "change") {
    if (status === "stopped")
      return failure("conflict", `${item.name} is stopped; resume it (or add it again) before changing it`);
    const current = latestSchedule(state.schedules.get(item.id) ?? []);
    const currentTimes = current?.timesPerDay ?? 1;
    // Giving days or meals to an as-needed item makes it a daily one; a new dose alone does not.
    const schedules = args.daysOfWeek !== undefined || args.withMeals !== undefined;
    const timesPerDay =
      args.timesPerDay ??
      (args.timeOfDay !== undefined ? args.timeOfDay.length : currentTimes === 0 && schedules ? 1 : currentTimes);
    const keptTimes =
      args.timeOfDay ?? (current !== undefined && current.timeOfDay.length <= timesPerDay ? current.timeOfDay : []);
    const schedule: ProtocolSchedule = {
      dose: args.dose ?? current?.dose ?? null,
      unit: args.unit ?? current?.unit ?? null,
      timesPerDay,
      timeOfDay: sortTimesOfDay(keptTimes),
      daysOfWeek:
        args.daysOfWeek === undefined ? (current?.daysOfWeek ?? [...EVERY_DAY]) : sortWeekdays(args.daysOfWeek),
      withMeals: args.withMeals ?? current?.withMeals ?? false,
    };
    if (schedule.timeOfDay.length > schedule.timesPerDay) {
      return failure(
        "bad_request",
        `timeOfDay names ${schedule.timeOfDay.length} times but timesPerDay is ${schedule.timesPerDay}`,
      );
    }
    const effectiveFrom = item.startDate > today ? item.startDate : today;
    const statements = [...replaceScheduleFrom(db, userId, item.id, effectiveFrom, schedule), touch];
    const after = viewAfter(state, item, today, { schedule: { ...schedule, itemId: item.id, effectiveFrom } });
    return { statements, result: { action: "change", effectiveFrom, previous: before.description, item: after } };
  }

  if (args.action === "pause") {
    if (status === "stopped") return failure("conflict", `${item.name} is stopped, so there is nothing to pause`);
    if (args.resumeOn !== undefined && args.resumeOn <= today)
      return failure("bad_request", `resumeOn (${args.resumeOn}) must be after today (${today})`);
    const resumeOn = args.resumeOn ?? null;
    const current = pauseOn(pauses, today);
    const pause =
      current === undefined
        ? { id: crypto.randomUUID(), itemId: item.id, startDate: today, resumeOn }
        : { ...current, resumeOn };
    const statement =
      current === undefined
        ? db
            .prepare(
              "INSERT INTO protocol_pauses (id, item_id, user_id, start_date, resume_on, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(pause.id, item.id, userId, today, resumeOn, nowIso)
        : db
            .prepare("UPDATE protocol_pauses SET resume_on = ? WHERE id = ? AND user_id = ?")
            .bind(resumeOn, current.id, userId);
    const nextPauses = new Map(state.pauses);
    nextPauses.set(item.id, [...pauses.filter((other) => other.id !== pause.id), pause]);
    const after = viewAfter(state, item, today, { pauses: nextPauses });
    const days = resumeOn === null ? null : daysBetween(today, resumeOn);
    return {
      statements: [statement, touch],
      result: {
        action: "pause",
        from: today,
        resumeOn,
        pausedDays: days,
        extended: current !== undefined,
        item: after,
      },
    };
  }

  if (args.action === "resume") {
    if (status === "active") {
      return { statements: [], result: { action: "resume", alreadyActive: true, item: before } };
    }
    const nextPauses = new Map(state.pauses);
    const statements: D1PreparedStatement[] = [touch];
    let itemChanges: Partial<ItemRecord> = {};
    if (status === "stopped") {
      // Resuming a stopped item turns the stop into a pause, so the days it was off stay off.
      const stoppedOn = item.stoppedOn!;
      statements.push(
        db.prepare("UPDATE protocol_items SET stopped_on = NULL WHERE id = ? AND user_id = ?").bind(item.id, userId),
      );
      itemChanges = { stoppedOn: null };
      if (stoppedOn < today) {
        const pause = { id: crypto.randomUUID(), itemId: item.id, startDate: stoppedOn, resumeOn: today };
        statements.push(
          db
            .prepare(
              "INSERT INTO protocol_pauses (id, item_id, user_id, start_date, resume_on, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            )
            .bind(pause.id, item.id, userId, stoppedOn, today, nowIso),
        );
        nextPauses.set(item.id, [...pauses, pause]);
      }
    }
    const current = pauseOn(nextPauses.get(item.id) ?? pauses, today);
    if (current !== undefined) {
      statements.push(
        db
          .prepare("UPDATE protocol_pauses SET resume_on = ? WHERE id = ? AND user_id = ?")
          .bind(today, current.id, userId),
      );
      nextPauses.set(
        item.id,
        (nextPauses.get(item.id) ?? pauses).map((pause) =>
          pause.id === current.id ? { ...pause, resumeOn: today } : pause,
        ),
      );
    }
    const after = viewAfter(state, { ...item, ...itemChanges }, today, { pauses: nextPauses, item: itemChanges });
    return { statements, result: { action: "resume", wasStatus: status, from: today, item: after } };
  }

  // stop
  if (status === "stopped") return { statements: [], result: { action: "stop", alreadyStopped: true, item: before } };
  const statements = [
    db
      .prepare("UPDATE protocol_items SET stopped_on = ?, updated_at = ? WHERE id = ? AND user_id = ?")
      .bind(today, nowIso, item.id, userId),
    // An open pause would otherwise outlive the stop and come back if the item is resumed.
    db
      .prepare(
        "UPDATE protocol_pauses SET resume_on = ? WHERE user_id = ? AND item_id = ? AND (resume_on IS NULL OR resume_on > ?)",
      )
      .bind(today, userId, item.id, today),
  ];
  const after = viewAfter(state, item, today, { item: { stoppedOn: today } });
  return { statements, result: { action: "stop", from: today, item: after } };
}

function defaultTime(date: string, today: string, nowTime: string): string {
  // Noon for an earlier day with no time: the middle of the day is the least wrong guess.
  return date === today ? nowTime : "12:00";
}

async function planIntake(
  context: ToolContext,
  state: ProtocolState,
  today: string,
  args: LogSupplementIntakeArguments,
): Promise<WritePlan | Failure> {
  const { db, userId } = context;
  const nowTime = utcDay(context.now).time;
  const nowIso = context.now.toISOString();
  for (const entry of args.items) {
    if (entry.date !== undefined && entry.date > today)
      return failure(
        "bad_request",
        `${entry.name}: ${entry.date} is in the future (today is ${today}); only doses already taken can be logged`,
      );
  }

  const candidates = itemsByPreference(state, today);
  const statements: D1PreparedStatement[] = [];
  // Items made in this call, so "creatine" twice in one message makes one new item, not two.
  const madeHere = new Map<string, ItemRecord>();
  const logged: {
    itemId: string;
    name: string;
    said: string;
    date: string;
    time: string;
    dose: number | null;
    unit: string | null;
    newItem: boolean;
    itemStatus: ProtocolStatus;
    note?: string;
  }[] = [];
  const seen = new Set<string>();
  const newDoses = new Map<string, { dose: number | null; unit: ProtocolUnit | null }>();

  for (const entry of args.items) {
    const match = matchItem(entry.name, [...candidates, ...madeHere.values()]);
    if (match.kind === "ambiguous") return describeMatchFailure(entry.name, match, state);
    const date = entry.date ?? today;
    const time = entry.time ?? defaultTime(date, today, nowTime);
    let item: ItemRecord;
    let newItem = false;
    if (match.kind === "match") {
      item = match.item;
    } else {
      // Not in the protocol: keep what the user said as an as-needed item rather than losing it.
      const key = nameKey(entry.name);
      item = {
        id: crypto.randomUUID(),
        name: displayName(entry.name),
        nameKey: key,
        startDate: date,
        stoppedOn: null,
        asNeeded: true,
        createdAt: nowIso,
      };
      madeHere.set(item.id, item);
      newDoses.set(item.id, { dose: entry.dose ?? null, unit: entry.unit ?? null });
      newItem = true;
    }
    // An as-needed item starts on its earliest intake ("creatine today, and yesterday too").
    if (madeHere.has(item.id) && date < item.startDate) item.startDate = date;
    const duplicate = `${item.id}|${date}|${time}`;
    if (seen.has(duplicate)) continue;
    seen.add(duplicate);

    const schedule = latestSchedule(state.schedules.get(item.id) ?? []);
    const dose = entry.dose ?? schedule?.dose ?? null;
    const unit = entry.unit ?? (entry.dose === undefined ? (schedule?.unit ?? null) : null);
    statements.push(
      db
        .prepare(
          "INSERT INTO protocol_intakes (id, user_id, item_id, taken_date, taken_time, dose, unit, said, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(crypto.randomUUID(), userId, item.id, date, time, dose, unit, entry.name, nowIso),
    );
    const itemStatus = newItem ? "active" : statusOn(item, state.pauses.get(item.id) ?? [], date);
    const record: (typeof logged)[number] = {
      itemId: item.id,
      name: item.name,
      said: entry.name,
      date,
      time,
      dose,
      unit,
      newItem,
      itemStatus,
    };
    if (newItem) record.note = `${item.name} was not in the protocol; logged as an as-needed item`;
    else if (itemStatus === "stopped")
      record.note = `${item.name} is stopped; logged anyway (resume it if you are back on it)`;
    else if (itemStatus === "paused") record.note = `${item.name} is paused; logged as an extra dose`;
    logged.push(record);
  }

  // New items go first: intakes refer to them.
  const itemStatements = [...madeHere.values()].flatMap((item) => [
    db
      .prepare(
        "INSERT INTO protocol_items (id, user_id, name, name_key, start_date, stopped_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
      )
      .bind(item.id, userId, item.name, item.nameKey, item.startDate, nowIso, nowIso),
    scheduleStatement(db, userId, item.id, item.startDate, {
      ...newDoses.get(item.id)!,
      timesPerDay: 0,
      timeOfDay: [],
      daysOfWeek: [...EVERY_DAY],
      withMeals: false,
    }),
  ]);
  statements.unshift(...itemStatements);

  // The day's tally after this call, per item and day: "fish oil 2 of 2 today".
  const days = [...new Set(logged.map((entry) => entry.date))];
  const earliest = days.reduce((first, day) => (day < first ? day : first), today);
  const existing = await loadIntakes(db, userId, earliest, today);
  const allItems = [...state.items, ...madeHere.values()];
  const tally = logged.map((entry) => {
    const item = allItems.find((candidate) => candidate.id === entry.itemId)!;
    const takenThatDay =
      existing.filter((intake) => intake.itemId === entry.itemId && intake.date === entry.date).length +
      logged.filter((other) => other.itemId === entry.itemId && other.date === entry.date).length;
    const scheduledThatDay = entry.newItem
      ? 0
      : scheduledOn(item, state.schedules.get(item.id) ?? [], state.pauses.get(item.id) ?? [], entry.date);
    return { ...entry, takenThatDay, scheduledThatDay };
  });
  return { statements, result: { logged: tally, description: describeLogged(tally, state) } };
}

function describeLogged(entries: { name: string; itemId: string }[], state: ProtocolState): string[] {
  return entries.map((entry) => {
    const versions = state.schedules.get(entry.itemId);
    return versions === undefined
      ? `${entry.name}: as needed`
      : `${entry.name}: ${describeSchedule(latestSchedule(versions)!)}`;
  });
}
