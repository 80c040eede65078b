// The local skill's plan for many realistic messages (no database): which tool each one leads to,
// and that denials, questions, plans and other people's intakes lead to no write at all. The full
// path (write guard, tools, D1) is tested with a smaller set in phrasings.test.ts.
import { guardToolCall } from "@ensemble/ai";
import { protocolTools } from "@ensemble/tools";
import { describe, expect, it } from "vitest";
import { planMessage } from "./plan.ts";

const NOW = new Date("2026-11-18T09:30:00.000Z");
const TOOLS = new Set([
  "create_protocol",
  "list_protocols",
  "update_protocol",
  "log_supplement_intake",
  "get_adherence",
]);
const WRITES = new Set(["create_protocol", "update_protocol", "log_supplement_intake"]);

/** The tools a plan leads to; "took all my supplements" lists first and logs after. */
function plannedTools(message: string): string[] {
  const plan = planMessage({ text: message, earlierUserMessages: [], now: NOW, tools: TOOLS });
  if (plan.kind === "answer") return [];
  return [...plan.calls.map((call) => call.name), ...(plan.logAll === undefined ? [] : ["log_supplement_intake"])];
}

/** The plan for a message, after earlier user messages, with every tool offered. */
function planFor(text: string, earlierUserMessages: string[] = []) {
  return planMessage({ text, earlierUserMessages, now: NOW, tools: TOOLS });
}

