// Tool-level tests: each executor against the real D1 schema, called as the tool runner would.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type ToolContext, executeProtocolTool } from "./tools.ts";

const TABLES = [
  "protocol_items",
  "protocol_schedules",
  "protocol_pauses",
  "protocol_intakes",
  "protocol_requests",
] as const;

function context(userId: string, now = "2026-11-18T09:30:00.000Z", requestId = crypto.randomUUID()): ToolContext {
  return { db: env.DB, userId, requestId, now: new Date(now) };
}

async function rowCounts(userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE user_id = ?`)
      .bind(userId)
      .first<{ n: number }>();
    counts[table] = row?.n ?? 0;
  }
  return counts;
}

// Tool results are JSON the tests read deep into; typing every shape here would only restate the code.
// oxlint-disable-next-line typescript/no-explicit-any
async function run(ctx: ToolContext, name: string, args: Record<string, unknown>, callIndex = 0): Promise<any> {
  const result = await executeProtocolTool(ctx, name, args, callIndex);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
  return result.value;
}

function newUser(): string {
  return `user-${crypto.randomUUID()}`;
}

describe("create_protocol and list_protocols", () => {
  it("creates an item with a readable schedule and lists it as active", async () => {
    const user = newUser();
    const created = await run(context(user), "create_protocol", {
      name: "fish oil",
      dose: 2,
      unit: "softgels",
      timesPerDay: 2,
      withMeals: true,
    });
    expect(created).toMatchObject({
      created: true,
      item: {
        name: "Fish oil",
        dose: 2,
        unit: "capsules",
        timesPerDay: 2,
        withMeals: true,
        status: "active",
        startDate: "2026-11-18",
      },
    });
    expect(created.item.description).toBe("2 capsules twice a day with meals");

    await run(context(user), "create_protocol", { name: "vitamin D3", dose: 2000, unit: "iu", timeOfDay: ["morning"] });
    const list = await run(context(user), "list_protocols", {});
    expect(list.counts).toEqual({ active: 2, paused: 0, stopped: 0 });
    expect(
      list.items.map((item: { name: string; description: string }) => `${item.name}: ${item.description}`),
    ).toEqual(["Fish oil: 2 capsules twice a day with meals", "Vitamin D3: 2000 IU every morning"]);
  });

  it("updates the existing item when the user restates what they take, keeping what they did not restate", async () => {
    const user = newUser();
    await run(context(user), "create_protocol", { name: "creatine", dose: 5, unit: "g", timeOfDay: ["morning"] });
    const again = await run(context(user, "2026-11-20T09:00:00.000Z"), "create_protocol", {
      name: "Creatine monohydrate",
      timesPerDay: 2,
    });
    expect(again).toMatchObject({
      created: false,
      updatedExisting: true,
      previous: "5 g every morning",
      item: { dose: 5, unit: "g", timesPerDay: 2 },
    });
    expect((await rowCounts(user)).protocol_items).toBe(1);
  });

  it("rejects bad input with a clear message and writes nothing", async () => {
    const user = newUser();
    const cases: Record<string, unknown>[] = [
      { name: "creatine", dose: 5 },
      { name: "creatine", dose: -1, unit: "g" },
      { name: "creatine", dose: 5, unit: "teaspoons" },
      { name: "", dose: 5, unit: "g" },
      { name: "creatine", timesPerDay: 1, timeOfDay: ["morning", "evening"] },
      { name: "creatine", daysOfWeek: ["mon", "mon"] },
      { name: "creatine", startDate: "2026-02-30" },
      { name: "creatine", userId: "someone-else" },
    ];
    for (const args of cases) {
      const result = await executeProtocolTool(context(user), "create_protocol", args);
      expect({ args, result }).toMatchObject({ args, result: { ok: false, error: { code: "bad_request" } } });
    }
    const unit = await executeProtocolTool(context(user), "create_protocol", {
      name: "creatine",
      dose: 5,
      unit: "teaspoons",
    });
    expect(!unit.ok && unit.error.message).toMatch(/unit must be one of g, mg, mcg, IU, capsules/);
    expect(await rowCounts(user)).toEqual({
      protocol_items: 0,
      protocol_schedules: 0,
      protocol_pauses: 0,
      protocol_intakes: 0,
      protocol_requests: 0,
    });
  });

  it("refuses unknown tools", async () => {
    const result = await executeProtocolTool(context(newUser()), "delete_everything", {});
    expect(result).toMatchObject({ ok: false, error: { code: "bad_request" } });
  });
});

describe("log_supplement_intake", () => {
  it("matches names loosely and reports the day's tally", async () => {
    const user = newUser();
    await run(context(user), "create_protocol", { name: "fish oil", dose: 1, unit: "capsules", timesPerDay: 2 });
    await run(context(user), "create_protocol", { name: "vitamin D", dose: 2000, unit: "IU" });
    const logged = await run(context(user), "log_supplement_intake", {
      items: [{ name: "my omega-3s" }, { name: "vit d", time: "08:15" }],
    });
    expect(logged.logged).toMatchObject([
      {
        name: "Fish oil",
        said: "my omega-3s",
        newItem: false,
        date: "2026-11-18",
        time: "09:30",
        dose: 1,
        unit: "capsules",
        takenThatDay: 1,
        scheduledThatDay: 2,
      },
      { name: "Vitamin D", said: "vit d", newItem: false, time: "08:15", takenThatDay: 1, scheduledThatDay: 1 },
    ]);
    const second = await run(context(user), "log_supplement_intake", { items: [{ name: "omegas" }] });
    expect(second.logged[0]).toMatchObject({ name: "Fish oil", takenThatDay: 2, scheduledThatDay: 2 });
  });

  it("logs something not in the protocol against one new as-needed item", async () => {
    const user = newUser();
    const logged = await run(context(user), "log_supplement_intake", {
      items: [{ name: "my creatine" }, { name: "creatine", date: "2026-11-17" }],
    });
    expect(logged.logged).toHaveLength(2);
    expect(logged.logged[0]).toMatchObject({ name: "Creatine", newItem: true, scheduledThatDay: 0 });
    expect(logged.logged[1]).toMatchObject({ name: "Creatine", date: "2026-11-17", time: "12:00" });
    expect(logged.logged[0].itemId).toBe(logged.logged[1].itemId);
    const list = await run(context(user), "list_protocols", {});
    expect(list.items).toMatchObject([
      { name: "Creatine", asNeeded: true, description: "as needed", status: "active" },
    ]);

    // Adding it properly later turns the as-needed item into a scheduled one, keeping the intakes.
    const created = await run(context(user), "create_protocol", {
      name: "creatine",
      dose: 5,
      unit: "g",
      startDate: "2026-11-17",
    });
    expect(created).toMatchObject({
      created: false,
      wasAsNeeded: true,
      item: { asNeeded: false, startDate: "2026-11-17" },
    });
    const adherence = await run(context(user), "get_adherence", { from: "2026-11-17", to: "2026-11-18" });
    expect(adherence.items[0]).toMatchObject({ scheduled: 2, taken: 2, missed: 0, percent: 100 });
  });

  it("fails the whole call, writing nothing, when a name is ambiguous or a date is in the future", async () => {
    const user = newUser();
    await run(context(user), "create_protocol", { name: "vitamin D", dose: 1000, unit: "IU" });
    await run(context(user), "create_protocol", { name: "vitamin C", dose: 500, unit: "mg" });
    const before = await rowCounts(user);
    const ambiguous = await executeProtocolTool(context(user), "log_supplement_intake", {
      items: [{ name: "zinc" }, { name: "vitamin" }],
    });
    expect(ambiguous).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(!ambiguous.ok && ambiguous.error.message).toMatch(/could be Vitamin D or Vitamin C/);
    const future = await executeProtocolTool(context(user), "log_supplement_intake", {
      items: [{ name: "vitamin D", date: "2026-11-19" }],
    });
    expect(future).toMatchObject({ ok: false, error: { code: "bad_request" } });
    const empty = await executeProtocolTool(context(user), "log_supplement_intake", { items: [] });
    expect(empty).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await rowCounts(user)).toEqual(before);
  });

  it("notes an intake of a paused or stopped item", async () => {
    const user = newUser();
    await run(context(user), "create_protocol", { name: "creatine", dose: 5, unit: "g" });
    await run(context(user), "create_protocol", { name: "zinc", dose: 25, unit: "mg" });
    await run(context(user), "update_protocol", { item: "creatine", action: "pause" });
    await run(context(user), "update_protocol", { item: "zinc", action: "stop" });
    const logged = await run(context(user), "log_supplement_intake", {
      items: [{ name: "creatine" }, { name: "zinc" }],
    });
    expect(logged.logged).toMatchObject([
      { name: "Creatine", itemStatus: "paused", scheduledThatDay: 0 },
      { name: "Zinc", itemStatus: "stopped", scheduledThatDay: 0 },
    ]);
  });
});

describe("update_protocol", () => {
  it("changes the dose from today on and keeps earlier days on the old schedule", async () => {
    const user = newUser();
    await run(context(user, "2026-11-10T08:00:00.000Z"), "create_protocol", { name: "creatine", dose: 5, unit: "g" });
    const changed = await run(context(user, "2026-11-15T08:00:00.000Z"), "update_protocol", {
      item: "creatine",
      action: "change",
      dose: 10,
      unit: "g",
      timesPerDay: 2,
    });
    expect(changed).toMatchObject({
      action: "change",
      effectiveFrom: "2026-11-15",
      previous: "5 g daily",
      item: { dose: 10, timesPerDay: 2 },
    });
    const adherence = await run(context(user, "2026-11-18T08:00:00.000Z"), "get_adherence", {
      from: "2026-11-10",
      to: "2026-11-17",
    });
    // Nov 10-14 at once a day, Nov 15-17 at twice a day.
    expect(adherence.items[0]).toMatchObject({ scheduled: 5 + 6, taken: 0, missed: 11 });
  });

  it("pauses until a date, resumes, stops, and resumes a stopped item without counting the days off", async () => {
    const user = newUser();
    await run(context(user, "2026-11-01T08:00:00.000Z"), "create_protocol", {
      name: "ashwagandha",
      dose: 600,
      unit: "mg",
    });
    const paused = await run(context(user, "2026-11-03T08:00:00.000Z"), "update_protocol", {
      item: "ashwa",
      action: "pause",
      resumeOn: "2026-11-07",
    });
    expect(paused).toMatchObject({
      action: "pause",
      resumeOn: "2026-11-07",
      pausedDays: 4,
      item: { status: "paused", resumeOn: "2026-11-07" },
    });
    const resumed = await run(context(user, "2026-11-05T08:00:00.000Z"), "update_protocol", {
      item: "ashwagandha",
      action: "resume",
    });
    expect(resumed).toMatchObject({ wasStatus: "paused", item: { status: "active" } });
    const stopped = await run(context(user, "2026-11-08T08:00:00.000Z"), "update_protocol", {
      item: "ashwagandha",
      action: "stop",
    });
    expect(stopped.item).toMatchObject({ status: "stopped", stoppedOn: "2026-11-08" });
    const back = await run(context(user, "2026-11-12T08:00:00.000Z"), "update_protocol", {
      item: "ashwagandha",
      action: "resume",
    });
    expect(back).toMatchObject({ wasStatus: "stopped", item: { status: "active", stoppedOn: null } });
    // Due Nov 1-2, 5-7 and 12: paused 3-4, stopped 8-11.
    const adherence = await run(context(user, "2026-11-12T20:00:00.000Z"), "get_adherence", {
      from: "2026-11-01",
      to: "2026-11-12",
    });
    expect(adherence.items[0]).toMatchObject({ scheduled: 6, missed: 5, pending: 1, pausedDays: 6 });
  });

  it("says already active or already stopped without writing data rows", async () => {
    const user = newUser();
    await run(context(user), "create_protocol", { name: "zinc", dose: 25, unit: "mg" });
    const before = await rowCounts(user);
    expect(await run(context(user), "update_protocol", { item: "zinc", action: "resume" })).toMatchObject({
      alreadyActive: true,
    });
    const after = await rowCounts(user);
    expect({ ...after, protocol_requests: 0 }).toEqual({ ...before, protocol_requests: 0 });
  });

  it("fails clearly for an unknown item, a past resume date or a change without changes", async () => {
    const user = newUser();
    await run(context(user), "create_protocol", { name: "creatine", dose: 5, unit: "g" });
    const before = await rowCounts(user);
    expect(
      await executeProtocolTool(context(user), "update_protocol", { item: "melatonin", action: "stop" }),
    ).toMatchObject({
      ok: false,
      error: { code: "not_found", message: 'no item matches "melatonin"; the items are Creatine' },
    });
    expect(
      await executeProtocolTool(context(user), "update_protocol", {
        item: "creatine",
        action: "pause",
        resumeOn: "2026-11-18",
      }),
    ).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(
      await executeProtocolTool(context(user), "update_protocol", { item: "creatine", action: "change" }),
    ).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(
      await executeProtocolTool(context(user), "update_protocol", {
        item: "creatine",
        action: "stop",
        dose: 5,
        unit: "g",
      }),
    ).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await rowCounts(user)).toEqual(before);
  });
});

describe("get_adherence", () => {
  it("defaults to the last 7 days and lists at most 10 missed doses per item", async () => {
    const user = newUser();
    await run(context(user, "2026-10-01T08:00:00.000Z"), "create_protocol", {
      name: "fish oil",
      dose: 1,
      unit: "capsules",
      timeOfDay: ["morning", "evening"],
    });
    const week = await run(context(user), "get_adherence", {});
    expect(week).toMatchObject({
      from: "2026-11-12",
      to: "2026-11-18",
      totals: { scheduled: 14, taken: 0, missed: 12, pending: 2, percent: 0 },
    });
    expect(week.items[0].missedDoses).toHaveLength(10);
    const item = await run(context(user), "get_adherence", { item: "omega 3", days: 30 });
    expect(item).toMatchObject({ from: "2026-10-20", items: [{ name: "Fish oil", scheduled: 60, missed: 58 }] });
  });

  it("rejects a period that is backwards or too long", async () => {
    const user = newUser();
    expect(
      await executeProtocolTool(context(user), "get_adherence", { from: "2026-11-10", to: "2026-11-01" }),
    ).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(
      await executeProtocolTool(context(user), "get_adherence", { from: "2024-01-01", to: "2026-11-01" }),
    ).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await executeProtocolTool(context(user), "get_adherence", { from: "2026-11-01", days: 3 })).toMatchObject({
      ok: false,
      error: { code: "bad_request" },
    });
  });
});

describe("idempotency and isolation", () => {
  it("answers a retried write from its first run without writing again", async () => {
    const user = newUser();
    const first = await run(
      context(user, undefined, "request-1"),
      "log_supplement_intake",
      { items: [{ name: "creatine" }] },
      0,
    );
    const after = await rowCounts(user);
    const retry = await run(
      context(user, undefined, "request-1"),
      "log_supplement_intake",
      { items: [{ name: "creatine" }] },
      0,
    );
    expect(retry).toEqual(first);
    expect(await rowCounts(user)).toEqual(after);
    // The request's next write is a different write.
    await run(context(user, undefined, "request-1"), "log_supplement_intake", { items: [{ name: "creatine" }] }, 1);
    expect((await rowCounts(user)).protocol_intakes).toBe(2);
  });

  it("refuses a request id reused for a different write", async () => {
    const user = newUser();
    await run(context(user, undefined, "request-2"), "create_protocol", { name: "creatine", dose: 5, unit: "g" }, 0);
    const reused = await executeProtocolTool(
      context(user, undefined, "request-2"),
      "log_supplement_intake",
      { items: [{ name: "creatine" }] },
      0,
    );
    expect(reused).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect((await rowCounts(user)).protocol_intakes).toBe(0);
  });

  it("survives two concurrent runs of the same write", async () => {
    const user = newUser();
    const ctx = context(user, undefined, "request-concurrent");
    const [left, right] = await Promise.all([
      executeProtocolTool(ctx, "create_protocol", { name: "creatine", dose: 5, unit: "g" }),
      executeProtocolTool(ctx, "create_protocol", { name: "creatine", dose: 5, unit: "g" }),
    ]);
    expect(left).toEqual(right);
    expect((await rowCounts(user)).protocol_items).toBe(1);
  });

  it("keeps users apart: same request id, same names, separate data", async () => {
    const alice = newUser();
    const bob = newUser();
    await run(context(alice, undefined, "shared-request"), "create_protocol", { name: "creatine", dose: 5, unit: "g" });
    const bobLog = await run(context(bob, undefined, "shared-request"), "log_supplement_intake", {
      items: [{ name: "creatine" }],
    });
    expect(bobLog.logged[0]).toMatchObject({ newItem: true });
    expect((await run(context(alice), "list_protocols", {})).items).toMatchObject([
      { name: "Creatine", asNeeded: false },
    ]);
    expect((await run(context(bob), "list_protocols", {})).items).toMatchObject([{ name: "Creatine", asNeeded: true }]);
    const aliceAdherence = await run(context(alice), "get_adherence", { days: 1 });
    expect(aliceAdherence.items[0]).toMatchObject({ taken: 0, pending: 1 });
    // Bob cannot reach Alice's item even by its id.
    const aliceItem = (await run(context(alice), "list_protocols", {})).items[0].id;
    expect(
      await executeProtocolTool(context(bob), "update_protocol", { item: aliceItem, action: "stop" }),
    ).toMatchObject({ ok: false });
  });
});
