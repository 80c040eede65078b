// Reads usda_sr24.jar and builds the dataset. Kept apart from the CLI
// (import-usda.ts) so tests can run the same import without writing files.
//
// The jar holds one XML file per food (usda_sr24/NNNNN.xml), plus
// usda_sr24/foods.index (foods current in SR24) and usda_sr24/deprecated.index
// (foods USDA removed before SR24; their XML files are still shipped).
import { readFileSync } from "node:fs";
import path from "node:path";
import { serializeDataset, type Food, type FoodDatasetHeader } from "../src/food.ts";
import { parseSr24FoodXml, sr24FoodToFood } from "./sr24-xml.ts";
import { listZipEntries, type ZipEntry } from "./zip-reader.ts";

export const packageDirectory = path.resolve(import.meta.dirname, "..");
export const repositoryRoot = path.resolve(packageDirectory, "../..");
export const defaultJarPath = path.resolve(repositoryRoot, "../shared/data/usda_sr24.jar");
export const datasetPath = path.join(packageDirectory, "data", "foods.json");

export const sr24DatasetHeader: FoodDatasetHeader = {
  source: "USDA National Nutrient Database for Standard Reference, Release 24 (SR24), from usda_sr24.jar",
  license: "Public domain: a work of the U.S. Government (USDA Agricultural Research Service), 17 U.S.C. 105",
};

export interface UsdaImport {
  foods: Food[];
  /** The dataset exactly as written to data/foods.json. */
  json: string;
}

function indexIds(entry: ZipEntry | undefined): Set<string> {
  if (entry === undefined) return new Set();
  const ids = new Set<string>();
  for (const line of entry.read().toString("utf8").split(/\r?\n/)) {
    const id = line.split("|")[0]?.trim();
    if (id) ids.add(id);
  }
  return ids;
}

export function importUsdaJar(jarPath: string, onProgress?: (done: number, total: number) => void): UsdaImport {
  const entries = listZipEntries(readFileSync(jarPath));
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const currentIds = indexIds(byName.get("usda_sr24/foods.index"));
  const deprecatedIds = indexIds(byName.get("usda_sr24/deprecated.index"));
  const foodEntries = entries.filter((entry) => /^usda_sr24\/\d{5}\.xml$/.test(entry.name));
  if (foodEntries.length === 0) throw new Error(`${jarPath}: no usda_sr24/NNNNN.xml files found`);

  const foods: Food[] = [];
  for (const entry of foodEntries) {
    const source = parseSr24FoodXml(entry.read().toString("utf8"), entry.name);
    const fileId = path.basename(entry.name, ".xml");
    if (source.uid !== fileId) throw new Error(`${entry.name}: uid="${source.uid}" does not match the file name`);
    // A few foods appear in both indexes (renamed, not removed); those are current.
    const deprecated = deprecatedIds.has(source.uid) && !currentIds.has(source.uid);
    foods.push(sr24FoodToFood(source, deprecated));
    onProgress?.(foods.length, foodEntries.length);
  }

  const importedIds = new Set(foodEntries.map((entry) => path.basename(entry.name, ".xml")));
  const missing = [...currentIds].filter((id) => !importedIds.has(id));
  if (missing.length > 0)
    throw new Error(`foods.index lists ${missing.length} foods with no XML file, e.g. ${missing[0]}`);

  return { foods, json: serializeDataset(sr24DatasetHeader, foods) };
}
