import { describe, expect, it } from "vitest";
import { correctTypos } from "./typos.ts";

describe("correctTypos", () => {
  it.each([
    ["tooke my creatin", "took my creatin"],
    ["tuk my suplements", "took my supplements"],
    ["pasue fish oil 2 wks", "pause fish oil 2 weeks"],
    ["is my adherance ok?", "is my adherence ok?"],
    ["resum zinc tmrw", "resume zinc tomorrow"],
    ["Took my vitamns this mornin", "Took my vitamins this morning"],
  ])("puts %j right as %j", (message, corrected) => {
    expect(correctTypos(message)).toBe(corrected);
  });

  it.each([
    "start my creatine again",
    "finishing my creatine tub this week",
    "switched to magnesium glycinate",
    "I stared at the label",
    "the token was taken",
    "creatine 5 g every morning",
  ])("leaves %j as it is", (message) => {
    expect(correctTypos(message)).toBe(message);
  });
});
