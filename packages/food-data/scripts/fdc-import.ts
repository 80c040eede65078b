// Builds the dataset from a USDA FoodData Central (FDC) CSV export, mapping it
// onto the same fields as the SR24 import. The CLI is import-fdc.ts; the README
// section "Importing a newer FoodData Central CSV export" documents the mapping.
//
// FDC's food_nutrient.csv runs to millions of rows, so every file is streamed
// line by line and only the eight nutrients we keep are held in memory.
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import {
  type Food,
  type FoodDatasetHeader,
  type FoodMeasure,
  type Nutrients,
  roundTo2,
  serializeDataset,
} from "../src/food.ts";

/**
 * FDC nutrient ids per field, in order of preference. Foundation foods often
 * state energy only as Atwater energy (2048 specific, 2047 general) and sugars
 * as 1063 "Sugars, Total" instead of 2000 "Sugars, total including NLEA".
 */
export const fdcNutrientIds: Record<keyof Nutrients, readonly number[]> = {
  energyKcal: [1008, 2048, 2047],
  proteinG: [1003],
  carbohydrateG: [1005],
  fatG: [1004],
  fiberG: [1079],
  sugarsG: [2000, 1063],
  sodiumMg: [1093],
  saturatedFatG: [1258],
};

// The unit each field must be in; nutrient.csv's unit_name is checked against it.
const expectedUnits: Record<keyof Nutrients, string> = {
  energyKcal: "KCAL",
  proteinG: "G",
  carbohydrateG: "G",
  fatG: "G",
  fiberG: "G",
  sugarsG: "G",
  sodiumMg: "MG",
  saturatedFatG: "G",
};

/** FDC's measure_unit id meaning "no unit; the portion is described in words". */
const undeterminedUnitId = "9999";
const uncategorized = "Uncategorized";

export interface FdcImportOptions {
  /** Keep only these food.csv data_type values, e.g. ["sr_legacy_food", "foundation_food"]. All when omitted. */
  dataTypes?: readonly string[];
  onProgress?: (message: string) => void;
}

/** Splits CSV text into records (RFC 4180: quoted fields may hold commas, "" and newlines). */
export function parseCsvRecord(text: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      fields.push(field);
      field = "";
    } else field += character;
  }
  fields.push(field);
  return fields;
}

function hasOpenQuote(text: string): boolean {
  let quotes = 0;
  for (const character of text) if (character === '"') quotes++;
  return quotes % 2 === 1;
}

