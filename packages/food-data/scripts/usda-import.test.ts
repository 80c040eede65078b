import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { datasetPath, defaultJarPath, importUsdaJar } from "./usda-import.ts";

// The jar lives outside the repository (../shared/data), so this check runs
// only where it is present; elsewhere the committed dataset is tested on its own.
describe.skipIf(!existsSync(defaultJarPath))("importUsdaJar against usda_sr24.jar", () => {
  it("reproduces the committed data/foods.json byte for byte", () => {
    const progress: number[] = [];
    const { foods, json } = importUsdaJar(defaultJarPath, (done) => progress.push(done));
    expect(foods).toHaveLength(8858);
    expect(progress.at(-1)).toBe(8858);
    expect(json).toBe(readFileSync(datasetPath, "utf8"));
  });
});
