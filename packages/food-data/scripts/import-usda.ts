// Imports USDA SR24 from usda_sr24.jar into data/foods.json.
//
//   node packages/food-data/scripts/import-usda.ts [path-to-jar]
//
// Without an argument it reads ../shared/data/usda_sr24.jar relative to the
// repository root.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { datasetPath, defaultJarPath, importUsdaJar } from "./usda-import.ts";

function formatCount(count: number): string {
  return count.toLocaleString("en-US");
}

function main(): void {
  const started = performance.now();
  const jarPath = process.argv[2] ? path.resolve(process.argv[2]) : defaultJarPath;
  const interactive = process.stderr.isTTY === true;

  const { foods, json } = importUsdaJar(jarPath, (done, total) => {
    const line = `importing ${formatCount(done)}/${formatCount(total)} foods`;
    // On a terminal the line is rewritten in place; in a log, print a line now and then.
    if (interactive && (done % 100 === 0 || done === total))
      process.stderr.write(`\r${line}${done === total ? "\n" : ""}`);
    else if (!interactive && (done % 1000 === 0 || done === total)) process.stderr.write(`${line}\n`);
  });

  mkdirSync(path.dirname(datasetPath), { recursive: true });
  writeFileSync(datasetPath, json);

  const measureCount = foods.reduce((sum, food) => sum + food.measures.length, 0);
  const deprecatedCount = foods.filter((food) => food.deprecated).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `wrote ${path.relative(process.cwd(), datasetPath)}: ${formatCount(foods.length)} foods ` +
      `(${formatCount(deprecatedCount)} deprecated), ${formatCount(measureCount)} measures, ` +
      `${formatCount(Buffer.byteLength(json))} bytes in ${seconds} s`,
  );
}

main();
