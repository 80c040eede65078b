import type { ProtocolSchedule } from "@ensemble/contracts";
import { describe, expect, it } from "vitest";
import {
  type IntakeRecord,
  type ItemRecord,
  type PauseRecord,
  type ScheduleRecord,
  computeAdherence,
  scheduleOn,
  scheduledOn,
  statusOn,
} from "./adherence.ts";
import { EVERY_DAY } from "./schedule.ts";

// November 2026: the 1st is a Sunday, the 2nd a Monday.
const item = (overrides: Partial<ItemRecord> = {}): ItemRecord => ({
  id: "item-1",
  name: "Creatine",
  nameKey: "creatine",
  startDate: "2026-11-01",
  stoppedOn: null,
  asNeeded: false,
  createdAt: "2026-11-01T08:00:00.000Z",
  ...overrides,
});

const schedule = (effectiveFrom: string, overrides: Partial<ProtocolSchedule> = {}): ScheduleRecord => ({
  itemId: "item-1",
  effectiveFrom,
  dose: 5,
  unit: "g",
  timesPerDay: 1,
  timeOfDay: ["morning"],
  daysOfWeek: [...EVERY_DAY],
  withMeals: false,
  ...overrides,
});

let intakeNumber = 0;
const intakes = (...dates: string[]): IntakeRecord[] =>
  dates.map((date) => ({
    id: `intake-${++intakeNumber}`,
    itemId: "item-1",
    date,
    time: "08:00",
    dose: 5,
    unit: "g",
    said: "creatine",
  }));

const pause = (startDate: string, resumeOn: string | null): PauseRecord => ({
  id: `pause-${startDate}`,
  itemId: "item-1",
  startDate,
  resumeOn,
});

