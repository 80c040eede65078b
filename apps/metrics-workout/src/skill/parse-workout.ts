// Training in free text: "5x5 squats at 100kg", "3 sets of 8 at 60 kg, then 3x10 pull-ups",
// "worked up to a single at 180", "bench 80kg for 8, 8, 7", "5k in 27 minutes", "30 minute yoga",
// "leg day: squats 4x6 @ 110, leg press 3x12 at 200". The message is cut into clauses, each clause
// into pieces that start at an exercise name, and each piece is read for sets, reps, load,
// distance and duration. Pieces without a name continue the exercise before them.
import { normaliseForMatching, numberWordValue } from "@ensemble/ai/local";
import { type Exercise, findExerciseMentions, lookupExercise } from "../exercises.ts";

export interface ParsedSetGroup {
  count: number;
  reps: number;
  load?: number;
  unit?: "kg" | "lb";
}

export interface ParsedExercise {
  /** The canonical name when the exercise is known, else the words used. */
  name: string;
  kind: Exercise["kind"];
  sets?: ParsedSetGroup[];
  distance?: number;
  distanceUnit?: "km" | "mi" | "m";
  durationMinutes?: number;
  notes?: string;
}

export interface ParsedWorkout {
  exercises: ParsedExercise[];
  title?: string;
  durationMinutes?: number;
  notes?: string;
  /** Sets logged without an exercise name ("3 sets of 8 at 60 kg"). */
  unnamed: boolean;
  /** Loads given without reps ("benched 80kg"): logged without sets, and the reply asks. */
  missingReps: string[];
  /** Offsets of every number the parser used, so date parsing does not read "7:45" as a clock time. */
  spans: { start: number; end: number }[];
}

/** Exercises done with body weight, where a bare number is reps, not a load. */
const BODYWEIGHT_EXERCISES = new Set([
  "push-up",
  "pull-up",
  "chin-up",
  "dip",
  "sit-up",
  "crunch",
  "burpee",
  "hanging leg raise",
  "back extension",
  "russian twist",
  "ab wheel rollout",
  "step-up",
  "lunge",
]);

/** The name given to sets the user did not name; the reply asks which exercise it was. */
export const UNNAMED_EXERCISE = "unspecified lift";

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const COUNT = String.raw`(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)`;
const MASS = String.raw`(kg|kgs|kilos?|kilograms?|lbs?|pounds?)`;

function countValue(text: string | undefined): number {
  if (text === undefined) return Number.NaN;
  if (text === "a" || text === "an") return 1;
  return numberWordValue(text) ?? Number(text.replace(",", "."));
}

function massUnit(word: string | undefined): "kg" | "lb" | undefined {
  if (word === undefined || word === "") return undefined;
  return /^(?:lbs?|pounds?)$/.test(word) ? "lb" : "kg";
}

interface Span {
  start: number;
  end: number;
}

/** A mutable view of one piece of text in which consumed matches are blanked out. */
class Piece {
  text: string;
  readonly offset: number;
  readonly used: Span[] = [];
  /** Where the exercise name starts in the piece, if it has one. */
  readonly mentionAt: number | undefined;

  constructor(text: string, offset: number, mentionAt?: number) {
    this.text = text;
    this.offset = offset;
    this.mentionAt = mentionAt;
  }

  /** Runs the pattern, blanks what it matched, and hands every match to `take`. */
  consume(pattern: RegExp, take: (match: RegExpExecArray) => boolean | void): void {
    const global = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    let match: RegExpExecArray | null;
    const hits: RegExpExecArray[] = [];
    while ((match = global.exec(this.text)) !== null) {
      if (match[0] === "") {
        global.lastIndex += 1;
        continue;
      }
      hits.push(match);
    }
    for (const hit of hits) {
      if (take(hit) === false) continue;
      this.text =
        this.text.slice(0, hit.index) + " ".repeat(hit[0].length) + this.text.slice(hit.index + hit[0].length);
      this.used.push({ start: this.offset + hit.index, end: this.offset + hit.index + hit[0].length });
    }
  }
}

interface PieceReading {
  exercise: Exercise | null;
  /** The words of an exercise the catalog does not know, when the piece names one by verb ("did 20 burpees"). */
  sets: ParsedSetGroup[];
  load?: { value: number; unit?: "kg" | "lb" };
  singleCue: boolean;
  distance?: { value: number; unit: "km" | "mi" | "m" };
  durationMinutes?: number;
  paceSecondsPerUnit?: { seconds: number; unit: "km" | "mi" };
  steps?: number;
  /** What the numbers meant when they do not fit sets and reps ("3 x 60 s" of planks). */
  note?: string;
  text: string;
  used: Span[];
}

