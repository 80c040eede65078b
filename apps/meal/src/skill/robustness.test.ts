// The meal skill on messy, realistic messages: shorthand, chatter around the food, amounts said
// after the food, questions next to reports, other people's food in the same sentence, and
// conversations (follow-ups, corrections). Also the second rounds: checking unknown foods with
// the search before logging, logging again without a food USDA does not know, and logging a
// corrected meal after deleting the wrong one.
import type { ChatMessage } from "@ensemble/ai";
import { toToolSpec } from "@ensemble/ai";
import { mealTools } from "@ensemble/tools";
import { describe, expect, it } from "vitest";
import { mealSkill } from "./index.ts";

const NOW = new Date("2026-11-20T14:00:00Z");
const TOOLS = mealTools.map(toToolSpec);

type Call = { name: string; arguments: Record<string, unknown> };

function step(messages: ChatMessage[]) {
  return mealSkill.next({ messages, tools: TOOLS, now: NOW });
}

/** The first step for a message, after earlier user turns (each answered with "ok"). */
function callsOf(message: string, earlier: string[] = []): Call[] {
  const history: ChatMessage[] = earlier.flatMap((turn): ChatMessage[] => [
    { role: "user", content: turn },
    { role: "assistant", content: "ok" },
  ]);
  const result = step([...history, { role: "user", content: message }]);
  return result.type === "tool-calls" ? result.calls : [];
}

function foods(calls: Call[]): string[] {
  return calls
    .filter((call) => call.name === "log_meal")
    .flatMap((call) => (call.arguments.items as { food: string }[]).map((item) => item.food));
}

describe("messy reports log only the foods", () => {
  it.each<[string, string[]]>([
    ["had a bacon roll and a flat white on the way to work", ["a bacon roll", "a flat white"]],
    ["morning snack: 1 apple + 10 almonds", ["1 apple", "10 almonds"]],
    ["I had a couple of beers and a curry", ["a couple of beers", "a curry"]],
    ["a cup of soup and a roll", ["a cup of soup", "a roll"]],
    ["Had fish & chips from the chippy", ["battered fish", "fries"]],
    ["had a chicken caesar wrap from pret", ["a chicken caesar wrap"]],
    ["nothing for breakfast, just coffee", ["coffee"]],
    ["2nd coffee of the day", ["coffee"]],
    ["ate loads of biscuits at work today", ["biscuits"]],
    ["so stuffed, had a massive plate of nachos", ["a massive plate of nachos"]],
    ["long day so I just grabbed a kebab on the way home", ["a kebab"]],
    ["my partner had a salad but I went for the burger and fries", ["the burger", "fries"]],
    ["honestly just had toast. two slices.", ["toast"]],
    ["cheese toastie and tomato soup for lunch", ["cheese toastie", "tomato soup"]],
    ["skipped breakfast but had a big lunch - chicken burrito", ["chicken burrito"]],
    ["for dinner: stir-fried tofu with noodles and veg", ["stir-fried tofu", "noodles", "vegetables"]],
    ["i've eaten nothing but a banana today", ["a banana"]],
    ["Post-gym smoothie with milk, a banana and a scoop of whey", ["milk", "a banana", "a scoop of whey"]],
    ["beans on toast", ["beans", "toast"]],
    ["steak and chips with a glass of red wine", ["steak", "fries", "a glass of red wine"]],
    ["1 scoop whey in 250ml almond milk", ["1 scoop whey", "250ml almond milk"]],
    ["turkey club, a side of fries and an iced tea", ["turkey club", "fries", "an iced tea"]],
    ["half a bag of popcorn watching a movie", ["half a bag of popcorn"]],
    ["two poached eggs on sourdough toast", ["two poached eggs", "sourdough toast"]],
    ["peanut butter on a bagel", ["peanut butter", "a bagel"]],
    ["breakfast: overnight oats with chia seeds and raspberries", ["overnight oats", "chia seeds", "raspberries"]],
    ["overnight oats made with 40g oats, 200ml milk and honey", ["40g oats", "200ml milk", "honey"]],
  ])("%j", (message, expected) => {
    expect(foods(callsOf(message))).toEqual(expected);
  });

  it("reads amounts said after the food", () => {
    const [packet] = callsOf("had a pot noodle for lunch, the whole pot");
    expect(packet?.arguments.items).toEqual([{ food: "a pot noodle", quantity: 1, unit: "pot" }]);
    const [fragments] = callsOf("Dinner. Sausages. Three of them.");
    expect(fragments?.arguments).toEqual({ items: [{ food: "sausages", quantity: 3 }], mealType: "dinner" });
    const [seconds] = callsOf("had a bowl of chilli, then a second bowl");
    expect(seconds?.arguments.items).toEqual([{ food: "a bowl of chilli", quantity: 2, unit: "bowl" }]);
    const [weighed] = callsOf("leftover lasagne, roughly 300g");
    expect(weighed?.arguments.items).toEqual([{ food: "leftover lasagne", quantity: 300, unit: "g" }]);
    const [times] = callsOf("scrambled eggs on toast x2");
    expect(times?.arguments.items).toEqual([
      { food: "scrambled eggs", quantity: 2 },
      { food: "toast", quantity: 2 },
    ]);
  });

  it("splits meals named with 'was'", () => {
    const calls = callsOf("breakfast was a croissant, dinner was lamb curry");
    expect(calls.map((call) => [call.arguments.mealType, foods([call])])).toEqual([
      ["breakfast", ["a croissant"]],
      ["dinner", ["lamb curry"]],
    ]);
  });

  it("asks instead of logging when no food is named", () => {
    for (const message of ["had my usual", "ate some stuff", "feeling bloated after lunch"]) {
      const result = step([{ role: "user", content: message }]);
      expect(result.type, message).toBe("answer");
    }
  });
});

