// Load and latency of the local stack over HTTP (loopback only): throughput and p50/p99 of four
// request kinds with autocannon, the orchestration overhead of each hop read from the responses'
// traces, and the memory of the wrangler/workerd processes over a sustained run.
//
//   node scripts/bench/http.ts [--duration 10] [--connections 8] [--memory-seconds 60] [--trace-requests 200]
//                              [--memory-warmup 120] [--snapshot] [--memory-kinds food-search,tool-write]
//                              [--url http://127.0.0.1:8787]
//                              [--json results.json]
//
// Without --url it starts the stack itself (scripts/start.sh on a free port, state in a temporary
// directory), waits for /health, and stops it afterwards; memory is sampled only then (it needs
// the processes). `wrangler dev` rebuilds and restarts workerd whenever a source file changes, so
// with edits in progress (another terminal, an editor saving) use --snapshot: the stack then runs
// from a copy of the last commit (`git archive HEAD`) in a temporary directory. Tokens are signed with the AUTH_SECRET of apps/gateway/.dev.vars for thousands of
// distinct users, so the per-user rate limit (120 a minute) is not what is measured; 429s are
// counted apart from errors anyway.
import { type ChildProcess, execFileSync, execSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { signToken } from "../../apps/gateway/src/auth.ts";

const root = path.resolve(import.meta.dirname, "../..");

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "8" },
    "memory-seconds": { type: "string", default: "60" },
    "memory-warmup": { type: "string", default: "120" },
    "trace-requests": { type: "string", default: "200" },
    users: { type: "string", default: "5000" },
    json: { type: "string" },
    snapshot: { type: "boolean", default: false },
    "memory-kinds": { type: "string", default: "specialist,coordinator,food-search,tool-write" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const memorySeconds = Number(values["memory-seconds"]);
const memoryWarmup = Number(values["memory-warmup"]);
const traceRequests = Number(values["trace-requests"]);
const userCount = Number(values.users);

// ---- The four request kinds ------------------------------------------------------------------

interface Scenario {
  name: string;
  what: string;
  method: "GET" | "POST";
  path: () => string;
  body?: string;
}

const FOOD_QUERIES = [
  "chicken breast",
  "brown rice",
  "banana",
  "greek yogurt",
  "salmon",
  "oatmeal",
  "whole wheat bread",
  "broccoli",
  "peanut butter",
  "eggs",
];
let foodQuery = 0;

const scenarios: Scenario[] = [
  {
    name: "specialist",
    what: "a meal log message (router -> meal specialist -> log_meal)",
    method: "POST",
    path: () => "/v1/chat",
    body: JSON.stringify({ message: "had two scrambled eggs and a slice of whole wheat toast for breakfast" }),
  },
  {
    name: "coordinator",
    what: "a two-domain message (router -> coordinator -> meal + protocol, synthesis)",
    method: "POST",
    path: () => "/v1/chat",
    body: JSON.stringify({ message: "had oatmeal with blueberries for breakfast and took my fish oil" }),
  },
  {
    name: "food-search",
    what: "GET /v1/foods/search?q= (gateway -> embedding)",
    method: "GET",
    path: () => `/v1/foods/search?q=${encodeURIComponent(FOOD_QUERIES[foodQuery++ % FOOD_QUERIES.length]!)}`,
  },
  {
    name: "tool-write",
    what: "a workout log (router -> metrics-workout -> log_workout: 3 tables in one batch)",
    method: "POST",
    path: () => "/v1/chat",
    body: JSON.stringify({ message: "squatted 5x5 at 100 kg and benched 3x8 at 60 kg" }),
  },
];

// ---- The stack -------------------------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess | null, logFile: string | null): Promise<void> {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the stack exited (${child.exitCode}); see ${logFile}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`no healthy gateway at ${url} after 240 s${logFile ? `; see ${logFile}` : ""}`);
}

/**
 * The last commit in a temporary directory, runnable: the per-package node_modules (pnpm's links,
 * relative) are copied, the root node_modules, .tools and the local secret are shared.
 */