/** "27:30" or "1:05:20" as minutes; a two-part time is h:mm only when that gives a sane pace. */
function clockMinutes(parts: string[], distanceKm: number | undefined): number {
  const numbers = parts.map(Number);
  if (numbers.length === 3) return numbers[0]! * 60 + numbers[1]! + numbers[2]! / 60;
  const [first, second] = numbers as [number, number];
  const asMinutes = first + second / 60;
  const asHours = first * 60 + second;
  if (first <= 3 && distanceKm !== undefined && distanceKm > 0) {
    const paceMinutes = asMinutes / distanceKm;
    // Under 2 minutes per km is faster than any runner; h:mm then gives the real time.
    if (paceMinutes < 2 && asHours / distanceKm <= 20) return asHours;
  }
  return asMinutes;
}

function readPiece(piece: Piece, exercise: Exercise | null): PieceReading {
  const sets: ParsedSetGroup[] = [];
  let load: PieceReading["load"];
  let singleCue = false;
  let distance: PieceReading["distance"];
  let durationMinutes: number | undefined;
  let paceSecondsPerUnit: PieceReading["paceSecondsPerUnit"];
  let steps: number | undefined;
  let note: string | undefined;

  // "bodyweight" and "bw" say there is no load; blanking them keeps them out of names and notes.
  piece.consume(/\b(?:body\s*weight|bodyweight|bw)\b/, () => undefined);

  // "at 9:30 pace" with no unit: per the distance's own unit, read after the distance below.
  let bareSeconds: number | undefined;
  piece.consume(/\b(?:at\s+)?(?:an?\s+)?(\d{1,2}):(\d{2})\s*(?:min(?:ute)?s?\s*)?pace\b/, (match) => {
    bareSeconds = Number(match[1]) * 60 + Number(match[2]);
  });
  // Pace "5:30/km", "at 8:45 pace", "8:45 per mile".
  piece.consume(
    /\b(?:at\s+)?(?:an?\s+)?(\d{1,2}):(\d{2})\s*(?:min(?:ute)?s?\s*)?(?:\/\s*|per\s+)(km|k|kilomet(?:er|re)|mi|mile)\b(?:\s*pace)?/,
    (match) => {
      paceSecondsPerUnit = {
        seconds: Number(match[1]) * 60 + Number(match[2]),
        unit: (match[3] ?? "").startsWith("m") ? "mi" : "km",
      };
    },
  );

  // Steps are a walk: "10k steps", "12,000 steps".
  piece.consume(/\b(\d+(?:[.,]\d+)?)\s*(k)?\s*steps\b/, (match) => {
    const value = Number((match[1] ?? "").replace(",", match[1]?.match(/,\d{3}$/) ? "" : "."));
    steps = Math.round(match[2] ? value * 1000 : value);
  });

  // Distance: "5k", "10 km", "3 miles", "1500m", "half marathon", "a mile".
  piece.consume(/\b(half\s+marathon|marathon)\b/, (match) => {
    distance = { value: match[1]?.startsWith("half") ? 21.0975 : 42.195, unit: "km" };
  });
  if (distance === undefined) {
    piece.consume(
      new RegExp(
        String.raw`\b(?:${NUMBER}|an?|one)\s*-?\s*(k|km|kms|kilomet(?:er|re)s?|mi|miles?|m|meters?|metres?)\b(?!\s*(?:\/|per)\b)`,
      ),
      (match) => {
        if (distance !== undefined) return false;
        const value = match[1] === undefined ? 1 : Number(match[1].replace(",", "."));
        const word = match[2] ?? "";
        if (match[1] === undefined && !word.startsWith("mi")) return false;
        const unit = word.startsWith("k") ? "km" : word.startsWith("mi") ? "mi" : "m";
        if (unit === "m" && value < 50) return false;
        distance = { value, unit };
      },
    );
  }

  // Timed sets: "3 x 60 seconds", "4x30s" (planks, hangs) are time, not reps.
  piece.consume(/\b(\d{1,2})\s*x\s*(\d{1,3})\s*(s|secs?|seconds?|mins?|minutes?)\b/, (match) => {
    const minutes = (match[3] ?? "").startsWith("m");
    const each = Number(match[2]) / (minutes ? 1 : 60);
    durationMinutes = Math.round(Number(match[1]) * each * 100) / 100;
    note = `${match[1]} x ${match[2]} ${minutes ? "min" : "s"}`;
  });
  if (bareSeconds !== undefined && paceSecondsPerUnit === undefined) {
    const distanceUnit = (distance as PieceReading["distance"])?.unit;
    paceSecondsPerUnit = { seconds: bareSeconds, unit: distanceUnit === "mi" ? "mi" : "km" };
  }
  // Duration: "in 27 minutes", "for 45 min", "30-minute", "an hour and a half", "1h20", "27:30".
  piece.consume(
    /\b(?:an?|one)\s+hour\s+and\s+a\s+half\b|\b(\d+(?:[.,]\d+)?)\s*(?:hours?|hrs?|h)\s+and\s+a\s+half\b/,
    (match) => {
      durationMinutes = (match[1] ? Number(match[1].replace(",", ".")) : 1) * 60 + 30;
    },
  );
  if (durationMinutes === undefined) {
    piece.consume(/\bhalf\s+an?\s+hour\b/, () => {
      durationMinutes = 30;
    });
  }
  if (durationMinutes === undefined) {
    piece.consume(/\b(\d+)\s*(?:h|hr|hrs|hours?)\s*(?:and\s+)?(\d{1,2})\s*(?:m|min|mins|minutes?)?\b/, (match) => {
      durationMinutes = Number(match[1]) * 60 + Number(match[2]);
    });
  }
  if (durationMinutes === undefined) {
    piece.consume(
      /\b(?:an?|one)\s*-?\s*(hour|hr)\b|\b(\d+(?:[.,]\d+)?)\s*-?\s*(hours?|hrs?|h|minutes?|mins?|min|m|seconds?|secs?)\b(?!\s*\/)(?!\s+(?:of\s+)?(?:climbing|climb|elevation|ascent|descent|gain|vert|vertical|up)\b)/,
      (match) => {
        if (durationMinutes !== undefined) return false;
        if (match[1] !== undefined) {
          durationMinutes = 60;
          return;
        }
        const value = Number((match[2] ?? "").replace(",", "."));
        const unit = match[3] ?? "";
        durationMinutes = unit.startsWith("h") ? value * 60 : unit.startsWith("s") ? value / 60 : value;
      },
    );
  }
  if (durationMinutes === undefined) {
    // "at 7:30" and "7:30am" are clock times, not durations.
    piece.consume(
      /(?<!\b(?:at|around|by)\s*)\b(?:in|for|took|time(?:\s+of)?)?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\b(?!\s*(?:am|pm|a\.m|p\.m))/,
      (match) => {
        const parts = [match[1], match[2], match[3]].filter((part): part is string => part !== undefined);
        const km =
          distance === undefined
            ? undefined
            : distance.unit === "km"
              ? distance.value
              : distance.unit === "mi"
                ? distance.value * 1.609344
                : distance.value / 1000;
        durationMinutes = clockMinutes(parts, km);
      },
    );
  }

  // "5RM 180kg", "a 3rm of 150": reps at a max effort.
  piece.consume(/\b(\d{1,2})\s*rm\b/, (match) => {
    sets.push({ count: 1, reps: Number(match[1]) });
  });

  // "100x5x3": load x reps x sets (or sets x reps x load when the big number comes last).
  piece.consume(new RegExp(String.raw`\b${NUMBER}\s*${MASS}?\s*x\s*(\d+)\s*x\s*${NUMBER}\s*${MASS}?\b`), (match) => {
    const first = Number((match[1] ?? "").replace(",", "."));
    const middle = Number(match[3]);
    const last = Number((match[4] ?? "").replace(",", "."));
    if (match[2] !== undefined || first > 20) {
      sets.push({
        count: last,
        reps: middle,
        load: first,
        ...(massUnit(match[2]) ? { unit: massUnit(match[2])! } : {}),
      });
    } else if (match[5] !== undefined || last > 20) {
      sets.push({
        count: first,
        reps: middle,
        load: last,
        ...(massUnit(match[5]) ? { unit: massUnit(match[5])! } : {}),
      });
    } else {
      return false;
    }
  });

  // "3 sets of 8", "4 sets x 10 reps", "3 sets of 8-10 at 60".
  piece.consume(
    new RegExp(
      String.raw`\b${COUNT}\s+(?:working\s+|heavy\s+|light\s+|more\s+)?(?:sets?|rounds?)\s*(?:of|x|with|at)?\s*(\d+)(?:\s*(?:-|to)\s*(\d+))?(?!\s*(?:s|secs?|seconds?|mins?|minutes?|m|k|km|kg|lbs?|cal|calories)\b)\s*(?:reps?|repetitions?)?\b`,
    ),
    (match) => {
      const count = countValue(match[1]);
      const low = Number(match[2]);
      const high = match[3] === undefined ? low : Number(match[3]);
      sets.push({ count, reps: Math.round((low + high) / 2) });
    },
  );

  // "100kg x 5", "225 x 5", "100 for 5 reps", "140kg for a triple".
  piece.consume(
    new RegExp(
      String.raw`\b${NUMBER}\s*${MASS}?\s*(?:x|for|by)\s*(\d+(?!\s*\/)|an?\s+(?:single|double|triple))\s*(?:reps?)?\b`,
    ),
    (match) => {
      const value = Number((match[1] ?? "").replace(",", "."));
      const unit = massUnit(match[2]);
      if (unit === undefined && value <= 20) return false;
      const repsText = match[3] ?? "";
      const reps = /single/.test(repsText)
        ? 1
        : /double/.test(repsText)
          ? 2
          : /triple/.test(repsText)
            ? 3
            : Number(repsText);
      sets.push({ count: 1, reps, load: value, ...(unit ? { unit } : {}) });
    },
  );

  // "5x5", "3 x 10", "4x8-10".
  piece.consume(/\b(\d{1,2})\s*x\s*(\d{1,3})(?:\s*-\s*(\d{1,3}))?\s*(?:reps?)?\b/, (match) => {
    const low = Number(match[2]);
    const high = match[3] === undefined ? low : Number(match[3]);
    sets.push({ count: Number(match[1]), reps: Math.round((low + high) / 2) });
  });

  // Rep lists: "8/8/7", "for 8, 8, 7" (commas were turned into "/" before splitting).
  piece.consume(/\b(?:for\s+|sets\s+of\s+)?(\d{1,3})(?:\s*\/\s*(\d{1,3}))+\s*(?:reps?)?\b/, (match) => {
    const reps = match[0].match(/\d+/g)?.map(Number) ?? [];
    for (const value of reps) {
      const last = sets.at(-1);
      if (last !== undefined && last.reps === value && last.load === undefined) last.count += 1;
      else sets.push({ count: 1, reps: value });
    }
  });

  // "a single", "two doubles", "5 singles", "worked up to a single".
  // "an hour of singles", "played doubles": a match at tennis or badminton, not sets of one.
  piece.consume(/\b(?:of|played|playing|play)\s+(?:singles|doubles)\b/, () => undefined);
  piece.consume(new RegExp(String.raw`\b${COUNT}?\s*(single|double|triple)s?\b`), (match) => {
    const reps = match[2] === "single" ? 1 : match[2] === "double" ? 2 : 3;
    const count = match[1] === undefined ? 1 : countValue(match[1]);
    sets.push({ count: Number.isFinite(count) ? count : 1, reps });
  });

  // Loads: "at 100kg", "@ 100", "with 20 kg dumbbells", "+20kg", "100 lbs".
  piece.consume(new RegExp(String.raw`(?:\+\s*)?\b${NUMBER}\s*${MASS}\b`), (match) => {
    if (load !== undefined) return false;
    load = { value: Number((match[1] ?? "").replace(",", ".")), unit: massUnit(match[2])! };
  });
  if (load === undefined) {
    // "with 30s" is gym talk for 30 kg (or lb) dumbbells.
    piece.consume(
      new RegExp(String.raw`(?:\bat|@|\bwith|\busing|\bto)\s*${NUMBER}s?\b(?!\s*(?:reps?|sets?|x|%|am|pm|o'?clock))`),
      (match) => {
        if (load !== undefined) return false;
        load = { value: Number((match[1] ?? "").replace(",", ".")) };
      },
    );
  }
  if (load === undefined && sets.length > 0) {
    // "squatted 315 for 3 sets of 5": the sets were read first, leaving "315 for".
    piece.consume(new RegExp(String.raw`\b${NUMBER}\s*${MASS}?\s+for\b`), (match) => {
      const value = Number((match[1] ?? "").replace(",", "."));
      const unit = massUnit(match[2]);
      if (unit === undefined && value <= 20) return false;
      load = { value, ...(unit ? { unit } : {}) };
    });
  }

  // "12 reps", "20 burpees": one set; "did 3 sets" and "10 reps" given apart.
  const setsOnly = /\b(\d+)\s+sets?\b/.exec(piece.text);
  const repsOnly = /\b(\d+)\s*(?:reps?|repetitions?)\b/.exec(piece.text);
  if (setsOnly !== null || repsOnly !== null) {
    piece.consume(/\b(\d+)\s+sets?\b|\b(\d+)\s*(?:reps?|repetitions?)\b/, () => undefined);
    const count = setsOnly === null ? 1 : Number(setsOnly[1]);
    if (repsOnly !== null) sets.push({ count, reps: Number(repsOnly[1]) });
  }
  // "for 5" with a load: reps of one set.
  if (sets.length === 0 && load !== undefined) {
    piece.consume(/\bfor\s+(\d{1,3})\b/, (match) => {
      sets.push({ count: 1, reps: Number(match[1]) });
    });
  }
  // A bare number with the exercise: "20 pushups", "did 100 push-ups today" are reps; "squat 100"
  // in a list like "did my 5x5: squat 100, bench 70" is a load.
  if (
    sets.length === 0 &&
    load === undefined &&
    exercise !== null &&
    exercise.kind === "strength" &&
    distance === undefined &&
    durationMinutes === undefined
  ) {
    const bare = /(?:^|\s)(\d{1,4}(?:[.,]\d+)?)(?=\s|$)/.exec(piece.text);
    if (bare !== null && (piece.text.match(/\d+/g) ?? []).length === 1) {
      const value = Number((bare[1] ?? "").replace(",", "."));
      const before = bare.index < (piece.mentionAt ?? 0);
      piece.consume(/(?:^|\s)\d{1,4}(?:[.,]\d+)?(?=\s|$)/, () => undefined);
      if (before || BODYWEIGHT_EXERCISES.has(exercise.name) || !Number.isInteger(value) || value < 20) {
        if (Number.isInteger(value)) sets.push({ count: 1, reps: value });
      } else {
        load = { value };
      }
    }
  }

  singleCue = /\b(?:max(?:ed)?|1\s*rm|one\s+rep\s+max|pr|pb|tested|hit|pulled|worked\s+up)\b/.test(piece.text);
  if (durationMinutes !== undefined) durationMinutes = Math.round(durationMinutes * 100) / 100;
  return {
    exercise,
    sets,
    ...(note ? { note } : {}),
    ...(load ? { load } : {}),
    singleCue,
    ...(distance ? { distance } : {}),
    ...(durationMinutes !== undefined ? { durationMinutes } : {}),
    ...(paceSecondsPerUnit ? { paceSecondsPerUnit } : {}),
    ...(steps !== undefined ? { steps } : {}),
    text: piece.text,
    used: piece.used,
  };
}

