// pnpm eval [options]: runs the eval suite and reports. See docs/EVAL.md.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { validateModelEnvironment } from "@ensemble/model-config";
import { summarise, type Summary } from "./aggregate.ts";
import {
  baselineFrom,
  compare,
  type Comparison,
  gate,
  gateSchema,
  type GateVerdict,
  readBaseline,
  writeBaseline,
} from "./baseline.ts";
import { createRunCache } from "./cache.ts";
import { CaseError, filterCases, loadCases } from "./cases/load.ts";
import { createModelJudge, localJudge } from "./judge.ts";
import { renderHtml } from "./report/html.ts";
import {
  baselineText,
  comparisonTable,
  confusionText,
  createProgress,
  failuresText,
  summaryText,
  verdictText,
} from "./report/terminal.ts";
import { type CaseRun, runCases } from "./runner.ts";
import type { Judge } from "./score.ts";
import { createInProcessTarget, effectiveVariables } from "./targets/in-process.ts";
import { createRemoteTarget, localAuthSecret } from "./targets/remote.ts";
import type { Target } from "./targets/types.ts";

const packageRoot = path.resolve(import.meta.dirname, "..");
const repositoryRoot = path.resolve(packageRoot, "../..");

const USAGE = `usage: pnpm eval [options]
  --cases <dir|file>        case files (default packages/eval/cases)
  --filter <terms>          comma-separated: id substring, tag:<tag>, file:<name>
  --url <url>               evaluate a running gateway instead of in-process Workers
  --secret <secret>         its AUTH_SECRET (default: apps/gateway/.dev.vars)
  --force-route-secret <s>  its EVAL_FORCE_ROUTE_SECRET, for blame runs over HTTP
  --set VAR=value           a variable for every Worker (repeatable), e.g. MODEL_SPECIALIST=@cf/...
  --assignment name:VAR=value,VAR=value
                            a named model assignment (repeatable); several run side by side
  --repeat <k>              runs per case, for pass^k (default 1)
  --concurrency <n>         cases in flight at once (default 4)
  --judge checks|model      rubric judge (default: checks on the local engine, model otherwise)
  --no-cache                run everything again (results are still recorded)
  --no-blame                skip the forced-route reruns
  --out <dir>               report directory (default packages/eval/report)
  --baseline <file>         baseline file (default packages/eval/baseline.json)
  --write-baseline          write the first assignment's results as the new baseline
  --gate                    exit 1 on a significant regression or a threshold in gate.json
  --gate-config <file>      thresholds (default packages/eval/gate.json)
  --help`;

export class UsageError extends Error {}

export interface Assignment {
  name: string;
  variables: Record<string, string>;
}

function parseVariable(text: string): [string, string] {
  const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(text.trim());
  if (!match) throw new UsageError(`expected VAR=value, got "${text}"`);
  return [match[1]!, match[2]!];
}

