// Body metrics: weight, body-fat % and circumferences. Stored in kg, % and cm with the unit the
// user wrote; read back as daily series with a 7-day moving average and a weekly rate.
import { BODY_METRICS, type BodyMetric, type BodyMetricSeries, type BodyMetricsReply } from "@ensemble/contracts";
import type { LogBodyMetricArguments } from "@ensemble/tools";
import {
  addDays,
  dailyMeans,
  fromCm,
  fromKg,
  movingAverages,
  round,
  toCm,
  toKg,
  weeklyRate,
  type MassUnit,
} from "../stats.ts";
import { BadRequest, type StoreContext, type WriteContext, isUniqueViolation, newId } from "./context.ts";
import { type UnitSource, usualCircumferenceUnit, usualMassUnit, usualWeightUnit } from "./units.ts";

/** Body weights outside this range are typing mistakes, not measurements. */
const WEIGHT_KG_RANGE = { min: 20, max: 400 };
const CIRCUMFERENCE_CM_RANGE = { min: 10, max: 250 };

export interface LoggedMetric {
  metric: BodyMetric;
  value: number;
  unit: string;
}

export type LogBodyMetricResult = {
  entryId: string;
  date: string;
  time: string | null;
  logged: LoggedMetric[];
  /** Set when a weight was logged: how it compares with the one before. */
  weight: {
    value: number;
    unit: MassUnit;
    kg: number;
    /** True when the user gave no unit and their usual unit (or kg) was used. */
    unitAssumed: boolean;
    /** Where the unit came from: the message, the user's history, or the kg default. */
    unitSource: UnitSource;
    previous: { date: string; value: number } | null;
    change: number | null;
    movingAverage7d: number;
  } | null;
  /** True when this is a retry of a write already done: nothing new was stored. */
  duplicate?: boolean;
};

interface MetricRow {
  metric: BodyMetric;
  measured_on: string;
  value: number;
}

async function storedResult<T>(
  db: D1Database,
  table: "body_metric_entries" | "workouts",
  context: WriteContext,
): Promise<T | null> {
  const row = await db
    .prepare(`SELECT result_json FROM ${table} WHERE user_id = ?1 AND idempotency_key = ?2`)
    .bind(context.userId, context.idempotencyKey)
    .first<{ result_json: string }>();
  return row === null ? null : ({ ...JSON.parse(row.result_json), duplicate: true } as T);
}

export { storedResult };

/** Writes are for things that happened: a date more than a day ahead (time zones) is a plan. */
export function checkNotFuture(date: string, today: string): void {
  if (date > addDays(today, 1))
    throw new BadRequest(`date ${date} is in the future; only measurements and workouts already done can be logged`);
}

