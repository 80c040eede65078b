// Vector neighbours from Cloudflare Vectorize, used when the Worker has a VECTORIZE binding
// (production). The index holds one vector per food with the food id as the vector id; it is
// created and filled by scripts/vectorize-foods.ts.
import type { VectorMatch, VectorSearch } from "./vector-index.ts";

/** The slice of the Vectorize binding this adapter calls, so tests can hand in a fake. */
export interface VectorizeQueryable {
  query(
    vector: number[],
    options: { topK: number; returnValues?: boolean; returnMetadata?: "none" | "indexed" | "all" | boolean },
  ): Promise<{ matches: { id: string; score: number }[] }>;
}

/** Vectorize answers at most 100 matches when neither values nor metadata are returned. */
export const VECTORIZE_MAX_TOP_K = 100;

export function vectorizeSearch(binding: VectorizeQueryable): VectorSearch {
  return {
    kind: "vectorize",
    async query(vector, topK) {
      const { matches } = await binding.query(Array.from(vector), {
        topK: Math.max(1, Math.min(topK, VECTORIZE_MAX_TOP_K)),
        returnValues: false,
        returnMetadata: "none",
      });
      const results: VectorMatch[] = [];
      for (const match of matches) {
        const id = Number(match.id);
        // An id that is not a food id means the index was filled by something else; skip it
        // rather than fail the whole search.
        if (Number.isInteger(id) && id > 0) results.push({ id, similarity: match.score });
      }
      return results;
    },
  };
}
