// The meal Worker's D1 access. Every statement takes the user id as its first filter: it comes from
// the gateway over RPC, never from a model's arguments or the message text.
import type { Macros, Meal, MealItem, MealType } from "@ensemble/contracts";
import { sumMacros } from "./macros.ts";

interface MealRow {
  id: string;
  meal_type: MealType;
  eaten_on: string;
  eaten_time: string;
  eaten_at: string;
  energy_kcal: number;
  protein_g: number;
  carbohydrate_g: number;
  fat_g: number;
  logged_at: string;
}

interface ItemRow {
  meal_id: string;
  position: number;
  description: string;
  food_id: number;
  food_name: string;
  quantity: number;
  unit: string;
  grams: number;
  portion: string;
  energy_kcal: number;
  protein_g: number;
  carbohydrate_g: number;
  fat_g: number;
}

export interface NewMeal {
  id: string;
  userId: string;
  idempotencyKey: string;
  mealType: MealType;
  date: string;
  time: string;
  note?: string;
  items: MealItem[];
  loggedAt: string;
}

const MEAL_COLUMNS =
  "id, meal_type, eaten_on, eaten_time, eaten_at, energy_kcal, protein_g, carbohydrate_g, fat_g, logged_at";

function macrosOf(row: { energy_kcal: number; protein_g: number; carbohydrate_g: number; fat_g: number }): Macros {
  return { energyKcal: row.energy_kcal, proteinG: row.protein_g, carbohydrateG: row.carbohydrate_g, fatG: row.fat_g };
}

function toMeal(row: MealRow, items: ItemRow[]): Meal {
  return {
    id: row.id,
    mealType: row.meal_type,
    date: row.eaten_on,
    time: row.eaten_time,
    eatenAt: row.eaten_at,
    items: items
      .sort((left, right) => left.position - right.position)
      .map((item) => ({
        description: item.description,
        foodId: item.food_id,
        foodName: item.food_name,
        quantity: item.quantity,
        unit: item.unit,
        grams: item.grams,
        portion: item.portion,
        macros: macrosOf(item),
      })),
    totals: macrosOf(row),
    loggedAt: row.logged_at,
  };
}

async function withItems(database: D1Database, userId: string, rows: MealRow[]): Promise<Meal[]> {
  if (rows.length === 0) return [];
  const placeholders = rows.map(() => "?").join(", ");
  const { results } = await database
    .prepare(`SELECT * FROM meal_items WHERE user_id = ? AND meal_id IN (${placeholders})`)
    .bind(userId, ...rows.map((row) => row.id))
    .all<ItemRow>();
  const byMeal = new Map<string, ItemRow[]>();
  for (const item of results) byMeal.set(item.meal_id, [...(byMeal.get(item.meal_id) ?? []), item]);
  return rows.map((row) => toMeal(row, byMeal.get(row.id) ?? []));
}

export async function findMealByKey(
  database: D1Database,
  userId: string,
  idempotencyKey: string,
): Promise<Meal | null> {
  const row = await database
    .prepare(`SELECT ${MEAL_COLUMNS} FROM meals WHERE user_id = ? AND idempotency_key = ?`)
    .bind(userId, idempotencyKey)
    .first<MealRow>();
  return row === null ? null : ((await withItems(database, userId, [row]))[0] ?? null);
}

export async function findMeal(database: D1Database, userId: string, mealId: string): Promise<Meal | null> {
  const row = await database
    .prepare(`SELECT ${MEAL_COLUMNS} FROM meals WHERE user_id = ? AND id = ?`)
    .bind(userId, mealId)
    .first<MealRow>();
  return row === null ? null : ((await withItems(database, userId, [row]))[0] ?? null);
}

/**
 * Writes a meal and its items in one D1 batch (one transaction). The meal insert does nothing when
 * the idempotency key was used before, and each item insert only runs when this call's meal row
 * exists, so a retry racing the first attempt can never leave a second meal or orphan items.
 * Returns the stored meal: the new one, or the one an earlier attempt stored.
 */
export async function insertMeal(database: D1Database, meal: NewMeal): Promise<{ meal: Meal; created: boolean }> {
  const totals = sumMacros(meal.items.map((item) => item.macros));
  const eatenAt = `${meal.date}T${meal.time}:00.000Z`;
  const statements = [
    database
      .prepare(
        `INSERT INTO meals (id, user_id, idempotency_key, meal_type, eaten_on, eaten_time, eaten_at, note, energy_kcal, protein_g, carbohydrate_g, fat_g, logged_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (user_id, idempotency_key) DO NOTHING`,
      )
      .bind(
        meal.id,
        meal.userId,
        meal.idempotencyKey,
        meal.mealType,
        meal.date,
        meal.time,
        eatenAt,
        meal.note ?? null,
        totals.energyKcal,
        totals.proteinG,
        totals.carbohydrateG,
        totals.fatG,
        meal.loggedAt,
      ),
    ...meal.items.map((item, position) =>
      database
        .prepare(
          `INSERT INTO meal_items (meal_id, user_id, position, description, food_id, food_name, quantity, unit, grams, portion, energy_kcal, protein_g, carbohydrate_g, fat_g)
           SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
           WHERE EXISTS (SELECT 1 FROM meals WHERE id = ? AND user_id = ?)`,
        )
        .bind(
          meal.id,
          meal.userId,
          position,
          item.description,
          item.foodId,
          item.foodName,
          item.quantity,
          item.unit,
          item.grams,
          item.portion,
          item.macros.energyKcal,
          item.macros.proteinG,
          item.macros.carbohydrateG,
          item.macros.fatG,
          meal.id,
          meal.userId,
        ),
    ),
  ];
  const [mealInsert] = await database.batch(statements);
  const created = (mealInsert?.meta.changes ?? 0) > 0;
  const stored = created
    ? await findMeal(database, meal.userId, meal.id)
    : await findMealByKey(database, meal.userId, meal.idempotencyKey);
  if (stored === null) throw new Error("meal insert left no meal behind");
  return { meal: stored, created };
}

