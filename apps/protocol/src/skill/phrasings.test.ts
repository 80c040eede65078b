// Realistic messages through the whole Worker (skill, write guard, tools, D1): the tools each one
// must call, and the ones that must not write anything at all.
import type { SpecialistReply } from "@ensemble/contracts";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const NOW = "2026-11-18T09:30:00.000Z"; // a Wednesday
const WRITE_TOOLS = new Set(["create_protocol", "update_protocol", "log_supplement_intake"]);

/** A user with a typical stack: creatine, fish oil, vitamin D, magnesium. */
async function seededUser(): Promise<string> {
  const userId = `user-${crypto.randomUUID()}`;
  const seeds = [
    { name: "creatine", dose: 5, unit: "g", timeOfDay: ["morning"] },
    { name: "fish oil", dose: 2, unit: "capsules", timesPerDay: 2, withMeals: true },
    { name: "vitamin D3", dose: 2000, unit: "IU", timeOfDay: ["morning"] },
    { name: "magnesium", dose: 400, unit: "mg", timeOfDay: ["before_bed"] },
  ];
  for (const [index, args] of seeds.entries()) {
    const result = await exports.default.callTool({
      userId,
      requestId: "seed",
      callIndex: index,
      now: "2026-11-01T08:00:00.000Z",
      name: "create_protocol",
      arguments: args,
    });
    if (!result.ok) throw new Error(result.error.message);
  }
  return userId;
}

async function send(userId: string, message: string): Promise<SpecialistReply> {
  const reply = await exports.default.handle({ userId, requestId: crypto.randomUUID(), message, now: NOW });
  if (!reply.ok) throw new Error(`${message}: ${reply.error.message}`);
  return (reply as unknown as { value: SpecialistReply }).value;
}

