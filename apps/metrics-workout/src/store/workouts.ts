// Workouts: sessions of strength sets, cardio and classes. Loads are stored in kg beside the
// unit the user wrote; distances in metres and durations in seconds.
import type { WorkoutExercise, WorkoutSession, WorkoutSetGroup, WorkoutsReply } from "@ensemble/contracts";
import type { ExerciseArguments, LogWorkoutArguments } from "@ensemble/tools";
import { type Exercise, type ExerciseKind, lookupExercise, normaliseExercise } from "../exercises.ts";
import {
  EPLEY_MAX_REPS,
  epleyOneRepMax,
  formatPace,
  fromKg,
  fromMetres,
  round,
  toKg,
  toMetres,
  type DistanceUnit,
  type MassUnit,
} from "../stats.ts";
import { checkNotFuture, storedResult } from "./body-metrics.ts";
import { BadRequest, type StoreContext, type WriteContext, isUniqueViolation, newId } from "./context.ts";
import { type UnitSource, usualLoadUnit, usualMassUnit } from "./units.ts";

/** Loads above this are typing mistakes: the heaviest lifts ever made are about 500 kg. */
const MAX_LOAD_KG = 600;
/**
 * The fastest a session can go, km/h, above any human's sustained speed: "ran 1000 km in 10 min"
 * is a misread number, not a record. On foot (a marathon record is about 21 km/h), swimming,
 * anything else (cycling, rowing, skating).
 */
const MAX_SPEED_KMH = { onFoot: 30, swimming: 10, other: 90 } as const;
const ON_FOOT = /\b(?:run|running|jog|jogging|walk|walking|hike|hiking|sprint|parkrun|marathon|trail)\b/;
const SWIMMING = /\bswim/;

function maxSpeedKmh(exerciseName: string): number {
  if (ON_FOOT.test(exerciseName)) return MAX_SPEED_KMH.onFoot;
  if (SWIMMING.test(exerciseName)) return MAX_SPEED_KMH.swimming;
  return MAX_SPEED_KMH.other;
}

/** Shorter efforts than this do not count for best paces: a 200 m dash is not a running pace. */
export const MIN_PACE_DISTANCE_M: Record<string, number> = { swimming: 100, rowing: 500 };
const DEFAULT_MIN_PACE_DISTANCE_M = 1000;

export function minimumPaceDistance(activity: string): number {
  return MIN_PACE_DISTANCE_M[activity] ?? DEFAULT_MIN_PACE_DISTANCE_M;
}

export type NewRecord = {
  exercise: string;
  record: "heaviest set" | "estimated 1RM" | "most reps" | "best pace";
  /** In `unit`: a load, a rep count, or a pace as text. */
  value: number | string;
  unit: string;
  previous: number | string;
};

export type LoggedExercise = WorkoutExercise & {
  /** Volume in the unit the loads were given in. */
  volume: number;
  /** Best estimated 1RM (Epley) of the sets, in the load unit. */
  bestE1rm: number | null;
  pace: string | null;
};

export type LogWorkoutResult = {
  workoutId: string;
  date: string;
  time: string | null;
  title: string | null;
  type: WorkoutSession["type"];
  durationMinutes: number | null;
  exercises: LoggedExercise[];
  /** The unit loads without one were read in, and whether any load needed it. */
  loadUnit: MassUnit;
  unitAssumed: boolean;
  /** Where loads without a unit got theirs: another load in the message, the user's history, or the kg default. */
  unitSource: UnitSource;
  newRecords: NewRecord[];
  duplicate?: boolean;
};

interface PlannedSet {
  reps: number;
  loadKg: number | null;
  inputLoad: number | null;
  inputUnit: MassUnit | null;
  assumed: boolean;
}

interface PlannedExercise {
  id: string;
  exercise: Exercise;
  sets: PlannedSet[];
  groups: WorkoutSetGroup[];
  distanceM: number | null;
  distanceUnit: DistanceUnit | null;
  inputDistance: number | null;
  durationS: number | null;
  notes: string | null;
}