const NOTE_WORDS =
  /\b(?:felt|feel|feeling|easy|hard|tough|brutal|great|strong|tired|sore|pain|hurt|hurts|heavy|light|smooth|fasted|grind(?:y)?|form|pr|pb|personal best|new record|slow|fast|good|bad|rough|legs were|exhausted|pumped)\b/;

/** Height climbed: "600 m of climbing", "1,200 ft elevation gain", "800m ascent". */
const ELEVATION =
  /\b(\d+(?:,\d{3})?)\s*(m|meters?|metres?|ft|feet)\s+(?:of\s+)?(?:climbing|climb|elevation(?:\s+gain)?|ascent|vert(?:ical)?|gain)\b/g;

/** Separators between clauses; each keeps the text length so offsets stay valid. */
const CLAUSE_SEPARATOR =
  /\s*(?:,|;|\n|(?<!\d):|:(?!\d)|(?<!\d)\.(?!\d)|\.\s|!|\?|\bthen\b|\band\s+then\b|\bfollowed\s+by\b|\bplus\b|\bafter\s+that\b|\bafterwards\b|\balso\b|\band\b|&|\+(?!\s*\d)|\bwith\s+(?=\d+\s*x\s*\d))\s*/g;

/**
 * Commas and "and" inside a list of reps ("for 8, 8, 7", "8, 8 and 7") become "/" so the list
 * stays in one clause. Lengths are kept.
 */
