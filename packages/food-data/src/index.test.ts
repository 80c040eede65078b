import { describe, expect, it } from "vitest";
import foodsJson from "../data/foods.json" with { type: "json" };
import { type Food, loadFoods, parseFoods } from "./index.ts";
import { loadFoodQueries, parseFoodQueries } from "./queries.ts";

function foodById(id: number): Food {
  const food = loadFoods().find((candidate) => candidate.id === id);
  if (food === undefined) throw new Error(`food ${id} is missing`);
  return food;
}

function measure(food: Food, name: string) {
  const found = food.measures.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`${food.name} has no measure "${name}"`);
  return found;
}

describe("committed SR24 dataset", () => {
  it("holds every food of usda_sr24.jar once, sorted by id", () => {
    const foods = loadFoods();
    // The jar ships 8,858 usda_sr24/NNNNN.xml files: 7,907 current foods and
    // 951 deprecated ones.
    expect(foods).toHaveLength(8858);
    expect(foods.filter((food) => food.deprecated)).toHaveLength(951);
    const ids = foods.map((food) => food.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((left, right) => left - right));
    expect(foods.reduce((sum, food) => sum + food.measures.length, 0)).toBe(15274);
  });

  it("matches the source XML for butter (01001.xml)", () => {
    const butter = foodById(1001);
    expect(butter.name).toBe("Butter, salted");
    expect(butter.group).toBe("Dairy and Egg Products");
    expect(butter.deprecated).toBe(false);
    expect(butter.per100g).toEqual({
      energyKcal: 717,
      proteinG: 0.85,
      carbohydrateG: 0.06,
      fatG: 81.11,
      fiberG: 0,
      sugarsG: 0.06,
      sodiumMg: 714,
      saturatedFatG: 51.37, // 51.368 in the XML, rounded to 2 decimals
    });
    expect(measure(butter, "tbsp")).toEqual({ name: "tbsp", grams: 14.2, sourceAmount: 1, sourceGrams: 14.2 });
    // Entities in names are decoded: name="pat (1&quot; sq, 1/3&quot; high)".
    expect(measure(butter, 'pat (1" sq, 1/3" high)').grams).toBe(5);
  });

  it("matches the source XML for raw broccoli (11090.xml), including a half-cup measure", () => {
    const broccoli = foodById(11090);
    expect(broccoli.name).toBe("Broccoli, raw");
    expect(broccoli.group).toBe("Vegetables and Vegetable Products");
    expect(broccoli.per100g.energyKcal).toBe(34);
    expect(broccoli.per100g.proteinG).toBe(2.82);
    expect(broccoli.per100g.carbohydrateG).toBe(6.64);
    expect(broccoli.per100g.fiberG).toBe(2.6);
    expect(broccoli.per100g.sugarsG).toBe(1.7);
    expect(broccoli.per100g.fatG).toBe(0.37);
    expect(measure(broccoli, "cup chopped")).toEqual({
      name: "cup chopped",
      grams: 91,
      sourceAmount: 1,
      sourceGrams: 91,
    });
    // <measure amount="0.5" name="cup, chopped or diced" grams="44.0"/>: 88 g per cup.
    expect(measure(broccoli, "cup, chopped or diced")).toEqual({
      name: "cup, chopped or diced",
      grams: 88,
      sourceAmount: 0.5,
      sourceGrams: 44,
    });
  });

  it("stores measures per one unit (15237.xml: 3 oz = 85 g, 0.5 fillet = 178 g)", () => {
    const salmon = foodById(15237);
    expect(salmon.name).toBe("Fish, salmon, Atlantic, farmed, cooked, dry heat");
    expect(measure(salmon, "oz")).toEqual({ name: "oz", grams: 28.33, sourceAmount: 3, sourceGrams: 85 });
    expect(measure(salmon, "fillet")).toEqual({ name: "fillet", grams: 356, sourceAmount: 0.5, sourceGrams: 178 });
    expect(salmon.per100g.proteinG).toBe(22.1);
    expect(salmon.per100g.saturatedFatG).toBe(2.5);
  });

  it("keeps missing nutrients as null, not 0", () => {
    // 01008.xml has no Sugars element but does state Fiber as 0.0.
    const caraway = foodById(1008);
    expect(caraway.per100g.sugarsG).toBeNull();
    expect(caraway.per100g.fiberG).toBe(0);
    // 23999.xml is an empty <food .../> placeholder (a ground beef calculator).
    const placeholder = foodById(23999);
    expect(Object.values(placeholder.per100g).every((value) => value === null)).toBe(true);
    expect(placeholder.measures).toEqual([]);
    // Across the dataset sugars are missing far more often than energy.
    const foods = loadFoods();
    expect(foods.filter((food) => food.per100g.energyKcal === null)).toHaveLength(1);
    expect(foods.filter((food) => food.per100g.sugarsG === null).length).toBeGreaterThan(2000);
  });

  it("derives food groups, including the NDB ranges that do not follow the prefix", () => {
    expect(foodById(19411).group).toBe("Snacks"); // Snacks, potato chips (19xxx)
    expect(foodById(19120).group).toBe("Sweets"); // Candies, milk chocolate
    expect(foodById(23557).group).toBe("Beef Products"); // Beef, ground, 95% lean (23xxx)
    expect(foodById(42291).group).toBe("Legumes and Legume Products"); // Peanut butter, reduced sodium
    expect(foodById(43285).group).toBe("Dairy and Egg Products"); // Eggs, scrambled, frozen mixture
    expect(foodById(90240).group).toBe("Finfish and Shellfish Products"); // Mollusks, scallop
    expect(foodById(31008).group).toBe("Vegetables and Vegetable Products"); // V8 juice
    const groups = new Set(loadFoods().map((food) => food.group));
    expect(groups.size).toBe(25);
  });

  it("flags deprecated foods only when they are not current in SR24", () => {
    expect(foodById(3266).deprecated).toBe(true); // only in deprecated.index
    expect(foodById(3813).deprecated).toBe(false); // in both indexes: renamed, still current
    expect(foodById(9040).deprecated).toBe(false);
  });

  it("memoises the parsed foods", () => {
    expect(loadFoods()).toBe(loadFoods());
  });
});

