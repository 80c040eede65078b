// Local set-up before `wrangler dev`: secrets for local use, D1 migrations, and the food database.
// Each step checks before it acts, so a second run takes seconds.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { validateModelEnvironment } from "../packages/model-config/src/index.ts";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { state: { type: "string", default: path.join(root, ".wrangler/state") } } });
const state = values.state!;

const dataOwners = ["gateway", "meal", "protocol", "metrics-workout", "embedding"];

function wrangler(arguments_: string[]): string {
  return execFileSync("wrangler", arguments_, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

// 1. .dev.vars from the example, with a fresh signing secret that never leaves this machine; keys
//    the example gained since an older .dev.vars was made are added, existing values kept.
const devVariables = path.join(root, "apps/gateway/.dev.vars");
const example = readFileSync(path.join(root, "apps/gateway/.dev.vars.example"), "utf8");
if (!existsSync(devVariables)) {
  writeFileSync(
    devVariables,
    example.replace("AUTH_SECRET=change-me", `AUTH_SECRET=${randomBytes(32).toString("hex")}`),
  );
  console.log("› wrote apps/gateway/.dev.vars with a new local AUTH_SECRET");
} else {
  const current = readFileSync(devVariables, "utf8");
  const keys = (text: string) => new Set([...text.matchAll(/^\s*([A-Z0-9_]+)\s*=/gm)].map((match) => match[1]));
  const have = keys(current);
  const missing = example.split("\n").filter((line) => {
    const key = /^\s*([A-Z0-9_]+)\s*=/.exec(line)?.[1];
    return key !== undefined && key !== "AUTH_SECRET" && !have.has(key);
  });
  if (missing.length > 0) {
    writeFileSync(devVariables, `${current.trimEnd()}\n${missing.join("\n")}\n`);
    console.log(`› added ${missing.map((line) => line.split("=")[0]).join(", ")} to apps/gateway/.dev.vars`);
  }
}

// 2. Every Worker's model assignment, checked before anything starts: a typo in MODEL_* is one
//    clear line naming the variable, not a failed request later.
const workers = ["gateway", "router", "coordinator", "meal", "protocol", "metrics-workout", "vision", "embedding"];
const problems: string[] = [];
for (const app of workers) {
  const config = JSON.parse(
    readFileSync(path.join(root, "apps", app, "wrangler.jsonc"), "utf8").replace(/^\s*\/\/.*$/gm, ""),
  );
  const local = path.join(root, "apps", app, ".dev.vars");
  const overrides = existsSync(local)
    ? Object.fromEntries(
        readFileSync(local, "utf8")
          .split("\n")
          .map((line) => /^\s*([A-Z0-9_]+)\s*=\s*(.*)$/.exec(line))
          .filter((match) => match !== null)
          .map((match) => [match[1], match[2]!.trim()]),
      )
    : {};
  const environment = { ...config.vars, ...overrides };
  for (const error of validateModelEnvironment(environment)) problems.push(`${app}: ${error.message}`);
}
if (problems.length > 0) {
  for (const problem of new Set(problems)) console.error(`error: ${problem}`);
  process.exit(1);
}

// 3. D1 migrations for every data-owning Worker (wrangler skips those already applied).
for (const app of dataOwners) {
  const config = `apps/${app}/wrangler.jsonc`;
  const name = `ensemble-${app}`;
  try {
    wrangler(["d1", "migrations", "apply", name, "--local", "--persist-to", state, "-c", config]);
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    console.error(`error: migrations for ${app} failed:\n${output.stderr || output.stdout}`);
    process.exit(1);
  }
}
console.log(`› D1 migrations applied for ${dataOwners.join(", ")}`);

// 4. The food database, when its loader exists.
const loader = path.join(root, "apps/embedding/scripts/load-foods.ts");
if (existsSync(loader)) {
  execFileSync("node", [loader, "--local", "--persist-to", state], { cwd: root, stdio: "inherit" });
}
