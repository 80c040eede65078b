// Relative dates, times, periods and durations: "yesterday", "last night", "for lunch", "at 7am",
// "on Monday", "2 days ago", "past 7 days", "since Monday", "for two weeks".
//
// Time zone: every calculation uses the UTC calendar fields of `now`. A caller that knows the
// user's zone passes a `now` whose UTC fields show the user's wall clock, which `wallClockNow`
// builds. Without that, "today" is the UTC date, which is wrong for a user in Sydney at 8am.
import { normaliseForMatching } from "./normalise.ts";
import { parseNumberRange } from "./numbers.ts";
import { normaliseUnit } from "./units.ts";

export type MealType = "breakfast" | "lunch" | "dinner" | "snack";
export type PartOfDay = "morning" | "afternoon" | "evening" | "night";

export interface When {
  /** The day meant, "YYYY-MM-DD"; today when the text names none. */
  date: string;
  /** "HH:MM", 24-hour, when the text names a clock time. */
  time?: string;
  /** The meal named ("for lunch"), or implied by the part of day ("this morning" -> breakfast). */
  mealType?: MealType;
  partOfDay?: PartOfDay;
  /** The phrases of the original text that set these fields, in text order. */
  matched: string[];
  /** A day and month the calendar does not have ("31 feb"), as written: nothing can be dated to it. */
  notADay?: string;
}

export interface Period {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

/** Short weekday names that are also ordinary words ("sat", "sun", "wed") count only after "on", "last"... */
const WEEKDAY_ABBREVIATIONS: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  tues: 2,
  wed: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  fri: 5,
  sat: 6,
};

const MONTHS: Record<string, number> = {
  january: 0,
  jan: 0,
  february: 1,
  feb: 1,
  march: 2,
  mar: 2,
  april: 3,
  apr: 3,
  may: 4,
  june: 5,
  jun: 5,
  july: 6,
  jul: 6,
  august: 7,
  aug: 7,
  september: 8,
  sep: 8,
  sept: 8,
  october: 9,
  oct: 9,
  november: 10,
  nov: 10,
  december: 11,
  dec: 11,
};

const MEAL_WORDS: Record<string, MealType> = {
  breakfast: "breakfast",
  brekkie: "breakfast",
  brekky: "breakfast",
  // Brunch is logged as lunch: it is usually the day's first big meal, eaten near midday.
  brunch: "lunch",
  lunch: "lunch",
  luncheon: "lunch",
  dinner: "dinner",
  supper: "dinner",
  snack: "snack",
  snacks: "snack",
  snacked: "snack",
  snacking: "snack",
  dessert: "snack",
};

// Number phrases allowed inside date and duration patterns; parseNumberRange reads them.
const NUMBER_WORD = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
  "twenty",
  "thirty",
  "forty",
  "fifty",
  "sixty",
  "seventy",
  "eighty",
  "ninety",
  "hundred",
].join("|");
const NUMBER_PHRASE =
  `(?:\\d+(?:[.,]\\d+)?(?:\\s*(?:-|to|or)\\s*\\d+(?:[.,]\\d+)?)?` +
  `|(?:a\\s+)?couple(?:\\s+of)?|(?:a\\s+)?few|several|an?` +
  `|(?:${NUMBER_WORD})(?:[\\s-](?:${NUMBER_WORD}))?(?:\\s+(?:or|to)\\s+(?:${NUMBER_WORD}))?)`;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on "YYYY-MM-DD" strings, all in UTC.

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** "YYYY-MM-DD" of a Date's UTC calendar day. */
export function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function utcMidnight(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** The ISO date `days` after (or before, if negative) the given one. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return isoDate(new Date(Date.UTC(year, month - 1, day) + days * DAY_MS));
}

function daysFromNow(now: Date, days: number): string {
  return isoDate(new Date(utcMidnight(now) + days * DAY_MS));
}

/** Monday of the week holding `now` (weeks start on Monday, as ISO 8601 has them). */
function mondayOfWeek(now: Date): string {
  const weekday = now.getUTCDay();
  return daysFromNow(now, -((weekday + 6) % 7));
}