async function dataRows(userId: string): Promise<number> {
  let total = 0;
  for (const table of ["protocol_items", "protocol_schedules", "protocol_pauses", "protocol_intakes"]) {
    const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE user_id = ?`)
      .bind(userId)
      .first<{ n: number }>();
    total += row?.n ?? 0;
  }
  return total;
}

// [message, tools that must all be called successfully (any one list of alternatives)]
const WRITES: [string, string[][]][] = [
  ["took my creatine", [["log_supplement_intake"]]],
  ["popped my omega-3s", [["log_supplement_intake"]]],
  ["took vitamin D and fish oil with lunch", [["log_supplement_intake"]]],
  ["just had my vit d", [["log_supplement_intake"]]],
  ["creatine done ✅", [["log_supplement_intake"]]],
  ["got my omega 3s in this morning", [["log_supplement_intake"]]],
  ["took 2 fish oil caps with breakfast", [["log_supplement_intake"]]],
  ["Took my magnesium last night before bed", [["log_supplement_intake"]]],
  ["I took creatine, vitamin D and magnesium", [["log_supplement_intake"]]],
  // A label, then the list: a report like "breakfast: eggs".
  ["supplements: multivitamin, omega 3", [["log_supplement_intake"]]],
  ["morning stack: vitamin d, zinc, magnesium", [["log_supplement_intake"]]],
  ["took my lion's mane", [["log_supplement_intake"]]],
  ["took my creatine but forgot my fish oil", [["log_supplement_intake"]]],
  ["took all my morning supplements", [["list_protocols", "log_supplement_intake"]]],
  ["Creatine + fish oil with breakfast", [["log_supplement_intake"]]],
  ["I'm starting ashwagandha, 600mg every evening", [["create_protocol"]]],
  ["add zinc 25 mg with dinner on weekdays", [["create_protocol"]]],
  ["I take melatonin 1mg before bed each night", [["create_protocol"]]],
  ["Put me on B12 1000mcg every Monday", [["create_protocol"]]],
  ["I started taking probiotics last week, one capsule every morning", [["create_protocol"]]],
  ["pause creatine for two weeks", [["update_protocol"]]],
  ["pausing fish oil until Monday", [["update_protocol"]]],
  ["taking a break from creatine for 10 days", [["update_protocol"]]],
  ["I'm off magnesium for a week", [["update_protocol"]]],
  ["resume my creatine", [["update_protocol"]]],
  ["stop taking vitamin D", [["update_protocol"]]],
  ["I'm not taking magnesium anymore", [["update_protocol"]]],
  ["increase my vitamin D to 4000 IU", [["update_protocol"]]],
  ["switch magnesium to mornings", [["update_protocol"]]],
  ["cut my fish oil back to 1 capsule", [["update_protocol"]]],
  ["take fish oil three times a day now", [["create_protocol"], ["update_protocol"]]],
  // Plans for the schedule: the guard lets create_protocol and update_protocol record them.
  ["starting zinc tomorrow, 15 mg with dinner", [["create_protocol"]]],
  ["from next week I'll take ashwagandha 600mg every evening", [["create_protocol"]]],
  ["pause fish oil until next Monday", [["update_protocol"]]],
  ["hold off on the creatine till Friday", [["update_protocol"]]],
  // Restated with create_protocol, which updates the item the user already has.
  ["I'll take magnesium in the mornings from now on", [["create_protocol"], ["update_protocol"]]],
  ["can you pause my vitamin D until the 1st?", [["update_protocol"]]],
];

const READS: [string, string][] = [
  ["what supplements am I taking?", "list_protocols"],
  ["show me my stack", "list_protocols"],
  ["which of my supplements are paused?", "list_protocols"],
  ["how consistent have I been with creatine this month?", "get_adherence"],
  ["did I take my vitamin D today?", "get_adherence"],
  ["what's left to take today?", "get_adherence"],
  ["did I miss any doses last week?", "get_adherence"],
  ["how am I doing with my supplements?", "get_adherence"],
  ["How many times did I take fish oil in the past 30 days?", "get_adherence"],
];

const NO_WRITES: string[] = [
  "I didn't take my creatine today",
  "forgot my fish oil this morning",
  "skipped magnesium last night",
  "haven't had my omega 3s yet",
  "never took my b12 yesterday",
  "should I take creatine on rest days?",
  "what if I added ashwagandha?",
  "is it okay to take vitamin D at night?",
  "how much creatine should I take?",
  "would it be bad to double my vitamin D?",
  "can I take zinc and magnesium together?",
  "what happens if I stop creatine?",
  "thinking about starting ashwagandha, good idea?",
  "I'll take my magnesium later",
  "my wife takes fish oil every morning",
  "my husband took creatine",
  "my son just had a melatonin gummy",
  "should I start zinc tomorrow, 15 mg?",
  "thinking about pausing creatine next week",
  "maybe I'll switch magnesium to mornings from Monday",
  "my wife is starting fish oil tomorrow, 2 capsules a day",
  "I'm not going to take creatine tomorrow",
  "I plan to take vitamin C over the winter",
];

describe("messages that must write", () => {
  it.each(WRITES)("%s", async (message, alternatives) => {
    const userId = await seededUser();
    const reply = await send(userId, message);
    const called = reply.toolCalls.filter((call) => call.ok).map((call) => call.name);
    const matched = alternatives.some((tools) => tools.every((tool) => called.includes(tool)));
    expect(matched ? "ok" : `called ${called.join(", ")}; reply: ${reply.reply}`).toBe("ok");
    expect(reply.toolCalls.filter((call) => !call.ok).map((call) => call.error)).toEqual([]);
    expect(reply.reply.length).toBeGreaterThan(10);
  });
});

describe("questions about the user's own data", () => {
  it.each(READS)("%s -> %s", async (message, tool) => {
    const userId = await seededUser();
    const before = await dataRows(userId);
    const reply = await send(userId, message);
    expect(reply.toolCalls.map((call) => call.name)).toContain(tool);
    expect(reply.toolCalls.some((call) => WRITE_TOOLS.has(call.name))).toBe(false);
    expect(await dataRows(userId)).toBe(before);
  });
});

describe("messages that must not write", () => {
  it.each(NO_WRITES)("%s", async (message) => {
    const userId = await seededUser();
    const before = await dataRows(userId);
    const reply = await send(userId, message);
    expect(reply.toolCalls.filter((call) => WRITE_TOOLS.has(call.name))).toEqual([]);
    expect(await dataRows(userId)).toBe(before);
    // A reply that claims a write starts with it ("Logged ...", "Added ...").
    expect(reply.reply).not.toMatch(/^(?:logged|added|paused|stopped|updated)\b/i);
  });
});

describe("what the writes did", () => {
  it("logs only the supplement that was taken when another is denied", async () => {
    const userId = await seededUser();
    const reply = await send(userId, "took my creatine but forgot my fish oil");
    const logged = (reply.toolCalls[0]!.result as { logged: { name: string }[] }).logged;
    expect(logged.map((entry) => entry.name)).toEqual(["Creatine"]);
    expect(reply.reply).toContain("creatine");
    expect(reply.reply).not.toContain("fish oil");
  });

  it("matches loose names to the user's items", async () => {
    const userId = await seededUser();
    const reply = await send(userId, "took vit d and my omega-3s with lunch");
    const logged = (reply.toolCalls[0]!.result as { logged: { name: string; newItem: boolean; time: string }[] })
      .logged;
    expect(logged).toMatchObject([
      { name: "Vitamin D3", newItem: false, time: "12:30" },
      { name: "Fish oil", newItem: false, time: "12:30" },
    ]);
  });

  it("ticks off the morning items for 'took all my morning supplements'", async () => {
    const userId = await seededUser();
    const reply = await send(userId, "took all my morning supplements");
    const log = reply.toolCalls.find((call) => call.name === "log_supplement_intake");
    expect((log!.result as { logged: { name: string }[] }).logged.map((entry) => entry.name)).toEqual([
      "Creatine",
      "Vitamin D3",
    ]);
  });

  it("starts a planned item on the day named, and says so", async () => {
    const userId = await seededUser();
    const reply = await send(userId, "starting zinc tomorrow, 15 mg with dinner");
    expect(reply.toolCalls[0]).toMatchObject({
      name: "create_protocol",
      ok: true,
      arguments: { name: "zinc", dose: 15, unit: "mg", startDate: "2026-11-19" },
    });
    expect(reply.reply).toMatch(/Nov 19/);
  });

  it("pauses until the day a planned pause names", async () => {
    const userId = await seededUser();
    const reply = await send(userId, "pause fish oil until next Monday");
    expect(reply.toolCalls[0]).toMatchObject({
      name: "update_protocol",
      ok: true,
      arguments: { item: "fish oil", action: "pause", resumeOn: "2026-11-23" },
    });
  });

  it("pauses for two weeks from today", async () => {
    const userId = await seededUser();
    const reply = await send(userId, "pause creatine for two weeks");
    expect(reply.toolCalls[0]!.arguments).toEqual({ item: "creatine", action: "pause", resumeOn: "2026-12-02" });
    expect(reply.reply).toBe("Paused creatine for 14 days: back on it Dec 2. Those days won't count as missed.");
  });

  it("answers when an item was last taken", async () => {
    const userId = await seededUser();
    await exports.default.callTool({
      userId,
      requestId: "log",
      now: "2026-11-16T22:15:00.000Z",
      name: "log_supplement_intake",
      arguments: { items: [{ name: "magnesium" }] },
    });
    const reply = await send(userId, "when did I last take magnesium?");
    expect(reply.toolCalls[0]).toMatchObject({ name: "get_adherence", arguments: { item: "magnesium", days: 30 } });
    expect(reply.reply).toBe("You last took magnesium on Nov 16 at 22:15.");
  });

  it("keeps an intake of something not in the protocol and says so", async () => {
    const userId = await seededUser();
    const reply = await send(userId, "took my lion's mane");
    expect(reply.reply).toMatch(/wasn't in your protocol, so I added it as an as-needed item/);
    const list = await exports.default.listProtocols({ userId, date: "2026-11-18" });
    expect(list.ok && list.value.items.map((item) => item.name)).toContain("Lion's mane");
  });
});
