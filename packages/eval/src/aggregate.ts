// Per-run scores into the numbers a report shows: routing, tools, answers, pass^k, blame, cost and
// latency per case and per stage, and results per tag.
import { SPECIALIST_DOMAINS } from "./cases/schema.ts";
import {
  type ConfusionMatrix,
  type DomainScore,
  type RouteObservation,
  accuracy,
  confusionMatrix,
  domainScores,
} from "./metrics/routing.ts";
import { passHatK } from "./metrics/statistics.ts";
import type { CaseRun } from "./runner.ts";
import type { Blame } from "./score.ts";

export interface CaseOutcome {
  id: string;
  file: string;
  tags: string[];
  runs: number;
  passes: number;
  /** The majority verdict, what regressions are counted on. */
  pass: boolean;
}

export interface Summary {
  assignment: string;
  variables: Record<string, string>;
  fingerprint: string;
  cases: number;
  runs: number;
  passRate: number;
  passHat: Record<string, number>;
  routing: { evaluated: number; accuracy: number; confusion: ConfusionMatrix; domains: DomainScore[] };
  tools: {
    meanF1: number;
    violations: number;
    violationCases: string[];
    relevance: { rate: number; cases: number };
    irrelevance: { rate: number; cases: number };
    arguments: { matched: number; expected: number; accuracy: number; caseAccuracy: number; cases: number };
  };
  answers: { meanScore: number; passRate: number; unscoredItems: number };
  blame: Record<Blame, number>;
  cost: { totalUsd: number; meanUsdPerRun: number; byTask: Record<string, number>; byModel: Record<string, number> };
  latency: { meanMs: number; p50Ms: number; p95Ms: number; byStageMeanMs: Record<string, number> };
  byTag: Record<string, { runs: number; passRate: number }>;
  outcomes: CaseOutcome[];
  cache: { hits: number; misses: number };
  wallMs: number;
}

function mean(values: number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The value below which `fraction` of the sorted values fall (nearest rank). */
export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

export function summarise(
  runs: CaseRun[],
  context: {
    assignment: string;
    variables: Record<string, string>;
    fingerprint: string;
    repeat: number;
    wallMs: number;
    cache: { hits: number; misses: number };
  },
): Summary {
  const scores = runs.map((run) => run.score);
  const routed = scores.filter((score) => score.route.expected);
  const observations: RouteObservation[] = routed.map((score) => ({
    goldDomains: score.route.goldDomains,
    goldLabel: score.route.goldLabel,
    predictedDomains: score.route.predictedDomains,
    predictedLabel: score.route.predictedLabel,
    correct: score.route.correct,
  }));

  const relevance = scores.filter((score) => score.relevance !== undefined);
  const irrelevance = scores.filter((score) => score.irrelevance !== undefined);
  const withArguments = scores.filter((score) => score.arguments !== undefined);
  const matched = withArguments.reduce((sum, score) => sum + score.arguments!.matched, 0);
  const expected = withArguments.reduce((sum, score) => sum + score.arguments!.expected, 0);

  const byCase = new Map<string, CaseOutcome>();
  for (const run of runs) {
    const outcome = byCase.get(run.evalCase.id) ?? {
      id: run.evalCase.id,
      file: run.evalCase.file,
      tags: run.evalCase.tags,
      runs: 0,
      passes: 0,
      pass: false,
    };
    outcome.runs++;
    if (run.score.pass) outcome.passes++;
    outcome.pass = outcome.passes * 2 >= outcome.runs;
    byCase.set(run.evalCase.id, outcome);
  }
  const outcomes = [...byCase.values()];
  const passHat: Record<string, number> = {};
  for (let k = 1; k <= context.repeat; k++) passHat[String(k)] = passHatK(outcomes, k);

  const blame = {
    none: 0,
    router: 0,
    "router+specialist": 0,
    specialist: 0,
    answer: 0,
    error: 0,
    unknown: 0,
  } as Record<Blame, number>;
  for (const score of scores) blame[score.blame]++;

  const byTask: Record<string, number> = {};
  const byModel: Record<string, number> = {};
  for (const score of scores) {
    for (const [task, usage] of Object.entries(score.byTask)) byTask[task] = (byTask[task] ?? 0) + usage.costUsd;
    for (const [model, usage] of Object.entries(score.byModel)) byModel[model] = (byModel[model] ?? 0) + usage.costUsd;
  }
  const stageTotals: Record<string, number[]> = {};
  for (const score of scores)
    for (const [stage, milliseconds] of Object.entries(score.stages)) (stageTotals[stage] ??= []).push(milliseconds);

  const byTag: Record<string, { runs: number; passRate: number }> = {};
  for (const run of runs) {
    for (const tag of run.evalCase.tags) {
      const entry = (byTag[tag] ??= { runs: 0, passRate: 0 });
      entry.passRate = (entry.passRate * entry.runs + (run.score.pass ? 1 : 0)) / (entry.runs + 1);
      entry.runs++;
    }
  }

  const latencies = scores.map((score) => score.latencyMs);
  const totalUsd = scores.reduce((sum, score) => sum + score.costUsd, 0);
  const violating = scores.filter((score) => score.violations.length > 0);
  return {
    assignment: context.assignment,
    variables: context.variables,
    fingerprint: context.fingerprint,
    cases: byCase.size,
    runs: scores.length,
    passRate: mean(scores.map((score) => (score.pass ? 1 : 0))),
    passHat,
    routing: {
      evaluated: routed.length,
      accuracy: accuracy(observations),
      confusion: confusionMatrix(observations),
      domains: domainScores(observations, SPECIALIST_DOMAINS),
    },
    tools: {
      meanF1: mean(scores.map((score) => score.selection.f1)),
      violations: violating.reduce((sum, score) => sum + score.violations.length, 0),
      violationCases: [...new Set(violating.map((score) => score.caseId))],
      relevance: { rate: mean(relevance.map((score) => (score.relevance ? 1 : 0))), cases: relevance.length },
      irrelevance: { rate: mean(irrelevance.map((score) => (score.irrelevance ? 1 : 0))), cases: irrelevance.length },
      arguments: {
        matched,
        expected,
        accuracy: expected === 0 ? Number.NaN : matched / expected,
        caseAccuracy: mean(
          withArguments.map((score) => (score.arguments!.matched === score.arguments!.expected ? 1 : 0)),
        ),
        cases: withArguments.length,
      },
    },
    answers: {
      meanScore: mean(scores.map((score) => score.rubric.score)),
      passRate: mean(scores.map((score) => (score.failures.some((failure) => failure.startsWith("answer ")) ? 0 : 1))),
      unscoredItems: scores.reduce(
        (sum, score) => sum + score.rubric.items.filter((item) => item.score === undefined).length,
        0,
      ),
    },
    blame,
    cost: { totalUsd, meanUsdPerRun: scores.length ? totalUsd / scores.length : 0, byTask, byModel },
    latency: {
      meanMs: mean(latencies),
      p50Ms: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      byStageMeanMs: Object.fromEntries(Object.entries(stageTotals).map(([stage, values]) => [stage, mean(values)])),
    },
    byTag,
    outcomes,
    cache: context.cache,
    wallMs: context.wallMs,
  };
}
