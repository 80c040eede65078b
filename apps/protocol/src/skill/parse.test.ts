import { describe, expect, it } from "vitest";
import {
  dosesForMentions,
  findMentions,
  futureDate,
  intakeWhen,
  parseSchedule,
  pauseResumeOn,
  targetDose,
} from "./parse.ts";

const NOW = new Date("2026-11-18T09:30:00.000Z"); // a Wednesday
const TODAY = "2026-11-18";

describe("findMentions", () => {
  it.each([
    ["took vitamin D and fish oil with lunch", ["vitamin d", "fish oil"]],
    ["popped my omega-3s", ["fish oil"]],
    ["vit d + zinc this am", ["vitamin d", "zinc"]],
    ["creatien taken", ["creatine"]],
    ["had my ashwaganda", ["ashwagandha"]],
    ["took my lion's mane", ["lion's mane"]],
    ["took my sea moss gummies", ["sea moss"]],
    ["took the dog for a walk", []],
    ["took a nap after lunch", []],
    ["how consistent have I been this week", []],
    ["took my D3 and K2", ["vitamin d and k2"]],
    // next to a known supplement, what one "had" is food
    ["had my oats with 5g creatine", ["creatine"]],
  ])("%s", (text, keys) => {
    expect(findMentions(text).map((mention) => mention.key)).toEqual(keys);
  });

  it("points into the original text", () => {
    const text = "Took my Omega-3s!";
    const [mention] = findMentions(text);
    expect(text.slice(mention!.start, mention!.end)).toBe("Omega-3s");
  });
});

describe("doses", () => {
  it.each([
    [
      "5g creatine and 2 fish oil caps",
      [
        { dose: 5, unit: "g" },
        { dose: 2, unit: "capsules" },
      ],
    ],
    [
      "vitamin D 2000 IU and magnesium 400mg",
      [
        { dose: 2000, unit: "IU" },
        { dose: 400, unit: "mg" },
      ],
    ],
    ["fish oil, 2 softgels", [{ dose: 2, unit: "capsules" }]],
    ["a scoop of creatine", [{ dose: 1, unit: "scoops" }]],
    ["B12 1000mcg", [{ dose: 1000, unit: "mcg" }]],
    ["vitamin D 50,000 IU", [{ dose: 50000, unit: "IU" }]],
    ["creatine", [undefined]],
    ["creatine every morning, 5g", [{ dose: 5, unit: "g" }]],
    // the amount of something said before is not the supplement's dose
    ["I just had 200g of it with my creatine", [undefined]],
    ["took 2 scoops of that with my creatine", [undefined]],
  ])("%s", (text, expected) => {
    const doses = dosesForMentions(text, findMentions(text)).map((dose) =>
      dose === undefined ? undefined : { dose: dose.dose, unit: dose.unit },
    );
    expect(doses).toEqual(expected);
  });

  it("takes the new dose of a change", () => {
    expect(targetDose("vitamin D from 2000 to 4000 IU")).toMatchObject({ dose: 4000, unit: "IU" });
    expect(targetDose("bump creatine up to 10g")).toMatchObject({ dose: 10, unit: "g" });
  });
});

describe("parseSchedule", () => {
  it.each([
    ["every morning", { timeOfDay: ["morning"] }],
    ["twice a day with meals", { timesPerDay: 2, withMeals: true }],
    ["before bed each night", { timeOfDay: ["before_bed"] }],
    ["morning and night", { timeOfDay: ["morning", "before_bed"] }],
    ["3x daily", { timesPerDay: 3 }],
    ["with every meal", { timesPerDay: 3, withMeals: true }],
    ["every day", { timesPerDay: 1 }],
    ["on weekdays", { daysOfWeek: ["mon", "tue", "wed", "thu", "fri"] }],
    ["daily except weekends", { timesPerDay: 1, daysOfWeek: ["mon", "tue", "wed", "thu", "fri"] }],
    ["every day but Sunday", { timesPerDay: 1, daysOfWeek: ["mon", "tue", "wed", "thu", "fri", "sat"] }],
    ["on Mondays, Wednesdays and Fridays", { daysOfWeek: ["mon", "wed", "fri"] }],
    ["mon wed sat", { daysOfWeek: ["mon", "wed", "sat"] }],
    ["3 times a week", { timesPerDay: 1, daysOfWeek: ["mon", "wed", "fri"] }],
    ["once a week", { timesPerDay: 1, daysOfWeek: ["wed"] }],
    ["every other day", { daysOfWeek: ["mon", "wed", "fri", "sun"] }],
    ["with dinner", { timeOfDay: ["evening"], withMeals: true }],
    ["since Monday", {}],
  ])("%s", (text, expected) => {
    const { approximated: _note, ...reading } = parseSchedule(text, NOW);
    expect(reading).toEqual(expected);
  });

  it("excludes the named days after 'except'", () => {
    expect(parseSchedule("every day except Sunday", NOW).daysOfWeek).toEqual([
      "mon",
      "tue",
      "wed",
      "thu",
      "fri",
      "sat",
    ]);
  });

  it("says when days of the week only approximate the schedule", () => {
    expect(parseSchedule("every other day", NOW).approximated).toMatch(/Mon, Wed, Fri and Sun/);
    expect(parseSchedule("on weekdays", NOW).approximated).toBeUndefined();
  });
});

describe("dates", () => {
  it.each([
    ["for two weeks", "2026-12-02"],
    ["for 10 days", "2026-11-28"],
    ["for a month", "2026-12-18"],
    ["until Friday", "2026-11-20"],
    ["until Wednesday", "2026-11-25"],
    ["till the 25th", "2026-11-25"],
    ["until the 3rd", "2026-12-03"],
    ["until Dec 1", "2026-12-01"],
    ["until 2027-01-05", "2027-01-05"],
    ["through Friday", "2026-11-21"],
    ["for the rest of the week", "2026-11-23"],
  ])("pause %s resumes on %s", (text, resumeOn) => {
    expect(pauseResumeOn(`pause creatine ${text}`, TODAY)).toBe(resumeOn);
  });

  it("leaves a pause with no end open", () => {
    expect(pauseResumeOn("pause creatine", TODAY)).toBeNull();
  });

  it("only names days after today", () => {
    expect(futureDate("tomorrow", TODAY)).toBe("2026-11-19");
    expect(futureDate("next week", TODAY)).toBe("2026-11-23");
    expect(futureDate("2026-11-01", TODAY)).toBeNull();
  });

  it.each([
    ["took it with lunch", { date: TODAY, time: "12:30" }],
    ["this morning", { date: TODAY, time: "08:00" }],
    ["last night", { date: "2026-11-17", time: "22:00" }],
    ["at 7am", { date: TODAY, time: "07:00" }],
    ["yesterday with dinner", { date: "2026-11-17", time: "19:00" }],
    ["before bed", { date: TODAY, time: "22:00" }],
    ["just now", { date: TODAY }],
  ])("an intake %s", (text, when) => {
    expect(intakeWhen(text, NOW)).toEqual(when);
  });
});
