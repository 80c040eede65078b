// The search pipeline with each vector side: the in-memory index built from the vectors stored
// in D1 (local), Vectorize (production, here a fake binding), and none.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createEmbedding } from "../src/embedder.ts";
import { loadSearchState } from "../src/search-state.ts";
import { searchFoods } from "../src/search/search.ts";
import { seedFoods } from "./seed-foods.ts";

const embedding = createEmbedding({ AI_PROVIDER: "local" });
const embed = async (text: string) => (await embedding.embed([text])).vectors[0]!;
const failingEmbed = async (): Promise<number[]> => {
  throw new Error("model down");
};

beforeAll(async () => {
  await seedFoods(env.DB);
});

describe("vector side", () => {
  it("builds the in-memory index from the stored int8 vectors, under 40 MB", async () => {
    const state = await loadSearchState(env.DB, { embeddingModel: embedding.model });
    expect(state.vectors?.kind).toBe("memory");
    expect(state.index?.size).toBe(state.catalog.size);
    expect(state.index!.bytes).toBeLessThan(40 * 1024 * 1024);
    const [best] = await state.vectors!.query(await embed("Bananas, raw"), 1);
    expect(best?.id).toBe(9040);
    expect(best?.similarity).toBeGreaterThan(0.95);
  });

  it("queries Vectorize when the binding is there, and fuses its matches", async () => {
    const queries: { topK: number }[] = [];
    // A fake index that answers "Apples, raw, with skin" first, whatever is asked.
    const vectorize = {
      async query(_vector: number[], options: { topK: number }) {
        queries.push(options);
        return {
          matches: [
            { id: "9003", score: 0.83 },
            { id: "9040", score: 0.61 },
          ],
        };
      },
    };
    const state = await loadSearchState(env.DB, { embeddingModel: "workers-ai:@cf/baai/bge-base-en-v1.5", vectorize });
    expect(state.vectors?.kind).toBe("vectorize");
    expect(state.index).toBeNull();
    const reply = await searchFoods(
      { database: env.DB, catalog: state.catalog, vectors: state.vectors, embed },
      { query: "banana", limit: 5 },
    );
    expect(queries).toHaveLength(1);
    expect(queries[0]?.topK).toBe(100);
    const banana = reply.hits.find((hit) => hit.food.id === 9040);
    expect(banana?.why).toContain("vector rank 2 (similarity 0.61)");
    expect(reply.hits[0]?.food.id).toBe(9040);
  });

  it("searches lexically alone when the stored vectors come from another model, and says why", async () => {
    const state = await loadSearchState(env.DB, { embeddingModel: "workers-ai:@cf/baai/bge-base-en-v1.5" });
    expect(state.vectors).toBeNull();
    expect(state.vectorProblem).toMatch(/stored vectors come from local:.* but queries are embedded with workers-ai/);
    const reply = await searchFoods(
      { database: env.DB, catalog: state.catalog, vectors: state.vectors, embed: null },
      { query: "banana", limit: 3 },
    );
    expect(reply.hits[0]?.food.name).toBe("Bananas, raw");
    expect(reply.hits[0]?.why.some((reason) => reason.startsWith("vector"))).toBe(false);
  });

  it("keeps answering when embedding the query fails", async () => {
    const state = await loadSearchState(env.DB, { embeddingModel: embedding.model });
    const reply = await searchFoods(
      { database: env.DB, catalog: state.catalog, vectors: state.vectors, embed: failingEmbed },
      { query: "banana", limit: 3 },
    );
    expect(reply.hits[0]?.food.name).toBe("Bananas, raw");
  });
});