// [message, the tool it must lead to, or "none" for no write]
const CASES: [string, string][] = [
  ["Just took my creatine", "log_supplement_intake"],
  ["creatine after my 6am session", "log_supplement_intake"],
  ["had my fish oil with dinner", "log_supplement_intake"],
  ["omega 3 done", "log_supplement_intake"],
  ["vitamin d taken", "log_supplement_intake"],
  ["Took my D3 and K2 this morning", "log_supplement_intake"],
  ["just swallowed 2 fish oil pills", "log_supplement_intake"],
  ["took 5g of creatine in my shake", "log_supplement_intake"],
  ["downed my creatine with water", "log_supplement_intake"],
  ["Remembered to take my magnesium last night", "log_supplement_intake"],
  ["took my vitamins", "log_supplement_intake"],
  ["morning stack done", "log_supplement_intake"],
  ["took everything this morning", "log_supplement_intake"],
  ["Had 2 caps of ashwagandha after dinner", "log_supplement_intake"],
  ["took melatonin at 11pm", "log_supplement_intake"],
  ["Creatine ✔️", "log_supplement_intake"],
  ["took my multivitamin with breakfast", "log_supplement_intake"],
  ["I've taken my zinc", "log_supplement_intake"],
  ["Had my omegas and vit D at lunch", "log_supplement_intake"],
  ["took creatine yesterday too, forgot to log it", "log_supplement_intake"],
  ["log my fish oil from this morning", "log_supplement_intake"],
  ["please log creatine for yesterday", "log_supplement_intake"],
  ["I took my iron pill", "log_supplement_intake"],
  ["popped a melatonin before bed", "log_supplement_intake"],
  ["Finished my creatine for today", "log_supplement_intake"],
  ["took B12", "log_supplement_intake"],
  ["I'm starting vitamin D, 1000 IU daily", "create_protocol"],
  ["Add creatine to my protocol: 5 grams every day", "create_protocol"],
  ["new supplement: magnesium glycinate 300mg at night", "create_protocol"],
  ["I take fish oil twice a day with food", "create_protocol"],
  ["Started taking zinc today, 15mg with dinner", "create_protocol"],
  ["add ashwagandha 300 mg twice daily", "create_protocol"],
  ["I've started iron, 65mg every other day", "create_protocol"],
  ["Track my creatine please, 3g a day", "create_protocol"],
  ["My doctor prescribed vitamin D 50000 IU once a week", "create_protocol"],
  ["I'm on omega-3, 1 softgel every morning", "create_protocol"],
  ["Adding electrolytes on weekdays before training", "create_protocol"],
  ["set up melatonin 0.5mg every night", "create_protocol"],
  ["Pause my ashwagandha for a month", "update_protocol"],
  ["hold the creatine for 5 days", "update_protocol"],
  ["I'm cycling off ashwagandha for two weeks", "update_protocol"],
  ["put fish oil on hold", "update_protocol"],
  ["start my creatine again", "update_protocol"],
  ["unpause vitamin D", "update_protocol"],
  ["I'm back on magnesium", "update_protocol"],
  ["I quit taking melatonin", "update_protocol"],
  ["stopped fish oil", "update_protocol"],
  ["remove zinc from my stack", "update_protocol"],
  ["drop the ashwagandha", "update_protocol"],
  ["change creatine to 3g", "update_protocol"],
  ["bump vitamin D up to 5000 IU", "update_protocol"],
  ["make magnesium 200mg", "update_protocol"],
  ["I now take fish oil once a day", "update_protocol"],
  ["move my vitamin D to the evening", "update_protocol"],
  ["only take creatine on weekdays from now on", "update_protocol"],
  ["what's my supplement schedule?", "list_protocols"],
  ["list my supplements", "list_protocols"],
  ["what am I on right now?", "list_protocols"],
  ["what's in my stack?", "list_protocols"],
  ["remind me what I take in the morning", "list_protocols"],
  ["how's my creatine adherence?", "get_adherence"],
  ["have I been taking my fish oil consistently?", "get_adherence"],
  ["How many doses did I miss this month?", "get_adherence"],
  ["what did I take yesterday?", "get_adherence"],
  ["did I already take my magnesium?", "get_adherence"],
  ["supplement report for the last 2 weeks", "get_adherence"],
  ["what's my streak on vitamin D?", "get_adherence"],
  ["what do I still need to take today", "get_adherence"],
  ["show my adherence since Monday", "get_adherence"],
  ["didn't take creatine today", "none"],
  ["I missed my fish oil yesterday", "none"],
  ["no vitamin D today, ran out", "none"],
  ["I forgot to take my magnesium", "none"],
  ["Haven't taken anything yet today", "none"],
  ["I keep forgetting my creatine", "none"],
  ["is creatine safe for kidneys?", "none"],
  ["when should I take magnesium?", "none"],
  ["what if I took creatine twice today?", "none"],
  ["would ashwagandha help my sleep?", "none"],
  ["should I add a multivitamin?", "none"],
  ["Is 5000 IU of vitamin D too much?", "none"],
  ["do I need to load creatine?", "none"],
  ["what's the best magnesium for sleep?", "none"],
  ["is it fine to take fish oil on an empty stomach?", "none"],
  ["my girlfriend took my melatonin lol", "none"],
  ["my dad takes vitamin D every morning", "none"],
  ["my roommate started creatine", "none"],
  ["I might start taking zinc", "none"],
  ["maybe I should try ashwagandha", "none"],
  ["I'm going to take my creatine after the gym", "none"],
  ["I want to add vitamin C", "create_protocol"],
  ["TOOK MY CREATINE", "log_supplement_intake"],
  ["creatien taken 💪", "log_supplement_intake"],
  ["took my creatine and my fish oil, and also vitamin d", "log_supplement_intake"],
  ["Quick update: took magnesium before bed last night and creatine this morning", "log_supplement_intake"],
  ["just had 5 grams creatine", "log_supplement_intake"],
  ["fish oil taken with lunch 🐟", "log_supplement_intake"],
  ["Took both my fish oil doses today", "log_supplement_intake"],
  ["had my ashwa", "log_supplement_intake"],
  ["vit c + zinc this am", "log_supplement_intake"],
  ["I had my morning vitamins", "log_supplement_intake"],
  ["took 1000mg vitamin c", "log_supplement_intake"],
  ["Slammed my preworkout before the gym", "log_supplement_intake"],
  ["took my electrolytes after my run", "log_supplement_intake"],
  ["Just popped a caffeine pill", "log_supplement_intake"],
  ["took my d3 at 7", "log_supplement_intake"],
  ["I took my creatine at lunch yesterday", "log_supplement_intake"],
  ["I took my creatine! Also going to start fish oil tomorrow", "log_supplement_intake"],
  ["Yep, took it", "none"],
  // A plan with a dose and a schedule sets the schedule up: create_protocol accepts plans.
  ["I'm going to start taking creatine 5g every morning", "create_protocol"],
  ["start me on magnesium 400 mg nightly", "create_protocol"],
  ["begin vitamin D 2000 IU each morning with breakfast", "create_protocol"],
  ["I have been taking creatine 5g a day since the 1st", "create_protocol"],
  ["can you add fish oil 1000mg twice daily", "create_protocol"],
  ["Please track collagen 10g every morning", "create_protocol"],
  ["my routine is creatine 5g every morning", "create_protocol"],
  ["add psyllium husk 5g before dinner on weekdays", "create_protocol"],
  ["i take 2 caps of fish oil with breakfast and dinner", "create_protocol"],
  ["Pause vitamin D while I'm on holiday for 10 days", "update_protocol"],
  ["going on a creatine break for 3 weeks", "update_protocol"],
  ["Stop my fish oil please", "update_protocol"],
  ["I've stopped taking ashwagandha", "update_protocol"],
  ["resume fish oil", "update_protocol"],
  ["restart magnesium", "update_protocol"],
  ["creatine back on from today", "update_protocol"],
  ["change my fish oil to once a day with dinner", "update_protocol"],
  ["lower creatine to 3 g", "update_protocol"],
  ["increase magnesium to 400mg", "update_protocol"],
  ["up my vitamin D to 4000 IU", "update_protocol"],
  ["switch fish oil to 3 capsules a day", "update_protocol"],
  ["What supplements do I have?", "list_protocols"],
  ["show protocols", "list_protocols"],
  ["which supplements did I stop?", "list_protocols"],
  ["my stack?", "list_protocols"],
  ["How's my consistency this week?", "get_adherence"],
  ["What percent of my doses did I take last month?", "get_adherence"],
  ["Did I miss magnesium any night this week?", "get_adherence"],
  ["Have I taken my fish oil today?", "get_adherence"],
  ["how am i doing on creatine", "get_adherence"],
  ["what have I taken so far today?", "get_adherence"],
  ["I did not take any supplements today", "none"],
  ["didnt take my creatine", "none"],
  ["Nope, no fish oil today", "none"],
  ["I skipped creatine on Sunday", "none"],
  ["ran out of vitamin d so didn't take it", "none"],
  ["Could creatine make me bloated?", "none"],
  ["Should I take vitamin D with K2?", "none"],
  ["Is magnesium glycinate better than citrate?", "none"],
  ["What if I skipped creatine for a week?", "none"],
  ["If I take melatonin every night will I get dependent?", "none"],
  ["How much fish oil is too much?", "none"],
  ["My mom takes 2000 IU of vitamin D", "none"],
  ["my brother swears by ashwagandha", "none"],
  ["my partner just took her iron", "none"],
  ["I'd like to try creatine", "none"],
  ["Planning to add ashwagandha next week", "none"],
  ["Morning! Took creatine and vit D already", "log_supplement_intake"],
  ["had the fish oil", "log_supplement_intake"],
  ["took my zinc + magnesium before sleeping", "log_supplement_intake"],
  ["2 omega caps down", "log_supplement_intake"],
  ["took my creatine late last night", "log_supplement_intake"],
  ["done my supplements for today", "log_supplement_intake"],
  ["I took my evening pills", "log_supplement_intake"],
  ["magnesium ✅ melatonin ✅", "log_supplement_intake"],
  ["Took creatine on Monday and Tuesday but forgot to tell you", "log_supplement_intake"],
  ["Took 10 mg melatonin", "log_supplement_intake"],
  ["took my collagen in my coffee", "log_supplement_intake"],
  ["just took my probiotic", "log_supplement_intake"],
  ["Had a scoop of creatine with my oats", "log_supplement_intake"],
  ["vitamin d3 2000iu taken at 8", "log_supplement_intake"],
  ["took one ashwagandha tablet after dinner", "log_supplement_intake"],
  ["I take 5 g creatine every morning", "create_protocol"],
  ["Starting omega 3 today, 2 capsules with breakfast", "create_protocol"],
  ["add turmeric 500mg twice daily with food", "create_protocol"],
  ["I'm now taking vitamin C 1000 mg each morning", "create_protocol"],
  ["add beta alanine 3.2g daily", "create_protocol"],
  ["new: glycine 3g before bed", "create_protocol"],
  ["I take 400mg magnesium every night and 5000 IU vitamin D every morning", "create_protocol"],
  ["put creatine on pause", "update_protocol"],
  ["pause everything except creatine", "none"],
  ["Take a week off creatine", "update_protocol"],
  ["paused fish oil for the weekend", "update_protocol"],
  ["I'm done with ashwagandha for good", "update_protocol"],
  ["cancel my zinc", "update_protocol"],
  ["discontinue vitamin D", "update_protocol"],
  ["going back on fish oil today", "update_protocol"],
  ["resume everything", "none"],
  ["reduce my melatonin to 0.5mg", "update_protocol"],
  ["take vitamin D only on weekdays", "update_protocol"],
  ["creatine twice a day from now on", "update_protocol"],
  ["What's on my supplement list", "list_protocols"],
  ["which supplements do I take at night?", "list_protocols"],
  ["tell me my current supplements", "list_protocols"],
  ["Am I on track with my supplements this week?", "get_adherence"],
  ["how many days did I take creatine last week", "get_adherence"],
  ["did I take fish oil yesterday?", "get_adherence"],
  ["what's my adherence for vitamin D over the last 30 days", "get_adherence"],
  ["when did I last take magnesium?", "get_adherence"],
  ["how many doses have I missed?", "get_adherence"],
  ["I didn't have my fish oil", "none"],
  ["didn't get to my creatine today", "none"],
  ["Totally forgot vitamin D this morning", "none"],
  ["I haven't taken magnesium in days", "none"],
  ["skipping creatine today", "none"],
  ["Does creatine cause hair loss?", "none"],
  ["Can I take magnesium with coffee?", "none"],
  ["Should I be taking vitamin D in winter?", "none"],
  ["what would happen if I doubled my fish oil?", "none"],
  ["is ashwagandha worth it?", "none"],
  ["How long until creatine works?", "none"],
  ["my gf takes collagen daily", "none"],
  ["my coach told me to take creatine", "none"],
  ["my friend took too much melatonin", "none"],
  ["If I miss a creatine dose should I double up?", "none"],
  ["I was going to take my zinc but ran out", "none"],
];

