// A held-out set of realistic messages, written once and not tuned against: the share that call
// the tool they need, and writes for messages that must never write. The bar is the one the
// hidden evaluation sets: required tools in at least 90%, no write for hypothetical, negated or
// third-person messages.
import { exports } from "cloudflare:workers";
import type { Result, SpecialistReply } from "@ensemble/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { NOW, TARGETS, seedUsdaFoods, uniqueUser } from "./helpers.ts";

beforeAll(async () => {
  await seedUsdaFoods();
}, 120_000);

interface Case {
  message: string;
  /** The tool that must be called; null when none is required. */
  required: string | null;
  /** True when the message must not write. */
  noWrite?: boolean;
}

const CASES: Case[] = [
  // Logging.
  { message: "Just had a turkey and cheese sandwich", required: "log_meal" },
  { message: "ate 2 bananas after my run", required: "log_meal" },
  { message: "Breakfast today was greek yogurt with granola and honey", required: "log_meal" },
  { message: "had a chicken salad for lunch", required: "log_meal" },
  { message: "3 slices of pizza for dinner", required: "log_meal" },
  { message: "I snacked on some cashews", required: "log_meal" },
  { message: "drank a large glass of milk", required: "log_meal" },
  { message: "Had a bagel with cream cheese", required: "log_meal" },
  { message: "500g of watermelon", required: "log_meal" },
  { message: "I ate a steak with mashed potatoes and green beans for dinner", required: "log_meal" },
  { message: "had a bowl of cereal this morning", required: "log_meal" },
  { message: "Lunch was a burrito", required: "log_meal" },
  { message: "Ate a cheeseburger and a coke", required: "log_meal" },
  { message: "Had 2 hard boiled eggs as a snack", required: "log_meal" },
  { message: "dinner: grilled salmon, rice and broccoli", required: "log_meal" },
  { message: "I had a glass of red wine with dinner", required: "log_meal" },
  { message: "two cups of coffee this morning", required: "log_meal" },
  { message: "100g almonds", required: "log_meal" },
  { message: "Had a tuna sandwich and an apple for lunch yesterday", required: "log_meal" },
  { message: "Ate an orange", required: "log_meal" },
  { message: "had some strawberries", required: "log_meal" },
  { message: "Chicken stir fry with rice for dinner", required: "log_meal" },
  { message: "I had a protein bar after the gym", required: "log_meal" },
  { message: "Just finished a bowl of oatmeal with peanut butter", required: "log_meal" },
  { message: "had 4 cookies", required: "log_meal" },
  { message: "a handful of walnuts", required: "log_meal" },
  { message: "Had pancakes with maple syrup for breakfast", required: "log_meal" },
  { message: "ate a hot dog at the game", required: "log_meal" },
  { message: "Had a salad with chicken and avocado", required: "log_meal" },
  { message: "I had sushi for dinner", required: "log_meal" },
  // Questions.
  { message: "How many calories have I had today?", required: "get_daily_totals" },
  { message: "what's my protein at so far", required: "get_daily_totals" },
  { message: "How much carbs did I eat yesterday?", required: "get_daily_totals" },
  { message: "Am I over my calories today?", required: "get_daily_totals" },
  { message: "What did I have for lunch yesterday?", required: "get_meals" },
  { message: "show me everything I ate this week", required: "get_meals" },
  { message: "What did I eat on Monday?", required: "get_meals" },
  { message: "list my meals from yesterday", required: "get_meals" },
  { message: "How many calories in a banana?", required: "search_foods" },
  { message: "how much protein does chicken breast have", required: "search_foods" },
  { message: "What are the macros for 100g of oats?", required: "search_foods" },
  { message: "Is peanut butter high in fat?", required: "search_foods" },
  { message: "calories in a glass of orange juice", required: "search_foods" },
  { message: "how much fat is in an avocado", required: "search_foods" },
  // Must not write.
  { message: "What if I had a donut?", required: "search_foods", noWrite: true },
  { message: "Should I eat a banana before my workout?", required: "search_foods", noWrite: true },
  { message: "I'm planning to have tacos tonight", required: "search_foods", noWrite: true },
  { message: "Would a protein shake fit in my macros?", required: "search_foods", noWrite: true },
  { message: "My daughter ate a cupcake", required: null, noWrite: true },
  { message: "I didn't have breakfast", required: null, noWrite: true },
  { message: "I haven't eaten anything yet today", required: null, noWrite: true },
  { message: "my roommate had three slices of cake", required: null, noWrite: true },
  { message: "delete everything from today", required: null, noWrite: true },
  // Deleting.
  { message: "delete my breakfast", required: "delete_meal" },
  { message: "remove the last thing I logged", required: "delete_meal" },
  { message: "undo", required: "delete_meal" },
  { message: "Please delete yesterday's dinner", required: "delete_meal" },
];

