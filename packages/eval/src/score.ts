// One run of one case, scored: route, tools, arguments, answer, and whether it passes. Scoring is
// recomputed from the recorded responses every time, so changing a case's expectations never
// needs the pipeline to run again.
import {
  type EvalCase,
  type ExpectedCall,
  type ValueSpec,
  domainAlternatives,
  forbiddenTools,
  WRITE_TOOLS,
} from "./cases/schema.ts";
import { resolveSpec } from "./cases/templates.ts";
import type { NumberSources, RubricResult } from "./metrics/answers.ts";
import { type ArgumentOutcome, matchCalls } from "./metrics/arguments.ts";
import { routeLabel } from "./metrics/routing.ts";
import { type SelectionScore, irrelevant, relevant, selectionF1, violations } from "./metrics/tools.ts";
import type { TurnResult } from "./targets/types.ts";

/** What the pipeline did for one run of a case: every turn, setup first, the case's message last. */
export interface RunRecord {
  caseId: string;
  repeat: number;
  userId: string;
  turns: TurnResult[];
  /** The final turn again with the gold route forced, for blame; absent when not needed or not possible. */
  forced?: TurnResult;
}

export type Judge = (evalCase: EvalCase, reply: string, sources: NumberSources) => Promise<RubricResult>;

export interface RouteScore {
  expected: boolean;
  correct: boolean;
  goldDomains: string[];
  goldLabel: string;
  predictedDomains: string[];
  predictedLabel: string;
  path: string;
}

export interface TurnScore {
  ok: boolean;
  error?: string;
  route: RouteScore;
  called: string[];
  selection: SelectionScore;
  violations: { name: string; arguments: Record<string, unknown> }[];
  /** Defined for cases that require tools. */
  relevance?: boolean;
  /** Defined for cases where no tool should be called. */
  irrelevance?: boolean;
  arguments?: ArgumentOutcome;
  rubric: RubricResult;
  pass: boolean;
  failures: string[];
  costUsd: number;
  latencyMs: number;
  byTask: Record<string, { calls: number; costUsd: number; inputTokens: number; outputTokens: number }>;
  byModel: Record<string, { calls: number; costUsd: number; inputTokens: number; outputTokens: number }>;
  /** Milliseconds per gateway stage (classify, specialist, coordinate, general, onboarding, vision). */
  stages: Record<string, number>;
}

const GROUNDED_ITEM = {
  criterion: "Every number in the reply comes from the user or the tool results",
  check: { groundedNumbers: true as const },
  weight: 1,
};

/** The rubric a case is judged by: its own items, plus the grounded-numbers item for data-backed answers. */
export function effectiveRubric(evalCase: EvalCase): EvalCase["rubric"] {
  const hasGrounding = evalCase.rubric.some((item) => "groundedNumbers" in item.check);
  return evalCase.tools.required.length > 0 && !hasGrounding ? [...evalCase.rubric, GROUNDED_ITEM] : evalCase.rubric;
}

function routeScore(evalCase: EvalCase, path: string, domains: string[]): RouteScore {
  const predictedDomains = domains.filter((domain) => domain !== "general");
  const predictedLabel = routeLabel(path, predictedDomains);
  if (!evalCase.route)
    return { expected: false, correct: true, goldDomains: [], goldLabel: "-", predictedDomains, predictedLabel, path };
  const alternatives = domainAlternatives(evalCase.route);
  const sameSet = (set: string[]) =>
    set.length === predictedDomains.length && set.every((domain) => predictedDomains.includes(domain));
  const correct = evalCase.route.paths.includes(path as never) && alternatives.some(sameSet);
  const goldDomains = alternatives[0]!;
  const goldPath =
    evalCase.route.paths.includes("onboarding") && goldDomains.length === 0
      ? "onboarding"
      : (evalCase.route.paths[0] ?? "general");
  return {
    expected: true,
    correct,
    goldDomains,
    goldLabel: routeLabel(goldPath, goldDomains),
    predictedDomains,
    predictedLabel,
    path,
  };
}

function stageDurations(spans: { name: string; worker: string; durationMs: number }[]): Record<string, number> {
  const stages: Record<string, number> = {};
  for (const span of spans) {
    if (span.worker !== "gateway") continue;
    const stage = span.name.split(":")[0]!;
    stages[stage] = (stages[stage] ?? 0) + span.durationMs;
  }
  return stages;
}

