import { describe, expect, it } from "vitest";
import { mealTypeForTime, parseDuration, parsePeriod, parseWhen, wallClockNow } from "./when.ts";

// Wednesday 25 November 2026, 14:00 UTC.
const now = new Date("2026-11-25T14:00:00Z");

describe("parseWhen", () => {
  it.each<[string, string]>([
    ["had porridge today", "2026-11-25"],
    ["Yesterday I had a burrito", "2026-11-24"],
    ["the day before yesterday I skipped the gym", "2026-11-23"],
    ["day before yesterday: pho", "2026-11-23"],
    ["3 days ago I ran 10k", "2026-11-22"],
    ["two days ago", "2026-11-23"],
    ["a week ago", "2026-11-18"],
    ["on Monday I had sushi", "2026-11-23"],
    ["Monday: chest day", "2026-11-23"],
    ["on Wednesday", "2026-11-25"],
    ["last Wednesday", "2026-11-18"],
    ["last friday night pizza", "2026-11-20"],
    ["on sat I did a long run", "2026-11-21"],
    ["this monday", "2026-11-23"],
    ["next monday", "2026-11-30"],
    ["on 2026-11-20 I had a cold", "2026-11-20"],
    ["Nov 20th, 2025", "2025-11-20"],
    ["on the 3rd of December", "2025-12-03"],
    ["March 4", "2026-03-04"],
    ["tomorrow I'm fasting", "2026-11-26"],
    ["no date here, 2 eggs", "2026-11-25"],
  ])("%j is %s", (text, date) => {
    expect(parseWhen(text, now).date).toBe(date);
  });

  it("reads last night and this morning with their meal", () => {
    expect(parseWhen("pizza last night", now)).toEqual({
      date: "2026-11-24",
      partOfDay: "night",
      mealType: "dinner",
      matched: ["last night"],
    });
    expect(parseWhen("This morning I took my creatine", now)).toMatchObject({
      date: "2026-11-25",
      partOfDay: "morning",
      mealType: "breakfast",
      matched: ["This morning"],
    });
    expect(parseWhen("tonight's dinner was lasagne", now)).toMatchObject({ date: "2026-11-25", mealType: "dinner" });
    expect(parseWhen("this afternoon I went for a walk", now)).toMatchObject({ partOfDay: "afternoon" });
    expect(parseWhen("this afternoon I went for a walk", now).mealType).toBeUndefined();
  });

  it.each<[string, string]>([
    ["for breakfast I had oats", "breakfast"],
    ["Lunch was a wrap", "lunch"],
    ["had a salad for lunch", "lunch"],
    ["for dinner: salmon", "dinner"],
    ["supper was soup", "dinner"],
    ["as a snack, an apple", "snack"],
    ["brunch with friends", "lunch"],
    ["a late lunch at the office", "lunch"],
    ["skipped breakfast but had a big lunch", "lunch"],
    ["ice cream after dinner", "snack"],
    ["for my post-workout snack a shake", "snack"],
  ])("meal in %j is %s", (text, mealType) => {
    expect(parseWhen(text, now).mealType).toBe(mealType);
  });

  it.each<[string, string]>([
    ["at 7am", "07:00"],
    ["at 7 am", "07:00"],
    ["7:30pm", "19:30"],
    ["at 7.30 pm", "19:30"],
    ["at 18:30", "18:30"],
    ["around 06:45", "06:45"],
    ["at 12pm", "12:00"],
    ["at 12am", "00:00"],
    ["at noon", "12:00"],
    ["at midnight", "00:00"],
    ["had oats at 8", "08:00"],
    ["dinner at 7", "19:00"],
    ["at 8 in the evening", "20:00"],
    ["at 3", "15:00"],
    ["about 9 o'clock this morning", "09:00"],
  ])("time in %j is %s", (text, time) => {
    expect(parseWhen(text, now).time).toBe(time);
  });

  it("does not read weights, reps or decimals as times", () => {
    expect(parseWhen("squatted at 100 kg", now).time).toBeUndefined();
    expect(parseWhen("bench at 60kg for 5", now).time).toBeUndefined();
    expect(parseWhen("curls at 12 reps", now).time).toBeUndefined();
    expect(parseWhen("1.5 scoops", now).time).toBeUndefined();
    expect(parseWhen("a midnight snack", now)).toMatchObject({ mealType: "snack" });
    expect(parseWhen("a midnight snack", now).time).toBeUndefined();
  });

  it("combines day, part of day, time and meal and lists the matched phrases in order", () => {
    expect(parseWhen("Yesterday morning at 8 I had eggs for breakfast", now)).toEqual({
      date: "2026-11-24",
      partOfDay: "morning",
      time: "08:00",
      mealType: "breakfast",
      matched: ["Yesterday morning", "at 8", "for breakfast"],
    });
  });

  it("leaves period bounds to parsePeriod", () => {
    expect(parseWhen("since Monday I've been taking zinc", now).date).toBe("2026-11-25");
  });
});

