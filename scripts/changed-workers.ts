// Which Workers a commit range affects: an app whose folder changed, or that depends (directly or
// through other packages) on a package that changed. Root build files affect every Worker.
// Usage: node scripts/changed-workers.ts <base-revision>   -> prints a JSON array of app names
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const base = process.argv[2] ?? "HEAD~1";
// Worker apps are the folders with a wrangler config (apps/web is the client, built into the gateway).
const apps = readdirSync(path.join(root, "apps")).filter((app) =>
  existsSync(path.join(root, "apps", app, "wrangler.jsonc")),
);

function dependencies(folder: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, folder, "package.json"), "utf8"));
  return Object.keys(manifest.dependencies ?? {})
    .filter((name) => name.startsWith("@ensemble/"))
    .map((name) => name.slice("@ensemble/".length));
}

function packageClosure(app: string): Set<string> {
  const seen = new Set<string>();
  const pending = dependencies(`apps/${app}`);
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    pending.push(...dependencies(`packages/${name}`));
  }
  return seen;
}

export function affectedWorkers(changedFiles: string[]): string[] {
  const affected = new Set<string>();
  const rootFiles = ["pnpm-lock.yaml", "package.json", "tsconfig.base.json", "pnpm-workspace.yaml"];
  for (const file of changedFiles) {
    const [top, name] = file.split("/");
    let reached: string[] = [];
    if (rootFiles.includes(file)) reached = apps;
    else if (top === "apps" && name && apps.includes(name)) reached = [name];
    // The web client ships inside the gateway as its static assets.
    else if (top === "apps" && name === "web") reached = ["gateway"];
    else if (top === "packages" && name) reached = apps.filter((app) => packageClosure(app).has(name));
    for (const app of reached) affected.add(app);
  }
  return [...affected].sort();
}

if (import.meta.main) {
  const changed = execFileSync("git", ["diff", "--name-only", base, "HEAD"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  console.log(JSON.stringify(affectedWorkers(changed)));
}
