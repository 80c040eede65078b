// D1 failing in the middle of a meal write, made real with a trigger that RAISEs on one table for
// one user: the batch is one transaction, so a failure leaves no meal without items, no items
// without a meal, and no half-deleted meal; the reply says nothing was saved, and a retry of the
// same request writes exactly once.
import { env, exports } from "cloudflare:workers";
import type { Result, SpecialistReply, SpecialistRequest } from "@ensemble/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { failOn as failOnTable, rowCount } from "../../../scripts/test/d1-faults.ts";
import { seedFoods } from "../../embedding/test/seed-foods.ts";

beforeAll(() => seedFoods(env.EMBEDDING_DB), 120_000);

const NOW = "2026-11-20T14:00:00.000Z";

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

const failOn = (operation: "INSERT" | "DELETE", table: string, userId: string) =>
  failOnTable(env.DB, operation, table, userId);
const rows = (table: string, userId: string) => rowCount(env.DB, table, userId);

const BREAKFAST = "had two scrambled eggs and a slice of whole wheat toast for breakfast";

describe("log_meal when D1 fails mid-batch", () => {
  it.each([
    ["the items (after the meal row)", "meal_items"],
    ["the meal row (the first statement)", "meals"],
  ])("stores nothing when %s fail, says so, and a retry of the request logs once", async (_, table) => {
    const user = newUser("d1-log");
    const same = request(user, BREAKFAST);
    const restore = await failOn("INSERT", table, user);
    let reply: SpecialistReply;
    try {
      reply = await handle(same);
    } finally {
      await restore();
    }
    const call = reply.toolCalls.find((toolCall) => toolCall.name === "log_meal");
    expect(call).toMatchObject({ ok: false, error: expect.stringMatching(/\S/) });
    expect(reply.reply).not.toMatch(/^Logged/);
    expect(reply.reply).toMatch(/couldn't|could not|not logged|wasn't|failed|try again/i);
    expect(await rows("meals", user)).toBe(0);
    expect(await rows("meal_items", user)).toBe(0);

    const retried = await handle(same);
    expect(retried.toolCalls).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "log_meal", ok: true })]),
    );
    const again = await handle(same);
    expect(again.toolCalls).toEqual(expect.arrayContaining([expect.objectContaining({ name: "log_meal", ok: true })]));
    expect(await rows("meals", user)).toBe(1);
    expect(await rows("meal_items", user)).toBe(2);
  });
});

describe("delete_meal when D1 fails mid-batch", () => {
  it("keeps the whole meal with its items when the items cannot be deleted", async () => {
    const user = newUser("d1-delete");
    await handle(request(user, BREAKFAST));
    expect(await rows("meals", user)).toBe(1);
    const items = await rows("meal_items", user);
    expect(items).toBe(2);

    const restore = await failOn("DELETE", "meal_items", user);
    let reply: SpecialistReply;
    try {
      reply = await handle(request(user, "delete my breakfast"));
    } finally {
      await restore();
    }
    expect(reply.toolCalls).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "delete_meal", ok: false })]),
    );
    expect(reply.reply).not.toMatch(/^Deleted/);
    expect(await rows("meals", user)).toBe(1);
    expect(await rows("meal_items", user)).toBe(items);
    expect(await rows("meal_deletions", user)).toBe(0);

    const deleted = await handle(request(user, "delete my breakfast"));
    expect(deleted.toolCalls).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "delete_meal", ok: true })]),
    );
    expect(await rows("meals", user)).toBe(0);
    expect(await rows("meal_items", user)).toBe(0);
  });
});