function snapshotTree(): { tree: string; commit: string } {
  const tree = mkdtempSync(path.join(tmpdir(), "ensemble-bench-tree-"));
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  execSync(`git archive HEAD | tar -x -C ${JSON.stringify(tree)}`, {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (const shared of ["node_modules", ".tools"]) {
    if (existsSync(path.join(root, shared))) symlinkSync(path.join(root, shared), path.join(tree, shared));
  }
  for (const group of ["apps", "packages"]) {
    for (const name of readdirSync(path.join(root, group))) {
      const modules = path.join(root, group, name, "node_modules");
      if (existsSync(modules) && existsSync(path.join(tree, group, name))) {
        cpSync(modules, path.join(tree, group, name, "node_modules"), {
          recursive: true,
          verbatimSymlinks: true,
          preserveTimestamps: true,
        });
      }
    }
  }
  // The same local secret, so tokens signed here are valid there; the built web client saves a rebuild.
  for (const file of ["apps/gateway/.dev.vars", "apps/gateway/public"]) {
    if (existsSync(path.join(root, file))) cpSync(path.join(root, file), path.join(tree, file), { recursive: true });
  }
  // The toolchain reinstalls when the lockfile looks newer than node_modules; it is not.
  cpSync(path.join(root, "pnpm-lock.yaml"), path.join(tree, "pnpm-lock.yaml"), { preserveTimestamps: true });
  return { tree, commit };
}

async function startStack(tree: string): Promise<{ url: string; child: ChildProcess; state: string; log: string }> {
  const port = await freePort();
  const state = mkdtempSync(path.join(tmpdir(), "ensemble-bench-state-"));
  // Kept after the run (the state is not), for when something failed.
  const log = path.join(mkdtempSync(path.join(tmpdir(), "ensemble-bench-log-")), "stack.log");
  const output = openSync(log, "a");
  // Its own process group, so stopping it stops wrangler and workerd with it and nothing else.
  const child = spawn("bash", [path.join(tree, "scripts/start.sh")], {
    cwd: tree,
    env: { ...process.env, PORT: String(port), ENSEMBLE_STATE: path.join(state, "state") },
    detached: true,
    stdio: ["ignore", output, output],
  });
  const url = `http://127.0.0.1:${port}`;
  console.error(`› starting the stack on ${url} (log: ${log})`);
  await waitForHealth(url, child, log);
  return { url, child, state, log };
}

async function stopStack(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  const timeout = new Promise((resolve) => setTimeout(resolve, 10_000, "timeout"));
  if ((await Promise.race([exited, timeout])) === "timeout") process.kill(-child.pid, "SIGKILL");
}

// ---- Memory: the resident set of the stack's processes, from /proc ----------------------------

function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(parent, [...(parents.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const pending = [pid];
  while (pending.length > 0) {
    for (const child of parents.get(pending.pop()!) ?? []) {
      found.push(child);
      pending.push(child);
    }
  }
  return found;
}

function residentMb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

interface Memory {
  /** workerd RSS before the warm-up load (MB). */
  beforeWarmup: number;
  warmupSeconds: number;
  samples: MemorySample[];
  load: LoadResult;
  /** JS heap in use per Worker (MB) before and after the measured run; null without `ss` or an inspector. */
  heapsBefore: Record<string, number> | null;
  heapsAfter: Record<string, number> | null;
}

interface MemorySample {
  second: number;
  /** RSS of workerd, all its processes together (MB). */
  workerd: number;
  /** RSS of wrangler's node process (MB). */
  wrangler: number;
  /** Which workerd processes: a change means wrangler restarted the runtime (it reloads on source edits). */
  workerdPids: string;
}

function sampleMemory(rootPid: number, second: number): MemorySample {
  let workerd = 0;
  let wrangler = 0;
  const pids: number[] = [];
  for (const pid of [rootPid, ...descendants(rootPid)]) {
    const name = processName(pid);
    if (name === "workerd") {
      workerd += residentMb(pid);
      pids.push(pid);
    } else if (name === "node" || name.startsWith("wrangler")) wrangler += residentMb(pid);
  }
  return { second, workerd, wrangler, workerdPids: pids.sort().join(",") };
}

/**
 * The JS heap of each Worker's isolate, from workerd's inspector (wrangler dev runs workerd with
 * one on a random local port; `ss` tells which). Workerd's RSS also holds the runtime's own memory
 * (SQLite pages of D1, buffers), so the heaps say whether our code holds on to memory.
 */
async function workerHeaps(rootPid: number): Promise<Record<string, number> | null> {
  const pids = new Set([rootPid, ...descendants(rootPid)].filter((pid) => processName(pid) === "workerd").map(String));
  let listening = "";
  try {
    listening = execFileSync("ss", ["-ltnpH"], { encoding: "utf8" });
  } catch {
    return null;
  }
  const ports = listening
    .split("\n")
    .filter((line) => [...pids].some((pid) => line.includes(`pid=${pid},`)))
    .map((line) => /127\.0\.0\.1:(\d+)/.exec(line)?.[1])
    .filter((port): port is string => port !== undefined);
  for (const port of ports) {
    let targets: { title: string; webSocketDebuggerUrl: string }[];
    try {
      targets = (await (
        await fetch(`http://127.0.0.1:${port}/json`, { signal: AbortSignal.timeout(2000) })
      ).json()) as typeof targets;
    } catch {
      continue;
    }
    const workers = targets.filter((target) => /core:user:ensemble-/.test(target.title));
    if (workers.length === 0) continue;
    const heaps: Record<string, number> = {};
    for (const target of workers) {
      const used = await heapUsed(target.webSocketDebuggerUrl);
      if (used !== null) heaps[target.title.replace(/^.*core:user:ensemble-/, "")] = used;
    }
    return heaps;
  }
  return null;
}

async function heapUsed(address: string): Promise<number | null> {
  const socket = new WebSocket(address);
  // Node does not keep the process alive for a WebSocket alone.
  const keepAlive = setInterval(() => {}, 1000);
  try {
    return await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 5000);
      socket.addEventListener("open", () => socket.send(JSON.stringify({ id: 1, method: "Runtime.getHeapUsage" })));
      socket.addEventListener("error", () => resolve(null));
      socket.addEventListener("message", (event) => {
        const message = JSON.parse(String(event.data)) as { id?: number; result?: { usedSize: number } };
        if (message.id !== 1) return;
        clearTimeout(timer);
        resolve(message.result ? message.result.usedSize / 1024 / 1024 : null);
      });
    });
  } finally {
    clearInterval(keepAlive);
    socket.close();
  }
}

// ---- Tokens for many users -------------------------------------------------------------------

function authSecret(tree: string): string {
  const fromEnvironment = process.env.AUTH_SECRET;
  if (fromEnvironment) return fromEnvironment;
  const file = path.join(tree, "apps/gateway/.dev.vars");
  const secret = existsSync(file) ? /^AUTH_SECRET=(.+)$/m.exec(readFileSync(file, "utf8"))?.[1]?.trim() : undefined;
  if (!secret)
    throw new Error("no AUTH_SECRET: run the start command once (it writes apps/gateway/.dev.vars) or set AUTH_SECRET");
  return secret;
}

async function tokens(count: number, tree: string): Promise<string[]> {
  const secret = authSecret(tree);
  const now = Math.floor(Date.now() / 1000);
  const run = Date.now().toString(36);
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      signToken({ sub: `bench-${run}-${index}`, iat: now, exp: now + 3600 }, secret),
    ),
  );
}

