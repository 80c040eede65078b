// The arithmetic behind trends and records, kept pure so it is tested on its own.

export const KG_PER_LB = 0.45359237;
export const CM_PER_INCH = 2.54;
export const METRES_PER_MILE = 1609.344;

export type MassUnit = "kg" | "lb";
export type DistanceUnit = "km" | "mi" | "m";

export function round(value: number, decimals = 1): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function toKg(value: number, unit: MassUnit): number {
  return unit === "lb" ? value * KG_PER_LB : value;
}

export function fromKg(kg: number, unit: MassUnit): number {
  return unit === "lb" ? kg / KG_PER_LB : kg;
}

export function toCm(value: number, unit: "cm" | "in"): number {
  return unit === "in" ? value * CM_PER_INCH : value;
}

export function fromCm(cm: number, unit: "cm" | "in"): number {
  return unit === "in" ? cm / CM_PER_INCH : cm;
}

export function toMetres(value: number, unit: DistanceUnit): number {
  if (unit === "km") return value * 1000;
  if (unit === "mi") return value * METRES_PER_MILE;
  return value;
}

export function fromMetres(metres: number, unit: DistanceUnit): number {
  if (unit === "km") return metres / 1000;
  if (unit === "mi") return metres / METRES_PER_MILE;
  return metres;
}

/**
 * Estimated one-rep max by Epley: load x (1 + reps / 30); a single is its own 1RM. Past about 12
 * reps the formula drifts far from tested maxes, so higher-rep sets get no estimate.
 */
export const EPLEY_MAX_REPS = 12;

export function epleyOneRepMax(load: number, reps: number): number | null {
  if (!(load > 0) || !Number.isInteger(reps) || reps < 1 || reps > EPLEY_MAX_REPS) return null;
  return reps === 1 ? load : load * (1 + reps / 30);
}

export interface DatedValue {
  date: string;
  value: number;
}

export interface DailyValue {
  date: string;
  value: number;
  count: number;
}

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** One value per day: the mean of that day's measurements, oldest day first. */
export function dailyMeans(values: DatedValue[]): DailyValue[] {
  const byDay = new Map<string, { sum: number; count: number }>();
  for (const { date, value } of values) {
    const day = byDay.get(date) ?? { sum: 0, count: 0 };
    day.sum += value;
    day.count += 1;
    byDay.set(date, day);
  }
  return [...byDay.entries()]
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([date, { sum, count }]) => ({ date, value: sum / count, count }));
}

/**
 * For each day, the mean of the daily values from 6 days before it to the day itself. Days
 * without a measurement are skipped rather than filled, so a gap does not drag the average.
 */
export function movingAverages(daily: DailyValue[], windowDays = 7): number[] {
  const averages: number[] = [];
  let start = 0;
  let sum = 0;
  for (let index = 0; index < daily.length; index++) {
    const today = dayNumber(daily[index]!.date);
    sum += daily[index]!.value;
    while (dayNumber(daily[start]!.date) <= today - windowDays) {
      sum -= daily[start]!.value;
      start += 1;
    }
    averages.push(sum / (index - start + 1));
  }
  return averages;
}

/**
 * Change per 7 days: the least-squares slope of the daily values against the day, times 7. A
 * slope uses every day rather than just the first and last, so one heavy morning moves it little.
 * Null with fewer than two days.
 */
export function weeklyRate(daily: DailyValue[]): number | null {
  if (daily.length < 2) return null;
  const xs = daily.map((point) => dayNumber(point.date));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = daily.reduce((sum, point) => sum + point.value, 0) / daily.length;
  let numerator = 0;
  let denominator = 0;
  daily.forEach((point, index) => {
    const dx = xs[index]! - meanX;
    numerator += dx * (point.value - meanY);
    denominator += dx * dx;
  });
  return denominator === 0 ? null : (numerator / denominator) * 7;
}

/** "27:00", "1:05:20" for a number of seconds. */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, "0") : String(minutes);
  return `${hours > 0 ? `${hours}:` : ""}${mm}:${String(rest).padStart(2, "0")}`;
}

/** "5:24/km" or "8:41/mi". */
export function formatPace(secondsPerKm: number, unit: "km" | "mi" = "km"): string {
  const perUnit = unit === "mi" ? secondsPerKm * (METRES_PER_MILE / 1000) : secondsPerKm;
  return `${formatDuration(perUnit)}/${unit}`;
}

/** Weeks to go from `current` to `goal` at `ratePerWeek` (same units); null when the rate never gets there. */
export function weeksToGoal(current: number, goal: number, ratePerWeek: number): number | null {
  const gap = goal - current;
  if (gap === 0) return 0;
  if (ratePerWeek === 0 || Math.sign(gap) !== Math.sign(ratePerWeek)) return null;
  return gap / ratePerWeek;
}
