// Tool executors against the Worker's real D1 database (migrations applied by the test setup).
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { LogBodyMetricResult } from "../src/store/body-metrics.ts";
import type { PersonalRecordsReply } from "../src/store/records.ts";
import type { LogWorkoutResult } from "../src/store/workouts.ts";
import { type BodyMetricsToolResult, type ToolContext, type WorkoutsToolResult, executeTool } from "../src/tools.ts";

interface ToolResults {
  log_body_metric: LogBodyMetricResult;
  log_workout: LogWorkoutResult;
  get_body_metrics: BodyMetricsToolResult;
  get_workouts: WorkoutsToolResult;
  get_personal_records: PersonalRecordsReply;
}

let userNumber = 0;

/** A fresh user per test, so tests never see each other's rows. */
function newUser(): string {
  userNumber += 1;
  return `tools-user-${userNumber}-${crypto.randomUUID().slice(0, 8)}`;
}

function context(userId: string, requestId = crypto.randomUUID(), today = "2026-11-28"): ToolContext {
  let writes = 0;
  return {
    db: env.DB,
    userId,
    today,
    now: `${today}T09:00:00.000Z`,
    nextIdempotencyKey: () => `${requestId}:${writes++}`,
  };
}

async function run<Name extends keyof ToolResults>(
  userId: string,
  name: Name,
  args: unknown,
  today = "2026-11-28",
): Promise<ToolResults[Name]> {
  const result = await executeTool(context(userId, crypto.randomUUID(), today), name, args);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  return result.value as ToolResults[Name];
}