describe("questions are read, not logged", () => {
  it.each<[string, string]>([
    ["remind me what i had for lunch", "get_meals"],
    ["wat did i have yday", "get_meals"],
    ["can u show me everything from yesterday", "get_meals"],
    ["did i already log dinner?", "get_meals"],
    ["whats my calorie total for the week", "get_meals"],
    ["hows my protein looking", "get_daily_totals"],
    ["cals remaining?", "get_daily_totals"],
    ["give me a rundown of today", "get_daily_totals"],
    ["where am i at with carbs", "get_daily_totals"],
    ["tell me my totals", "get_daily_totals"],
    ["how many cals in a bagel w/ cream cheese", "search_foods"],
    ["is hummus high in protein or nah", "search_foods"],
    ["nutrition info for quinoa pls", "search_foods"],
    ["quick q: protein in 3 eggs?", "search_foods"],
    ["a mars bar - how much sugar is in that", "search_foods"],
    ["what's in a croissant, calorie-wise?", "search_foods"],
  ])("%j -> %s", (message, tool) => {
    const names = callsOf(message).map((call) => call.name);
    expect(names).toContain(tool);
    expect(names).not.toContain("log_meal");
  });

  it.each<[string, string[]]>([
    ["salmon or chicken, which has more protein?", ["salmon", "chicken"]],
    ["which is healthier, brown or white rice", ["brown rice", "white rice"]],
    ["how much protein in greek yogurt vs cottage cheese", ["greek yogurt", "cottage cheese"]],
    ["what's better for fibre: lentils or chickpeas", ["lentils", "chickpeas"]],
  ])("%j compares %j", (message, queries) => {
    expect(callsOf(message).map((call) => call.arguments.query)).toEqual(queries);
  });

  it("logs a report and answers the food question asked with it", () => {
    const calls = callsOf("how much protein is in cottage cheese? I just had 150g of it");
    expect(calls).toEqual([
      { name: "log_meal", arguments: { items: [{ food: "150g cottage cheese", quantity: 150, unit: "g" }] } },
      { name: "search_foods", arguments: { query: "cottage cheese", limit: 3 } },
    ]);
  });

  it("leaves a request to read out of the logged items", () => {
    expect(foods(callsOf("add a flapjack and tell me my total"))).toEqual(["a flapjack"]);
    expect(foods(callsOf("log a banana, then show me my day"))).toEqual(["a banana"]);
  });
});

describe("messages that must not write", () => {
  it.each([
    "gonna have a burrito later",
    "my flatmate cooked a massive curry and ate the lot",
    "didn't get round to eating lunch today",
    "would 2 slices of cake ruin my day?",
    "the kids had fish fingers for tea",
    "i would've had the cake but i didn't",
  ])("%j", (message) => {
    const names = callsOf(message).map((call) => call.name);
    expect(names).not.toContain("log_meal");
    expect(names).not.toContain("delete_meal");
  });
});

