// One self-contained HTML file: headline numbers, model comparison charts, cost against quality,
// the confusion matrix, per-domain and per-tag tables, baseline flips, and every failing case with
// its tool calls, reply, rubric and trace.
import type { Summary } from "../aggregate.ts";
import type { Comparison, GateVerdict } from "../baseline.ts";
import type { CaseRun } from "../runner.ts";
import { confusionHeatmap, costQualityScatter, escapeHtml, formatUsd, groupedBars, waterfall } from "./svg.ts";

export interface ReportInput {
  title: string;
  generatedAt: string;
  target: string;
  summaries: Summary[];
  runs: Map<string, CaseRun[]>;
  comparison?: Comparison;
  verdict?: GateVerdict;
  /** How many failing runs to show in full per assignment. */
  failureLimit?: number;
}

const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : "–");
const fixed = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const usd = formatUsd;

function clip(value: unknown, limit = 600): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text === undefined ? "" : text.length > limit ? `${text.slice(0, limit)}…` : text;
}

function headline(summary: Summary): string {
  const cards: [string, string, string][] = [
    ["pass^1", percent(summary.passHat["1"] ?? summary.passRate), `${summary.runs} runs of ${summary.cases} cases`],
    ["routing accuracy", percent(summary.routing.accuracy), `${summary.routing.evaluated} routed cases`],
    [
      "tool selection F1",
      fixed(summary.tools.meanF1),
      `relevance ${percent(summary.tools.relevance.rate)} · irrelevance ${percent(summary.tools.irrelevance.rate)}`,
    ],
    [
      "argument accuracy",
      percent(summary.tools.arguments.accuracy),
      `${summary.tools.arguments.matched}/${summary.tools.arguments.expected} expected calls`,
    ],
    [
      "violations",
      String(summary.tools.violations),
      summary.tools.violationCases.slice(0, 3).join(", ") || "no forbidden write ran",
    ],
    ["answer score", fixed(summary.answers.meanScore), `rubric passed ${percent(summary.answers.passRate)}`],
    ["cost per run", usd(summary.cost.meanUsdPerRun), `total ${usd(summary.cost.totalUsd)}`],
    ["latency", `${fixed(summary.latency.p50Ms, 0)} ms`, `p95 ${fixed(summary.latency.p95Ms, 0)} ms`],
  ];
  const pass = Object.entries(summary.passHat)
    .map(([k, value]) => `pass^${k} ${percent(value)}`)
    .join(" · ");
  return `<div class=cards>${cards.map(([name, value, note]) => `<div class=card><div class=label>${escapeHtml(name)}</div><div class=value>${escapeHtml(value)}</div><div class=note>${escapeHtml(note)}</div></div>`).join("")}</div><p class=muted>${escapeHtml(pass)} · blame: ${
    Object.entries(summary.blame)
      .filter(([name, count]) => name !== "none" && count > 0)
      .map(([name, count]) => `${escapeHtml(name)} ${count}`)
      .join(" · ") || "none"
  }</p>`;
}

function comparisonSection(summaries: Summary[]): string {
  const metrics = ["pass^1", "routing", "tool F1", "arguments", "answers", "irrelevance"];
  const series = summaries.map((summary) => ({
    name: summary.assignment,
    values: [
      summary.passHat["1"] ?? summary.passRate,
      summary.routing.accuracy,
      summary.tools.meanF1,
      summary.tools.arguments.accuracy,
      summary.answers.meanScore,
      summary.tools.irrelevance.rate,
    ],
  }));
  const table = `<table><tr><th>assignment</th><th>variables</th><th>pass^1</th><th>routing</th><th>tool F1</th><th>args</th><th>violations</th><th>cost/run</th><th>p50</th><th>p95</th></tr>${summaries
    .map(
      (summary) =>
        `<tr><td>${escapeHtml(summary.assignment)}</td><td><code>${escapeHtml(
          Object.entries(summary.variables)
            .map(([name, value]) => `${name}=${value}`)
            .join(" ") || "(defaults)",
        )}</code></td><td>${percent(summary.passHat["1"] ?? summary.passRate)}</td><td>${percent(summary.routing.accuracy)}</td><td>${fixed(summary.tools.meanF1)}</td><td>${percent(summary.tools.arguments.accuracy)}</td><td>${summary.tools.violations}</td><td>${usd(summary.cost.meanUsdPerRun)}</td><td>${fixed(summary.latency.p50Ms, 0)} ms</td><td>${fixed(summary.latency.p95Ms, 0)} ms</td></tr>`,
    )
    .join("")}</table>`;
  const costByTask = [...new Set(summaries.flatMap((summary) => Object.keys(summary.cost.byTask)))].sort();
  const costTable = `<table><tr><th>assignment</th>${costByTask.map((task) => `<th>${escapeHtml(task)}</th>`).join("")}</tr>${summaries
    .map(
      (summary) =>
        `<tr><td>${escapeHtml(summary.assignment)}</td>${costByTask.map((task) => `<td>${usd((summary.cost.byTask[task] ?? 0) / Math.max(1, summary.runs))}</td>`).join("")}</tr>`,
    )
    .join("")}</table>`;
  return `<section><h2>Model comparison</h2>${groupedBars(metrics, series)}${table}<h3>Cost against quality</h3>${costQualityScatter(
    summaries.map((summary) => ({
      name: summary.assignment,
      cost: summary.cost.meanUsdPerRun,
      quality: summary.passHat["1"] ?? summary.passRate,
    })),
  )}<h3>Cost per run by task</h3>${costTable}</section>`;
}