export async function logBodyMetric(context: WriteContext, args: LogBodyMetricArguments): Promise<LogBodyMetricResult> {
  const { db, userId } = context;
  const replay = await storedResult<LogBodyMetricResult>(db, "body_metric_entries", context);
  if (replay !== null) return replay;

  const date = args.date ?? context.today;
  checkNotFuture(date, context.today);
  const time = args.time ?? null;
  const rows: { metric: BodyMetric; value: number; inputValue: number; inputUnit: string; assumed: boolean }[] = [];
  const logged: LoggedMetric[] = [];
  let weight: LogBodyMetricResult["weight"] = null;

  if (args.weight !== undefined) {
    const unitAssumed = args.weightUnit === undefined;
    const usual = unitAssumed ? await usualMassUnit(db, userId, "weight") : null;
    const unit: MassUnit = args.weightUnit ?? usual!.unit;
    const unitSource: UnitSource = usual?.source ?? "message";
    const kg = toKg(args.weight, unit);
    if (kg < WEIGHT_KG_RANGE.min || kg > WEIGHT_KG_RANGE.max) {
      throw new BadRequest(
        `a body weight of ${args.weight} ${unit} is outside ${WEIGHT_KG_RANGE.min}-${WEIGHT_KG_RANGE.max} kg; check the number and unit`,
      );
    }
    rows.push({ metric: "weight", value: kg, inputValue: args.weight, inputUnit: unit, assumed: unitAssumed });
    logged.push({ metric: "weight", value: args.weight, unit });

    const previous = await db
      .prepare(
        `SELECT measured_on, value FROM body_metrics WHERE user_id = ?1 AND metric = 'weight' AND measured_on <= ?2
         ORDER BY measured_on DESC, id DESC LIMIT 1`,
      )
      .bind(userId, date)
      .first<{ measured_on: string; value: number }>();
    const week = await db
      .prepare(
        `SELECT measured_on, value FROM body_metrics WHERE user_id = ?1 AND metric = 'weight' AND measured_on BETWEEN ?2 AND ?3`,
      )
      .bind(userId, addDays(date, -6), date)
      .all<{ measured_on: string; value: number }>();
    const daily = dailyMeans([
      ...week.results.map((row) => ({ date: row.measured_on, value: row.value })),
      { date, value: kg },
    ]);
    const average = movingAverages(daily).at(-1) ?? kg;
    weight = {
      value: args.weight,
      unit,
      kg: round(kg, 2),
      unitAssumed,
      unitSource,
      previous:
        previous === null ? null : { date: previous.measured_on, value: round(fromKg(previous.value, unit), 1) },
      change: previous === null ? null : round(fromKg(kg - previous.value, unit), 1),
      movingAverage7d: round(fromKg(average, unit), 1),
    };
  }

  if (args.bodyFatPercent !== undefined) {
    rows.push({
      metric: "body_fat",
      value: args.bodyFatPercent,
      inputValue: args.bodyFatPercent,
      inputUnit: "%",
      assumed: false,
    });
    logged.push({ metric: "body_fat", value: args.bodyFatPercent, unit: "%" });
  }

  const circumferences = args.circumferences ?? [];
  const usualCircumference = circumferences.some((entry) => entry.unit === undefined)
    ? await usualCircumferenceUnit(db, userId)
    : "cm";
  for (const circumference of circumferences) {
    const unit = circumference.unit ?? usualCircumference;
    const cm = toCm(circumference.value, unit);
    if (cm < CIRCUMFERENCE_CM_RANGE.min || cm > CIRCUMFERENCE_CM_RANGE.max) {
      throw new BadRequest(
        `a ${circumference.site} of ${circumference.value} ${unit} is outside ${CIRCUMFERENCE_CM_RANGE.min}-${CIRCUMFERENCE_CM_RANGE.max} cm`,
      );
    }
    rows.push({
      metric: circumference.site,
      value: cm,
      inputValue: circumference.value,
      inputUnit: unit,
      assumed: circumference.unit === undefined,
    });
    logged.push({ metric: circumference.site, value: circumference.value, unit });
  }

  const entryId = newId();
  const result: LogBodyMetricResult = { entryId, date, time, logged, weight };
  const createdAt = new Date().toISOString();
  const statements = [
    db
      .prepare(
        `INSERT INTO body_metric_entries (id, user_id, idempotency_key, measured_on, measured_time, note, result_json, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
      )
      .bind(entryId, userId, context.idempotencyKey, date, time, args.note ?? null, JSON.stringify(result), createdAt),
    ...rows.map((row) =>
      db
        .prepare(
          `INSERT INTO body_metrics (entry_id, user_id, measured_on, measured_time, metric, value, input_value, input_unit, unit_assumed, created_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)`,
        )
        .bind(
          entryId,
          userId,
          date,
          time,
          row.metric,
          row.value,
          row.inputValue,
          row.inputUnit,
          row.assumed ? 1 : 0,
          createdAt,
        ),
    ),
  ];
  try {
    // One batch is one transaction: the entry and its values are stored together or not at all.
    await db.batch(statements);
  } catch (error) {
    // A concurrent retry won the race for the idempotency key: answer with what it stored.
    if (isUniqueViolation(error)) {
      const winner = await storedResult<LogBodyMetricResult>(db, "body_metric_entries", context);
      if (winner !== null) return winner;
    }
    throw error;
  }
  return result;
}

export interface SeriesOptions {
  from: string;
  to: string;
  metric?: BodyMetric;
  /** Keep only the last this-many points of each series (the summary fields still cover the whole range). */
  maxPoints?: number;
}

/** Daily series of each metric in the range, in the user's units, with 7-day moving averages. */
export async function bodyMetricSeries(context: StoreContext, options: SeriesOptions): Promise<BodyMetricsReply> {
  const { db, userId } = context;
  // The moving average of the first days in range needs the six days before it.
  const readFrom = addDays(options.from, -6);
  const query = options.metric
    ? db
        .prepare(
          `SELECT metric, measured_on, value FROM body_metrics WHERE user_id = ?1 AND metric = ?4 AND measured_on BETWEEN ?2 AND ?3 ORDER BY measured_on, id`,
        )
        .bind(userId, readFrom, options.to, options.metric)
    : db
        .prepare(
          `SELECT metric, measured_on, value FROM body_metrics WHERE user_id = ?1 AND measured_on BETWEEN ?2 AND ?3 ORDER BY measured_on, id`,
        )
        .bind(userId, readFrom, options.to);
  const { results } = await query.all<MetricRow>();
  const weightUnit = await usualWeightUnit(db, userId);
  const circumferenceUnit = await usualCircumferenceUnit(db, userId);

  const series: BodyMetricSeries[] = [];
  for (const metric of BODY_METRICS) {
    const rows = results.filter((row) => row.metric === metric);
    if (rows.length === 0 && options.metric !== metric) continue;
    const unit = metric === "weight" ? weightUnit : metric === "body_fat" ? "%" : circumferenceUnit;
    const convert = (value: number): number =>
      metric === "weight"
        ? fromKg(value, weightUnit)
        : metric === "body_fat"
          ? value
          : fromCm(value, circumferenceUnit);
    const daily = dailyMeans(rows.map((row) => ({ date: row.measured_on, value: convert(row.value) })));
    const averages = movingAverages(daily);
    const inRange = daily
      .map((point, index) => ({ ...point, movingAverage7d: averages[index]! }))
      .filter((point) => point.date >= options.from);
    const first = inRange[0];
    const latest = inRange.at(-1);
    const rate = weeklyRate(inRange);
    const points = inRange.map((point) => ({
      date: point.date,
      value: round(point.value, 2),
      movingAverage7d: round(point.movingAverage7d, 2),
      count: point.count,
    }));
    series.push({
      metric,
      unit,
      points: options.maxPoints === undefined ? points : points.slice(-options.maxPoints),
      daysWithData: points.length,
      first: first ? { date: first.date, value: round(first.value, 2) } : null,
      latest: latest ? { date: latest.date, value: round(latest.value, 2) } : null,
      changeSinceFirst: first && latest ? round(latest.value - first.value, 2) : null,
      weeklyRate: rate === null ? null : round(rate, 2),
    });
  }
  return { from: options.from, to: options.to, series };
}

/** The last value of each metric on or before `date`, in the user's units. */
export type LatestMetric = { metric: BodyMetric; date: string; value: number; unit: string };

export async function latestMetrics(context: StoreContext, date: string): Promise<LatestMetric[]> {
  const { db, userId } = context;
  const { results } = await db
    .prepare(
      `SELECT metric, measured_on, value FROM (
         SELECT metric, measured_on, value, ROW_NUMBER() OVER (PARTITION BY metric ORDER BY measured_on DESC, id DESC) AS position
         FROM body_metrics WHERE user_id = ?1 AND measured_on <= ?2
       ) WHERE position = 1`,
    )
    .bind(userId, date)
    .all<MetricRow>();
  const weightUnit = await usualWeightUnit(db, userId);
  const circumferenceUnit = await usualCircumferenceUnit(db, userId);
  return BODY_METRICS.flatMap((metric): LatestMetric[] => {
    const row = results.find((candidate) => candidate.metric === metric);
    if (row === undefined) return [];
    if (metric === "weight")
      return [{ metric, date: row.measured_on, value: round(fromKg(row.value, weightUnit), 1), unit: weightUnit }];
    if (metric === "body_fat") return [{ metric, date: row.measured_on, value: round(row.value, 1), unit: "%" }];
    return [
      { metric, date: row.measured_on, value: round(fromCm(row.value, circumferenceUnit), 1), unit: circumferenceUnit },
    ];
  });
}