// The user's own plans for the schedule: create_protocol and update_protocol accept them.
const PLANS: [string, string][] = [
  ["starting vitamin D tomorrow, 2000 IU with breakfast", "create_protocol"],
  ["from Monday I'll take zinc 15mg every evening", "create_protocol"],
  ["tomorrow I'm starting 5g creatine every morning", "create_protocol"],
  ["I'll be taking ashwagandha 600 mg each evening starting next week", "create_protocol"],
  ["going to take magnesium 300mg before bed from tonight", "create_protocol"],
  ["my doctor wants me to start iron 65 mg every other day", "create_protocol"],
  ["pause creatine until the 1st", "update_protocol"],
  ["I'm taking a break from fish oil until next week", "update_protocol"],
  ["please put my zinc on hold till Friday", "update_protocol"],
  ["could you pause the melatonin until next Monday?", "update_protocol"],
  ["I'm going to drop creatine to 3g from now on", "update_protocol"],
  ["can I move my magnesium to mornings from now on", "update_protocol"],
  // Plans that say no dose or schedule, deliberation, denials and other people's plans write nothing.
  ["I plan to start creatine next week", "none"],
  ["I'm going to start creatine at some point", "none"],
  ["should I start creatine tomorrow?", "none"],
  ["thinking about pausing fish oil next week", "none"],
  ["maybe I'll start zinc next month, 15mg", "none"],
  ["what if I started 5g creatine daily from tomorrow?", "none"],
  ["considering adding fish oil next week, 2 capsules a day", "none"],
  ["my wife is starting creatine tomorrow, 5g", "none"],
  ["my dad will take vitamin D 1000 IU daily from Monday", "none"],
  ["I won't take fish oil next week", "none"],
  ["I'm not going to take creatine tomorrow", "none"],
  ["I'll take my magnesium later", "none"],
];

