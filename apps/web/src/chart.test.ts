import { describe, expect, it } from "vitest";
import { chartGeometry, niceStep, ringArc } from "./chart.ts";

const BOX = { width: 300, height: 120, top: 10, right: 10, bottom: 20, left: 40 };

describe("ringArc", () => {
  it("fills in proportion to the target and caps the arc at a full circle when over", () => {
    const half = ringArc(1000, 2000, 10);
    expect(half.filled).toBeCloseTo(Math.PI * 10);
    expect(half.over).toBe(false);
    const over = ringArc(2600, 2000, 10);
    expect(over.filled).toBeCloseTo(over.circumference);
    expect(over.fraction).toBeCloseTo(1.3);
    expect(over.over).toBe(true);
  });

  it("draws nothing for a missing target or a negative total", () => {
    expect(ringArc(500, 0, 10).filled).toBe(0);
    expect(ringArc(-5, 100, 10).filled).toBe(0);
  });
});

describe("niceStep", () => {
  it("picks 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(4, 4)).toBe(1);
    expect(niceStep(7, 4)).toBe(2);
    expect(niceStep(0.9, 4)).toBe(0.5);
    expect(niceStep(180, 4)).toBe(50);
  });
});

describe("chartGeometry", () => {
  it("places points by date, so a missing day leaves a gap", () => {
    const geometry = chartGeometry(
      [
        { date: "2026-01-01", value: 80, average: 80 },
        { date: "2026-01-02", value: 79.6, average: 79.8 },
        { date: "2026-01-11", value: 79, average: 79.3 },
      ],
      BOX,
    )!;
    const [first, second, last] = geometry.dots;
    expect(first!.x).toBe(40);
    expect(last!.x).toBe(290);
    expect(second!.x).toBeCloseTo(40 + 250 / 10);
    // Heavier is higher on the chart (smaller y).
    expect(first!.y).toBeLessThan(last!.y);
    expect(geometry.valuePath.startsWith("M40,")).toBe(true);
    expect(geometry.averagePath.split(" ")).toHaveLength(3);
  });

  it("keeps every point inside the plot and the ticks covering the data", () => {
    const points = Array.from({ length: 30 }, (_, day) => ({
      date: `2026-03-${String(day + 1).padStart(2, "0")}`,
      value: 82 - day * 0.1 + (day % 3) * 0.4,
      average: 82 - day * 0.1,
    }));
    const geometry = chartGeometry(points, BOX)!;
    for (const dot of geometry.dots) {
      expect(dot.y).toBeGreaterThanOrEqual(BOX.top);
      expect(dot.y).toBeLessThanOrEqual(BOX.height - BOX.bottom);
    }
    expect(geometry.min).toBeLessThanOrEqual(Math.min(...points.map((point) => point.value)));
    expect(geometry.max).toBeGreaterThanOrEqual(Math.max(...points.map((point) => point.value)));
    expect(geometry.xLabels.map((label) => label.date)).toEqual(["2026-03-01", "2026-03-16", "2026-03-30"]);
  });

  it("centres a single weigh-in and gives a flat series a band to sit in", () => {
    const geometry = chartGeometry([{ date: "2026-01-05", value: 70, average: 70 }], BOX)!;
    expect(geometry.dots[0]!.x).toBe(165);
    expect(geometry.max - geometry.min).toBeGreaterThan(0);
    expect(chartGeometry([], BOX)).toBeNull();
  });
});
