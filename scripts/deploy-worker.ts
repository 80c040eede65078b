// Deploys one Worker with its production configuration. The committed wrangler.jsonc is the local
// one (embedded engine, placeholder D1 ids); production differs only in what this script sets from
// environment variables: the real `ai` binding, D1 and Vectorize ids, the AI Gateway. No secret is
// written to the repository. Usage: node scripts/deploy-worker.ts <app> [--dry-run]
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const app = process.argv[2];
const dryRun = process.argv.includes("--dry-run");
if (!app) {
  console.error("usage: node scripts/deploy-worker.ts <app> [--dry-run]");
  process.exit(2);
}

const folder = path.join(root, "apps", app);
const config = JSON.parse(readFileSync(path.join(folder, "wrangler.jsonc"), "utf8").replace(/^\s*\/\/.*$/gm, ""));

function required(name: string): string {
  const value = process.env[name];
  if (value) return value;
  if (dryRun) return `dry-run-${name.toLowerCase()}`;
  console.error(`error: ${name} is not set; it is needed to deploy ${app}.`);
  process.exit(1);
}

config.main = path.join(folder, config.main);
config.vars = {
  ...config.vars,
  AI_PROVIDER: "workers-ai",
  ...(process.env.AI_GATEWAY_ID ? { AI_GATEWAY_ID: process.env.AI_GATEWAY_ID } : {}),
};
config.ai = { binding: "AI" };
for (const database of config.d1_databases ?? []) {
  database.database_id = required(`D1_ID_${app.replace("-", "_").toUpperCase()}`);
  database.migrations_dir = path.join(folder, database.migrations_dir);
}
if (app === "embedding")
  config.vectorize = [{ binding: "VECTORIZE", index_name: process.env.VECTORIZE_INDEX ?? "ensemble-foods" }];

const productionConfig = path.join(folder, "wrangler.production.json");
writeFileSync(productionConfig, JSON.stringify(config, null, 2));

const run = (arguments_: string[]) => execFileSync("wrangler", arguments_, { cwd: folder, stdio: "inherit" });
// The gateway serves the web client as static assets; build them first.
if (app === "gateway") execFileSync("node", [path.join(root, "apps/web/build.ts")], { cwd: root, stdio: "inherit" });
if (dryRun) {
  run(["deploy", "--dry-run", "--outdir", path.join(folder, "dist-production"), "-c", productionConfig]);
} else {
  for (const database of config.d1_databases ?? [])
    run(["d1", "migrations", "apply", database.database_name, "--remote", "-c", productionConfig]);
  run(["deploy", "-c", productionConfig]);
}
