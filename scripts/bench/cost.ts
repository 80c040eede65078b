// Cost per request of the default model assignment against single-model baselines, measured on the
// eval suite (packages/eval, in-process, local engine). The local engine stands in for each
// configured model and the ledger prices its estimated tokens with the catalog's prices, so the
// comparison is of routing and model choice, not of model behaviour.
//
//   node scripts/bench/cost.ts [--filter <eval filter>] [--no-cache] [--markdown]
//
// Assignments:
//   default     the five-model default of packages/model-config (TASK_DEFAULTS)
//   scout       every chat task on Llama 4 Scout (it also sees, so vision too)
//   llama-70b   every chat task on Llama 3.3 70B; vision stays on the default vision model,
//               because the 70B model cannot see (the catalog refuses it for MODEL_VISION)
//   glm-specialist  not a baseline: the default with the specialists on GLM 4.7 Flash, to show
//               what the specialist slot (most of the cost) decides
// Embeddings stay on the default embedding model in all of them: neither baseline model embeds.
// Target: the default costs at most 40% of the all-70B baseline per request.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BASELINE_MODEL, TASK_DEFAULTS } from "../../packages/model-config/src/index.ts";

const root = path.resolve(import.meta.dirname, "../..");
const SCOUT = "@cf/meta/llama-4-scout-17b-16e-instruct";
const GLM = "@cf/zai-org/glm-4.7-flash";
const TARGET_SHARE = 0.4;

const { values } = parseArgs({
  options: {
    filter: { type: "string" },
    "no-cache": { type: "boolean", default: false },
    markdown: { type: "boolean", default: false },
  },
});

const chatTasks = ["ROUTER", "ONBOARDING", "SPECIALIST", "FALLBACK", "SYNTHESIS", "SUMMARY"];
const everything = (model: string, withVision: boolean) =>
  [...chatTasks, ...(withVision ? ["VISION"] : [])].map((task) => `MODEL_${task}=${model}`).join(",");
const assignments = [
  { name: "default", variables: "" },
  { name: "scout", variables: everything(SCOUT, true) },
  { name: "llama-70b", variables: everything(BASELINE_MODEL, false) },
  { name: "glm-specialist", variables: `MODEL_SPECIALIST=${GLM}` },
];

const out = mkdtempSync(path.join(tmpdir(), "ensemble-cost-"));
const started = performance.now();
try {
  const args = [
    path.join(root, "packages/eval/src/cli.ts"),
    "--no-blame",
    "--out",
    out,
    ...(values.filter ? ["--filter", values.filter] : []),
    ...(values["no-cache"] ? ["--no-cache"] : []),
    ...assignments.flatMap((assignment) => ["--assignment", `${assignment.name}:${assignment.variables}`]),
  ];
  // The eval prints its own report on stdout; only its summaries are needed here.
  execFileSync(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const report = JSON.parse(readFileSync(path.join(out, "report.json"), "utf8")) as {
    summaries: {
      assignment: string;
      runs: number;
      passRate: number;
      cost: {
        totalUsd: number;
        meanUsdPerRun: number;
        byTask: Record<string, number>;
        byModel: Record<string, number>;
      };
    }[];
  };
  const byName = new Map(report.summaries.map((summary) => [summary.assignment, summary]));
  const baseline = byName.get("llama-70b")!;
  const defaults = byName.get("default")!;
  const share = defaults.cost.meanUsdPerRun / baseline.cost.meanUsdPerRun;
  const usd = (value: number) => `$${value.toFixed(6)}`;
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

  const lines = [
    `Eval suite: ${baseline.runs} requests per assignment (${((performance.now() - started) / 1000).toFixed(0)} s).`,
    "",
    "| assignment | cost per request | per 1,000 requests | vs all-70B | pass rate |",
    "| --- | --- | --- | --- | --- |",
    ...assignments.map(({ name }) => {
      const summary = byName.get(name)!;
      const ratio = summary.cost.meanUsdPerRun / baseline.cost.meanUsdPerRun;
      return `| ${name} | ${usd(summary.cost.meanUsdPerRun)} | $${(summary.cost.meanUsdPerRun * 1000).toFixed(3)} | ${percent(ratio)} | ${percent(summary.passRate)} |`;
    }),
    "",
    "Cost per request by task (USD):",
    "",
    `| task | ${assignments.map(({ name }) => name).join(" | ")} |`,
    `| --- | ${assignments.map(() => "---").join(" | ")} |`,
    ...[...new Set(report.summaries.flatMap((summary) => Object.keys(summary.cost.byTask)))].sort().map((task) => {
      const cells = assignments.map(({ name }) => {
        const summary = byName.get(name)!;
        return usd((summary.cost.byTask[task] ?? 0) / summary.runs);
      });
      return `| ${task} | ${cells.join(" | ")} |`;
    }),
    "",
    `Default models: ${Object.entries(TASK_DEFAULTS)
      .filter(([task]) => task !== "judge")
      .map(([task, setting]) => `${task} ${setting.model}`)
      .join(", ")}.`,
    `Target: default <= ${percent(TARGET_SHARE)} of all-70B per request: ${share <= TARGET_SHARE ? "met" : "MISSED"} (${percent(share)}).`,
  ];
  console.log(lines.join("\n"));
  if (share > TARGET_SHARE) process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
