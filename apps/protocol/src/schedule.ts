// Calendar days and schedules. Every date is a UTC calendar day, "YYYY-MM-DD", so arithmetic on
// them never meets a daylight-saving shift.
import {
  PROTOCOL_WEEKDAYS,
  type ProtocolSchedule,
  type ProtocolTimeOfDay,
  type ProtocolWeekday,
} from "@ensemble/contracts";

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function weekdayOf(date: string): ProtocolWeekday {
  const sundayFirst = new Date(`${date}T00:00:00Z`).getUTCDay();
  return PROTOCOL_WEEKDAYS[(sundayFirst + 6) % 7]!;
}

/** "YYYY-MM-DD" and "HH:MM" of an instant, in UTC. */
export function utcDay(instant: Date): { date: string; time: string } {
  const iso = instant.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

export const EVERY_DAY: ProtocolWeekday[] = [...PROTOCOL_WEEKDAYS];

/** Weekdays in calendar order without repeats, whatever order they were given in. */
export function sortWeekdays(days: readonly ProtocolWeekday[]): ProtocolWeekday[] {
  return PROTOCOL_WEEKDAYS.filter((day) => days.includes(day));
}

const TIME_OF_DAY_ORDER: ProtocolTimeOfDay[] = ["morning", "midday", "afternoon", "evening", "before_bed"];

export function sortTimesOfDay(times: readonly ProtocolTimeOfDay[]): ProtocolTimeOfDay[] {
  return TIME_OF_DAY_ORDER.filter((time) => times.includes(time));
}

const TIME_OF_DAY_WORDS: Record<ProtocolTimeOfDay, string> = {
  morning: "in the morning",
  midday: "at midday",
  afternoon: "in the afternoon",
  evening: "in the evening",
  before_bed: "before bed",
};

const TIMES_WORDS = [
  "",
  "once a day",
  "twice a day",
  "three times a day",
  "four times a day",
  "five times a day",
  "six times a day",
];

function formatNumber(value: number): string {
  const rounded = Number.isInteger(value) ? value : Math.round(value * 100) / 100;
  // 50000 IU reads better as 50,000 IU; 1000 mg stays as people write it.
  return rounded >= 10_000 && Number.isInteger(rounded)
    ? String(rounded).replace(/\B(?=(\d{3})+$)/g, ",")
    : String(rounded);
}

const FULL_DAY_NAMES: Record<ProtocolWeekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

export function describeDose(dose: number | null, unit: string | null): string | null {
  if (dose === null || unit === null) return null;
  const shown =
    unit === "capsules" && dose === 1
      ? "capsule"
      : unit === "drops" && dose === 1
        ? "drop"
        : unit === "scoops" && dose === 1
          ? "scoop"
          : unit;
  return `${formatNumber(dose)} ${shown}`;
}

function describeDays(days: readonly ProtocolWeekday[]): string {
  const sorted = sortWeekdays(days);
  if (sorted.length === 7) return "";
  if (sorted.length === 5 && !sorted.includes("sat") && !sorted.includes("sun")) return " on weekdays";
  if (sorted.length === 2 && sorted.includes("sat") && sorted.includes("sun")) return " on weekends";
  const names = sorted.map((day) => day[0]!.toUpperCase() + day.slice(1));
  return ` on ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`}`;
}

/** "5 g every morning", "2 capsules twice a day with meals", "as needed". */
export function describeSchedule(schedule: ProtocolSchedule): string {
  const dose = describeDose(schedule.dose, schedule.unit);
  if (schedule.timesPerDay === 0) return dose === null ? "as needed" : `${dose} as needed`;
  const times = sortTimesOfDay(schedule.timeOfDay);
  const daily = schedule.daysOfWeek.length === 7;
  let when: string;
  if (times.length === 1 && schedule.timesPerDay === 1) {
    const time = times[0]!;
    if (daily)
      when =
        time === "before_bed" ? "every night before bed" : time === "midday" ? "every day at midday" : `every ${time}`;
    else when = TIME_OF_DAY_WORDS[time];
  } else if (times.length > 0) {
    const words = times.map((time) => TIME_OF_DAY_WORDS[time].replace(/^(in the|at) /, ""));
    const listed = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
    when = times.length === schedule.timesPerDay ? listed : `${TIMES_WORDS[schedule.timesPerDay]} (${listed})`;
  } else if (schedule.timesPerDay === 1 && !daily) {
    // "every Tuesday", "on Mon, Wed and Fri": the days say it all.
    const days = sortWeekdays(schedule.daysOfWeek);
    const meals = schedule.withMeals ? " with a meal" : "";
    const text =
      days.length === 1 ? `every ${FULL_DAY_NAMES[days[0]!]}${meals}` : `${meals.trim()}${describeDays(days)}`.trim();
    return `${dose === null ? "" : `${dose} `}${text}`;
  } else {
    when =
      schedule.timesPerDay === 1
        ? "daily"
        : (TIMES_WORDS[schedule.timesPerDay] ?? `${schedule.timesPerDay} times a day`);
  }
  const meals = schedule.withMeals ? (schedule.timesPerDay === 1 ? " with a meal" : " with meals") : "";
  return `${dose === null ? "" : `${dose} `}${when}${meals}${describeDays(schedule.daysOfWeek)}`;
}

/** The label of each daily slot, for naming missed doses: ["morning", "before_bed"] or ["dose 1", "dose 2"]. */
export function slotLabels(schedule: Pick<ProtocolSchedule, "timesPerDay" | "timeOfDay">): string[] {
  const times = sortTimesOfDay(schedule.timeOfDay);
  return Array.from({ length: schedule.timesPerDay }, (_, index) => times[index] ?? `dose ${index + 1}`);
}
