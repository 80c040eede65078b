// The Worker's RPC methods against D1, with the embedded local engine as the model (AI_PROVIDER=local).
import type { Result, SpecialistReply, SpecialistRequest } from "@ensemble/contracts";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const NOW = "2026-11-28T09:00:00.000Z";

function newUser(): string {
  return `rpc-user-${crypto.randomUUID()}`;
}

function request(userId: string, message: string, extra: Partial<SpecialistRequest> = {}): SpecialistRequest {
  return { userId, requestId: crypto.randomUUID(), message, now: NOW, ...extra };
}

/** The RPC stub's types hide the Result union from narrowing, so the plain type is restored here. */
async function rpcHandle(input: SpecialistRequest): Promise<Result<SpecialistReply>> {
  return (await exports.default.handle(input)) as Result<SpecialistReply>;
}

async function handle(
  userId: string,
  message: string,
  extra: Partial<SpecialistRequest> = {},
): Promise<SpecialistReply> {
  const result = await rpcHandle(request(userId, message, extra));
  if (!result.ok) throw new Error(`handle failed: ${result.error.message}`);
  return result.value;
}

async function count(table: string, userId: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS count FROM ${table} WHERE user_id = ?`)
    .bind(userId)
    .first<{ count: number }>();
  return row?.count ?? 0;
}

describe("handle", () => {
  it("logs a strength session and answers with its numbers", async () => {
    const user = newUser();
    const reply = await handle(user, "squatted 5x5 at 100 kg");
    expect(reply.domain).toBe("metrics-workout");
    expect(reply.toolCalls).toEqual([
      expect.objectContaining({
        name: "log_workout",
        ok: true,
        arguments: {
          exercises: [{ name: "squat", sets: [{ count: 5, reps: 5, load: 100, unit: "kg" }], distanceUnit: "km" }],
        },
      }),
    ]);
    expect(reply.reply).toContain("squat 5×5 @ 100 kg");
    expect(reply.reply).toContain("volume 2,500 kg");
    expect(reply.reply).toContain("est. 1RM 116.7 kg");
    expect(await count("exercise_sets", user)).toBe(5);
  });

  it("a retried request (same requestId) writes once", async () => {
    const user = newUser();
    const sameRequest = request(user, "82.1kg, 17% bf, and 3x10 pull-ups");
    const first = await rpcHandle(sameRequest);
    const retry = await rpcHandle(sameRequest);
    expect(first.ok).toBe(true);
    expect(await count("body_metrics", user)).toBe(2);
    expect(await count("exercise_sets", user)).toBe(3);
    expect(retry).toMatchObject({ ok: true, value: { reply: first.ok ? first.value.reply : "" } });
  });

  it("converts pounds for storage and answers in pounds; a later unitless weight stays in pounds", async () => {
    const user = newUser();
    await handle(user, "weighed in at 181.2 lbs", { now: "2026-11-27T08:00:00.000Z" });
    const reply = await handle(user, "scale says 179.8");
    expect(reply.reply).toContain("Logged 179.8 lb for today");
    expect(reply.reply).toContain("down 1.4 lb from 181.2 lb");
    const stored = await env.DB.prepare(
      "SELECT value, input_unit FROM body_metrics WHERE user_id = ? ORDER BY measured_on DESC LIMIT 1",
    )
      .bind(user)
      .first<{ value: number; input_unit: string }>();
    expect(stored?.input_unit).toBe("lb");
    expect(stored?.value).toBeCloseTo(179.8 * 0.45359237, 4);
  });

  it("reads a load without a unit as kg when there is no history, and says so", async () => {
    const reply = await handle(newUser(), "deadlift: worked up to a single at 180");
    expect(reply.reply).toContain("deadlift 1×1 @ 180 kg");
    expect(reply.reply).toMatch(/No unit given, so I read the loads as kg/);
  });

  it("logs cardio with its pace, and a session without sets", async () => {
    const user = newUser();
    const run = await handle(user, "5k in 27 minutes");
    expect(run.reply).toContain("run 5 km in 27:00 (5:24/km)");
    const yoga = await handle(user, "30 minute yoga");
    expect(yoga.reply).toContain("yoga 30 min");
    expect(await count("workouts", user)).toBe(2);
  });

  it("answers a PR question with real numbers, and a new PR is called out when logged", async () => {
    const user = newUser();
    await handle(user, "bench 3x5 at 100kg", { now: "2026-11-20T18:00:00.000Z" });
    const pr = await handle(user, "benched 105 kg for 3");
    expect(pr.reply).toContain("New PR on bench press: heaviest set 105 kg (previous best 100)");
    const asked = await handle(user, "what's my bench PR?");
    expect(asked.toolCalls.map((call) => call.name)).toEqual(["get_personal_records"]);
    expect(asked.reply).toContain("heaviest set 105 kg × 3 (today)");
    expect(asked.reply).toContain("best estimated 1RM 116.7 kg (from 100 × 5)");
  });

  it("answers trend and goal questions from the data, with arithmetic from the latest weight", async () => {
    const user = newUser();
    const weights: [string, number][] = [
      ["2026-11-14", 82.0],
      ["2026-11-17", 81.6],
      ["2026-11-21", 81.0],
      ["2026-11-24", 80.6],
      ["2026-11-28", 80.0],
    ];
    for (const [day, weight] of weights) await handle(user, `weighed ${weight} kg`, { now: `${day}T07:00:00.000Z` });
    const trend = await handle(user, "how's my weight trending?");
    expect(trend.reply).toContain("Your weight: 80 kg today");
    expect(trend.reply).toContain("down 2 kg");
    const goal = await handle(user, "if I lose 0.5 kg a week when will I reach 75?");
    expect(goal.toolCalls.map((call) => call.name)).toEqual(["get_body_metrics"]);
    // 80 -> 75 at 0.5 kg a week: 10 weeks from 28 Nov 2026 is 6 Feb 2027.
    expect(goal.reply).toContain("you'd reach 75 kg in about 10 weeks, around 6 Feb 2027");
    expect(await count("body_metrics", user)).toBe(5);
  });

  it("never writes for plans, hypotheticals, skipped sessions or someone else", async () => {
    const user = newUser();
    for (const message of [
      "planning to run 10k on Sunday",
      "if I lose 0.5 kg a week when will I reach 75?",
      "skipped the gym",
      "my wife ran a 10k this morning",
      "what would my 1RM be if I did 100 for 5?",
      "I'll do 5x5 squats on Monday",
    ]) {
      const reply = await handle(user, message);
      expect({ message, writes: reply.toolCalls.filter((call) => call.name.startsWith("log_")) }).toEqual({
        message,
        writes: [],
      });
      expect(reply.reply.length).toBeGreaterThan(20);
    }
    expect(await count("workouts", user)).toBe(0);
    expect(await count("body_metrics", user)).toBe(0);
  });

  it("answers an Epley question with the arithmetic", async () => {
    const reply = await handle(newUser(), "what would my 1RM be if I did 100 kg for 5?");
    expect(reply.reply).toContain("estimated 1RM of about 116.7 kg");
  });

  it("keeps users apart", async () => {
    const owner = newUser();
    const other = newUser();
    await handle(owner, "deadlift 1x1 at 200kg");
    const asked = await handle(other, "what's my deadlift PR?");
    expect(asked.reply).toContain("I don't have any deadlift logged yet");
    expect(asked.reply).not.toContain("200");
  });

  it("rejects a malformed request without writing", async () => {
    const result = await exports.default.handle({
      userId: "",
      requestId: "r",
      message: "5x5 squats at 100kg",
      now: NOW,
    });
    expect(result).toMatchObject({ ok: false, error: { code: "bad_request" } });
    const noTime = await exports.default.handle({
      userId: "u",
      requestId: "r",
      message: "5x5 squats",
      now: "yesterday",
    });
    expect(noTime).toMatchObject({ ok: false, error: { code: "bad_request" } });
  });
});

describe("read RPCs for the gateway", () => {
  it("getBodyMetrics returns the series with 7-day moving averages", async () => {
    const user = newUser();
    for (const [day, weight] of [
      ["2026-11-01", 80],
      ["2026-11-03", 79],
      ["2026-11-05", 78],
    ] as const) {
      await handle(user, `weight ${weight} kg`, { now: `${day}T07:00:00.000Z` });
    }
    const result = await exports.default.getBodyMetrics({ userId: user, from: "2026-11-01", to: "2026-11-30" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.series).toHaveLength(1);
    expect(result.value.series[0]).toMatchObject({
      metric: "weight",
      unit: "kg",
      points: [
        { date: "2026-11-01", value: 80, movingAverage7d: 80, count: 1 },
        { date: "2026-11-03", value: 79, movingAverage7d: 79.5, count: 1 },
        { date: "2026-11-05", value: 78, movingAverage7d: 79, count: 1 },
      ],
      changeSinceFirst: -2,
      weeklyRate: -3.5,
    });
    const other = await exports.default.getBodyMetrics({ userId: newUser(), from: "2026-11-01", to: "2026-11-30" });
    expect(other).toEqual({ ok: true, value: { from: "2026-11-01", to: "2026-11-30", series: [] } });
  });

  it("getWorkouts returns full sessions and totals", async () => {
    const user = newUser();
    await handle(user, "squats 5x5 @ 100kg, bench 3x8 at 60kg", { now: "2026-11-23T18:00:00.000Z" });
    await handle(user, "ran 10 km in 52:30", { now: "2026-11-24T07:00:00.000Z" });
    const result = await exports.default.getWorkouts({ userId: user, from: "2026-11-23", to: "2026-11-29" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.totals).toEqual({
      sessions: 2,
      sets: 8,
      volume: 3940,
      volumeKg: 3940,
      distanceKm: 10,
      durationMinutes: 52.5,
    });
    expect(
      result.value.sessions.map((session) => [
        session.date,
        session.type,
        session.exercises.map((exercise) => exercise.name),
      ]),
    ).toEqual([
      ["2026-11-23", "strength", ["squat", "bench press"]],
      ["2026-11-24", "cardio", ["run"]],
    ]);
    expect(result.value.sessions[1]!.exercises[0]).toMatchObject({
      distance: 10,
      distanceUnit: "km",
      durationMinutes: 52.5,
      paceSecondsPerKm: 315,
    });
    const oneDay = await exports.default.getWorkouts({ userId: user, date: "2026-11-24" });
    expect(oneDay.ok && oneDay.value.sessions.length).toBe(1);
  });

  it("daySummary returns the day's workouts and the latest metrics as of that day", async () => {
    const user = newUser();
    await handle(user, "82.4 kg, waist 86 cm", { now: "2026-11-20T07:00:00.000Z" });
    await handle(user, "weighed 81.9kg", { now: "2026-11-25T07:00:00.000Z" });
    await handle(user, "deadlift 3x5 at 140", { now: "2026-11-25T18:00:00.000Z" });
    const result = await exports.default.daySummary({ userId: user, date: "2026-11-25" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.workouts.map((session) => session.exercises.map((exercise) => exercise.name))).toEqual([
      ["deadlift"],
    ]);
    expect(result.value.totals).toMatchObject({ sessions: 1, sets: 3, volumeKg: 2100 });
    expect(result.value.bodyMetrics).toEqual([
      { metric: "weight", date: "2026-11-25", value: 81.9, unit: "kg" },
      { metric: "waist", date: "2026-11-20", value: 86, unit: "cm" },
    ]);
    const before = await exports.default.daySummary({ userId: user, date: "2026-11-21" });
    expect(before.ok && before.value.bodyMetrics.map((metric) => [metric.metric, metric.value])).toEqual([
      ["weight", 82.4],
      ["waist", 86],
    ]);
  });

  it("rejects bad ranges and ids as bad_request", async () => {
    for (const bad of [
      { userId: "", from: "2026-11-01", to: "2026-11-02" },
      { userId: "u", from: "2026-11-10", to: "2026-11-01" },
      { userId: "u", date: "2026-11-01", from: "2026-11-01" },
      { userId: "u", from: "2020-01-01", to: "2026-11-01" },
      { userId: "u", from: "1 Nov" },
    ]) {
      expect(await exports.default.getBodyMetrics(bad)).toMatchObject({
        ok: false,
        error: { code: "bad_request" },
      });
      expect(await exports.default.getWorkouts(bad)).toMatchObject({
        ok: false,
        error: { code: "bad_request" },
      });
    }
    expect(await exports.default.daySummary({ userId: "u", date: "28/11/2026" })).toMatchObject({
      ok: false,
      error: { code: "bad_request" },
    });
  });
});
