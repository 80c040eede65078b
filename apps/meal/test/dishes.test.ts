// Everyday dishes and portion words SR24 has no entry for, resolved against the real USDA search:
// they must land on a plausible food and amount, not on a seasoning or a word-alike.
import { beforeAll, describe, expect, it } from "vitest";
import { resolveItem } from "../src/foods.ts";
import { foodSource, seedUsdaFoods } from "./helpers.ts";

beforeAll(async () => {
  await seedUsdaFoods();
}, 120_000);

async function resolved(food: string, quantity?: number, unit?: string) {
  const result = await resolveItem(foodSource(), {
    food,
    ...(quantity !== undefined ? { quantity } : {}),
    ...(unit !== undefined ? { unit } : {}),
  });
  if (!result.ok) throw new Error(`${food}: ${result.error.message}`);
  return result.value;
}

describe("dishes SR24 lacks", () => {
  it("logs a curry as its main ingredient, cooked, not as curry powder", async () => {
    for (const food of ["a chicken curry", "thai green curry", "a curry"]) {
      const item = await resolved(food);
      expect(item.foodName, food).toMatch(/^Chicken, .*cooked/);
      expect(item.macros.energyKcal, food).toBeGreaterThan(300);
    }
    expect((await resolved("chickpea curry")).foodName).toMatch(/^Chickpeas/);
  });

  it("logs a wrap as the sandwich of its filling", async () => {
    expect((await resolved("a chicken wrap")).foodName).toMatch(/chicken/i);
    expect((await resolved("a chicken wrap")).foodName).not.toMatch(/liver/i);
  });

  it("finds foods named the British way or by brand", async () => {
    expect((await resolved("naan")).foodName).toMatch(/^Bread, pita/);
    expect((await resolved("cornflakes")).foodName).toMatch(/corn flakes/i);
    expect((await resolved("a kitkat")).foodName).toMatch(/KIT KAT/);
    expect((await resolved("a packet of crisps")).foodName).toMatch(/potato chips/);
    expect((await resolved("150ml almond milk")).foodName).not.toMatch(/candies|chocolate/i);
  });
});

describe("the plain food people mean", () => {
  it("takes the plain food over a variant the user did not name", async () => {
    expect((await resolved("a bagel")).foodName).toMatch(/^Bagels, plain/);
    expect((await resolved("white bread", 2, "slice")).foodName).not.toMatch(/toasted/);
    expect((await resolved("cottage cheese", 200, "g")).foodName).not.toMatch(/vegetables|fruit/);
    expect((await resolved("spaghetti bolognese")).foodName).toMatch(/meat sauce/);
    expect((await resolved("tofu", 100, "g")).foodName).toMatch(/^Tofu, firm/);
    expect((await resolved("sweet potato", 150, "g")).foodName).toMatch(/cooked|baked/);
    expect((await resolved("feta")).grams).toBeLessThan(40);
    expect((await resolved("2 eggs")).foodName).not.toMatch(/raw/);
  });
});

describe("portion words said after the food", () => {
  it("weighs the whole packet by the food's package measure", async () => {
    const packet = await resolved("instant ramen", 1, "packet");
    const serving = await resolved("instant ramen");
    expect(packet.grams).toBeGreaterThan(serving.grams);
  });

  it("weighs a packet of crisps as a single-serve packet, not USDA's 8 oz family bag", async () => {
    const packet = await resolved("crisps", 1, "packet");
    expect(packet.foodName).toMatch(/potato chips/);
    expect(packet.grams).toBeGreaterThanOrEqual(20);
    expect(packet.grams).toBeLessThanOrEqual(60);
  });

  it("counts rice cakes in cakes of 9 g, not in generic 50 g pieces", async () => {
    const cakes = await resolved("rice cakes", 3);
    expect(cakes.foodName).toMatch(/rice cakes/);
    expect(cakes.grams).toBe(27);
  });

  it("weighs fries with no amount as one serving, while a plain plural is two", async () => {
    const fries = await resolved("fries");
    const oneServing = await resolved("fries", 1);
    expect(fries.grams).toBe(oneServing.grams);
    const pancakes = await resolved("pancakes");
    const onePancake = await resolved("pancakes", 1);
    expect(pancakes.grams).toBe(onePancake.grams * 2);
  });

  it("weighs drinks by their size word and a pint as 473 ml", async () => {
    const large = await resolved("latte", 1, "large");
    const small = await resolved("latte", 1, "small");
    expect(large.foodName).toMatch(/^Milk/);
    expect(large.grams).toBeGreaterThan(450);
    expect(small.grams).toBeLessThan(large.grams);
    const pint = await resolved("a pint of lager");
    expect(pint.foodName).toMatch(/^Alcoholic beverage, beer, regular/);
    expect(pint.grams).toBeGreaterThan(450);
    expect((await resolved("a pint")).foodName).toMatch(/beer, regular/);
  });

  it("weighs a bag of chips as single-serve, a bag of popcorn as a microwave bag, a bowl of ramen as one packet", async () => {
    expect((await resolved("chips", 1, "bag")).grams).toBe(28);
    expect((await resolved("chips")).grams).toBe(28);
    const popcorn = await resolved("popcorn", 0.5, "bag");
    expect(popcorn.grams).toBeGreaterThan(35);
    expect(popcorn.grams).toBeLessThan(60);
    const ramen = await resolved("ramen", 1, "bowl");
    expect(ramen.macros.energyKcal).toBeLessThan(600);
  });

  it("logs a coffee-shop drink as its milk, in the size its name gives", async () => {
    const grande = await resolved("starbucks grande caramel latte");
    expect(grande.foodName).toMatch(/^Milk/);
    expect(grande.grams).toBeGreaterThan(450);
    expect((await resolved("tea")).foodName).toMatch(/^Tea, black/);
    const wine = await resolved("red wine", 2, "glass");
    expect(wine.portion).toMatch(/300 ml/);
  });

  it("weighs a tub of ice cream as a pint", async () => {
    const tub = await resolved("a whole tub of ben & jerrys", 1, "tub");
    expect(tub.foodName).toMatch(/^Ice creams/);
    expect(tub.grams).toBeGreaterThan(350);
  });
});
