// Imports a USDA FoodData Central CSV export into data/foods.json (or another path).
//
//   node packages/food-data/scripts/import-fdc.ts <csv-folder> [--out path] [--data-types sr_legacy_food,foundation_food]
//
// The folder must hold food.csv, food_nutrient.csv and nutrient.csv, and
// should hold food_portion.csv, measure_unit.csv and food_category.csv.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { importFdcFolder } from "./fdc-import.ts";
import { datasetPath } from "./usda-import.ts";

async function main(): Promise<void> {
  const started = performance.now();
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { out: { type: "string" }, "data-types": { type: "string" } },
  });
  const folder = positionals[0];
  if (folder === undefined) {
    console.error(
      "usage: node scripts/import-fdc.ts <csv-folder> [--out path] [--data-types sr_legacy_food,foundation_food]",
    );
    process.exit(2);
  }
  const outputPath = values.out ? path.resolve(values.out) : datasetPath;
  const dataTypes = values["data-types"]
    ?.split(",")
    .map((type) => type.trim())
    .filter(Boolean);

  const { foods, json } = await importFdcFolder(folder, {
    ...(dataTypes ? { dataTypes } : {}),
    onProgress: (message) => process.stderr.write(`${message}\n`),
  });
  mkdirSync(path.dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, json);

  const measureCount = foods.reduce((sum, food) => sum + food.measures.length, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `wrote ${path.relative(process.cwd(), outputPath)}: ${foods.length.toLocaleString("en-US")} foods, ` +
      `${measureCount.toLocaleString("en-US")} measures, ${Buffer.byteLength(json).toLocaleString("en-US")} bytes in ${seconds} s`,
  );
}

await main();