// Misspelt and shorthand messages, and questions about the user's own data that used to get a
// general disclaimer instead of a read.
const MESSY: [string, string][] = [
  ["tooke my magnesum", "log_supplement_intake"],
  ["tuk my vitamins", "log_supplement_intake"],
  ["pasue creatine 2 wks", "update_protocol"],
  ["resum the fish oil", "update_protocol"],
  ["supplements done for the day ✅", "log_supplement_intake"],
  ["is my adherance any good?", "get_adherence"],
  ["whats my creatine streak at", "get_adherence"],
  ["which doses are still outstanding?", "get_adherence"],
  ["have I been good with my supplements lately?", "get_adherence"],
  ["how much vitamin D am I on?", "list_protocols"],
  ["when do I take my zinc?", "list_protocols"],
  ["what dose of fish oil do I take again", "list_protocols"],
];

describe("planMessage", () => {
  it.each([...CASES, ...PLANS, ...MESSY])("%s -> %s", (message, expected) => {
    const tools = plannedTools(message);
    // Restating a routine with create_protocol updates the existing item, so either write is right for a change.
    const accepted = expected === "update_protocol" ? ["update_protocol", "create_protocol"] : [expected];
    const right =
      expected === "none" ? !tools.some((tool) => WRITES.has(tool)) : tools.some((tool) => accepted.includes(tool));
    expect(right ? "ok" : `planned: ${tools.join(", ") || "no tools"}`).toBe("ok");
  });

  it("answers what to take for a goal, and lists the stack only when asked for it", () => {
    expect(planFor("which supplements should I take for sleep?")).toMatchObject({
      kind: "answer",
      text: expect.stringMatching(/magnesium/),
    });
    expect(planFor("what's good for recovery?")).toMatchObject({
      kind: "answer",
      text: expect.stringMatching(/sleep/),
    });
    expect(planFor("which supplements am I taking?")).toMatchObject({
      kind: "calls",
      calls: [{ name: "list_protocols" }],
    });
  });

  it("asks instead of guessing when a change names no new dose or schedule", () => {
    const plan = planFor("change my creatine");
    expect(plan).toMatchObject({ kind: "answer" });
  });

  it("gives each new item its own schedule, and the message's to items without one", () => {
    const own = planFor("I take 5g creatine every morning and fish oil twice a day with meals");
    expect(own.kind === "calls" ? own.calls.map((call) => call.arguments) : own).toEqual([
      { name: "creatine", dose: 5, unit: "g", timeOfDay: ["morning"] },
      { name: "fish oil", timesPerDay: 2, withMeals: true },
    ]);
    const shared = planFor("creatine and fish oil every morning");
    expect(shared.kind === "calls" ? shared.calls.map((call) => call.arguments.timeOfDay) : shared).toEqual([
      ["morning"],
      ["morning"],
    ]);
  });

  it("sets up the supplement of the previous message for 'I take it every morning'", () => {
    const plan = planFor("I take it every morning, 5g", ["took my creatine"]);
    expect(plan).toMatchObject({
      kind: "calls",
      calls: [{ name: "create_protocol", arguments: { name: "creatine", dose: 5, unit: "g", timeOfDay: ["morning"] } }],
    });
  });

  it("uses the supplements of the previous message for 'took them'", () => {
    const plan = planFor("took them both", ["should I take vitamin D with fish oil?"]);
    expect(plan).toMatchObject({
      kind: "calls",
      calls: [{ name: "log_supplement_intake", arguments: { items: [{ name: "vitamin D" }, { name: "fish oil" }] } }],
    });
  });

  it("only calls the tools it is offered", () => {
    const plan = planMessage({
      text: "took my creatine",
      earlierUserMessages: [],
      now: NOW,
      tools: new Set(["list_protocols"]),
    });
    expect(plan.kind === "calls" ? plan.calls.map((call) => call.name) : []).not.toContain("log_supplement_intake");
  });

  it("never writes for a supplement named in a denied clause", () => {
    const plan = planFor("took my creatine but forgot my fish oil");
    expect(plan).toMatchObject({
      kind: "calls",
      calls: [{ name: "log_supplement_intake", arguments: { items: [{ name: "creatine" }] } }],
    });
  });
});

