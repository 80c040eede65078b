import { describe, expect, it } from "vitest";
import { splitAsks } from "./asks.ts";

describe("splitAsks", () => {
  it.each<[string, string[], string[]]>([
    ["add a flapjack and tell me my total", ["add a flapjack"], ["tell me my total"]],
    ["a slice of cheesecake - how many calories is that", ["a slice of cheesecake"], ["how many calories is that"]],
    ["remind me what my dinner was", [], ["remind me what my dinner was"]],
    ["had a bagel for lunch, is that a lot of carbs?", ["had a bagel for lunch"], ["is that a lot of carbs?"]],
    ["is rice high in carbs? I just had a cup of it", ["i just had a cup of it"], ["is rice high in carbs?"]],
    ["calories left?", [], ["calories left?"]],
    ["could you log a kebab for dinner?", ["could you log a kebab for dinner?"], []],
    ["Lunch. Soup. Bread roll.", ["lunch", "soup", "bread roll"], []],
  ])("%j", (message, statements, asks) => {
    expect(splitAsks(message.toLowerCase())).toEqual({ statements, asks });
  });
});