/** `--set` values apply to every assignment; each `--assignment name:VAR=v,VAR=v` adds its own on top. */
export function parseAssignments(sets: string[], assignments: string[]): Assignment[] {
  const base = Object.fromEntries(sets.map(parseVariable));
  if (assignments.length === 0) return [{ name: "default", variables: base }];
  const parsed = assignments.map((text) => {
    const colon = text.indexOf(":");
    const name = colon < 0 ? text : text.slice(0, colon);
    if (!/^[\w.-]+$/.test(name)) throw new UsageError(`assignment names are letters, digits, _ . -: "${name}"`);
    const rest = colon < 0 ? "" : text.slice(colon + 1);
    const own = rest.trim() === "" ? {} : Object.fromEntries(rest.split(",").map(parseVariable));
    return { name, variables: { ...base, ...own } };
  });
  const names = parsed.map((assignment) => assignment.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new UsageError(`assignment "${duplicate}" is given twice`);
  return parsed;
}

function positiveInteger(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${name} must be a whole number of at least 1`);
  return value;
}

/** Environment for a model judge: the assignment's variables over the judge-related ones of this process. */
function judgeEnvironment(variables: Record<string, string>): Record<string, string> {
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] =>
      entry[1] !== undefined &&
      /^(OPENAI_|AI_PROVIDER$|AI_GATEWAY_ID$|MODEL_JUDGE$|MODEL_CHAIN_JUDGE$|MODEL_CATALOG_EXTRA$)/.test(entry[0]),
  );
  return { ...Object.fromEntries(inherited), ...variables };
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      cases: { type: "string", default: path.join(packageRoot, "cases") },
      filter: { type: "string" },
      url: { type: "string" },
      secret: { type: "string" },
      "force-route-secret": { type: "string" },
      set: { type: "string", multiple: true, default: [] },
      assignment: { type: "string", multiple: true, default: [] },
      repeat: { type: "string", default: "1" },
      concurrency: { type: "string", default: "4" },
      judge: { type: "string" },
      "no-cache": { type: "boolean", default: false },
      "no-blame": { type: "boolean", default: false },
      out: { type: "string", default: path.join(packageRoot, "report") },
      baseline: { type: "string", default: path.join(packageRoot, "baseline.json") },
      "write-baseline": { type: "boolean", default: false },
      gate: { type: "boolean", default: false },
      "gate-config": { type: "string", default: path.join(packageRoot, "gate.json") },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const repeat = positiveInteger(values.repeat!, "--repeat");
  const concurrency = positiveInteger(values.concurrency!, "--concurrency");
  const assignments = parseAssignments(values.set!, values.assignment!);
  if (values.judge !== undefined && values.judge !== "checks" && values.judge !== "model")
    throw new UsageError("--judge is checks or model");
  if (values.url && (values.set!.length > 0 || values.assignment!.length > 0)) {
    throw new UsageError(
      "--set and --assignment change the Workers' variables, which only the in-process run can do; restart the gateway with them instead.",
    );
  }
  for (const assignment of assignments) {
    const problems = validateModelEnvironment(effectiveVariables(assignment.variables));
    if (problems.length > 0)
      throw new UsageError(`assignment ${assignment.name}: ${problems.map((problem) => problem.message).join("; ")}`);
  }
  const allCases = loadCases(values.cases!);
  const cases = filterCases(allCases, values.filter);
  if (cases.length === 0) throw new UsageError(`no case matches --filter ${values.filter}`);
  if (values["write-baseline"] && cases.length !== allCases.length)
    throw new UsageError("--write-baseline needs the whole suite: drop --filter");
  const thresholds = gateSchema.parse(JSON.parse(readFileSync(values["gate-config"]!, "utf8")));

  const summaries: Summary[] = [];
  const runsByAssignment = new Map<string, CaseRun[]>();
  let targetDescription = "";
  console.error(`› ${cases.length} cases × ${repeat} run(s) × ${assignments.length} assignment(s)`);
  for (const assignment of assignments) {
    const started = performance.now();
    let target: Target;
    if (values.url) {
      const secret = values.secret ?? process.env.AUTH_SECRET ?? localAuthSecret();
      if (!secret) throw new UsageError("--url needs --secret, AUTH_SECRET, or apps/gateway/.dev.vars");
      target = await createRemoteTarget({
        url: values.url,
        secret,
        ...(values["force-route-secret"] ? { forceRouteSecret: values["force-route-secret"] } : {}),
      });
    } else {
      target = await createInProcessTarget({ variables: assignment.variables });
    }
    targetDescription = target.description;
    try {
      // The judge follows this process's AI_PROVIDER / MODEL_JUDGE / OPENAI_* and the assignment's own
      // overrides, not the Workers' wrangler defaults: a remote gateway's models are not this machine's.
      const judgeVariables = judgeEnvironment(assignment.variables);
      const useModel = values.judge ? values.judge === "model" : (judgeVariables.AI_PROVIDER ?? "local") !== "local";
      const localEngine = (judgeVariables.AI_PROVIDER ?? "local") === "local";
      if (useModel && localEngine)
        console.error("› the local engine has no judge skill: scoring the rubric with its checks");
      const judge: Judge = useModel && !localEngine ? createModelJudge(judgeVariables).judge : localJudge;
      const runCache = createRunCache(path.join(repositoryRoot, ".eval-cache", "runs"), { read: !values["no-cache"] });
      const runs = await runCases({
        cases,
        target,
        repeat,
        concurrency,
        cache: runCache,
        judge,
        blame: !values["no-blame"],
        onProgress: createProgress(`  ${assignment.name}`),
      });
      runsByAssignment.set(assignment.name, runs);
      summaries.push(
        summarise(runs, {
          assignment: assignment.name,
          variables: assignment.variables,
          fingerprint: await target.fingerprint(),
          repeat,
          wallMs: performance.now() - started,
          cache: { hits: runCache.hits, misses: runCache.misses },
        }),
      );
    } finally {
      await target.close();
    }
  }

  const primary = summaries[0]!;
  let comparison: Comparison | undefined;
  if (values["write-baseline"]) {
    writeBaseline(values.baseline!, baselineFrom(primary));
    console.error(`› wrote ${path.relative(process.cwd(), values.baseline!)}`);
  } else {
    const baseline = readBaseline(values.baseline!);
    if (baseline) comparison = compare(baseline, primary);
  }
  const verdict: GateVerdict | undefined = values.gate ? gate(primary, comparison, thresholds) : undefined;

  console.log("");
  for (const summary of summaries) {
    console.log(summaryText(summary));
    console.log("");
  }
  console.log(confusionText(primary));
  console.log("");
  if (summaries.length > 1) console.log(`${comparisonTable(summaries)}\n`);
  console.log(`failing runs of ${primary.assignment}:\n${failuresText(runsByAssignment.get(primary.assignment)!)}\n`);
  if (comparison) console.log(`${baselineText(comparison)}\n`);

  mkdirSync(values.out!, { recursive: true });
  const generatedAt = new Date().toISOString();
  const json = {
    generatedAt,
    target: targetDescription,
    summaries,
    comparison: comparison ?? null,
    verdict: verdict ?? null,
    runs: Object.fromEntries(
      [...runsByAssignment].map(([assignmentName, runs]) => [
        assignmentName,
        runs.map(({ evalCase, record, score }) => ({
          case: evalCase.id,
          repeat: record.repeat,
          pass: score.pass,
          blame: score.blame,
          failures: score.failures,
          route: record.turns.at(-1)?.body?.route ?? null,
          toolCalls:
            record.turns
              .at(-1)
              ?.body?.toolCalls.map(({ name, ok, arguments: arguments_ }) => ({ name, ok, arguments: arguments_ })) ??
            [],
          reply: record.turns.at(-1)?.body?.reply ?? null,
          selectionF1: score.selection.f1,
          rubric: score.rubric.score,
          costUsd: score.costUsd,
          costByTask: Object.fromEntries(Object.entries(score.byTask).map(([task, usage]) => [task, usage.costUsd])),
          stagesMs: score.stages,
          latencyMs: Math.round(score.latencyMs * 10) / 10,
          forced: score.forced ?? null,
        })),
      ]),
    ),
  };
  writeFileSync(path.join(values.out!, "report.json"), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(
    path.join(values.out!, "report.html"),
    renderHtml({
      title: "Ensemble eval",
      generatedAt,
      target: targetDescription,
      summaries,
      runs: runsByAssignment,
      ...(comparison ? { comparison } : {}),
      ...(verdict ? { verdict } : {}),
    }),
  );
  console.log(`reports: ${path.relative(process.cwd(), path.join(values.out!, "report.html"))}, report.json`);
  if (verdict) {
    console.log(verdictText(verdict));
    return verdict.ok ? 0 : 1;
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const parseError =
        error instanceof TypeError && String((error as { code?: string }).code).startsWith("ERR_PARSE_ARGS");
      if (error instanceof UsageError || error instanceof CaseError || parseError) {
        console.error(`error: ${error.message}\n`);
        if (!(error instanceof CaseError)) console.error(USAGE);
        process.exit(2);
      }
      console.error(error);
      process.exit(2);
    },
  );
}
