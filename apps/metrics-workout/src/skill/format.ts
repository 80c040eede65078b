// Numbers and dates as a coach writes them: "82.1 kg", "2,500 kg", "today", "Mon 23 Nov".

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** At most `decimals` decimals, no trailing zeros, thousands grouped: 2500 -> "2,500", 82.10 -> "82.1". */
export function formatNumber(value: number, decimals = 1): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  const [whole, fraction] = Math.abs(rounded).toFixed(decimals).split(".") as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const trimmed = fraction?.replace(/0+$/, "") ?? "";
  return `${rounded < 0 ? "-" : ""}${grouped}${trimmed ? `.${trimmed}` : ""}`;
}

/** "+0.4" / "-1.2" with a unit: a change, signed. */
export function formatChange(value: number, unit: string, decimals = 1): string {
  const text = formatNumber(Math.abs(value), decimals);
  if (text === "0") return `no change`;
  return `${value > 0 ? "up" : "down"} ${text} ${unit}`;
}

export function dayDifference(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "today", "yesterday", or "Mon 23 Nov" (the year only when it is not the current one). */
export function formatDay(date: string, today: string): string {
  const difference = dayDifference(date, today);
  if (difference === 0) return "today";
  if (difference === 1) return "yesterday";
  const parsed = new Date(`${date}T00:00:00Z`);
  const label = `${WEEKDAYS[parsed.getUTCDay()]} ${parsed.getUTCDate()} ${MONTHS[parsed.getUTCMonth()]}`;
  return date.slice(0, 4) === today.slice(0, 4) ? label : `${label} ${date.slice(0, 4)}`;
}

/** "23 Nov 2026": for dates in the future, where "today" makes no sense. */
export function formatCalendarDate(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  return `${parsed.getUTCDate()} ${MONTHS[parsed.getUTCMonth()]} ${parsed.getUTCFullYear()}`;
}

/** "23-29 Nov" for a period. */
export function formatPeriod(from: string, to: string, today: string): string {
  if (from === to) return formatDay(from, today);
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  const sameYear = start.getUTCFullYear() === end.getUTCFullYear();
  const sameMonth = sameYear && start.getUTCMonth() === end.getUTCMonth();
  const endLabel = `${end.getUTCDate()} ${MONTHS[end.getUTCMonth()]}`;
  // "1 Dec - 28 Nov" reads backwards: a period across years names them.
  if (!sameYear)
    return `${start.getUTCDate()} ${MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()} - ${endLabel} ${end.getUTCFullYear()}`;
  return sameMonth
    ? `${start.getUTCDate()}-${endLabel}`
    : `${start.getUTCDate()} ${MONTHS[start.getUTCMonth()]} - ${endLabel}`;
}

/** "1 session", "3 sessions". */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${formatNumber(count, 2)} ${count === 1 ? word : pluralWord}`;
}

/** "a, b and c". */
export function joinList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

export function minutesText(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded >= 60 && rounded % 60 === 0) return `${rounded / 60} h`;
  if (rounded >= 60) return `${Math.floor(rounded / 60)} h ${rounded % 60} min`;
  return `${formatNumber(minutes, 1)} min`;
}

/** Seconds as "27:00" or "1:05:20". */
export function clock(totalSeconds: number): string {
  const seconds = Math.round(totalSeconds);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, "0")}:${String(rest).padStart(2, "0")}`
    : `${minutes}:${String(rest).padStart(2, "0")}`;
}