/** Streams a CSV file as objects keyed by its header row. */
export async function* readCsv(filePath: string): AsyncGenerator<Record<string, string>> {
  const lines = createInterface({ input: createReadStream(filePath, "utf8"), crlfDelay: Infinity });
  let header: string[] | undefined;
  let pending = "";
  for await (const line of lines) {
    // A quoted field spanning lines keeps the record open until its quote closes.
    pending = pending === "" ? line : `${pending}\n${line}`;
    if (hasOpenQuote(pending)) continue;
    const record = pending;
    pending = "";
    if (record.trim() === "") continue;
    const fields = parseCsvRecord(record);
    if (header === undefined) {
      header = fields.map((name) => name.replace(/^\uFEFF/, "").trim());
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((name, index) => {
      row[name] = fields[index] ?? "";
    });
    yield row;
  }
  if (pending !== "") throw new Error(`${filePath}: unterminated quoted field at end of file`);
}

function requireFile(folder: string, name: string): string {
  const filePath = path.join(folder, name);
  if (!existsSync(filePath)) throw new Error(`${folder}: ${name} is missing (see the README for the files needed)`);
  return filePath;
}

function positiveNumber(text: string | undefined): number | undefined {
  const value = Number(text);
  return text !== undefined && text.trim() !== "" && Number.isFinite(value) && value > 0 ? value : undefined;
}

export async function importFdcFolder(
  folder: string,
  options: FdcImportOptions = {},
): Promise<{ foods: Food[]; json: string }> {
  const report = options.onProgress ?? (() => {});
  const keptDataTypes = options.dataTypes ? new Set(options.dataTypes) : undefined;

  // nutrient.csv: confirm each id we rely on has the unit we assume.
  const fieldByNutrientId = new Map<string, { field: keyof Nutrients; preference: number }>();
  for (const [field, ids] of Object.entries(fdcNutrientIds) as [keyof Nutrients, readonly number[]][]) {
    ids.forEach((id, preference) => fieldByNutrientId.set(String(id), { field, preference }));
  }
  for await (const row of readCsv(requireFile(folder, "nutrient.csv"))) {
    const mapping = fieldByNutrientId.get(row.id ?? "");
    if (mapping && (row.unit_name ?? "").toUpperCase() !== expectedUnits[mapping.field]) {
      throw new Error(
        `nutrient ${row.id} (${row.name}) is in ${row.unit_name}, expected ${expectedUnits[mapping.field]}`,
      );
    }
  }

  const categories = new Map<string, string>();
  const categoryPath = path.join(folder, "food_category.csv");
  if (existsSync(categoryPath)) {
    for await (const row of readCsv(categoryPath)) categories.set(row.id ?? "", (row.description ?? "").trim());
  }

  const units = new Map<string, string>();
  const unitPath = path.join(folder, "measure_unit.csv");
  if (existsSync(unitPath)) {
    for await (const row of readCsv(unitPath)) units.set(row.id ?? "", (row.name ?? "").trim());
  }

  interface Draft {
    food: Food;
    nutrientPreference: Partial<Record<keyof Nutrients, number>>;
    portions: { sequence: number; measure: FoodMeasure }[];
  }
  const drafts = new Map<string, Draft>();
  for await (const row of readCsv(requireFile(folder, "food.csv"))) {
    if (keptDataTypes && !keptDataTypes.has(row.data_type ?? "")) continue;
    const id = Number(row.fdc_id);
    const name = (row.description ?? "").trim();
    if (!Number.isInteger(id) || id <= 0 || name === "") continue;
    drafts.set(String(id), {
      food: {
        id,
        name,
        group: categories.get(row.food_category_id ?? "") || uncategorized,
        deprecated: false,
        per100g: {
          energyKcal: null,
          proteinG: null,
          carbohydrateG: null,
          fatG: null,
          fiberG: null,
          sugarsG: null,
          sodiumMg: null,
          saturatedFatG: null,
        },
        measures: [],
      },
      nutrientPreference: {},
      portions: [],
    });
  }
  report(`food.csv: ${drafts.size} foods`);

  let nutrientRows = 0;
  for await (const row of readCsv(requireFile(folder, "food_nutrient.csv"))) {
    nutrientRows++;
    if (nutrientRows % 1_000_000 === 0) report(`food_nutrient.csv: ${nutrientRows.toLocaleString("en-US")} rows`);
    const mapping = fieldByNutrientId.get(row.nutrient_id ?? "");
    if (mapping === undefined) continue;
    const draft = drafts.get(row.fdc_id ?? "");
    const amountText = row.amount ?? "";
    const amount = Number(amountText);
    if (draft === undefined || amountText.trim() === "" || !Number.isFinite(amount) || amount < 0) continue;
    // Several ids can feed one field (e.g. energy 1008 vs 2048); the most preferred wins.
    const current = draft.nutrientPreference[mapping.field];
    if (current !== undefined && current <= mapping.preference) continue;
    draft.nutrientPreference[mapping.field] = mapping.preference;
    draft.food.per100g[mapping.field] = roundTo2(amount);
  }

  const portionPath = path.join(folder, "food_portion.csv");
  if (existsSync(portionPath)) {
    for await (const row of readCsv(portionPath)) {
      const draft = drafts.get(row.fdc_id ?? "");
      const sourceGrams = positiveNumber(row.gram_weight);
      if (draft === undefined || sourceGrams === undefined) continue;
      // Survey (FNDDS) portions leave amount empty and say "1 cup" in words.
      const sourceAmount = positiveNumber(row.amount) ?? 1;
      const unitId = row.measure_unit_id ?? "";
      const unit = unitId === undeterminedUnitId || unitId === "" ? undefined : units.get(unitId);
      const modifier = (row.modifier ?? "").trim();
      const description = (row.portion_description ?? "").trim();
      const name = unit ? [unit, modifier].filter(Boolean).join(", ") : modifier || description;
      if (name === "") continue;
      draft.portions.push({
        sequence: Number(row.seq_num) || 0,
        measure: { name, grams: roundTo2(sourceGrams / sourceAmount), sourceAmount, sourceGrams },
      });
    }
  }

  const foods = [...drafts.values()].map((draft) => {
    draft.food.measures = draft.portions
      .sort((left, right) => left.sequence - right.sequence)
      .map((portion) => portion.measure);
    return draft.food;
  });
  const header: FoodDatasetHeader = {
    source: `USDA FoodData Central CSV export (${path.basename(path.resolve(folder))})`,
    license: "Public domain (CC0 1.0): USDA FoodData Central, a work of the U.S. Government",
  };
  return { foods, json: serializeDataset(header, foods) };
}
