// Bundle size of each Worker as wrangler builds it for production (`deploy --dry-run`), raw and
// gzipped; Workers' limit on the paid plan is 10 MB gzipped, and we hold ourselves to 1 MB.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const apps = readdirSync(path.join(root, "apps"))
  .filter((app) => existsSync(path.join(root, "apps", app, "wrangler.jsonc")))
  .sort();
const LIMIT_BYTES = 1024 * 1024;
const rows: string[] = [];
let over = 0;
for (const app of apps) {
  execFileSync("node", [path.join(root, "scripts/deploy-worker.ts"), app, "--dry-run"], { cwd: root, stdio: "ignore" });
  const output = path.join(root, "apps", app, "dist-production");
  const files = readdirSync(output).filter((file) => file.endsWith(".js"));
  const bytes = Buffer.concat(files.map((file) => readFileSync(path.join(output, file))));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  if (gzipped > LIMIT_BYTES) over += 1;
  rows.push(
    `| ${app} | ${(bytes.length / 1024).toFixed(0)} KB | ${(gzipped / 1024).toFixed(0)} KB | ${gzipped <= LIMIT_BYTES ? "yes" : "NO"} |`,
  );
}
console.log("| Worker | bundle | gzipped | under 1 MB gzipped |\n| --- | --- | --- | --- |");
console.log(rows.join("\n"));
if (over > 0) process.exitCode = 1;
