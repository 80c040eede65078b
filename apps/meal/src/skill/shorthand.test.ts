import { describe, expect, it } from "vitest";
import { expandShorthand } from "./shorthand.ts";

describe("expandShorthand", () => {
  it.each([
    ["wat did i eat yday", "what did i eat yesterday"],
    ["howmuch protein 2day", "how much protein today"],
    ["3 egs n toast 4 brekkie", "3 eggs and toast for breakfast"],
    ["coffee w/ oat milk", "coffee with oat milk"],
    ["pizza last nite", "pizza last night"],
    ["sooooo hungryyyy", "so hungry"],
    ["rmv yday's dinner pls", "remove yesterday's dinner please"],
    ["hows my protein", "how's my protein"],
    ["the pizza from yesterday", "the pizza yesterday"],
    ["my total for the week", "my total for this week"],
    ["spag bol for tea", "spaghetti bolognese for dinner"],
    ["fish fingers 4 tea tonight", "fish fingers for dinner tonight"],
  ])("%j -> %j", (message, expanded) => {
    expect(expandShorthand(message)).toBe(expanded);
  });

  it("keeps tea that is a drink", () => {
    expect(expandShorthand("biscuits for tea time")).toBe("biscuits for tea time");
    expect(expandShorthand("had toast with my tea")).toBe("had toast with my tea");
  });

  it("keeps a 4 that counts food", () => {
    expect(expandShorthand("had 4 breakfast tacos")).toBe("had 4 breakfast tacos");
    expect(expandShorthand("4 eggs")).toBe("4 eggs");
  });
});
