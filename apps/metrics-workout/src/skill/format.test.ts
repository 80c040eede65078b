import { describe, expect, it } from "vitest";
import { formatPeriod } from "./format.ts";

describe("formatPeriod", () => {
  const today = "2026-11-28";
  it.each([
    ["2026-11-22", "2026-11-28", "22-28 Nov"],
    ["2026-10-30", "2026-11-28", "30 Oct - 28 Nov"],
    // Across years the years are named, or "1 Dec - 28 Nov" reads backwards.
    ["2016-12-01", "2026-11-28", "1 Dec 2016 - 28 Nov 2026"],
  ])("%s to %s", (from, to, expected) => {
    expect(formatPeriod(from, to, today)).toBe(expected);
  });
});
