// The coach's reply, built only from what the tools returned: every number in it comes from a
// tool result or from arithmetic on one (a projection to a goal, an Epley estimate).
import type { BodyMetricSeries, BodyMetricsReply } from "@ensemble/contracts";
import type { LogBodyMetricResult } from "../store/body-metrics.ts";
import type { CardioRecord, PersonalRecordsReply, StrengthRecord } from "../store/records.ts";
import type { LogWorkoutResult, LoggedExercise } from "../store/workouts.ts";
import { epleyOneRepMax, KG_PER_LB, weeksToGoal } from "../stats.ts";
import {
  clock,
  formatCalendarDate,
  formatChange,
  formatDay,
  formatNumber,
  formatPeriod,
  joinList,
  minutesText,
  plural,
} from "./format.ts";
import { UNNAMED_EXERCISE } from "./parse-workout.ts";
import { bodyMetricAsked, isSkippedSession, parseGoal, parseOneRepMaxQuestion } from "./questions.ts";

export interface ToolOutcome {
  name: string;
  /** The parsed JSON result, or null when the tool answered with an error or a refusal. */
  result: unknown;
  /** The raw text, for errors and refusals. */
  text: string;
}

export interface AnswerContext {
  message: string;
  today: string;
  outcomes: ToolOutcome[];
  /** Exercises given loads without reps, from the parse of the message. */
  missingReps: string[];
}

const METRIC_LABELS: Record<string, string> = {
  weight: "weight",
  body_fat: "body fat",
  waist: "waist",
  hips: "hips",
  chest: "chest",
  neck: "neck",
  arm: "arm",
  thigh: "thigh",
  calf: "calf",
};

function valueWithUnit(value: number, unit: string): string {
  return unit === "%" ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unit}`;
}

function convertMass(value: number, from: "kg" | "lb", to: "kg" | "lb"): number {
  if (from === to) return value;
  return from === "kg" ? value / KG_PER_LB : value * KG_PER_LB;
}

function onDay(date: string, today: string): string {
  const label = formatDay(date, today);
  return label === "today" || label === "yesterday" ? label : `on ${label}`;
}

// ---------------------------------------------------------------------------------------------
// Writes

function describeLoggedMetric(result: LogBodyMetricResult): string {
  const items = result.logged.map((entry) =>
    entry.metric === "weight"
      ? valueWithUnit(entry.value, entry.unit)
      : entry.metric === "body_fat"
        ? `${formatNumber(entry.value)}% body fat`
        : `${METRIC_LABELS[entry.metric]} ${valueWithUnit(entry.value, entry.unit)}`,
  );
  return joinList(items);
}

function bodyMetricReply(result: LogBodyMetricResult, today: string): string {
  const sentences = [
    `Logged ${describeLoggedMetric(result)} ${result.date === today ? "for today" : `for ${formatDay(result.date, today)}`}.`,
  ];
  const weight = result.weight;
  if (weight !== null) {
    if (weight.previous !== null && weight.change !== null) {
      const since = weight.previous.date === result.date ? "earlier today" : formatDay(weight.previous.date, today);
      sentences.push(
        weight.change === 0
          ? `Same as your last weigh-in (${since}); 7-day average ${valueWithUnit(weight.movingAverage7d, weight.unit)}.`
          : `That's ${formatChange(weight.change, weight.unit)} from ${valueWithUnit(weight.previous.value, weight.unit)} (${since}); 7-day average ${valueWithUnit(weight.movingAverage7d, weight.unit)}.`,
      );
      if (Math.abs(weight.change) >= 1)
        sentences.push(
          "Day-to-day swings of a kilo or two are mostly water, so watch the weekly average rather than single weigh-ins.",
        );
    } else {
      sentences.push(
        "That's your first weigh-in here: weigh at the same time each morning and I'll track the 7-day average for you.",
      );
    }
    if (weight.unitSource === "default")
      sentences.push(`You didn't give a unit, so I read it as ${weight.unit}; say "lb" if you meant pounds.`);
    else if (weight.unitSource === "history") sentences.push(`(Read in ${weight.unit}, the unit you usually use.)`);
  }
  return sentences.join(" ");
}