// ---- Traces: orchestration overhead per hop ----------------------------------------------------

interface Span {
  worker: string;
  name: string;
  startMs: number;
  durationMs: number;
  model?: string;
}

/** The Worker a caller's span calls into, by the span names dispatch and the coordinator use. */
function calleeOf(span: Span): string | null {
  if (span.worker === "gateway") {
    if (span.name === "classify" || span.name === "onboarding") return "router";
    if (span.name === "coordinate" || span.name === "general") return "coordinator";
    if (span.name === "vision") return "vision";
    if (span.name.startsWith("specialist:")) return span.name.slice("specialist:".length);
  }
  if (span.worker === "coordinator" && span.name.startsWith("branch:")) return span.name.slice("branch:".length);
  return null;
}

/** Length of the union of intervals (ms): nested and parallel spans counted once. */
function unionLength(intervals: [number, number][]): number {
  const sorted = [...intervals].sort((left, right) => left[0] - right[0]);
  let total = 0;
  let current: [number, number] | null = null;
  for (const [start, end] of sorted) {
    if (!current || start > current[1]) {
      if (current) total += current[1] - current[0];
      current = [start, end];
    } else current[1] = Math.max(current[1], end);
  }
  return total + (current ? current[1] - current[0] : 0);
}

const interval = (span: Span): [number, number] => [span.startMs, span.startMs + span.durationMs];

