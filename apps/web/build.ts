// Builds the client into apps/gateway/public/, which the gateway serves as Workers static assets:
// index.html plus one script and one stylesheet, their names carrying a content hash so a browser
// may cache them for good. Usage: node build.ts (it takes well under a second, so there is no watch mode)
import { build } from "esbuild";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const here = import.meta.dirname;
const output = path.resolve(here, "../gateway/public");
const assets = path.join(output, "assets");

// The folders stay and stale files go only after the new ones are written: a running `wrangler dev`
// watches this folder, and a page loaded mid-build must never point at a file that is gone.
mkdirSync(assets, { recursive: true });

const started = performance.now();
const result = await build({
  entryPoints: [path.join(here, "src/main.tsx"), path.join(here, "src/styles.css")],
  bundle: true,
  minify: true,
  sourcemap: "linked",
  format: "esm",
  target: ["es2022", "chrome111", "safari16.4", "firefox115"],
  jsx: "automatic",
  jsxImportSource: "preact",
  outdir: assets,
  entryNames: "[name]-[hash]",
  // Both entry points are called by their own names: main-<hash>.js and styles-<hash>.css.
  metafile: true,
  legalComments: "none",
  logLevel: "warning",
});

const files = Object.keys(result.metafile.outputs).map((file) => path.resolve(file));
const find = (extension: string) => {
  const file = files.find((candidate) => candidate.endsWith(extension));
  if (!file) throw new Error(`esbuild wrote no ${extension} file`);
  return `/assets/${path.basename(file)}`;
};
const html = readFileSync(path.join(here, "src/index.html"), "utf8")
  .replace("{{SCRIPT}}", find(".js"))
  .replace("{{STYLES}}", find(".css"));
writeFileSync(path.join(output, "index.html"), html);
const written = new Set(files.map((file) => path.basename(file)));
for (const file of readdirSync(assets)) if (!written.has(file)) rmSync(path.join(assets, file));

const sizes = Object.entries(result.metafile.outputs)
  .filter(([file]) => !file.endsWith(".map"))
  .map(([file, meta]) => `${path.basename(file)} ${(meta.bytes / 1024).toFixed(1)} KiB`);
console.log(
  `› web client built into apps/gateway/public in ${Math.round(performance.now() - started)} ms: ${sizes.join(", ")}`,
);
