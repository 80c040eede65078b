// Embeddings from Workers AI over its REST API, for scripts that run outside a Worker (filling
// Vectorize with bge-base vectors of every food). Inside Workers the AI binding is used instead.

export interface WorkersAiRestOptions {
  accountId: string;
  apiToken: string;
  model?: string;
  fetch?: typeof globalThis.fetch;
}

/** Workers AI embeds at most 100 texts per call. */
const BATCH_SIZE = 100;

interface EmbeddingResponse {
  success: boolean;
  errors?: { message: string }[];
  result?: { shape?: number[]; data?: number[][] };
}

export function createWorkersAiRestEmbedder(
  options: WorkersAiRestOptions,
): (texts: readonly string[]) => Promise<number[][]> {
  const model = options.model ?? "@cf/baai/bge-base-en-v1.5";
  const fetchImplementation = options.fetch ?? globalThis.fetch;
  const url = `https://api.cloudflare.com/client/v4/accounts/${encodeURIComponent(options.accountId)}/ai/run/${model}`;
  return async (texts) => {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += BATCH_SIZE) {
      const batch = texts.slice(start, start + BATCH_SIZE);
      const response = await fetchImplementation(url, {
        method: "POST",
        headers: { authorization: `Bearer ${options.apiToken}`, "content-type": "application/json" },
        body: JSON.stringify({ text: batch }),
      });
      const body = (await response.json().catch(() => null)) as EmbeddingResponse | null;
      if (
        !response.ok ||
        !body?.success ||
        !Array.isArray(body.result?.data) ||
        body.result.data.length !== batch.length
      ) {
        const detail = body?.errors?.map((error) => error.message).join("; ") || `HTTP ${response.status}`;
        throw new Error(`Workers AI embedding failed for texts ${start}-${start + batch.length - 1}: ${detail}`);
      }
      vectors.push(...body.result.data);
    }
    return vectors;
  };
}
