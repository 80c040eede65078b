import { describe, expect, it } from "vitest";
import { composeAnswer, type ToolOutcome } from "./answer.ts";

const TODAY = "2026-11-28";

function series(overrides: Record<string, unknown> = {}) {
  return {
    from: "2026-10-30",
    to: TODAY,
    series: [
      {
        metric: "weight",
        unit: "kg",
        points: [{ date: "2026-11-27", value: 80, movingAverage7d: 80.4, count: 1 }],
        daysWithData: 12,
        first: { date: "2026-10-30", value: 82.5 },
        latest: { date: "2026-11-27", value: 80 },
        changeSinceFirst: -2.5,
        weeklyRate: -0.62,
        ...overrides,
      },
    ],
  };
}

function answer(message: string, outcome: ToolOutcome, args: Record<string, unknown> = {}): string {
  return composeAnswer({ message, today: TODAY, outcomes: [outcome], missingReps: [] }, [
    { name: outcome.name, arguments: args },
  ]);
}

describe("composeAnswer", () => {
  it("reports a trend with its numbers", () => {
    const text = answer("how's my weight trending?", { name: "get_body_metrics", result: series(), text: "" });
    expect(text).toBe(
      "Your weight: 80 kg yesterday (7-day average 80.4 kg). Since Fri 30 Oct (82.5 kg) that's down 2.5 kg, trending down 0.62 kg a week, over 12 days with data.",
    );
  });

  it("projects a goal at the user's rate, converting units", () => {
    const text = answer("if I lose 1 lb a week when will I reach 75 kg?", {
      name: "get_body_metrics",
      result: series(),
      text: "",
    });
    // 5 kg at 0.4536 kg a week is 11.0 weeks: 77 days after 28 Nov is 13 Feb.
    expect(text).toContain(
      "From 80 kg (yesterday), at 0.5 kg a week, you'd reach 75 kg in about 11 weeks, around 13 Feb 2027.",
    );
  });

  it("projects a change at the measured trend", () => {
    const text = answer("how long will it take to lose 5 kg?", {
      name: "get_body_metrics",
      result: series(),
      text: "",
    });
    expect(text).toContain("at your current trend of 0.6 kg a week, you'd reach 75 kg in about 8.1 weeks");
  });

  it("says when the trend runs away from the goal", () => {
    const text = answer("when will I reach 75?", {
      name: "get_body_metrics",
      result: series({ weeklyRate: 0.2 }),
      text: "",
    });
    expect(text).toContain(
      "you have 5 kg to lose to reach 75 kg, but your current trend is up 0.2 kg/week, so I can't project a date",
    );
  });

  it("explains a refused write instead of claiming it", () => {
    const text = answer("Leg press 4x10 at 200", {
      name: "log_workout",
      result: null,
      text: "Refused: Not running log_workout: the message is about someone else, not the user. Nothing was saved.",
    });
    expect(text).toMatch(/^I haven't logged anything/);
    expect(text).toContain("about someone else");
  });

  it("passes on a tool's error", () => {
    const text = answer("benched 900kg", {
      name: "log_workout",
      result: null,
      text: "Error: log_workout failed: a load of 900 kg on bench press is more than 600 kg; check the number and unit",
    });
    expect(text).toBe(
      "I couldn't save that: a load of 900 kg on bench press is more than 600 kg; check the number and unit",
    );
  });

  it("answers a race-distance question with that distance", () => {
    const records = {
      loadUnit: "kg",
      distanceUnit: "km",
      exercise: "run",
      strength: [],
      cardio: [
        {
          activity: "run",
          bestPace: {
            pace: "5:10/km",
            secondsPerKm: 310,
            distance: 3,
            distanceUnit: "km",
            time: "15:30",
            date: "2026-11-20",
          },
          longest: { distance: 12, distanceUnit: "km", time: "1:05:00", date: "2026-11-01" },
          fastestByDistance: [{ distance: "5k", time: "26:40", pace: "5:20/km", date: "2026-11-14" }],
          sessions: 6,
        },
      ],
    };
    expect(answer("what's my fastest 5k?", { name: "get_personal_records", result: records, text: "" })).toBe(
      "Your fastest 5k: 26:40 (5:20/km) on Sat 14 Nov. Best pace over any run: 5:10/km.",
    );
    expect(answer("best 10k time?", { name: "get_personal_records", result: records, text: "" })).toContain(
      "I don't have a 10k run logged yet; your longest run is 12 km.",
    );
  });
});
