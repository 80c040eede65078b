import { describe, expect, it } from "vitest";
import { addDays, cost, milliseconds, shortDate, todayIso } from "./format.ts";

describe("format", () => {
  it("counts days in UTC across month ends", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(todayIso(new Date("2026-05-04T23:59:00Z"))).toBe("2026-05-04");
    expect(shortDate("2026-11-03")).toBe("Tue 3 Nov");
  });

  it("shows tiny costs with significant digits and times in ms or s", () => {
    expect(cost(0)).toBe("$0");
    expect(cost(0.000123)).toBe("$0.00012");
    expect(cost(0.5)).toBe("$0.5000");
    expect(milliseconds(12.4)).toBe("12 ms");
    expect(milliseconds(1530)).toBe("1.53 s");
  });
});