/** Per hop: the caller's span minus the time the callee itself reports (its spans inside that window). */
function hopOverheads(spans: Span[]): { hop: string; overheadMs: number }[] {
  const hops: { hop: string; overheadMs: number }[] = [];
  for (const caller of spans) {
    const callee = calleeOf(caller);
    if (!callee) continue;
    const [start, end] = interval(caller);
    // Timers tick in whole milliseconds in workerd: allow one either side.
    const inside = spans.filter(
      (span) => span.worker === callee && span.startMs >= start - 1 && span.startMs + span.durationMs <= end + 1,
    );
    if (inside.length === 0) continue;
    hops.push({
      hop: `${caller.worker}→${callee}`,
      overheadMs: Math.max(0, caller.durationMs - unionLength(inside.map(interval))),
    });
  }
  return hops;
}

function percentile(samples: number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

interface TraceResult {
  scenario: string;
  requests: number;
  errors: number;
  clientP50: number;
  clientP99: number;
  modelAndToolP50: number;
  hops: Record<string, { count: number; p50: number; p99: number; max: number }>;
  perRequestHopsP50: number;
  perRequestHopsP99: number;
  outsideModelAndToolsP50: number;
  outsideModelAndToolsP99: number;
}

async function traceScenario(url: string, scenario: Scenario, pool: string[], count: number): Promise<TraceResult> {
  const client: number[] = [];
  const modelAndTool: number[] = [];
  const perRequest: number[] = [];
  const outside: number[] = [];
  const byHop = new Map<string, number[]>();
  let errors = 0;
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const response = await fetch(`${url}${scenario.path()}`, {
      method: scenario.method,
      headers: { Authorization: `Bearer ${pool[index % pool.length]}`, "Content-Type": "application/json" },
      ...(scenario.body ? { body: scenario.body } : {}),
    });
    const body = (await response.json()) as { trace?: { spans: Span[] } };
    const elapsed = performance.now() - started;
    if (!response.ok || !body.trace) {
      errors += 1;
      continue;
    }
    client.push(elapsed);
    const spans = body.trace.spans;
    const work = unionLength(
      spans.filter((span) => span.name.startsWith("model.") || span.name.startsWith("tool.")).map(interval),
    );
    modelAndTool.push(work);
    outside.push(elapsed - work);
    const hops = hopOverheads(spans);
    perRequest.push(hops.reduce((sum, hop) => sum + hop.overheadMs, 0));
    for (const hop of hops) byHop.set(hop.hop, [...(byHop.get(hop.hop) ?? []), hop.overheadMs]);
  }
  return {
    scenario: scenario.name,
    requests: count,
    errors,
    clientP50: percentile(client, 0.5),
    clientP99: percentile(client, 0.99),
    modelAndToolP50: percentile(modelAndTool, 0.5),
    hops: Object.fromEntries(
      [...byHop].map(([hop, list]) => [
        hop,
        { count: list.length, p50: percentile(list, 0.5), p99: percentile(list, 0.99), max: Math.max(...list) },
      ]),
    ),
    perRequestHopsP50: percentile(perRequest, 0.5),
    perRequestHopsP99: percentile(perRequest, 0.99),
    outsideModelAndToolsP50: percentile(outside, 0.5),
    outsideModelAndToolsP99: percentile(outside, 0.99),
  };
}

// ---- Load with autocannon --------------------------------------------------------------------

interface LoadResult {
  scenario: string;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  mean: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  /** The first few bodies of 5xx answers, to tell what failed. */
  serverErrorSamples: string[];
  /** Times workerd was replaced during the run (a wrangler reload): such a run is not representative. */
  restarts: number;
}