describe("parsePeriod", () => {
  it.each<[string, { from: string; to: string } | null]>([
    ["what did I eat today", { from: "2026-11-25", to: "2026-11-25" }],
    ["how much protein yesterday", { from: "2026-11-24", to: "2026-11-24" }],
    ["calories this week", { from: "2026-11-23", to: "2026-11-25" }],
    ["summary for last week", { from: "2026-11-16", to: "2026-11-22" }],
    ["the past 7 days", { from: "2026-11-19", to: "2026-11-25" }],
    ["over the last 30 days", { from: "2026-10-27", to: "2026-11-25" }],
    ["in the past week", { from: "2026-11-19", to: "2026-11-25" }],
    ["in the last two weeks", { from: "2026-11-12", to: "2026-11-25" }],
    ["past few days", { from: "2026-11-23", to: "2026-11-25" }],
    ["since Monday", { from: "2026-11-23", to: "2026-11-25" }],
    ["since last Thursday", { from: "2026-11-19", to: "2026-11-25" }],
    ["since 2026-11-01", { from: "2026-11-01", to: "2026-11-25" }],
    ["this month", { from: "2026-11-01", to: "2026-11-25" }],
    ["last month", { from: "2026-10-01", to: "2026-10-31" }],
    ["the last 3 months", { from: "2026-08-26", to: "2026-11-25" }],
    ["this year", { from: "2026-01-01", to: "2026-11-25" }],
    ["last weekend", { from: "2026-11-21", to: "2026-11-22" }],
    ["from 2026-11-01 to 2026-11-10", { from: "2026-11-01", to: "2026-11-10" }],
    ["between Monday and Wednesday", { from: "2026-11-23", to: "2026-11-25" }],
    ["on Monday", { from: "2026-11-23", to: "2026-11-23" }],
    ["how am I doing", null],
  ])("%j", (text, period) => {
    expect(parsePeriod(text, now)).toEqual(period);
  });

  it("this weekend on a Sunday covers Saturday and Sunday", () => {
    expect(parsePeriod("this weekend", new Date("2026-11-29T10:00:00Z"))).toEqual({
      from: "2026-11-28",
      to: "2026-11-29",
    });
  });

  it("last week on a Monday is the whole previous week", () => {
    expect(parsePeriod("last week", new Date("2026-11-23T08:00:00Z"))).toEqual({
      from: "2026-11-16",
      to: "2026-11-22",
    });
  });
});

describe("parseDuration", () => {
  it.each<[string, number | null]>([
    ["for two weeks", 14],
    ["for 10 days", 10],
    ["for a week", 7],
    ["for a month", 30],
    ["for a fortnight", 14],
    ["for 6 weeks", 42],
    ["for the next 3 days", 3],
    ["for a couple of weeks", 14],
    ["2-3 weeks", 17.5],
    ["twenty-one days", 21],
    ["2 days ago", null],
    ["take it daily", null],
  ])("%j -> %s", (text, days) => {
    expect(parseDuration(text)).toBe(days);
  });
});

describe("helpers", () => {
  it("mealTypeForTime", () => {
    expect(mealTypeForTime("07:30")).toBe("breakfast");
    expect(mealTypeForTime("12:15")).toBe("lunch");
    expect(mealTypeForTime("16:00")).toBe("snack");
    expect(mealTypeForTime("19:45")).toBe("dinner");
    expect(mealTypeForTime("23:30")).toBe("snack");
  });

  it("wallClockNow shifts an instant to a zone's wall clock", () => {
    // 22:30 UTC on the 25th is already 09:30 on the 26th in Sydney (UTC+11 in November).
    const local = wallClockNow(new Date("2026-11-25T22:30:00Z"), "Australia/Sydney");
    expect(local.toISOString()).toBe("2026-11-26T09:30:00.000Z");
    expect(parseWhen("yesterday", local).date).toBe("2026-11-25");
  });
});

describe("parseWhen: days the calendar lacks", () => {
  it.each([
    ["on 31 feb I had a salad", "31 feb"],
    ["april 31st lunch", "april 31st"],
  ])("%j names no day", (text, phrase) => {
    expect(parseWhen(text, now)).toMatchObject({ notADay: phrase, date: "2026-11-25" });
  });

  it("leaves real days and leap days alone", () => {
    expect(parseWhen("on 3 feb I had a salad", now).notADay).toBeUndefined();
    expect(parseWhen("29 feb", now).notADay).toBeUndefined();
  });
});
