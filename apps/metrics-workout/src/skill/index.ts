// The metrics-workout domain's skill for the embedded local engine. First call: read the user's
// message and decide the tool calls (writes only for things the user reports having done, as the
// write guard reads it; reads for questions, plans and skipped sessions). Second call, with the
// tool results: answer like a coach, with the numbers the tools returned.
import { analyseIntent, guardToolCall, type ChatMessage, type LocalSkill, type SkillStep } from "@ensemble/ai";
import { isoDate, normaliseForMatching, parseWhen } from "@ensemble/ai/local";
import { logBodyMetricSchema, logWorkoutSchema, metricsWorkoutTools } from "@ensemble/tools";
import { findExerciseMentions } from "../exercises.ts";
import { type AnswerContext, type ToolOutcome, composeAnswer } from "./answer.ts";
import { parseBodyMetrics, type BodyReading } from "./parse-body.ts";
import { type ParsedWorkout, UNNAMED_EXERCISE, parseWorkout } from "./parse-workout.ts";
import { isSkippedSession, planReads } from "./questions.ts";

export const METRICS_WORKOUT_DOMAIN = "metrics-workout";

/** Set and rep notation that makes a message about training even without an exercise name. */
const TRAINING_NOTATION =
  /\b\d+\s*x\s*\d+|\bsets?\b|\breps?\b|\bsingles?\b|\bdoubles?\b|\btriples?\b|\bworked\s+up\s+to\b|\bfor\s+\d+\s*(?:reps?)?\s*$/;
const QUESTION_START =
  /^\s*(?:what|what's|whats|how|how's|hows|when|which|where|why|who|did\s+(?:i|you|we)|do|does|have|has|is|am|are|can|could|should|would|will|show|list|tell|give|compare)\b/;
