// What a search needs in memory, read from D1 once per isolate: the foods (for ranking), the
// indexed vocabulary (spelling, IDF), and the vector side (the in-memory index built from the
// stored vectors, or Vectorize when bound).
import { readAllFoods, readDatasetInfo, readVectors, readVocabulary } from "./food-store.ts";
import { type Catalog, createCatalog } from "./search/catalog.ts";
import type { SqlDatabase } from "./sql.ts";
import { type VectorIndex, type VectorSearch, createVectorIndex } from "./vectors/vector-index.ts";
import { type VectorizeQueryable, vectorizeSearch } from "./vectors/vectorize.ts";

export interface SearchState {
  catalog: Catalog;
  vectors: VectorSearch | null;
  /** The in-memory index, when that is the vector side (for memory reporting). */
  index: VectorIndex | null;
  /** Why there is no vector side, when there is none. */
  vectorProblem?: string;
  version: string;
  loadMilliseconds: number;
}

export interface LoadOptions {
  /** The model the Worker embeds queries with; stored vectors from another model are not used. */
  embeddingModel: string;
  vectorize?: VectorizeQueryable | undefined;
}

export class FoodDatabaseEmpty extends Error {}

export async function loadSearchState(database: SqlDatabase, options: LoadOptions): Promise<SearchState> {
  const started = performance.now();
  const info = await readDatasetInfo(database);
  const version = info.get("version");
  if (version === undefined) {
    throw new FoodDatabaseEmpty(
      "the food database is not loaded: run the start command (it runs apps/embedding/scripts/load-foods.ts)",
    );
  }
  const useVectorize = options.vectorize !== undefined;
  const storedModel = info.get("embedding_model") ?? "";
  const dimensions = Number(info.get("dimensions") ?? 0);
  const vectorsUsable = !useVectorize && storedModel === options.embeddingModel && dimensions > 0;
  const [foods, vocabulary, quantised] = await Promise.all([
    readAllFoods(database),
    readVocabulary(database),
    vectorsUsable ? readVectors(database, dimensions) : Promise.resolve(null),
  ]);
  const catalog = createCatalog(foods, vocabulary);
  let vectors: VectorSearch | null = null;
  let index: VectorIndex | null = null;
  let vectorProblem: string | undefined;
  if (useVectorize) {
    vectors = vectorizeSearch(options.vectorize!);
  } else if (quantised !== null) {
    index = createVectorIndex(quantised);
    vectors = index;
  } else {
    vectorProblem =
      storedModel === ""
        ? "no vectors stored with the food database"
        : `stored vectors come from ${storedModel}, but queries are embedded with ${options.embeddingModel}; reload the foods`;
  }
  return {
    catalog,
    vectors,
    index,
    ...(vectorProblem ? { vectorProblem } : {}),
    version,
    loadMilliseconds: performance.now() - started,
  };
}
