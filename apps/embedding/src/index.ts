import {
  type EmbeddingRpc,
  type FoodRecord,
  type FoodSearchReply,
  type Health,
  type PortionReply,
  type ResolvePortionRequest,
  type Result,
  type SearchFoodsRequest,
  databaseHealth,
  failure,
  internalWorkerResponse,
  resolvePortionRequestSchema,
  searchFoodsRequestSchema,
  success,
} from "@ensemble/contracts";
import { WorkerEntrypoint } from "cloudflare:workers";
import { z } from "zod";
import { createEmbedding } from "./embedder.ts";
import { readDatasetInfo, readFood, toFoodRecord } from "./food-store.ts";
import { resolvePortion } from "./portion.ts";
import { QueryVectorCache, type VectorSource } from "./query-vectors.ts";
import { FoodDatabaseEmpty, type SearchState, loadSearchState } from "./search-state.ts";
import { understandQuery } from "./search/query.ts";
import { searchFoods } from "./search/search.ts";
import type { VectorizeQueryable } from "./vectors/vectorize.ts";

// Only entrypoints may be exported from a Worker's main module: workerd rejects other exports.
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;
/** Workers AI embeds at most 100 texts per call; the RPC keeps the same bound. */
const MAX_EMBED_TEXTS = 100;
const MAX_EMBED_TEXT_LENGTH = 2_000;
const MAX_PREFETCH_QUERIES = 20;

const prefetchRequestSchema = z
  .array(z.string().trim().min(1, "queries must not be empty").max(500, "each query must be at most 500 characters"))
  .max(MAX_PREFETCH_QUERIES, `at most ${MAX_PREFETCH_QUERIES} queries per prefetch`);

// Query vectors outlive a request (see query-vectors.ts); one cache per isolate.
const queryVectorCache = new QueryVectorCache();

/** Query vectors from this isolate's cache, the missing ones embedded in one call. */
function cachedQueryVectors(environment: Env, texts: string[]) {
  const embedding = createEmbedding(environment as unknown as Record<string, unknown>);
  return queryVectorCache.vectors(embedding.model, texts, async (missing) => (await embedding.embed(missing)).vectors);
}

const embedRequestSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, "texts must not be empty strings")
      .max(MAX_EMBED_TEXT_LENGTH, `each text must be at most ${MAX_EMBED_TEXT_LENGTH} characters`),
  )
  .min(1, "texts must hold at least one text")
  .max(MAX_EMBED_TEXTS, `at most ${MAX_EMBED_TEXTS} texts per call`);
const foodIdSchema = z
  .number({ error: "id must be a number" })
  .int("id must be an integer")
  .positive("id must be positive");

/** Production binds Vectorize; locally there is no simulation, so it is optional and untyped in Env. */
interface ProductionBindings {
  VECTORIZE?: VectorizeQueryable;
}

// What searches need, loaded from D1 once per isolate (per database binding). A failed load is
// forgotten so the next call tries again (for instance after the foods have been loaded).
const states = new WeakMap<object, Promise<SearchState>>();

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The embedding Worker: reachable only over service bindings (RPC); it has no public routes.
 * Every method validates its input (callers may run another version) and returns expected
 * failures as Result values.
 */
export default class EmbeddingWorker extends WorkerEntrypoint<Env> implements EmbeddingRpc {
  override async fetch(): Promise<Response> {
    return internalWorkerResponse();
  }

  async health(): Promise<Health> {
    const health = await databaseHealth("embedding", this.env.DB);
    if (!health.ok) return health;
    try {
      const info = await readDatasetInfo(this.env.DB);
      const foods = info.get("version")
        ? `${info.get("foods")} foods loaded (${info.get("version")})`
        : "food database not loaded";
      return { ...health, detail: `${health.detail}; ${foods}` };
    } catch (error) {
      return { ...health, detail: `${health.detail}; food tables unreadable: ${message(error)}` };
    }
  }

  async embed(texts: string[]): Promise<Result<{ vectors: number[][]; dimensions: number; model: string }>> {
    const parsed = embedRequestSchema.safeParse(texts);
    if (!parsed.success) return failure("bad_request", describeIssues(parsed.error));
    try {
      const embedding = createEmbedding(this.env as unknown as Record<string, unknown>);
      const { vectors, dimensions } = await embedding.embed(parsed.data);
      return success({ vectors, dimensions, model: embedding.model });
    } catch (error) {
      return failure("model_error", `embedding failed: ${message(error)}`, true);
    }
  }

