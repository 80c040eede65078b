import { toToolSpec } from "@ensemble/ai";
import { describe, expect, it } from "vitest";
import { mealTools, metricsWorkoutTools, protocolTools } from "./index.ts";

const domains = {
  meal: { tools: mealTools, names: ["search_foods", "log_meal", "get_meals", "get_daily_totals", "delete_meal"] },
  protocol: {
    tools: protocolTools,
    names: ["create_protocol", "list_protocols", "update_protocol", "log_supplement_intake", "get_adherence"],
  },
  "metrics-workout": {
    tools: metricsWorkoutTools,
    names: ["log_body_metric", "get_body_metrics", "log_workout", "get_workouts", "get_personal_records"],
  },
};

describe.each(Object.entries(domains))("%s tools", (_, { tools, names }) => {
  it("are exactly the named 4-6 tools", () => {
    expect(tools.map((tool) => tool.name).sort()).toEqual([...names].sort());
    expect(tools.length).toBeGreaterThanOrEqual(4);
    expect(tools.length).toBeLessThanOrEqual(6);
  });

  it("tag reads and writes by name", () => {
    for (const tool of tools) {
      const writes = /^(log|create|update|delete)_/.test(tool.name);
      expect(tool.kind, tool.name).toBe(writes ? "write" : "read");
    }
  });

  it("describe themselves to a model as JSON schema", () => {
    for (const tool of tools) {
      const spec = toToolSpec(tool);
      expect(spec.description.length, tool.name).toBeGreaterThan(20);
      expect(spec.parameters).toMatchObject({ type: "object" });
    }
  });

  it("never take a user id from the model", () => {
    for (const tool of tools) {
      expect(JSON.stringify(toToolSpec(tool).parameters), tool.name).not.toMatch(/userId|user_id/);
      // Strict schemas: an injected userId is an error, not silently dropped.
      expect(tool.schema.safeParse({ userId: "someone-else" }).success, tool.name).toBe(false);
    }
  });
});

describe("protocol doses", () => {
  const logIntake = protocolTools.find((tool) => tool.name === "log_supplement_intake")!;
  const create = protocolTools.find((tool) => tool.name === "create_protocol")!;

  it("accept doses a person could take", () => {
    for (const [dose, unit] of [
      [5, "g"],
      [50_000, "IU"],
      [2, "capsules"],
      [60, "g"],
    ] as const) {
      expect(logIntake.schema.safeParse({ items: [{ name: "x", dose, unit }] }).success, `${dose} ${unit}`).toBe(true);
    }
  });

  it("refuse a dose no one takes, with the number in the message", () => {
    const intake = logIntake.schema.safeParse({ items: [{ name: "creatine", dose: 500, unit: "g" }] });
    expect(intake.success).toBe(false);
    expect(intake.error?.issues[0]?.message).toMatch(/500 g is more than 100 g/);
    expect(create.schema.safeParse({ name: "fish oil", dose: 80, unit: "capsules" }).success).toBe(false);
  });
});
