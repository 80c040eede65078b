// What a question (or a plan, or a "skipped the gym") asks the read tools for: personal records,
// body metrics over a period, or workouts, with the period, metric and exercise it names. Also
// reads the arithmetic parts of a question: a goal weight and a rate ("if I lose 0.5 kg a week
// when will I reach 75?"), or a set to estimate a 1RM from ("what would 100 for 5 be as a max?").
import type { BodyMetric } from "@ensemble/contracts";
import { normaliseForMatching, parsePeriod } from "@ensemble/ai/local";
import { findExerciseMentions } from "../exercises.ts";

export interface ReadCall {
  name: "get_body_metrics" | "get_workouts" | "get_personal_records";
  arguments: Record<string, unknown>;
}

export interface Goal {
  /** The goal weight; absent when the goal is a change ("lose 5 kg"). */
  target?: number;
  /** A change from the latest weight instead of a target: -5 for "lose 5 kg". */
  change?: number;
  unit?: "kg" | "lb";
  /** Signed change per week the user proposes (-0.5 for "lose 0.5 kg a week"). */
  ratePerWeek?: number;
  rateUnit?: "kg" | "lb";
}

export interface OneRepMaxQuestion {
  load: number;
  reps: number;
  unit?: "kg" | "lb";
}

const RECORD_WORDS =
  /\b(?:(?:the\s+)?most\s+(?:i'?ve|i\s+have|i)\s+(?:ever\s+)?\w+|prs?|pbs?|personal\s+(?:best|record)s?|records?|1\s*rm|one\s+rep\s+max|e1rm|max(?:es)?|best|heaviest|strongest|fastest|quickest|longest|furthest|farthest|top\s+set|ever\s+(?:\w+\s+){0,3}(?:more|heavier|faster|further|farther|longer|over|above)\b)\b/;
const BODY_WORDS =
  /\b(?:weigh\w*|weight|body\s*-?\s*fat|bodyfat|bf|waist|hips?|measurements?|lost|lose|losing|loss|rate|average|avg|gain(?:ed|ing)?|trend\w*|scale|reach|goal\s+weight|leaner|fat\s+loss|cut(?:ting)?|bulk(?:ing)?|moving\s+average|lighter|heavier|slimmer)\b/;
const WORKOUT_WORDS =
  /\b(?:workouts?|work(?:ed)?\s+out|train(?:ed|ing)?|sessions?|gym|lift(?:ed|ing)?|volume|sets|exercises?|cardio|runs?|ran|running|muscle\s+groups?|how\s+often|streak|consisten\w*|did\s+i\s+do|have\s+i\s+done|frequency|active)\b/;
const OVERVIEW_WORDS =
  /\b(?:how\s+am\s+i\s+doing|how'?s\s+it\s+going|progress(?:ing)?|overview|summary|recap|report|stats|doing\s+overall)\b/;
const ALL_TIME =
  /\b(?:since\s+(?:i\s+)?(?:started|the\s+start|beginning|day\s+one)|all[\s-]+time|ever|overall|in\s+total|so\s+far)\b/;
const SKIPPED =
  /\b(?:(?:was|were)\s+(?:going|supposed|meant|planning)\s+to\b.*\bbut\b|skip(?:ped)?|miss(?:ed)?|rest\s+day|day\s+off|too\s+(?:sore|tired|busy|sick|exhausted|stiff)\s+to|no\s+(?:workout|training|gym)|didn'?t\s+(?:train|work\s*out|go|lift|run|exercise)|did\s+not\s+(?:train|work\s*out|go|lift|run|exercise)|couldn'?t\s+(?:train|go|make\s+it)|can'?t\s+(?:train|go|make\s+it|lift|run)|bailed|took\s+(?:the|a)\s+day\s+off)\b/;

const MASS = String.raw`(kg|kgs|kilos?|lbs?|pounds?)`;
const ROLLING_DAYS: Record<string, number> = { week: 7, fortnight: 14, month: 30, year: 365 };

function massUnit(word: string | undefined): "kg" | "lb" | undefined {
  if (word === undefined) return undefined;
  return /^(?:lbs?|pounds?)$/.test(word) ? "lb" : "kg";
}

export function bodyMetricAsked(text: string): BodyMetric {
  if (/\b(?:body\s*-?\s*fat|bodyfat|bf|fat\s*%)\b/.test(text)) return "body_fat";
  if (/\bwaist\b/.test(text)) return "waist";
  if (/\bhips?\b/.test(text)) return "hips";
  if (/\bneck\b/.test(text)) return "neck";
  if (/\b(?:arms?|biceps?)\s+(?:size|measurement|circumference)/.test(text)) return "arm";
  if (/\bthighs?\b/.test(text)) return "thigh";
  return "weight";
}

/** "when will I reach 75", "how long until I'm 170 lb", "if I lose 0.5 kg a week". */
export function parseGoal(message: string): Goal | null {
  const text = normaliseForMatching(message);
  const target = new RegExp(
    String.raw`\b(?:reach|hit|get\s+(?:down\s+|up\s+)?to|be(?:\s+at)?|i'?m|weigh|goal\s+(?:of|weight\s+of|is)?|down\s+to|target\s+(?:of|weight\s+of)?)\s*(\d{2,3}(?:[.,]\d)?)\s*${MASS}?`,
  ).exec(text);
  const goal: Goal = {};
  if (target !== null) {
    goal.target = Number((target[1] ?? "").replace(",", "."));
    const unit = massUnit(target[2]);
    if (unit) goal.unit = unit;
  } else {
    // "how long will it take to lose 5 kg?"
    const change = new RegExp(
      String.raw`\b(lose|losing|lost|drop|dropped|gain|gaining|gained|put\s+on)\s+(?:another\s+|an\s+extra\s+)?(\d+(?:[.,]\d+)?)\s*${MASS}(?!\s*(?:a|per|each|every|\/)\s*(?:week|wk|month))`,
    ).exec(text);
    if (change === null) return null;
    const amount = Number((change[2] ?? "").replace(",", "."));
    goal.change = /^(?:lose|losing|lost|drop)/.test(change[1] ?? "") ? -amount : amount;
    const unit = massUnit(change[3]);
    if (unit) goal.unit = unit;
  }
  const rate = new RegExp(
    String.raw`\b(lose|losing|lost|drop|dropping|cut|gain|gaining|put\s+on|add)\s+(?:about\s+|around\s+)?(\d+(?:[.,]\d+)?)\s*${MASS}?\s*(?:a|per|each|every|\/)\s*(week|wk|month)`,
  ).exec(text);
  if (rate !== null) {
    const amount = Number((rate[2] ?? "").replace(",", "."));
    const perWeek = rate[4] === "month" ? (amount * 7) / 30.4 : amount;
    const losing = /^(?:lose|losing|lost|drop|dropping|cut)/.test(rate[1] ?? "");
    goal.ratePerWeek = losing ? -perWeek : perWeek;
    const rateUnit = massUnit(rate[3]);
    if (rateUnit) goal.rateUnit = rateUnit;
  }
  return goal;
}

/** "what would my 1RM be if I did 100 for 5", "100kg x 5 is what max?" */
export function parseOneRepMaxQuestion(message: string): OneRepMaxQuestion | null {
  const text = normaliseForMatching(message);
  if (!/\b(?:1\s*rm|one\s+rep\s+max|max|e1rm)\b/.test(text)) return null;
  const set = new RegExp(String.raw`\b(\d+(?:[.,]\d+)?)\s*${MASS}?\s*(?:x|for|by)\s*(\d{1,2})\b`).exec(text);
  if (set === null) return null;
  const load = Number((set[1] ?? "").replace(",", "."));
  const reps = Number(set[3]);
  if (!(load > 0) || reps < 1) return null;
  const unit = massUnit(set[2]);
  return { load, reps, ...(unit ? { unit } : {}) };
}

function periodArguments(text: string, now: Date): Record<string, unknown> {
  // "over the last month", "in the past week": the days up to today, not the calendar month before.
  const rolling = /\b(?:over|in|during|for|across|within)\s+the\s+(?:last|past)\s+(week|fortnight|month|year)\b/.exec(
    text,
  );
  if (rolling !== null) return { days: ROLLING_DAYS[rolling[1] ?? ""] ?? 30 };
  const period = parsePeriod(text, now);
  if (period !== null) return { from: period.from, to: period.to };
  if (ALL_TIME.test(text)) return { days: 3650 };
  // "my last workout", "when did I last deadlift": look back far enough to find it.
  if (/\b(?:last|latest|most\s+recent|previous)\b/.test(text)) return { days: 90 };
  return {};
}

export function isSkippedSession(message: string): boolean {
  return SKIPPED.test(normaliseForMatching(message));
}

/** The reads that answer a message which may not write. Empty when none helps. */
export function planReads(message: string, now: Date): ReadCall[] {
  const text = normaliseForMatching(message);
  const exercise = findExerciseMentions(text).find((mention) => !mention.exercise.generic)?.exercise.name;
  const calls: ReadCall[] = [];
  const add = (call: ReadCall) => {
    if (!calls.some((existing) => existing.name === call.name)) calls.push(call);
  };

  if (parseOneRepMaxQuestion(text) !== null) {
    add({ name: "get_personal_records", arguments: exercise ? { exercise } : {} });
    return calls;
  }
  if (
    (parseGoal(text) !== null && BODY_WORDS.test(text)) ||
    /\bwhen\s+will\s+i\s+(?:reach|hit|get|be)\b|\bhow\s+long\s+(?:until|till|to|before)\b/.test(text)
  ) {
    add({ name: "get_body_metrics", arguments: { metric: "weight", days: 30 } });
    return calls;
  }
  const records = RECORD_WORDS.test(text) && !/\bbest\s+(?:way|time|exercises?|program|routine|split)\b/.test(text);
  if (records && !(BODY_WORDS.test(text) && exercise === undefined && !/\b(?:run|lift|pace)\b/.test(text))) {
    // "fastest 5k", "best mile", "marathon PR": running records.
    const raceAsked = exercise === undefined && /\b(?:\d+\s*k|\d+\s*km|mile|marathon|pace)\b/.test(text);
    add({ name: "get_personal_records", arguments: exercise ? { exercise } : raceAsked ? { exercise: "run" } : {} });
  }
  if (BODY_WORDS.test(text) && !(records && exercise !== undefined)) {
    const metric = bodyMetricAsked(text);
    add({ name: "get_body_metrics", arguments: { metric, ...periodArguments(text, now) } });
  }
  const progressOnExercise =
    exercise !== undefined && /\b(?:progress\w*|going|improv\w*|coming\s+along|trend\w*)\b/.test(text);
  if (progressOnExercise) {
    add({ name: "get_personal_records", arguments: { exercise } });
    add({
      name: "get_workouts",
      arguments: {
        exercise,
        ...(Object.keys(periodArguments(text, now)).length > 0 ? periodArguments(text, now) : { days: 30 }),
      },
    });
  } else if (/\b(?:deload|overtrain\w*|recover\w*|rest\s+more|too\s+much\s+volume|burn(?:ed|t)?\s*out)\b/.test(text)) {
    add({ name: "get_workouts", arguments: { days: 28 } });
  } else if (
    !records &&
    (WORKOUT_WORDS.test(text) ||
      exercise !== undefined ||
      SKIPPED.test(text) ||
      (/\bhow\s+many\b/.test(text) && !BODY_WORDS.test(text)))
  ) {
    add({
      name: "get_workouts",
      arguments: { ...(exercise && !SKIPPED.test(text) ? { exercise } : {}), ...periodArguments(text, now) },
    });
  }
  if (
    calls.length === 0 &&
    /\b(?:stronger|strength\s+gains?|gains|getting\s+better|improv\w*|plateau\w*|stall\w*)\b/.test(text)
  ) {
    add({ name: "get_personal_records", arguments: {} });
    add({ name: "get_workouts", arguments: { days: 30 } });
  }
  if (calls.length === 0 && OVERVIEW_WORDS.test(text)) {
    add({ name: "get_body_metrics", arguments: { metric: "weight" } });
    add({ name: "get_workouts", arguments: {} });
  }
  return calls;
}
