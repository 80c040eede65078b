import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Summary } from "./aggregate.ts";
import { baselineFrom, compare, gate, readBaseline, writeBaseline } from "./baseline.ts";

function summary(outcomes: [string, boolean][], overrides: Partial<Summary> = {}): Summary {
  const passed = outcomes.filter(([, pass]) => pass).length;
  return {
    assignment: "default",
    variables: {},
    fingerprint: "f",
    cases: outcomes.length,
    runs: outcomes.length,
    passRate: passed / outcomes.length,
    passHat: { "1": passed / outcomes.length },
    routing: { evaluated: outcomes.length, accuracy: 0.95, confusion: { labels: [], counts: [] }, domains: [] },
    tools: {
      meanF1: 0.9,
      violations: 0,
      violationCases: [],
      relevance: { rate: 1, cases: 1 },
      irrelevance: { rate: 1, cases: 1 },
      arguments: { matched: 9, expected: 10, accuracy: 0.9, caseAccuracy: 0.9, cases: 10 },
    },
    answers: { meanScore: 0.9, passRate: 0.9, unscoredItems: 0 },
    blame: { none: passed, router: 0, "router+specialist": 0, specialist: 0, answer: 0, error: 0, unknown: 0 },
    cost: { totalUsd: 0, meanUsdPerRun: 0, byTask: {}, byModel: {} },
    latency: { meanMs: 1, p50Ms: 1, p95Ms: 1, byStageMeanMs: {} },
    byTag: {},
    outcomes: outcomes.map(([id, pass]) => ({ id, file: "x.yaml", tags: [], runs: 1, passes: pass ? 1 : 0, pass })),
    cache: { hits: 0, misses: 0 },
    wallMs: 1,
    ...overrides,
  };
}

const thresholds = {
  minRoutingAccuracy: 0.9,
  minToolF1: 0.85,
  maxViolations: 0,
  minPassRate: 0.5,
  minArgumentAccuracy: 0.8,
  alpha: 0.05,
};

describe("compare", () => {
  it("lists flips, new and removed cases, and tests them", () => {
    const before = baselineFrom(
      summary([
        ["a", true],
        ["b", true],
        ["c", false],
        ["gone", true],
      ]),
    );
    const comparison = compare(
      before,
      summary([
        ["a", false],
        ["b", true],
        ["c", true],
        ["new", true],
      ]),
    );
    expect(comparison).toMatchObject({ regressions: ["a"], improvements: ["c"], added: ["new"], removed: ["gone"] });
    expect(comparison.test).toMatchObject({ pValue: 1, method: "exact" });
  });
});

describe("gate", () => {
  const ids = Array.from({ length: 10 }, (_, index) => `case-${index}`);

  it("passes an unchanged run", () => {
    const run = summary(ids.map((id) => [id, true]));
    expect(gate(run, compare(baselineFrom(run), run), thresholds)).toEqual({ ok: true, reasons: [] });
  });

  it("fails on six regressions and no improvement (exact p = 0.031)", () => {
    const before = baselineFrom(summary(ids.map((id) => [id, true])));
    const after = summary(ids.map((id, index) => [id, index >= 6]));
    const verdict = gate(after, compare(before, after), { ...thresholds, minPassRate: 0 });
    expect(verdict.ok).toBe(false);
    expect(verdict.reasons[0]).toMatch(/significant regression.*6 case\(s\) now fail, 0 now pass.*p = 0\.0313/);
  });

  it("lets five regressions through (p = 0.0625) but not a threshold or a violation", () => {
    const before = baselineFrom(summary(ids.map((id) => [id, true])));
    const after = summary(ids.map((id, index) => [id, index >= 5]));
    expect(gate(after, compare(before, after), thresholds).ok).toBe(true);
    const unsafe = summary(
      ids.map((id) => [id, true]),
      { tools: { ...after.tools, violations: 1, violationCases: ["case-3"] } },
    );
    expect(gate(unsafe, undefined, thresholds).reasons).toEqual(["1 forbidden write(s) ran (at most 0): case-3"]);
    const misrouted = summary(
      ids.map((id) => [id, true]),
      { routing: { ...after.routing, accuracy: 0.5 } },
    );
    expect(gate(misrouted, undefined, thresholds).reasons).toEqual(["routing accuracy 0.500 is below 0.900"]);
  });
});

describe("writeBaseline", () => {
  it("writes one line per case and reads back the same baseline", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "eval-baseline-")), "baseline.json");
    const baseline = baselineFrom(
      summary([
        ["b-case", false],
        ["a-case", true],
      ]),
      new Date("2026-05-04T10:00:00Z"),
    );
    writeBaseline(file, baseline);
    const text = readFileSync(file, "utf8");
    expect(text).toContain('\n    "a-case": { "passes": 1, "runs": 1 },\n    "b-case": { "passes": 0, "runs": 1 }\n');
    expect(readBaseline(file)).toEqual(baseline);
    expect(readBaseline(path.join(path.dirname(file), "missing.json"))).toBeUndefined();
  });
});