function validDate(year: number, month: number, day: number): string | null {
  if (month < 0 || month > 11 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCMonth() !== month) return null;
  return isoDate(date);
}

/**
 * A Date whose UTC fields show the wall-clock time in `timeZone` at `instant`, for callers that
 * know the user's IANA zone. Pass the result as `now` to the parsers here.
 */
export function wallClockNow(instant: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const field = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? "0");
  return new Date(
    Date.UTC(field("year"), field("month") - 1, field("day"), field("hour"), field("minute"), field("second")),
  );
}

/** The meal a clock time most likely belongs to. */
export function mealTypeForTime(time: string): MealType {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const minuteOfDay = hours * 60 + (minutes ?? 0);
  if (minuteOfDay >= 4 * 60 && minuteOfDay < 11 * 60) return "breakfast";
  if (minuteOfDay >= 11 * 60 && minuteOfDay < 15 * 60) return "lunch";
  if (minuteOfDay >= 17 * 60 && minuteOfDay < 22 * 60) return "dinner";
  return "snack";
}

// ---------------------------------------------------------------------------------------------
// Single days.

interface DateMention {
  date: string;
  start: number;
  end: number;
  partOfDay?: PartOfDay;
  /** The word before the mention ("since", "from"...), which turns a day into a period bound. */
  preposition?: string;
}

function readCount(phrase: string): number | null {
  const reading = parseNumberRange(phrase.trim());
  return reading === null ? null : reading.value;
}

/** The most recent `weekday` on or before today (or strictly before, with `strict`). */
function previousWeekday(now: Date, weekday: number, strict: boolean): string {
  let back = (now.getUTCDay() - weekday + 7) % 7;
  if (back === 0 && strict) back = 7;
  return daysFromNow(now, -back);
}

function nextWeekday(now: Date, weekday: number): string {
  let ahead = (weekday - now.getUTCDay() + 7) % 7;
  if (ahead === 0) ahead = 7;
  return daysFromNow(now, ahead);
}

/** A month and day without a year means the latest such date that is not in the future. */
function monthDay(now: Date, month: number, day: number, year: number | null): string | null {
  if (year !== null) return validDate(year, month, day);
  const thisYear = validDate(now.getUTCFullYear(), month, day);
  if (thisYear !== null && thisYear <= isoDate(now)) return thisYear;
  return validDate(now.getUTCFullYear() - 1, month, day);
}

const PART_OF_DAY_WORDS: Record<string, PartOfDay> = {
  morning: "morning",
  afternoon: "afternoon",
  evening: "evening",
  night: "night",
};

function collectMatches(
  text: string,
  pattern: RegExp,
  handle: (match: RegExpMatchArray) => DateMention | null,
): DateMention[] {
  const mentions: DateMention[] = [];
  for (const match of text.matchAll(pattern)) {
    const mention = handle(match);
    if (mention !== null) mentions.push(mention);
  }
  return mentions;
}