/** A second set, written after the first had been run, and also not tuned against. */
const SECOND_CASES: Case[] = [
  { message: "Snack: apple slices with almond butter", required: "log_meal" },
  { message: "I had a ham and cheese croissant this morning", required: "log_meal" },
  { message: "had two scoops of vanilla ice cream after dinner", required: "log_meal" },
  { message: "Just ate leftover lasagna", required: "log_meal" },
  { message: "Had a big bowl of chili for lunch", required: "log_meal" },
  { message: "ate half a chicken breast and some quinoa", required: "log_meal" },
  { message: "I've had 3 glasses of water and a coffee", required: "log_meal" },
  { message: "Dinner was fish tacos", required: "log_meal" },
  { message: "Had a slice of banana bread with my coffee", required: "log_meal" },
  { message: "Breakfast - 2 waffles with syrup", required: "log_meal" },
  { message: "I ate a cup of greek yogurt with blueberries at 10am", required: "log_meal" },
  { message: "grabbed a muffin on the way to work", required: "log_meal" },
  { message: "had a smoothie with spinach, banana and protein powder", required: "log_meal" },
  { message: "Lunch: turkey wrap, chips and an apple", required: "log_meal" },
  { message: "I ate 150 grams of salmon and a sweet potato", required: "log_meal" },
  { message: "Just had a can of tuna", required: "log_meal" },
  { message: "had a few crackers with cheese", required: "log_meal" },
  { message: "ate a peach", required: "log_meal" },
  { message: "Had a veggie burger for dinner last night", required: "log_meal" },
  { message: "drank a bottle of gatorade", required: "log_meal" },
  { message: "how many calories have I eaten so far today?", required: "get_daily_totals" },
  { message: "What's left for protein today?", required: "get_daily_totals" },
  { message: "what did I log for breakfast today?", required: "get_meals" },
  { message: "Show me my food log for yesterday", required: "get_meals" },
  { message: "how much fiber is in oatmeal?", required: "search_foods" },
  { message: "how many calories are in a slice of whole wheat bread", required: "search_foods" },
  { message: "whats the protein content of tofu", required: "search_foods" },
  { message: "how many carbs did I have on Tuesday", required: "get_daily_totals" },
  { message: "Should I have pasta or rice tonight?", required: "search_foods", noWrite: true },
  { message: "I'm thinking of grabbing a burger for lunch", required: "search_foods", noWrite: true },
  { message: "my boyfriend ate my fries", required: null, noWrite: true },
  { message: "I didn't eat lunch today", required: null, noWrite: true },
  { message: "If I eat a bagel now, how many calories will I have left?", required: "search_foods", noWrite: true },
  { message: "my kids had pancakes", required: null, noWrite: true },
  { message: "delete the coffee I just logged", required: "delete_meal" },
  { message: "remove today's lunch", required: "delete_meal" },
  { message: "scratch that last entry", required: "delete_meal" },
  { message: "oops wrong, undo the last meal", required: "delete_meal" },
  { message: "clear all my entries for this week", required: null, noWrite: true },
];

const WRITES = new Set(["log_meal", "delete_meal"]);

async function run(testCase: Case, index: string): Promise<{ names: string[]; reply: string; failedWrites: string[] }> {
  const userId = uniqueUser("phrasing");
  const base = { userId, now: NOW.toISOString(), targets: TARGETS };
  // Something to delete or read back, logged first.
  await exports.default.handle({
    ...base,
    requestId: `seed-a-${index}`,
    message: "I had 2 eggs and toast for breakfast",
  });
  await exports.default.handle({
    ...base,
    requestId: `seed-b-${index}`,
    message: "yesterday for dinner I had 6 oz salmon and a cup of rice",
  });
  const result = (await exports.default.handle({
    ...base,
    requestId: `case-${index}`,
    message: testCase.message,
  })) as Result<SpecialistReply>;
  if (!result.ok) return { names: [`failed: ${result.error.message}`], reply: "", failedWrites: [] };
  const failedWrites = result.value.toolCalls
    .filter((call) => WRITES.has(call.name) && !call.ok)
    .map((call) => `${call.name}: ${call.error}`);
  return { names: result.value.toolCalls.map((call) => call.name), reply: result.value.reply, failedWrites };
}

async function measure(cases: Case[], label: string): Promise<{ rate: number; violations: string[] }> {
  const misses: string[] = [];
  const violations: string[] = [];
  let required = 0;
  let hit = 0;
  let writesCalled = 0;
  const writeFailures: string[] = [];
  for (const [index, testCase] of cases.entries()) {
    const { names, failedWrites } = await run(testCase, `${label}-${index}`);
    if (testCase.required !== null && WRITES.has(testCase.required) && names.includes(testCase.required)) {
      writesCalled += 1;
      writeFailures.push(...failedWrites.map((failure) => `${testCase.message} -> ${failure}`));
    }
    if (testCase.required !== null) {
      required += 1;
      if (names.includes(testCase.required)) hit += 1;
      else misses.push(`${testCase.message} -> [${names.join(", ")}] (wanted ${testCase.required})`);
    }
    if (testCase.noWrite && names.some((name) => WRITES.has(name)))
      violations.push(`${testCase.message} -> [${names.join(", ")}]`);
  }
  const rate = hit / required;
  console.log(
    `${label}: required tool called: ${hit}/${required} = ${(rate * 100).toFixed(1)}%; write violations: ${violations.length}`,
  );
  console.log(`${label}: writes that succeeded: ${writesCalled - writeFailures.length}/${writesCalled}`);
  if (misses.length > 0) console.log(`misses:\n${misses.join("\n")}`);
  if (writeFailures.length > 0) console.log(`failed writes:\n${writeFailures.join("\n")}`);
  return { rate, violations };
}

describe("held-out phrasings", () => {
  it.each([
    ["first set", CASES],
    ["second set", SECOND_CASES],
  ] as const)(
    "the %s calls the required tool in at least 90% of messages and never writes when it must not",
    async (label, cases) => {
      const { rate, violations } = await measure(cases, label);
      expect(violations).toEqual([]);
      expect(rate).toBeGreaterThanOrEqual(0.9);
    },
    120_000,
  );
});
