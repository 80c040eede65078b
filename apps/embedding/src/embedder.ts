// Embeddings through the platform's model client: the local engine's deterministic 768-d vectors
// offline, Workers AI bge-base in production. Food vectors and query vectors must come from the
// same model, so the model's identity is stored with the vectors and checked before use.
import { type ModelClient, createModelClient } from "@ensemble/ai";

export interface Embedding {
  /** `${provider}:${model}`, e.g. "local:@cf/baai/bge-base-en-v1.5". */
  model: string;
  embed(texts: string[]): Promise<{ vectors: number[][]; dimensions: number }>;
}

/** Workers AI takes at most 100 texts per embedding call; the client passes batches through as they are. */
const BATCH_SIZE = 100;

export function embeddingModel(client: ModelClient): string {
  const [primary] = client.chain("embedding");
  if (!primary) throw new Error("no embedding model configured");
  return `${primary.provider}:${primary.config.model}`;
}

export function createEmbedding(env: Record<string, unknown>): Embedding {
  // A client per call: each carries a trace of its calls, which must not grow for an isolate's life.
  const client = () => createModelClient({ env, worker: "embedding" });
  return {
    model: embeddingModel(client()),
    async embed(texts) {
      const vectors: number[][] = [];
      let dimensions = 0;
      const batchClient = client();
      for (let start = 0; start < texts.length; start += BATCH_SIZE) {
        const response = await batchClient.embed(texts.slice(start, start + BATCH_SIZE));
        vectors.push(...response.vectors);
        dimensions = response.dimensions;
      }
      return { vectors, dimensions };
    },
  };
}