describe("days a meal cannot be dated to", () => {
  it("asks instead of logging a meal on a day the calendar lacks or one still to come", () => {
    for (const message of ["on 31 feb I had a salad", "I had a banana next week", "tomorrow I had eggs"]) {
      expect(foods(callsOf(message)), message).toEqual([]);
    }
    expect(step([{ role: "user", content: "on 31 feb I had a salad" }])).toMatchObject({
      type: "answer",
      text: expect.stringMatching(/no 31 feb/),
    });
    expect(foods(callsOf("on 3 feb I had a salad"))).toEqual(["a salad"]);
  });
});

describe("follow-ups", () => {
  it("logs the food asked about just before", () => {
    expect(foods(callsOf("ok add one as a snack", ["how many calories are in a croissant?"]))).toEqual(["a croissant"]);
    expect(foods(callsOf("fine, I had one", ["what if I had a donut?"]))).toEqual(["a donut"]);
  });

  it("adds an 'and ...' to the meal just logged, not to a new one now", () => {
    const [added] = callsOf("and a diet coke", ["had a tuna salad for lunch"]);
    expect(added?.arguments).toEqual({ items: [{ food: "a diet coke" }], mealType: "lunch" });
    // Named meals keep their own: "and a biscuit for a snack" is a snack.
    const [snack] = callsOf("and a biscuit as a snack", ["had a tuna salad for lunch"]);
    expect(snack?.arguments.mealType).toBe("snack");
  });

  it("logs 'one more' or 'same again' as the same food again, now", () => {
    expect(foods(callsOf("one more", ["had a glass of red wine"]))).toEqual(["a glass of red wine"]);
    expect(callsOf("same again", ["had a flat white at 9am"])[0]?.arguments).toEqual({
      items: [{ food: "a flat white" }],
    });
    expect(callsOf("one more")).toEqual([]);
  });

  it("reads 'what about protein?' as the day's protein, and 'what about avocado?' as the food", () => {
    expect(callsOf("what about protein?", ["had a tuna salad for lunch"])).toEqual([
      { name: "get_daily_totals", arguments: { date: "2026-11-20" } },
    ]);
    expect(callsOf("what about avocado?").map((call) => call.name)).toEqual(["search_foods"]);
  });

  it("undoes the last log when the next message calls it off", () => {
    expect(callsOf("scratch that, I didn't actually eat it", ["had a chocolate bar"])).toEqual([
      { name: "delete_meal", arguments: { last: true } },
    ]);
  });

  it("does not treat a delete request's filler as the food", () => {
    expect(callsOf("I think I logged breakfast wrong, delete it")).toEqual([
      { name: "delete_meal", arguments: { mealType: "breakfast" } },
    ]);
    expect(callsOf("remove the pizza from yesterday")).toEqual([
      { name: "delete_meal", arguments: { date: "2026-11-19", containing: "pizza", last: true } },
    ]);
  });
});

/** A conversation with this turn's tool calls and their results appended. */
function withResults(message: string, calls: Call[], results: string[], earlier: ChatMessage[] = []): ChatMessage[] {
  const messages: ChatMessage[] = [...earlier, { role: "user", content: message }];
  messages.push({
    role: "assistant",
    content: "",
    toolCalls: calls.map((call, index) => ({ id: `call_${index}`, name: call.name, arguments: call.arguments })),
  });
  calls.forEach((call, index) =>
    messages.push({ role: "tool", toolCallId: `call_${index}`, name: call.name, content: results[index] ?? "{}" }),
  );
  return messages;
}

function hits(...names: string[]): string {
  return JSON.stringify({
    hits: names.map((name, index) => ({
      foodId: index + 1,
      name,
      per100g: { energyKcal: 100, proteinG: 1, carbohydrateG: 1, fatG: 1 },
    })),
  });
}

