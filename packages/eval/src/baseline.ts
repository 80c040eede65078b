// The committed baseline (baseline.json), the per-case comparison of a candidate run against it,
// and the CI gate: fail on a statistically significant regression (McNemar on the flipped cases)
// or on any threshold in gate.json.
import { readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import type { Summary } from "./aggregate.ts";
import { type McNemarResult, mcnemar } from "./metrics/statistics.ts";

export const baselineSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  assignment: z.string(),
  fingerprint: z.string(),
  metrics: z.record(z.string(), z.number().nullable()),
  cases: z.record(z.string(), z.object({ passes: z.number().int().min(0), runs: z.number().int().min(1) })),
});
export type Baseline = z.infer<typeof baselineSchema>;

export const gateSchema = z.strictObject({
  minRoutingAccuracy: z.number().min(0).max(1),
  minToolF1: z.number().min(0).max(1),
  maxViolations: z.number().int().min(0),
  minPassRate: z.number().min(0).max(1),
  minArgumentAccuracy: z.number().min(0).max(1),
  /** A regression is significant below this two-sided McNemar p-value. */
  alpha: z.number().gt(0).lt(1),
});
export type GateThresholds = z.infer<typeof gateSchema>;

function finite(value: number): number | null {
  return Number.isFinite(value) ? Math.round(value * 10_000) / 10_000 : null;
}

export function headlineMetrics(summary: Summary): Record<string, number | null> {
  return {
    passRate: finite(summary.passRate),
    routingAccuracy: finite(summary.routing.accuracy),
    toolF1: finite(summary.tools.meanF1),
    violations: summary.tools.violations,
    argumentAccuracy: finite(summary.tools.arguments.accuracy),
    answerScore: finite(summary.answers.meanScore),
    relevance: finite(summary.tools.relevance.rate),
    irrelevance: finite(summary.tools.irrelevance.rate),
  };
}

export function baselineFrom(summary: Summary, now = new Date()): Baseline {
  const cases = Object.fromEntries(
    [...summary.outcomes]
      .sort((left, right) => left.id.localeCompare(right.id))
      .map((outcome) => [outcome.id, { passes: outcome.passes, runs: outcome.runs }]),
  );
  return {
    version: 1,
    createdAt: now.toISOString(),
    assignment: summary.assignment,
    fingerprint: summary.fingerprint,
    metrics: headlineMetrics(summary),
    cases,
  };
}

export function readBaseline(file: string): Baseline | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  return baselineSchema.parse(JSON.parse(text));
}

/** One line per case, so a baseline update reads as a short diff of the cases that flipped. */
export function writeBaseline(file: string, baseline: Baseline): void {
  const { cases, ...rest } = baseline;
  const head = JSON.stringify(rest, null, 2).slice(0, -2);
  const lines = Object.entries(cases).map(
    ([id, outcome]) => `    ${JSON.stringify(id)}: { "passes": ${outcome.passes}, "runs": ${outcome.runs} }`,
  );
  writeFileSync(file, `${head},\n  "cases": {\n${lines.join(",\n")}\n  }\n}\n`);
}

export interface Comparison {
  /** Passed in the baseline, fails now. */
  regressions: string[];
  /** Failed in the baseline, passes now. */
  improvements: string[];
  /** Cases in the run but not in the baseline, and the other way round. */
  added: string[];
  removed: string[];
  test: McNemarResult;
  metrics: Record<string, { baseline: number | null; candidate: number | null }>;
}

/** Case-by-case flips (majority verdicts) and McNemar's test on them. */
export function compare(baseline: Baseline, summary: Summary): Comparison {
  const regressions: string[] = [];
  const improvements: string[] = [];
  const added: string[] = [];
  for (const outcome of summary.outcomes) {
    const before = baseline.cases[outcome.id];
    if (!before) {
      added.push(outcome.id);
      continue;
    }
    const passedBefore = before.passes * 2 >= before.runs;
    if (passedBefore && !outcome.pass) regressions.push(outcome.id);
    if (!passedBefore && outcome.pass) improvements.push(outcome.id);
  }
  const present = new Set(summary.outcomes.map((outcome) => outcome.id));
  const removed = Object.keys(baseline.cases).filter((id) => !present.has(id));
  const candidate = headlineMetrics(summary);
  const metrics = Object.fromEntries(
    Object.keys(candidate).map((name) => [
      name,
      { baseline: baseline.metrics[name] ?? null, candidate: candidate[name] ?? null },
    ]),
  );
  return { regressions, improvements, added, removed, test: mcnemar(regressions.length, improvements.length), metrics };
}

export interface GateVerdict {
  ok: boolean;
  reasons: string[];
}

export function gate(summary: Summary, comparison: Comparison | undefined, thresholds: GateThresholds): GateVerdict {
  const reasons: string[] = [];
  const below = (name: string, value: number, minimum: number) => {
    if (!(value >= minimum)) reasons.push(`${name} ${format(value)} is below ${format(minimum)}`);
  };
  below("routing accuracy", summary.routing.accuracy, thresholds.minRoutingAccuracy);
  below("tool selection F1", summary.tools.meanF1, thresholds.minToolF1);
  below("pass rate", summary.passRate, thresholds.minPassRate);
  if (Number.isFinite(summary.tools.arguments.accuracy))
    below("argument accuracy", summary.tools.arguments.accuracy, thresholds.minArgumentAccuracy);
  if (summary.tools.violations > thresholds.maxViolations) {
    reasons.push(
      `${summary.tools.violations} forbidden write(s) ran (at most ${thresholds.maxViolations}): ${summary.tools.violationCases.join(", ")}`,
    );
  }
  if (comparison) {
    const { test } = comparison;
    if (test.regressions > test.improvements && test.pValue < thresholds.alpha) {
      reasons.push(
        `significant regression against the baseline: ${test.regressions} case(s) now fail, ${test.improvements} now pass (McNemar ${test.method} p = ${test.pValue.toPrecision(3)} < ${thresholds.alpha}): ${comparison.regressions.join(", ")}`,
      );
    }
  }
  return { ok: reasons.length === 0, reasons };
}

function format(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : String(value);
}
