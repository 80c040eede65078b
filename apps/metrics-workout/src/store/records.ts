// Personal records: for lifts, the heaviest set and the best estimated 1RM (Epley, sets of up to
// 12 reps); for bodyweight work, the most reps in a set; for cardio, the best pace and the longest
// distance per activity, and for runs the fastest effort at the common race distances.
import { normaliseExercise } from "../exercises.ts";
import {
  EPLEY_MAX_REPS,
  formatDuration,
  formatPace,
  fromKg,
  fromMetres,
  round,
  type DistanceUnit,
  type MassUnit,
} from "../stats.ts";
import type { StoreContext } from "./context.ts";
import { usualDistanceUnit, usualLoadUnit } from "./units.ts";
import { minimumPaceDistance } from "./workouts.ts";

/** With no exercise named, records of the most recently trained exercises only, to keep replies short. */
const MAX_EXERCISES = 20;

export type StrengthRecord = {
  exercise: string;
  muscleGroup: string;
  heaviest: { load: number; unit: MassUnit; reps: number; date: string } | null;
  bestE1rm: { value: number; unit: MassUnit; load: number; reps: number; date: string } | null;
  mostReps: { reps: number; date: string } | null;
  lastDone: string;
  sessions: number;
};

export type CardioRecord = {
  activity: string;
  bestPace: {
    pace: string;
    secondsPerKm: number;
    distance: number;
    distanceUnit: DistanceUnit;
    time: string;
    date: string;
  } | null;
  longest: { distance: number; distanceUnit: DistanceUnit; time: string | null; date: string } | null;
  /** Runs only: the quickest run at or just over each race distance. */
  fastestByDistance: { distance: string; time: string; pace: string; date: string }[];
  sessions: number;
};

export type PersonalRecordsReply = {
  loadUnit: MassUnit;
  distanceUnit: "km" | "mi";
  /** The exercise asked about, normalised, when one was. */
  exercise: string | null;
  strength: StrengthRecord[];
  cardio: CardioRecord[];
};

const RACE_DISTANCES: { label: string; metres: number }[] = [
  { label: "1 mile", metres: 1609.344 },
  { label: "5k", metres: 5000 },
  { label: "10k", metres: 10_000 },
  { label: "half marathon", metres: 21_097.5 },
  { label: "marathon", metres: 42_195 },
];

interface BestSetRow {
  name: string;
  load_kg: number | null;
  reps: number;
  performed_on: string;
  e1rm?: number;
}

interface ExerciseSummaryRow {
  name: string;
  muscle_group: string;
  last_done: string;
  sessions: number;
}

interface CardioRow {
  name: string;
  distance_m: number | null;
  input_distance_unit: DistanceUnit | null;
  duration_s: number | null;
  performed_on: string;
}

function byName<T extends { name: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.name, row]));
}

const SET_JOIN = `FROM exercise_sets s JOIN workout_exercises e ON e.id = s.exercise_id JOIN workouts w ON w.id = s.workout_id
  WHERE s.user_id = ?1 AND e.user_id = ?1 AND w.user_id = ?1 AND (?2 IS NULL OR e.name = ?2)`;

