import { describe, expect, it } from "vitest";
import { resolveSpec, resolveText, shiftedDay } from "./templates.ts";

describe("date templates", () => {
  const now = "2026-03-01T09:30:00.000Z";

  it("shifts across month ends in UTC", () => {
    expect(shiftedDay(now, -1)).toBe("2026-02-28");
    expect(shiftedDay(now, 14)).toBe("2026-03-15");
  });

  it("resolves templates inside strings and nested specs", () => {
    expect(resolveText("{{today}}", now)).toBe("2026-03-01");
    expect(resolveSpec({ date: ["{{ today - 1 }}", "<omitted>"], items: [[{ date: "{{today+2}}" }]] }, now)).toEqual({
      date: ["2026-02-28", "<omitted>"],
      items: [[{ date: "2026-03-03" }]],
    });
    expect(resolveSpec(5, now)).toBe(5);
  });
});
