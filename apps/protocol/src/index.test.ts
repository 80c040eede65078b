// RPC integration tests: the Worker's entrypoint over its real D1 database, as the gateway calls it.
import type { AdherenceReport, ProtocolDaySummary, ProtocolList, SpecialistReply } from "@ensemble/contracts";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

function value<T>(result: unknown): T {
  const outcome = result as { ok: boolean; value?: T; error?: { message: string } };
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.error?.message}`);
  return outcome.value as T;
}

async function send(
  userId: string,
  message: string,
  now: string,
  requestId: string = crypto.randomUUID(),
): Promise<SpecialistReply> {
  return value<SpecialistReply>(await exports.default.handle({ userId, requestId, message, now }));
}

async function rowCount(table: string, userId: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE user_id = ?`)
    .bind(userId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

async function allRows(userId: string): Promise<number> {
  let total = 0;
  for (const table of [
    "protocol_items",
    "protocol_schedules",
    "protocol_pauses",
    "protocol_intakes",
    "protocol_requests",
  ])
    total += await rowCount(table, userId);
  return total;
}

const newUser = () => `user-${crypto.randomUUID()}`;

describe("protocol Worker", () => {
  it("is healthy over RPC", async () => {
    const health = await exports.default.health();
    expect(health).toMatchObject({ worker: "protocol", ok: true });
  });

  it("answers nothing on public routes", async () => {
    for (const route of ["/", "/health", "/v1/chat"]) {
      const response = await exports.default.fetch(`http://protocol${route}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });
});

describe("a week of messages, then adherence", () => {
  // Mon Nov 2 to Sat Nov 7, 2026: creatine every morning, fish oil twice a day, a pause, a miss.
  it("counts doses across schedules, a pause and today's pending doses", async () => {
    const user = newUser();
    const messages: [string, string][] = [
      ["2026-11-02T07:00:00.000Z", "I started creatine today, 5 g every morning"],
      ["2026-11-02T07:01:00.000Z", "Put me on fish oil 2 capsules twice a day with meals"],
      ["2026-11-02T13:00:00.000Z", "took my creatine and fish oil with lunch"],
      ["2026-11-03T08:00:00.000Z", "popped my omega-3s"],
      ["2026-11-03T08:05:00.000Z", "took creatine"],
      ["2026-11-04T09:00:00.000Z", "pause creatine until Friday"],
      ["2026-11-04T13:00:00.000Z", "took vitamin D and fish oil with lunch"],
      ["2026-11-05T20:00:00.000Z", "I didn't take my fish oil today"],
      ["2026-11-06T08:00:00.000Z", "took my creatine"],
      ["2026-11-06T19:00:00.000Z", "fish oil with dinner"],
    ];
    for (const [now, message] of messages) {
      const reply = await send(user, message, now);
      expect(
        reply.toolCalls.every((call) => call.ok),
        `${message}: ${JSON.stringify(reply.toolCalls)}`,
      ).toBe(true);
    }

    // Creatine: due Nov 2, 3, 6, 7 (paused 4-5); taken 2, 3, 6; today's dose pending.
    // Fish oil: due 2 a day for 6 days; taken once on the 2nd, 3rd, 4th and 6th; today's 2 pending.
    const report = value<AdherenceReport>(
      await exports.default.getAdherence({ userId: user, from: "2026-11-02", to: "2026-11-07", today: "2026-11-07" }),
    );
    const byName = Object.fromEntries(report.items.map((item) => [item.name, item]));
    expect(byName["Creatine"]).toMatchObject({
      scheduled: 4,
      taken: 3,
      missed: 0,
      pending: 1,
      pausedDays: 2,
      percent: 100,
    });
    expect(byName["Fish oil"]).toMatchObject({ scheduled: 12, taken: 4, missed: 6, pending: 2, percent: 40 });
    expect(byName["Fish oil"]!.missedDoses.map((dose) => dose.date)).toEqual([
      "2026-11-02",
      "2026-11-03",
      "2026-11-04",
      "2026-11-05",
      "2026-11-05",
      "2026-11-06",
    ]);
    expect(byName["Vitamin D"]).toMatchObject({ asNeeded: true, scheduled: 0, extra: 1 });
    expect(report.totals).toEqual({ scheduled: 16, taken: 7, missed: 6, pending: 3, percent: 54 });

    // The same numbers through the chat, in words.
    const reply = await send(user, "how did I do this week?", "2026-11-07T20:00:00.000Z");
    expect(reply.toolCalls[0]).toMatchObject({
      name: "get_adherence",
      arguments: { from: "2026-11-02", to: "2026-11-07" },
    });
    expect(reply.reply).toContain("7 of 13 scheduled doses taken (54%)");
    expect(reply.reply).toContain("Creatine: 3 of 3 doses (100%)");
    expect(reply.reply).toContain("Fish oil: 4 of 10 doses (40%)");
  });

  it("answers the day's checklist for the summary", async () => {
    const user = newUser();
    await send(user, "add creatine 5g every morning", "2026-11-10T07:00:00.000Z");
    await send(user, "add magnesium 400mg before bed", "2026-11-10T07:01:00.000Z");
    await send(user, "add zinc 25mg on weekends", "2026-11-10T07:02:00.000Z");
    await send(user, "took my creatine", "2026-11-10T08:00:00.000Z");
    await send(user, "took my lion's mane", "2026-11-10T09:00:00.000Z");
    const summary = value<ProtocolDaySummary>(await exports.default.daySummary({ userId: user, date: "2026-11-10" }));
    expect(summary.totals).toEqual({ scheduled: 2, taken: 1 });
    expect(summary.items.map((item) => [item.name, item.state, item.scheduled, item.taken, item.takenTimes])).toEqual([
      ["Creatine", "done", 1, 1, ["08:00"]],
      ["Magnesium", "due", 1, 0, []],
      ["Zinc", "not-scheduled", 0, 0, []],
      ["Lion's mane", "as-needed", 0, 1, ["09:00"]],
    ]);
    const empty = value<ProtocolDaySummary>(await exports.default.daySummary({ userId: user, date: "2026-11-01" }));
    expect(empty).toEqual({ date: "2026-11-01", items: [], totals: { scheduled: 0, taken: 0 } });
  });
});

describe("idempotent retries", () => {
  it("a retried message with the same requestId writes once and answers the same", async () => {
    const user = newUser();
    await send(user, "add creatine 5g every morning", "2026-11-10T07:00:00.000Z");
    const first = await send(user, "took my creatine and fish oil", "2026-11-10T08:00:00.000Z", "request-retry");
    const intakes = await rowCount("protocol_intakes", user);
    const items = await rowCount("protocol_items", user);
    const retry = await send(user, "took my creatine and fish oil", "2026-11-10T08:00:05.000Z", "request-retry");
    expect(retry.reply).toBe(first.reply);
    expect(await rowCount("protocol_intakes", user)).toBe(intakes);
    expect(await rowCount("protocol_items", user)).toBe(items);
    expect(intakes).toBe(2);
  });

  it("a retried pause does not pause twice", async () => {
    const user = newUser();
    await send(user, "add creatine 5g every morning", "2026-11-10T07:00:00.000Z");
    await send(user, "pause creatine for a week", "2026-11-11T07:00:00.000Z", "pause-1");
    await send(user, "pause creatine for a week", "2026-11-11T07:00:00.000Z", "pause-1");
    expect(await rowCount("protocol_pauses", user)).toBe(1);
  });
});

describe("cross-user isolation", () => {
  it("one user's messages never read or change another's data", async () => {
    const alice = newUser();
    const bob = newUser();
    await send(alice, "add creatine 5g every morning", "2026-11-10T07:00:00.000Z");
    await send(alice, "took my creatine", "2026-11-10T08:00:00.000Z");

    const bobList = await send(bob, "what supplements am I taking?", "2026-11-10T09:00:00.000Z");
    expect(bobList.reply).toMatch(/no supplements in your protocol yet/);
    const bobStop = await send(bob, "stop taking creatine", "2026-11-10T09:01:00.000Z");
    expect(bobStop.toolCalls[0]).toMatchObject({ name: "update_protocol", ok: false });
    expect(bobStop.reply).toMatch(/no item matches/);

    const aliceList = value<ProtocolList>(await exports.default.listProtocols({ userId: alice, date: "2026-11-10" }));
    expect(aliceList.items).toMatchObject([{ name: "Creatine", status: "active" }]);
    expect(value<ProtocolList>(await exports.default.listProtocols({ userId: bob })).items).toEqual([]);
    const bobAdherence = value<AdherenceReport>(
      await exports.default.getAdherence({ userId: bob, from: "2026-11-10", to: "2026-11-10" }),
    );
    expect(bobAdherence.items).toEqual([]);
    expect(await rowCount("protocol_intakes", bob)).toBe(0);
  });
});

describe("bad input", () => {
  it("fails with bad_request and writes nothing", async () => {
    const user = newUser();
    const failures = [
      await exports.default.handle({
        userId: "",
        requestId: "r",
        message: "took my creatine",
        now: "2026-11-10T08:00:00.000Z",
      }),
      await exports.default.handle({ userId: user, requestId: "r", message: "", now: "2026-11-10T08:00:00.000Z" }),
      await exports.default.handle({ userId: user, requestId: "r", message: "took my creatine", now: "yesterday" }),
      await exports.default.daySummary({ userId: user, date: "2026-13-01" }),
      await exports.default.listProtocols({ userId: user, status: "deleted" as never }),
      await exports.default.getAdherence({ userId: user, from: "2026-11-10", to: "2026-11-01" }),
      await exports.default.getAdherence({ userId: user, from: "2024-01-01", to: "2026-11-01" }),
      await exports.default.callTool({
        userId: user,
        requestId: "r",
        now: "2026-11-10T08:00:00.000Z",
        name: "create_protocol",
        arguments: { name: "creatine", dose: "five" },
      }),
      await exports.default.callTool({
        userId: user,
        requestId: "r",
        now: "2026-11-10T08:00:00.000Z",
        name: "drop_tables",
        arguments: {},
      }),
      await exports.default.callTool({
        userId: user,
        requestId: "r",
        now: "2026-11-10T08:00:00.000Z",
        name: "log_supplement_intake",
        arguments: { items: [{ name: "creatine", date: "2026-11-11" }] },
      }),
    ];
    for (const result of failures)
      expect(result).toMatchObject({ ok: false, error: { code: "bad_request", retryable: false } });
    expect(await allRows(user)).toBe(0);
  });

  it("a tool failure inside a chat is reported, not claimed as done", async () => {
    const user = newUser();
    await send(user, "add vitamin D 1000 IU every morning", "2026-11-10T07:00:00.000Z");
    await send(user, "add vitamin C 500 mg every morning", "2026-11-10T07:01:00.000Z");
    const before = await allRows(user);
    const reply = await send(user, "pause vitamin for a week", "2026-11-10T08:00:00.000Z");
    expect(reply.toolCalls[0]).toMatchObject({ name: "update_protocol", ok: false });
    expect(reply.reply).toMatch(/couldn't do that: "vitamin" could be Vitamin D or Vitamin C/);
    expect(await allRows(user)).toBe(before);
  });
});

describe("read RPCs for the gateway", () => {
  it("lists items by status", async () => {
    const user = newUser();
    await send(user, "add creatine 5g every morning", "2026-11-10T07:00:00.000Z");
    await send(user, "add fish oil 2 capsules twice a day", "2026-11-10T07:01:00.000Z");
    await send(user, "add zinc 25 mg with dinner daily", "2026-11-10T07:02:00.000Z");
    await send(user, "pause fish oil for 5 days", "2026-11-11T07:00:00.000Z");
    await send(user, "stop zinc", "2026-11-11T07:01:00.000Z");
    const all = value<ProtocolList>(await exports.default.listProtocols({ userId: user, date: "2026-11-12" }));
    expect(all.counts).toEqual({ active: 1, paused: 1, stopped: 1 });
    expect(all.items.map((item) => [item.name, item.status, item.description, item.resumeOn, item.stoppedOn])).toEqual([
      ["Creatine", "active", "5 g every morning", null, null],
      ["Fish oil", "paused", "2 capsules twice a day", "2026-11-16", null],
      ["Zinc", "stopped", "25 mg every evening with a meal", null, "2026-11-11"],
    ]);
    const paused = value<ProtocolList>(
      await exports.default.listProtocols({ userId: user, status: "paused", date: "2026-11-12" }),
    );
    expect(paused.items.map((item) => item.name)).toEqual(["Fish oil"]);
    // After the pause ends, fish oil is active again without a message.
    const later = value<ProtocolList>(await exports.default.listProtocols({ userId: user, date: "2026-11-16" }));
    expect(later.counts).toEqual({ active: 2, paused: 0, stopped: 1 });
  });

  it("answers adherence for one item named loosely", async () => {
    const user = newUser();
    await send(user, "add fish oil 1 capsule every morning", "2026-11-01T07:00:00.000Z");
    await send(user, "took my omega 3", "2026-11-02T07:00:00.000Z");
    const report = value<AdherenceReport>(
      await exports.default.getAdherence({
        userId: user,
        from: "2026-11-01",
        to: "2026-11-04",
        item: "omega-3s",
        today: "2026-11-05",
      }),
    );
    expect(report.items).toMatchObject([{ name: "Fish oil", scheduled: 4, taken: 1, missed: 3, percent: 25 }]);
    const unknown = await exports.default.getAdherence({
      userId: user,
      from: "2026-11-01",
      to: "2026-11-04",
      item: "melatonin",
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
