// The user's usual units, read from what they wrote before. A number without a unit ("at 180",
// "scale says 79.9") is read in the unit the user last wrote explicitly, for loads and body weight
// alike when only one of them has history, and in kg when there is no history at all.
import type { MassUnit } from "../stats.ts";

interface UnitRow {
  unit: string;
}

async function lastExplicitLoadUnit(db: D1Database, userId: string): Promise<MassUnit | null> {
  const row = await db
    .prepare(
      `SELECT s.input_unit AS unit FROM exercise_sets s JOIN workouts w ON w.id = s.workout_id
       WHERE s.user_id = ?1 AND w.user_id = ?1 AND s.input_unit IS NOT NULL AND s.unit_assumed = 0
       ORDER BY w.performed_on DESC, w.created_at DESC, s.id DESC LIMIT 1`,
    )
    .bind(userId)
    .first<UnitRow>();
  return row?.unit === "lb" || row?.unit === "kg" ? row.unit : null;
}

async function lastExplicitWeightUnit(db: D1Database, userId: string): Promise<MassUnit | null> {
  const row = await db
    .prepare(
      `SELECT input_unit AS unit FROM body_metrics
       WHERE user_id = ?1 AND metric = 'weight' AND unit_assumed = 0
       ORDER BY measured_on DESC, created_at DESC, id DESC LIMIT 1`,
    )
    .bind(userId)
    .first<UnitRow>();
  return row?.unit === "lb" || row?.unit === "kg" ? row.unit : null;
}

export type UnitSource = "message" | "history" | "default";

/**
 * The unit for a mass without one, and where it came from. For loads: the last load unit the user
 * wrote, else their body-weight unit, else kg; for body weight the other way round.
 */
export async function usualMassUnit(
  db: D1Database,
  userId: string,
  prefer: "load" | "weight",
): Promise<{ unit: MassUnit; source: UnitSource }> {
  const [first, second] =
    prefer === "load" ? [lastExplicitLoadUnit, lastExplicitWeightUnit] : [lastExplicitWeightUnit, lastExplicitLoadUnit];
  const unit = (await first(db, userId)) ?? (await second(db, userId));
  return unit === null ? { unit: "kg", source: "default" } : { unit, source: "history" };
}

export async function usualLoadUnit(db: D1Database, userId: string): Promise<MassUnit> {
  return (await usualMassUnit(db, userId, "load")).unit;
}

export async function usualWeightUnit(db: D1Database, userId: string): Promise<MassUnit> {
  return (await usualMassUnit(db, userId, "weight")).unit;
}

export async function usualCircumferenceUnit(db: D1Database, userId: string): Promise<"cm" | "in"> {
  const row = await db
    .prepare(
      `SELECT input_unit AS unit FROM body_metrics
       WHERE user_id = ?1 AND metric NOT IN ('weight', 'body_fat') AND unit_assumed = 0
       ORDER BY measured_on DESC, created_at DESC, id DESC LIMIT 1`,
    )
    .bind(userId)
    .first<UnitRow>();
  return row?.unit === "in" ? "in" : "cm";
}

export async function usualDistanceUnit(db: D1Database, userId: string): Promise<"km" | "mi"> {
  const row = await db
    .prepare(
      `SELECT e.input_distance_unit AS unit FROM workout_exercises e JOIN workouts w ON w.id = e.workout_id
       WHERE e.user_id = ?1 AND w.user_id = ?1 AND e.input_distance_unit IN ('km', 'mi')
       ORDER BY w.performed_on DESC, w.created_at DESC LIMIT 1`,
    )
    .bind(userId)
    .first<UnitRow>();
  return row?.unit === "mi" ? "mi" : "km";
}
