// Parses one food file of usda_sr24.jar, e.g.
//   <food uid="01001" name="Butter, salted" ...>
//     <measure amount="1.0" name="tbsp" grams="14.2"/>
//     <nutrient amount="717.0" name="Energy"/> ...
//   </food>
// The files are flat and machine-written (attributes in any order, entities
// &quot; and &amp;), so a small tag scanner is enough; no XML library needed.
import { type Food, type FoodMeasure, type Nutrients, roundTo2 } from "../src/food.ts";
import { foodGroupName } from "./sr24-food-groups.ts";

export interface SourceMeasure {
  name: string;
  amount: number;
  grams: number;
}

export interface SourceFood {
  /** The NDB number as written in the file, e.g. "01001". */
  uid: string;
  name: string;
  measures: SourceMeasure[];
  /** Nutrient name as in the file ("Energy", "Protein", ...) -> amount per 100 g. */
  nutrients: Map<string, number>;
}

// Source nutrient names -> dataset fields. Units in the source: Energy in kcal,
// Sodium in mg, the rest in g, all per 100 g.
export const sr24NutrientNames: Record<keyof Nutrients, string> = {
  energyKcal: "Energy",
  proteinG: "Protein",
  carbohydrateG: "Carbs",
  fatG: "Fat",
  fiberG: "Fiber",
  sugarsG: "Sugars",
  sodiumMg: "Sodium",
  saturatedFatG: "Saturated",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|quot|amp|lt|gt|apos);/gi, (_match, entity: string) => {
    const lower = entity.toLowerCase();
    if (lower === "quot") return '"';
    if (lower === "amp") return "&";
    if (lower === "lt") return "<";
    if (lower === "gt") return ">";
    if (lower === "apos") return "'";
    const codePoint = lower.startsWith("#x")
      ? Number.parseInt(lower.slice(2), 16)
      : Number.parseInt(lower.slice(1), 10);
    return String.fromCodePoint(codePoint);
  });
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*"([^"]*)"/g)) {
    attributes.set(match[1] ?? "", decodeEntities(match[2] ?? ""));
  }
  return attributes;
}

function requiredText(attributes: Map<string, string>, attribute: string, where: string): string {
  const value = attributes.get(attribute);
  if (value === undefined || value.trim() === "") throw new Error(`${where}: missing ${attribute}=""`);
  return value.trim();
}

function requiredNumber(attributes: Map<string, string>, attribute: string, where: string): number {
  const text = requiredText(attributes, attribute, where);
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`${where}: ${attribute}="${text}" is not a number`);
  return value;
}

export function parseSr24FoodXml(xml: string, fileName: string): SourceFood {
  let food: { uid: string; name: string } | undefined;
  const measures: SourceMeasure[] = [];
  const nutrients = new Map<string, number>();
  for (const tag of xml.matchAll(/<(food|measure|nutrient)\b([^>]*?)\/?>/g)) {
    const attributes = parseAttributes(tag[2] ?? "");
    const element = tag[1];
    if (element === "food") {
      food = { uid: requiredText(attributes, "uid", fileName), name: requiredText(attributes, "name", fileName) };
    } else if (element === "measure") {
      const where = `${fileName} <measure>`;
      const measure = {
        name: requiredText(attributes, "name", where),
        amount: requiredNumber(attributes, "amount", where),
        grams: requiredNumber(attributes, "grams", where),
      };
      if (measure.amount <= 0 || measure.grams <= 0) {
        throw new Error(`${where}: amount and grams must be positive, got ${measure.amount} and ${measure.grams}`);
      }
      measures.push(measure);
    } else {
      const where = `${fileName} <nutrient>`;
      const name = requiredText(attributes, "name", where);
      if (nutrients.has(name)) throw new Error(`${where}: nutrient ${name} appears twice`);
      nutrients.set(name, requiredNumber(attributes, "amount", where));
    }
  }
  if (food === undefined) throw new Error(`${fileName}: no <food> element`);
  return { ...food, measures, nutrients };
}

export function sr24FoodToFood(source: SourceFood, deprecated: boolean): Food {
  const id = Number(source.uid);
  if (!Number.isInteger(id) || id <= 0) throw new Error(`bad NDB number "${source.uid}"`);
  const nutrient = (key: keyof Nutrients): number | null => {
    const value = source.nutrients.get(sr24NutrientNames[key]);
    return value === undefined ? null : roundTo2(value);
  };
  const measures: FoodMeasure[] = source.measures.map((measure) => ({
    name: measure.name,
    grams: roundTo2(measure.grams / measure.amount),
    sourceAmount: measure.amount,
    sourceGrams: measure.grams,
  }));
  return {
    id,
    name: source.name,
    group: foodGroupName(id, source.name),
    deprecated,
    per100g: {
      energyKcal: nutrient("energyKcal"),
      proteinG: nutrient("proteinG"),
      carbohydrateG: nutrient("carbohydrateG"),
      fatG: nutrient("fatG"),
      fiberG: nutrient("fiberG"),
      sugarsG: nutrient("sugarsG"),
      sodiumMg: nutrient("sodiumMg"),
      saturatedFatG: nutrient("saturatedFatG"),
    },
    measures,
  };
}
