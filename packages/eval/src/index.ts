// The eval harness as a library: load cases, run them against a target, score and report.
export { loadCases, filterCases, parseCaseFile, CaseError, type LoadedCase } from "./cases/load.ts";
export { caseSchema, type EvalCase, type ValueSpec, forbiddenTools, WRITE_TOOLS, TOOL_NAMES } from "./cases/schema.ts";
export { matchCalls, matchesSpec, normaliseString } from "./metrics/arguments.ts";
export { selectionF1, violations, relevant, irrelevant } from "./metrics/tools.ts";
export { confusionMatrix, domainScores, routeLabel } from "./metrics/routing.ts";
export { passHatK, mcnemar, exactBinomialTwoSided } from "./metrics/statistics.ts";
export { groundedNumbers, scoreRubricLocally } from "./metrics/answers.ts";
export { scoreRun, scoreTurn, type RunRecord, type RunScore, type Judge } from "./score.ts";
export { runCases, type CaseRun } from "./runner.ts";
export { summarise, type Summary } from "./aggregate.ts";
export { compare, gate, baselineFrom, readBaseline, writeBaseline } from "./baseline.ts";
export { createRunCache, cacheKey } from "./cache.ts";
export { createInProcessTarget } from "./targets/in-process.ts";
export { createRemoteTarget } from "./targets/remote.ts";
export type { Target, TurnResult, ChatBody } from "./targets/types.ts";