function setsText(exercise: LoggedExercise): string {
  return exercise.sets
    .map(
      (group) =>
        `${group.count}×${group.reps}${group.load === null ? "" : ` @ ${formatNumber(group.load)} ${group.unit}`}`,
    )
    .join(", ");
}

export function describeLoggedExercise(exercise: LoggedExercise): string {
  if (exercise.kind === "strength" && exercise.sets.length > 0) {
    const unit = exercise.sets.find((group) => group.unit !== null)?.unit;
    const extras: string[] = [];
    if (exercise.volume > 0 && unit) extras.push(`volume ${formatNumber(exercise.volume, 0)} ${unit}`);
    if (exercise.bestE1rm !== null && unit) extras.push(`est. 1RM ${formatNumber(exercise.bestE1rm)} ${unit}`);
    return `${exercise.name} ${setsText(exercise)}${extras.length > 0 ? ` (${extras.join(", ")})` : ""}`;
  }
  const parts: string[] = [exercise.name];
  if (exercise.distance !== null && exercise.distanceUnit !== null)
    parts.push(`${formatNumber(exercise.distance, 2)} ${exercise.distanceUnit}`);
  if (exercise.durationMinutes !== null)
    parts.push(
      exercise.distance !== null ? `in ${clock(exercise.durationMinutes * 60)}` : minutesText(exercise.durationMinutes),
    );
  let text = parts.join(" ");
  if (exercise.pace !== null) text += ` (${exercise.pace})`;
  if (exercise.notes) text += ` (${exercise.notes})`;
  return text;
}

function workoutReply(result: LogWorkoutResult, context: AnswerContext): string {
  const when = result.date === context.today ? "today's" : `${formatDay(result.date, context.today)}'s`;
  const named = result.exercises.filter((exercise) => exercise.name !== UNNAMED_EXERCISE);
  const sentences = [
    `Logged ${when} ${result.title ? `${result.title} ` : ""}session: ${joinList(result.exercises.map(describeLoggedExercise))}.`,
  ];
  if (result.durationMinutes !== null && result.exercises.length > 1)
    sentences.push(`Total time ${minutesText(result.durationMinutes)}.`);
  for (const record of result.newRecords) {
    const value =
      record.record === "most reps"
        ? `${record.value}`
        : typeof record.value === "number"
          ? `${formatNumber(record.value)} ${record.unit}`
          : `${record.value}`;
    const previous = typeof record.previous === "number" ? formatNumber(record.previous) : record.previous;
    sentences.push(
      `New PR on ${record.exercise}: ${record.record === "most reps" ? "most reps in a set" : record.record} ${value} (previous best ${previous}).`,
    );
  }
  if (named.length < result.exercises.length) {
    sentences.push(
      'You didn\'t say which exercise the first sets were, so I logged them as an "unspecified lift"; tell me the exercise next time so they count toward its records.',
    );
  }
  const missing = context.missingReps.filter((name, index, all) => all.indexOf(name) === index);
  if (missing.length > 0)
    sentences.push(`How many reps did you do on ${joinList(missing)}? I logged the exercise without sets for now.`);
  if (result.unitSource === "default")
    sentences.push(`No unit given, so I read the loads as ${result.loadUnit}; say "lb" if they were pounds.`);
  else if (result.unitSource === "history" && result.unitAssumed)
    sentences.push(`(Loads read in ${result.loadUnit}, the unit you usually use.)`);
  if (result.newRecords.length === 0) {
    const kinds = new Set(result.exercises.map((exercise) => exercise.kind));
    sentences.push(
      kinds.has("strength")
        ? "Solid work; keep adding a little load or a rep where you can."
        : kinds.has("cardio")
          ? "Nice work; consistency is what builds the engine."
          : "Good session; recovery work counts too.",
    );
  } else {
    sentences.push("Great progress!");
  }
  return sentences.join(" ");
}

// ---------------------------------------------------------------------------------------------
// Reads

