import { describe, expect, it } from "vitest";
import {
  dailyMeans,
  epleyOneRepMax,
  formatDuration,
  formatPace,
  fromKg,
  movingAverages,
  toKg,
  toMetres,
  weeklyRate,
  weeksToGoal,
} from "./stats.ts";

describe("stats", () => {
  it("converts units exactly", () => {
    expect(toKg(225, "lb")).toBeCloseTo(102.0583, 4);
    expect(fromKg(100, "lb")).toBeCloseTo(220.4623, 4);
    expect(fromKg(toKg(181.2, "lb"), "lb")).toBeCloseTo(181.2, 10);
    expect(toMetres(3, "mi")).toBeCloseTo(4828.032, 3);
    expect(toMetres(5, "km")).toBe(5000);
  });

  it("estimates a 1RM by Epley, a single as itself, and nothing past 12 reps", () => {
    expect(epleyOneRepMax(100, 5)).toBeCloseTo(116.667, 3);
    expect(epleyOneRepMax(140, 3)).toBeCloseTo(154, 6);
    expect(epleyOneRepMax(180, 1)).toBe(180);
    expect(epleyOneRepMax(60, 12)).toBeCloseTo(84, 6);
    expect(epleyOneRepMax(60, 13)).toBeNull();
    expect(epleyOneRepMax(0, 5)).toBeNull();
  });

  it("averages each day, then the days of the trailing week that have data", () => {
    const daily = dailyMeans([
      { date: "2026-11-03", value: 80 },
      { date: "2026-11-01", value: 82 },
      { date: "2026-11-03", value: 81 },
      { date: "2026-11-09", value: 79 },
    ]);
    expect(daily).toEqual([
      { date: "2026-11-01", value: 82, count: 1 },
      { date: "2026-11-03", value: 80.5, count: 2 },
      { date: "2026-11-09", value: 79, count: 1 },
    ]);
    // 9 Nov's window is 3-9 Nov: the 1st has dropped out.
    expect(movingAverages(daily)).toEqual([82, 81.25, 79.75]);
  });

  it("gives the weekly rate as the least-squares slope", () => {
    const steady = [0, 1, 2, 3].map((day) => ({ date: `2026-11-0${day + 1}`, value: 80 - 0.1 * day, count: 1 }));
    expect(weeklyRate(steady)).toBeCloseTo(-0.7, 10);
    // One outlier day moves a slope much less than it moves "last minus first".
    const noisy = [...steady.slice(0, 3), { date: "2026-11-04", value: 81, count: 1 }];
    expect(weeklyRate(noisy)!).toBeGreaterThan(1);
    expect(weeklyRate([{ date: "2026-11-01", value: 80, count: 1 }])).toBeNull();
  });

  it("formats durations and paces", () => {
    expect(formatDuration(1620)).toBe("27:00");
    expect(formatDuration(6730)).toBe("1:52:10");
    expect(formatPace(324)).toBe("5:24/km");
    expect(formatPace(324, "mi")).toBe("8:41/mi");
  });

  it("counts weeks to a goal only in the direction of the rate", () => {
    expect(weeksToGoal(80, 75, -0.5)).toBe(10);
    expect(weeksToGoal(80, 75, 0.5)).toBeNull();
    expect(weeksToGoal(80, 80, 0)).toBe(0);
  });
});
