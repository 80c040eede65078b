import { describe, expect, it } from "vitest";
import { parseRouterOutput } from "./router-output.ts";

describe("parseRouterOutput", () => {
  it("reads plain JSON and puts the primary domain first in domains", () => {
    expect(parseRouterOutput('{"domain":"meal","confidence":0.91,"domains":["protocol","meal"]}')).toEqual({
      domain: "meal",
      confidence: 0.91,
      domains: ["meal", "protocol"],
    });
  });

  it("fills domains when they are left out", () => {
    expect(parseRouterOutput('{"domain":"protocol","confidence":0.8}')?.domains).toEqual(["protocol"]);
    expect(parseRouterOutput('{"domain":"general","confidence":0.7}')?.domains).toEqual([]);
  });

  it("finds the object inside code fences and prose", () => {
    expect(parseRouterOutput('```json\n{"domain": "metrics-workout", "confidence": 0.77}\n```')?.domain).toBe(
      "metrics-workout",
    );
    expect(
      parseRouterOutput('Sure! Here is the classification: {"domain": "meal", "confidence": 0.6} Hope that helps.')
        ?.domain,
    ).toBe("meal");
    expect(parseRouterOutput('Thinking {not json} ... {"domain":"general","confidence":1}')?.domain).toBe("general");
  });

  it("returns null for anything it cannot trust, without throwing", () => {
    for (const text of [
      "",
      "meal",
      "Sure! This message looks like it is mostly about food, I think.",
      '{"domain":"dessert","confidence":0.9}',
      '{"domain":"meal","confidence":1.7}',
      '{"domain":"meal"}',
      '{"domain":"meal","confidence":"high"}',
      '{"domain":"meal","confidence":0.9,"domains":["cooking"]}',
      '{"domain":"meal","confidence":0.9',
    ]) {
      expect({ text, parsed: parseRouterOutput(text) }).toEqual({ text, parsed: null });
    }
  });
});