function loadRequests(pool: string[], chosen: Scenario[], serverErrors: string[]) {
  let next = 0;
  return chosen.map((scenario) => ({
    onResponse: (status: number, body: string) => {
      if (status >= 500 && serverErrors.length < 5)
        serverErrors.push(`${status} ${scenario.name}: ${body.slice(0, 300)}`);
    },
    method: scenario.method,
    path: scenario.path(),
    ...(scenario.body ? { body: scenario.body } : {}),
    headers: { "content-type": "application/json" },
    setupRequest: (request: { path: string; headers: Record<string, string> }) => {
      request.path = scenario.path();
      request.headers = { ...request.headers, authorization: `Bearer ${pool[next++ % pool.length]}` };
      return request;
    },
  }));
}

async function runLoad(
  url: string,
  name: string,
  chosen: Scenario[],
  pool: string[],
  seconds: number,
  rootPid: number | null,
): Promise<LoadResult> {
  const before = rootPid ? sampleMemory(rootPid, 0).workerdPids : "";
  const serverErrorSamples: string[] = [];
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: loadRequests(pool, chosen, serverErrorSamples) as never,
    timeout: 30,
  });
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, stat]) => [
      status,
      Number((stat as { count: number }).count),
    ]),
  );
  return {
    scenario: name,
    seconds,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.average,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    serverErrorSamples,
    restarts: rootPid && sampleMemory(rootPid, 0).workerdPids !== before ? 1 : 0,
  };
}

// ---- The run ---------------------------------------------------------------------------------

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");

async function main(): Promise<void> {
  let stack: Awaited<ReturnType<typeof startStack>> | null = null;
  const snapshot = !values.url && values.snapshot ? snapshotTree() : null;
  if (snapshot) console.error(`› running the stack from a copy of commit ${snapshot.commit} (${snapshot.tree})`);
  const tree = snapshot?.tree ?? root;
  try {
    const url = values.url ?? (stack = await startStack(tree)).url;
    const rootPid = stack?.child.pid ?? null;
    const pool = await tokens(userCount, tree);
    // Warm every path once (isolates start, the food index loads) before anything is measured.
    for (const scenario of scenarios) {
      for (let index = 0; index < 5; index++) {
        await fetch(`${url}${scenario.path()}`, {
          method: scenario.method,
          headers: { Authorization: `Bearer ${pool[index]}`, "Content-Type": "application/json" },
          ...(scenario.body ? { body: scenario.body } : {}),
        });
      }
    }

    console.error(`› traces: ${traceRequests} sequential requests per routed kind`);
    const traces: TraceResult[] = [];
    for (const scenario of scenarios.filter((candidate) => candidate.method === "POST")) {
      // Users of their own, so the load runs below start from the same state for every kind.
      traces.push(await traceScenario(url, scenario, pool.slice(0, Math.ceil(pool.length / 4)), traceRequests));
    }

    console.error(`› load: ${duration} s per kind, ${connections} connections`);
    const loads: LoadResult[] = [];
    for (const scenario of scenarios) {
      loads.push(await runLoad(url, scenario.name, [scenario], pool, duration, rootPid));
    }

    let memory: Memory | null = null;
    if (rootPid && memorySeconds > 0) {
      const kinds = values["memory-kinds"]!.split(",");
      const chosen = scenarios.filter((scenario) => kinds.includes(scenario.name));
      const label = chosen.length === scenarios.length ? "mixed" : kinds.join("+");
      // A fresh workerd grows for its first minutes under load, then levels off: warm up first.
      const beforeWarmup = sampleMemory(rootPid, 0).workerd;
      if (memoryWarmup > 0) {
        console.error(`› memory: ${memoryWarmup} s of warm-up load`);
        await runLoad(url, label, chosen, pool, memoryWarmup, rootPid);
      }
      const heapsBefore = await workerHeaps(rootPid);
      console.error(`› memory: ${memorySeconds} s of ${label} load, RSS sampled every second`);
      const started = Date.now();
      const now = () => Math.round((Date.now() - started) / 1000);
      const samples: MemorySample[] = [sampleMemory(rootPid, 0)];
      const timer = setInterval(() => samples.push(sampleMemory(rootPid, now())), 1000);
      const measured = await runLoad(url, label, chosen, pool, memorySeconds, rootPid);
      clearInterval(timer);
      samples.push(sampleMemory(rootPid, now()));
      memory = {
        beforeWarmup,
        warmupSeconds: memoryWarmup,
        samples,
        load: measured,
        heapsBefore,
        heapsAfter: await workerHeaps(rootPid),
      };
    }

    report({ url, commit: snapshot?.commit ?? null, traces, loads, memory });
    if (stack) console.error(`› the stack's log: ${stack.log}`);
  } finally {
    if (stack) {
      await stopStack(stack.child);
      rmSync(stack.state, { recursive: true, force: true });
    }
    if (snapshot) rmSync(snapshot.tree, { recursive: true, force: true });
  }
}

