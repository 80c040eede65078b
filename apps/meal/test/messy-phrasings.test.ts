// A third held-out set: messy, realistic messages (shorthand, typos, chatter around the food,
// questions next to reports, corrections, follow-ups), run end to end through handle() with the
// real USDA search. Beyond "was the required tool called", it checks what a user would notice:
// that every logged item is a food the message named (no "tell me my total" logged as a cereal),
// that the food named was logged, and that nothing is written when it must not be.
import { exports } from "cloudflare:workers";
import type { Result, SpecialistReply, SpecialistRequest } from "@ensemble/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { NOW, TARGETS, seedUsdaFoods, uniqueUser } from "./helpers.ts";

beforeAll(async () => {
  await seedUsdaFoods();
}, 120_000);

interface Case {
  message: string;
  /** Earlier user turns of the same conversation, sent first. */
  setup?: string[];
  /** The tool that must run successfully; null when none is required. */
  required: string | null;
  /** Also required to run successfully (a correction deletes, then logs). */
  alsoRequired?: string;
  /** True when the message must not write anything. */
  noWrite?: boolean;
  /** Logged items: each must match one of these, and each must be matched by an item. */
  foods?: RegExp[];
}

const CASES: Case[] = [
  // Logging, with chatter, shorthand and amounts said after the food.
  {
    message: "grabbed a chicken wrap, crisps and a diet coke at lunch",
    required: "log_meal",
    foods: [/wrap/, /crisps/, /coke/],
  },
  { message: "honestly just had toast. two slices.", required: "log_meal", foods: [/toast/] },
  { message: "dinner tonite was homemade lasagne, pretty big portion", required: "log_meal", foods: [/lasagn/] },
  { message: "had a packet of salt and vinegar crisps on the train", required: "log_meal", foods: [/crisps/] },
  { message: "lunch: leftover thai green curry + rice", required: "log_meal", foods: [/curry/, /rice/] },
  {
    message: "ate like half a tub of hummus with carrot sticks lol",
    required: "log_meal",
    foods: [/hummus/, /carrot/],
  },
  { message: "2 boiled eggs and a slice of rye toast 4 brekky", required: "log_meal", foods: [/egg/, /toast/] },
  {
    message: "had a cappuccino and a blueberry muffin at the cafe",
    required: "log_meal",
    foods: [/cappuccino/, /muffin/],
  },
  { message: "few squares of dark choc after dinner", required: "log_meal", foods: [/choc/] },
  { message: "drank 2 pints of lager at the pub", required: "log_meal", foods: [/lager/] },
  { message: "had a yoghurt pot with granola for breakfast", required: "log_meal", foods: [/yogurt/, /granola/] },
  { message: "cheese toastie and tomato soup for lunch", required: "log_meal", foods: [/toastie/, /soup/] },
  { message: "yday i forgot to say i had a kitkat at 4pm", required: "log_meal", foods: [/kitkat/] },
  { message: "tea with milk and 2 sugars", required: "log_meal", foods: [/tea/, /milk/, /sugar/] },
  {
    message: "smashed a large pepperoni pizza with the lads last night",
    required: "log_meal",
    foods: [/pizza/],
  },
  { message: "snack was an apple and some peanut butter", required: "log_meal", foods: [/apple/, /peanut butter/] },
  { message: "so stuffed, had a massive plate of nachos", required: "log_meal", foods: [/nachos/] },
  { message: "long day so I just grabbed a kebab on the way home", required: "log_meal", foods: [/kebab/] },
  { message: "had the chicken stir fry again, about a plate", required: "log_meal", foods: [/stir fry/] },
  { message: "ok so i had oats at 7 and a tuna salad at 1", required: "log_meal", foods: [/oats/, /tuna/] },
  { message: "Brekkie - 3 pancakes w/ maple syrup", required: "log_meal", foods: [/pancakes/, /syrup/] },
  { message: "munched through a bag of popcorn at the cinema", required: "log_meal", foods: [/popcorn/] },
  {
    message: "my partner had a salad but I went for the burger and fries",
    required: "log_meal",
    foods: [/burger/, /fries/],
  },
  {
    message: "just finished my lunch, it was a jacket potato with baked beans",
    required: "log_meal",
    foods: [/potato/, /beans/],
  },
  // Reads, asked every which way.
  { message: "what have i had so far today", required: "get_meals" },
  { message: "hows my protein looking", required: "get_daily_totals" },
  { message: "cals remaining?", required: "get_daily_totals" },
  { message: "can u show me everything from yesterday", required: "get_meals" },
  { message: "did i already log lunch?", required: "get_meals" },
  { message: "give me a rundown of today", required: "get_daily_totals" },
  { message: "remind me, what did i eat on monday", required: "get_meals" },
  { message: "how much have i eaten today roughly", required: "get_meals" },
  { message: "where am i at with carbs", required: "get_daily_totals" },
  // Questions about foods, some next to a food named first.
  { message: "how many cals in a bagel w/ cream cheese", required: "search_foods", noWrite: true },
  { message: "is hummus high in protein or nah", required: "search_foods", noWrite: true },
  { message: "salmon or chicken, which has more protein?", required: "search_foods", noWrite: true },
  { message: "nutrition info for quinoa pls", required: "search_foods", noWrite: true },
  { message: "a mars bar - how much sugar is in that", required: "search_foods", noWrite: true },
  { message: "what's the calorie count for a glass of red wine", required: "search_foods", noWrite: true },
  { message: "quick q: protein in 3 eggs?", required: "search_foods", noWrite: true },
  { message: "avocado vs banana for potassium", required: "search_foods", noWrite: true },
  // Must not write.
  { message: "gonna have a burrito later", required: null, noWrite: true },
  { message: "my flatmate cooked a massive curry and ate the lot", required: null, noWrite: true },
  { message: "didn't get round to eating lunch today", required: null, noWrite: true },
  { message: "would 2 slices of cake ruin my day?", required: null, noWrite: true },
  { message: "the kids had fish fingers for tea", required: null, noWrite: true },
  { message: "not eating dinner tonight, still full", required: null, noWrite: true },
  // Follow-ups and corrections in a conversation.
  {
    setup: ["had 3 eggs and toast for breakfast"],
    message: "sorry, it was 2 eggs not 3",
    required: "log_meal",
    alsoRequired: "delete_meal",
    foods: [/2 eggs/, /toast/],
  },
  {
    setup: ["2 slices of pizza for lunch"],
    message: "oops make that 3 slices",
    required: "log_meal",
    alsoRequired: "delete_meal",
    foods: [/3 slices/],
  },
  {
    setup: ["how many calories are in a croissant?"],
    message: "ok add one as a snack",
    required: "log_meal",
    foods: [/croissant/],
  },
  { setup: ["what if I had a donut?"], message: "fine, I had one", required: "log_meal", foods: [/donut/] },
  { setup: ["had a banana"], message: "get rid of the last thing i logged", required: "delete_meal" },
  { setup: ["yesterday for dinner I had salmon and rice"], message: "del yday's dinner", required: "delete_meal" },
];

