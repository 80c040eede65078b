import { describe, expect, it } from "vitest";
import { foodGroupCode } from "./sr24-food-groups.ts";
import { parseSr24FoodXml, sr24FoodToFood } from "./sr24-xml.ts";

describe("parseSr24FoodXml", () => {
  it("reads attributes in any order, decodes entities and keeps every measure", () => {
    const xml = [
      '<food fcf="9.0" pcf="4.0" uid="11090" name=" Broccoli &amp; friends, &quot;raw&quot;" ccf="4.0">',
      '<measure amount="1.0" name="cup chopped" grams="91.0"/>',
      '<measure grams="44.0" amount="0.5" name="cup, chopped or diced"/>',
      '<nutrient amount="34.0" name="Energy"/>',
      '<nutrient name="Protein" amount="2.82"/>',
      '<nutrient amount="0.0050" name="B1 (Thiamine)"/>',
      "</food>",
    ].join("\n");
    const parsed = parseSr24FoodXml(xml, "11090.xml");
    expect(parsed.uid).toBe("11090");
    expect(parsed.name).toBe('Broccoli & friends, "raw"');
    expect(parsed.measures).toEqual([
      { name: "cup chopped", amount: 1, grams: 91 },
      { name: "cup, chopped or diced", amount: 0.5, grams: 44 },
    ]);
    expect(parsed.nutrients.get("Protein")).toBe(2.82);
    expect(parsed.nutrients.size).toBe(3);
  });

  it("accepts a self-closing food with no nutrients", () => {
    const parsed = parseSr24FoodXml(
      '<food uid="23999" fcf="9.0" name="Beef, ground beef calculator" ccf="4.0"/>',
      "23999.xml",
    );
    expect(parsed.measures).toEqual([]);
    expect(parsed.nutrients.size).toBe(0);
  });

  it("rejects broken input instead of guessing", () => {
    expect(() => parseSr24FoodXml('<measure amount="1.0" name="cup" grams="91.0"/>', "x.xml")).toThrow(/no <food>/);
    expect(() =>
      parseSr24FoodXml('<food uid="1" name="x"><measure amount="0" name="cup" grams="9"/></food>', "x.xml"),
    ).toThrow(/positive/);
    expect(() =>
      parseSr24FoodXml('<food uid="1" name="x"><nutrient amount="abc" name="Fat"/></food>', "x.xml"),
    ).toThrow(/not a number/);
    expect(() =>
      parseSr24FoodXml(
        '<food uid="1" name="x"><nutrient amount="1" name="Fat"/><nutrient amount="2" name="Fat"/></food>',
        "x.xml",
      ),
    ).toThrow(/twice/);
  });
});

describe("sr24FoodToFood", () => {
  it("converts measures to grams per unit, rounds to 2 decimals and leaves missing nutrients null", () => {
    const food = sr24FoodToFood(
      {
        uid: "15237",
        name: "Fish, salmon, Atlantic, farmed, cooked, dry heat",
        measures: [
          { name: "oz", amount: 3, grams: 85 },
          { name: "fillet", amount: 0.5, grams: 178 },
        ],
        nutrients: new Map([
          ["Energy", 206],
          ["Protein", 22.1],
          ["Saturated", 2.504],
          ["Sodium", 61],
        ]),
      },
      false,
    );
    expect(food.id).toBe(15237);
    expect(food.group).toBe("Finfish and Shellfish Products");
    expect(food.measures).toEqual([
      { name: "oz", grams: 28.33, sourceAmount: 3, sourceGrams: 85 },
      { name: "fillet", grams: 356, sourceAmount: 0.5, sourceGrams: 178 },
    ]);
    expect(food.per100g).toEqual({
      energyKcal: 206,
      proteinG: 22.1,
      carbohydrateG: null,
      fatG: null,
      fiberG: null,
      sugarsG: null,
      sodiumMg: 61,
      saturatedFatG: 2.5,
    });
  });
});

describe("foodGroupCode", () => {
  it("uses the NDB prefix, its known exceptions and the per-food list for mixed ranges", () => {
    expect(foodGroupCode(1001, "Butter, salted")).toBe("01");
    expect(foodGroupCode(19411, "Snacks, potato chips, plain, salted")).toBe("25");
    expect(foodGroupCode(19120, "Candies, milk chocolate")).toBe("19");
    expect(foodGroupCode(23557, "Beef, ground")).toBe("13");
    expect(foodGroupCode(27000, "Soup, egg drop")).toBe("06");
    expect(foodGroupCode(43285, "Eggs, scrambled, frozen mixture")).toBe("01");
    expect(foodGroupCode(90480, "Syrup, Cane")).toBe("19");
    expect(foodGroupCode(93600, "Turtle, green, raw")).toBe("15");
  });

  it("fails loudly for a number outside every known range", () => {
    expect(() => foodGroupCode(45001, "Unknown")).toThrow(/no SR food group/);
  });
});
