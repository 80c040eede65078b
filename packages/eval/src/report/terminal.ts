// The summary printed at the end of a run, and the progress bar printed during it.
import type { Summary } from "../aggregate.ts";
import type { Comparison, GateVerdict } from "../baseline.ts";
import type { CaseRun } from "../runner.ts";
import { formatUsd } from "./svg.ts";

const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : "–");
const fixed = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const usd = formatUsd;
const pad = (text: string, width: number) => (text.length >= width ? text : text + " ".repeat(width - text.length));

export function summaryText(summary: Summary): string {
  const lines: string[] = [];
  lines.push(
    `assignment ${summary.assignment}  ${
      Object.entries(summary.variables)
        .map(([name, value]) => `${name}=${value}`)
        .join(" ") || "(default models)"
    }`,
  );
  lines.push(
    `  ${summary.cases} cases, ${summary.runs} runs in ${(summary.wallMs / 1000).toFixed(1)} s (cache: ${summary.cache.hits} hits, ${summary.cache.misses} misses)`,
  );
  lines.push(
    `  pass^k            ${Object.entries(summary.passHat)
      .map(([k, value]) => `pass^${k} ${percent(value)}`)
      .join("  ")}`,
  );
  lines.push(`  routing accuracy  ${percent(summary.routing.accuracy)} of ${summary.routing.evaluated}`);
  lines.push(
    `    ${summary.routing.domains.map((domain) => `${domain.domain} P ${fixed(domain.precision, 2)} R ${fixed(domain.recall, 2)}`).join(" | ")}`,
  );
  lines.push(
    `  tool selection F1 ${fixed(summary.tools.meanF1)}   relevance ${percent(summary.tools.relevance.rate)} (${summary.tools.relevance.cases})   irrelevance ${percent(summary.tools.irrelevance.rate)} (${summary.tools.irrelevance.cases})`,
  );
  lines.push(
    `  arguments         ${percent(summary.tools.arguments.accuracy)} of ${summary.tools.arguments.expected} expected calls (all matched in ${percent(summary.tools.arguments.caseAccuracy)} of ${summary.tools.arguments.cases} cases)`,
  );
  lines.push(
    `  violations        ${summary.tools.violations}${summary.tools.violationCases.length ? `  (${summary.tools.violationCases.join(", ")})` : ""}`,
  );
  lines.push(
    `  answers           mean ${fixed(summary.answers.meanScore)}, rubric passed ${percent(summary.answers.passRate)}${summary.answers.unscoredItems ? `, ${summary.answers.unscoredItems} items not scorable` : ""}`,
  );
  lines.push(
    `  blame             ${
      Object.entries(summary.blame)
        .filter(([name, count]) => name !== "none" && count > 0)
        .map(([name, count]) => `${name} ${count}`)
        .join(" · ") || "nothing failed"
    }`,
  );
  lines.push(
    `  cost              ${usd(summary.cost.totalUsd)} total, ${usd(summary.cost.meanUsdPerRun)} per run  (${Object.entries(
      summary.cost.byTask,
    )
      .map(([task, cost]) => `${task} ${usd(cost)}`)
      .join(", ")})`,
  );
  lines.push(
    `  latency           p50 ${fixed(summary.latency.p50Ms, 0)} ms, p95 ${fixed(summary.latency.p95Ms, 0)} ms  (${Object.entries(
      summary.latency.byStageMeanMs,
    )
      .map(([stage, milliseconds]) => `${stage} ${fixed(milliseconds, 1)} ms`)
      .join(", ")})`,
  );
  return lines.join("\n");
}

export function confusionText(summary: Summary): string {
  const { labels, counts } = summary.routing.confusion;
  const width = Math.max(10, ...labels.map((label) => label.length + 1));
  const header = pad("gold \\ routed", 16) + labels.map((label) => pad(label, width)).join("");
  const rows = counts.map(
    (row, index) => pad(labels[index]!, 16) + row.map((value) => pad(String(value), width)).join(""),
  );
  return [header, ...rows].join("\n");
}

export function comparisonTable(summaries: Summary[]): string {
  const header = `${pad("assignment", 18)}${pad("pass^1", 9)}${pad("routing", 9)}${pad("toolF1", 8)}${pad("args", 8)}${pad("viol.", 7)}${pad("cost/run", 12)}p50 ms`;
  const rows = summaries.map(
    (summary) =>
      `${pad(summary.assignment, 18)}${pad(percent(summary.passHat["1"] ?? summary.passRate), 9)}${pad(percent(summary.routing.accuracy), 9)}${pad(fixed(summary.tools.meanF1), 8)}${pad(percent(summary.tools.arguments.accuracy), 8)}${pad(String(summary.tools.violations), 7)}${pad(usd(summary.cost.meanUsdPerRun), 12)}${fixed(summary.latency.p50Ms, 0)}`,
  );
  return [header, ...rows].join("\n");
}

export function failuresText(runs: CaseRun[], limit = 25): string {
  const failing = runs.filter((run) => !run.score.pass);
  if (failing.length === 0) return "no failing runs";
  const lines = failing
    .slice(0, limit)
    .map((run) => `  ✗ ${pad(run.evalCase.id, 44)} [${run.score.blame}] ${run.score.failures[0] ?? ""}`.slice(0, 220));
  if (failing.length > limit) lines.push(`  … and ${failing.length - limit} more (see the HTML report)`);
  return lines.join("\n");
}

export function baselineText(comparison: Comparison): string {
  const { test } = comparison;
  const lines = [
    `against the baseline: ${test.regressions} now fail, ${test.improvements} now pass (McNemar ${test.method}, p = ${test.pValue.toPrecision(3)}); ${comparison.added.length} new, ${comparison.removed.length} removed cases`,
  ];
  if (comparison.regressions.length) lines.push(`  now failing: ${comparison.regressions.join(", ")}`);
  if (comparison.improvements.length) lines.push(`  now passing: ${comparison.improvements.join(", ")}`);
  return lines.join("\n");
}

export function verdictText(verdict: GateVerdict): string {
  return verdict.ok ? "gate: passed" : `gate: FAILED\n${verdict.reasons.map((reason) => `  - ${reason}`).join("\n")}`;
}

/** A one-line progress bar on a terminal; a line every 10% elsewhere (CI logs). */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastDecile = -1;
  return (done: number, total: number) => {
    const elapsed = (performance.now() - started) / 1000;
    const fraction = total === 0 ? 1 : done / total;
    const eta = done === 0 ? 0 : (elapsed / done) * (total - done);
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(width * fraction);
      stream.write(
        `\r${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${total}  ${elapsed.toFixed(1)} s  ETA ${eta.toFixed(0)} s `,
      );
      if (done === total) stream.write("\n");
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stream.write(`${label} ${done}/${total} (${(fraction * 100).toFixed(0)}%) ${elapsed.toFixed(1)} s\n`);
      }
    }
  };
}