function projection(
  series: BodyMetricSeries & { lastBeforePeriod?: { date: string; value: number } | null },
  context: AnswerContext,
): string | null {
  const goal = parseGoal(context.message);
  if (goal === null) return null;
  const unit = series.unit as "kg" | "lb";
  const current = series.latest ?? series.lastBeforePeriod ?? null;
  if (current === null)
    return `I need a recent weigh-in to project that: log your weight (e.g. "weighed 82.4 kg") and ask again.`;
  const target =
    goal.target !== undefined
      ? convertMass(goal.target, goal.unit ?? unit, unit)
      : current.value + convertMass(goal.change ?? 0, goal.unit ?? unit, unit);
  const gap = target - current.value;
  const targetText = valueWithUnit(target, unit);
  if (Math.abs(gap) < 0.05)
    return `You're already at ${targetText} (${valueWithUnit(current.value, unit)} ${onDay(current.date, context.today)}).`;
  const proposed =
    goal.ratePerWeek === undefined ? null : convertMass(goal.ratePerWeek, goal.rateUnit ?? goal.unit ?? unit, unit);
  const measured = series.weeklyRate;
  const rate = proposed ?? measured;
  const from = `From ${valueWithUnit(current.value, unit)} (${formatDay(current.date, context.today)})`;
  const weeks = rate === null ? null : weeksToGoal(current.value, target, rate);
  if (weeks === null || rate === null) {
    const direction = gap < 0 ? "lose" : "gain";
    const trend =
      measured === null
        ? "I don't have enough weigh-ins for a trend yet"
        : `your current trend is ${formatChange(measured, `${unit}/week`, 2)}`;
    return `${from} you have ${valueWithUnit(Math.abs(gap), unit)} to ${direction} to reach ${targetText}, but ${trend}, so I can't project a date. At 0.5 ${unit === "lb" ? "lb" : "kg"} a week it would take about ${formatNumber(Math.abs(gap) / 0.5, 0)} weeks.`;
  }
  const date = new Date(Date.parse(`${context.today}T00:00:00Z`) + Math.round(weeks * 7) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const basis =
    proposed !== null
      ? `at ${valueWithUnit(Math.abs(proposed), unit)} a week`
      : `at your current trend of ${valueWithUnit(Math.abs(rate), unit)} a week`;
  const advice =
    Math.abs(rate) > 1 && unit === "kg"
      ? " That's a fast rate; 0.5-1% of body weight a week is easier to sustain."
      : "";
  return `${from}, ${basis}, you'd reach ${targetText} in about ${formatNumber(weeks, 1)} weeks, around ${formatCalendarDate(date)}.${advice}`;
}

function seriesReply(
  series: BodyMetricSeries & { lastBeforePeriod?: { date: string; value: number } | null },
  reply: BodyMetricsReply,
  context: AnswerContext,
): string {
  const label = METRIC_LABELS[series.metric] ?? series.metric;
  const period = formatPeriod(reply.from, reply.to, context.today);
  if (series.latest === null) {
    const last = series.lastBeforePeriod;
    return last
      ? `No ${label} entries in ${period}; your last one was ${valueWithUnit(last.value, series.unit)} ${onDay(last.date, context.today)}.`
      : `I don't have any ${label} entries yet. Log one (e.g. "${series.metric === "weight" ? "weighed 80.5 kg this morning" : series.metric === "body_fat" ? "body fat 18%" : `${label} 84 cm`}") and I'll track the trend.`;
  }
  const latestPoint = series.points.at(-1);
  const sentences = [
    `Your ${label}: ${valueWithUnit(series.latest.value, series.unit)} ${onDay(series.latest.date, context.today)}${latestPoint ? ` (7-day average ${valueWithUnit(latestPoint.movingAverage7d, series.unit)})` : ""}.`,
  ];
  if (series.first !== null && series.changeSinceFirst !== null && series.first.date !== series.latest.date) {
    const rate =
      series.weeklyRate === null
        ? ""
        : `, trending ${formatChange(series.weeklyRate, `${series.unit === "%" ? "points" : series.unit} a week`, 2)}`;
    sentences.push(
      `Since ${formatDay(series.first.date, context.today)} (${valueWithUnit(series.first.value, series.unit)}) that's ${series.changeSinceFirst === 0 ? "no change" : formatChange(series.changeSinceFirst, series.unit === "%" ? "points" : series.unit)}${rate}, over ${plural(series.daysWithData, "day")} with data.`,
    );
  } else {
    sentences.push(`That's the only entry in ${period}; a few more and I can show a trend.`);
  }
  return sentences.join(" ");
}

function bodyMetricsReply(reply: BodyMetricsReply, context: AnswerContext): string {
  const asked = bodyMetricAsked(context.message.toLowerCase());
  const series = reply.series as (BodyMetricSeries & { lastBeforePeriod?: { date: string; value: number } | null })[];
  if (series.length === 0)
    return `I don't have any body measurements for ${formatPeriod(reply.from, reply.to, context.today)} yet.`;
  const main = series.find((entry) => entry.metric === asked) ?? series[0]!;
  const parts = [seriesReply(main, reply, context)];
  if (main.metric === "weight") {
    const goal = projection(main, context);
    if (goal !== null) parts.push(goal);
  }
  for (const other of series) {
    if (other === main || other.latest === null) continue;
    parts.push(
      `${METRIC_LABELS[other.metric]} ${valueWithUnit(other.latest.value, other.unit)} ${onDay(other.latest.date, context.today)}${other.changeSinceFirst ? ` (${formatChange(other.changeSinceFirst, other.unit === "%" ? "points" : other.unit)})` : ""}.`,
    );
  }
  return parts.join(" ");
}

interface WorkoutsToolReply {
  from: string;
  to: string;
  loadUnit: string;
  totals: { sessions: number; sets: number; volume: number; distanceKm: number; durationMinutes: number };
  volumeByExercise: Record<string, number>;
  setsByMuscleGroup: Record<string, number>;
  sessionsByType: Record<string, number>;
  activities: Record<string, number>;
  sessions: { date: string; type: string; title?: string; exercises: string[] }[];
  sessionsNotListed: number;
}

/** Sessions without sets (yoga, sport, classes) are "other" to a reader. */
const TYPE_LABELS: Record<string, string> = {
  strength: "strength",
  cardio: "cardio",
  mixed: "mixed",
  session: "other",
};

function topEntries(record: Record<string, number>, count: number, unit = ""): string {
  return Object.entries(record)
    .sort(([, left], [, right]) => right - left)
    .slice(0, count)
    .map(([name, value]) => `${name} ${formatNumber(value, 0)}${unit}`)
    .join(", ");
}

function workoutsReply(reply: WorkoutsToolReply, context: AnswerContext, exercise: string | undefined): string {
  const period = formatPeriod(reply.from, reply.to, context.today);
  const skipped = isSkippedSession(context.message);
  if (reply.totals.sessions === 0) {
    if (skipped)
      return `No problem, one missed session won't undo your progress. You have no other workouts logged for ${period}, so aim to get the next one in; even a short session keeps the habit going.`;
    return exercise ? `No ${exercise} logged in ${period}.` : `No workouts logged for ${period} yet.`;
  }
  const sentences: string[] = [];
  if (skipped)
    sentences.push("No problem, rest days are part of training and one missed session won't undo your progress.");
  const types = Object.entries(reply.sessionsByType).map(([type, count]) => `${count} ${TYPE_LABELS[type] ?? type}`);
  const head = exercise
    ? `${exercise} in ${period}: ${plural(reply.totals.sessions, "session")}`
    : `${period}: ${plural(reply.totals.sessions, "session")} (${types.join(", ")})`;
  const figures: string[] = [];
  if (reply.totals.sets > 0) figures.push(plural(reply.totals.sets, "set"));
  if (reply.totals.volume > 0) figures.push(`${formatNumber(reply.totals.volume, 0)} ${reply.loadUnit} volume`);
  if (reply.totals.distanceKm > 0) figures.push(`${formatNumber(reply.totals.distanceKm, 1)} km of cardio`);
  if (reply.totals.durationMinutes > 0) figures.push(`${minutesText(reply.totals.durationMinutes)} in total`);
  sentences.push(`${head}${figures.length > 0 ? `, ${joinList(figures)}` : ""}.`);
  if (!exercise && Object.keys(reply.setsByMuscleGroup).length > 0)
    sentences.push(`Sets by muscle group: ${topEntries(reply.setsByMuscleGroup, 6)}.`);
  if (!exercise && Object.keys(reply.volumeByExercise).length > 1)
    sentences.push(`Most volume: ${topEntries(reply.volumeByExercise, 3, ` ${reply.loadUnit}`)}.`);
  if (Object.keys(reply.activities).length > 0 && !exercise)
    sentences.push(
      `Cardio and classes: ${Object.entries(reply.activities)
        .map(([name, count]) => `${name} ×${count}`)
        .join(", ")}.`,
    );
  const listed = reply.sessions.slice(-5);
  if (listed.length > 0) {
    sentences.push(
      `${reply.sessions.length + reply.sessionsNotListed > listed.length ? "Latest sessions" : "Sessions"}: ${listed.map((session) => `${formatDay(session.date, context.today)}: ${session.exercises.join("; ")}`).join(" | ")}.`,
    );
  }
  if (skipped) sentences.push("Get the next session in and you're right back on track.");
  return sentences.join(" ");
}

function strengthRecordText(record: StrengthRecord, today: string): string {
  const parts: string[] = [];
  if (record.heaviest !== null)
    parts.push(
      `heaviest set ${formatNumber(record.heaviest.load)} ${record.heaviest.unit} × ${record.heaviest.reps} (${formatDay(record.heaviest.date, today)})`,
    );
  if (record.bestE1rm !== null)
    parts.push(
      `best estimated 1RM ${formatNumber(record.bestE1rm.value)} ${record.bestE1rm.unit} (from ${formatNumber(record.bestE1rm.load)} × ${record.bestE1rm.reps})`,
    );
  if (record.mostReps !== null)
    parts.push(`most reps in a set ${record.mostReps.reps} (${formatDay(record.mostReps.date, today)})`);
  return `${record.exercise}: ${parts.length > 0 ? parts.join("; ") : `${plural(record.sessions, "session")} logged, no loads yet`}`;
}

function cardioRecordText(record: CardioRecord, today: string): string {
  const parts: string[] = [];
  if (record.bestPace !== null)
    parts.push(
      `best pace ${record.bestPace.pace} (${formatNumber(record.bestPace.distance, 2)} ${record.bestPace.distanceUnit} in ${record.bestPace.time}, ${formatDay(record.bestPace.date, today)})`,
    );
  if (record.longest !== null)
    parts.push(
      `longest ${formatNumber(record.longest.distance, 2)} ${record.longest.distanceUnit}${record.longest.time ? ` in ${record.longest.time}` : ""}`,
    );
  if (record.fastestByDistance.length > 0)
    parts.push(`fastest ${record.fastestByDistance.map((entry) => `${entry.distance} ${entry.time}`).join(", ")}`);
  return `${record.activity}: ${parts.length > 0 ? parts.join("; ") : `${plural(record.sessions, "session")} logged without distance and time`}`;
}

function askedRaceDistance(message: string): string | null {
  const text = message.toLowerCase();
  if (/\bhalf[\s-]+marathon\b/.test(text)) return "half marathon";
  if (/\bmarathon\b/.test(text)) return "marathon";
  if (/\b10\s*k\b|\b10\s*km\b/.test(text)) return "10k";
  if (/\b5\s*k\b|\b5\s*km\b/.test(text)) return "5k";
  if (/\bmile\b/.test(text)) return "1 mile";
  return null;
}

function recordsReply(reply: PersonalRecordsReply, context: AnswerContext): string {
  const question = parseOneRepMaxQuestion(context.message);
  const sentences: string[] = [];
  if (question !== null) {
    const estimate = epleyOneRepMax(question.load, question.reps);
    const unit = question.unit ?? reply.loadUnit;
    sentences.push(
      estimate === null
        ? `Epley estimates get unreliable past 12 reps, so I wouldn't turn ${question.load} × ${question.reps} into a 1RM.`
        : `By the Epley formula, ${formatNumber(question.load)} ${unit} × ${question.reps} works out to an estimated 1RM of about ${formatNumber(estimate)} ${unit}.`,
    );
  }
  if (reply.strength.length === 0 && reply.cardio.length === 0) {
    sentences.push(
      reply.exercise
        ? `I don't have any ${reply.exercise} logged yet, so there's no record to show; log a session and I'll track it.`
        : "No workouts logged yet, so no records yet. Log a session and I'll track your bests.",
    );
    return sentences.join(" ");
  }
  const strength = reply.strength
    .slice(0, reply.exercise ? 1 : 6)
    .map((record) => strengthRecordText(record, context.today));
  const cardio = reply.cardio.slice(0, reply.exercise ? 1 : 4).map((record) => cardioRecordText(record, context.today));
  if (question !== null && reply.strength[0]?.bestE1rm) {
    const best = reply.strength[0].bestE1rm;
    const estimate = epleyOneRepMax(question.load, question.reps);
    if (estimate !== null && (question.unit ?? reply.loadUnit) === best.unit) {
      sentences.push(
        estimate > best.value
          ? `That would beat your current best estimate of ${formatNumber(best.value)} ${best.unit} on ${reply.strength[0].exercise}.`
          : `Your current best estimate on ${reply.strength[0].exercise} is ${formatNumber(best.value)} ${best.unit}.`,
      );
    }
    return sentences.join(" ");
  }
  const race = askedRaceDistance(context.message);
  const run = reply.cardio.find((record) => record.activity === "run");
  if (race !== null && run !== undefined) {
    const effort = run.fastestByDistance.find((entry) => entry.distance === race);
    sentences.push(
      effort
        ? `Your fastest ${race}: ${effort.time} (${effort.pace}) ${onDay(effort.date, context.today)}.`
        : `I don't have a ${race} run logged yet${run.longest ? `; your longest run is ${formatNumber(run.longest.distance, 2)} ${run.longest.distanceUnit}` : ""}.`,
    );
    if (run.bestPace !== null) sentences.push(`Best pace over any run: ${run.bestPace.pace}.`);
    return sentences.join(" ");
  }
  const lines = [...strength, ...cardio];
  sentences.push(`${reply.exercise ? "Your record" : "Your records"}: ${lines.join(". ")}.`);
  if (reply.strength.length > strength.length)
    sentences.push(`(${reply.strength.length - strength.length} more exercises; ask about one by name.)`);
  return sentences.join(" ");
}

// ---------------------------------------------------------------------------------------------

function refusalText(text: string): string {
  const reason = /someone else/.test(text)
    ? "it read the message as being about someone else"
    : /did not happen/.test(text)
      ? "it read the message as saying it didn't happen"
      : /asks a question/.test(text)
        ? "it read the message as a question"
        : "it read the message as a plan or a what-if";
  return `I haven't logged anything: my safety check only records things you say you did, and ${reason}. If this was your own session, tell me again starting with "I did", for example "I did leg press 4x10 at 200 kg".`;
}

function failureText(outcome: ToolOutcome): string {
  if (/^refused/i.test(outcome.text)) return refusalText(outcome.text);
  const detail = outcome.text.replace(/^Error:\s*/i, "").replace(/^[a-z_]+ failed:\s*/i, "");
  return outcome.name.startsWith("log_") ? `I couldn't save that: ${detail}` : `I couldn't look that up: ${detail}`;
}

/** The final reply for a turn whose tool calls have all run. */
export function composeAnswer(
  context: AnswerContext,
  calls: { name: string; arguments: Record<string, unknown> }[],
): string {
  const paragraphs: string[] = [];
  context.outcomes.forEach((outcome, index) => {
    if (outcome.result === null) {
      paragraphs.push(failureText(outcome));
      return;
    }
    const call = calls[index];
    switch (outcome.name) {
      case "log_body_metric":
        paragraphs.push(bodyMetricReply(outcome.result as LogBodyMetricResult, context.today));
        break;
      case "log_workout":
        paragraphs.push(workoutReply(outcome.result as LogWorkoutResult, context));
        break;
      case "get_body_metrics":
        paragraphs.push(bodyMetricsReply(outcome.result as BodyMetricsReply, context));
        break;
      case "get_workouts":
        if (/\b(?:deload|overtrain\w*|recover\w*|burn(?:ed|t)?\s*out)\b/i.test(context.message)) {
          paragraphs.push(
            "A deload (about a week at roughly half your usual volume, loads a little lighter) makes sense every 4-8 weeks of hard training, or sooner if lifts stall, sleep suffers or joints ache. If you're still adding weight and recovering well, you can keep going. Here's your last four weeks:",
          );
        }
        paragraphs.push(
          workoutsReply(
            outcome.result as WorkoutsToolReply,
            context,
            typeof call?.arguments.exercise === "string" ? String(call.arguments.exercise) : undefined,
          ),
        );
        break;
      case "get_personal_records":
        paragraphs.push(recordsReply(outcome.result as PersonalRecordsReply, context));
        break;
      default:
        break;
    }
  });
  return paragraphs.join("\n\n").trim() || "Done.";
}
