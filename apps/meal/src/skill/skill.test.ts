// The meal skill's first step on realistic messages: which tools it calls and with what. The
// replies built from real tool results are tested in test/handle.test.ts against D1 and USDA data.
import { toToolSpec } from "@ensemble/ai";
import { mealTools } from "@ensemble/tools";
import { describe, expect, it } from "vitest";
import { MEAL_SYSTEM_PROMPT, systemPromptFor } from "../prompt.ts";
import { mealSkill } from "./index.ts";

// A Friday afternoon, so "yesterday" is 2026-11-19 and "this week" starts on Monday 2026-11-16.
const NOW = new Date("2026-11-20T14:00:00Z");
const TOOLS = mealTools.map(toToolSpec);

type Call = { name: string; arguments: Record<string, unknown> };

function firstStep(
  message: string,
  system = MEAL_SYSTEM_PROMPT,
  history: { role: "user" | "assistant"; content: string }[] = [],
) {
  return mealSkill.next({
    messages: [{ role: "system", content: system }, ...history, { role: "user", content: message }],
    tools: TOOLS,
    now: NOW,
  });
}

function callsOf(message: string): Call[] {
  const step = firstStep(message);
  return step.type === "tool-calls" ? step.calls : [];
}

function foods(call: Call | undefined): string[] {
  const items = (call?.arguments.items ?? []) as { food: string }[];
  return items.map((item) => item.food);
}

