// D1 failing in the middle of a workout or body-metric write, made real with a trigger that RAISEs
// on one table for one user: each write is one batch (one transaction), so a failure leaves no
// workout without its exercises and sets, and no measurement entry without its values; the reply
// says nothing was saved, and a retry of the same request writes exactly once.
import { env, exports } from "cloudflare:workers";
import type { Result, SpecialistReply, SpecialistRequest } from "@ensemble/contracts";
import { describe, expect, it } from "vitest";
import { failOn, rowCount } from "../../../scripts/test/d1-faults.ts";

const NOW = "2026-11-28T09:00:00.000Z";

function newUser(label: string): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}`;
}

function request(userId: string, message: string, requestId = crypto.randomUUID()): SpecialistRequest {
  return { userId, requestId, message, now: NOW };
}

async function handle(input: SpecialistRequest): Promise<SpecialistReply> {
  const result = (await exports.default.handle(input)) as Result<SpecialistReply>;
  if (!result.ok) throw new Error(`handle failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const failInserts = (table: string, userId: string) => failOn(env.DB, "INSERT", table, userId);
const rows = (table: string, userId: string) => rowCount(env.DB, table, userId);

async function workoutRows(userId: string) {
  return {
    workouts: await rows("workouts", userId),
    exercises: await rows("workout_exercises", userId),
    sets: await rows("exercise_sets", userId),
  };
}

const SESSION = "squatted 5x5 at 100 kg and benched 3x8 at 60 kg";

describe("log_workout when D1 fails mid-batch", () => {
  it.each([
    ["the sets (the batch's last statements)", "exercise_sets"],
    ["the exercises (between the workout and its sets)", "workout_exercises"],
  ])("stores nothing when %s fail, says so, and a retry of the request logs once", async (_, table) => {
    const user = newUser("d1-workout");
    const same = request(user, SESSION);
    const restore = await failInserts(table, user);
    let reply: SpecialistReply;
    try {
      reply = await handle(same);
    } finally {
      await restore();
    }
    expect(reply.toolCalls).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "log_workout", ok: false })]),
    );
    expect(reply.reply).not.toMatch(/^Logged/);
    expect(await workoutRows(user)).toEqual({ workouts: 0, exercises: 0, sets: 0 });

    await handle(same);
    await handle(same);
    expect(await workoutRows(user)).toEqual({ workouts: 1, exercises: 2, sets: 8 });
  });
});

describe("log_body_metric when D1 fails mid-batch", () => {
  it("stores no entry without its values, says so, and a retry logs once", async () => {
    const user = newUser("d1-metric");
    const same = request(user, "weighed 81.4 kg this morning, waist 86 cm");
    const restore = await failInserts("body_metrics", user);
    let reply: SpecialistReply;
    try {
      reply = await handle(same);
    } finally {
      await restore();
    }
    expect(reply.toolCalls).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "log_body_metric", ok: false })]),
    );
    expect(reply.reply).not.toMatch(/^Logged/);
    expect(await rows("body_metric_entries", user)).toBe(0);
    expect(await rows("body_metrics", user)).toBe(0);

    await handle(same);
    await handle(same);
    expect(await rows("body_metric_entries", user)).toBe(1);
    expect(await rows("body_metrics", user)).toBe(2);
  });
});