describe("computeAdherence", () => {
  it("counts one dose a day, with the missed days listed", () => {
    const report = computeAdherence(
      item(),
      [schedule("2026-11-01")],
      [],
      intakes("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-05", "2026-11-07"),
      {
        from: "2026-11-01",
        to: "2026-11-07",
        today: "2026-11-10",
      },
    );
    expect(report).toMatchObject({ scheduled: 7, taken: 5, missed: 2, pending: 0, extra: 0, percent: 71 });
    expect(report.missedDoses).toEqual([
      { date: "2026-11-04", slot: "morning" },
      { date: "2026-11-06", slot: "morning" },
    ]);
  });

  it("caps taken doses per scheduled slot and names the untaken slot", () => {
    const twice = schedule("2026-11-01", { timesPerDay: 2, timeOfDay: ["morning", "evening"] });
    const report = computeAdherence(
      item(),
      [twice],
      [],
      intakes("2026-11-01", "2026-11-01", "2026-11-02", "2026-11-03", "2026-11-03", "2026-11-03"),
      {
        from: "2026-11-01",
        to: "2026-11-03",
        today: "2026-11-10",
      },
    );
    expect(report).toMatchObject({ scheduled: 6, taken: 5, missed: 1, extra: 1, percent: 83 });
    expect(report.missedDoses).toEqual([{ date: "2026-11-02", slot: "evening" }]);
  });

  it("only schedules the named days of the week; an intake on another day is extra", () => {
    const mondayWednesdayFriday = schedule("2026-11-01", { daysOfWeek: ["mon", "wed", "fri"] });
    // Nov 2 Mon, 3 Tue, 4 Wed, 6 Fri, 8 Sun.
    const report = computeAdherence(
      item(),
      [mondayWednesdayFriday],
      [],
      intakes("2026-11-02", "2026-11-03", "2026-11-06"),
      {
        from: "2026-11-01",
        to: "2026-11-08",
        today: "2026-11-20",
      },
    );
    expect(report).toMatchObject({ scheduled: 3, taken: 2, missed: 1, extra: 1 });
    expect(report.missedDoses).toEqual([{ date: "2026-11-04", slot: "morning" }]);
  });

  it("leaves paused days out, resuming on the resume date, and counts them", () => {
    // Paused Nov 3, 4 and 5; due again on the 6th. The intake on the 4th is extra.
    const report = computeAdherence(
      item(),
      [schedule("2026-11-01")],
      [pause("2026-11-03", "2026-11-06")],
      intakes("2026-11-01", "2026-11-04", "2026-11-06"),
      {
        from: "2026-11-01",
        to: "2026-11-07",
        today: "2026-11-10",
      },
    );
    expect(report).toMatchObject({ scheduled: 4, taken: 2, missed: 2, extra: 1, pausedDays: 3 });
    expect(report.missedDoses.map((dose) => dose.date)).toEqual(["2026-11-02", "2026-11-07"]);
  });

  it("treats a pause without an end as lasting until today", () => {
    const report = computeAdherence(
      item(),
      [schedule("2026-11-01")],
      [pause("2026-11-04", null)],
      intakes("2026-11-01", "2026-11-02", "2026-11-03"),
      {
        from: "2026-11-01",
        to: "2026-11-09",
        today: "2026-11-09",
      },
    );
    expect(report).toMatchObject({ scheduled: 3, taken: 3, missed: 0, pausedDays: 6, percent: 100, status: "paused" });
  });

  it("schedules nothing from the stop date on", () => {
    const report = computeAdherence(
      item({ stoppedOn: "2026-11-05" }),
      [schedule("2026-11-01")],
      [],
      intakes("2026-11-01", "2026-11-02"),
      {
        from: "2026-11-01",
        to: "2026-11-10",
        today: "2026-11-10",
      },
    );
    expect(report).toMatchObject({ scheduled: 4, taken: 2, missed: 2, status: "stopped" });
  });

  it("starts counting at the start date when the period starts earlier", () => {
    const report = computeAdherence(
      item({ startDate: "2026-11-04" }),
      [schedule("2026-11-04")],
      [],
      intakes("2026-11-04"),
      {
        from: "2026-11-01",
        to: "2026-11-07",
        today: "2026-11-10",
      },
    );
    expect(report).toMatchObject({ scheduled: 4, taken: 1, missed: 3 });
  });

  it("keeps today's untaken doses pending rather than missed, and never counts days after today", () => {
    const twice = schedule("2026-11-01", { timesPerDay: 2, timeOfDay: [] });
    const report = computeAdherence(
      item(),
      [twice],
      [],
      intakes("2026-11-05", "2026-11-05", "2026-11-06", "2026-11-07"),
      {
        from: "2026-11-05",
        to: "2026-11-12",
        today: "2026-11-07",
      },
    );
    expect(report).toMatchObject({ scheduled: 6, taken: 4, missed: 1, pending: 1, percent: 80 });
    expect(report.missedDoses).toEqual([{ date: "2026-11-06", slot: "dose 2" }]);
  });

  it("counts each day against the schedule in force that day", () => {
    const versions = [
      schedule("2026-11-01"),
      schedule("2026-11-04", { timesPerDay: 2, timeOfDay: ["morning", "before_bed"] }),
    ];
    const report = computeAdherence(
      item(),
      versions,
      [],
      intakes("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-05"),
      {
        from: "2026-11-01",
        to: "2026-11-06",
        today: "2026-11-10",
      },
    );
    expect(report).toMatchObject({ scheduled: 9, taken: 6, missed: 3 });
    expect(report.missedDoses).toEqual([
      { date: "2026-11-04", slot: "before_bed" },
      { date: "2026-11-06", slot: "morning" },
      { date: "2026-11-06", slot: "before_bed" },
    ]);
  });

  it("gives an as-needed item no scheduled doses, only extra intakes", () => {
    const report = computeAdherence(
      item({ asNeeded: true }),
      [schedule("2026-11-01", { timesPerDay: 0, timeOfDay: [] })],
      [],
      intakes("2026-11-02", "2026-11-03"),
      {
        from: "2026-11-01",
        to: "2026-11-07",
        today: "2026-11-10",
      },
    );
    expect(report).toMatchObject({ scheduled: 0, taken: 0, extra: 2, percent: null, pausedDays: 0 });
  });

  it("combines a pause, a stop and a weekday schedule", () => {
    // Mon-Fri, paused Nov 9-10 (resume 11th), stopped from the 13th. Weekdays Nov 2-12: 9; minus 2 paused = 7.
    const weekdays = schedule("2026-11-01", { daysOfWeek: ["mon", "tue", "wed", "thu", "fri"] });
    const report = computeAdherence(
      item({ stoppedOn: "2026-11-13" }),
      [weekdays],
      [pause("2026-11-09", "2026-11-11")],
      intakes("2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05", "2026-11-06", "2026-11-11"),
      { from: "2026-11-01", to: "2026-11-15", today: "2026-11-20" },
    );
    expect(report).toMatchObject({ scheduled: 7, taken: 6, missed: 1, pausedDays: 2 });
    expect(report.missedDoses).toEqual([{ date: "2026-11-12", slot: "morning" }]);
  });
});

describe("schedule helpers", () => {
  it("finds the schedule in force and the status on a day", () => {
    const versions = [schedule("2026-11-01"), schedule("2026-11-10", { dose: 10 })];
    expect(scheduleOn(versions, "2026-11-09")?.dose).toBe(5);
    expect(scheduleOn(versions, "2026-11-10")?.dose).toBe(10);
    expect(statusOn(item(), [pause("2026-11-03", "2026-11-06")], "2026-11-05")).toBe("paused");
    expect(statusOn(item(), [pause("2026-11-03", "2026-11-06")], "2026-11-06")).toBe("active");
    expect(scheduledOn(item(), versions, [], "2026-10-31")).toBe(0);
  });
});