describe("second rounds", () => {
  it("checks an unknown food with the search and logs only what it knows", () => {
    const message = "had tempeh and a zorblax for dinner";
    const first = callsOf(message);
    expect(first.map((call) => [call.name, call.arguments.query])).toEqual([["search_foods", "zorblax"]]);
    const second = step(withResults(message, first, [hits("Carob flour", "Beverages, water")]));
    expect(second).toEqual({
      type: "tool-calls",
      calls: [{ name: "log_meal", arguments: { items: [{ food: "tempeh" }], mealType: "dinner" } }],
    });
  });

  it("asks what an unknown food is when the search does not know it", () => {
    const message = "just had a zorblax";
    const first = callsOf(message);
    const second = step(withResults(message, first, [hits("Carob flour")]));
    expect(second.type).toBe("answer");
    expect(second.type === "answer" && second.text).toMatch(/not sure what food "a zorblax" is.*describe it/);
  });

  it("logs an unknown food the search does know", () => {
    const message = "had some kottu for lunch";
    const first = callsOf(message);
    const second = step(withResults(message, first, [hits("Kottu, chicken")]));
    expect(second.type === "tool-calls" && second.calls.map((call) => call.name)).toEqual(["log_meal"]);
  });

  it("logs again without a food USDA does not know, and says so", () => {
    const message = "lamb curry with a peshwari naan";
    const first = callsOf(message);
    const error =
      'Error: log_meal failed: nothing was logged: item 2 ("a peshwari naan"): no food in the USDA database matches "peshwari naan"; describe it in other words (e.g. its main ingredients)';
    const second = step(withResults(message, first, [error]));
    expect(second).toEqual({
      type: "tool-calls",
      calls: [{ name: "log_meal", arguments: { items: [{ food: "lamb curry" }] } }],
    });
  });

  it("deletes the wrong meal, then logs the corrected one in its place", () => {
    const earlier: ChatMessage[] = [
      { role: "user", content: "3 eggs and toast for breakfast" },
      { role: "assistant", content: "Logged." },
    ];
    const message = "actually it was 2 eggs not 3";
    const first = step([...earlier, { role: "user", content: message }]);
    expect(first).toEqual({ type: "tool-calls", calls: [{ name: "delete_meal", arguments: { last: true } }] });
    const deleted = JSON.stringify({
      alreadyDeleted: false,
      deleted: {
        id: "m1",
        description: "breakfast on 2026-11-20 at 08:00: 3 eggs, toast (420 kcal)",
        mealType: "breakfast",
        date: "2026-11-20",
        time: "08:00",
      },
    });
    const second = step(withResults(message, [{ name: "delete_meal", arguments: { last: true } }], [deleted], earlier));
    expect(second).toEqual({
      type: "tool-calls",
      calls: [
        {
          name: "log_meal",
          arguments: {
            items: [{ food: "2 eggs", quantity: 2 }, { food: "toast" }],
            mealType: "breakfast",
            date: "2026-11-20",
            time: "08:00",
          },
        },
      ],
    });
  });

  it("explains instead of deleting when a correction has nothing to correct", () => {
    const result = step([{ role: "user", content: "actually it was 2 eggs not 3" }]);
    expect(result.type).toBe("answer");
    expect(result.type === "answer" && result.text).toMatch(/nothing was changed/);
  });
});

describe("words that contain a preposition", () => {
  // "afternoon snack" once lost "on snack..." to the "on my snack list" ending and became "afterno".
  it.each([
    "what if I swapped my afternoon snack for a protein bar?",
    "grapes as an afternoon snack",
    "a bagel in the afternoon to my log",
  ])("keeps whole words in the food names of %j", (message) => {
    const texts = callsOf(message).flatMap((call) => JSON.stringify(call.arguments));
    expect(texts.join(" ")).not.toMatch(/\bafterno\b/);
  });
});

describe("openings and dish names", () => {
  it.each([
    ["now eating a tuna sandwich", ["tuna sandwich"]],
    ["I'm currently having a bagel", ["bagel"]],
    ["eggs and avocado toast", ["eggs", "avocado toast"]],
    ["a turkey and cheese sandwich", ["turkey and cheese sandwich"]],
  ])("reads the foods of %j", (message, expected) => {
    const logged = callsOf(message).find((call) => call.name === "log_meal");
    const items = (logged?.arguments.items ?? []) as { food: string }[];
    expect(items.map((item) => item.food.replace(/^(?:a|an)\s+/, ""))).toEqual(expected);
  });
});

describe("lists written one item a line", () => {
  it.each([
    ["Lunch\n- turkey sandwich\n- apple\n- sparkling water", ["turkey sandwich", "apple", "sparkling water"]],
    ["breakfast:\n1. porridge\n2. a banana", ["porridge", "banana"]],
    ["* 2 eggs\n* toast", ["2 eggs", "toast"]],
  ])("logs every line of %j", (message, expected) => {
    const logged = callsOf(message).find((call) => call.name === "log_meal");
    const items = (logged?.arguments.items ?? []) as { food: string }[];
    expect(items.map((item) => item.food.replace(/^(?:a|an)\s+/, ""))).toEqual(expected);
  });

  it("leaves the reason out of the food: a banana before lifting is a banana", () => {
    const logged = callsOf("had a banana before lifting").find((call) => call.name === "log_meal");
    expect(logged?.arguments.items).toEqual([{ food: "a banana" }]);
  });
});
