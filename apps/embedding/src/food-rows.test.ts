import type { Food } from "@ensemble/food-data";
import { describe, expect, it } from "vitest";
import { datasetStatements, datasetVersion, searchColumns } from "./food-rows.ts";
import { quantise } from "./vectors/codec.ts";

const food = (id: number, name: string): Food => ({
  id,
  name,
  group: "Fruits and Fruit Juices",
  deprecated: false,
  per100g: {
    energyKcal: 89,
    proteinG: 1.09,
    carbohydrateG: 22.84,
    fatG: 0.33,
    fiberG: 2.6,
    sugarsG: 12.23,
    sodiumMg: 1,
    saturatedFatG: null,
  },
  measures: [{ name: 'medium (7" long)', grams: 118, sourceAmount: 1, sourceGrams: 118 }],
});

describe("datasetStatements", () => {
  it("escapes text, keeps nulls, and writes the version row last", () => {
    const statements = datasetStatements([food(9040, "Bananas, raw"), food(9041, "Kid's banana")], null, {
      version: "v1",
      embeddingModel: "local:x",
      dimensions: 768,
      foods: 2,
    });
    const sql = statements.join("\n");
    expect(sql).toContain("'Kid''s banana'");
    expect(sql).toContain("NULL");
    expect(sql).toContain(`'[["medium (7\\" long)",118]]'`);
    expect(statements.at(-1)).toContain("('version', 'v1')");
    // Without vectors, no model is recorded: the Worker then searches lexically only.
    expect(statements.at(-1)).toContain("('embedding_model', '')");
  });

  it("keeps every statement under D1's 100 KB limit", () => {
    const foods = Array.from({ length: 3000 }, (_, index) =>
      food(index + 1, `Food number ${index}, with a long qualifier, raw`),
    );
    const vectors = quantise(
      foods.map((each) => each.id),
      foods.map(() => Array.from({ length: 768 }, (_, index) => Math.sin(index))),
      768,
    );
    const statements = datasetStatements(foods, vectors, {
      version: "v",
      embeddingModel: "m",
      dimensions: 768,
      foods: foods.length,
    });
    for (const statement of statements) expect(new TextEncoder().encode(statement).byteLength).toBeLessThan(100_000);
    expect(statements.filter((statement) => statement.startsWith("INSERT INTO food_vector_chunks"))).toHaveLength(
      Math.ceil(3000 / 48),
    );
  });
});

describe("datasetVersion", () => {
  it("changes with the data and with the embedding model", async () => {
    const foods = [food(1, "Apples, raw")];
    const version = await datasetVersion(foods, "local:m");
    expect(version).toMatch(/^sr24-[0-9a-f]{16}-f\d+$/);
    expect(await datasetVersion(foods, "local:m")).toBe(version);
    expect(await datasetVersion(foods, "workers-ai:m")).not.toBe(version);
    expect(await datasetVersion([food(1, "Apples, raw, with skin")], "local:m")).not.toBe(version);
  });
});

describe("searchColumns", () => {
  it("indexes the first segment apart from the qualifiers, stemmed", () => {
    expect(searchColumns("Chickpeas (garbanzo beans, bengal gram), mature seeds, raw")).toEqual({
      head: "chickpea",
      rest: "garbanzo bean bengal gram matur seed raw",
    });
  });
});
