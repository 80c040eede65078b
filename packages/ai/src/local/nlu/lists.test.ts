import { describe, expect, it } from "vitest";
import { splitList } from "./lists.ts";

describe("splitList", () => {
  it.each<[string, string[]]>([
    ["2 eggs and toast, plus a coffee", ["2 eggs", "toast", "a coffee"]],
    ["grilled chicken with rice", ["grilled chicken", "rice"]],
    ["oats, blueberries & honey", ["oats", "blueberries", "honey"]],
    ["a banana then a protein shake", ["a banana", "a protein shake"]],
    ["eggs, bacon, and hash browns.", ["eggs", "bacon", "hash browns"]],
    ["salmon; quinoa; asparagus", ["salmon", "quinoa", "asparagus"]],
    ["creatine and fish oil and then vitamin D", ["creatine", "fish oil", "vitamin D"]],
    ["bench 3x8, then rows 3x10", ["bench 3x8", "rows 3x10"]],
    ["pasta as well as garlic bread", ["pasta", "garlic bread"]],
    ["yogurt + granola", ["yogurt", "granola"]],
    ["steak along with a baked potato", ["steak", "a baked potato"]],
    ["Chicken Caesar", ["Chicken Caesar"]],
  ])("%j", (text, items) => {
    expect(splitList(text)).toEqual(items);
  });

  it.each<[string, string[]]>([
    ["mac and cheese with a coke", ["mac and cheese", "a coke"]],
    ["a peanut butter and jelly sandwich and milk", ["a peanut butter and jelly sandwich", "milk"]],
    ["salt and pepper wings and fries", ["salt and pepper wings", "fries"]],
    ["fish and chips, mushy peas", ["fish and chips", "mushy peas"]],
    ["mac & cheese and broccoli", ["mac & cheese", "broccoli"]],
    ["mac n cheese, apple", ["mac n cheese", "apple"]],
    ["spaghetti and meatballs then tiramisu", ["spaghetti and meatballs", "tiramisu"]],
    ["a bowl of cookies and cream ice cream", ["a bowl of cookies and cream ice cream"]],
    ["PB&J and chips", ["PB&J", "chips"]],
  ])("keeps compound %j whole", (text, items) => {
    expect(splitList(text)).toEqual(items);
  });

  it("does not split amounts", () => {
    expect(splitList("one and a half cups of rice and two eggs")).toEqual(["one and a half cups of rice", "two eggs"]);
    expect(splitList("1,5 kg potatoes and 1,000 g rice")).toEqual(["1,5 kg potatoes", "1,000 g rice"]);
  });

  it("splits pasted lines and strips bullets", () => {
    expect(splitList("- eggs\n- toast\n* OJ\n1. coffee")).toEqual(["eggs", "toast", "OJ", "coffee"]);
  });

  it("accepts extra compounds from the caller", () => {
    expect(splitList("chicken and rice and a salad")).toEqual(["chicken", "rice", "a salad"]);
    expect(splitList("chicken and rice and a salad", { compounds: ["chicken and rice"] })).toEqual([
      "chicken and rice",
      "a salad",
    ]);
  });

  it("returns nothing for empty or separator-only text", () => {
    expect(splitList("")).toEqual([]);
    expect(splitList(" , and ")).toEqual([]);
  });
});