describe("parseFoods", () => {
  const header = {
    source: "test",
    license: "test",
    fields: foodsJson.fields,
    measureFields: foodsJson.measureFields,
  };
  const row = [1, "Test food", "Test group", false, 100, 1, 2, 3, null, null, 5, 0.5, [["cup", 200, 0.5, 100]]];

  it("expands compact rows into Food objects", () => {
    expect(parseFoods({ ...header, foods: [row] })).toEqual([
      {
        id: 1,
        name: "Test food",
        group: "Test group",
        deprecated: false,
        per100g: {
          energyKcal: 100,
          proteinG: 1,
          carbohydrateG: 2,
          fatG: 3,
          fiberG: null,
          sugarsG: null,
          sodiumMg: 5,
          saturatedFatG: 0.5,
        },
        measures: [{ name: "cup", grams: 200, sourceAmount: 0.5, sourceGrams: 100 }],
      },
    ]);
  });

  it("rejects duplicate ids, reordered fields and impossible values", () => {
    expect(() => parseFoods({ ...header, foods: [row, row] })).toThrow(/duplicate id 1/);
    expect(() => parseFoods({ ...header, fields: [...header.fields].toReversed(), foods: [row] })).toThrow(
      /fields must be/,
    );
    const negativeKcal = [...row];
    negativeKcal[4] = -1;
    expect(() => parseFoods({ ...header, foods: [negativeKcal] })).toThrow(/expected number to be >=0/);
    const zeroGrams = [...row];
    zeroGrams[12] = [["cup", 0, 1, 0]];
    expect(() => parseFoods({ ...header, foods: [zeroGrams] })).toThrow(/expected number to be >0/);
    expect(() => parseFoods({ ...header, foods: [row.slice(0, 12)] })).toThrow(/>=13 items/);
  });
});

describe("labelled food queries", () => {
  const queries = loadFoodQueries();

  it("has at least 120 distinct queries, 30 of them held out", () => {
    expect(queries.length).toBeGreaterThanOrEqual(120);
    expect(new Set(queries.map((entry) => entry.query)).size).toBe(queries.length);
    expect(queries.filter((entry) => entry.split === "holdout")).toHaveLength(30);
  });

  it("only lists acceptable ids that exist in the dataset, each once", () => {
    const ids = new Set(loadFoods().map((food) => food.id));
    const problems: string[] = [];
    for (const entry of queries) {
      if (new Set(entry.acceptableIds).size !== entry.acceptableIds.length)
        problems.push(`${entry.query}: repeated id`);
      for (const id of entry.acceptableIds) if (!ids.has(id)) problems.push(`${entry.query}: no food ${id}`);
    }
    expect(problems).toEqual([]);
  });

  it("points plain fruit queries at the raw fruit, not processed products", () => {
    const banana = queries.find((entry) => entry.query === "banana");
    expect(banana?.acceptableIds).toEqual([9040]); // Bananas, raw; not chips or babyfood
  });

  it("rejects malformed entries", () => {
    expect(() => parseFoodQueries([{ query: "x", acceptableIds: [], split: "dev" }])).toThrow(/>=1 items/);
    expect(() => parseFoodQueries([{ query: "x", acceptableIds: [1], split: "test" }])).toThrow(/Invalid option/);
  });
});