  async searchFoods(request: SearchFoodsRequest): Promise<Result<FoodSearchReply>> {
    const parsed = searchFoodsRequestSchema.safeParse(request);
    if (!parsed.success) return failure("bad_request", describeIssues(parsed.error));
    const limit = Math.min(MAX_LIMIT, Math.max(1, parsed.data.limit ?? DEFAULT_LIMIT));
    let state: SearchState;
    try {
      state = await this.searchState();
    } catch (error) {
      if (error instanceof FoodDatabaseEmpty) return failure("unavailable", error.message);
      return failure("unavailable", `food search could not load its data: ${message(error)}`, true);
    }
    let queryVector: VectorSource | undefined;
    const reply = await searchFoods(
      {
        database: this.env.DB,
        catalog: state.catalog,
        vectors: state.vectors,
        embed: async (text) => {
          const { vectors, sources } = cachedQueryVectors(this.env, [text]);
          queryVector = sources[0];
          return vectors[0]!;
        },
      },
      { query: parsed.data.query, limit, filters: parsed.data.filters },
    );
    return success(queryVector ? { ...reply, queryVector } : reply);
  }

  /**
   * Embeds the vector-search text of queries that are likely to come, in one model call, so the
   * searches that follow find their vectors ready (or on the way). Loads the search state too,
   * when this isolate has not yet. Nothing depends on it: a search without a prefetch just embeds.
   */
  async prefetchQueries(queries: string[]): Promise<Result<{ texts: string[]; computed: number; cached: number }>> {
    const parsed = prefetchRequestSchema.safeParse(queries);
    if (!parsed.success) return failure("bad_request", describeIssues(parsed.error));
    let state: SearchState;
    try {
      state = await this.searchState();
    } catch (error) {
      return failure("unavailable", `food search could not load its data: ${message(error)}`, true);
    }
    // The same text searchFoods embeds, untrimmed, so the cache keys match.
    const texts = [
      ...new Set(parsed.data.map((query) => understandQuery(query, state.catalog.vocabulary).embeddingText)),
    ].filter((text) => text.trim() !== "");
    if (!state.vectors || texts.length === 0) return success({ texts: [], computed: 0, cached: 0 });
    const { vectors, sources } = cachedQueryVectors(this.env, texts);
    const settled = await Promise.allSettled(vectors);
    const failed = settled.find((outcome) => outcome.status === "rejected");
    if (failed) return failure("model_error", `embedding failed: ${message(failed.reason)}`, true);
    const computed = sources.filter((source) => source === "computed").length;
    return success({ texts, computed, cached: texts.length - computed });
  }

  async getFood(id: number): Promise<Result<FoodRecord>> {
    const parsed = foodIdSchema.safeParse(id);
    if (!parsed.success) return failure("bad_request", describeIssues(parsed.error));
    const food = await readFood(this.env.DB, parsed.data);
    return food === null ? failure("not_found", `no food with id ${parsed.data}`) : success(toFoodRecord(food));
  }

  async resolvePortion(request: ResolvePortionRequest): Promise<Result<PortionReply>> {
    const parsed = resolvePortionRequestSchema.safeParse(request);
    if (!parsed.success) return failure("bad_request", describeIssues(parsed.error));
    const food = await readFood(this.env.DB, parsed.data.foodId);
    if (food === null) return failure("not_found", `no food with id ${parsed.data.foodId}`);
    const portion = resolvePortion(food.measures, parsed.data.quantity, parsed.data.unit);
    return portion.ok ? success(portion.value) : failure("bad_request", portion.message);
  }

  private searchState(): Promise<SearchState> {
    const database = this.env.DB;
    let state = states.get(database);
    if (!state) {
      const vectorize = (this.env as unknown as ProductionBindings).VECTORIZE;
      state = loadSearchState(database, {
        embeddingModel: createEmbedding(this.env as unknown as Record<string, unknown>).model,
        vectorize,
      });
      states.set(database, state);
      state.then(
        (loaded) => {
          if (loaded.vectorProblem) console.warn(`food search without vectors: ${loaded.vectorProblem}`);
        },
        () => states.delete(database),
      );
    }
    return state;
  }
}
