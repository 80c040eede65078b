// Reading supplement messages: which supplements are named and where, their doses, schedules
// ("twice a day with meals", "every morning", "weekdays"), and the dates of intakes and pauses.
import {
  type ProtocolTimeOfDay,
  type ProtocolUnit,
  type ProtocolWeekday,
  PROTOCOL_WEEKDAYS,
  normaliseProtocolUnit,
} from "@ensemble/contracts";
import { extractQuantities, isoDate, normaliseForMatching, parseDuration, parseWhen } from "@ensemble/ai/local";
import { addDays, weekdayOf } from "../schedule.ts";
import { SUPPLEMENTS, type Supplement, bareName, cleanName, editDistance, nameKey } from "../supplements.ts";

// ---------------------------------------------------------------------------------------------
// Supplement mentions.

export interface Mention {
  /** The words as written ("omega-3s", "lion's mane"). */
  said: string;
  /** The catalogue entry, when the name is a known supplement. */
  supplement: Supplement | null;
  key: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
}

/** Lowercases and drops apostrophes and punctuation like cleanName, remembering where each character came from. */
function cleanWithOffsets(text: string): { cleaned: string; offsets: number[] } {
  let cleaned = "";
  const offsets: number[] = [];
  const lower = normaliseForMatching(text);
  for (let index = 0; index < lower.length; index++) {
    const character = lower[index]!;
    if (character === "'") continue;
    const kept = /[\p{L}\p{N}]/u.test(character) ? character : character === "+" ? "+" : " ";
    if (kept === " " && (cleaned.length === 0 || cleaned.endsWith(" "))) continue;
    cleaned += kept;
    offsets.push(index);
  }
  offsets.push(lower.length);
  return { cleaned, offsets };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const CATALOGUE_PATTERNS = SUPPLEMENTS.flatMap((supplement) =>
  supplement.aliases.map((alias) => {
    const cleaned = cleanName(alias);
    const body = cleaned.split(" ").map(escapeRegExp).join("\\s*");
    return {
      supplement,
      length: cleaned.length,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:s|es)?(?![\\p{L}\\p{N}])`, "gu"),
    };
  }),
).sort((left, right) => right.length - left.length);

/** One-word aliases long enough that a word one or two edits away is surely a typo of them. */
const TYPO_ALIASES = SUPPLEMENTS.flatMap((supplement) =>
  supplement.aliases.filter((alias) => /^[a-z]{6,}$/.test(alias)).map((alias) => ({ supplement, alias })),
);

/** Names that follow "took" or "start" but are not supplements. */
const NOT_SUPPLEMENTS = new Set([
  "nap",
  "break",
  "walk",
  "shower",
  "bath",
  "look",
  "dog",
  "rest",
  "day",
  "it",
  "them",
  "that",
  "this",
  "those",
  "these",
  "everything",
  "all",
  "lunch",
  "breakfast",
  "dinner",
  "meal",
  "meals",
  "food",
  "snack",
  "photo",
  "picture",
  "pic",
  "test",
  "stack",
  "supplement",
  "supp",
  "pill",
  "med",
  "medication",
  "one",
  "dose",
  "some",
  "something",
  "anything",
  "nothing",
  "time",
  "note",
  "notes",
  "while",
  "second",
  "minute",
  "look at",
  "a look",
  "care",
  "place",
  "part",
  "step",
  "steps",
  "run",
  "bus",
  "train",
  "car",
  "kids",
  "week",
  "month",
  "workout",
  "gym",
  "class",
  "call",
  "seat",
  "turn",
  "hold",
  "pause",
  "a break",
  "holiday",
  "vacation",
]);

const NAME_VERBS =
  "took|taken|take|takes|taking|popped|pop|swallowed|downed|started|start|starting|begin|beginning|began|add|adding|added|pause|pausing|paused|stop|stopping|stopped|quit|quitting|resume|resuming|restart|restarting|drop|dropping|dropped|increase|increasing|decrease|decreasing|lower|lowering|raise|raising|change|changing|switch|switching|track|tracking|log|logged|had my|having my|on|off";
const NAME_BOUNDARY =
  "every|each|daily|nightly|with|at|in|on|for|before|after|this|today|tonight|yesterday|and|twice|once|thrice|per|from|until|till|to|now|again|please|too|as|then|but|when|first|right|just|morning|mornings|evening|evenings|night|nights|x|a|an|one|two|three|four|five|six|weekdays|weekends|since|instead|anymore|any|altogether|completely";
const FILLER =
  "(?:(?:taking|my|the|some|a|an|of|daily|usual|regular|morning|evening|nightly|new|dose of|\\d+(?:[.,]\\d+)?\\s*[a-z]*\\s+of|\\d+)\\s+)*";
const UNKNOWN_NAME = new RegExp(
  `\\b(?:${NAME_VERBS})\\s+${FILLER}([a-z][a-z0-9'\\- ]{1,40}?)(?=\\s+(?:${NAME_BOUNDARY})\\b|\\s*[,.!?;:]|\\s*$)`,
  "g",
);

/** Words a supplement name never starts with: pronouns, days, times, amounts. */
const NOT_FIRST_WORDS = new Set([
  "i",
  "you",
  "he",
  "she",
  "we",
  "they",
  "me",
  "him",
  "her",
  "us",
  "it",
  "them",
  "today",
  "tonight",
  "yesterday",
  "tomorrow",
  "weekdays",
  "weekends",
  "daily",
  "morning",
  "mornings",
  "evening",
  "evenings",
  "night",
  "nights",
  "every",
  "each",
  "twice",
  "once",
  "again",
  "now",
  "later",
  "soon",
  "more",
  "less",
  "any",
  "no",
  "not",
  "too",
  "so",
  "very",
  "all",
  "both",
  "half",
  "double",
  "extra",
  "another",
  "last",
  "next",
  "this",
  "that",
  "these",
  "those",
  "what",
  "which",
  "when",
  "how",
  "why",
  "with",
  "without",
  "before",
  "after",
  "around",
  "about",
  "up",
  "down",
  "out",
  "over",
  "in",
  "at",
  "for",
  "to",
  "from",
  "by",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "week",
  "weeks",
  "day",
  "days",
  "month",
]);

function looksLikeSupplementName(name: string): boolean {
  const bare = bareName(name);
  if (bare.length < 2 || bare.split(" ").length > 4) return false;
  const firstWord = cleanName(name).split(" ")[0] ?? "";
  if (NOT_FIRST_WORDS.has(bare.split(" ")[0]!) || NOT_FIRST_WORDS.has(firstWord)) return false;
  if (NOT_SUPPLEMENTS.has(bare) || NOT_SUPPLEMENTS.has(name.trim())) return false;
  // Units, numbers and time words are not names.
  if (normaliseProtocolUnit(bare) !== null || /^\d/.test(bare) || /^(?:my|the|a|an|of|it|them)$/.test(bare))
    return false;
  return !/\b(?:supplements?|vitamins|pills|meds|medication|stack|everything)\b/.test(name);
}

/**
 * The supplements a text names, in order: catalogue names anywhere ("vit d", "omega-3s"), and
 * other names after a verb ("took my lion's mane", "started tongkat") that are not in the catalogue.
 */
export function findMentions(text: string): Mention[] {
  const { cleaned, offsets } = cleanWithOffsets(text);
  const mentions: Mention[] = [];
  const overlaps = (start: number, end: number) => mentions.some((other) => start < other.end && end > other.start);
  for (const { supplement, pattern } of CATALOGUE_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of cleaned.matchAll(pattern)) {
      const start = offsets[match.index]!;
      const end = offsets[match.index + match[0].length - 1]! + 1;
      if (overlaps(start, end)) continue;
      mentions.push({ said: text.slice(start, end), supplement, key: supplement.key, start, end });
    }
  }
  // Typos of one-word names ("creatien", "magnesum", "ashwaganda"): close to a catalogue alias.
  for (const match of cleaned.matchAll(/[a-z][a-z0-9]{4,}/g)) {
    const start = offsets[match.index]!;
    const end = offsets[match.index + match[0].length - 1]! + 1;
    if (overlaps(start, end)) continue;
    const near = TYPO_ALIASES.find(
      (alias) =>
        Math.abs(alias.alias.length - match[0].length) <= 2 &&
        editDistance(alias.alias, match[0]) <= (alias.alias.length >= 8 ? 2 : 1),
    );
    if (near !== undefined)
      mentions.push({
        said: text.slice(start, end),
        supplement: near.supplement,
        key: near.supplement.key,
        start,
        end,
      });
  }
  const lower = normaliseForMatching(text);
  UNKNOWN_NAME.lastIndex = 0;
  for (const match of lower.matchAll(UNKNOWN_NAME)) {
    const name = match[1]!.trim();
    const start = match.index + match[0].lastIndexOf(match[1]!);
    const end = start + name.length;
    if (overlaps(start, end) || !looksLikeSupplementName(name)) continue;
    // "took my creatine gummies": the catalogue already found the supplement inside.
    if (mentions.some((other) => other.start >= start && other.end <= end)) continue;
    // "had my oats with 5 g creatine": next to a known supplement, what one "had" is food.
    if (/^(?:had|having) my\b/.test(match[0]) && mentions.some((other) => other.supplement !== null)) continue;
    const said = text.slice(start, end);
    mentions.push({ said, supplement: null, key: nameKey(said), start, end });
  }
  return mentions.sort((left, right) => left.start - right.start);
}

// ---------------------------------------------------------------------------------------------
// Doses.

export interface Dose {
  dose: number;
  unit: ProtocolUnit;
  start: number;
  end: number;
  /** For "2000 to 4000 IU": the last number, which a change means. */
  upper?: number;
}

const DOSE_UNITS = new Set(["g", "mg", "mcg", "iu", "capsule", "drop", "scoop", "ml"]);

export function findDoses(text: string): Dose[] {
  const doses: Dose[] = [];
  for (const quantity of extractQuantities(text)) {
    if (quantity.unit === null || !DOSE_UNITS.has(quantity.unit)) continue;
    const unit = normaliseProtocolUnit(quantity.unit === "capsule" ? "capsules" : quantity.unit);
    if (unit === null || !(quantity.value > 0)) continue;
    const dose: Dose = { dose: quantity.value, unit, start: quantity.start, end: quantity.end };
    if (quantity.max !== undefined && quantity.max !== quantity.value) dose.upper = quantity.max;
    doses.push(dose);
  }
  return doses;
}

/**
 * The dose that belongs to each mention: a dose right before it ("5 g creatine", "2 caps of fish
 * oil") or right after it ("vitamin D 2000 IU", "creatine, 5 g"), never one that sits closer to
 * another supplement.
 */
export function dosesForMentions(text: string, mentions: Mention[]): (Dose | undefined)[] {
  const doses = findDoses(text);
  const assigned: (Dose | undefined)[] = mentions.map(() => undefined);
  const used = new Set<Dose>();
  for (const dose of doses) {
    let best = -1;
    let bestGap = Number.POSITIVE_INFINITY;
    mentions.forEach((mention, index) => {
      const between =
        dose.end <= mention.start
          ? text.slice(dose.end, mention.start)
          : mention.end <= dose.start
            ? text.slice(mention.end, dose.start)
            : null;
      if (between === null) return;
      // Only small words may sit between a dose and its supplement.
      if (
        !/^[\s,:\-()]*(?:(?:of|my|the|a|an|dose|doses|daily|per day|a day|each|every|morning|evening|night|x)\b[\s,:\-()]*)*$/i.test(
          between,
        )
      )
        return;
      if (between.length < bestGap) {
        bestGap = between.length;
        best = index;
      }
    });
    if (best >= 0 && assigned[best] === undefined && !used.has(dose)) {
      assigned[best] = dose;
      used.add(dose);
    }
  }
  // "2 fish oil caps": the count before the name, the unit after it.
  mentions.forEach((mention, index) => {
    if (assigned[index] !== undefined || mention.end === 0) return;
    const count = /(\d+(?:[.,]\d+)?|one|two|three|four|five|six)\s+(?:of\s+)?(?:my\s+)?$/i.exec(
      text.slice(Math.max(0, mention.start - 12), mention.start),
    );
    const unitWord = /^\s*(caps?|capsules?|softgels?|pills?|tablets?|tabs?|gumm(?:y|ies)|drops?|scoops?)\b/i.exec(
      text.slice(mention.end),
    );
    if (count === null || unitWord === null) return;
    const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
    const value = words[count[1]!.toLowerCase()] ?? Number(count[1]!.replace(",", "."));
    const unit = normaliseProtocolUnit(unitWord[1]!);
    if (unit !== null && value > 0)
      assigned[index] = {
        dose: value,
        unit,
        start: mention.start - count[0].length,
        end: mention.end + unitWord[0].length,
      };
  });
  // One supplement and one dose anywhere: they go together ("creatine every morning, 5g"), unless
  // the dose names something else ("creatine in a shake with 30g protein").
  if (mentions.length === 1 && assigned[0] === undefined) {
    const loose = doses.filter(
      (dose) =>
        !/^\s*(?!(?:daily|every|each|a|per|in|at|with|before|after|twice|once|of|and|dose|doses|a day)\b)[a-z]/i.test(
          text.slice(dose.end),
        ) &&
        // "200 g of it with my creatine": the amount of something said before, not the dose.
        !/^\s*of\s+(?:it|that|this|them|those|these)\b/i.test(text.slice(dose.end)),
    );
    if (loose.length > 0) assigned[0] = loose[loose.length - 1];
  }
  return assigned;
}

/** For a change: the dose after "to" ("from 2000 to 4000 IU"), else the last one. */
export function targetDose(text: string): Dose | undefined {
  const doses = findDoses(text);
  const lower = normaliseForMatching(text);
  // "from 2000 to 4000 IU" reads as a range; a change means its end.
  const range = doses.find(
    (dose) => dose.upper !== undefined && /\bfrom\s*$/.test(lower.slice(Math.max(0, dose.start - 6), dose.start)),
  );
  if (range !== undefined) return { ...range, dose: range.upper! };
  const afterTo = doses.find((dose) =>
    /\b(?:to|at|now)\s*$/.test(lower.slice(Math.max(0, dose.start - 6), dose.start)),
  );
  return afterTo ?? doses[doses.length - 1];
}

// ---------------------------------------------------------------------------------------------
// Schedules.

export interface ScheduleReading {
  timesPerDay?: number;
  timeOfDay?: ProtocolTimeOfDay[];
  daysOfWeek?: ProtocolWeekday[];
  withMeals?: boolean;
  /** A sentence for the reply when days of the week only approximate what was said ("every other day"). */
  approximated?: string;
}

const TIMES_WORDS: Record<string, number> = {
  once: 1,
  one: 1,
  twice: 2,
  two: 2,
  thrice: 3,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
};

const TIME_OF_DAY_PATTERNS: [ProtocolTimeOfDay, RegExp][] = [
  [
    "morning",
    /\b(?:mornings?|am|a\.m\.|when i wake(?: up)?|on waking|upon waking|first thing|with breakfast|at breakfast|breakfast ?time|before breakfast|after breakfast)\b/,
  ],
  ["midday", /\b(?:midday|noon|lunch ?time|with lunch|at lunch|before lunch|after lunch|mid ?day)\b/],
  ["afternoon", /\bafternoons?\b/],
  ["evening", /\b(?:evenings?|with dinner|at dinner|dinner ?time|with supper|after dinner|before dinner|pm|p\.m\.)\b/],
  [
    "before_bed",
    /\b(?:before bed(?:time)?|at bed ?time|bed ?time|before (?:i )?(?:go to )?sleep(?:ing)?|before going to bed|at night|each night|every night|nightly|night ?time|nights|before i sleep|before sleep|night)\b/,
  ],
];

const WEEKDAY_WORDS: Record<string, ProtocolWeekday> = {
  monday: "mon",
  mondays: "mon",
  mon: "mon",
  tuesday: "tue",
  tuesdays: "tue",
  tue: "tue",
  tues: "tue",
  wednesday: "wed",
  wednesdays: "wed",
  wed: "wed",
  thursday: "thu",
  thursdays: "thu",
  thu: "thu",
  thur: "thu",
  thurs: "thu",
  friday: "fri",
  fridays: "fri",
  fri: "fri",
  saturday: "sat",
  saturdays: "sat",
  sat: "sat",
  sunday: "sun",
  sundays: "sun",
  sun: "sun",
};

const DAY_NAMES: Record<ProtocolWeekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/** Days for "N times a week" when the user named none: spread over the week. */
const SPREAD_DAYS: Record<number, ProtocolWeekday[]> = {
  2: ["mon", "thu"],
  3: ["mon", "wed", "fri"],
  4: ["mon", "tue", "thu", "fri"],
  5: ["mon", "tue", "wed", "thu", "fri"],
  6: ["mon", "tue", "wed", "thu", "fri", "sat"],
};

function countWord(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return TIMES_WORDS[word] ?? null;
}

function named(days: Iterable<ProtocolWeekday>): ProtocolWeekday[] {
  const set = new Set(days);
  return PROTOCOL_WEEKDAYS.filter((day) => set.has(day));
}

/** The schedule words of a text; only what it says, so a change can keep the rest. */
export function parseSchedule(text: string, now: Date): ScheduleReading {
  const lower = normaliseForMatching(text).replace(/\s+/g, " ");
  const reading: ScheduleReading = {};

  // Times a day.
  const perDay =
    /\b(once|one|twice|two|thrice|three|four|five|six|\d)\s*(?:x|times?)?\s*(?:a|per|each|every|\/)\s*day\b|\b(once|twice|thrice)\s+daily\b|\b(\d)\s*x\s*(?:daily|a day)\b|\b(one|two|three|four|\d)\s+times\s+daily\b/.exec(
      lower,
    );
  if (perDay !== null) {
    const count = countWord(perDay[1] ?? perDay[2] ?? perDay[3] ?? perDay[4] ?? "");
    if (count !== null && count >= 1 && count <= 6) reading.timesPerDay = count;
  } else if (/\b(?:every ?day|each day|every single day|daily|a day|per day|once)\b/.test(lower))
    reading.timesPerDay = 1;
  else if (/\b(?:bid|b\.i\.d)\b/.test(lower)) reading.timesPerDay = 2;
  else if (/\b(?:tid|t\.i\.d)\b/.test(lower)) reading.timesPerDay = 3;

  // Times of day.
  const times = TIME_OF_DAY_PATTERNS.filter(([, pattern]) => pattern.test(lower)).map(([time]) => time);
  // "morning and night" is a morning and a bedtime dose; "at night" alone is bedtime.
  if (times.length > 0) reading.timeOfDay = times;

  // With food.
  if (
    /\b(?:with|alongside|after|during) (?:each |every |all |my |a |the )?(?:meals?|food|eating)\b|\bwith (?:breakfast|lunch|dinner|supper)\b/.test(
      lower,
    )
  ) {
    reading.withMeals = true;
    if (/\bwith (?:each|every|all(?: my)?|three) meals?\b/.test(lower) && reading.timesPerDay === undefined)
      reading.timesPerDay = 3;
  } else if (/\b(?:on an empty stomach|without food|before food)\b/.test(lower)) {
    reading.withMeals = false;
  }

  // Days of the week.
  const perWeek =
    /\b(once|one|twice|two|thrice|three|four|five|six|\d)\s*(?:x|times?|days?)?\s*(?:a|per|each|\/)\s*week\b/.exec(
      lower,
    );
  if (/\bevery other day\b|\balternate days\b|\bevery second day\b/.test(lower)) {
    reading.daysOfWeek = ["mon", "wed", "fri", "sun"];
    reading.approximated = "I've set every other day as Mon, Wed, Fri and Sun; tell me if you use other days.";
  } else if (/\b(?:weekdays|week days|mon(?:day)?\s*(?:-|to|through|thru)\s*fri(?:day)?|work ?days)\b/.test(lower)) {
    reading.daysOfWeek = ["mon", "tue", "wed", "thu", "fri"];
  } else if (
    /\b(?:on |at )?(?:the )?weekends?\b/.test(lower) &&
    !/\b(?:except|not on|but not|apart from|other than)\b[^.]*weekends?/.test(lower)
  ) {
    reading.daysOfWeek = ["sat", "sun"];
  } else if (perWeek !== null) {
    const count = countWord(perWeek[1] ?? "");
    if (count !== null && count >= 1 && count <= 7) {
      const listed = listedWeekdays(lower);
      if (listed.length === count) reading.daysOfWeek = listed;
      else if (count === 1) {
        const day = weekdayOf(isoDate(now));
        reading.daysOfWeek = [day];
        reading.approximated = `I've set it for ${DAY_NAMES[day]}s (today's weekday); tell me if it's another day.`;
      } else if (count === 7) reading.daysOfWeek = [...PROTOCOL_WEEKDAYS];
      else {
        reading.daysOfWeek = SPREAD_DAYS[count]!;
        reading.approximated = `I've set ${count} times a week as ${reading.daysOfWeek.map((day) => DAY_NAMES[day]).join(", ")}; tell me if you use other days.`;
      }
      if (reading.timesPerDay === undefined) reading.timesPerDay = 1;
    }
  } else {
    const listed = listedWeekdays(lower);
    if (listed.length > 0) reading.daysOfWeek = listed;
  }
  const except =
    /\b(?:except(?: for)?|not on|but not(?: on)?|but|apart from|other than|besides|excluding)\s+((?:(?:on|and|or|the|,|\s)*(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?))+)/.exec(
      lower,
    );
  if (except !== null) {
    const excluded = new Set<ProtocolWeekday>(
      /weekends?/.test(except[1]!) ? ["sat", "sun"] : listedWeekdays(except[1]!),
    );
    reading.daysOfWeek = named(PROTOCOL_WEEKDAYS.filter((day) => !excluded.has(day)));
  }

  if (
    reading.timeOfDay !== undefined &&
    reading.timesPerDay !== undefined &&
    reading.timeOfDay.length > reading.timesPerDay
  ) {
    reading.timesPerDay = reading.timeOfDay.length;
  }
  return reading;
}

function listedWeekdays(lower: string): ProtocolWeekday[] {
  const days: ProtocolWeekday[] = [];
  for (const match of lower.matchAll(
    /\b(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b/g,
  )) {
    const word = match[1]!;
    // "since Monday", "until Friday", "last Sunday": a date, not a day of the schedule.
    if (
      /\b(?:since|from|starting|started|until|till|til|through|last|next|this|as of|back)\s+(?:on\s+)?$/.test(
        lower.slice(0, match.index),
      )
    )
      continue;
    // "sat" and "sun" are words too; only count them in a list of days ("mon, wed and sat").
    if (
      (word === "sat" || word === "sun") &&
      !/\b(?:mon|tue|wed|thu|fri|sat|sun)\w*\s*(?:,|and|&|\/)?\s*$/.test(lower.slice(0, match.index))
    )
      continue;
    const day = WEEKDAY_WORDS[word];
    if (day !== undefined && !days.includes(day)) days.push(day);
  }
  return named(days);
}

/** Words that make a schedule recur ("every morning", "twice a day"), unlike "with dinner" alone. */
export function soundsRecurring(text: string): boolean {
  return /\bmy (?:usual |daily )?(?:morning|evening|nightly|bedtime|pre-workout|post-workout) (?:coffee|tea|shake|smoothie|oats|porridge|drink|routine)\b|\b(?:every|each|daily|nightly|a day|per day|a week|per week|twice|once|thrice|times|weekdays|weekends|mornings|evenings|nights|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|every other|alternate|routine|regularly|usually|always)\b/.test(
    normaliseForMatching(text),
  );
}

export function hasSchedule(reading: ScheduleReading): boolean {
  return (
    reading.timesPerDay !== undefined ||
    reading.timeOfDay !== undefined ||
    reading.daysOfWeek !== undefined ||
    reading.withMeals !== undefined
  );
}

// ---------------------------------------------------------------------------------------------
// When.

const MEAL_TIMES: Record<string, string> = { breakfast: "08:00", lunch: "12:30", dinner: "19:00" };
const PART_TIMES: Record<string, string> = { morning: "08:00", afternoon: "15:00", evening: "19:00", night: "22:00" };

/** The day and time of an intake the text describes; no time when it names none. */
export function intakeWhen(message: string, now: Date): { date: string; time?: string } {
  // "took yesterday's zinc this morning": the day the dose was for is not when it was taken.
  const text = message.replace(/\b(?:yesterday|today|tonight|tomorrow)['’]s\b/gi, (match) => " ".repeat(match.length));
  const when = parseWhen(text, now);
  const lower = normaliseForMatching(text);
  let time = when.time;
  if (time === undefined && /\b(?:before bed|at bedtime|bedtime)\b/.test(lower)) time = "22:00";
  if (
    time === undefined &&
    when.mealType !== undefined &&
    /\b(?:breakfast|lunch|dinner|supper|brunch|brekkie)\b/.test(lower)
  )
    time = MEAL_TIMES[when.mealType];
  if (time === undefined && when.partOfDay !== undefined) time = PART_TIMES[when.partOfDay];
  return time === undefined ? { date: when.date } : { date: when.date, time };
}

/** True when the text names a day or time at all (so a segment's own "when" beats the message's). */
export function namesWhen(text: string, now: Date): boolean {
  const lower = normaliseForMatching(text);
  return parseWhen(text, now).matched.length > 0 || /\b(?:before bed|at bedtime|bedtime)\b/.test(lower);
}

const MONTHS: Record<string, number> = {
  jan: 0,
  january: 0,
  feb: 1,
  february: 1,
  mar: 2,
  march: 2,
  apr: 3,
  april: 3,
  may: 4,
  jun: 5,
  june: 5,
  jul: 6,
  july: 6,
  aug: 7,
  august: 7,
  sep: 8,
  sept: 8,
  september: 8,
  oct: 9,
  october: 9,
  nov: 10,
  november: 10,
  dec: 11,
  december: 11,
};

/** A day after today that a phrase like "until Friday", "until the 20th" or "till Dec 1" names; null if none. */
export function futureDate(phrase: string, today: string): string | null {
  const lower = normaliseForMatching(phrase);
  const [year, month] = today.split("-").map(Number) as [number, number];
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(lower);
  if (iso !== null) return iso[1]! > today ? iso[1]! : null;
  if (/\btomorrow\b/.test(lower)) return addDays(today, 1);
  if (/\bnext week\b/.test(lower)) {
    const weekday = PROTOCOL_WEEKDAYS.indexOf(weekdayOf(today));
    return addDays(today, 7 - weekday);
  }
  if (/\bnext month\b/.test(lower)) return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  const weekdayMatch =
    /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\b/.exec(lower);
  if (weekdayMatch !== null) {
    const target = PROTOCOL_WEEKDAYS.indexOf(WEEKDAY_WORDS[weekdayMatch[1]!]!);
    const current = PROTOCOL_WEEKDAYS.indexOf(weekdayOf(today));
    const ahead = (target - current + 7) % 7 || 7;
    return addDays(today, ahead);
  }
  const monthNames = Object.keys(MONTHS).join("|");
  const dayMonth = new RegExp(
    `\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+(${monthNames})\\b|\\b(${monthNames})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`,
  ).exec(lower);
  if (dayMonth !== null) {
    const monthIndex = MONTHS[dayMonth[2] ?? dayMonth[3] ?? ""]!;
    const dayOfMonth = Number(dayMonth[1] ?? dayMonth[4]);
    for (const candidateYear of [year, year + 1]) {
      const candidate = new Date(Date.UTC(candidateYear, monthIndex, dayOfMonth));
      if (candidate.getUTCMonth() !== monthIndex) return null;
      const text = candidate.toISOString().slice(0, 10);
      if (text > today) return text;
    }
    return null;
  }
  const ordinal = /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b|\b(\d{1,2})(?:st|nd|rd|th)\b/.exec(lower);
  if (ordinal !== null) {
    const dayOfMonth = Number(ordinal[1] ?? ordinal[2]);
    for (const offset of [0, 1]) {
      const candidate = new Date(Date.UTC(year, month - 1 + offset, dayOfMonth));
      if (candidate.getUTCDate() !== dayOfMonth) continue;
      const text = candidate.toISOString().slice(0, 10);
      if (text > today) return text;
    }
    return null;
  }
  return null;
}

/** The first day back after a pause the text describes: "for two weeks", "until Friday"; null for an open pause. */
export function pauseResumeOn(text: string, today: string): string | null {
  const lower = normaliseForMatching(text);
  const until = /\b(?:until|till|til|through|thru|up to|back on)\s+(.+)$/.exec(lower);
  if (until !== null) {
    const date = futureDate(until[1]!, today);
    if (date !== null) return /\b(?:through|thru)\b/.test(until[0]) ? addDays(date, 1) : date;
  }
  const days = parseDuration(lower);
  if (days !== null && days >= 1) return addDays(today, Math.round(days));
  if (/\b(?:for |until |till )?the rest of (?:the |this )?week\b/.test(lower)) return futureDate("next week", today);
  if (/\bfor (?:the |this )?week\b/.test(lower)) return addDays(today, 7);
  if (/\bfor (?:the |this )?weekend\b/.test(lower)) return addDays(today, 2);
  return null;
}
