// Dates in expected arguments are written relative to the moment the case ran ("{{today-1}}" for
// "yesterday"), so a case written today still scores right next month and from the cache.
import type { ValueSpec } from "./schema.ts";

const TEMPLATE = /\{\{\s*today\s*(?:([+-])\s*(\d+))?\s*\}\}/g;

/** The UTC calendar day of `isoTime` shifted by `days`, as YYYY-MM-DD. */
export function shiftedDay(isoTime: string, days: number): string {
  const day = new Date(`${isoTime.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

export function resolveText(text: string, isoTime: string): string {
  return text.replace(TEMPLATE, (_, sign: string | undefined, amount: string | undefined) =>
    shiftedDay(isoTime, sign === "-" ? -Number(amount) : Number(amount ?? 0)),
  );
}

/** A value spec with every "{{today±n}}" replaced by the date it names. */
export function resolveSpec(spec: ValueSpec, isoTime: string): ValueSpec {
  if (typeof spec === "string") return resolveText(spec, isoTime);
  if (Array.isArray(spec)) return spec.map((each) => resolveSpec(each, isoTime));
  if (spec && typeof spec === "object") {
    return Object.fromEntries(Object.entries(spec).map(([key, value]) => [key, resolveSpec(value, isoTime)]));
  }
  return spec;
}