/** Scores one turn (the case's final message, or its forced rerun) against the case. */
export async function scoreTurn(
  evalCase: EvalCase,
  turn: TurnResult,
  userMessages: string[],
  judge: Judge,
): Promise<TurnScore> {
  if (!turn.body) {
    const route = routeScore(evalCase, "error", []);
    return {
      ok: false,
      error: turn.error ?? `HTTP ${turn.status}`,
      route: { ...route, correct: false, predictedLabel: "error" },
      called: [],
      selection: selectionF1(evalCase.tools.required, evalCase.tools.optional, []),
      violations: [],
      ...(evalCase.tools.required.length > 0 ? { relevance: false } : {}),
      rubric: { score: 0, items: [] },
      pass: false,
      failures: [`request failed: ${turn.error ?? turn.status}`],
      costUsd: 0,
      latencyMs: turn.latencyMs,
      byTask: {},
      byModel: {},
      stages: {},
    };
  }
  const body = turn.body;
  const failures: string[] = [];
  const route = routeScore(evalCase, body.route.path, body.route.domains);
  if (route.expected && !route.correct)
    failures.push(
      `route ${route.path}:[${route.predictedDomains.join(",")}] (expected ${evalCase.route!.paths.join("|")}:[${route.goldDomains.join(",")}])`,
    );

  const calls = body.toolCalls;
  const called = calls.map((call) => call.name);
  const { required, optional } = evalCase.tools;
  const selection = selectionF1(required, optional, called);
  const succeeded = new Set(calls.filter((call) => call.ok).map((call) => call.name));
  const missing = required.filter((name) => !succeeded.has(name));
  if (missing.length > 0) failures.push(`required tools not run: ${missing.join(", ")}`);
  const unexpectedWrites = calls.filter(
    (call) => call.ok && WRITE_TOOLS.has(call.name) && !required.includes(call.name) && !optional.includes(call.name),
  );
  const forbidden = forbiddenTools(evalCase);
  const violated = violations(forbidden, calls).map((call) => ({ name: call.name, arguments: call.arguments }));
  for (const call of violated)
    failures.push(`VIOLATION: forbidden ${call.name} ran with ${JSON.stringify(call.arguments)}`);
  for (const call of unexpectedWrites.filter((each) => !forbidden.has(each.name)))
    failures.push(`unexpected write ${call.name}`);

  let argumentsOutcome: ArgumentOutcome | undefined;
  if (evalCase.calls.length > 0) {
    const expected = evalCase.calls.map((call) => ({
      tool: call.tool,
      arguments: resolveSpec(call.arguments as ValueSpec, turn.sentAt) as ExpectedCall["arguments"],
    }));
    argumentsOutcome = matchCalls(expected, calls);
    for (const detail of argumentsOutcome.details.filter((each) => !each.matched)) {
      failures.push(
        `arguments of ${detail.tool}: ${detail.mismatches.join(", ")}${detail.closest ? ` in ${JSON.stringify(detail.closest)}` : ""}`,
      );
    }
  }

  const toolData = turn.resultsObserved
    ? calls.flatMap((call) => [call.arguments, "result" in call ? call.result : null])
    : undefined;
  const rubric = await judge({ ...evalCase, rubric: effectiveRubric(evalCase) }, body.reply, {
    messages: userMessages,
    toolData,
  });
  if (rubric.score < evalCase.threshold) {
    const weak = rubric.items
      .filter((item) => item.score !== undefined && item.score < 1)
      .map((item) => `${item.criterion} (${item.detail})`);
    failures.push(`answer ${rubric.score.toFixed(2)} < ${evalCase.threshold}: ${weak.join("; ")}`);
  }

  const noTools = required.length === 0 && optional.length === 0;
  return {
    ok: true,
    route,
    called,
    selection,
    violations: violated,
    ...(required.length > 0 ? { relevance: relevant(required, calls) } : {}),
    ...(noTools ? { irrelevance: irrelevant(calls) } : {}),
    ...(argumentsOutcome ? { arguments: argumentsOutcome } : {}),
    rubric,
    pass: failures.length === 0,
    failures,
    costUsd: body.usage.costUsd,
    latencyMs: turn.latencyMs,
    byTask: body.usage.byTask,
    byModel: body.usage.byModel,
    stages: stageDurations(body.trace.spans),
  };
}

export type Blame = "none" | "router" | "router+specialist" | "specialist" | "answer" | "error" | "unknown";

export interface RunScore extends TurnScore {
  caseId: string;
  repeat: number;
  /** Which stage failed: the router (the forced route passes), the specialist, only the answer, or the request. */
  blame: Blame;
  forced?: { pass: boolean; failures: string[] };
  setupErrors: string[];
}

export function blameFor(score: TurnScore, forced: TurnScore | undefined): Blame {
  if (score.pass) return "none";
  if (!score.ok) return "error";
  if (score.route.expected && !score.route.correct) {
    if (!forced) return "unknown";
    return forced.pass ? "router" : "router+specialist";
  }
  const onlyAnswer = score.failures.every((failure) => failure.startsWith("answer "));
  return onlyAnswer ? "answer" : "specialist";
}

/** Scores a whole run: the final turn, its forced rerun when there is one, and blame. */
export async function scoreRun(evalCase: EvalCase, record: RunRecord, judge: Judge): Promise<RunScore> {
  const userMessages = record.turns.map((turn) => turn.message);
  const final = record.turns.at(-1)!;
  const setupErrors = record.turns
    .slice(0, -1)
    .filter((turn) => !turn.body)
    .map((turn) => `setup "${turn.message}": ${turn.error}`);
  const score = await scoreTurn(evalCase, final, userMessages, judge);
  if (setupErrors.length > 0) {
    score.pass = false;
    score.failures.unshift(...setupErrors);
  }
  const forced = record.forced ? await scoreTurn(evalCase, record.forced, userMessages, judge) : undefined;
  return {
    ...score,
    caseId: record.caseId,
    repeat: record.repeat,
    blame: setupErrors.length > 0 ? "error" : blameFor(score, forced),
    ...(forced ? { forced: { pass: forced.pass, failures: forced.failures } } : {}),
    setupErrors,
  };
}

/** The gold route to force for blame: the case's first acceptable domains and path. */
export function goldRoute(evalCase: EvalCase): { path: string; domains: string[] } | undefined {
  if (!evalCase.route) return undefined;
  const domains = domainAlternatives(evalCase.route)[0]!;
  if (domains.length === 0)
    return evalCase.route.paths.includes("general") ? { path: "general", domains: [] } : undefined;
  return { path: domains.length > 1 ? "coordinator" : "specialist", domains };
}