function routingSection(summary: Summary): string {
  const domains = `<table><tr><th>domain</th><th>precision</th><th>recall</th><th>support</th><th>TP</th><th>FP</th><th>FN</th></tr>${summary.routing.domains
    .map(
      (domain) =>
        `<tr><td>${escapeHtml(domain.domain)}</td><td>${fixed(domain.precision)}</td><td>${fixed(domain.recall)}</td><td>${domain.support}</td><td>${domain.truePositives}</td><td>${domain.falsePositives}</td><td>${domain.falseNegatives}</td></tr>`,
    )
    .join("")}</table>`;
  const stages = `<table><tr><th>stage</th><th>mean ms</th></tr>${Object.entries(summary.latency.byStageMeanMs)
    .map(([stage, milliseconds]) => `<tr><td>${escapeHtml(stage)}</td><td>${fixed(milliseconds, 1)}</td></tr>`)
    .join("")}</table>`;
  return `<div class=row><div><h3>Confusion matrix</h3>${confusionHeatmap(summary.routing.confusion.labels, summary.routing.confusion.counts)}</div><div><h3>Per-domain routing</h3>${domains}<h3>Latency per stage</h3>${stages}</div></div>`;
}

function tagSection(summary: Summary): string {
  const rows = Object.entries(summary.byTag).sort(([left], [right]) => left.localeCompare(right));
  return `<h3>By tag</h3><table><tr><th>tag</th><th>runs</th><th>pass rate</th></tr>${rows
    .map(
      ([tag, entry]) =>
        `<tr><td>${escapeHtml(tag)}</td><td>${entry.runs}</td><td><span class=bar style="width:${(entry.passRate * 120).toFixed(0)}px"></span> ${percent(entry.passRate)}</td></tr>`,
    )
    .join("")}</table>`;
}

function failureCard(run: CaseRun): string {
  const { evalCase, record, score } = run;
  const final = record.turns.at(-1)!;
  const body = final.body;
  const calls = body?.toolCalls ?? [];
  const callRows = calls
    .map(
      (call) =>
        `<tr class="${call.ok ? "" : "bad"}"><td>${escapeHtml(call.domain)}</td><td>${escapeHtml(call.name)}</td><td><code>${escapeHtml(clip(call.arguments, 400))}</code></td><td>${call.ok ? "ok" : escapeHtml(call.error ?? "failed")}</td><td><code>${escapeHtml("result" in call ? clip(call.result, 300) : "–")}</code></td></tr>`,
    )
    .join("");
  const rubric = score.rubric.items
    .map(
      (item) =>
        `<li>${item.score === undefined ? "n/a" : fixed(item.score, 2)} × ${item.weight}: ${escapeHtml(item.criterion)} <span class=muted>(${escapeHtml(item.detail)})</span></li>`,
    )
    .join("");
  const setup = record.turns
    .slice(0, -1)
    .map(
      (turn) =>
        `<li>${escapeHtml(turn.message)} <span class=muted>→ ${escapeHtml(clip(turn.body?.reply ?? turn.error ?? "", 200))}</span></li>`,
    )
    .join("");
  return `<details><summary><b>${escapeHtml(evalCase.id)}</b> <span class=tag>${escapeHtml(score.blame)}</span> ${escapeHtml(score.failures[0] ?? "")}</summary>
<div class=case>
<p><b>message</b> ${escapeHtml(evalCase.message)} <span class=muted>(${escapeHtml(evalCase.file)}; tags ${escapeHtml(evalCase.tags.join(", "))}; run ${record.repeat + 1}; user ${escapeHtml(record.userId)})</span></p>
${setup ? `<p><b>setup</b></p><ol>${setup}</ol>` : ""}
<p><b>route</b> ${escapeHtml(body ? `${body.route.path} [${body.route.domains.join(", ")}] confidence ${body.route.confidence}` : "–")}${evalCase.route ? ` <span class=muted>expected ${escapeHtml(evalCase.route.paths.join("|"))} ${escapeHtml(JSON.stringify(evalCase.route.domains))}</span>` : ""}</p>
<p><b>failures</b></p><ul>${score.failures.map((failure) => `<li>${escapeHtml(failure)}</li>`).join("")}</ul>
${score.forced ? `<p><b>with the gold route forced</b>: ${score.forced.pass ? "passes" : `fails: ${escapeHtml(score.forced.failures.join("; "))}`}</p>` : ""}
<table><tr><th>domain</th><th>tool</th><th>arguments</th><th>status</th><th>result</th></tr>${callRows || "<tr><td colspan=5>no tool calls</td></tr>"}</table>
<p><b>reply</b></p><blockquote>${escapeHtml(body?.reply ?? final.error ?? "")}</blockquote>
<p><b>rubric</b> ${fixed(score.rubric.score, 2)} (threshold ${evalCase.threshold})</p><ul>${rubric}</ul>
<p><b>cost</b> ${usd(score.costUsd)} · <b>latency</b> ${fixed(score.latencyMs, 1)} ms</p>
${body ? waterfall(body.trace.spans) : ""}
</div></details>`;
}