function inferKind(args: ExerciseArguments): ExerciseKind {
  if (args.sets !== undefined) return "strength";
  if (args.distance !== undefined) return "cardio";
  return "session";
}

/** The canonical exercise, with the one ambiguity the fields settle: "rows" with sets are barbell rows. */
function resolveExercise(args: ExerciseArguments): Exercise {
  const kind = inferKind(args);
  const exercise = normaliseExercise(args.name, kind);
  if (exercise.name === "rowing" && kind === "strength") return lookupExercise("barbell row") ?? exercise;
  return exercise;
}

function workoutType(kinds: ExerciseKind[]): WorkoutSession["type"] {
  const distinct = new Set(kinds);
  if (distinct.size === 1) return kinds[0]!;
  return "mixed";
}

function volumeOf(sets: { reps: number; load: number | null }[]): number {
  return sets.reduce((sum, set) => sum + (set.load === null ? 0 : set.load * set.reps), 0);
}

function paceSecondsPerKm(distanceM: number | null, durationS: number | null): number | null {
  if (distanceM === null || durationS === null || distanceM <= 0) return null;
  return durationS / (distanceM / 1000);
}

export async function logWorkout(context: WriteContext, args: LogWorkoutArguments): Promise<LogWorkoutResult> {
  const { db, userId } = context;
  const replay = await storedResult<LogWorkoutResult>(db, "workouts", context);
  if (replay !== null) return replay;

  const date = args.date ?? context.today;
  checkNotFuture(date, context.today);
  // A load without a unit takes the unit of another load in the same workout ("60 kg, then 3x5 at
  // 70"), else the user's usual unit from their history, else kg.
  const unitless = args.exercises.some((exercise) =>
    exercise.sets?.some((set) => set.load !== undefined && set.unit === undefined),
  );
  const explicit = args.exercises
    .flatMap((exercise) => exercise.sets ?? [])
    .find((set) => set.unit !== undefined)?.unit;
  const needsUnit = unitless && explicit === undefined;
  const fromHistory = needsUnit ? await usualMassUnit(db, userId, "load") : null;
  const usual: MassUnit = explicit ?? fromHistory?.unit ?? "kg";
  const unitSource: UnitSource = fromHistory?.source ?? "message";

  const planned: PlannedExercise[] = args.exercises.map((exerciseArgs) => {
    const exercise = resolveExercise(exerciseArgs);
    const sets: PlannedSet[] = [];
    const groups: WorkoutSetGroup[] = [];
    for (const group of exerciseArgs.sets ?? []) {
      const unit: MassUnit | null = group.load === undefined ? null : (group.unit ?? usual);
      const loadKg = group.load === undefined || unit === null ? null : toKg(group.load, unit);
      if (loadKg !== null && loadKg > MAX_LOAD_KG) {
        throw new BadRequest(
          `a load of ${group.load} ${unit} on ${exercise.name} is more than ${MAX_LOAD_KG} kg; check the number and unit`,
        );
      }
      groups.push({
        count: group.count,
        reps: group.reps,
        load: group.load ?? null,
        unit,
        loadKg: loadKg === null ? null : round(loadKg, 2),
      });
      for (let index = 0; index < group.count; index++) {
        sets.push({
          reps: group.reps,
          loadKg,
          inputLoad: group.load ?? null,
          inputUnit: unit,
          assumed: group.load !== undefined && group.unit === undefined,
        });
      }
    }
    if (sets.length > 200) throw new BadRequest(`${exercise.name} has ${sets.length} sets; at most 200 per exercise`);
    const distanceUnit = exerciseArgs.distance === undefined ? null : exerciseArgs.distanceUnit;
    if (exerciseArgs.distance !== undefined && exerciseArgs.durationMinutes !== undefined) {
      const kmh =
        toMetres(exerciseArgs.distance, exerciseArgs.distanceUnit) / 1000 / (exerciseArgs.durationMinutes / 60);
      const limit = maxSpeedKmh(exercise.name);
      if (kmh > limit) {
        throw new BadRequest(
          `${exercise.name} ${exerciseArgs.distance} ${exerciseArgs.distanceUnit} in ${exerciseArgs.durationMinutes} min is ${Math.round(kmh)} km/h, faster than ${limit} km/h; check the distance and time`,
        );
      }
    }
    return {
      id: newId(),
      exercise,
      sets,
      groups,
      distanceM:
        exerciseArgs.distance === undefined ? null : toMetres(exerciseArgs.distance, exerciseArgs.distanceUnit),
      distanceUnit,
      inputDistance: exerciseArgs.distance ?? null,
      durationS: exerciseArgs.durationMinutes === undefined ? null : exerciseArgs.durationMinutes * 60,
      notes: exerciseArgs.notes ?? null,
    };
  });

  const newRecords = await findNewRecords(context, planned, usual);
  const exerciseDurations = planned.map((item) => item.durationS).filter((value): value is number => value !== null);
  const durationMinutes =
    args.durationMinutes ??
    (exerciseDurations.length > 0 ? round(exerciseDurations.reduce((sum, value) => sum + value, 0) / 60, 1) : null);
  const workoutId = newId();
  const type = workoutType(planned.map((item) => item.exercise.kind));

  const exercises: LoggedExercise[] = planned.map((item) => {
    const loadUnit = item.groups.find((group) => group.unit !== null)?.unit ?? usual;
    const volumeKg = volumeOf(item.sets.map((set) => ({ reps: set.reps, load: set.loadKg })));
    const e1rms = item.sets
      .map((set) => (set.loadKg === null ? null : epleyOneRepMax(set.loadKg, set.reps)))
      .filter((value): value is number => value !== null);
    const pace = paceSecondsPerKm(item.distanceM, item.durationS);
    return {
      name: item.exercise.name,
      muscleGroup: item.exercise.muscleGroup,
      kind: item.exercise.kind,
      sets: item.groups,
      volumeKg: round(volumeKg, 1),
      volume: round(fromKg(volumeKg, loadUnit), 1),
      bestE1rm: e1rms.length > 0 ? round(fromKg(Math.max(...e1rms), loadUnit), 1) : null,
      distance: item.inputDistance,
      distanceUnit: item.distanceUnit,
      distanceKm: item.distanceM === null ? null : round(item.distanceM / 1000, 3),
      durationMinutes: item.durationS === null ? null : round(item.durationS / 60, 2),
      paceSecondsPerKm: pace === null ? null : round(pace, 1),
      pace: pace === null ? null : formatPace(pace, item.distanceUnit === "mi" ? "mi" : "km"),
      notes: item.notes,
    };
  });

  const result: LogWorkoutResult = {
    workoutId,
    date,
    time: args.time ?? null,
    title: args.title ?? null,
    type,
    durationMinutes,
    exercises,
    loadUnit: usual,
    unitAssumed: needsUnit,
    unitSource,
    newRecords,
  };

  const createdAt = new Date().toISOString();
  const statements: D1PreparedStatement[] = [
    db
      .prepare(
        `INSERT INTO workouts (id, user_id, idempotency_key, performed_on, performed_time, title, type, duration_min, notes, result_json, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`,
      )
      .bind(
        workoutId,
        userId,
        context.idempotencyKey,
        date,
        args.time ?? null,
        args.title ?? null,
        type,
        durationMinutes,
        args.notes ?? null,
        JSON.stringify(result),
        createdAt,
      ),
  ];
  planned.forEach((item, position) => {
    statements.push(
      db
        .prepare(
          `INSERT INTO workout_exercises (id, workout_id, user_id, position, name, muscle_group, kind, distance_m, input_distance_unit, duration_s, notes)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`,
        )
        .bind(
          item.id,
          workoutId,
          userId,
          position,
          item.exercise.name,
          item.exercise.muscleGroup,
          item.exercise.kind,
          item.distanceM,
          item.distanceUnit,
          item.durationS,
          item.notes,
        ),
    );
    item.sets.forEach((set, setPosition) => {
      statements.push(
        db
          .prepare(
            `INSERT INTO exercise_sets (exercise_id, workout_id, user_id, position, reps, load_kg, input_load, input_unit, unit_assumed)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
          )
          .bind(
            item.id,
            workoutId,
            userId,
            setPosition,
            set.reps,
            set.loadKg,
            set.inputLoad,
            set.inputUnit,
            set.assumed ? 1 : 0,
          ),
      );
    });
  });
  try {
    await db.batch(statements);
  } catch (error) {
    if (isUniqueViolation(error)) {
      const winner = await storedResult<LogWorkoutResult>(db, "workouts", context);
      if (winner !== null) return winner;
    }
    throw error;
  }
  return result;
}

interface BestRow {
  heaviest: number | null;
  best_e1rm: number | null;
  most_reps: number | null;
}

/** Records this workout beats, against the user's history before it. A first log of an exercise sets no "record". */
async function findNewRecords(context: StoreContext, planned: PlannedExercise[], unit: MassUnit): Promise<NewRecord[]> {
  const records: NewRecord[] = [];
  for (const item of planned) {
    const name = item.exercise.name;
    if (item.sets.length > 0) {
      const best = await context.db
        .prepare(
          `SELECT MAX(s.load_kg) AS heaviest,
                  MAX(CASE WHEN s.load_kg IS NULL THEN NULL WHEN s.reps = 1 THEN s.load_kg WHEN s.reps <= ${EPLEY_MAX_REPS} THEN s.load_kg * (1 + s.reps / 30.0) END) AS best_e1rm,
                  MAX(CASE WHEN s.load_kg IS NULL THEN s.reps END) AS most_reps
           FROM exercise_sets s JOIN workout_exercises e ON e.id = s.exercise_id
           WHERE s.user_id = ?1 AND e.user_id = ?1 AND e.name = ?2`,
        )
        .bind(context.userId, name)
        .first<BestRow>();
      const loads = item.sets.map((set) => set.loadKg).filter((value): value is number => value !== null);
      const heaviest = loads.length > 0 ? Math.max(...loads) : null;
      const e1rms = item.sets
        .map((set) => (set.loadKg === null ? null : epleyOneRepMax(set.loadKg, set.reps)))
        .filter((value): value is number => value !== null);
      const bestE1rm = e1rms.length > 0 ? Math.max(...e1rms) : null;
      const bodyweightReps = item.sets.filter((set) => set.loadKg === null).map((set) => set.reps);
      const mostReps = bodyweightReps.length > 0 ? Math.max(...bodyweightReps) : null;
      const display = (kg: number) => round(fromKg(kg, unit), 1);
      // Compare rounded values: a re-logged equal set is not a record because of float noise.
      if (heaviest !== null && best?.heaviest != null && display(heaviest) > display(best.heaviest)) {
        records.push({
          exercise: name,
          record: "heaviest set",
          value: display(heaviest),
          unit,
          previous: display(best.heaviest),
        });
      }
      if (bestE1rm !== null && best?.best_e1rm != null && display(bestE1rm) > display(best.best_e1rm)) {
        records.push({
          exercise: name,
          record: "estimated 1RM",
          value: display(bestE1rm),
          unit,
          previous: display(best.best_e1rm),
        });
      }
      if (mostReps !== null && best?.most_reps != null && mostReps > best.most_reps) {
        records.push({ exercise: name, record: "most reps", value: mostReps, unit: "reps", previous: best.most_reps });
      }
    }
    const pace = paceSecondsPerKm(item.distanceM, item.durationS);
    if (pace !== null && item.distanceM !== null && item.distanceM >= minimumPaceDistance(name)) {
      const best = await context.db
        .prepare(
          `SELECT MIN(e.duration_s / (e.distance_m / 1000.0)) AS best_pace FROM workout_exercises e
           WHERE e.user_id = ?1 AND e.name = ?2 AND e.distance_m >= ?3 AND e.duration_s IS NOT NULL`,
        )
        .bind(context.userId, name, minimumPaceDistance(name))
        .first<{ best_pace: number | null }>();
      if (best?.best_pace != null && Math.round(pace) < Math.round(best.best_pace)) {
        const paceUnit = item.distanceUnit === "mi" ? "mi" : "km";
        records.push({
          exercise: name,
          record: "best pace",
          value: formatPace(pace, paceUnit),
          unit: `per ${paceUnit}`,
          previous: formatPace(best.best_pace, paceUnit),
        });
      }
    }
  }
  return records;
}

export interface WorkoutFilters {
  from: string;
  to: string;
  /** A name as the user or model gave it; matched after normalisation. */
  exercise?: string;
  type?: ExerciseKind;
}

interface WorkoutRow {
  id: string;
  performed_on: string;
  performed_time: string | null;
  title: string | null;
  type: WorkoutSession["type"];
  duration_min: number | null;
  notes: string | null;
}

interface ExerciseRow {
  id: string;
  workout_id: string;
  name: string;
  muscle_group: string;
  kind: ExerciseKind;
  distance_m: number | null;
  input_distance_unit: DistanceUnit | null;
  duration_s: number | null;
  notes: string | null;
}

interface SetRow {
  exercise_id: string;
  reps: number;
  load_kg: number | null;
  input_load: number | null;
  input_unit: MassUnit | null;
}

/** Consecutive identical sets as one group: 5 rows of 5 at 100 kg -> { count: 5, reps: 5, load: 100 }. */
function groupSets(rows: SetRow[]): WorkoutSetGroup[] {
  const groups: WorkoutSetGroup[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last !== undefined && last.reps === row.reps && last.load === row.input_load && last.unit === row.input_unit) {
      last.count += 1;
    } else {
      groups.push({
        count: 1,
        reps: row.reps,
        load: row.input_load,
        unit: row.input_unit,
        loadKg: row.load_kg === null ? null : round(row.load_kg, 2),
      });
    }
  }
  return groups;
}

/** Every session in the range (oldest first) with its exercises and sets, and the period's totals. */
export async function listWorkouts(context: StoreContext, filters: WorkoutFilters): Promise<WorkoutsReply> {
  const { db, userId } = context;
  const range = [userId, filters.from, filters.to] as const;
  const [workouts, exercises, sets] = await db.batch([
    db
      .prepare(
        `SELECT id, performed_on, performed_time, title, type, duration_min, notes FROM workouts
         WHERE user_id = ?1 AND performed_on BETWEEN ?2 AND ?3 ORDER BY performed_on, performed_time, created_at`,
      )
      .bind(...range),
    db
      .prepare(
        `SELECT e.id, e.workout_id, e.name, e.muscle_group, e.kind, e.distance_m, e.input_distance_unit, e.duration_s, e.notes
         FROM workout_exercises e JOIN workouts w ON w.id = e.workout_id
         WHERE w.user_id = ?1 AND e.user_id = ?1 AND w.performed_on BETWEEN ?2 AND ?3 ORDER BY e.workout_id, e.position`,
      )
      .bind(...range),
    db
      .prepare(
        `SELECT s.exercise_id, s.reps, s.load_kg, s.input_load, s.input_unit
         FROM exercise_sets s JOIN workouts w ON w.id = s.workout_id
         WHERE w.user_id = ?1 AND s.user_id = ?1 AND w.performed_on BETWEEN ?2 AND ?3 ORDER BY s.exercise_id, s.position`,
      )
      .bind(...range),
  ]);
  const loadUnit = await usualLoadUnit(db, userId);
  const wanted = filters.exercise === undefined ? null : normaliseExercise(filters.exercise, "strength").name;

  const setsByExercise = new Map<string, SetRow[]>();
  for (const row of (sets?.results ?? []) as SetRow[]) {
    const list = setsByExercise.get(row.exercise_id) ?? [];
    list.push(row);
    setsByExercise.set(row.exercise_id, list);
  }
  const exercisesByWorkout = new Map<string, WorkoutExercise[]>();
  for (const row of (exercises?.results ?? []) as ExerciseRow[]) {
    if (wanted !== null && row.name !== wanted) continue;
    if (filters.type !== undefined && row.kind !== filters.type) continue;
    const setRows = setsByExercise.get(row.id) ?? [];
    const pace = paceSecondsPerKm(row.distance_m, row.duration_s);
    const list = exercisesByWorkout.get(row.workout_id) ?? [];
    list.push({
      name: row.name,
      muscleGroup: row.muscle_group,
      kind: row.kind,
      sets: groupSets(setRows),
      volumeKg: round(volumeOf(setRows.map((set) => ({ reps: set.reps, load: set.load_kg }))), 1),
      distance:
        row.distance_m === null || row.input_distance_unit === null
          ? null
          : round(fromMetres(row.distance_m, row.input_distance_unit), 2),
      distanceUnit: row.distance_m === null ? null : row.input_distance_unit,
      distanceKm: row.distance_m === null ? null : round(row.distance_m / 1000, 3),
      durationMinutes: row.duration_s === null ? null : round(row.duration_s / 60, 2),
      paceSecondsPerKm: pace === null ? null : round(pace, 1),
      notes: row.notes,
    });
    exercisesByWorkout.set(row.workout_id, list);
  }

  const sessions: WorkoutSession[] = [];
  for (const row of (workouts?.results ?? []) as WorkoutRow[]) {
    const list = exercisesByWorkout.get(row.id) ?? [];
    if ((wanted !== null || filters.type !== undefined) && list.length === 0) continue;
    sessions.push({
      id: row.id,
      date: row.performed_on,
      time: row.performed_time,
      title: row.title,
      type: row.type,
      durationMinutes: row.duration_min,
      notes: row.notes,
      exercises: list,
    });
  }
  return summariseSessions(filters.from, filters.to, loadUnit, sessions);
}

export function summariseSessions(
  from: string,
  to: string,
  loadUnit: MassUnit,
  sessions: WorkoutSession[],
): WorkoutsReply {
  const volumeByExercise: Record<string, number> = {};
  const setsByMuscleGroup: Record<string, number> = {};
  const sessionsByType: Record<string, number> = {};
  const activities: Record<string, number> = {};
  let setCount = 0;
  let volumeKg = 0;
  let distanceKm = 0;
  let durationMinutes = 0;
  for (const session of sessions) {
    sessionsByType[session.type] = (sessionsByType[session.type] ?? 0) + 1;
    const exerciseMinutes = session.exercises.reduce((sum, exercise) => sum + (exercise.durationMinutes ?? 0), 0);
    durationMinutes += session.durationMinutes ?? exerciseMinutes;
    for (const exercise of session.exercises) {
      const sets = exercise.sets.reduce((sum, group) => sum + group.count, 0);
      if (exercise.kind === "strength") {
        setCount += sets;
        if (sets > 0) setsByMuscleGroup[exercise.muscleGroup] = (setsByMuscleGroup[exercise.muscleGroup] ?? 0) + sets;
        volumeKg += exercise.volumeKg;
        if (exercise.volumeKg > 0)
          volumeByExercise[exercise.name] = (volumeByExercise[exercise.name] ?? 0) + exercise.volumeKg;
      } else {
        activities[exercise.name] = (activities[exercise.name] ?? 0) + 1;
      }
      distanceKm += exercise.distanceKm ?? 0;
    }
  }
  for (const name of Object.keys(volumeByExercise))
    volumeByExercise[name] = round(fromKg(volumeByExercise[name]!, loadUnit), 1);
  return {
    from,
    to,
    loadUnit,
    sessions,
    totals: {
      sessions: sessions.length,
      sets: setCount,
      volume: round(fromKg(volumeKg, loadUnit), 1),
      volumeKg: round(volumeKg, 1),
      distanceKm: round(distanceKm, 2),
      durationMinutes: round(durationMinutes, 1),
    },
    volumeByExercise,
    setsByMuscleGroup,
    sessionsByType,
    activities,
  };
}