function slopeMbPerMinute(samples: { second: number; workerd: number }[]): number {
  const count = samples.length;
  const meanX = samples.reduce((sum, sample) => sum + sample.second, 0) / count;
  const meanY = samples.reduce((sum, sample) => sum + sample.workerd, 0) / count;
  const covariance = samples.reduce((sum, sample) => sum + (sample.second - meanX) * (sample.workerd - meanY), 0);
  const variance = samples.reduce((sum, sample) => sum + (sample.second - meanX) ** 2, 0);
  return variance === 0 ? 0 : (covariance / variance) * 60;
}

function report(results: {
  url: string;
  commit: string | null;
  traces: TraceResult[];
  loads: LoadResult[];
  memory: Memory | null;
}): void {
  const lines: string[] = [];
  const statusText = (statuses: Record<string, number>) =>
    Object.entries(statuses)
      .map(([status, count]) => `${status}: ${count}`)
      .join(", ");
  const serverErrors = (statuses: Record<string, number>) =>
    Object.entries(statuses).reduce((sum, [status, count]) => sum + (Number(status) >= 500 ? count : 0), 0);

  const [one, five] = loadavg();
  lines.push(
    `${results.commit ? `Commit ${results.commit}, run from a copy (edits in progress cannot reload it). ` : ""}Machine load average when the report was written: ${fixed(one!, 2)} (1 min), ${fixed(five!, 2)} (5 min).`,
    "",
  );
  lines.push(`Throughput and latency (autocannon, ${connections} connections, ${duration} s each, loopback):`, "");
  lines.push(
    "| request | what | req/s | p50 ms | p99 ms | mean ms | requests | statuses | errors | workerd restarted |",
  );
  lines.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  const allLoads = [...results.loads, ...(results.memory ? [results.memory.load] : [])];
  for (const load of allLoads) {
    const what =
      scenarios.find((scenario) => scenario.name === load.scenario)?.what ?? `all four in turn, ${load.seconds} s`;
    lines.push(
      `| ${load.scenario} | ${what} | ${fixed(load.requestsPerSecond)} | ${load.p50} | ${load.p99} | ${fixed(load.mean)} | ${load.requests} | ${statusText(load.statuses)} | ${load.errors + load.timeouts} | ${load.restarts > 0 ? "YES (not representative)" : "no"} |`,
    );
  }
  const samples = allLoads.flatMap((load) => load.serverErrorSamples);
  if (samples.length > 0) lines.push("", "First 5xx answers:", "", ...samples.map((sample) => `- ${sample}`));

  lines.push(
    "",
    `Orchestration overhead from the traces (${traceRequests} sequential requests each; caller span minus the callee's own spans):`,
    "",
  );
  lines.push("| request | hop | hops measured | p50 ms | p99 ms | max ms |");
  lines.push("| --- | --- | --- | --- | --- | --- |");
  for (const trace of results.traces) {
    for (const [hop, stats] of Object.entries(trace.hops)) {
      lines.push(
        `| ${trace.scenario} | ${hop} | ${stats.count} | ${fixed(stats.p50)} | ${fixed(stats.p99)} | ${fixed(stats.max)} |`,
      );
    }
  }
  lines.push(
    "",
    "| request | client p50 ms | client p99 ms | model + tool spans p50 ms | all hops per request p50 / p99 ms | outside model and tool spans p50 / p99 ms | failed |",
  );
  lines.push("| --- | --- | --- | --- | --- | --- | --- |");
  for (const trace of results.traces) {
    lines.push(
      `| ${trace.scenario} | ${fixed(trace.clientP50)} | ${fixed(trace.clientP99)} | ${fixed(trace.modelAndToolP50)} | ${fixed(trace.perRequestHopsP50)} / ${fixed(trace.perRequestHopsP99)} | ${fixed(trace.outsideModelAndToolsP50)} / ${fixed(trace.outsideModelAndToolsP99)} | ${trace.errors} |`,
    );
  }

  const allHops = results.traces.flatMap((trace) => Object.values(trace.hops).map((stats) => stats.p50));
  const worstHopP50 = Math.max(...allHops);
  const worstRequestP99 = Math.max(...results.traces.map((trace) => trace.perRequestHopsP99));
  const loadServerErrors = allLoads.reduce(
    (sum, load) => sum + serverErrors(load.statuses) + load.errors + load.timeouts,
    0,
  );
  const rateLimited = allLoads.reduce((sum, load) => sum + (load.statuses["429"] ?? 0), 0);
  lines.push("", "Targets:", "");
  lines.push(
    `- overhead per hop p50 < 2 ms: worst hop p50 ${fixed(worstHopP50)} ms: ${worstHopP50 < 2 ? "met" : "MISSED"}`,
  );
  lines.push(
    `- overhead of a whole routed request p99 < 10 ms: worst ${fixed(worstRequestP99)} ms: ${worstRequestP99 < 10 ? "met" : "MISSED"}`,
  );
  lines.push(
    `- no errors under load: ${loadServerErrors} (5xx, connection errors, timeouts); 429s: ${rateLimited}: ${loadServerErrors === 0 ? "met" : "MISSED"}`,
  );

  let memoryFlat = true;
  if (results.memory) {
    const { samples: memorySamples, load } = results.memory;
    const workerd = memorySamples.map((sample) => sample.workerd);
    const wrangler = memorySamples.map((sample) => sample.wrangler);
    const slope = slopeMbPerMinute(memorySamples);
    const restarts = memorySamples.filter(
      (sample, index) => index > 0 && sample.workerdPids !== memorySamples[index - 1]!.workerdPids,
    ).length;
    // Flat: the end within 10% of the start, after the warm-up.
    memoryFlat = restarts === 0 && workerd.at(-1)! <= workerd[0]! * 1.1;
    if (restarts > 0) {
      lines.push(
        `- memory: INVALID run: workerd was restarted ${restarts} time(s) during it (wrangler dev reloads when a source file changes); run again with no edits in progress`,
      );
    }
    lines.push(
      `- memory flat over ${load.seconds} s of ${load.scenario} load (${fixed(load.requestsPerSecond)} req/s, ${load.requests} requests) after ${results.memory.warmupSeconds} s of warm-up (workerd RSS ${fixed(results.memory.beforeWarmup)} MB before it): workerd RSS start ${fixed(workerd[0]!)} MB, end ${fixed(workerd.at(-1)!)} MB, max ${fixed(Math.max(...workerd))} MB, trend ${fixed(slope, 2)} MB/min; wrangler (node) RSS start ${fixed(wrangler[0]!)} MB, end ${fixed(wrangler.at(-1)!)} MB, max ${fixed(Math.max(...wrangler))} MB: ${memoryFlat ? "met" : "MISSED"}`,
    );
    const { heapsBefore, heapsAfter } = results.memory;
    if (heapsBefore && heapsAfter) {
      const heaps = Object.keys(heapsAfter)
        .sort()
        .map((worker) => `${worker} ${fixed(heapsBefore[worker] ?? Number.NaN)} → ${fixed(heapsAfter[worker]!)}`);
      lines.push(
        `- JS heap in use per Worker over the measured run (MB, from workerd's inspector): ${heaps.join(", ")}`,
      );
    }
  } else {
    lines.push("- memory: not sampled (needs the stack started by this script, and --memory-seconds > 0)");
  }
  console.log(lines.join("\n"));
  const met = worstHopP50 < 2 && worstRequestP99 < 10 && loadServerErrors === 0 && memoryFlat;
  if (!met) process.exitCode = 1;
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
}

await main();