/** A message opening with a question word asks; it does not report ("whats my best 10k time"). */
const WH_QUESTION = /^\s*(?:what|what's|whats|how|how's|hows|when|when's|which|where|why|who)\b/;
/** "Show me my workouts": a request to read, whatever workout words it holds. */
const READ_REQUEST =
  /^\s*(?:(?:can|could)\s+you\s+)?(?:please\s+)?(?:show|list|tell|give|display|pull\s+up|compare|summari[sz]e|chart|graph|review)\b/;
const GENERIC_TRAINING =
  /\b(?:worked\s+out|trained|exercised|lifted|hit\s+the\s+gym|went\s+to\s+the\s+gym|did\s+(?:a\s+|an\s+|my\s+|the\s+)?(?:\w+\s+)?(?:workout|session|exercises|routine|circuit|programme|program))\b/;
const PLAN_WORDS =
  /\b(?:gonna|going\s+to|will|i'll|plan(?:ning|ned)?|tomorrow|tonight|later|next\s+(?:week|time|month|session|year)|want\s+to|wanna|hoping|hope\s+to|might|may|thinking|if|would|could|should|aim(?:ing)?\s+to|goal|intend)\b/;
const NEGATION_WORDS =
  /\b(?:no|not|never|didn'?t|don'?t|haven'?t|hasn'?t|wasn'?t|couldn'?t|won'?t|skip(?:ped)?|miss(?:ed)?|cancel(?:led|ed)?|rest\s+day|day\s+off|too\s+\w+\s+to)\b/;

/** Measurements people report that log_body_metric has no field for. */
const UNTRACKED_NAMES =
  "resting heart rate|heart rate variability|heart rate|rhr|hrv|blood pressure|blood sugar|blood glucose|glucose|vo2 ?max|ketones?";
/** "bp 120/80" is blood pressure; "bp 100x5" is bench press. */
const BLOOD_PRESSURE_SHORT = String.raw`bp(?=\s*(?:was|is|of|:)?\s*\d{2,3}\s*/\s*\d{2,3}\b)`;
const UNTRACKED_MEASURE = new RegExp(String.raw`\b(${UNTRACKED_NAMES}|${BLOOD_PRESSURE_SHORT})\b`, "i");
/** One of those with its reading ("blood pressure was 120/80", "rhr 55 bpm"), so no parser takes its numbers. */
const UNTRACKED_READING = new RegExp(
  String.raw`\b(?:${UNTRACKED_NAMES}|${BLOOD_PRESSURE_SHORT})\b(?:\s*(?:was|is|of|at|reading|=|:))*\s*\d+(?:[.,]\d+)?(?:\s*/\s*\d+)?(?:\s*(?:bpm|ms|mmhg|mmol/l|mg/dl))?`,
  "gi",
);

/** The message with untracked readings blanked out, same length, so parser spans still line up. */
function withoutUntrackedReadings(message: string): string {
  return message.replace(UNTRACKED_READING, (reading) => " ".repeat(reading.length));
}

/** Asking to take something away: there is no tool for that here, and it is never a session to log. */
const REMOVAL =
  /\b(?:delete|deleting|remove|removing|erase|wipe|undo|scrap|get rid of)\b.*\b(?:workouts?|sessions?|runs?|lifts?|sets?|training|exercises?|weigh-?ins?|weights?|measurements?|metrics?|history|entry|entries|log|that|it)\b/;

type Mode = "removal" | "write" | "question" | "plan" | "progress" | "skipped" | "someone-else" | "unclear";

/** "my bench went from 80 to 85kg this week": news about progress, not a session with sets to log. */
const PROGRESS =
  /\b(?:went|gone|jumped|moved|climbed|increased|improved)\s+(?:up\s+)?from\s+\d+(?:[.,]\d+)?\s*(?:kg|kgs|lb|lbs)?\s+to\s+\d+/;

const PROGRESS_REPLY =
  'Great progress! I haven\'t logged a session from that; to record the lift, tell me the set (for example "bench 85 kg x 5").';

interface Understanding {
  mode: Mode;
  body: BodyReading | null;
  workout: ParsedWorkout | null;
}

function messageText(message: ChatMessage | undefined): string {
  if (message === undefined) return "";
  if (typeof message.content === "string") return message.content;
  return message.content.map((part) => (part.type === "text" ? part.text : "")).join(" ");
}

/** The write tool whose guard decision this skill follows; both writes record what was done. */
const LOG_WORKOUT = metricsWorkoutTools.find((tool) => tool.name === "log_workout")!;

function understand(original: string): Understanding {
  const message = withoutUntrackedReadings(original);
  const normalised = normaliseForMatching(message);
  const mentions = findExerciseMentions(normalised);
  const training =
    mentions.some((mention) => !mention.exercise.generic || mention.exercise.kind !== "strength") ||
    TRAINING_NOTATION.test(normalised);
  const body = parseBodyMetrics(message, training);
  const workout = parseWorkout(message, body?.spans ?? []);
  // The skill asks for a write only when the write guard that runs it would let it through: the
  // two read the message the same way, so a refused call never stands in for an answer.
  const decision = guardToolCall(LOG_WORKOUT, message);
  const allowed = decision.allowed;
  const intent = analyseIntent(message);
  const question = intent.question || QUESTION_START.test(normalised);
  const parsed = body !== null || workout !== null;

  if (REMOVAL.test(normalised)) return { mode: "removal", body, workout };
  if (PROGRESS.test(normalised) && body === null) return { mode: "progress", body, workout };
  if (READ_REQUEST.test(normalised) || WH_QUESTION.test(normalised)) return { mode: "question", body, workout };
  // "I never skip leg day", "I always do yoga": habits, not a session to log.
  const habitOnly =
    body === null &&
    workout !== null &&
    workout.exercises.every(
      (exercise) =>
        exercise.sets === undefined && exercise.distance === undefined && exercise.durationMinutes === undefined,
    ) &&
    /\b(?:never|always|usually|every|often|sometimes)\b/.test(normalised);
  if (allowed && parsed && !habitOnly) return { mode: "write", body, workout };
  if (allowed && !question && GENERIC_TRAINING.test(normalised)) {
    return {
      mode: "write",
      body: null,
      workout: { exercises: [{ name: "workout", kind: "strength" }], unnamed: false, missingReps: [], spans: [] },
    };
  }
  if (question) return { mode: "question", body, workout };
  if (!decision.allowed) {
    // Say why nothing was logged in the guard's own terms.
    if (decision.reason === "third-person") return { mode: "someone-else", body, workout };
    if (decision.reason === "negated") return { mode: "skipped", body, workout };
    return { mode: "plan", body, workout };
  }
  if (isSkippedSession(message) || NEGATION_WORDS.test(normalised)) return { mode: "skipped", body, workout };
  if (PLAN_WORDS.test(normalised)) return { mode: "plan", body, workout };
  return { mode: "unclear", body, workout };
}

/** "Bench" from an earlier message names the sets in "worked up to a single at 180". */
function exerciseFromHistory(messages: ChatMessage[], lastUser: number): string | null {
  for (let index = lastUser - 1; index >= 0 && index >= lastUser - 6; index--) {
    const message = messages[index];
    if (message?.role !== "user") continue;
    const named = findExerciseMentions(messageText(message)).filter(
      (mention) => !mention.exercise.generic && mention.exercise.kind === "strength",
    );
    if (named.length > 0) return named.at(-1)!.exercise.name;
  }
  return null;
}

function dateArguments(
  message: string,
  usedSpans: { start: number; end: number }[],
  now: Date,
): Record<string, string> {
  // Numbers the parsers used ("7:45" as a time on the rower) must not be read as clock times.
  let text = message;
  for (const span of usedSpans)
    text = text.slice(0, span.start) + " ".repeat(span.end - span.start) + text.slice(span.end);
  const when = parseWhen(text, now);
  const today = isoDate(now);
  const result: Record<string, string> = {};
  if (when.matched.length > 0 && when.date !== today && when.date < today) result.date = when.date;
  if (when.time !== undefined) result.time = when.time;
  return result;
}

function bodyArguments(body: BodyReading): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  if (body.weight !== undefined) args.weight = body.weight;
  if (body.weightUnit !== undefined) args.weightUnit = body.weightUnit;
  if (body.bodyFatPercent !== undefined) args.bodyFatPercent = body.bodyFatPercent;
  if (body.circumferences !== undefined) args.circumferences = body.circumferences;
  return args;
}

function workoutArguments(workout: ParsedWorkout): Record<string, unknown> {
  const exercises = workout.exercises.map((exercise) => {
    const entry: Record<string, unknown> = { name: exercise.name };
    if (exercise.sets !== undefined && exercise.sets.length > 0)
      entry.sets = exercise.sets.map((group) => ({ ...group }));
    if (exercise.distance !== undefined) {
      entry.distance = exercise.distance;
      entry.distanceUnit = exercise.distanceUnit ?? "km";
    }
    if (exercise.durationMinutes !== undefined) entry.durationMinutes = exercise.durationMinutes;
    if (exercise.notes !== undefined) entry.notes = exercise.notes;
    return entry;
  });
  const args: Record<string, unknown> = { exercises };
  if (workout.title !== undefined) args.title = workout.title;
  if (workout.durationMinutes !== undefined) args.durationMinutes = workout.durationMinutes;
  if (workout.notes !== undefined) args.notes = workout.notes;
  return args;
}

/** Keeps only the exercises the tool would accept, so one odd reading does not sink the whole log. */
function validWorkoutArguments(args: Record<string, unknown>): Record<string, unknown> | null {
  if (logWorkoutSchema.safeParse(args).success) return args;
  const exercises = (args.exercises as Record<string, unknown>[]).filter(
    (exercise) => logWorkoutSchema.safeParse({ exercises: [exercise] }).success,
  );
  if (exercises.length === 0) return null;
  const trimmed = { ...args, exercises };
  return logWorkoutSchema.safeParse(trimmed).success ? trimmed : { exercises };
}

function planWrites(
  messages: ChatMessage[],
  lastUser: number,
  message: string,
  understanding: Understanding,
  now: Date,
): SkillStep | null {
  const calls: { name: string; arguments: Record<string, unknown> }[] = [];
  const spans = [...(understanding.body?.spans ?? []), ...(understanding.workout?.spans ?? [])];
  const when = dateArguments(message, spans, now);
  if (understanding.body !== null) {
    const args = { ...bodyArguments(understanding.body), ...when };
    if (logBodyMetricSchema.safeParse(args).success) calls.push({ name: "log_body_metric", arguments: args });
  }
  if (understanding.workout !== null) {
    const workout = understanding.workout;
    if (workout.unnamed) {
      const earlier = exerciseFromHistory(messages, lastUser);
      if (earlier !== null)
        for (const exercise of workout.exercises) if (exercise.name === UNNAMED_EXERCISE) exercise.name = earlier;
    }
    const args = validWorkoutArguments({ ...workoutArguments(workout), ...when });
    if (args !== null) calls.push({ name: "log_workout", arguments: args });
  }
  return calls.length > 0 ? { type: "tool-calls", calls } : null;
}

function toolOutcomes(
  messages: ChatMessage[],
  lastUser: number,
): { outcomes: ToolOutcome[]; calls: { name: string; arguments: Record<string, unknown> }[] } {
  const after = messages.slice(lastUser + 1);
  const requested = after.flatMap((message) => (message.role === "assistant" ? (message.toolCalls ?? []) : []));
  const outcomes: ToolOutcome[] = [];
  const calls: { name: string; arguments: Record<string, unknown> }[] = [];
  for (const message of after) {
    if (message.role !== "tool") continue;
    let result: unknown = null;
    try {
      const parsed: unknown = JSON.parse(message.content);
      result = parsed !== null && typeof parsed === "object" && !("refused" in parsed) ? parsed : null;
    } catch {
      result = null;
    }
    outcomes.push({ name: message.name, result, text: message.content });
    const call = requested.find((candidate) => candidate.id === message.toolCallId);
    calls.push({ name: message.name, arguments: call?.arguments ?? {} });
  }
  return { outcomes, calls };
}

function answerWithoutTools(understanding: Understanding): string {
  switch (understanding.mode) {
    case "removal":
      return "I can't delete workouts or body measurements from chat yet, so nothing was changed. If an entry is wrong, tell me the right numbers and I'll log them.";
    case "someone-else":
      return "I only track your own training and measurements, so I haven't logged that. If you did it too, tell me what you did and I'll record it.";
    case "progress":
      return PROGRESS_REPLY;
    case "plan":
      return "Sounds like a plan! I haven't logged anything yet; once you've done it, tell me how it went (for example \"ran 10k in 55 minutes\") and I'll record it.";
    case "skipped":
      return "No problem, I haven't logged anything. Rest days are part of training; one missed session won't undo your progress, so just pick it up next time.";
    default:
      return 'Tell me what you did or measured and I\'ll log it, for example "squatted 5x5 at 100 kg", "ran 5k in 27 minutes" or "weighed 82.1 kg, 17% body fat". You can also ask "what\'s my bench PR?" or "how\'s my weight trending?".';
  }
}

function prefaceFor(understanding: Understanding): string {
  if (understanding.mode === "progress") return PROGRESS_REPLY;
  if (understanding.mode === "plan")
    return "Sounds like a plan! I haven't logged anything yet; tell me how it went afterwards and I'll record it.";
  if (understanding.mode === "someone-else") return "I only track your own training, so I haven't logged that.";
  return "";
}

/** "and deadlift?" after "what's my squat PR?": the records of the exercise it names. */
function sameQuestionAbout(
  messages: ChatMessage[],
  lastUser: number,
  message: string,
  now: Date,
): { name: string; arguments: Record<string, unknown> } | null {
  if (!/^\s*(?:and|what about|how about)\b/i.test(message)) return null;
  const previous = messages.slice(0, lastUser).findLast((candidate) => candidate.role === "user");
  if (previous === undefined) return null;
  const askedRecords = planReads(messageText(previous), now).some((call) => call.name === "get_personal_records");
  const exercise = findExerciseMentions(message).find((mention) => !mention.exercise.generic)?.exercise.name;
  return askedRecords && exercise !== undefined ? { name: "get_personal_records", arguments: { exercise } } : null;
}

/** The sentences of a report that ask something: "..., also what's my weight trend?" -> "what's my weight trend?". */
function questionsIn(message: string): string[] {
  return message
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => sentence.replace(/^(?:also|and|plus|oh and|btw)[,\s]+/i, "").trim())
    .filter((sentence) => sentence.endsWith("?") && WH_QUESTION.test(normaliseForMatching(sentence)));
}

export const metricsWorkoutSkill: LocalSkill = {
  domain: METRICS_WORKOUT_DOMAIN,
  next({ messages, tools, now }): SkillStep {
    const available = new Set(tools.map((tool) => tool.name));
    let lastUser = -1;
    messages.forEach((message, index) => {
      if (message.role === "user") lastUser = index;
    });
    const message = messageText(messages[lastUser]);
    const understanding = understand(message);

    const { outcomes, calls } = toolOutcomes(messages, lastUser);
    if (outcomes.length > 0) {
      const context: AnswerContext = {
        message,
        today: isoDate(now),
        outcomes,
        missingReps: understanding.workout?.missingReps ?? [],
      };
      const preface = prefaceFor(understanding);
      const answer = composeAnswer(context, calls);
      return { type: "answer", text: preface ? `${preface}\n\n${answer}` : answer };
    }

    // "Resting heart rate was 58": there is nowhere to put it, and a weight chart is no answer.
    const untracked = UNTRACKED_MEASURE.exec(normaliseForMatching(message));
    if (untracked && understanding.body === null && understanding.workout === null) {
      return {
        type: "answer",
        text: `I can't record ${untracked[1]} yet, so nothing was logged. I track body weight, body-fat % and circumferences (waist, hips, chest, neck, arm, thigh, calf), and your workouts.`,
      };
    }

    if (understanding.mode === "removal") return { type: "answer", text: answerWithoutTools(understanding) };

    if (understanding.mode === "write") {
      const step = planWrites(messages, lastUser, message, understanding, now);
      if (step !== null && step.type === "tool-calls") {
        // "benched 100 for a single! also what's my weight trend?": the question is answered too.
        const asked = questionsIn(message).flatMap((question) => planReads(question, now));
        const allowedCalls = [...step.calls, ...asked].filter((call) => available.has(call.name));
        if (allowedCalls.length > 0) return { type: "tool-calls", calls: allowedCalls };
      }
    }

    // "what's my squat PR?" then "and deadlift?": the same question about another exercise.
    const followUp = sameQuestionAbout(messages, lastUser, message, now);
    if (followUp !== null && available.has(followUp.name)) return { type: "tool-calls", calls: [followUp] };
    const reads =
      understanding.mode === "someone-else" ? [] : planReads(message, now).filter((call) => available.has(call.name));
    if (understanding.mode === "plan" || understanding.mode === "progress") {
      // For a plan, the user's records on that activity give the answer some context; nothing else is read.
      const exercise = findExerciseMentions(message).find((mention) => !mention.exercise.generic)?.exercise.name;
      if (exercise !== undefined && available.has("get_personal_records"))
        return { type: "tool-calls", calls: [{ name: "get_personal_records", arguments: { exercise } }] };
      return { type: "answer", text: answerWithoutTools(understanding) };
    }
    if (understanding.mode === "skipped" && available.has("get_workouts")) {
      return { type: "tool-calls", calls: [{ name: "get_workouts", arguments: {} }] };
    }
    if (reads.length > 0) return { type: "tool-calls", calls: reads };
    return { type: "answer", text: answerWithoutTools(understanding) };
  },
};