function protectRepLists(text: string): string {
  return text
    .replace(/(?<!x\s?)\b(\d{1,2})(\s*),(\s*)(?=\d{1,2}\b(?!\s*(?:x|kg|lb|k\b|km|mi|min|sets?)))/g, "$1$2/$3")
    .replace(
      /\b(\d{1,2})\s+and\s+(?=\d{1,2}\b(?!\s*(?:x|kg|lb|k\b|km|mi|min|sets?)))/g,
      (match, first: string) => `${first} /${" ".repeat(match.length - first.length - 2)}`,
    );
}

interface Clause {
  text: string;
  start: number;
}

function splitClauses(text: string, protectedSpans: Span[]): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (const match of text.matchAll(CLAUSE_SEPARATOR)) {
    const separatorStart = match.index;
    const separatorEnd = separatorStart + match[0].length;
    if (
      protectedSpans.some((span) => separatorStart < span.end && separatorEnd > span.start && match[0].trim() !== "")
    ) {
      const core = match[0].trim();
      const coreStart = separatorStart + match[0].indexOf(core);
      if (protectedSpans.some((span) => coreStart >= span.start && coreStart + core.length <= span.end)) continue;
    }
    if (separatorStart > start) clauses.push({ text: text.slice(start, separatorStart), start });
    start = separatorEnd;
  }
  if (start < text.length) clauses.push({ text: text.slice(start), start });
  return clauses.filter((clause) => clause.text.trim() !== "");
}