export interface MealFilter {
  from: string;
  to: string;
  mealType?: MealType;
  /** A word the meal's items mention (food name or the user's description). */
  containing?: string;
}

export async function listMeals(
  database: D1Database,
  userId: string,
  filter: MealFilter,
  order: "eaten" | "logged-desc" = "eaten",
  limit = 500,
): Promise<Meal[]> {
  const conditions = ["user_id = ?", "eaten_on BETWEEN ? AND ?"];
  const values: (string | number)[] = [userId, filter.from, filter.to];
  if (filter.mealType !== undefined) {
    conditions.push("meal_type = ?");
    values.push(filter.mealType);
  }
  if (filter.containing !== undefined) {
    conditions.push(
      "id IN (SELECT meal_id FROM meal_items WHERE user_id = ? AND (lower(food_name) LIKE ? ESCAPE '\\' OR lower(description) LIKE ? ESCAPE '\\'))",
    );
    const pattern = `%${filter.containing.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    values.push(userId, pattern, pattern);
  }
  const orderBy = order === "eaten" ? "eaten_at ASC, logged_at ASC, rowid ASC" : "logged_at DESC, rowid DESC";
  const { results } = await database
    .prepare(`SELECT ${MEAL_COLUMNS} FROM meals WHERE ${conditions.join(" AND ")} ORDER BY ${orderBy} LIMIT ?`)
    .bind(...values, limit)
    .all<MealRow>();
  return withItems(database, userId, results);
}

/** The most recently logged meal, whatever day it was eaten. */
export async function lastLoggedMeal(database: D1Database, userId: string): Promise<Meal | null> {
  const row = await database
    .prepare(`SELECT ${MEAL_COLUMNS} FROM meals WHERE user_id = ? ORDER BY logged_at DESC, rowid DESC LIMIT 1`)
    .bind(userId)
    .first<MealRow>();
  return row === null ? null : ((await withItems(database, userId, [row]))[0] ?? null);
}

export interface DayRow {
  date: string;
  mealCount: number;
  totals: Macros;
}

export async function totalsByDay(database: D1Database, userId: string, from: string, to: string): Promise<DayRow[]> {
  const { results } = await database
    .prepare(
      `SELECT eaten_on, count(*) AS meal_count, sum(energy_kcal) AS energy_kcal, sum(protein_g) AS protein_g,
              sum(carbohydrate_g) AS carbohydrate_g, sum(fat_g) AS fat_g
       FROM meals WHERE user_id = ? AND eaten_on BETWEEN ? AND ? GROUP BY eaten_on ORDER BY eaten_on`,
    )
    .bind(userId, from, to)
    .all<{
      eaten_on: string;
      meal_count: number;
      energy_kcal: number;
      protein_g: number;
      carbohydrate_g: number;
      fat_g: number;
    }>();
  return results.map((row) => ({ date: row.eaten_on, mealCount: row.meal_count, totals: sumMacros([macrosOf(row)]) }));
}

export interface Deletion {
  mealId: string;
  summary: string;
  deletedAt: string;
}

export async function findDeletion(
  database: D1Database,
  userId: string,
  idempotencyKey: string,
): Promise<Deletion | null> {
  const row = await database
    .prepare("SELECT meal_id, summary, deleted_at FROM meal_deletions WHERE user_id = ? AND idempotency_key = ?")
    .bind(userId, idempotencyKey)
    .first<{ meal_id: string; summary: string; deleted_at: string }>();
  return row === null ? null : { mealId: row.meal_id, summary: row.summary, deletedAt: row.deleted_at };
}

/**
 * Deletes one meal and its items, and records the deletion under the request's key, in one batch.
 * The deletes only run when the recorded deletion is this one, so a retry that raced the first
 * attempt (and picked the same meal) changes nothing, and no retry can delete a second meal.
 */
export async function deleteMeal(
  database: D1Database,
  userId: string,
  idempotencyKey: string,
  mealId: string,
  summary: string,
  deletedAt: string,
): Promise<boolean> {
  const ours =
    "EXISTS (SELECT 1 FROM meal_deletions WHERE user_id = ? AND idempotency_key = ? AND meal_id = ? AND deleted_at = ?)";
  const results = await database.batch([
    database
      .prepare(
        "INSERT INTO meal_deletions (user_id, idempotency_key, meal_id, summary, deleted_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id, idempotency_key) DO NOTHING",
      )
      .bind(userId, idempotencyKey, mealId, summary, deletedAt),
    database
      .prepare(`DELETE FROM meal_items WHERE user_id = ? AND meal_id = ? AND ${ours}`)
      .bind(userId, mealId, userId, idempotencyKey, mealId, deletedAt),
    database
      .prepare(`DELETE FROM meals WHERE user_id = ? AND id = ? AND ${ours}`)
      .bind(userId, mealId, userId, idempotencyKey, mealId, deletedAt),
  ]);
  return (results[2]?.meta.changes ?? 0) > 0;
}
