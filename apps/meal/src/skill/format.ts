// Numbers and dates as the coach writes them. Values arrive already rounded by the tools
// (kcal whole, grams to 0.1); formatting only adds separators and units.
import { addDays } from "@ensemble/ai/local";

export interface MacroNumbers {
  energyKcal: number;
  proteinG: number;
  carbohydrateG: number;
  fatG: number;
}

export function thousands(value: number): string {
  const rounded = Math.round(value);
  const sign = rounded < 0 ? "-" : "";
  return sign + String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function kcal(value: number): string {
  return `${thousands(value)} kcal`;
}

/** Grams to one decimal, without a trailing ".0". */
export function grams(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} g`;
}

export function macroLine(macros: MacroNumbers): string {
  return `${kcal(macros.energyKcal)} · ${grams(macros.proteinG)} protein · ${grams(macros.carbohydrateG)} carbs · ${grams(macros.fatG)} fat`;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "today", "yesterday", or "Monday 16 Nov". */
export function dayLabel(date: string, today: string): string {
  if (date === today) return "today";
  if (date === addDays(today, -1)) return "yesterday";
  const parsed = new Date(`${date}T00:00:00Z`);
  return `${WEEKDAYS[parsed.getUTCDay()]} ${parsed.getUTCDate()} ${MONTHS[parsed.getUTCMonth()]}`;
}

/** A USDA name cut to its leading parts within 60 characters: what the food is and how it was prepared. */
export function shortFoodName(name: string): string {
  const parts = name.replace(/\s*\(.*$/, "").split(", ");
  let short = parts[0] ?? name;
  for (const part of parts.slice(1)) {
    if (short.length + part.length + 2 > 60) break;
    short = `${short}, ${part}`;
  }
  return short.length > 60 ? `${short.slice(0, 57)}…` : short;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a, b and c". */
export function joinWords(words: string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