function mergeSets(target: ParsedSetGroup[], added: ParsedSetGroup[]): void {
  for (const group of added) {
    const last = target.at(-1);
    if (last !== undefined && last.reps === group.reps && last.load === group.load && last.unit === group.unit)
      last.count += group.count;
    else target.push({ ...group });
  }
}

/**
 * The workout a message reports, or null when it names no training at all. `skip` holds spans
 * another parser already used (a body weight), which are ignored here.
 */
export function parseWorkout(message: string, skip: Span[] = []): ParsedWorkout | null {
  let text = normaliseForMatching(message);
  for (const span of skip) text = text.slice(0, span.start) + " ".repeat(span.end - span.start) + text.slice(span.end);
  text = protectRepLists(text);
  // "a 12 km hike with 600 m of climbing": the climb is elevation, kept as a note, not a second activity.
  const elevation: string[] = [];
  text = text.replace(ELEVATION, (match, amount: string, unit: string) => {
    elevation.push(`${amount} ${unit.startsWith("f") ? "ft" : "m"} elevation`);
    return " ".repeat(match.length);
  });

  const allMentions = findExerciseMentions(text);
  // Exercise names with separators inside ("clean and jerk", "5 a side"), "an hour and a half"
  // and thousands ("10,000 steps") are kept whole.
  const kept: Span[] = [...allMentions];
  for (const match of text.matchAll(/\band\s+a\s+half\b|\d,\d{3}\b/g))
    kept.push({ start: match.index, end: match.index + match[0].length });
  const clauses = splitClauses(text, kept);

  const exercises: ParsedExercise[] = [];
  const titles: string[] = [];
  const notes: string[] = [];
  const missingReps: string[] = [];
  const spans: Span[] = [];
  let sessionMinutes: number | undefined;
  let unnamed = false;
  let previous: ParsedExercise | undefined;
  // "Tested my bench max today, got 120kg": the max makes a load without reps a single.
  const singleInMessage = /\b(?:max(?:ed)?|1\s*rm|one\s+rep\s+max|tested|a\s+single)\b/.test(text);
  let pendingScheme: ParsedSetGroup[] | null = null;
  const generics: Exercise[] = [];
  let schemeUsed = false;

  for (const clause of clauses) {
    const exercisesBefore = exercises.length;
    const mentions = findExerciseMentions(clause.text).filter(
      (mention, index, all) => index === 0 || mention.exercise.name !== all[index - 1]!.exercise.name,
    );
    // A piece starts at each exercise name after the first; words before the first name belong to it ("5x5 squats").
    const cuts = mentions.slice(1).map((mention) => mention.start);
    const bounds = [0, ...cuts, clause.text.length];
    for (let index = 0; index + 1 < bounds.length; index++) {
      const pieceStart = bounds[index]!;
      const pieceText = clause.text.slice(pieceStart, bounds[index + 1]);
      const mention = mentions.find(
        (candidate) => candidate.start >= pieceStart && candidate.start < bounds[index + 1]!,
      );
      let masked = pieceText;
      // Every name of the exercise is blanked, so "parkrun" or "5 a side" leave no numbers behind.
      for (const named of findExerciseMentions(pieceText)) {
        masked = masked.slice(0, named.start) + " ".repeat(named.end - named.start) + masked.slice(named.end);
      }
      const piece = new Piece(
        masked,
        clause.start + pieceStart,
        mention === undefined ? undefined : mention.start - pieceStart,
      );
      // "row 60" in a list of lifts is a barbell row; "rowed 2k" is the rowing machine.
      const rowLift =
        mention?.exercise.name === "rowing" &&
        /^rows?$/.test(mention.text.trim()) &&
        !/\d\s*(?:k|km|m|mi|min|mins|minutes?)\b|\d:\d/.test(pieceText);
      const reading = readPiece(piece, rowLift ? lookupExercise("barbell row") : (mention?.exercise ?? null));
      spans.push(...reading.used);
      const hasTraining =
        reading.sets.length > 0 ||
        reading.load !== undefined ||
        reading.distance !== undefined ||
        reading.steps !== undefined;
      // "20 minutes of HIIT on the rower": the machine the activity before it was done on.
      const equipment =
        mention !== undefined &&
        exercises.length > exercisesBefore &&
        /\bon\s+(?:the|a|an|my)\s*$/.test(clause.text.slice(0, mention.start)) &&
        !hasTraining &&
        reading.durationMinutes === undefined;
      if (equipment) {
        const last = exercises.at(-1)!;
        const said = clause.text.slice(mention.start, mention.end).trim();
        last.notes = last.notes === undefined ? `on the ${said}` : `${last.notes}; on the ${said}`;
        continue;
      }

      if (mention?.exercise.generic && !hasTraining) {
        // "Leg day" names the session; "workout" or "gym" says nothing a title would add.
        if (mention.exercise.name !== "strength training" && mention.exercise.name !== "cardio")
          titles.push(message.slice(clause.start + mention.start, clause.start + mention.end).trim());
        generics.push(mention.exercise);
        if (reading.durationMinutes !== undefined) sessionMinutes = reading.durationMinutes;
        continue;
      }

      let exercise: Exercise | null = rowLift ? lookupExercise("barbell row") : (mention?.exercise ?? null);
      if (
        exercise === null &&
        (reading.distance !== undefined || reading.steps !== undefined || reading.paceSecondsPerUnit !== undefined)
      ) {
        // "5k in 27 minutes": a distance alone is a run, or continues the cardio named before it.
        exercise =
          previous !== undefined && previous.kind === "cardio" && previous.distance === undefined
            ? null
            : lookupExercise(reading.steps !== undefined ? "walk" : "run");
      }
      if (exercise === null && !hasTraining) {
        // A duration alone: the previous activity's time ("ran 5k, took 27 minutes"), or the session's.
        if (reading.durationMinutes !== undefined) {
          const untimed =
            previous !== undefined &&
            previous.durationMinutes === undefined &&
            (previous.kind !== "strength" || previous.sets === undefined);
          if (untimed) {
            previous!.durationMinutes = reading.durationMinutes;
            if (reading.note !== undefined) previous!.notes = reading.note;
          } else sessionMinutes = reading.durationMinutes;
        } else if (NOTE_WORDS.test(pieceText) && pieceText.trim().split(/\s+/).length <= 12) {
          notes.push(message.slice(clause.start + pieceStart, clause.start + bounds[index + 1]!).trim());
        }
        continue;
      }

      let sets = reading.sets.map((group) => ({ ...group }));
      if (sets.length === 0 && reading.load !== undefined && pendingScheme !== null && exercise !== null) {
        sets = pendingScheme.map((group) => ({ ...group }));
        schemeUsed = true;
      }
      if (reading.load !== undefined) {
        if (sets.length === 0 && (reading.singleCue || singleInMessage)) sets.push({ count: 1, reps: 1 });
        for (const group of sets) {
          if (group.load === undefined) {
            group.load = reading.load.value;
            if (reading.load.unit) group.unit = reading.load.unit;
          }
        }
      }
      sets = sets.filter(
        (group) =>
          Number.isInteger(group.count) &&
          group.count >= 1 &&
          group.count <= 50 &&
          Number.isInteger(group.reps) &&
          group.reps >= 1,
      );

      // "chest press 3x10 at 40kg": an exercise the catalog does not know, named before its sets.
      const unknownName = exercise === null && sets.length > 0 ? leadingName(pieceText) : null;
      if (unknownName !== null) exercise = { name: unknownName, muscleGroup: "other", kind: "strength" };

      if (exercise === null) {
        // Sets without a name continue the exercise before them ("bench 3x8 at 60, 2x5 at 70").
        if (previous !== undefined && previous.kind === "strength") {
          // "bench 90kg x 5, 5, 4": reps without a load keep the load before them.
          const lastLoaded = (previous.sets ?? []).toReversed().find((group) => group.load !== undefined);
          if (reading.load === undefined && lastLoaded !== undefined) {
            for (const group of sets) {
              if (group.load !== undefined) continue;
              group.load = lastLoaded.load;
              if (lastLoaded.unit) group.unit = lastLoaded.unit;
            }
          }
          const unloaded = (previous.sets ?? []).filter((group) => group.load === undefined);
          if (sets.length === 0 && reading.load !== undefined && unloaded.length > 0) {
            // "Hit 3 plates deadlift for 2 reps, 140kg": the load arrives after the reps.
            for (const group of unloaded) {
              group.load = reading.load.value;
              if (reading.load.unit) group.unit = reading.load.unit;
            }
            continue;
          }
          if (sets.length === 0 && reading.load !== undefined && singleInMessage) {
            sets.push({
              count: 1,
              reps: 1,
              load: reading.load.value,
              ...(reading.load.unit ? { unit: reading.load.unit } : {}),
            });
          }
          if (sets.length > 0) mergeSets((previous.sets ??= []), sets);
          else if (reading.load !== undefined) missingReps.push(previous.name);
          continue;
        }
        if (
          previous !== undefined &&
          previous.kind === "cardio" &&
          reading.distance !== undefined &&
          previous.distance === undefined
        ) {
          applyCardio(previous, reading);
          continue;
        }
        if (sets.length === 0) continue;
        if (previous === undefined && sets.every((group) => group.load === undefined)) {
          // "Did my 5x5 today: squat 100, bench 70": a scheme for the loads named after it.
          pendingScheme = sets;
          continue;
        }
        unnamed = true;
        exercise = { name: UNNAMED_EXERCISE, muscleGroup: "other", kind: "strength" };
      }

      const parsed: ParsedExercise = { name: exercise.name, kind: exercise.kind };
      if (/parkrun/.test(pieceText) && reading.distance === undefined) reading.distance = { value: 5, unit: "km" };
      if (exercise.kind === "strength" || sets.length > 0) {
        if (sets.length > 0) parsed.sets = sets;
        else if (reading.load !== undefined) missingReps.push(exercise.name);
        if (exercise.kind !== "strength" && sets.length > 0) parsed.kind = "strength";
        if (reading.durationMinutes !== undefined && sets.length === 0)
          parsed.durationMinutes = reading.durationMinutes;
      }
      if (parsed.kind !== "strength") applyCardio(parsed, reading);
      if (reading.note !== undefined) parsed.notes = reading.note;
      // Rowing with sets is the barbell row, not the rowing machine.
      if (parsed.name === "rowing" && parsed.sets !== undefined) parsed.name = "barbell row";

      const last = exercises.at(-1);
      if (
        last !== undefined &&
        last.name === parsed.name &&
        parsed.kind === "strength" &&
        last.kind === "strength" &&
        parsed.sets
      ) {
        mergeSets((last.sets ??= []), parsed.sets);
        previous = last;
      } else {
        exercises.push(parsed);
        previous = parsed;
      }
    }
  }

  if (pendingScheme !== null && !schemeUsed) {
    exercises.unshift({ name: UNNAMED_EXERCISE, kind: "strength", sets: pendingScheme });
    unnamed = true;
  }
  if (exercises.length === 0 && generics.length > 0) {
    // "Leg day done", "did an hour of cardio": the session itself is the entry.
    const generic = generics[0];
    if (generic !== undefined) {
      const entry: ParsedExercise = { name: generic.name, kind: generic.kind };
      if (sessionMinutes !== undefined) entry.durationMinutes = sessionMinutes;
      exercises.push(entry);
      titles.length = 0;
      sessionMinutes = undefined;
    }
  }
  if (exercises.length === 0) return null;

  // A session's own length only when it is not already an exercise's.
  const onlyExercise = exercises.length === 1 ? exercises[0] : undefined;
  if (
    sessionMinutes !== undefined &&
    onlyExercise !== undefined &&
    onlyExercise.kind !== "strength" &&
    onlyExercise.durationMinutes === undefined
  ) {
    onlyExercise.durationMinutes = sessionMinutes;
    sessionMinutes = undefined;
  }

  notes.unshift(...elevation);
  const result: ParsedWorkout = { exercises, unnamed, missingReps, spans };
  if (titles.length > 0) result.title = titles[0]!;
  if (sessionMinutes !== undefined) result.durationMinutes = sessionMinutes;
  if (notes.length > 0) result.notes = notes.join("; ").slice(0, 500);
  return result;
}