export async function personalRecords(context: StoreContext, exercise?: string): Promise<PersonalRecordsReply> {
  const { db, userId } = context;
  const strengthName = exercise === undefined ? null : normaliseExercise(exercise, "strength").name;
  const cardioName = exercise === undefined ? null : normaliseExercise(exercise, "cardio").name;
  const [summaries, heaviest, e1rm, mostReps, cardio] = await db.batch([
    db
      .prepare(
        `SELECT e.name, e.muscle_group, MAX(w.performed_on) AS last_done, COUNT(DISTINCT w.id) AS sessions
         FROM workout_exercises e JOIN workouts w ON w.id = e.workout_id
         WHERE e.user_id = ?1 AND w.user_id = ?1 AND e.kind = 'strength' AND (?2 IS NULL OR e.name = ?2)
         GROUP BY e.name ORDER BY last_done DESC, e.name LIMIT ${MAX_EXERCISES}`,
      )
      .bind(userId, strengthName),
    db
      .prepare(
        `SELECT name, load_kg, reps, performed_on FROM (
           SELECT e.name, s.load_kg, s.reps, w.performed_on,
                  ROW_NUMBER() OVER (PARTITION BY e.name ORDER BY s.load_kg DESC, s.reps DESC, w.performed_on) AS position
           ${SET_JOIN} AND s.load_kg IS NOT NULL
         ) WHERE position = 1`,
      )
      .bind(userId, strengthName),
    db
      .prepare(
        `SELECT name, load_kg, reps, performed_on, e1rm FROM (
           SELECT e.name, s.load_kg, s.reps, w.performed_on,
                  CASE WHEN s.reps = 1 THEN s.load_kg ELSE s.load_kg * (1 + s.reps / 30.0) END AS e1rm,
                  ROW_NUMBER() OVER (PARTITION BY e.name ORDER BY CASE WHEN s.reps = 1 THEN s.load_kg ELSE s.load_kg * (1 + s.reps / 30.0) END DESC, w.performed_on) AS position
           ${SET_JOIN} AND s.load_kg IS NOT NULL AND s.load_kg > 0 AND s.reps <= ${EPLEY_MAX_REPS}
         ) WHERE position = 1`,
      )
      .bind(userId, strengthName),
    db
      .prepare(
        `SELECT name, load_kg, reps, performed_on FROM (
           SELECT e.name, s.load_kg, s.reps, w.performed_on,
                  ROW_NUMBER() OVER (PARTITION BY e.name ORDER BY s.reps DESC, w.performed_on) AS position
           ${SET_JOIN} AND s.load_kg IS NULL
         ) WHERE position = 1`,
      )
      .bind(userId, strengthName),
    db
      .prepare(
        `SELECT e.name, e.distance_m, e.input_distance_unit, e.duration_s, w.performed_on
         FROM workout_exercises e JOIN workouts w ON w.id = e.workout_id
         WHERE e.user_id = ?1 AND w.user_id = ?1 AND e.kind = 'cardio' AND (?2 IS NULL OR e.name = ?2)
         ORDER BY w.performed_on DESC LIMIT 5000`,
      )
      .bind(userId, cardioName),
  ]);
  const loadUnit = await usualLoadUnit(db, userId);
  const distanceUnit = await usualDistanceUnit(db, userId);
  const heaviestByName = byName((heaviest?.results ?? []) as BestSetRow[]);
  const e1rmByName = byName((e1rm?.results ?? []) as BestSetRow[]);
  const repsByName = byName((mostReps?.results ?? []) as BestSetRow[]);
  const load = (kg: number) => round(fromKg(kg, loadUnit), 1);

  const strength: StrengthRecord[] = ((summaries?.results ?? []) as ExerciseSummaryRow[]).map((row) => {
    const top = heaviestByName.get(row.name);
    const best = e1rmByName.get(row.name);
    const reps = repsByName.get(row.name);
    return {
      exercise: row.name,
      muscleGroup: row.muscle_group,
      heaviest:
        top?.load_kg == null
          ? null
          : { load: load(top.load_kg), unit: loadUnit, reps: top.reps, date: top.performed_on },
      bestE1rm:
        best?.load_kg == null || best.e1rm === undefined
          ? null
          : {
              value: load(best.e1rm),
              unit: loadUnit,
              load: load(best.load_kg),
              reps: best.reps,
              date: best.performed_on,
            },
      mostReps: reps === undefined ? null : { reps: reps.reps, date: reps.performed_on },
      lastDone: row.last_done,
      sessions: row.sessions,
    };
  });

  return {
    loadUnit,
    distanceUnit,
    exercise: exercise === undefined ? null : strength.length > 0 ? strengthName : cardioName,
    strength,
    cardio: cardioRecords((cardio?.results ?? []) as CardioRow[], distanceUnit),
  };
}

function cardioRecords(rows: CardioRow[], usualUnit: "km" | "mi"): CardioRecord[] {
  const byActivity = new Map<string, CardioRow[]>();
  for (const row of rows) byActivity.set(row.name, [...(byActivity.get(row.name) ?? []), row]);
  const records: CardioRecord[] = [];
  for (const [activity, list] of byActivity) {
    const displayUnit = (row: CardioRow): DistanceUnit => row.input_distance_unit ?? usualUnit;
    const paced = list.filter(
      (row) => row.distance_m !== null && row.duration_s !== null && row.distance_m >= minimumPaceDistance(activity),
    );
    const fastest = paced.reduce<CardioRow | null>(
      (best, row) =>
        best === null || row.duration_s! / row.distance_m! < best.duration_s! / best.distance_m! ? row : best,
      null,
    );
    const withDistance = list.filter((row) => row.distance_m !== null);
    const longest = withDistance.reduce<CardioRow | null>(
      (best, row) => (best === null || row.distance_m! > best.distance_m! ? row : best),
      null,
    );
    const paceUnit = usualUnit;
    const fastestByDistance: CardioRecord["fastestByDistance"] = [];
    if (activity === "run") {
      for (const race of RACE_DISTANCES) {
        // A run counts for a distance when it was that long or up to 5% longer (GPS and routes vary).
        const candidates = paced.filter(
          (row) => row.distance_m! >= race.metres * 0.99 && row.distance_m! <= race.metres * 1.05,
        );
        const best = candidates.reduce<CardioRow | null>(
          (winner, row) =>
            winner === null || row.duration_s! / row.distance_m! < winner.duration_s! / winner.distance_m!
              ? row
              : winner,
          null,
        );
        if (best !== null) {
          const pace = best.duration_s! / (best.distance_m! / 1000);
          fastestByDistance.push({
            distance: race.label,
            time: formatDuration(pace * (race.metres / 1000)),
            pace: formatPace(pace, paceUnit),
            date: best.performed_on,
          });
        }
      }
    }
    records.push({
      activity,
      bestPace:
        fastest === null
          ? null
          : {
              pace: formatPace(fastest.duration_s! / (fastest.distance_m! / 1000), paceUnit),
              secondsPerKm: round(fastest.duration_s! / (fastest.distance_m! / 1000), 1),
              distance: round(fromMetres(fastest.distance_m!, displayUnit(fastest)), 2),
              distanceUnit: displayUnit(fastest),
              time: formatDuration(fastest.duration_s!),
              date: fastest.performed_on,
            },
      longest:
        longest === null
          ? null
          : {
              distance: round(fromMetres(longest.distance_m!, displayUnit(longest)), 2),
              distanceUnit: displayUnit(longest),
              time: longest.duration_s === null ? null : formatDuration(longest.duration_s),
              date: longest.performed_on,
            },
      fastestByDistance,
      sessions: list.length,
    });
  }
  return records;
}