/** Every single-day expression in the (normalised) text, by position, overlaps removed. */
function findDateMentions(text: string, now: Date): DateMention[] {
  const monthNames = Object.keys(MONTHS).join("|");
  const weekdayNames = Object.keys(WEEKDAYS).join("|");
  const weekdayShort = Object.keys(WEEKDAY_ABBREVIATIONS).join("|");
  const partWords = "morning|afternoon|evening|night";
  const mentions: DateMention[] = [];

  mentions.push(
    ...collectMatches(text, /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, (match) => {
      const date = validDate(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      return date === null ? null : { date, start: match.index ?? 0, end: (match.index ?? 0) + match[0].length };
    }),
  );

  // "20 november", "20th of nov 2026", "november 20", "nov 20th, 2026".
  mentions.push(
    ...collectMatches(
      text,
      new RegExp(
        `\\b(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${monthNames})\\b\\.?(?:,?\\s+(\\d{4})\\b)?`,
        "g",
      ),
      (match) => {
        const date = monthDay(now, MONTHS[match[2] ?? ""] ?? -1, Number(match[1]), match[3] ? Number(match[3]) : null);
        return date === null ? null : { date, start: match.index ?? 0, end: (match.index ?? 0) + match[0].length };
      },
    ),
    ...collectMatches(
      text,
      new RegExp(
        `\\b(${monthNames})\\.?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:[:.]\\d|${unitLookahead()}))(?:,?\\s+(\\d{4})\\b)?`,
        "g",
      ),
      (match) => {
        const date = monthDay(now, MONTHS[match[1] ?? ""] ?? -1, Number(match[2]), match[3] ? Number(match[3]) : null);
        return date === null ? null : { date, start: match.index ?? 0, end: (match.index ?? 0) + match[0].length };
      },
    ),
  );

  mentions.push(
    ...collectMatches(
      text,
      new RegExp(`\\b(?:the\\s+)?day\\s+before\\s+yesterday(?:\\s+(${partWords}))?\\b`, "g"),
      (match) => ({
        date: daysFromNow(now, -2),
        start: match.index ?? 0,
        end: (match.index ?? 0) + match[0].length,
        ...partOfDayField(match[1]),
      }),
    ),
    ...collectMatches(text, new RegExp(`\\byesterday(?:\\s+(${partWords}))?\\b`, "g"), (match) => ({
      date: daysFromNow(now, -1),
      start: match.index ?? 0,
      end: (match.index ?? 0) + match[0].length,
      ...partOfDayField(match[1]),
    })),
    ...collectMatches(text, /\blast\s+night\b/g, (match) => ({
      date: daysFromNow(now, -1),
      start: match.index ?? 0,
      end: (match.index ?? 0) + match[0].length,
      partOfDay: "night",
    })),
    ...collectMatches(text, /\btonight\b/g, (match) => ({
      date: daysFromNow(now, 0),
      start: match.index ?? 0,
      end: (match.index ?? 0) + match[0].length,
      partOfDay: "night",
    })),
    ...collectMatches(text, new RegExp(`\\bthis\\s+(${partWords})\\b`, "g"), (match) => ({
      date: daysFromNow(now, 0),
      start: match.index ?? 0,
      end: (match.index ?? 0) + match[0].length,
      ...partOfDayField(match[1]),
    })),
    ...collectMatches(text, /\btoday\b/g, (match) => ({
      date: daysFromNow(now, 0),
      start: match.index ?? 0,
      end: (match.index ?? 0) + match[0].length,
    })),
    ...collectMatches(text, new RegExp(`\\btomorrow(?:\\s+(${partWords}))?\\b`, "g"), (match) => ({
      date: daysFromNow(now, 1),
      start: match.index ?? 0,
      end: (match.index ?? 0) + match[0].length,
      ...partOfDayField(match[1]),
    })),
    ...collectMatches(text, new RegExp(`\\b(${NUMBER_PHRASE})\\s+(days?|weeks?)\\s+ago\\b`, "g"), (match) => {
      const count = readCount(match[1] ?? "");
      if (count === null) return null;
      const days = Math.round(count * ((match[2] ?? "").startsWith("week") ? 7 : 1));
      return { date: daysFromNow(now, -days), start: match.index ?? 0, end: (match.index ?? 0) + match[0].length };
    }),
  );

  // Weekdays: "on monday", "last friday", "tuesday night". Abbreviations need a word before them.
  const weekdayPattern = new RegExp(
    `\\b(?:(last|this|on|past|next|since|from|until|till|to|and|between)\\s+)?((?:(?:last|this|next)\\s+)?(${weekdayNames}|${weekdayShort})\\b\\.?(?:\\s+(${partWords}))?)`,
    "gd",
  );
  for (const match of text.matchAll(weekdayPattern)) {
    const name = match[3] ?? "";
    const isFull = WEEKDAYS[name] !== undefined;
    const weekday = WEEKDAYS[name] ?? WEEKDAY_ABBREVIATIONS[name];
    const first = match[1];
    if (weekday === undefined || (!isFull && first === undefined)) continue;
    const modifier =
      /^(last|this|next)\s/.exec(match[2] ?? "")?.[1] ??
      (first === "last" || first === "this" || first === "next" || first === "past" ? first : undefined);
    let date: string;
    if (modifier === "last" || modifier === "past") date = previousWeekday(now, weekday, true);
    else if (modifier === "next") date = nextWeekday(now, weekday);
    else if (modifier === "this") date = addDays(mondayOfWeek(now), (weekday + 6) % 7);
    else date = previousWeekday(now, weekday, false);
    const isBound = first !== undefined && !["last", "this", "next", "past", "on"].includes(first);
    // A bound's preposition stays out of the span but is remembered: "since monday" starts a period.
    const [start, end] = (isBound ? match.indices?.[2] : match.indices?.[0]) ?? [
      match.index ?? 0,
      (match.index ?? 0) + match[0].length,
    ];
    const mention: DateMention = { date, start, end, ...partOfDayField(match[4]) };
    if (isBound) mention.preposition = first;
    mentions.push(mention);
  }

  // Earlier-starting and longer mentions win; drop any that overlap one already kept.
  mentions.sort((left, right) => left.start - right.start || right.end - left.end);
  const kept: DateMention[] = [];
  for (const mention of mentions) {
    const last = kept[kept.length - 1];
    if (last !== undefined && mention.start < last.end) continue;
    kept.push(mention);
  }
  // Tag each mention with the word just before it, for period parsing.
  for (const mention of kept) {
    if (mention.preposition !== undefined) continue;
    const before = /([a-z]+)\s*$/.exec(text.slice(Math.max(0, mention.start - 12), mention.start));
    if (before?.[1] !== undefined) mention.preposition = before[1];
  }
  return kept;
}

function partOfDayField(word: string | undefined): { partOfDay?: PartOfDay } {
  const part = word === undefined ? undefined : PART_OF_DAY_WORDS[word];
  return part === undefined ? {} : { partOfDay: part };
}

/** A lookahead alternative matching a unit word, so "may 5 kg" is not read as May 5th. */
function unitLookahead(): string {
  return "(?:kg|kgs|g|lbs?|mg|mcg|iu|ml|l|oz|cups?|reps?|sets?|km|mi|miles?|min|mins|minutes?|x\\s*\\d)\\b";
}

// ---------------------------------------------------------------------------------------------
// Clock times and meals.

interface TimeMention {
  time: string;
  start: number;
  end: number;
  /** True for a bare 1-11 hour ("at 7", "7:30") that could be morning or evening. */
  ambiguous: boolean;
  hour: number;
  minute: number;
}

function findTimes(text: string): TimeMention[] {
  const times: TimeMention[] = [];
  const add = (
    match: RegExpMatchArray,
    hourText: string,
    minuteText: string | undefined,
    meridiem: string | undefined,
  ): void => {
    let hour = Number(hourText);
    const minute = minuteText === undefined ? 0 : Number(minuteText);
    if (hour > 23 || minute > 59) return;
    const isPm = meridiem !== undefined && meridiem.startsWith("p");
    const isAm = meridiem !== undefined && meridiem.startsWith("a");
    if ((isPm || isAm) && (hour === 0 || hour > 12)) return;
    if (isPm && hour < 12) hour += 12;
    if (isAm && hour === 12) hour = 0;
    const start = match.index ?? 0;
    // "07:30" with its leading zero is a 24-hour time; "7:30" and "at 7" could be either.
    const ambiguous = meridiem === undefined && hour >= 1 && hour < 12 && hourText.length === 1;
    times.push({ time: `${pad(hour)}:${pad(minute)}`, start, end: start + match[0].length, ambiguous, hour, minute });
  };

  const meridiem = "(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)(?![a-z])";
  for (const match of text.matchAll(
    new RegExp(`\\b(?:(?:at|around|about|by|@)\\s*)?(\\d{1,2})(?:[:.](\\d{2}))?\\s*${meridiem}`, "g"),
  )) {
    add(match, match[1] ?? "", match[2], match[3]);
  }
  // "18:30", "at 7:45", "at 7.45" (a dotted time needs "at", else it is a decimal).
  for (const match of text.matchAll(
    /\b(?:(?:at|around|about|by|@)\s*)?(\d{1,2}):(\d{2})\b(?!\s*(?:a\.?\s?m|p\.?\s?m))/g,
  )) {
    add(match, match[1] ?? "", match[2], undefined);
  }
  for (const match of text.matchAll(/\b(?:at|around|about|@)\s*(\d{1,2})\.(\d{2})\b(?!\s*(?:a\.?\s?m|p\.?\s?m))/g)) {
    add(match, match[1] ?? "", match[2], undefined);
  }
  // "at 7", "around 8 o'clock": bare hours, but not "at 100 kg" or "at 7 reps".
  for (const match of text.matchAll(/\b(?:at|around|about|@)\s+(\d{1,2})(?:\s*o'?clock)?\b(?![.:,]\d)(\s+[a-z%]+)?/g)) {
    const nextWord = (match[2] ?? "").trim();
    if (nextWord !== "" && (normaliseUnit(nextWord) !== null || nextWord === "x")) continue;
    const hour = Number(match[1]);
    if (hour < 1 || hour > 12) continue;
    const trimmed = match[0].slice(0, match[0].length - (match[2]?.length ?? 0));
    add({ ...match, 0: trimmed } as RegExpMatchArray, match[1] ?? "", undefined, undefined);
  }
  for (const match of text.matchAll(/\b(\d{1,2})\s*o'?clock\b/g)) {
    add(match, match[1] ?? "", undefined, undefined);
  }
  for (const match of text.matchAll(/\b(?:at\s+)?(noon|midday|midnight)\b(?!\s+snack)/g)) {
    add(match, match[1] === "midnight" ? "0" : "12", undefined, undefined);
  }

  times.sort((left, right) => left.start - right.start || right.end - left.end);
  const kept: TimeMention[] = [];
  for (const time of times) {
    const last = kept[kept.length - 1];
    if (last !== undefined && time.start < last.end) continue;
    kept.push(time);
  }
  return kept;
}

interface MealMention {
  mealType: MealType;
  start: number;
  end: number;
  rank: number;
}

function findMeal(text: string): MealMention | null {
  let best: MealMention | null = null;
  const pattern = new RegExp(
    `\\b(?:(for|at|as|during|with|after|before|since|skipped|skip|missed|no|without)\\s+(?:my\\s+|a\\s+|an\\s+|the\\s+|our\\s+)?)?(?:(?:late|early|light|quick|big|small|afternoon|midnight|evening|morning|pre-workout|post-workout)\\s+)?(${Object.keys(MEAL_WORDS).join("|")})\\b`,
    "g",
  );
  for (const match of text.matchAll(pattern)) {
    const preposition = match[1];
    const mealType = MEAL_WORDS[match[2] ?? ""];
    if (mealType === undefined) continue;
    // "For lunch" names the meal being logged; "skipped breakfast" or "before dinner" names
    // another one. Something eaten "after dinner" is a snack.
    const afterMeal = preposition === "after";
    const rank =
      preposition === "for" ||
      preposition === "as" ||
      preposition === "at" ||
      preposition === "during" ||
      preposition === "with"
        ? 2
        : preposition === undefined || afterMeal
          ? 1
          : 0;
    if (best === null || rank > best.rank) {
      const start = match.index ?? 0;
      best = { mealType: afterMeal ? "snack" : mealType, start, end: start + match[0].length, rank };
    }
  }
  return best;
}

/**
 * The day, clock time and meal a message talks about. The date defaults to today (of `now`,
 * read in UTC). Bare hours ("at 7") are read as evening times for dinner or evening mentions,
 * 1-5 as afternoon, and as morning otherwise. Period phrases ("last week") are left to parsePeriod.
 */
export function parseWhen(text: string, now: Date): When {
  const normalised = normaliseForMatching(text);
  const result: When = { date: isoDate(now), matched: [] };
  const spans: { start: number; end: number }[] = [];

  const date = findDateMentions(normalised, now).find(
    (mention) =>
      mention.preposition === undefined || !["since", "from", "until", "till", "between"].includes(mention.preposition),
  );
  if (date !== undefined) {
    result.date = date.date;
    if (date.partOfDay !== undefined) result.partOfDay = date.partOfDay;
    spans.push(date);
  }

  if (result.partOfDay === undefined) {
    const part = /\b(?:in the|at|during the)\s+(morning|afternoon|evening|night)\b/.exec(normalised);
    if (part !== null) {
      result.partOfDay = PART_OF_DAY_WORDS[part[1] ?? ""];
      spans.push({ start: part.index, end: part.index + part[0].length });
    }
  }

  const meal = findMeal(normalised);
  if (meal !== null && meal.rank > 0) {
    result.mealType = meal.mealType;
    spans.push(meal);
  }

  const time = findTimes(normalised)[0];
  if (time !== undefined) {
    let hour = time.hour;
    if (time.ambiguous) {
      const evening = result.mealType === "dinner" || result.partOfDay === "evening" || result.partOfDay === "night";
      const afternoon = result.partOfDay === "afternoon" || hour <= 5;
      if (evening || (afternoon && result.partOfDay !== "morning" && result.mealType !== "breakfast")) hour += 12;
    }
    result.time = `${pad(hour)}:${pad(time.minute)}`;
    spans.push(time);
  }

  if (result.mealType === undefined && result.partOfDay !== undefined) {
    if (result.partOfDay === "morning") result.mealType = "breakfast";
    else if (result.partOfDay === "evening" || result.partOfDay === "night") result.mealType = "dinner";
  }

  spans.sort((left, right) => left.start - right.start);
  result.matched = spans.map((span) => text.slice(span.start, span.end).trim());
  const notADay = impossibleDay(normalised, now);
  if (notADay !== null) result.notADay = notADay;
  return result;
}

/** "31 feb", "april 31st": a day and month that no year has (29 feb counts, as leap years have it). */
function impossibleDay(text: string, now: Date): string | null {
  const monthNames = Object.keys(MONTHS).join("|");
  const patterns = [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${monthNames})\\b`, "g"),
    new RegExp(
      `\\b(${monthNames})\\.?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*(?:[:.]\\d|${unitLookahead()}))`,
      "g",
    ),
  ];
  for (const [index, pattern] of patterns.entries()) {
    for (const match of text.matchAll(pattern)) {
      const day = Number(index === 0 ? match[1] : match[2]);
      const month = MONTHS[(index === 0 ? match[2] : match[1]) ?? ""] ?? -1;
      if (month < 0 || day < 1) continue;
      // A leap year has every day any year has.
      if (validDate(2024, month, day) === null && validDate(now.getUTCFullYear(), month, day) === null) return match[0];
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Periods and durations.

function unitDays(unit: string): number {
  if (unit.startsWith("fortnight")) return 14;
  if (unit.startsWith("week")) return 7;
  if (unit.startsWith("month")) return 30;
  if (unit.startsWith("year")) return 365;
  return 1;
}

/**
 * The range of days a question covers: "today", "this week" (Monday to today), "last week"
 * (the previous Monday to Sunday), "past 7 days" and "last 30 days" (rolling, today included),
 * "past week" (rolling 7 days), "last month" (the previous calendar month), "since Monday",
 * "from 2026-11-01 to 2026-11-10", or a single named day. Null when the text names no period.
 */
export function parsePeriod(text: string, now: Date): Period | null {
  const normalised = normaliseForMatching(text);
  const today = isoDate(now);
  const mentions = findDateMentions(normalised, now);

  // "from X to Y", "between X and Y".
  for (let index = 0; index + 1 < mentions.length; index += 1) {
    const first = mentions[index];
    const second = mentions[index + 1];
    if (first === undefined || second === undefined) continue;
    const joined = /^\s*(?:-|to|until|till|through|and)\s*$/.test(normalised.slice(first.end, second.start));
    if (joined && (first.preposition === "from" || first.preposition === "between")) {
      return first.date <= second.date ? { from: first.date, to: second.date } : { from: second.date, to: first.date };
    }
  }

  const rolling = new RegExp(
    `\\b(past|last|previous|recent)\\s+(${NUMBER_PHRASE}\\s+)?(days?|weeks?|fortnights?|months?|years?)\\b`,
  ).exec(normalised);
  if (rolling !== null) {
    const kind = rolling[1] ?? "";
    const countText = rolling[2];
    const unit = rolling[3] ?? "day";
    if (countText !== undefined) {
      const count = readCount(countText) ?? 1;
      if (unit.startsWith("month")) {
        const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - count, now.getUTCDate() + 1));
        return { from: isoDate(from), to: today };
      }
      return { from: daysFromNow(now, -(Math.round(count * unitDays(unit)) - 1)), to: today };
    }
    if (kind === "past" || kind === "recent" || unit.startsWith("day") || unit.startsWith("fortnight")) {
      return { from: daysFromNow(now, -(unitDays(unit) - 1)), to: today };
    }
    // "last week", "previous month": the calendar unit before this one.
    if (unit.startsWith("week")) {
      const monday = mondayOfWeek(now);
      return { from: addDays(monday, -7), to: addDays(monday, -1) };
    }
    if (unit.startsWith("month")) {
      const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
      const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
      return { from: isoDate(from), to: isoDate(to) };
    }
    const year = now.getUTCFullYear() - 1;
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }

  const weekend = /\b(this|last|past)\s+weekend\b/.exec(normalised);
  if (weekend !== null) {
    // The weekend just gone, or the current one when today is Saturday or Sunday.
    const weekday = now.getUTCDay();
    const inWeekend = weekday === 0 || weekday === 6;
    if (weekend[1] === "this" && inWeekend) {
      const saturday = weekday === 6 ? today : daysFromNow(now, -1);
      return { from: saturday, to: today };
    }
    const saturday = previousWeekday(now, 6, true);
    return { from: saturday, to: addDays(saturday, 1) };
  }

  const current =
    /\b(?:this|current)\s+(week|month|year)\b|\b(week|month|year)\s+to\s+date\b|\bso\s+far\s+this\s+(week|month|year)\b/.exec(
      normalised,
    );
  if (current !== null) {
    const unit = current[1] ?? current[2] ?? current[3];
    if (unit === "week") return { from: mondayOfWeek(now), to: today };
    if (unit === "month") return { from: `${today.slice(0, 7)}-01`, to: today };
    return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }

  const since = mentions.find((mention) => mention.preposition === "since" || mention.preposition === "from");
  if (since !== undefined) return { from: since.date <= today ? since.date : today, to: today };

  const single = mentions.find((mention) => mention.preposition !== "until" && mention.preposition !== "till");
  if (single !== undefined) return { from: single.date, to: single.date };
  return null;
}

/**
 * The length in days of a duration: "for two weeks" -> 14, "for 10 days" -> 10, "a month" -> 30,
 * "a fortnight" -> 14, "2-3 weeks" -> 17.5. Null when there is none. "2 days ago" is a date, not
 * a duration, and is ignored.
 */
export function parseDuration(text: string): number | null {
  const normalised = normaliseForMatching(text);
  const pattern = new RegExp(`\\b(${NUMBER_PHRASE})\\s+(days?|weeks?|fortnights?|months?|years?)\\b(?!\\s+ago)`, "g");
  for (const match of normalised.matchAll(pattern)) {
    const count = readCount(match[1] ?? "");
    if (count === null) continue;
    return count * unitDays(match[2] ?? "day");
  }
  return null;
}