/** Words before a set count that do not name an exercise. */
const NOT_EXERCISE_WORDS = new Set(
  (
    "a an the and then also plus after that did do done doing today yesterday tonight this morning evening afternoon " +
    "gym session workout my i me we some with at on for sets set reps rep of x just finished got hit worked up to went " +
    "back again more another last first heavy light warmup warm working top followed by next felt easy hard good " +
    "single singles double doubles triple triples pr pb max new personal best bodyweight bw each side all"
  ).split(" "),
);

/** "chest press" in "chest press 3x10 at 40kg": up to four words before the first number, filler dropped. */
function leadingName(piece: string): string | null {
  const beforeNumber = piece.split(/\d/)[0] ?? "";
  const words = beforeNumber
    .toLowerCase()
    .replace(/[^\p{L}\s'-]/gu, " ")
    .split(/\s+/)
    .filter((word) => word !== "" && !NOT_EXERCISE_WORDS.has(word));
  if (words.length === 0 || words.length > 4 || !words.some((word) => word.length >= 3)) return null;
  return words.join(" ");
}

function applyCardio(target: ParsedExercise, reading: PieceReading): void {
  if (reading.distance !== undefined) {
    target.distance = reading.distance.value;
    target.distanceUnit = reading.distance.unit;
  }
  if (reading.durationMinutes !== undefined) target.durationMinutes = Math.round(reading.durationMinutes * 100) / 100;
  if (
    reading.paceSecondsPerUnit !== undefined &&
    target.durationMinutes === undefined &&
    target.distance !== undefined
  ) {
    const distanceInPaceUnit =
      reading.paceSecondsPerUnit.unit === "km"
        ? target.distanceUnit === "mi"
          ? target.distance * 1.609344
          : target.distanceUnit === "m"
            ? target.distance / 1000
            : target.distance
        : target.distanceUnit === "km"
          ? target.distance / 1.609344
          : target.distanceUnit === "m"
            ? target.distance / 1609.344
            : target.distance;
    target.durationMinutes = Math.round(((reading.paceSecondsPerUnit.seconds * distanceInPaceUnit) / 60) * 100) / 100;
  }
  if (reading.steps !== undefined) target.notes = `${reading.steps} steps`;
}