describe("logging messages", () => {
  it.each<[string, string[], Record<string, unknown>]>([
    ["I had 2 eggs and toast for breakfast", ["2 eggs", "toast"], { mealType: "breakfast" }],
    ["just ate a cup of rice with 6 oz salmon", ["a cup of rice", "6 oz salmon"], {}],
    ["lunch: chicken caesar salad and a diet coke", ["chicken caesar salad", "a diet coke"], { mealType: "lunch" }],
    ["yesterday for lunch I had a turkey sandwich", ["a turkey sandwich"], { mealType: "lunch", date: "2026-11-19" }],
    [
      "this morning I had oatmeal with a handful of blueberries",
      ["oatmeal", "a handful of blueberries"],
      { mealType: "breakfast" },
    ],
    ["1 scoop whey with 300ml milk", ["1 scoop whey", "300ml milk"], {}],
    ["a slice of pizza", ["a slice of pizza"], {}],
    ["had a banana as a snack", ["a banana"], { mealType: "snack" }],
    ["log 200g greek yogurt with honey", ["200g greek yogurt", "honey"], {}],
    [
      "for dinner I ate 6 oz steak, a baked potato and broccoli",
      ["6 oz steak", "a baked potato", "broccoli"],
      { mealType: "dinner" },
    ],
    [
      "Breakfast was two boiled eggs and a slice of whole wheat toast",
      ["two boiled eggs", "a slice of whole wheat toast"],
      { mealType: "breakfast" },
    ],
    ["grabbed a couple of apples", ["a couple of apples"], {}],
    ["I'm eating a bowl of cereal with milk right now", ["a bowl of cereal", "milk"], {}],
    ["drank a glass of orange juice at 7am", ["a glass of orange juice"], { time: "07:00" }],
    ["snacked on a handful of almonds", ["a handful of almonds"], { mealType: "snack" }],
    ["add a protein bar to my snacks", ["a protein bar"], { mealType: "snack" }],
    [
      "dinner last night was spaghetti and meatballs",
      ["spaghetti and meatballs"],
      { mealType: "dinner", date: "2026-11-19" },
    ],
    [
      "2 slices of pepperoni pizza and a beer for dinner",
      ["2 slices of pepperoni pizza", "a beer"],
      { mealType: "dinner" },
    ],
    ["coffee with milk this morning", ["coffee", "milk"], { mealType: "breakfast" }],
    ["150g chicken breast, 1 cup brown rice, broccoli", ["150g chicken breast", "1 cup brown rice", "broccoli"], {}],
    ["I've just had a big plate of pasta", ["a big plate of pasta"], {}],
    ["my lunch was a tuna sandwich", ["a tuna sandwich"], { mealType: "lunch" }],
    ["Had a burger for lunch. It was delicious!", ["a burger"], { mealType: "lunch" }],
    ["I had 2 eggs for breakfast, how much protein is that?", ["2 eggs"], { mealType: "breakfast" }],
    ["3 eggs, 2 slices of bacon and coffee with cream", ["3 eggs", "2 slices of bacon", "coffee", "cream"], {}],
    ["Just finished a smoothie 😋", ["a smoothie"], {}],
    [
      "had a couple of slices of toast with butter and jam at 8am",
      ["a couple of slices of toast", "butter", "jam"],
      { time: "08:00" },
    ],
    ["Could you log a chicken wrap for lunch please", ["a chicken wrap"], { mealType: "lunch" }],
    ["Late night snack: a bowl of ice cream", ["a bowl of ice cream"], { mealType: "snack" }],
    ["a few strawberries and greek yogurt as dessert", ["a few strawberries", "greek yogurt"], { mealType: "snack" }],
    [
      "6 oz salmon, a cup of rice and a slice of bread at 7pm",
      ["6 oz salmon", "a cup of rice", "a slice of bread"],
      { time: "19:00" },
    ],
    ["Ate a large apple on Monday afternoon", ["a large apple"], { date: "2026-11-16" }],
  ])("%j logs one meal", (message, expectedFoods, fields) => {
    const calls = callsOf(message);
    expect(calls.map((call) => call.name)).toEqual(["log_meal"]);
    expect(foods(calls[0])).toEqual(expectedFoods);
    expect(calls[0]?.arguments).toMatchObject(fields);
  });

  it("reads amounts into quantity and unit", () => {
    const [call] = callsOf("I had 6 oz salmon, a cup of rice and 2 eggs");
    expect(call?.arguments.items).toEqual([
      { food: "6 oz salmon", quantity: 6, unit: "oz" },
      { food: "a cup of rice", quantity: 1, unit: "cup" },
      { food: "2 eggs", quantity: 2 },
    ]);
  });

  it("gives small additions a small default portion", () => {
    const [call] = callsOf("coffee with milk and sugar");
    expect(call?.arguments.items).toEqual([
      { food: "coffee" },
      { food: "milk", quantity: 1, unit: "splash" },
      { food: "sugar", quantity: 1, unit: "tsp" },
    ]);
  });

  it("leaves clauses about supplements, training and weight to the other specialists", () => {
    expect(callsOf("I had 2 eggs for breakfast and took my creatine").map(foods)).toEqual([["2 eggs"]]);
    expect(callsOf("squatted 5x5 at 100kg then had a protein shake").map(foods)).toEqual([["a protein shake"]]);
    expect(callsOf("weighed 80kg this morning, had oatmeal for breakfast").map(foods)).toEqual([["oatmeal"]]);
    expect(callsOf("took my vitamin d and magnesium")).toEqual([]);
  });

  it("splits one message into two meals when it names two", () => {
    const calls = callsOf("eggs for breakfast and a salad for lunch");
    expect(calls.map((call) => [call.arguments.mealType, foods(call)])).toEqual([
      ["breakfast", ["eggs"]],
      ["lunch", ["a salad"]],
    ]);
    const leading = callsOf("yesterday for breakfast oatmeal, for lunch a burrito");
    expect(leading.map((call) => [call.arguments.mealType, call.arguments.date, foods(call)])).toEqual([
      ["breakfast", "2026-11-19", ["oatmeal"]],
      ["lunch", "2026-11-19", ["a burrito"]],
    ]);
  });
});

