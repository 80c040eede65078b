// Adherence arithmetic, on plain records so it can be tested without a database.
//
// For each day of the period, from the later of the period start and the item's start date, to
// the earlier of the period end and today (a day that has not come cannot be missed):
//   scheduled(day) = timesPerDay of the schedule in force that day, when the day is one of its
//                    days of the week, and 0 on paused days, on and after the stop date, and for
//                    as-needed items;
//   taken(day)     = min(scheduled(day), intakes that day): an extra intake fills no second slot;
//   missed(day)    = scheduled - taken on days before today; today's untaken doses are pending.
// The stop date and a pause's resume date are exclusive and inclusive bounds respectively:
// stopping on the 10th means no dose is due on the 10th; a pause resuming on the 20th means
// doses are due again on the 20th. Every date is a UTC calendar day.
import type { ItemAdherence, MissedDose, ProtocolSchedule, ProtocolStatus } from "@ensemble/contracts";
import { addDays, slotLabels, weekdayOf } from "./schedule.ts";

export interface ItemRecord {
  id: string;
  name: string;
  nameKey: string;
  startDate: string;
  stoppedOn: string | null;
  /** Its current schedule has no doses: logged without being in the protocol. */
  asNeeded: boolean;
  createdAt: string;
}

export interface ScheduleRecord extends ProtocolSchedule {
  itemId: string;
  effectiveFrom: string;
}

export interface PauseRecord {
  id: string;
  itemId: string;
  startDate: string;
  resumeOn: string | null;
}

export interface IntakeRecord {
  id: string;
  itemId: string;
  date: string;
  time: string;
  dose: number | null;
  unit: string | null;
  said: string;
}

/** The most missed doses one report lists; the count is always complete. */
export const MAX_LISTED_MISSED = 60;

/** The schedule in force on a day: the latest version that took effect on or before it. */
export function scheduleOn(versions: readonly ScheduleRecord[], date: string): ScheduleRecord | undefined {
  let current: ScheduleRecord | undefined;
  for (const version of versions) {
    if (version.effectiveFrom <= date && (current === undefined || version.effectiveFrom > current.effectiveFrom))
      current = version;
  }
  // Before its first version took effect (a start date earlier than the day it was added), the
  // first version is the best guess of what the user was taking.
  if (current === undefined) {
    for (const version of versions)
      if (current === undefined || version.effectiveFrom < current.effectiveFrom) current = version;
  }
  return current;
}

/** The current schedule: the latest version, whatever the day. */
export function latestSchedule(versions: readonly ScheduleRecord[]): ScheduleRecord | undefined {
  return versions.reduce<ScheduleRecord | undefined>(
    (latest, version) => (latest === undefined || version.effectiveFrom > latest.effectiveFrom ? version : latest),
    undefined,
  );
}

export function pauseOn(pauses: readonly PauseRecord[], date: string): PauseRecord | undefined {
  return pauses.find((pause) => pause.startDate <= date && (pause.resumeOn === null || date < pause.resumeOn));
}

export function statusOn(item: ItemRecord, pauses: readonly PauseRecord[], date: string): ProtocolStatus {
  if (item.stoppedOn !== null && date >= item.stoppedOn) return "stopped";
  if (pauseOn(pauses, date) !== undefined) return "paused";
  return "active";
}

/** Doses due on one day. */
export function scheduledOn(
  item: ItemRecord,
  versions: readonly ScheduleRecord[],
  pauses: readonly PauseRecord[],
  date: string,
): number {
  if (date < item.startDate) return 0;
  if (statusOn(item, pauses, date) !== "active") return 0;
  const schedule = scheduleOn(versions, date);
  if (schedule === undefined || !schedule.daysOfWeek.includes(weekdayOf(date))) return 0;
  return schedule.timesPerDay;
}

export function percentOf(taken: number, due: number): number | null {
  return due <= 0 ? null : Math.round((taken / due) * 100);
}

export function computeAdherence(
  item: ItemRecord,
  versions: readonly ScheduleRecord[],
  pauses: readonly PauseRecord[],
  intakes: readonly IntakeRecord[],
  period: { from: string; to: string; today: string },
): ItemAdherence {
  const intakesByDay = new Map<string, number>();
  let lastTaken: { date: string; time: string } | null = null;
  for (const intake of intakes) {
    if (intake.itemId !== item.id || intake.date < period.from || intake.date > period.to) continue;
    intakesByDay.set(intake.date, (intakesByDay.get(intake.date) ?? 0) + 1);
    if (lastTaken === null || `${intake.date} ${intake.time}` > `${lastTaken.date} ${lastTaken.time}`)
      lastTaken = { date: intake.date, time: intake.time };
  }

  let scheduled = 0;
  let taken = 0;
  let missed = 0;
  let pending = 0;
  let extra = 0;
  let pausedDays = 0;
  const missedDoses: MissedDose[] = [];
  const lastCounted = period.to < period.today ? period.to : period.today;

  for (let date = period.from; date <= period.to; date = addDays(date, 1)) {
    const count = intakesByDay.get(date) ?? 0;
    if (date > lastCounted) {
      extra += count;
      continue;
    }
    if (
      date >= item.startDate &&
      statusOn(item, pauses, date) === "paused" &&
      (scheduleOn(versions, date)?.timesPerDay ?? 0) > 0
    )
      pausedDays += 1;
    const due = scheduledOn(item, versions, pauses, date);
    const filled = Math.min(due, count);
    scheduled += due;
    taken += filled;
    extra += count - filled;
    if (filled < due) {
      if (date === period.today) {
        pending += due - filled;
      } else {
        missed += due - filled;
        const labels = slotLabels(scheduleOn(versions, date)!);
        for (let slot = filled; slot < due; slot++)
          missedDoses.push({ date, slot: labels[slot] ?? `dose ${slot + 1}` });
      }
    }
  }

  return {
    itemId: item.id,
    name: item.name,
    status: statusOn(item, pauses, period.today),
    asNeeded: item.asNeeded,
    scheduled,
    taken,
    missed,
    pending,
    extra,
    percent: percentOf(taken, scheduled - pending),
    pausedDays,
    missedDoses: missedDoses.slice(-MAX_LISTED_MISSED),
    lastTaken,
  };
}