function comparisonWithBaseline(comparison: Comparison): string {
  const metricRows = Object.entries(comparison.metrics)
    .map(
      ([name, values]) =>
        `<tr><td>${escapeHtml(name)}</td><td>${values.baseline ?? "–"}</td><td>${values.candidate ?? "–"}</td></tr>`,
    )
    .join("");
  const list = (ids: string[]) => (ids.length ? ids.map((id) => `<code>${escapeHtml(id)}</code>`).join(" ") : "none");
  return `<section><h2>Against the baseline</h2><p>McNemar (${comparison.test.method}): ${comparison.test.regressions} regressions, ${comparison.test.improvements} improvements, p = ${comparison.test.pValue.toPrecision(3)}</p>
<table><tr><th>metric</th><th>baseline</th><th>candidate</th></tr>${metricRows}</table>
<p><b>now failing</b> ${list(comparison.regressions)}</p><p><b>now passing</b> ${list(comparison.improvements)}</p><p class=muted>new cases: ${comparison.added.length} · removed: ${comparison.removed.length}</p></section>`;
}

export function renderHtml(input: ReportInput): string {
  const limit = input.failureLimit ?? 200;
  const sections = input.summaries.map((summary) => {
    const failing = (input.runs.get(summary.assignment) ?? []).filter((run) => !run.score.pass);
    const shown = failing.slice(0, limit);
    return `<section><h2>Assignment: ${escapeHtml(summary.assignment)}</h2><p class=muted>${escapeHtml(summary.fingerprint)} · ${(summary.wallMs / 1000).toFixed(1)} s · cache ${summary.cache.hits} hits, ${summary.cache.misses} misses</p>${headline(summary)}${routingSection(summary)}${tagSection(summary)}
<h3>Failing runs (${failing.length}${failing.length > shown.length ? `, first ${shown.length} shown` : ""})</h3>${shown.map(failureCard).join("\n")}</section>`;
  });
  const verdict = input.verdict
    ? `<p class="verdict ${input.verdict.ok ? "ok" : "fail"}">Gate: ${input.verdict.ok ? "passed" : `FAILED — ${escapeHtml(input.verdict.reasons.join("; "))}`}</p>`
    : "";
  return `<!doctype html>
<html lang=en><head><meta charset=utf-8><meta name=viewport content="width=device-width, initial-scale=1"><title>${escapeHtml(input.title)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1200px;color:#111827;padding:0 16px}
h1{font-size:22px;margin-bottom:4px}h2{font-size:18px;border-bottom:1px solid #e5e7eb;padding-bottom:4px;margin-top:32px}h3{font-size:15px;margin:18px 0 8px}
.muted{color:#6b7280}.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;margin:12px 0}
.card{border:1px solid #e5e7eb;border-radius:8px;padding:10px 12px;background:#f9fafb}.card .label{color:#6b7280;font-size:12px}.card .value{font-size:22px;font-weight:600}.card .note{color:#6b7280;font-size:11px}
table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f3f4f6}
tr.bad td{background:#fef2f2}code{font:12px ui-monospace,monospace;word-break:break-all}
.row{display:flex;gap:32px;flex-wrap:wrap}details{border:1px solid #e5e7eb;border-radius:6px;margin:6px 0;padding:6px 10px}summary{cursor:pointer}
.case{padding:6px 0}blockquote{margin:4px 0;padding:6px 10px;background:#f3f4f6;border-left:3px solid #2563eb;white-space:pre-wrap}
.tag{display:inline-block;background:#eef2ff;color:#3730a3;border-radius:4px;padding:0 6px;font-size:11px}.bar{display:inline-block;height:10px;background:#10b981;vertical-align:middle}
.verdict{font-weight:600;padding:8px 12px;border-radius:6px}.verdict.ok{background:#ecfdf5;color:#065f46}.verdict.fail{background:#fef2f2;color:#991b1b}
</style></head><body>
<h1>${escapeHtml(input.title)}</h1><p class=muted>${escapeHtml(input.generatedAt)} · ${escapeHtml(input.target)}</p>${verdict}
${comparisonSection(input.summaries)}
${input.comparison ? comparisonWithBaseline(input.comparison) : ""}
${sections.join("\n")}
</body></html>
`;
}
