// Vectors for every food, computed with the Worker's embedding model and quantised to int8.
import type { Food } from "@ensemble/food-data";
import type { Embedding } from "./embedder.ts";
import { foodEmbeddingText } from "./food-rows.ts";
import { type QuantisedVectors, quantise } from "./vectors/codec.ts";

export async function foodVectors(foods: readonly Food[], embedding: Embedding): Promise<QuantisedVectors> {
  const { vectors, dimensions } = await embedding.embed(foods.map(foodEmbeddingText));
  return quantise(
    foods.map((food) => food.id),
    vectors,
    dimensions,
  );
}