const WRITES = new Set(["log_meal", "delete_meal"]);

interface Outcome {
  ok: string[];
  all: string[];
  foods: string[];
  reply: string;
}

let requests = 0;

async function send(userId: string, message: string, history: SpecialistRequest["history"]): Promise<SpecialistReply> {
  requests += 1;
  const result = (await exports.default.handle({
    userId,
    requestId: `messy-${requests}`,
    message,
    history,
    now: NOW.toISOString(),
    targets: TARGETS,
  })) as Result<SpecialistReply>;
  if (!result.ok) throw new Error(`handle failed for "${message}": ${result.error.message}`);
  return result.value;
}

async function run(testCase: Case): Promise<Outcome> {
  const userId = uniqueUser("messy");
  const history: NonNullable<SpecialistRequest["history"]> = [];
  for (const turn of testCase.setup ?? []) {
    const reply = await send(userId, turn, [...history]);
    history.push({ role: "user", content: turn }, { role: "assistant", content: reply.reply });
  }
  const reply = await send(userId, testCase.message, history);
  const okCalls = reply.toolCalls.filter((call) => call.ok);
  const foods = okCalls
    .filter((call) => call.name === "log_meal")
    .flatMap((call) => ((call.arguments.items ?? []) as { food: string }[]).map((item) => item.food));
  return {
    ok: okCalls.map((call) => call.name),
    all: reply.toolCalls.map((call) => `${call.name}${call.ok ? "" : " (failed)"}`),
    foods,
    reply: reply.reply,
  };
}

/** What is wrong with a run, or an empty list. */
function problems(testCase: Case, outcome: Outcome): string[] {
  const found: string[] = [];
  for (const tool of [testCase.required, testCase.alsoRequired]) {
    if (tool !== null && tool !== undefined && !outcome.ok.includes(tool)) found.push(`${tool} did not run`);
  }
  if (testCase.noWrite && outcome.ok.some((name) => WRITES.has(name))) found.push("wrote although it must not");
  if (testCase.foods !== undefined && outcome.foods.length > 0) {
    const patterns = testCase.foods;
    for (const food of outcome.foods)
      if (!patterns.some((pattern) => pattern.test(food)))
        found.push(`logged "${food}", which the message did not name`);
    for (const pattern of patterns)
      if (!outcome.foods.some((food) => pattern.test(food))) found.push(`no item matches ${pattern}`);
  }
  return found;
}

describe("messy held-out phrasings", () => {
  it("call their required tools in at least 90% of messages, never write when they must not, and log only named foods", async () => {
    const failures: string[] = [];
    let required = 0;
    let called = 0;
    let writeViolations = 0;
    let junkItems = 0;
    for (const testCase of CASES) {
      const outcome = await run(testCase);
      const found = problems(testCase, outcome);
      if (testCase.required !== null) {
        required += 1;
        if (!found.some((problem) => problem.endsWith("did not run"))) called += 1;
      }
      if (found.includes("wrote although it must not")) writeViolations += 1;
      junkItems += found.filter((problem) => problem.includes("which the message did not name")).length;
      if (found.length > 0)
        failures.push(
          `${testCase.message} -> [${outcome.all.join(", ")}] ${found.join("; ")}\n    ${outcome.reply.split("\n")[0]}`,
        );
    }
    console.log(
      `messy set: ${CASES.length} messages; required tools ran: ${called}/${required} = ${((called / required) * 100).toFixed(1)}%; write violations: ${writeViolations}; items not named in the message: ${junkItems}`,
    );
    if (failures.length > 0) console.log(`problems:\n${failures.join("\n")}`);
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(writeViolations).toBe(0);
    expect(junkItems).toBe(0);
    expect(called / required).toBeGreaterThanOrEqual(0.9);
  }, 180_000);
});