describe("messages that must not write", () => {
  it.each([
    "what if I ate a whole pizza tonight?",
    "should I have a burger for dinner?",
    "I'm going to eat a steak later",
    "thinking about having ice cream",
    "can I fit a donut in my macros?",
    "I might have a bagel tomorrow",
    "I didn't eat breakfast today",
    "I skipped lunch",
    "no snacks today",
    "I haven't had dinner yet",
    "my wife had a burger",
    "my son ate 3 cookies",
    "my friend drank two beers",
    "calories in 100 g of brown rice",
    "how much protein have I had today?",
  ])("%j calls no write tool", (message) => {
    const names = callsOf(message).map((call) => call.name);
    expect(names).not.toContain("log_meal");
    expect(names).not.toContain("delete_meal");
  });

  it("estimates a hypothetical through search_foods and today's totals", () => {
    const calls = callsOf("what if I ate a whole pizza tonight?");
    expect(calls).toEqual([
      { name: "search_foods", arguments: { query: "pizza", quantity: 1, unit: "whole", limit: 3 } },
      { name: "get_daily_totals", arguments: {} },
    ]);
  });

  it("estimates someone else's food without logging it", () => {
    expect(callsOf("my wife had a burger")).toEqual([
      { name: "search_foods", arguments: { query: "burger", quantity: 1, limit: 3 } },
    ]);
  });

  it("answers a negation without any tool", () => {
    const step = firstStep("I didn't eat breakfast today");
    expect(step.type).toBe("answer");
    expect(step.type === "answer" && step.text).toMatch(/nothing logged for breakfast/);
  });
});

describe("questions", () => {
  it.each<[string, Call]>([
    ["how much protein have I had today?", { name: "get_daily_totals", arguments: { date: "2026-11-20" } }],
    ["how many calories do I have left?", { name: "get_daily_totals", arguments: { date: "2026-11-20" } }],
    ["am I on track with my macros?", { name: "get_daily_totals", arguments: { date: "2026-11-20" } }],
    ["did I hit my protein goal yesterday?", { name: "get_daily_totals", arguments: { date: "2026-11-19" } }],
    ["how much fat did I have yesterday", { name: "get_daily_totals", arguments: { date: "2026-11-19" } }],
    ["what did I eat yesterday?", { name: "get_meals", arguments: { date: "2026-11-19" } }],
    ["show me my meals this week", { name: "get_meals", arguments: { from: "2026-11-16", to: "2026-11-20" } }],
    ["what did I have for breakfast?", { name: "get_meals", arguments: { mealType: "breakfast" } }],
    [
      "what did I eat for lunch on Monday?",
      { name: "get_meals", arguments: { date: "2026-11-16", mealType: "lunch" } },
    ],
    [
      "how many calories did I eat last week?",
      { name: "get_meals", arguments: { from: "2026-11-09", to: "2026-11-15" } },
    ],
    [
      "calories in 100 g of brown rice",
      { name: "search_foods", arguments: { query: "brown rice", quantity: 100, unit: "g", limit: 3 } },
    ],
    ["how much protein is in an egg?", { name: "search_foods", arguments: { query: "egg", quantity: 1, limit: 3 } }],
    [
      "macros for 6 oz salmon",
      { name: "search_foods", arguments: { query: "salmon", quantity: 6, unit: "oz", limit: 3 } },
    ],
    ["is greek yogurt high in protein?", { name: "search_foods", arguments: { query: "greek yogurt", limit: 3 } }],
    [
      "how many calories does a slice of pizza have?",
      { name: "search_foods", arguments: { query: "pizza", quantity: 1, unit: "slice", limit: 3 } },
    ],
  ])("%j", (message, expected) => {
    expect(callsOf(message)).toEqual([expected]);
  });
});

describe("deleting", () => {
  it.each<[string, Record<string, unknown>]>([
    ["delete my last meal", { last: true }],
    ["undo that", { last: true }],
    ["remove yesterday's lunch", { mealType: "lunch", date: "2026-11-19" }],
    ["delete the pizza I logged", { containing: "pizza", last: true }],
    ["oops, remove breakfast", { mealType: "breakfast" }],
    ["I didn't have the cookie, delete it", { containing: "cookie", last: true }],
  ])("%j deletes one meal", (message, target) => {
    expect(callsOf(message)).toEqual([{ name: "delete_meal", arguments: target }]);
  });

  it.each(["delete all my meals", "clear today's log", "wipe everything", "delete every meal from this week"])(
    "%j is refused as a bulk delete",
    (message) => {
      const step = firstStep(message);
      expect(step.type).toBe("answer");
      expect(step.type === "answer" && step.text).toMatch(/one meal at a time/);
    },
  );
});