async function rowCount(table: string, userId: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS count FROM ${table} WHERE user_id = ?`)
    .bind(userId)
    .first<{ count: number }>();
  return row?.count ?? 0;
}

async function allRowCounts(userId: string): Promise<number[]> {
  return Promise.all(
    ["body_metric_entries", "body_metrics", "workouts", "workout_exercises", "exercise_sets"].map((table) =>
      rowCount(table, userId),
    ),
  );
}

describe("log_body_metric", () => {
  it("stores pounds as kg and answers in the user's unit", async () => {
    const user = newUser();
    const logged = await run(user, "log_body_metric", { weight: 180, weightUnit: "lb", bodyFatPercent: 18 });
    expect(logged.logged).toEqual([
      { metric: "weight", value: 180, unit: "lb" },
      { metric: "body_fat", value: 18, unit: "%" },
    ]);
    expect(logged.weight?.kg).toBeCloseTo(81.65, 2);
    const stored = await env.DB.prepare(
      "SELECT value, input_value, input_unit FROM body_metrics WHERE user_id = ? AND metric = 'weight'",
    )
      .bind(user)
      .first<{ value: number; input_value: number; input_unit: string }>();
    expect(stored?.value).toBeCloseTo(81.6466, 3);
    expect(stored).toMatchObject({ input_value: 180, input_unit: "lb" });

    const series = await run(user, "get_body_metrics", { metric: "weight" });
    expect(series.series[0]).toMatchObject({
      metric: "weight",
      unit: "lb",
      latest: { date: "2026-11-28", value: 180 },
    });
  });

  it("reads a weight without a unit in the user's usual unit, else kg", async () => {
    const user = newUser();
    const first = await run(user, "log_body_metric", { weight: 79.9 });
    expect(first.weight).toMatchObject({ unit: "kg", unitAssumed: true, unitSource: "default" });

    const poundUser = newUser();
    await run(poundUser, "log_body_metric", { weight: 181, weightUnit: "lb", date: "2026-11-26" });
    const second = await run(poundUser, "log_body_metric", { weight: 180 });
    expect(second.weight).toMatchObject({
      value: 180,
      unit: "lb",
      unitSource: "history",
      change: -1,
      previous: { date: "2026-11-26", value: 181 },
    });
  });

  it("stores circumferences in cm, from inches too", async () => {
    const user = newUser();
    await run(user, "log_body_metric", {
      circumferences: [
        { site: "waist", value: 33, unit: "in" },
        { site: "hips", value: 98, unit: "cm" },
      ],
    });
    const rows = await env.DB.prepare("SELECT metric, value FROM body_metrics WHERE user_id = ? ORDER BY metric")
      .bind(user)
      .all<{ metric: string; value: number }>();
    expect(rows.results.map((row) => [row.metric, Math.round(row.value * 100) / 100])).toEqual([
      ["hips", 98],
      ["waist", 83.82],
    ]);
  });

  it("computes the 7-day moving average, change since first and weekly rate", async () => {
    const user = newUser();
    // Days 1-10 of November, no entry on the 5th, two on the 8th (mean 80.5).
    const entries: [string, number][] = [
      ["2026-11-01", 82.0],
      ["2026-11-02", 81.8],
      ["2026-11-03", 81.9],
      ["2026-11-04", 81.5],
      ["2026-11-06", 81.2],
      ["2026-11-07", 81.0],
      ["2026-11-08", 80.4],
      ["2026-11-08", 80.6],
      ["2026-11-09", 80.7],
      ["2026-11-10", 80.3],
    ];
    for (const [date, weight] of entries) await run(user, "log_body_metric", { weight, weightUnit: "kg", date });
    const reply = await run(user, "get_body_metrics", { metric: "weight", from: "2026-11-01", to: "2026-11-10" });
    const series = reply.series[0]!;
    expect(series.daysWithData).toBe(9);
    const byDate = new Map(series.points.map((point) => [point.date, point]));
    expect(byDate.get("2026-11-08")).toMatchObject({ value: 80.5, count: 2 });
    // 10 Nov: days 4-10 with data are the 4th, 6th, 7th, 8th, 9th and 10th.
    expect(byDate.get("2026-11-10")?.movingAverage7d).toBeCloseTo((81.5 + 81.2 + 81.0 + 80.5 + 80.7 + 80.3) / 6, 2);
    expect(byDate.get("2026-11-01")?.movingAverage7d).toBe(82);
    expect(series.changeSinceFirst).toBeCloseTo(-1.7, 5);
    // Least-squares slope of the nine daily means, per 7 days.
    const days = [1, 2, 3, 4, 6, 7, 8, 9, 10];
    const values = [82.0, 81.8, 81.9, 81.5, 81.2, 81.0, 80.5, 80.7, 80.3];
    const meanX = days.reduce((a, b) => a + b) / days.length;
    const meanY = values.reduce((a, b) => a + b) / values.length;
    const slope =
      days.reduce((sum, x, i) => sum + (x - meanX) * (values[i]! - meanY), 0) /
      days.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
    expect(series.weeklyRate).toBeCloseTo(slope * 7, 2);
  });

  it("uses the six days before the range for the first moving averages", async () => {
    const user = newUser();
    await run(user, "log_body_metric", { weight: 90, weightUnit: "kg", date: "2026-11-10" });
    await run(user, "log_body_metric", { weight: 80, weightUnit: "kg", date: "2026-11-12" });
    const reply = await run(user, "get_body_metrics", { metric: "weight", from: "2026-11-12", to: "2026-11-12" });
    expect(reply.series[0]?.points).toEqual([{ date: "2026-11-12", value: 80, movingAverage7d: 85, count: 1 }]);
  });

  it("shows the last value before an empty period", async () => {
    const user = newUser();
    await run(user, "log_body_metric", { weight: 77.7, weightUnit: "kg", date: "2026-09-01" });
    const reply = await run(user, "get_body_metrics", { metric: "weight" });
    expect(reply.series[0]).toMatchObject({ latest: null, lastBeforePeriod: { date: "2026-09-01", value: 77.7 } });
  });
});

describe("log_workout", () => {
  it("expands set groups into sets, converts lb, and reports e1RM by Epley", async () => {
    const user = newUser();
    const result = await run(user, "log_workout", {
      exercises: [
        { name: "Bench", sets: [{ count: 3, reps: 5, load: 225, unit: "lb" }] },
        { name: "pull ups", sets: [{ count: 3, reps: 10 }] },
      ],
    });
    expect(result.type).toBe("strength");
    const [bench, pullUps] = result.exercises;
    expect(bench).toMatchObject({ name: "bench press", muscleGroup: "chest", volume: 3375, bestE1rm: 262.5 });
    expect(bench?.volumeKg).toBeCloseTo(3375 * 0.45359237, 0);
    expect(pullUps).toMatchObject({ name: "pull-up", muscleGroup: "back", volume: 0, bestE1rm: null });
    const sets = await env.DB.prepare(
      "SELECT reps, load_kg, input_load, input_unit FROM exercise_sets WHERE user_id = ? ORDER BY exercise_id, position",
    )
      .bind(user)
      .all<{ reps: number; load_kg: number | null; input_load: number | null; input_unit: string | null }>();
    expect(sets.results).toHaveLength(6);
    const loaded = sets.results.filter((row) => row.input_unit === "lb");
    expect(loaded).toHaveLength(3);
    expect(loaded[0]?.load_kg).toBeCloseTo(102.058, 2);
  });

  it("normalises exercise names: bench, bench press and BP are one exercise", async () => {
    const user = newUser();
    for (const name of ["bench", "Bench Press", "BP", "benched"]) {
      await run(user, "log_workout", { exercises: [{ name, sets: [{ reps: 5, load: 100, unit: "kg" }] }] });
    }
    const names = await env.DB.prepare("SELECT DISTINCT name FROM workout_exercises WHERE user_id = ?")
      .bind(user)
      .all<{ name: string }>();
    expect(names.results).toEqual([{ name: "bench press" }]);
  });

  it("reads a load without a unit in the unit of another load, the user's history, else kg", async () => {
    const fresh = newUser();
    const defaulted = await run(fresh, "log_workout", {
      exercises: [{ name: "deadlift", sets: [{ reps: 1, load: 180 }] }],
    });
    expect(defaulted).toMatchObject({ loadUnit: "kg", unitAssumed: true, unitSource: "default" });

    const poundUser = newUser();
    await run(
      poundUser,
      "log_workout",
      { exercises: [{ name: "squat", sets: [{ reps: 5, load: 225, unit: "lb" }] }] },
      "2026-11-20",
    );
    const fromHistory = await run(poundUser, "log_workout", {
      exercises: [{ name: "deadlift", sets: [{ reps: 1, load: 180 }] }],
    });
    expect(fromHistory).toMatchObject({ loadUnit: "lb", unitSource: "history" });
    expect(fromHistory.exercises[0]?.sets[0]).toMatchObject({ load: 180, unit: "lb" });
    expect(fromHistory.exercises[0]?.sets[0]?.loadKg).toBeCloseTo(81.65, 2);

    const mixed = await run(newUser(), "log_workout", {
      exercises: [
        {
          name: "bench",
          sets: [
            { count: 3, reps: 8, load: 60, unit: "kg" },
            { count: 2, reps: 5, load: 70 },
          ],
        },
      ],
    });
    expect(mixed).toMatchObject({ loadUnit: "kg", unitSource: "message", unitAssumed: false });
  });

  it("stores cardio in metres and seconds and computes the pace", async () => {
    const user = newUser();
    const result = await run(user, "log_workout", {
      exercises: [{ name: "ran", distance: 5, distanceUnit: "km", durationMinutes: 27 }],
    });
    expect(result.type).toBe("cardio");
    expect(result.exercises[0]).toMatchObject({
      name: "run",
      distance: 5,
      distanceUnit: "km",
      distanceKm: 5,
      durationMinutes: 27,
      paceSecondsPerKm: 324,
      pace: "5:24/km",
    });
    const row = await env.DB.prepare("SELECT distance_m, duration_s FROM workout_exercises WHERE user_id = ?")
      .bind(user)
      .first();
    expect(row).toEqual({ distance_m: 5000, duration_s: 1620 });
  });

  it("logs sessions without sets", async () => {
    const result = await run(newUser(), "log_workout", { exercises: [{ name: "yoga", durationMinutes: 30 }] });
    expect(result).toMatchObject({
      type: "session",
      durationMinutes: 30,
      exercises: [{ name: "yoga", kind: "session", muscleGroup: "mobility", sets: [] }],
    });
  });

  it("flags new records against earlier history only", async () => {
    const user = newUser();
    const first = await run(
      user,
      "log_workout",
      { exercises: [{ name: "squat", sets: [{ count: 5, reps: 5, load: 100, unit: "kg" }] }] },
      "2026-11-20",
    );
    expect(first.newRecords).toEqual([]);
    const second = await run(
      user,
      "log_workout",
      { exercises: [{ name: "squats", sets: [{ reps: 3, load: 110, unit: "kg" }] }] },
      "2026-11-25",
    );
    expect(second.newRecords).toEqual([
      { exercise: "squat", record: "heaviest set", value: 110, unit: "kg", previous: 100 },
      { exercise: "squat", record: "estimated 1RM", value: 121, unit: "kg", previous: 116.7 },
    ]);
    await run(user, "log_workout", { exercises: [{ name: "run", distance: 5, durationMinutes: 30 }] }, "2026-11-21");
    const faster = await run(
      user,
      "log_workout",
      { exercises: [{ name: "run", distance: 5, durationMinutes: 27 }] },
      "2026-11-26",
    );
    expect(faster.newRecords).toEqual([
      { exercise: "run", record: "best pace", value: "5:24/km", unit: "per km", previous: "6:00/km" },
    ]);
  });
});

describe("get_workouts", () => {
  it("sums volume per exercise and counts sets per muscle group and sessions per type", async () => {
    const user = newUser();
    await run(
      user,
      "log_workout",
      {
        exercises: [
          { name: "squat", sets: [{ count: 5, reps: 5, load: 100, unit: "kg" }] },
          { name: "bench", sets: [{ count: 3, reps: 8, load: 60, unit: "kg" }] },
        ],
      },
      "2026-11-23",
    );
    await run(
      user,
      "log_workout",
      { exercises: [{ name: "squat", sets: [{ count: 3, reps: 3, load: 120, unit: "kg" }] }] },
      "2026-11-25",
    );
    await run(user, "log_workout", { exercises: [{ name: "run", distance: 8, durationMinutes: 45 }] }, "2026-11-26");
    await run(user, "log_workout", { exercises: [{ name: "yoga", durationMinutes: 30 }] }, "2026-11-27");
    const reply = await run(user, "get_workouts", { from: "2026-11-23", to: "2026-11-28" });
    expect(reply.totals).toEqual({
      sessions: 4,
      sets: 11,
      volume: 5020,
      volumeKg: 5020,
      distanceKm: 8,
      durationMinutes: 75,
    });
    expect(reply.volumeByExercise).toEqual({ squat: 3580, "bench press": 1440 });
    expect(reply.setsByMuscleGroup).toEqual({ legs: 8, chest: 3 });
    expect(reply.sessionsByType).toEqual({ strength: 2, cardio: 1, session: 1 });
    expect(reply.activities).toEqual({ run: 1, yoga: 1 });
    expect(reply.sessions[0]).toEqual({
      date: "2026-11-23",
      type: "strength",
      exercises: ["squat 5x5 @ 100 kg", "bench press 3x8 @ 60 kg"],
    });

    const squats = await run(user, "get_workouts", { from: "2026-11-23", to: "2026-11-28", exercise: "squats" });
    expect(squats.totals.sessions).toBe(2);
    expect(squats.volumeByExercise).toEqual({ squat: 3580 });
  });

  it("keeps a heavy month's result under the tool loop's 4,000 characters", async () => {
    const user = newUser();
    for (let day = 1; day <= 28; day++) {
      const date = `2026-11-${String(day).padStart(2, "0")}`;
      await run(
        user,
        "log_workout",
        {
          exercises: ["squat", "bench", "deadlift", "ohp", "rows", "pull-ups", "curls", "dips"].map((name) => ({
            name,
            sets: [{ count: 4, reps: 8, load: 50 + day, unit: "kg" }],
          })),
        },
        date,
      );
    }
    const reply = await run(user, "get_workouts", { days: 30 });
    expect(reply.totals.sessions).toBe(28);
    expect(JSON.stringify(reply).length).toBeLessThan(4000);
  });
});

describe("get_personal_records", () => {
  it("finds the heaviest set, the best Epley estimate, most reps and best paces", async () => {
    const user = newUser();
    await run(
      user,
      "log_workout",
      {
        exercises: [
          {
            name: "bench",
            sets: [
              { count: 3, reps: 5, load: 100, unit: "kg" },
              { reps: 1, load: 110, unit: "kg" },
            ],
          },
        ],
      },
      "2026-11-10",
    );
    await run(
      user,
      "log_workout",
      { exercises: [{ name: "pull-ups", sets: [{ reps: 12 }, { reps: 9 }] }] },
      "2026-11-11",
    );
    await run(user, "log_workout", { exercises: [{ name: "run", distance: 5, durationMinutes: 27 }] }, "2026-11-12");
    await run(user, "log_workout", { exercises: [{ name: "run", distance: 10, durationMinutes: 56 }] }, "2026-11-14");
    const all = await run(user, "get_personal_records", {});
    const bench = all.strength.find((record) => record.exercise === "bench press");
    expect(bench?.heaviest).toEqual({ load: 110, unit: "kg", reps: 1, date: "2026-11-10" });
    // 100 x 5 -> 116.7 beats the 110 single.
    expect(bench?.bestE1rm).toEqual({ value: 116.7, unit: "kg", load: 100, reps: 5, date: "2026-11-10" });
    const pullUps = all.strength.find((record) => record.exercise === "pull-up");
    expect(pullUps?.mostReps).toEqual({ reps: 12, date: "2026-11-11" });
    const run5k = all.cardio.find((record) => record.activity === "run");
    expect(run5k?.bestPace).toMatchObject({ pace: "5:24/km", distance: 5, time: "27:00", date: "2026-11-12" });
    expect(run5k?.longest).toMatchObject({ distance: 10, time: "56:00" });
    expect(run5k?.fastestByDistance).toEqual([
      { distance: "5k", time: "27:00", pace: "5:24/km", date: "2026-11-12" },
      { distance: "10k", time: "56:00", pace: "5:36/km", date: "2026-11-14" },
    ]);

    const onlyBench = await run(user, "get_personal_records", { exercise: "BP" });
    expect(onlyBench.exercise).toBe("bench press");
    expect(onlyBench.strength.map((record) => record.exercise)).toEqual(["bench press"]);
    expect(onlyBench.cardio).toEqual([]);
  });

  it("reports records in the user's usual unit", async () => {
    const user = newUser();
    await run(user, "log_workout", { exercises: [{ name: "deadlift", sets: [{ reps: 3, load: 405, unit: "lb" }] }] });
    const records = await run(user, "get_personal_records", { exercise: "deadlift" });
    expect(records.strength[0]?.heaviest).toMatchObject({ load: 405, unit: "lb", reps: 3 });
    expect(records.strength[0]?.bestE1rm?.value).toBeCloseTo(445.5, 1);
  });
});

describe("idempotency, isolation and bad input", () => {
  it("a retried write with the same key stores nothing new and answers the same", async () => {
    const user = newUser();
    const args = { exercises: [{ name: "squat", sets: [{ count: 5, reps: 5, load: 100, unit: "kg" }] }] };
    const first = await executeTool(context(user, "request-1"), "log_workout", args);
    const retry = await executeTool(context(user, "request-1"), "log_workout", args);
    expect(first.ok).toBe(true);
    expect(retry).toEqual({ ok: true, value: { ...(first.ok ? (first.value as object) : {}), duplicate: true } });
    expect(await rowCount("exercise_sets", user)).toBe(5);
    const metric = { weight: 80, weightUnit: "kg" };
    await executeTool(context(user, "request-2"), "log_body_metric", metric);
    await executeTool(context(user, "request-2"), "log_body_metric", metric);
    expect(await rowCount("body_metrics", user)).toBe(1);
    // A new request is a new write.
    await executeTool(context(user, "request-3"), "log_body_metric", metric);
    expect(await rowCount("body_metrics", user)).toBe(2);
  });

  it("concurrent retries of one write store it once", async () => {
    const user = newUser();
    const args = { weight: 81, weightUnit: "kg" };
    const results = await Promise.all(
      [1, 2, 3].map(() => executeTool(context(user, "same-request"), "log_body_metric", args)),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(await rowCount("body_metric_entries", user)).toBe(1);
  });

  it("never shows one user's data to another", async () => {
    const owner = newUser();
    const other = newUser();
    await run(owner, "log_body_metric", { weight: 90, weightUnit: "kg" });
    await run(owner, "log_workout", {
      exercises: [
        { name: "bench", sets: [{ reps: 1, load: 140, unit: "kg" }] },
        { name: "run", distance: 5, durationMinutes: 25 },
      ],
    });
    expect((await run(other, "get_body_metrics", {})).series).toEqual([]);
    expect((await run(other, "get_workouts", {})).totals.sessions).toBe(0);
    const records = await run(other, "get_personal_records", {});
    expect(records.strength).toEqual([]);
    expect(records.cardio).toEqual([]);
    // The same idempotency key under another user is another user's write.
    await executeTool(context(other, "shared-request"), "log_body_metric", { weight: 70, weightUnit: "kg" });
    await executeTool(context(owner, "shared-request"), "log_body_metric", { weight: 91, weightUnit: "kg" });
    expect(await rowCount("body_metrics", other)).toBe(1);
    expect(await rowCount("body_metrics", owner)).toBe(2);
    // Units are per user too: the owner's kg history does not decide the other's unit.
    const otherUnits = await run(other, "log_workout", {
      exercises: [{ name: "squat", sets: [{ reps: 5, load: 225, unit: "lb" }] }],
    });
    expect(otherUnits.loadUnit).toBe("lb");
    expect(
      (await run(owner, "log_workout", { exercises: [{ name: "squat", sets: [{ reps: 5, load: 100 }] }] })).loadUnit,
    ).toBe("kg");
  });

  it.each<[string, string, unknown, RegExp]>([
    [
      "log_workout",
      "zero reps",
      { exercises: [{ name: "squat", sets: [{ reps: 0, load: 100 }] }] },
      /reps must be at least 1/,
    ],
    ["log_workout", "no exercises", { exercises: [] }, /at least one exercise/],
    [
      "log_workout",
      "an impossible load",
      { exercises: [{ name: "squat", sets: [{ reps: 1, load: 700, unit: "kg" }] }] },
      /more than 600 kg/,
    ],
    [
      "log_workout",
      "a run faster than anyone runs",
      { exercises: [{ name: "run", distance: 1000, distanceUnit: "km", durationMinutes: 10 }] },
      /faster than 30 km\/h/,
    ],
    [
      "log_workout",
      "a swim faster than anyone swims",
      { exercises: [{ name: "swimming", distance: 5, distanceUnit: "km", durationMinutes: 10 }] },
      /faster than 10 km\/h/,
    ],
    [
      "log_workout",
      "a date in the future",
      { exercises: [{ name: "run", distance: 5 }], date: "2026-12-25" },
      /in the future/,
    ],
    [
      "log_workout",
      "a date that does not exist",
      { exercises: [{ name: "run", distance: 5 }], date: "2026-02-30" },
      /real calendar date/,
    ],
    [
      "log_workout",
      "a distance too long",
      { exercises: [{ name: "run", distance: 1200, distanceUnit: "km" }] },
      /at most 1000 km/,
    ],
    [
      "log_workout",
      "an unknown field",
      { exercises: [{ name: "squat", sets: [{ reps: 5 }] }], userId: "someone-else" },
      /userId/,
    ],
    ["log_body_metric", "nothing measured", { note: "feeling good" }, /at least one of weight/],
    ["log_body_metric", "an impossible weight", { weight: 500, weightUnit: "kg" }, /outside 20-400 kg/],
    [
      "log_body_metric",
      "a unit without a weight",
      { bodyFatPercent: 20, weightUnit: "kg" },
      /weightUnit needs a weight/,
    ],
    ["log_body_metric", "body fat out of range", { bodyFatPercent: 90 }, /at most 75/],
    ["log_body_metric", "a text weight", { weight: "eighty" }, /weight must be a number/],
    ["get_body_metrics", "a reversed range", { from: "2026-11-20", to: "2026-11-01" }, /from must be on or before to/],
    ["get_workouts", "an unknown type", { type: "dance" }, /type must be/],
    ["get_personal_records", "an empty exercise", { exercise: "  " }, /must not be empty/],
  ])("%s with %s fails as bad_request and writes nothing", async (name, _label, args, message) => {
    const user = newUser();
    const result = await executeTool(context(user), name, args);
    expect(result).toMatchObject({
      ok: false,
      error: { code: "bad_request", message: expect.stringMatching(message) },
    });
    expect(await allRowCounts(user)).toEqual([0, 0, 0, 0, 0]);
  });

  it("an unknown tool is a bad request", async () => {
    const result = await executeTool(context(newUser()), "delete_everything", {});
    expect(result).toMatchObject({ ok: false, error: { code: "bad_request" } });
  });

  it("a workout with one bad exercise writes none of it", async () => {
    const user = newUser();
    const result = await executeTool(context(user), "log_workout", {
      exercises: [
        { name: "bench", sets: [{ reps: 5, load: 100, unit: "kg" }] },
        { name: "squat", sets: [{ reps: 5, load: 1500, unit: "lb" }] },
      ],
    });
    expect(result).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await allRowCounts(user)).toEqual([0, 0, 0, 0, 0]);
  });
});
