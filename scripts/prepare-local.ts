// Local set-up before `wrangler dev`: secrets for local use, D1 migrations, and the food database.
// Each step checks before it acts, so a second run takes seconds.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { state: { type: "string", default: path.join(root, ".wrangler/state") } } });
const state = values.state!;

const dataOwners = ["gateway", "meal", "protocol", "metrics-workout", "embedding"];

function wrangler(arguments_: string[]): string {
  return execFileSync("wrangler", arguments_, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

// 1. .dev.vars from the example, with a fresh signing secret that never leaves this machine.
const devVariables = path.join(root, "apps/gateway/.dev.vars");
if (!existsSync(devVariables)) {
  const example = readFileSync(path.join(root, "apps/gateway/.dev.vars.example"), "utf8");
  writeFileSync(devVariables, example.replace("AUTH_SECRET=change-me", `AUTH_SECRET=${randomBytes(32).toString("hex")}`));
  console.log("› wrote apps/gateway/.dev.vars with a new local AUTH_SECRET");
}

// 2. D1 migrations for every data-owning Worker (wrangler skips those already applied).
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

// 3. The food database, when its loader exists.
const loader = path.join(root, "apps/embedding/scripts/load-foods.ts");
if (existsSync(loader)) {
  execFileSync("node", [loader, "--local", "--persist-to", state], { cwd: root, stdio: "inherit" });
}