function photo(items: { name: string; grams: number; confidence: number; foodId?: number }[]): string {
  return systemPromptFor({
    userId: "u",
    requestId: "r",
    message: "x",
    history: [],
    now: NOW.toISOString(),
    visionItems: items,
  });
}

describe("photos", () => {
  it("logs confident items when the words say they were eaten", () => {
    const step = firstStep(
      "just had this for lunch",
      photo([
        { name: "grilled chicken breast", grams: 150, confidence: 0.82, foodId: 5064 },
        { name: "rice", grams: 180, confidence: 0.4 },
      ]),
    );
    expect(step).toEqual({
      type: "tool-calls",
      calls: [
        {
          name: "log_meal",
          arguments: {
            items: [{ food: "grilled chicken breast", quantity: 150, unit: "g", foodId: 5064 }],
            mealType: "lunch",
          },
        },
      ],
    });
  });

  it("asks to confirm when the words do not say it was eaten", () => {
    const step = firstStep("what's this?", photo([{ name: "banana", grams: 118, confidence: 0.9 }]));
    expect(step).toEqual({
      type: "tool-calls",
      calls: [{ name: "search_foods", arguments: { query: "banana", quantity: 118, unit: "g", limit: 1 } }],
    });
  });

  it("asks to confirm when nothing is confident enough", () => {
    const step = firstStep("my lunch", photo([{ name: "curry", grams: 300, confidence: 0.5 }]));
    expect(step.type === "tool-calls" && step.calls.map((call) => call.name)).toEqual(["search_foods"]);
  });

  it("logs the offered items when the user confirms", () => {
    const offer = 'Here\'s what I see in the photo:\n• banana, ~118 g: about 105 kcal\nWant me to log it? Say "yes".';
    const step = firstStep("yes, log it as a snack", MEAL_SYSTEM_PROMPT, [
      { role: "user", content: "what's this?" },
      { role: "assistant", content: offer },
    ]);
    expect(step).toEqual({
      type: "tool-calls",
      calls: [
        { name: "log_meal", arguments: { items: [{ food: "banana", quantity: 118, unit: "g" }], mealType: "snack" } },
      ],
    });
  });
});

describe("after tool results", () => {
  it("turns a refused log into an estimate", () => {
    const step = mealSkill.next({
      messages: [
        { role: "system", content: MEAL_SYSTEM_PROMPT },
        { role: "user", content: "lunch: a burger" },
        {
          role: "assistant",
          content: "",
          toolCalls: [
            { id: "call_1", name: "log_meal", arguments: { items: [{ food: "a burger" }], mealType: "lunch" } },
          ],
        },
        {
          role: "tool",
          toolCallId: "call_1",
          name: "log_meal",
          content: "Refused: Not running log_meal: hypothetical. Nothing was saved.",
        },
      ],
      tools: TOOLS,
      now: NOW,
    });
    expect(step).toEqual({
      type: "tool-calls",
      calls: [{ name: "search_foods", arguments: { query: "burger", quantity: 1, limit: 3 } }],
    });
  });

  it("says plainly when logging failed", () => {
    const step = mealSkill.next({
      messages: [
        { role: "user", content: "I had 2 eggs" },
        {
          role: "assistant",
          content: "",
          toolCalls: [{ id: "call_1", name: "log_meal", arguments: { items: [{ food: "2 eggs", quantity: 2 }] } }],
        },
        {
          role: "tool",
          toolCallId: "call_1",
          name: "log_meal",
          content: "Error: log_meal failed: nothing was logged: food search unavailable",
        },
      ],
      tools: TOOLS,
      now: NOW,
    });
    expect(step.type === "answer" && step.text).toMatch(
      /^I couldn't log that: nothing was logged: food search unavailable/,
    );
  });

  it("calls only tools the request offers", () => {
    const step = mealSkill.next({
      messages: [{ role: "user", content: "I had 2 eggs" }],
      tools: TOOLS.filter((tool) => tool.name !== "log_meal"),
      now: NOW,
    });
    expect(step.type).toBe("answer");
  });
});