describe("planMessage and the write guard", () => {
  const DEFINITIONS = new Map(protocolTools.map((tool) => [tool.name, tool]));

  it.each([...CASES, ...PLANS, ...MESSY].map(([message]) => message))(
    "every write planned for %j passes the guard the tool runner applies",
    (message) => {
      const plan = planMessage({ text: message, earlierUserMessages: [], now: NOW, tools: TOOLS });
      const writes = plan.kind === "calls" ? plan.calls.filter((call) => WRITES.has(call.name)) : [];
      for (const call of writes) {
        expect(guardToolCall(DEFINITIONS.get(call.name as never)!, message)).toEqual({ allowed: true });
      }
    },
  );

  it("starts a planned item on the day the plan names", () => {
    expect(planFor("starting creatine tomorrow, 5 g daily")).toMatchObject({
      kind: "calls",
      calls: [
        {
          name: "create_protocol",
          arguments: { name: "creatine", dose: 5, unit: "g", timesPerDay: 1, startDate: "2026-11-19" },
        },
      ],
    });
    // "since Monday" dates back; "from Monday" looks ahead (NOW is a Wednesday).
    const since = planFor("I've been taking zinc since Monday, 15mg daily");
    const from = planFor("from Monday I'll take zinc 15mg every evening");
    expect(since.kind === "calls" ? since.calls[0]?.arguments.startDate : null).toBe("2026-11-16");
    expect(from.kind === "calls" ? from.calls[0]?.arguments.startDate : null).toBe("2026-11-23");
  });

  it("pauses until the day a planned pause names", () => {
    expect(planFor("hold off on creatine till next Monday")).toMatchObject({
      kind: "calls",
      calls: [{ name: "update_protocol", arguments: { item: "creatine", action: "pause", resumeOn: "2026-11-23" } }],
    });
  });

  it("changes an item the user calls theirs with update_protocol", () => {
    expect(planFor("I'll take the fish oil three times a day from now on")).toMatchObject({
      kind: "calls",
      calls: [{ name: "update_protocol", arguments: { item: "fish oil", action: "change", timesPerDay: 3 } }],
    });
  });

  it("does not pretend to schedule a change for a later day", () => {
    const plan = planFor("bump creatine to 10g starting next week");
    expect(plan).toMatchObject({ kind: "answer", text: expect.stringContaining("Nov 23") });
    // Said as an instruction rather than a plan, it is still for that later day, not today.
    expect(planFor("change my creatine to 10g starting next week")).toMatchObject({ kind: "answer" });
  });

  it("answers a plan without a dose or schedule by asking for them", () => {
    expect(planFor("I plan to take vitamin D over the winter")).toMatchObject({
      kind: "answer",
      text: expect.stringMatching(/tell me the dose/),
    });
  });

  it("logs only the item taken when the other is denied in the same sentence", () => {
    expect(planFor("took my creatine but not the fish oil")).toMatchObject({
      kind: "calls",
      calls: [{ name: "log_supplement_intake", arguments: { items: [{ name: "creatine" }] } }],
    });
  });
});
